package org.photoparity.sources;

import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.spi.MediaReader;

/**
 * The reader a source gets from its scan context: answers from the scan cache when the file's size and time are
 * unchanged, reads (and remembers) it otherwise. A failure to open or an I/O error is not remembered: it may pass.
 */
final class CachingReader implements MediaReader {

    private final MediaReader delegate;
    private final ScanCache cache;
    private final String root;

    CachingReader(MediaReader delegate, ScanCache cache, String root) {
        this.delegate = delegate;
        this.cache = cache;
        this.root = root;
    }

    @Override
    public MediaFile read(int source, String path, long size, long modified, ResourceRole role, Content content,
            boolean fingerprint) {
        return read(source, path, size, modified, 0, role, content, fingerprint);
    }

    /** As {@link #read}, keyed also on the file's change stamp ({@link FileStamp}). */
    MediaFile read(int source, String path, long size, long modified, long change, ResourceRole role, Content content,
            boolean fingerprint) {
        if (cache != null && modified > 0 && size >= 0) {
            MediaFile hit = cache.lookup(root, path, size, modified, change, fingerprint, true);
            if (hit != null) return relabel(hit, source, role);
        }
        MediaFile f = delegate.read(source, path, size, modified, role, content, fingerprint);
        if (cache != null && modified > 0 && size >= 0 && !transientFailure(f)) {
            cache.put(root, path, size, modified, change, f);
        }
        return f;
    }

    /**
     * The cached answer for an unchanged file, null when it must be read (then {@link #read} counts the miss). Lets
     * a source answer cache hits on its walking thread instead of handing each one to the pool.
     */
    MediaFile cached(int source, String path, long size, long modified, long change, ResourceRole role,
            boolean fingerprint) {
        if (cache == null || modified <= 0 || size < 0) return null;
        MediaFile hit = cache.lookup(root, path, size, modified, change, fingerprint, false);
        return hit == null ? null : relabel(hit, source, role);
    }

    private static boolean transientFailure(MediaFile f) {
        String r = f.unreadableReason();
        return r != null && (r.startsWith("cannot open") || r.startsWith("I/O error") || r.startsWith("read "));
    }

    static MediaFile relabel(MediaFile f, int source, ResourceRole role) {
        return new MediaFile(source, f.path(), f.format(), role, f.size(), f.modified(), f.captured(), f.make(),
                f.model(), f.width(), f.height(), f.orientation(), f.latitude(), f.longitude(), f.contentIdentifier(),
                f.imageUniqueId(), f.burstId(), f.fingerprint(), f.payloadKey(), f.screenshot(), f.unreadableReason(),
                f.extra());
    }
}
