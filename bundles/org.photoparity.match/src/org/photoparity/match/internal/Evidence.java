package org.photoparity.match.internal;

import java.time.Instant;
import java.util.Objects;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.MatchSettings;
import org.photoparity.match.MatchState;

/**
 * The rule that a weaker key never overrides a stronger contradiction, and the comparisons behind it.
 */
public final class Evidence {

    /** Strength of each key, strongest first; a matcher is refused by any stated contradiction of a stronger one. */
    public enum Strength {
        CLOUD_GUID, FINGERPRINT, CONTENT_HASH, PAYLOAD, CONTENT_IDENTIFIER, IMAGE_UNIQUE_ID, CAPTURE_TIME, FILE_NAME
    }

    /** How two capture times relate. */
    public enum Agreement {
        AGREE, CONTRADICT, UNKNOWN
    }

    /**
     * A comparison of two times: whether they agree within the tolerance, by how much they differ (ms, only when
     * known), and whether their wall clocks differ while their instants agree (a time-zone change).
     */
    public record TimeDiff(Agreement agreement, long deltaMs, boolean exact, boolean zoneDiffers) {
    }

    private static final long MAX_ZONE_MS = 14L * 3600_000;
    private static final long QUARTER_HOUR_MS = 15L * 60_000;

    private final MatchSettings settings;
    /** Stated fingerprints of both sides proved comparable: at least one pair was made by them. */
    private final boolean fingerprintsComparable;

    private Evidence(MatchSettings settings, boolean fingerprintsComparable) {
        this.settings = settings;
        this.fingerprintsComparable = fingerprintsComparable;
    }

    public static Evidence of(Reconciliation r) {
        boolean comparable = false;
        if (r instanceof MatchState s) { // counted as pairs are made: no walk over a million pairs per comparator
            return new Evidence(MatchSettings.of(r.settings()), s.matchedCount("fingerprint") > 0);
        }
        for (Reconciliation.Pair p : r.pairs()) {
            if ("fingerprint".equals(p.matchedBy())) {
                comparable = true;
                break;
            }
        }
        return new Evidence(MatchSettings.of(r.settings()), comparable);
    }

    public MatchSettings settings() {
        return settings;
    }

    /**
     * Why a key of strength {@code key} may not pair the two assets, or null when nothing stronger contradicts it.
     * Only keys both sides state can contradict: a missing id is no evidence either way.
     */
    public String contradiction(Asset d, Asset c, Strength key) {
        if (key.compareTo(Strength.CLOUD_GUID) > 0) {
            String x = AssetFacts.cloudGuid(d), y = AssetFacts.cloudGuid(c);
            if (x != null && y != null && !x.equals(y)) return "different cloud GUIDs";
        }
        // Photos.sqlite and the privacy export may not use the same fingerprint; differing ones only contradict
        // once an equal pair has shown that both sides' fingerprints are of one kind.
        if (key.compareTo(Strength.FINGERPRINT) > 0 && fingerprintsComparable) {
            String x = AssetFacts.statedFingerprint(d), y = AssetFacts.statedFingerprint(c);
            if (x != null && y != null && !x.equals(y)) return "different stated fingerprints";
        }
        // a differing content hash is no contradiction: conversion, reduction and edits all change the bytes
        if (key.compareTo(Strength.CONTENT_IDENTIFIER) > 0) {
            String x = AssetFacts.contentIdentifier(d), y = AssetFacts.contentIdentifier(c);
            if (x != null && y != null && !x.equals(y)) return "different content identifiers";
        }
        if (key.compareTo(Strength.IMAGE_UNIQUE_ID) > 0) {
            String x = AssetFacts.imageUniqueId(d), y = AssetFacts.imageUniqueId(c);
            if (x != null && y != null && !x.equals(y)) return "different image unique ids";
        }
        if (key.compareTo(Strength.CAPTURE_TIME) > 0) {
            if (time(d, c, settings.nameTimeToleranceMs()).agreement() == Agreement.CONTRADICT) {
                return "different capture times";
            }
        }
        return null;
    }

