package org.photoparity.evidence;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a device's Photos.sqlite says about the library's place in iCloud Photos, counted over library assets that are
 * not in Recently Deleted (shared content, which iCloud Photos does not sync, is counted apart in {@code shared}).
 *
 * @param source             the database read (file name, or backup path)
 * @param takenAt            when the database was last written (backup date or file time), null when unknown
 * @param assets             library assets not trashed
 * @param trashed            assets in Recently Deleted
 * @param assetCloudStates   ZASSET.ZCLOUDLOCALSTATE value to count (0 not synced / iCloud Photos off, 1 syncable)
 * @param masterCloudStates  ZCLOUDMASTER.ZCLOUDLOCALSTATE value to count (0 not synced, 1 pending upload, 3 synced);
 *                           empty when the database has no cloud masters
 * @param withUploadAttempts assets with ZUPLOADATTEMPTS above 0
 * @param maxUploadAttempts  the most attempts on one asset
 * @param lastUploadAttempt  the latest ZLASTUPLOADATTEMPTDATE, null when none
 * @param originalsLocal     assets whose original is on the device (ZLOCALAVAILABILITY 1), -1 when not recorded
 * @param originalsNotLocal  assets whose original is only in iCloud (Optimize Storage), -1 when not recorded
 * @param pending            assets waiting to upload (cloud master state 1, or never synced with attempts), by
 *                           ZUUID, with their upload attempts: what two snapshots are compared on
 * @param shared             rows of shared content (shared albums, iCloud links, Shared with You), left out of every
 *                           count above
 */
public record PhotosLibraryStats(String source, Instant takenAt, long assets, long trashed,
        Map<Integer, Long> assetCloudStates, Map<Integer, Long> masterCloudStates, long withUploadAttempts,
        long maxUploadAttempts, Instant lastUploadAttempt, long originalsLocal, long originalsNotLocal,
        Map<String, Integer> pending, long shared) {

    /** Stats without a count of shared rows (none were seen). */
    public PhotosLibraryStats(String source, Instant takenAt, long assets, long trashed,
            Map<Integer, Long> assetCloudStates, Map<Integer, Long> masterCloudStates, long withUploadAttempts,
            long maxUploadAttempts, Instant lastUploadAttempt, long originalsLocal, long originalsNotLocal,
            Map<String, Integer> pending) {
        this(source, takenAt, assets, trashed, assetCloudStates, masterCloudStates, withUploadAttempts,
                maxUploadAttempts, lastUploadAttempt, originalsLocal, originalsNotLocal, pending, 0);
    }

    public PhotosLibraryStats {
        assetCloudStates = java.util.Collections.unmodifiableMap(new TreeMap<>(assetCloudStates));
        masterCloudStates = java.util.Collections.unmodifiableMap(new TreeMap<>(masterCloudStates));
        pending = java.util.Collections.unmodifiableMap(new TreeMap<>(pending));
    }

    public long notSynced() {
        return assetCloudStates.getOrDefault(0, 0L);
    }

    /** Assets the cloud master says are synced (state 3). */
    public long synced() {
        return masterCloudStates.getOrDefault(3, 0L);
    }

    public long pendingUploads() {
        return pending.size();
    }

    /** Every asset says "not synced": iCloud Photos is off for this library (or never finished turning on). */
    public boolean noneSynced() {
        return assets > 0 && notSynced() == assets && synced() == 0;
    }

    /** One line naming the database and the counts, for evidence lists. */
    public String describe() {
        return source + ": " + assets + " library assets, ZCLOUDLOCALSTATE " + assetCloudStates + ", cloud masters "
                + masterCloudStates + ", " + pending.size() + " pending upload, " + withUploadAttempts
                + " with upload attempts (max " + maxUploadAttempts + ")"
                + (originalsNotLocal >= 0 ? ", originals only in iCloud: " + originalsNotLocal : "")
                + (shared > 0 ? "; " + shared + " shared items (shared albums, Shared with You) not counted: iCloud"
                        + " Photos does not sync them" : "");
    }
}
