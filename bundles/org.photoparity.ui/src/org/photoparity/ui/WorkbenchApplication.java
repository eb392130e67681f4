package org.photoparity.ui;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/** Starts the PhotoParity workbench. Without a display it says so and points to the headless commands. */
public final class WorkbenchApplication implements IApplication {

    /** Milliseconds since JVM start when the first window became usable; -1 before. */
    public static volatile long startupMillis = -1;

    @Override
    public Object start(IApplicationContext context) {
        Display display;
        try {
            display = PlatformUI.createDisplay();
        } catch (SWTError | UnsatisfiedLinkError e) {
            System.err.println("photoparity: cannot open a display for the workbench (" + e.getMessage() + ").");
            System.err.println("Run it on a desktop (or under Xvfb), or use the headless commands: photoparity --help");
            return Integer.valueOf(1);
        }
        try {
            int rc = PlatformUI.createAndRunWorkbench(display, new PhotoParityWorkbenchAdvisor());
            return rc == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) return;
        var wb = PlatformUI.getWorkbench();
        wb.getDisplay().syncExec(() -> {
            if (!wb.getDisplay().isDisposed()) wb.close();
        });
    }
}
