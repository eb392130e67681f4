package org.photoparity.match.comparators;

import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.Sharing;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.internal.AssetFacts;

/** Reports every asset no matcher paired and no classifier marked a duplicate. */
public final class MissingClassifier implements IComparator {

    public static final String ID = "missing";

    @Override
    public void run(Reconciliation r, IProgressMonitor monitor) {
        SubMonitor sm = SubMonitor.convert(monitor, "Reporting missing assets", 2);
        for (SideRole side : SideRole.values()) {
            int n = 0;
            for (Asset a : r.unmatched(side)) {
                if (++n % KeyMatcher.CANCEL_CHECK == 0) KeyMatcher.checkCanceled(sm);
                r.report(missing(side, a));
            }
            sm.worked(1);
        }
    }

    static Mismatch missing(SideRole side, Asset a) {
        Mismatch m = unpaired(side, a);
        // shared content (shared albums, iCloud links, Shared with You, others' Shared Library items) is not part of
        // iCloud Photos sync: kept apart as explained, never a loss
        Sharing sharing = a.listing() != null ? a.listing().sharing() : Sharing.LIBRARY;
        if (!sharing.isShared()) return m;
        return new Mismatch(m.category(), m.device(), m.cloud(), m.matchedBy(), m.detail() + ": " + sharing.reason(),
                m.states(), m.deviceAssets(), m.cloudAssets(), false, sharing.reason());
    }

    private static Mismatch unpaired(SideRole side, Asset a) {
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
