package org.photoparity.match.comparators;

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
            for (Asset a : r.unmatched(side)) {
                if (++n % KeyMatcher.CANCEL_CHECK == 0) KeyMatcher.checkCanceled(sm);
                if (otherBursts == null && AssetFacts.burstId(a) != null) {
                    otherBursts = bursts(side == SideRole.DEVICE ? r.cloud().assets() : r.device().assets());
                }
                Mismatch m = missing(side, a);
                String why = explanation(a, otherBursts == null ? Set.of() : otherBursts);
                if (why == null) why = notGiven;
                r.report(why == null ? m : m.explained(why));
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
