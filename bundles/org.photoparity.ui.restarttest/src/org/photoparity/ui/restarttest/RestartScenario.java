package org.photoparity.ui.restarttest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.photoparity.core.model.Mismatch;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.table.MismatchRows.Column;
import org.photoparity.ui.views.CompareView;
import org.photoparity.ui.views.MismatchesView;
import org.photoparity.ui.views.ProbesView;
import org.photoparity.ui.views.StrategyView;

/**
 * Drives the real product across a restart (releng/org.photoparity.product.tests RestartPersistenceTest). Inert
 * unless {@code -Dphotoparity.restarttest=phase1|phase2|phase3}. Phase 1 waits for the start-up case's analysis,
 * filters the Mismatches table, changes the layout and ticks a checklist step through the widgets, writes what it
 * did to {@code -Dphotoparity.restarttest.out=FILE} and closes the workbench normally (so it saves its state).
 * Phase 2 waits the same way, writes what the restored workbench shows under the same keys, and closes. Phase 3 is
 * phase 2 for a start with {@code -clearPersistedState} (layout reset): it opens the strategy view if it is not open.
 */
public final class RestartScenario implements IStartup {

    static final String PHASE = "photoparity.restarttest";
    static final String STRATEGY_VIEW = "org.photoparity.fix.settings.view";
    private static final long WAIT_MILLIS = 90_000;

