package org.photoparity.sources;

import java.nio.file.Path;

/**
 * How to scan.
 *
 * @param metadataOnly skip content fingerprints (a much faster pass: only file heads are read)
 * @param threads      parallel readers, at least 1
 * @param cacheFile    the persistent scan cache, outside every source; null for no cache
 */
public record ScanOptions(boolean metadataOnly, int threads, Path cacheFile) {

    public ScanOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }

    /** Full pass, one reader per processor, the cache in its default place. */
    public static ScanOptions defaults() {
        return new ScanOptions(false, Runtime.getRuntime().availableProcessors(), ScanCache.defaultFile());
    }

    public ScanOptions withMetadataOnly(boolean m) {
        return new ScanOptions(m, threads, cacheFile);
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(metadataOnly, n, cacheFile);
    }

    public ScanOptions withCacheFile(Path f) {
        return new ScanOptions(metadataOnly, threads, f);
    }

    public ScanOptions withoutCache() {
        return new ScanOptions(metadataOnly, threads, null);
    }
}
