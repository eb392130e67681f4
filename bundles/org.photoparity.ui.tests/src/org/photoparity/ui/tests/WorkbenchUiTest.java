package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.ui.ReconcilePerspective;
import org.photoparity.ui.views.PluginsView;

/** Starts the real workbench (under Xvfb in CI) and checks the shell and the Plug-ins view. */
class WorkbenchUiTest {

    private static void onUi(Runnable r) {
        if (Display.getCurrent() != null) r.run();
        else Display.getDefault().syncExec(r);
    }

    @Test
    void mainWindowIsTitledPhotoParityWithTheReconcilePerspective() {
        onUi(() -> {
            IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            assertNotNull(w, "a workbench window");
            assertEquals("PhotoParity", w.getShell().getText());
            assertEquals(ReconcilePerspective.ID, w.getActivePage().getPerspective().getId());
        });
    }

    @Test
    void pluginsViewListsTheSameContributionsAsTheRegistry() {
        onUi(() -> {
            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            PluginsView view;
            try {
                view = page.showView(PluginsView.ID).getAdapter(PluginsView.class);
            } catch (org.eclipse.ui.PartInitException e) {
                throw new AssertionError(e);
            }
            assertNotNull(view, "Plug-ins view open in the default perspective");
            List<PluginsView.Row> shown = view.shownRows();
            List<PluginsView.Row> expected = PluginsView.rows(PhotoParityRegistry.get());
            // the test bundle contributes a probe and a strategy of its own: the product must contribute more
            assertFalse(expected.stream().allMatch(r -> r.bundle().equals("org.photoparity.ui.tests")),
                    "the product contributes sources, comparators, probes and strategies");
            assertEquals(expected, shown);
            assertEquals(PhotoParityRegistry.get().all().size(),
                    shown.stream().filter(r -> r.status().equals("ok")).count());
        });
    }
}
