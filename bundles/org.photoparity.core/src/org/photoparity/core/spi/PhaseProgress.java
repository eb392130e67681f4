package org.photoparity.core.spi;

import java.util.Locale;

/**
 * Where an analysis says which phase it is in and how far, with real counts ("Scanning 45 of 86 files (device)",
 * "Matching", "Thumbnails 12 of 40", "Writing the report"). UI-free: the workbench's job shows each step as its
 * sub-task and advances its bar by {@link Step#fraction()}; the command line prints the same text on stderr.
 * Implementations are called from the analysing thread (scans report from their owning thread only).
 */
@FunctionalInterface
public interface PhaseProgress {

    /** The phases, in the order an analysis runs them; the label is what people read. */
    enum Phase {
        COUNTING("Counting files", "files"),
        SCANNING("Scanning", "files"),
        MATCHING("Matching", "assets"),
        EVIDENCE("Reading the evidence", null),
        PROBES("Checking the fixes", "checks"),
        THUMBNAILS("Thumbnails", null),
        REPORT("Writing the report", null);

        private final String label;
        private final String unit;

        Phase(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One report of progress.
     *
     * @param phase    the phase
     * @param side     "device", "cloud" or null
     * @param done     how many items of the phase are done (files scanned, thumbnails made); 0 when not counted
     * @param total    how many there are in all, or -1 when not known
     * @param fraction how far the whole run is, 0..1, or NaN when the sender does not know (the engine fills it in)
     */
    record Step(Phase phase, String side, long done, long total, double fraction) {

        public static Step of(Phase phase, String side, long done, long total) {
            return new Step(phase, side, done, total, Double.NaN);
        }

        public Step withFraction(double f) {
            return new Step(phase, side, done, total, Math.max(0, Math.min(1, f)));
        }

        /** "Scanning 45 of 86 files (device)", "Matching", "Thumbnails 12 of 40". */
        public String text() {
            StringBuilder b = new StringBuilder(phase.label);
            if (phase == Phase.EVIDENCE || phase == Phase.REPORT) {
                // one piece of work: its count only moves the bar
            } else if (total >= 0 && phase != Phase.COUNTING) {
                b.append(String.format(Locale.ROOT, " %,d of %,d", done, Math.max(done, total)));
                if (phase.unit != null) b.append(' ').append(phase.unit);
            } else if (done > 0) {
                b.append(String.format(Locale.ROOT, " %,d", done));
                if (phase.unit != null) b.append(' ').append(phase.unit);
            }
            if (side != null) b.append(" (").append(side).append(')');
            return b.toString();
        }
    }

    void step(Step step);

    /** Reports nothing. */
    PhaseProgress NONE = s -> {
    };

    /** {@code p}, or {@link #NONE} for null. */
    static PhaseProgress orNone(PhaseProgress p) {
        return p == null ? NONE : p;
    }
}
