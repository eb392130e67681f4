package org.photoparity.match.comparators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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
import org.photoparity.match.internal.LongSet;
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
        Evidence ev = Evidence.of(r);
        Predicate<Asset> paired = null; // built only when some side has copies to check
        for (SideRole side : SideRole.values()) {
            KeyMatcher.checkCanceled(sm);
            List<List<Asset>> groups = candidates(r, side);
            if (!groups.isEmpty()) {
                if (paired == null) paired = paired(r);
                mark(r, ev, side, groups, paired);
            }
            sm.worked(1);
        }
    }

    private static Predicate<Asset> paired(Reconciliation r) {
        if (r instanceof MatchState s) return s::isPaired; // the state knows: no set of every paired asset
        Set<Asset> paired = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Reconciliation.Pair p : r.pairs()) {
            paired.add(p.device());
            paired.add(p.cloud());
        }
        return paired::contains;
    }

    /** Groups of two or more assets of the side that look alike and hold at least one unmatched asset. */
    private static List<List<Asset>> candidates(Reconciliation r, SideRole side) {
        Collection<Asset> unmatchedList = r.unmatched(side);
        if (unmatchedList.isEmpty()) return List.of();
        // copies share size and capture time: a cheap filter on the size first, so names are normalised only
        // for the few assets that could be copies of an unmatched one
        LongSet sizes = new LongSet(unmatchedList.size());
        LongSet wanted = new LongSet(unmatchedList.size());
        for (Asset a : unmatchedList) {
            long pre = preKey(a);
            if (pre == NONE) continue;
            sizes.add(AssetFacts.size(a));
            wanted.add(pre);
        }
        Map<String, List<Asset>> groups = new LinkedHashMap<>();
        List<Asset> all = (side == SideRole.DEVICE ? r.device() : r.cloud()).assets();
        for (Asset a : all) {
            if (!sizes.contains(AssetFacts.size(a))) continue;
            long pre = preKey(a);
            if (pre == NONE || !wanted.contains(pre)) continue;
            String k = key(a);
            if (k != null) groups.computeIfAbsent(k, x -> new ArrayList<>(2)).add(a);
        }
        List<List<Asset>> out = new ArrayList<>();
        for (List<Asset> g : groups.values()) if (g.size() > 1) out.add(g);
        return out;
    }

    private static void mark(Reconciliation r, Evidence ev, SideRole side, List<List<Asset>> groups,
            Predicate<Asset> paired) {
        Set<Asset> unmatched = Collections.newSetFromMap(new IdentityHashMap<>());
        unmatched.addAll(r.unmatched(side));
        for (List<Asset> all : groups) {
            List<Asset> g = new ArrayList<>(all.size());
            for (Asset a : all) if (unmatched.contains(a) || paired.test(a)) g.add(a); // skip known duplicates
            boolean anyUnmatched = false;
            for (Asset a : g) anyUnmatched |= unmatched.contains(a);
            if (g.size() < 2 || !anyUnmatched) continue;
            g.sort(KeyMatcher.PREFERENCE);
            Asset keep = null;
            for (Asset a : g) {
                if (paired.test(a)) {
                    keep = a;
                    break;
                }
            }
            if (keep == null) keep = g.get(0);
            for (Asset a : g) {
                if (a != keep && unmatched.contains(a) && ev.contradiction(keep, a, Strength.FILE_NAME) == null) {
                    MatchState.markDuplicate(r, side, a, keep, ID);
                    unmatched.remove(a);
                }
            }
        }
    }

    private static final long NONE = Long.MIN_VALUE;

    /** Size and capture time folded into one number; NONE when either is unknown. */
    static long preKey(Asset a) {
        CaptureTime t = AssetFacts.captured(a);
        long size = AssetFacts.size(a);
        if (t == null || size <= 0) return NONE;
        long k = t.localMillis() * 1_000_003L + size;
        return k == NONE ? NONE + 1 : k;
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
