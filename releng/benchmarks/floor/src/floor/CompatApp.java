package floor;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/**
 * The floor of workbench-floor.sh: the smallest 3.x-compatibility workbench (the layer PhotoParity's views, the
 * Progress view and p2's install pages need) on the product's own bundles and runtime: one window, an empty
 * perspective, no views, no menus of its own.
 */
public final class CompatApp implements IApplication {

    /** The empty perspective. */
    public static final class Empty implements IPerspectiveFactory {
        @Override
        public void createInitialLayout(IPageLayout layout) {
            layout.setEditorAreaVisible(false);
        }
    }

    @Override
    public Object start(IApplicationContext context) {
        Display display = PlatformUI.createDisplay();
        try {
            PlatformUI.createAndRunWorkbench(display, new WorkbenchAdvisor() {
                @Override
                public String getInitialWindowPerspectiveId() {
                    return "floor.empty";
                }

                @Override
                public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer c) {
                    return new WorkbenchWindowAdvisor(c) {
                        @Override
                        public void preWindowOpen() {
                            c.setTitle("Floor compat - PhotoParity");
                            c.setInitialSize(new Point(1280, 800));
                        }
                    };
                }
            });
        } finally {
            display.dispose();
        }
        return EXIT_OK;
    }

    @Override
    public void stop() {
        // the bench kills the process
    }
}
