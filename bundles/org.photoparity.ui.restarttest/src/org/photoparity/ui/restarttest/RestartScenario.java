package org.photoparity.ui.restarttest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPlaceholder;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
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
            Facts.failed(facts, t);
        }
        Facts.write(out, facts);
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
                throw new IllegalStateException("no analysed case after " + WAIT_MILLIS + " ms (" + onUi(display,
                        RestartScenario::waitingFor) + ")");
            }
            Thread.sleep(100);
        }
    }

    /** What the wait is still waiting for, each condition by name (for the failure message). */
    private static String waitingFor() {
        CaseSession s = CaseSession.current();
        MPart part = page() == null ? null : part(MismatchesView.ID);
        MismatchesView mv = mismatches();
        return "case " + (s.caseFolder() == null ? "none" : "open") + ", result "
                + (s.result() == null ? "none" : "present") + ", analysis " + s.analysis() + ", analyse jobs running "
                + Job.getJobManager().find(AnalyzeJob.FAMILY).length + ", Mismatches view "
                + (part == null ? "not in the model" : mv == null ? "not created" : mv.isBusy() ? "busy" : "idle");
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
            // Probes is a tab behind the Summary that was never shown, so it has no IViewReference yet (hideView of
            // its reference would be a no-op): close its part through the E4 part service
            MPart probes = part(ProbesView.ID);
            window().getContext().get(EPartService.class).hidePart(probes);
            if (isOpen(ProbesView.ID)) throw new IllegalStateException("Probes did not close");
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
            // the layout as the E4 model holds it: views that are not rendered (a minimized stack, a tab never shown
            // since the restart) have no IViewReference, so IWorkbenchPage cannot tell about them
            facts.put("layout.compare", stateOf(CompareView.ID));
            facts.put("layout.probes.open", Boolean.toString(isOpen(ProbesView.ID)));
            if (!isOpen(STRATEGY_VIEW)) {
                // after a layout reset: the view is not open, but its ticks live in the case and must come back
                facts.put("layout.strategy.stack", "not open");
                StrategyView sv = page.showView(STRATEGY_VIEW).getAdapter(StrategyView.class);
                facts.put("checklist.step1", Boolean.toString(sv.stepButtons().get(0).getSelection()));
                facts.put("checklist.ticked", sv.tickedSteps().toString());
                return null;
            }
            IViewReference sref = page.findViewReference(STRATEGY_VIEW);
            IViewPart svPart = sref != null ? sref.getView(true)
                    : page.showView(STRATEGY_VIEW, null, IWorkbenchPage.VIEW_CREATE);
            StrategyView sv = svPart.getAdapter(StrategyView.class);
            facts.put("layout.strategy.visible", Boolean.toString(page.isPartVisible(svPart)));
            facts.put("layout.views", String.join(",", openViews()));
            facts.put("layout.strategy.stack", String.join(",", stackOf(STRATEGY_VIEW)));
            facts.put("checklist.step1", Boolean.toString(sv.stepButtons().get(0).getSelection()));
            facts.put("checklist.ticked", sv.tickedSteps().toString());
            return null;
        });
    }

    /** The view's placeholder in the active perspective, or null. */
    private static MPlaceholder placeholder(String id) {
        MWindow w = window();
        EModelService models = w.getContext().get(EModelService.class);
        List<MPlaceholder> found = models.findElements(models.getActivePerspective(w), id, MPlaceholder.class, null);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Whether the view is open (a tab of its stack, shown or not) in the active perspective. */
    private static boolean isOpen(String id) {
        MPlaceholder p = placeholder(id);
        return p != null && p.isToBeRendered();
    }

    /** closed, minimized, maximized or restored: the state of the view's stack. */
    private static String stateOf(String id) {
        if (!isOpen(id)) return "closed";
        List<String> tags = placeholder(id).getParent().getTags();
        if (tags.contains(org.eclipse.e4.ui.workbench.IPresentationEngine.MINIMIZED)) return "minimized";
        if (tags.contains(org.eclipse.e4.ui.workbench.IPresentationEngine.MAXIMIZED)) return "maximized";
        return "restored";
    }

    /** The ids of the views open in the active perspective, sorted. */
    private static List<String> openViews() {
        MWindow w = window();
        EModelService models = w.getContext().get(EModelService.class);
        return models.findElements(models.getActivePerspective(w), null, MPlaceholder.class, List.of("View")).stream()
                .filter(MUIElement::isToBeRendered).map(MUIElement::getElementId).sorted().toList();
    }

    private static IWorkbenchPage page() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null) w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        return w.getActivePage();
    }

    /**
     * The Mismatches part's object, from the Eclipse 4 model. Not through {@code IWorkbenchPage.findView}: for an
     * e4view the compatibility layer makes the IViewPart wrapper only when the part goes through a page event
     * (activation...), so in a restored workbench findView returns null for a view that is on screen and showing
     * results until it is clicked. Null while the part is not created.
     */
    private static MismatchesView mismatches() {
        MPart p = page() == null ? null : part(MismatchesView.ID);
        return p != null && p.getObject() instanceof MismatchesView mv ? mv : null;
    }

    private static MWindow window() {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null) w = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        return w.getService(MWindow.class);
    }

    private static MPart part(String id) {
        return window().getContext().get(EPartService.class).findPart(id);
    }

    /**
     * The ids of the views shown as tabs of the stack holding {@code id} in the active perspective, sorted (from the
     * E4 model: IWorkbenchPage.getViewStack lists only the 3.x view parts, not the e4view parts).
     */
    private static List<String> stackOf(String id) {
        MPlaceholder p = placeholder(id);
        if (p == null) return List.of("no placeholder for " + id);
        List<String> ids = new ArrayList<>();
        for (MUIElement e : p.getParent().getChildren()) {
            if (e.isToBeRendered()) ids.add(e.getElementId());
        }
        return ids.stream().sorted().toList();
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
        try {
            return UiThread.call(display, call::call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