    /** Compares the capture times of two assets (file times, else listing creation times). */
    public TimeDiff time(Asset a, Asset b, long toleranceMs) {
        CaptureTime ca = AssetFacts.captured(a), cb = AssetFacts.captured(b);
        Instant la = listingTime(a), lb = listingTime(b);
        if (ca != null && cb != null) {
            if (ca.offset() != null && cb.offset() != null) {
                long delta = ca.instant().toEpochMilli() - cb.instant().toEpochMilli();
                boolean zone = !ca.offset().equals(cb.offset())
                        && Math.abs(ca.localMillis() - cb.localMillis()) > toleranceMs;
                return new TimeDiff(Math.abs(delta) <= toleranceMs ? Agreement.AGREE : Agreement.CONTRADICT, delta,
                        true, zone);
            }
            // without both offsets only the wall clocks compare: the camera wrote both
            long delta = ca.localMillis() - cb.localMillis();
            return new TimeDiff(Math.abs(delta) <= toleranceMs ? Agreement.AGREE : Agreement.CONTRADICT, delta, true,
                    false);
        }
        long coarse = Math.max(toleranceMs, settings.listingTimeToleranceMs());
        Long ia = ca != null ? instantOrNull(ca) : la == null ? null : Long.valueOf(la.toEpochMilli());
        Long ib = cb != null ? instantOrNull(cb) : lb == null ? null : Long.valueOf(lb.toEpochMilli());
        if (ia != null && ib != null) {
            long delta = ia - ib;
            return new TimeDiff(Math.abs(delta) <= coarse ? Agreement.AGREE : Agreement.CONTRADICT, delta, false,
                    false);
        }
        // a wall clock against an instant: they agree when they differ by a whole time-zone offset
        Long wall = null, inst = null;
        if (ca != null && ca.offset() == null) {
            wall = ca.localMillis();
            inst = ib;
        } else if (cb != null && cb.offset() == null) {
            wall = cb.localMillis();
            inst = ia;
        }
        if (wall != null && inst != null) {
            long delta = Math.abs(wall - inst);
            long rest = delta % QUARTER_HOUR_MS;
            boolean zoneLike = delta <= MAX_ZONE_MS + coarse && (rest <= coarse || QUARTER_HOUR_MS - rest <= coarse);
            return new TimeDiff(zoneLike ? Agreement.AGREE : Agreement.CONTRADICT, 0, false, false);
        }
        return new TimeDiff(Agreement.UNKNOWN, 0, false, false);
    }

    private static Long instantOrNull(CaptureTime c) {
        return c.offset() == null ? null : Long.valueOf(c.instant().toEpochMilli());
    }

    private static Instant listingTime(Asset a) {
        Listing l = a.listing();
        return l == null ? null : l.created();
    }

    /** Same shape (aspect ratio, either orientation), any scale: a reduced copy is compatible. Unknown is. */
    public boolean compatibleShape(Asset a, Asset b) {
        int aw = AssetFacts.width(a), ah = AssetFacts.height(a), bw = AssetFacts.width(b), bh = AssetFacts.height(b);
        if (aw <= 0 || ah <= 0 || bw <= 0 || bh <= 0) return true;
        double ra = (double) Math.max(aw, ah) / Math.min(aw, ah);
        double rb = (double) Math.max(bw, bh) / Math.min(bw, bh);
        return Math.abs(ra - rb) <= settings.aspectTolerance() * ra;
    }

    /** Same make and model where both files state them. */
    public static boolean sameCamera(MediaFile a, MediaFile b) {
        return Objects.equals(norm(a.make()), norm(b.make())) && Objects.equals(norm(a.model()), norm(b.model()));
    }

    public static String norm(String s) {
        return s == null ? null : s.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** Metres between two points (equirectangular; exact enough below a few km). */
    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double x = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = Math.toRadians(lat2 - lat1);
        return Math.sqrt(x * x + y * y) * 6_371_000;
    }
}
