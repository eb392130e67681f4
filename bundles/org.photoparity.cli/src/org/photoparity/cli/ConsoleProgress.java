package org.photoparity.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * A progress bar on a terminal (redrawn in place on stderr, at most ten times a second); silent when the output is
 * not a terminal. Ctrl-C cancels the running work cleanly through {@link #setCanceled(boolean)}.
 */
final class ConsoleProgress extends NullProgressMonitor {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private volatile String task = "";
    private volatile String subTask = "";
    private volatile double total = 0;
    private volatile double done = 0;
    private long lastDraw;
    private boolean drawn;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static ConsoleProgress forConsole(PrintStream err) {
        return new ConsoleProgress(err, System.console() != null && System.getenv("PHOTOPARITY_NO_PROGRESS") == null);
    }

    @Override
    public void beginTask(String name, int totalWork) {
        task = name == null ? "" : name;
        total = totalWork <= 0 ? 0 : totalWork;
        done = 0;
        draw(true);
    }

    @Override
    public void setTaskName(String name) {
        task = name == null ? "" : name;
        draw(false);
    }

    @Override
    public void subTask(String name) {
        subTask = name == null ? "" : name;
        draw(false);
    }

    @Override
    public void internalWorked(double work) {
        done += work;
        draw(false);
    }

    @Override
    public void worked(int work) {
        internalWorked(work);
    }

    @Override
    public void done() {
        if (terminal && drawn) {
            synchronized (this) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
                drawn = false;
            }
        }
    }

    private synchronized void draw(boolean force) {
        if (!terminal) return;
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) return;
        lastDraw = now;
        double f = total <= 0 ? 0 : Math.min(1, done / total);
        int filled = (int) Math.round(f * WIDTH);
        String label = subTask.isEmpty() ? task : task + ": " + subTask;
        if (label.length() > 55) label = label.substring(0, 54) + "…";
        err.printf(Locale.ROOT, "\r[%s%s] %3d%% %-55s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(f * 100), label);
        err.flush();
        drawn = true;
    }
}
