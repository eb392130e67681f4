package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

/** Helpers for driving the real workbench from tests that run on the UI thread. */
final class Ui {

    private Ui() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** The workbench's case session (its application context holds it). */
    static org.photoparity.ui.session.CaseSession session() {
        return org.photoparity.ui.session.CaseSession.current();
    }

    /** Shows view {@code id} and returns its part object (an Eclipse 4 part behind the compatibility wrapper). */
    static <T> T show(String id, Class<T> type) throws org.eclipse.ui.PartInitException {
        T t = page().showView(id).getAdapter(type);
        if (t == null) fail(id + " is not a " + type.getSimpleName());
        return t;
    }

    /** The part object of view {@code id} when it is open, else null. */
    static <T> T find(String id, Class<T> type) {
        org.eclipse.ui.IViewPart v = page().findView(id);
        return v == null ? null : v.getAdapter(type);
    }

    /** Runs the event loop until {@code condition} holds, failing after {@code millis}. */
    static void waitUntil(String what, long millis, BooleanSupplier condition) {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) fail("timed out after " + millis + " ms waiting for " + what);
            if (!d.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A case of the demo data under {@code tmp} (demo-NAME, case-NAME), not yet open. */
    /** The shared real fixtures (../shared/fixtures/real, as the build passes it), read-only. */
    static java.nio.file.Path realFixtures() {
        java.nio.file.Path shared = java.nio.file.Path.of(System.getProperty("photoparity.shared", "/work/shared"));
        if (!java.nio.file.Files.isDirectory(shared.resolve("fixtures/real/photos"))) {
            shared = java.nio.file.Path.of("/work/shared");
        }
        return shared.resolve("fixtures/real");
    }

    static org.photoparity.cases.CaseFolder demoCase(java.nio.file.Path tmp, String name) throws Exception {
        org.photoparity.demo.DemoCase.Demo demo = org.photoparity.demo.DemoCase.create(tmp.resolve("demo-" + name));
        org.photoparity.cases.CaseData d = org.photoparity.cases.CaseData.named(name)
                .withSources(List.of(demo.device().toString()), List.of(demo.cloud().toString()));
        return org.photoparity.cases.CaseFolder.create(tmp.resolve("case-" + name), d);
    }

    /**
     * Stops what a test left running on a case (analysis, report, saved-results check) and waits until it is done,
     * so the test's temp folder is not written while it is deleted.
     */
    static void settleJobs() {
        Object[] families = {org.photoparity.ui.session.AnalyzeJob.FAMILY,
                org.photoparity.ui.session.AnalyzeJob.ReportJob.FAMILY, org.photoparity.ui.CaseActions.SAVED_FAMILY};
        for (Object f : families) org.eclipse.core.runtime.jobs.Job.getJobManager().cancel(f);
        waitUntil("the case's jobs to end", 60_000, () -> {
            for (Object f : families) {
                if (org.eclipse.core.runtime.jobs.Job.getJobManager().find(f).length > 0) return false;
            }
            return true;
        });
    }

    /** Lets pending asyncExecs and layouts run. */
    static void drain() {
        Display d = Display.getCurrent();
        for (int i = 0; i < 200 && d.readAndDispatch(); i++) {
            // keep going while there is work
        }
    }

    /**
     * The workbench window at 1280x800 in the default perspective (what a technician sees first); returns the
     * window's bounds before, for {@link #restoreLayout}.
     */
    static org.eclipse.swt.graphics.Rectangle at1280x800() {
        org.eclipse.swt.widgets.Shell shell = page().getWorkbenchWindow().getShell();
        org.eclipse.swt.graphics.Rectangle before = shell.getBounds();
        shell.setBounds(0, 0, 1280, 800);
        page().resetPerspective();
        drain();
        return before;
    }

    /** The window's bounds back and the default perspective (views a test moved or maximized put back). */
    static void restoreLayout(org.eclipse.swt.graphics.Rectangle before) {
        if (before != null) page().getWorkbenchWindow().getShell().setBounds(before);
        page().resetPerspective();
        drain();
    }

    /**
     * {@code r} (in {@code c}'s coordinates) lies inside the client area of {@code c} and of each of its parents up
     * to the window: on screen, neither clipped nor scrolled off.
     */
    static void assertOnScreen(Control c, org.eclipse.swt.graphics.Rectangle r, String what) {
        org.eclipse.swt.graphics.Point at = c.toDisplay(r.x, r.y);
        org.eclipse.swt.graphics.Rectangle shown = new org.eclipse.swt.graphics.Rectangle(at.x, at.y, r.width,
                r.height);
        for (Control k = c; k != null; k = k.getParent()) {
            org.eclipse.swt.graphics.Rectangle area = k instanceof Composite comp ? comp.getClientArea()
                    : new org.eclipse.swt.graphics.Rectangle(0, 0, k.getSize().x, k.getSize().y);
            org.eclipse.swt.graphics.Point o = k.toDisplay(area.x, area.y);
            org.eclipse.swt.graphics.Rectangle visible = new org.eclipse.swt.graphics.Rectangle(o.x, o.y, area.width,
                    area.height);
            if (!visible.contains(shown.x, shown.y)
                    || !visible.contains(shown.x + shown.width - 1, shown.y + shown.height - 1)) {
                fail(what + " at " + shown + " is outside the visible " + visible + " of "
                        + k.getClass().getSimpleName());
            }
            if (k instanceof org.eclipse.swt.widgets.Shell) break;
        }
    }

    /** Every control of {@code type} under {@code root}. */
    static <T extends Control> List<T> find(Composite root, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(root, type, out);
        return out;
    }

    private static <T extends Control> void collect(Control c, Class<T> type, List<T> out) {
        if (type.isInstance(c)) out.add(type.cast(c));
        if (c instanceof Composite comp) for (Control k : comp.getChildren()) collect(k, type, out);
    }
}
