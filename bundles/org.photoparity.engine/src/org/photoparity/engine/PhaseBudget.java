package org.photoparity.engine;

import org.photoparity.core.spi.PhaseProgress;
import org.photoparity.core.spi.PhaseProgress.Step;

/**
 * Turns the steps of one analysis into how far the whole run is, in proportion to the work: a unit per file scanned
 * on either side (counted before the scan), matching a fiftieth of a unit per file (100,000 x 100,000 assets match
 * in about 0.2 s where scanning them takes about 10 s), the evidence a hundredth of a unit per file plus one, each
 * check a unit. Passes every step on with its {@link Step#fraction()} set; fractions never go back.
 */
public final class PhaseBudget implements PhaseProgress {

    private final PhaseProgress out;
    private long deviceFiles = -1;
    private long cloudFiles = -1;
    private long probes;
    private double last;

    public PhaseBudget(PhaseProgress out) {
        this.out = PhaseProgress.orNone(out);
    }

    /** The file counts of both sides (-1: not known), known before the scans start. */
    void counted(long device, long cloud, int checks) {
        deviceFiles = device;
        cloudFiles = cloud;
        probes = checks;
    }

    private double files(long n) {
        return Math.max(1, n);
    }

    private double total() {
        double f = files(deviceFiles) + files(cloudFiles);
        return f + matching() + evidence() + Math.max(1, probes);
    }

    private double matching() {
        return Math.max(1, (files(deviceFiles) + files(cloudFiles)) / 50);
    }

    private double evidence() {
        return 1 + (files(deviceFiles) + files(cloudFiles)) / 100;
    }

    /** Units of work done when {@code s} is reported. */
    private double doneAt(Step s) {
        double device = files(deviceFiles);
        double cloud = files(cloudFiles);
        double within = s.total() > 0 ? Math.min(1, (double) s.done() / s.total()) : 0;
        return switch (s.phase()) {
            case COUNTING -> 0;
            case SCANNING -> "cloud".equals(s.side()) ? device + within * cloud : within * device;
            case MATCHING -> device + cloud;
            case EVIDENCE -> device + cloud + matching();
            case PROBES -> device + cloud + matching() + evidence() + within * Math.max(1, probes);
            case THUMBNAILS, REPORT -> total();
        };
    }

    @Override
    public synchronized void step(Step s) {
        double f = Math.max(last, doneAt(s) / total());
        last = f;
        out.step(s.withFraction(f));
    }
}
