package org.photoparity.engine;

import java.nio.file.Path;

/**
 * How to run an analysis beyond what the case says.
 *
 * @param metadataOnly no content fingerprints (faster, weaker matching)
 * @param previous     an earlier backup of the same device, to see whether pending uploads move; or null
 * @param live         also read an attached device with ideviceinfo
 */
public record AnalysisOptions(boolean metadataOnly, Path previous, boolean live) {

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(false, null, false);
    }
}
