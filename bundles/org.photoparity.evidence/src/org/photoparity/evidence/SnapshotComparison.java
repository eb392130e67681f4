package org.photoparity.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Two looks at the same device's Photos.sqlite compared on the assets waiting to upload: an upload queue that does
 * not move between them is the sign of a stalled sync that a restart usually clears.
 *
 * @param earlier       the older snapshot's source
 * @param later         the newer snapshot's source
 * @param earlierAt     when the older one was taken, null when unknown
 * @param laterAt       when the newer one was taken, null when unknown
 * @param pendingBefore assets pending in the older snapshot
 * @param pendingAfter  assets pending in the newer snapshot
 * @param stillPending  assets pending in both
 * @param attemptsGrew  of those, how many show more upload attempts (tried again, failed again)
 * @param cleared       assets pending before and not any more (uploaded)
 * @param newlyPending  assets pending now that were not before (new photos)
 */
public record SnapshotComparison(String earlier, String later, Instant earlierAt, Instant laterAt, long pendingBefore,
        long pendingAfter, long stillPending, long attemptsGrew, long cleared, long newlyPending) {

    /** Compares two snapshots, oldest first when both carry a time. */
    public static SnapshotComparison compare(PhotosLibraryStats a, PhotosLibraryStats b) {
        PhotosLibraryStats first = a, second = b;
        if (a.takenAt() != null && b.takenAt() != null && a.takenAt().isAfter(b.takenAt())) {
            first = b;
            second = a;
        }
        long still = 0, grew = 0, cleared = 0, fresh = 0;
        for (Map.Entry<String, Integer> e : first.pending().entrySet()) {
            Integer after = second.pending().get(e.getKey());
            if (after == null) {
                cleared++;
            } else {
                still++;
                if (after > e.getValue()) grew++;
            }
        }
        for (String k : second.pending().keySet()) if (!first.pending().containsKey(k)) fresh++;
        return new SnapshotComparison(first.source(), second.source(), first.takenAt(), second.takenAt(),
                first.pendingUploads(), second.pendingUploads(), still, grew, cleared, fresh);
    }

    /** Pending uploads that did not move: some stayed pending and none of the old queue went up. */
    public boolean stalled() {
        return stillPending > 0 && cleared == 0;
    }

    /** The queue moved: at least one pending asset uploaded in between. */
    public boolean moving() {
        return cleared > 0;
    }

    public Duration between() {
        return earlierAt == null || laterAt == null ? null : Duration.between(earlierAt, laterAt);
    }

    public String describe() {
        Duration d = between();
        return "snapshots " + earlier + " -> " + later + (d == null ? "" : " (" + d.toHours() + " h apart)")
                + ": pending " + pendingBefore + " -> " + pendingAfter + ", still pending " + stillPending
                + " (attempts grew on " + attemptsGrew + "), uploaded in between " + cleared + ", new " + newlyPending;
    }
}
