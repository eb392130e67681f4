package org.photoparity.ui;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.photoparity.ui.views.CaseExplorerView;
import org.photoparity.ui.views.CompareView;
import org.photoparity.ui.views.MismatchesView;
import org.photoparity.ui.views.PluginsView;
import org.photoparity.ui.views.ProbesView;
import org.photoparity.ui.views.StrategyViewFactory;
import org.photoparity.ui.views.SummaryView;

/**
 * The default layout for reconciling a case, sized for 1280x800: cases on the left; summary, probes and the fix
 * views above; mismatches and compare below. Window > Reset Perspective restores it.
 */
public final class ReconcilePerspective implements IPerspectiveFactory {
    public static final String ID = "org.photoparity.ui.perspective.reconcile";
    public static final String TOP = "top";
    public static final String BOTTOM = "bottom";
    /** The platform's Progress view (jobs with their Stop buttons), declared by this bundle's plugin.xml. */
    public static final String PROGRESS = "org.eclipse.ui.views.ProgressView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.2f, editor);
        left.addView(CaseExplorerView.ID);
        IFolderLayout top = layout.createFolder(TOP, IPageLayout.TOP, 0.46f, editor);
        top.addView(SummaryView.ID);
        top.addView(ProbesView.ID);
        top.addView(PluginsView.ID);
        IFolderLayout bottom = layout.createFolder(BOTTOM, IPageLayout.TOP, 0.99f, editor);
        bottom.addView(MismatchesView.ID);
        bottom.addView(PROGRESS);
        IFolderLayout compare = layout.createFolder("compare", IPageLayout.RIGHT, 0.62f, BOTTOM);
        compare.addView(CompareView.ID);
        for (String id : new String[] { CaseExplorerView.ID, SummaryView.ID, MismatchesView.ID, CompareView.ID,
                ProbesView.ID, PluginsView.ID, PROGRESS }) {
            layout.addShowViewShortcut(id);
        }
        // each installed fix contributes a strategy view: it opens beside Probes and is in Window > Show View
        if (Platform.getExtensionRegistry() == null) return;
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.ui.views")) {
            if ("view".equals(e.getName()) && StrategyViewFactory.strategyOf(e) != null) {
                top.addPlaceholder(e.getAttribute("id"));
                layout.addShowViewShortcut(e.getAttribute("id"));
            }
        }
    }
}
