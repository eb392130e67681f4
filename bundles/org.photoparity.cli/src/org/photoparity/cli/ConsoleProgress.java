package org.photoparity.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.photoparity.core.spi.PhaseProgress;

/**
 * Progress on stderr, never on stdout (scripts read stdout). On a terminal a bar redrawn in place at most ten times a
 * second; with {@code --progress} on something else (a log, a pipe) one line per phase and at most one a second
 * ("photoparity: Scanning 45 of 86 files (device)"); otherwise silent. Once the engine reports phases
 * ({@link PhaseProgress}), the bar and its text follow them ("Scanning 45 of 86 files (device)", "Matching",
 * "Thumbnails 12 of 40") instead of the sub-monitors' ticks. Ctrl-C cancels the running work cleanly through
 * {@link #setCanceled(boolean)}.
 */
final class ConsoleProgress extends NullProgressMonitor implements PhaseProgress {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private final boolean lines;
    private volatile String task = "";
    private volatile String subTask = "";
    private volatile double total = 0;
    private volatile double done = 0;
    /** The last phase step, once the engine reports phases; then it alone draws the bar. */
    private volatile Step step;
    private long lastDraw;
    private boolean drawn;
    /** The phase and side of the last line printed: a new one always gets its line. */
    private String lastKey;
    private long lastLine;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this(err, terminal, false);
    }

    /**
     * @param terminal redraw a bar in place
     * @param lines    when not on a terminal, print phase lines (the {@code --progress} option)
     */
    ConsoleProgress(PrintStream err, boolean terminal, boolean lines) {
        this.err = err;
        this.terminal = terminal;
        this.lines = lines && !terminal;
    }

    static ConsoleProgress forConsole(PrintStream err) {
        return forConsole(err, false);
    }

    /** {@code asked}: the command line's {@code --progress}, which also prints progress where there is no terminal. */
    static ConsoleProgress forConsole(PrintStream err, boolean asked) {
        boolean quiet = System.getenv("PHOTOPARITY_NO_PROGRESS") != null && !asked;
        return new ConsoleProgress(err, System.console() != null && !quiet, asked);
    }

    @Override
    public void step(Step s) {
        step = s;
        draw(false);
        if (!lines) return;
        synchronized (this) {
            long now = System.nanoTime();
            String key = s.phase() + "/" + s.side();
            if (key.equals(lastKey) && now - lastLine < 1_000_000_000L) return;
            lastKey = key;
            lastLine = now;
            err.println(line(s));
            err.flush();
        }
    }

    /** The line printed for a step: "photoparity: Scanning 45 of 86 files (device)  52%". */
    static String line(Step s) {
        return "photoparity: " + s.text() + (Double.isNaN(s.fraction()) ? ""
                : String.format(Locale.ROOT, "  %d%%", Math.round(s.fraction() * 100)));
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
        Step s = step;
        double f;
        String label;
        if (s != null) {
            // a scan alone has no budget: its own count is the bar
            f = !Double.isNaN(s.fraction()) ? s.fraction() : s.total() > 0 ? (double) s.done() / s.total() : 0;
            label = s.text();
        } else {
            f = total <= 0 ? 0 : Math.min(1, done / total);
            label = subTask.isEmpty() ? task : task + ": " + subTask;
        }
        int filled = (int) Math.round(f * WIDTH);
        if (label.length() > 55) label = label.substring(0, 54) + "…";
        err.printf(Locale.ROOT, "\r[%s%s] %3d%% %-55s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                Math.round(f * 100), label);
        err.flush();
        drawn = true;
    }
}
