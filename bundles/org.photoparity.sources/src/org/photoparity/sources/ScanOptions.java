package org.photoparity.sources;

import java.nio.file.Path;

import org.photoparity.core.spi.PhaseProgress;

/**
 * How to scan.
 *
 * @param metadataOnly  skip content fingerprints (a much faster pass: only file heads are read)
 * @param threads       parallel readers, at least 1
 * @param cacheFile     the persistent scan cache, outside every source; null for no cache
 * @param progress      told "Scanning 45 of 86 files (device)" as the scan goes; null for nobody
 * @param expectedFiles the side's file count when the caller counted it already ({@link Scanner#count}); -1 makes
 *                      the scan count first when someone listens to its progress
 */
public record ScanOptions(boolean metadataOnly, int threads, Path cacheFile, PhaseProgress progress,
        long expectedFiles) {

    public ScanOptions {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }

    public ScanOptions(boolean metadataOnly, int threads, Path cacheFile) {
        this(metadataOnly, threads, cacheFile, null, -1);
    }

    /** Full pass, one reader per processor, the cache in its default place. */
    public static ScanOptions defaults() {
        return new ScanOptions(false, Runtime.getRuntime().availableProcessors(), ScanCache.defaultFile());
    }

    public ScanOptions withMetadataOnly(boolean m) {
        return new ScanOptions(m, threads, cacheFile, progress, expectedFiles);
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(metadataOnly, n, cacheFile, progress, expectedFiles);
    }

    public ScanOptions withCacheFile(Path f) {
        return new ScanOptions(metadataOnly, threads, f, progress, expectedFiles);
    }

    public ScanOptions withoutCache() {
        return new ScanOptions(metadataOnly, threads, null, progress, expectedFiles);
    }

    /** Progress by phase, with the side's file count when known (-1: counted by the scan itself). */
    public ScanOptions withProgress(PhaseProgress p, long expected) {
        return new ScanOptions(metadataOnly, threads, cacheFile, p, expected);
    }
}