    @Override
    public void earlyStartup() {
        String phase = System.getProperty(PHASE, "");
        if (!phase.equals("phase1") && !phase.equals("phase2") && !phase.equals("phase3")) return;
        Path out = Path.of(System.getProperty(PHASE + ".out", "restarttest-" + phase + ".txt"));
        IWorkbench wb = PlatformUI.getWorkbench();
        Display display = wb.getDisplay();
        Map<String, String> facts = new TreeMap<>();
        long start = System.currentTimeMillis();
        try {
            awaitAnalysis(display);
            facts.put("wait.analysis.ms", Long.toString(System.currentTimeMillis() - start));
            if (phase.equals("phase1")) change(display, facts);
            observe(display, facts);
            facts.put("ok", "true");
        } catch (Throwable t) {
            StringWriter sw = new StringWriter();
            t.printStackTrace(new PrintWriter(sw));
            facts.put("error", sw.toString());
        }
        try {
            StringBuilder sb = new StringBuilder();
            facts.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", "\\n"))
                    .append('\n'));
            Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            e.printStackTrace();
        }
        // a normal close: the workbench saves its layout and the views their mementos
        display.asyncExec(wb::close);
    }

    /** Until the start-up case is analysed and the Mismatches table shows its rows. */
    private static void awaitAnalysis(Display display) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            boolean ready = onUi(display, () -> {
                MismatchesView mv = mismatches();
                return CaseSession.current().result() != null && Job.getJobManager().find(AnalyzeJob.FAMILY).length == 0
                        && mv != null && !mv.isBusy();
            });
            if (ready) return;
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("no analysed case after " + WAIT_MILLIS + " ms (case "
                        + onUi(display, () -> String.valueOf(CaseSession.current().caseFolder())) + ")");
            }
            Thread.sleep(100);
        }
    }

    /** Phase 1: what a technician would do, through the views' own widgets. */
    private static void change(Display display, Map<String, String> facts) throws Exception {
        onUi(display, () -> {
            MismatchesView mv = mismatches();
            if (mv.tableRows() == 0) throw new IllegalStateException("the demo case shows no mismatches");
            Mismatch first = mv.mismatchAt(0);
            String text = mv.cellText(0, Column.DEVICE);
            if (text.isBlank()) text = mv.cellText(0, Column.CLOUD);
            facts.put("before.shown", Integer.toString(mv.shownCount()));
            Combo category = categoryCombo(mv);
            category.select(category.indexOf(org.photoparity.ui.table.MismatchRows.phrase(first.category())));
            category.notifyListeners(SWT.Selection, new Event());
            searchField(mv).setText(text.strip()); // Modify: the view refilters after a typing pause
            return null;
        });
        awaitFilter(display);
        onUi(display, () -> {
            IWorkbenchPage page = page();
            page.setPartState(page.findViewReference(CompareView.ID), IWorkbenchPage.STATE_MINIMIZED);
            page.hideView(page.findViewReference(ProbesView.ID));
            StrategyView sv = page.showView(STRATEGY_VIEW).getAdapter(StrategyView.class);
            var step1 = sv.stepButtons().get(0);
            step1.setSelection(true);
            step1.notifyListeners(SWT.Selection, new Event());
            facts.put("case.checklist", CaseSession.current().checklist(sv.strategyId()).toString());
            return null;
        });
    }

    private static void awaitFilter(Display display) throws InterruptedException {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        Thread.sleep(300); // past the typing pause, so isBusy() sees the pending refilter
        while (onUi(display, () -> mismatches().isBusy())) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException("the filter never finished");
            Thread.sleep(50);
        }
    }

    /** Both phases: what the workbench shows now, under the same keys. */
    private static void observe(Display display, Map<String, String> facts) throws Exception {
        onUi(display, () -> {
            IWorkbenchPage page = page();
            MismatchesView mv = mismatches();
            facts.put("filter.text", searchField(mv).getText());
            facts.put("filter.category", categoryCombo(mv).getText());
            facts.put("filter.shown", Integer.toString(mv.shownCount()));
            facts.put("filter.state", mv.currentState().filter().toString());
            IViewReference compare = page.findViewReference(CompareView.ID);
            facts.put("layout.compare", compare == null ? "closed" : state(page.getPartState(compare)));
            facts.put("layout.probes.open", Boolean.toString(page.findViewReference(ProbesView.ID) != null));
            IViewReference sref = page.findViewReference(STRATEGY_VIEW);
            if (sref == null) {
                // after a layout reset: the view is not open, but its ticks live in the case and must come back
                facts.put("layout.strategy.stack", "not open");
                StrategyView sv = page.showView(STRATEGY_VIEW).getAdapter(StrategyView.class);
                facts.put("checklist.step1", Boolean.toString(sv.stepButtons().get(0).getSelection()));
                facts.put("checklist.ticked", sv.tickedSteps().toString());
                return null;
            }
            IViewPart svPart = sref.getView(true);
            StrategyView sv = svPart.getAdapter(StrategyView.class);
            facts.put("layout.strategy.visible", Boolean.toString(page.isPartVisible(svPart)));
            // getViewStack lists created views only, and a restored workbench creates hidden tabs lazily
            List<String> open = new ArrayList<>();
            for (IViewReference r : page.getViewReferences()) {
                r.getView(true);
                open.add(r.getId());
            }
            facts.put("layout.views", String.join(",", open.stream().sorted().toList()));
            List<String> stack = new ArrayList<>();
            for (IViewPart p : page.getViewStack(svPart)) stack.add(p.getViewSite().getId());
            facts.put("layout.strategy.stack", String.join(",", stack.stream().sorted().toList()));
            facts.put("checklist.step1", Boolean.toString(sv.stepButtons().get(0).getSelection()));
            facts.put("checklist.ticked", sv.tickedSteps().toString());
            return null;
        });
    }

    private static String state(int s) {
        return switch (s) {
            case IWorkbenchPage.STATE_MINIMIZED -> "minimized";
            case IWorkbenchPage.STATE_MAXIMIZED -> "maximized";
            default -> "restored";
        };
    }

    private static IWorkbenchPage page() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null) w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        return w.getActivePage();
    }

    private static MismatchesView mismatches() {
        IWorkbenchPage page = page();
        IViewPart v = page == null ? null : page.findView(MismatchesView.ID);
        return v == null ? null : v.getAdapter(MismatchesView.class);
    }

    private static Combo categoryCombo(MismatchesView mv) {
        for (Combo c : find(mv.table().getParent(), Combo.class)) {
            if (c.getItemCount() > 0 && c.getItem(0).equals("All categories")) return c;
        }
        throw new IllegalStateException("Mismatches view has no category filter");
    }

    private static Text searchField(MismatchesView mv) {
        for (Text t : find(mv.table().getParent(), Text.class)) {
            if (t.getMessage().startsWith("Filter:")) return t;
        }
        throw new IllegalStateException("Mismatches view has no text filter");
    }

    private static <T extends Control> List<T> find(Control c, Class<T> type) {
        List<T> out = new ArrayList<>();
        if (type.isInstance(c)) out.add(type.cast(c));
        if (c instanceof Composite comp) for (Control k : comp.getChildren()) out.addAll(find(k, type));
        return out;
    }

    private interface UiCall<T> {
        T call() throws Exception;
    }

    private static <T> T onUi(Display display, UiCall<T> call) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(call.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) throw new IllegalStateException(failure.get());
        return result.get();
    }
}
