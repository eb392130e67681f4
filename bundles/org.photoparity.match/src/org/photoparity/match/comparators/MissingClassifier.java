package org.photoparity.match.comparators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.Sharing;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.internal.AssetFacts;

/**
 * Reports every asset no matcher paired and no classifier marked a duplicate: a loss, unless the evidence explains
 * it ({@link #explanation}): then the mismatch says why it is not one.
 */
public final class MissingClassifier implements IComparator {

    public static final String ID = "missing";

    @Override
    public void run(Reconciliation r, IProgressMonitor monitor) {
        SubMonitor sm = SubMonitor.convert(monitor, "Reporting missing assets", 2);
        for (SideRole side : SideRole.values()) {
            int n = 0;
            Set<String> otherBursts = null; // collected only when an unmatched asset is a burst frame
            // the other side known incomplete (a part not given) explains what it lacks: once per side, not per asset
            String notGiven = notGiven(side == SideRole.DEVICE ? r.cloud() : r.device(), "it");
            List<Mismatch> unexplained = new ArrayList<>();
            for (Asset a : r.unmatched(side)) {
                if (++n % KeyMatcher.CANCEL_CHECK == 0) KeyMatcher.checkCanceled(sm);
                if (otherBursts == null && AssetFacts.burstId(a) != null) {
                    otherBursts = bursts(side == SideRole.DEVICE ? r.cloud().assets() : r.device().assets());
                }
                Mismatch m = missing(side, a);
                String why = explanation(a, otherBursts == null ? Set.of() : otherBursts);
                if (why == null) why = notGiven;
                if (why == null) unexplained.add(m);
                else r.report(m.explained(why));
            }
            // what one side lacks may all be older than anything a download or copy of only the newest items holds
            String older = olderThanTheOtherSide(r, side, unexplained);
            for (Mismatch m : unexplained) {
                Asset a = asset(m, side);
                // a device listing that says the asset is not in iCloud (not synced, waiting to upload) outweighs it
                boolean notUp = side == SideRole.DEVICE && a.listing() != null
                        && (a.listing().cloudState() == CloudState.NOT_SYNCED
                                || a.listing().cloudState() == CloudState.PENDING_UPLOAD);
                boolean before = older != null && !notUp && AssetFacts.captured(a) != null;
                r.report(before ? m.explained(older) : m);
            }
            sm.worked(1);
        }
    }

    /**
     * Why something missing from {@code side} is not shown lost when a source of that side says it lacks a part (a
     * privacy export given without all its parts), else null; {@code what} names the missing thing ("it").
     */
    public static String notGiven(org.photoparity.core.model.SideInventory side, String what) {
        if (side == null) return null;
        for (org.photoparity.core.model.SourceRef s : side.sources()) {
            if (s.incomplete() != null) {
                return "not shown lost: the " + side.role().key() + " " + s.kind().replace('-', ' ')
                        + " given is incomplete: " + s.incomplete() + "; " + what + " may be in what was not given:"
                        + " give every part";
            }
        }
        return null;
    }

    /**
     * How the explanation of a photo older than everything on the other side begins (a download or copy of only the
     * newest items): device evidence of uploads not done (a backup's queue) takes it back (org.photoparity.engine).
     */
    public static final String OLDER_THAN_THE_OTHER_SIDE = "not shown lost: captured before ";

    /** Fewer missing photos than this say nothing of how the cloud download ends; nor fewer shared with it. */
    static final int PARTIAL_MIN = 3;
    private static final long DAY_MS = 24L * 3600_000;

    /**
     * The day of the oldest capture time (wall clock) among a side's assets, or null when fewer than
     * {@link #PARTIAL_MIN} of them carry one: where a download or copy of only the newest items begins.
     */
    public static java.time.LocalDate oldestCaptured(org.photoparity.core.model.SideInventory side) {
        long oldest = Long.MAX_VALUE;
        int timed = 0;
        for (Asset a : side.assets()) {
            org.photoparity.core.model.CaptureTime t = AssetFacts.captured(a);
            if (t == null) continue;
            timed++;
            oldest = Math.min(oldest, t.localMillis());
        }
        return timed < PARTIAL_MIN ? null : java.time.LocalDate.ofEpochDay(Math.floorDiv(oldest, DAY_MS));
    }

    /** The asset a missing-asset mismatch of {@code side} is about. */
    private static Asset asset(Mismatch m, SideRole side) {
        return side == SideRole.DEVICE ? m.deviceAssets().get(0) : m.cloudAssets().get(0);
    }

