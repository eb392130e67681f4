package org.photoparity.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.photoparity.ui.views.PluginsView;
import org.photoparity.ui.views.ProbesView;

/** The default layout for reconciling a case. Window > Reset Perspective restores it. */
public final class ReconcilePerspective implements IPerspectiveFactory {
    public static final String ID = "org.photoparity.ui.perspective.reconcile";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        IFolderLayout main = layout.createFolder("main", IPageLayout.TOP, 0.7f, editor);
        main.addView(ProbesView.ID);
        main.addView(PluginsView.ID);
        layout.addShowViewShortcut(PluginsView.ID);
    }
}
