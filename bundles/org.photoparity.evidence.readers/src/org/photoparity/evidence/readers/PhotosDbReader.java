package org.photoparity.evidence.readers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.Listing;
import org.photoparity.sources.ios.PhotosDatabase;
import org.photoparity.evidence.PhotosLibraryStats;

/**
 * Counts a Photos.sqlite's cloud states into {@link PhotosLibraryStats}. The database is read by the iOS source's
 * {@link PhotosDatabase} (private copy with its -wal, query_only, schema checked column by column); this class only
 * tallies the listings it streams, using the raw Core Data values PhotosDatabase keeps in {@link Listing#extra()}.
 * Only library assets count: rows whose {@link Listing#sharing()} says shared content (shared albums, iCloud links,
 * Shared with You) are counted apart, never as not synced or pending.
 */
public final class PhotosDbReader {

    /** Core Data's epoch, 2001-01-01: a ZLASTUPLOADATTEMPTDATE at or before it is an unset 0. */
    private static final Instant APPLE_EPOCH = Instant.ofEpochSecond(978_307_200L);

    private PhotosDbReader() {
    }

    /** Reads {@code db} with the -wal (or -journal) beside it, when there is one. */
    public static PhotosLibraryStats read(Path db, String label, Instant takenAt, IProgressMonitor monitor)
            throws IOException {
        return read(db, null, label, takenAt, monitor);
    }

    /**
     * Reads {@code db} with a -wal stored under another name (an iOS backup stores both under hashed names).
     *
     * @param wal the write-ahead log, or null to look beside {@code db}
     */
    public static PhotosLibraryStats read(Path db, Path wal, String label, Instant takenAt, IProgressMonitor monitor)
            throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, "Reading " + label, 100);
        Tally tally = new Tally();
        try (PhotosDatabase photos = wal == null ? PhotosDatabase.open(db) : PhotosDatabase.open(db, wal)) {
            sub.worked(10);
            photos.forEach(0, label, "", sub.split(90), tally::add);
        } catch (IOException e) {
            // PhotosDatabase names the file and what to do; the label says which of the user's inputs it was
            throw new IOException(label + ": " + e.getMessage(), e);
        }
        return tally.stats(label, takenAt);
    }

    /** The counts, over library assets not in Recently Deleted. */
    private static final class Tally {
        long assets, trashed, shared, withAttempts, maxAttempts, local, notLocal;
        boolean resources;
        Instant lastAttempt;
        final Map<Integer, Long> assetStates = new HashMap<>();
        final Map<Integer, Long> masterStates = new HashMap<>();
        final Map<String, Integer> pending = new HashMap<>();

        void add(Listing l) {
            Map<String, String> x = l.extra();
            // availability of the originals, any of them on the device (ZINTERNALRESOURCE, data store subtype 1)
            String avail = x.get("originalLocalAvailabilityMax");
            if (avail != null) resources = true;
            if (l.trashed()) {
                trashed++;
                return;
            }
            // shared albums, iCloud links, Shared with You: never synced by iCloud Photos, so never "not synced"
            if (l.sharing().isShared()) {
                shared++;
                return;
            }
            assets++;
            Integer state = integer(x.get("assetCloudLocalState"));
            if (state != null) assetStates.merge(state, 1L, Long::sum);
            Integer master = integer(x.get("masterCloudLocalState"));
            if (master != null) masterStates.merge(master, 1L, Long::sum);
            int attempts = l.uploadAttempts() == null ? 0 : l.uploadAttempts();
            if (attempts > 0) {
                withAttempts++;
                maxAttempts = Math.max(maxAttempts, attempts);
            }
            String lastText = x.get("lastUploadAttemptDate");
            if (lastText != null) {
                Instant last = Instant.parse(lastText);
                if (last.isAfter(APPLE_EPOCH) && (lastAttempt == null || last.isAfter(lastAttempt))) lastAttempt = last;
            }
            // waiting on the cloud master, or never synced although uploads were tried (a missing state reads as 0)
            if ((master != null && master == 1) || ((state == null ? 0 : state) == 0 && attempts > 0)) {
                String uuid = x.get("uuid");
                pending.put(uuid != null ? uuid : "Z_PK " + x.get("pk"), attempts);
            }
            if (avail != null) {
                if ("1".equals(avail)) local++;
                else notLocal++;
            }
        }

        PhotosLibraryStats stats(String label, Instant takenAt) {
            return new PhotosLibraryStats(label, takenAt, assets, trashed, assetStates, masterStates, withAttempts,
                    maxAttempts, lastAttempt, resources ? local : -1, resources ? notLocal : -1, pending, shared);
        }

        private static Integer integer(String s) {
            return s == null ? null : Integer.valueOf(s);
        }
    }
}
