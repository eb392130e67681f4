package org.photoparity.engine;

import java.nio.file.Path;

import org.photoparity.core.spi.PhaseProgress;

/**
 * How to run an analysis beyond what the case says.
 *
 * @param metadataOnly no content fingerprints (faster, weaker matching)
 * @param previous     an earlier backup of the same device, to see whether pending uploads move; or null
 * @param live         also read an attached device with ideviceinfo
 * @param progress     told each phase with its counts and how far the whole run is ({@link PhaseBudget}); or null
 */
public record AnalysisOptions(boolean metadataOnly, Path previous, boolean live, PhaseProgress progress) {

    public AnalysisOptions(boolean metadataOnly, Path previous, boolean live) {
        this(metadataOnly, previous, live, null);
    }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(false, null, false);
    }

    public AnalysisOptions withProgress(PhaseProgress p) {
        return new AnalysisOptions(metadataOnly, previous, live, p);
    }
}