    /**
     * Why the photos of {@code side} missing from the other side are not shown lost when the other side looks like a
     * download or copy of only its newest items, or null when it does not. The cloud: an iCloud download stopped
     * early or limited to recent items (icloudpd downloads the newest first: an interrupted run, --recent,
     * --until-found; iCloud.com downloads at most 1,000 items at a time). The device: a copy of only its newest items
     * (an import of new items only, the latest DCIM folders). Only when every missing photo with a capture time was
     * taken at least a day before the other side's oldest, there are at least {@link #PARTIAL_MIN} of them, the sides
     * share at least as many assets, and no shared one is that old. Never when the other side lists its library (a
     * privacy export, Photos.sqlite): a listing is the whole library. Photos newer than everything on the other side
     * are not explained: that is what a sync that stopped leaves.
     */
    static String olderThanTheOtherSide(Reconciliation r, SideRole side, List<Mismatch> missing) {
        if (missing.size() < PARTIAL_MIN || r.pairs().size() < PARTIAL_MIN) return null;
        SideRole other = side == SideRole.DEVICE ? SideRole.CLOUD : SideRole.DEVICE;
        org.photoparity.core.model.SideInventory others = other == SideRole.CLOUD ? r.cloud() : r.device();
        for (Asset a : others.assets()) if (a.listing() != null) return null;
        java.time.LocalDate first = oldestCaptured(others);
        if (first == null) return null;
        long oldest = first.toEpochDay() * DAY_MS;
        long before = oldest - DAY_MS;
        int older = 0;
        for (Mismatch m : missing) {
            org.photoparity.core.model.CaptureTime t = AssetFacts.captured(asset(m, side));
            if (t == null) continue;
            if (t.localMillis() >= before) return null; // one inside the other side's span: not the shape of a cut
            older++;
        }
        if (older < PARTIAL_MIN) return null;
        for (Reconciliation.Pair p : r.pairs()) {
            org.photoparity.core.model.CaptureTime t = AssetFacts.captured(side == SideRole.DEVICE ? p.device()
                    : p.cloud());
            if (t != null && t.localMillis() < before) return null; // the other side does hold older photos
        }
        String day = first.toString();
        if (other == SideRole.CLOUD) {
            return OLDER_THAN_THE_OTHER_SIDE + day + ", the oldest photo of the cloud side, which holds only"
                    + " photos from then on, as an iCloud download stopped early or limited to recent items does"
                    + " (icloudpd downloads the newest first: an interrupted run, --recent, --until-found; iCloud.com"
                    + " downloads at most 1,000 items at a time): download the whole library and analyse again; still"
                    + " missing then, it is not in iCloud";
        }
        return OLDER_THAN_THE_OTHER_SIDE + day + ", the oldest photo of the device side, which holds only"
                + " photos from then on, as a copy of only the iPhone's newest items does (an import of new items"
                + " only, the latest DCIM folders): copy the whole DCIM folder and analyse again; still missing then,"
                + " it is not on the iPhone";
    }

    private static Set<String> bursts(List<Asset> assets) {
        Set<String> out = new HashSet<>();
        for (Asset a : assets) {
            String b = AssetFacts.burstId(a);
            if (b != null) out.add(b);
        }
        return out;
    }

    /**
     * Why an asset missing on one side is not a loss, or null when nothing in the evidence explains it: shared
     * content iCloud Photos does not sync, this user's synced Shared Library items (they leave the personal library,
     * the only one icloudpd downloads), hidden and Recently Deleted items (iCloud downloads such as icloudpd skip
     * them unless asked), burst frames that are not the pick (iCloud downloads keep only the picked frames).
     */
    static String explanation(Asset a, Set<String> otherSideBursts) {
        Listing l = a.listing();
        if (l != null && l.sharing().isShared()) return l.sharing().reason();
        if (l != null && l.sharing() == Sharing.SHARED_LIBRARY && l.cloudState() == CloudState.SYNCED) {
            // contributed items move out of the personal library; icloudpd downloads the personal library only
            return "in the Shared Library and synced: iCloud downloads of the personal library (icloudpd) leave it out";
        }
        if (l != null && l.hidden()) {
            return "hidden item: iCloud downloads (icloudpd) skip hidden items unless asked";
        }
        if (l != null && (l.recentlyDeleted() || l.trashed())) {
            return "in Recently Deleted: on its way out, and iCloud downloads (icloudpd) skip it unless asked";
        }
        if (l != null && l.burstId() != null && Boolean.FALSE.equals(l.burstPicked())) {
            return "burst frame not picked: iCloud downloads keep only the picked frames of a burst";
        }
        String burst = AssetFacts.burstId(a);
        if (burst != null && otherSideBursts.contains(burst)) {
            return "burst frame not picked: the other side holds this burst's picked frame (iCloud downloads keep"
                    + " only the picked frames)";
        }
        return null;
    }

    static Mismatch missing(SideRole side, Asset a) {
        List<String> paths = AssetFacts.paths(a);
        Set<String> states = AssetFacts.states(a);
        String what = AssetFacts.isLive(a) ? "Live Photo" : AssetFacts.isVideo(a) ? "video" : "photo";
        String when = AssetFacts.captured(a) != null ? ", captured " + AssetFacts.captured(a)
                : a.listing() != null && a.listing().created() != null ? ", created " + a.listing().created() : "";
        String listed = a.hasFiles() ? "" : " (listed only)";
        String why = states.isEmpty() ? "" : " [" + String.join(", ", states) + "]";
        if (side == SideRole.DEVICE) {
            return new Mismatch(Category.MISSING_IN_CLOUD, paths, List.of(), null,
                    AssetFacts.label(a) + " (" + what + when + ") on the device" + listed + ", not in the cloud" + why,
                    states, List.of(a), List.of());
        }
        return new Mismatch(Category.MISSING_ON_DEVICE, List.of(), paths, null,
                AssetFacts.label(a) + " (" + what + when + ") in the cloud" + listed + ", not on the device" + why,
                states, List.of(), List.of(a));
    }
}
