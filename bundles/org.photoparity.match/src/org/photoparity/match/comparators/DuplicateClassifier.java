package org.photoparity.match.comparators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.MatchState;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence;
import org.photoparity.match.internal.Evidence.Strength;
import org.photoparity.match.internal.Names;

/**
 * Finds the copies the matchers could not prove by content: on one side, assets with the same normalised name,
 * the same size and the same capture time ({@code IMG_1234.JPG} and {@code IMG_1234 (1).JPG} from a second
 * download). An unpaired copy is marked a duplicate of the paired one (or of the preferred one when none is paired);
 * when every copy is paired, the other side holds as many copies and there is nothing to explain.
 */
public final class DuplicateClassifier implements IComparator {

    public static final String ID = "same-side-duplicates";

    @Override
    public void run(Reconciliation r, IProgressMonitor monitor) {
        SubMonitor sm = SubMonitor.convert(monitor, "Finding duplicates", 2);
        Set<Asset> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Reconciliation.Pair p : r.pairs()) {
            paired.add(p.device());
            paired.add(p.cloud());
        }
        Evidence ev = Evidence.of(r);
        for (SideRole side : SideRole.values()) {
            KeyMatcher.checkCanceled(sm);
            run(r, ev, side, paired);
            sm.worked(1);
        }
    }

    private void run(Reconciliation r, Evidence ev, SideRole side, Set<Asset> paired) {
        Set<Asset> unmatched = Collections.newSetFromMap(new IdentityHashMap<>());
        unmatched.addAll(r.unmatched(side));
        if (unmatched.isEmpty()) return;
        Map<String, List<Asset>> groups = new LinkedHashMap<>();
        List<Asset> all = (side == SideRole.DEVICE ? r.device() : r.cloud()).assets();
        for (Asset a : all) {
            if (!unmatched.contains(a) && !paired.contains(a)) continue; // already a duplicate
            String k = key(a);
            if (k != null) groups.computeIfAbsent(k, x -> new ArrayList<>(1)).add(a);
        }
        for (List<Asset> g : groups.values()) {
            if (g.size() < 2) continue;
            boolean anyUnmatched = false;
            for (Asset a : g) anyUnmatched |= unmatched.contains(a);
            if (!anyUnmatched) continue;
            g.sort(KeyMatcher.PREFERENCE);
            Asset keep = null;
            for (Asset a : g) {
                if (paired.contains(a)) {
                    keep = a;
                    break;
                }
            }
            if (keep == null) keep = g.get(0);
            for (Asset a : g) {
                if (a != keep && unmatched.contains(a) && ev.contradiction(keep, a, Strength.FILE_NAME) == null) {
                    MatchState.markDuplicate(r, side, a, keep, ID);
                }
            }
        }
    }

    /** Name, media class, size and wall-clock capture time; null unless all are known. */
    static String key(Asset a) {
        CaptureTime t = AssetFacts.captured(a);
        long size = AssetFacts.size(a);
        if (t == null || size <= 0) return null;
        String name = Names.key(AssetFacts.originalName(a), size);
        if (name == null) return null;
        return name + '|' + (AssetFacts.isVideo(a) ? 'V' : 'P') + '|' + size + '|' + t.localMillis();
    }
}
