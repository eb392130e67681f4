package org.photoparity.ui.restarttest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.views.IViewCategory;
import org.eclipse.ui.views.IViewDescriptor;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.views.PluginsView;
import org.photoparity.ui.views.ProbesView;
import org.photoparity.ui.views.SummaryView;

/**
 * What the real product's workbench shows of the installed fixes (releng/org.photoparity.product.tests
 * FixesInTheWorkbenchTest: a fix bundle removed, an eighth one added). Inert unless
 * {@code -Dphotoparity.fixestest.out=FILE}. Collects, as the technician sees them: the labels of Preferences >
 * PhotoParity > Probes, the views of the Fixes category (Window > Show View), and, once the start-up case is
 * analysed, every text of the Summary, Probes and Plug-ins views; writes them as key=value lines and closes.
 */
public final class FixesScenario implements IStartup {

    static final String OUT = "photoparity.fixestest.out";
    private static final String FIXES_CATEGORY = "org.photoparity.ui.category.fixes";
    private static final long WAIT_MILLIS = 90_000;

    @Override
    public void earlyStartup() {
        String file = System.getProperty(OUT, "");
        if (file.isBlank()) return;
        IWorkbench wb = PlatformUI.getWorkbench();
        Display display = wb.getDisplay();
        Map<String, String> facts = new TreeMap<>();
        try {
            onUi(display, () -> {
                facts.put("prefs.probes", preferenceLabels("org.photoparity.ui.prefs.probes"));
                List<String> views = new ArrayList<>();
                for (IViewCategory c : wb.getViewRegistry().getCategories()) {
                    if (!c.getId().equals(FIXES_CATEGORY)) continue;
                    for (IViewDescriptor v : c.getViews()) views.add(v.getId() + " | " + v.getLabel());
                }
                facts.put("views.fixes", String.join("\n", views.stream().sorted().toList()));
                return null;
            });
            awaitAnalysis(display);
            onUi(display, () -> {
                IWorkbenchPage page = page();
                for (String id : List.of(PluginsView.ID, ProbesView.ID, SummaryView.ID)) page.showView(id);
                return null;
            });
            Thread.sleep(500); // the views fill from the result on the UI thread
            onUi(display, () -> {
                List<String> texts = new ArrayList<>();
                collect(page().getWorkbenchWindow().getShell(), texts);
                facts.put("workbench.texts", String.join("\n", texts));
                return null;
            });
            facts.put("ok", "true");
        } catch (Throwable t) {
            Facts.failed(facts, t);
        }
        Facts.write(Path.of(file), facts);
        display.asyncExec(wb::close);
    }

    /** The labels of one preference page, as shown. */
    private static String preferenceLabels(String pageId) {
        Shell shell = page().getWorkbenchWindow().getShell();
        PreferenceDialog d = PreferencesUtil.createPreferenceDialogOn(shell, pageId, null, null);
        d.setBlockOnOpen(false);
        d.open();
        try {
            Control c = ((IPreferencePage) d.getSelectedPage()).getControl();
            List<String> texts = new ArrayList<>();
            collect(c, texts);
            return String.join("\n", texts);
        } finally {
            d.close();
        }
    }

    /** Every text a control tree shows: labels, links, buttons, text fields, table and tree rows. */
    private static void collect(Control c, List<String> out) {
        String t = switch (c) {
            case Label l -> l.getText();
            case CLabel l -> l.getText();
            case Link l -> l.getText();
            case Button b -> b.getText();
            case Text x -> x.getText();
            default -> null;
        };
        if (t != null && !t.isBlank()) out.add(t);
        if (c instanceof Table table) {
            for (TableItem i : table.getItems()) {
                for (int k = 0; k < Math.max(1, table.getColumnCount()); k++) out.add(i.getText(k));
            }
        }
        if (c instanceof Tree tree) {
            for (TreeItem i : tree.getItems()) collect(i, Math.max(1, tree.getColumnCount()), out);
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) collect(child, out);
        }
    }

    private static void collect(TreeItem item, int columns, List<String> out) {
        for (int k = 0; k < columns; k++) out.add(item.getText(k));
        for (TreeItem child : item.getItems()) collect(child, columns, out);
    }

    /** Until the start-up case is analysed (analysing it when it was opened without). */
    private static void awaitAnalysis(Display display) throws Exception {
        long start = System.currentTimeMillis(), end = start + WAIT_MILLIS;
        boolean asked = false;
        while (true) {
            int state = onUi(display, () -> {
                CaseSession s = CaseSession.current();
                boolean running = Job.getJobManager().find(AnalyzeJob.FAMILY).length > 0;
                if (s.result() != null && !running) return 2;
                return s.hasCase() && !running ? 1 : 0;
            });
            if (state == 2) return;
            if (state == 1 && !asked && System.currentTimeMillis() > start + 5_000) {
                onUi(display, CaseActions::analyze); // a case shown without a result: analyse it, as Analyze does
                asked = true;
            }
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("no analysed case after " + WAIT_MILLIS + " ms");
            }
            Thread.sleep(100);
        }
    }

    private static IWorkbenchPage page() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null) w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        return w.getActivePage();
    }

    private static <T> T onUi(Display display, Callable<T> body) throws Exception {
        return UiThread.call(display, body);
    }
}
