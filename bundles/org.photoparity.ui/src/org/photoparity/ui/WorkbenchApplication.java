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

    /**
     * With {@code -Dphotoparity.printStartup=true}: prints "photoparity: {@code what} after N ms" (N since the JVM
     * started), for releng/benchmarks/workbench-start.sh and startup-bench.sh.
     */
    public static void printStartup(String what) {
        if (!Boolean.getBoolean("photoparity.printStartup")) return;
        long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("photoparity: " + what + " after " + ms + " ms");
    }

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
        warmSvgDecoder();
        watchFirstFrame(display);
        try {
            int rc = PlatformUI.createAndRunWorkbench(display, new PhotoParityWorkbenchAdvisor());
            return rc == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    /** True once the first frame of the window is complete (its first paint event, then an idle event loop). */
    private static boolean framePainted;
    /** What waits for the first frame (UI thread only). */
    private static final java.util.List<Runnable> afterFirstFrame = new java.util.ArrayList<>();

    /**
     * Watches for the window's first paint from the start (it may come before or after postWindowOpen): on it,
     * once the events already queued are handled, the first frame is complete.
     */
    private static void watchFirstFrame(Display display) {
        org.eclipse.swt.widgets.Listener firstPaint = new org.eclipse.swt.widgets.Listener() {
            @Override
            public void handleEvent(org.eclipse.swt.widgets.Event e) {
                display.removeFilter(org.eclipse.swt.SWT.Paint, this);
                printStartup("window painting");
                // asyncExec runs when the event queue is empty: after the paints of this frame
                display.asyncExec(() -> {
                    printStartup("window painted");
                    framePainted = true;
                    java.util.List<Runnable> waiting = new java.util.ArrayList<>(afterFirstFrame);
                    afterFirstFrame.clear();
                    waiting.forEach(Runnable::run);
                });
            }
        };
        display.addFilter(org.eclipse.swt.SWT.Paint, firstPaint);
    }

    /**
     * Runs {@code r} on the UI thread once the window's first frame is complete (at once when it is), or after
     * {@code fallbackMillis} without one (a window opened minimized or off-screen), whichever comes first; once.
     */
    static void afterFirstFrame(Display display, int fallbackMillis, Runnable r) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true) && !display.isDisposed()) r.run();
        };
        if (framePainted) {
            display.asyncExec(once);
            return;
        }
        afterFirstFrame.add(once);
        display.timerExec(fallbackMillis, once);
    }

    /**
     * The platform's icons are SVG: the first paint of the window (the tab folders' icons) would load and run the SVG
     * rasterizer on the UI thread, a few seconds of class loading on a loaded machine during which the new window
     * stays black. One tiny SVG decoded on a low-priority thread while the workbench builds its window loads it
     * beforehand (ImageLoader needs no display). Without SVG support this does nothing.
     */
    private static void warmSvgDecoder() {
        Thread t = new Thread(() -> {
            byte[] svg = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\">"
                    + "<path d=\"M2 2h12v12H2z\" fill=\"#4a90d9\" stroke=\"#203040\" stroke-width=\"1\"/></svg>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
                new org.eclipse.swt.graphics.ImageLoader().load(new java.io.ByteArrayInputStream(svg));
            } catch (RuntimeException | LinkageError e) {
                // no SVG support in this SWT: nothing to warm
            }
        }, "photoparity-warm-svg");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
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
