package org.photoparity.match.comparators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.MatchState;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence;
import org.photoparity.match.internal.Evidence.Strength;

/**
 * A matcher by one identifying key: both sides are indexed in a hash map by the key, so the work grows with the
 * number of assets, not with their product. Within one key, assets are paired first to first (the shortest path
 * first, so {@code IMG_1234.HEIC} is preferred over {@code IMG_1234 (1).HEIC}); a side that holds the key more
 * often than the other holds the same asset twice, and the surplus is marked as a duplicate.
 */
public abstract class KeyMatcher implements IComparator {

    /** Shortest path first, then by path: the plain name before the exporter's copy. */
    static final Comparator<Asset> PREFERENCE = Comparator
            .comparingInt((Asset a) -> firstPath(a).length())
            .thenComparing(KeyMatcher::firstPath);

    static final int CANCEL_CHECK = 1024;

    /** The matchedBy key written for pairs this matcher makes. */
    public abstract String id();

    abstract Strength strength();

    /** The asset's key, null when it states none. */
    abstract String key(Asset a);

    @Override
    public void run(Reconciliation r, IProgressMonitor monitor) {
        SubMonitor sm = SubMonitor.convert(monitor, "Matching by " + id(), 100);
        Evidence ev = Evidence.of(r);
        Map<String, Object> device = index(r.unmatched(SideRole.DEVICE));
        sm.worked(20);
        Map<String, Object> cloud = index(r.unmatched(SideRole.CLOUD));
        sm.worked(20);
        checkCanceled(sm);
        SubMonitor loop = sm.split(60).setWorkRemaining(Math.max(1, device.size() + cloud.size()));
        int n = 0;
        for (Map.Entry<String, Object> e : device.entrySet()) {
            Object cs = cloud.remove(e.getKey());
            resolve(r, ev, e.getValue(), cs);
            if (++n % CANCEL_CHECK == 0) {
                checkCanceled(loop);
                loop.worked(CANCEL_CHECK);
            }
        }
        for (Object cs : cloud.values()) {
            if (cs instanceof List<?>) resolve(r, ev, null, cs); // only repeats on the cloud side matter here
            if (++n % CANCEL_CHECK == 0) {
                checkCanceled(loop);
                loop.worked(CANCEL_CHECK);
            }
        }
        loop.done();
    }

    /** Key to one asset, or to a list when the key repeats (most keys are unique: no list for them). */
    private Map<String, Object> index(Iterable<Asset> assets) {
        int n = assets instanceof java.util.Collection<?> c ? c.size() : 16;
        Map<String, Object> m = new LinkedHashMap<>(Math.max(16, n * 4 / 3 + 1));
        for (Asset a : assets) {
            String k = key(a);
            if (k == null) continue;
            Object prev = m.putIfAbsent(k, a);
            if (prev == null) continue;
            if (prev instanceof Asset single) {
                List<Asset> list = new ArrayList<>(2);
                list.add(single);
                list.add(a);
                m.put(k, list);
            } else {
                @SuppressWarnings("unchecked")
                List<Asset> list = (List<Asset>) prev;
                list.add(a);
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Asset> asList(Object o) {
        if (o == null) return List.of();
        if (o instanceof Asset a) return List.of(a);
        List<Asset> l = new ArrayList<>((List<Asset>) o);
        l.sort(PREFERENCE);
        return l;
    }

    private void resolve(Reconciliation r, Evidence ev, Object deviceGroup, Object cloudGroup) {
        if (deviceGroup instanceof Asset d && cloudGroup instanceof Asset c) { // the common case, no allocation
            if (ev.contradiction(d, c, strength()) == null) r.pair(d, c, id());
            return;
        }
        if (cloudGroup == null && deviceGroup instanceof Asset) return;
        List<Asset> ds = asList(deviceGroup);
        List<Asset> cs = asList(cloudGroup);
        boolean[] dPaired = new boolean[ds.size()];
        boolean[] cPaired = new boolean[cs.size()];
        for (int i = 0; i < ds.size(); i++) {
            for (int j = 0; j < cs.size(); j++) {
                if (!cPaired[j] && ev.contradiction(ds.get(i), cs.get(j), strength()) == null) {
                    r.pair(ds.get(i), cs.get(j), id());
                    dPaired[i] = cPaired[j] = true;
                    break;
                }
            }
        }
        markSurplus(r, ev, SideRole.DEVICE, ds, dPaired);
        markSurplus(r, ev, SideRole.CLOUD, cs, cPaired);
    }

    /** Unpaired assets of a group that repeat a kept one of the same side are duplicates of it. */
    private void markSurplus(Reconciliation r, Evidence ev, SideRole side, List<Asset> group, boolean[] paired) {
        if (group.size() < 2) return;
        List<Asset> kept = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) if (paired[i]) kept.add(group.get(i));
        for (int i = 0; i < group.size(); i++) {
            if (paired[i]) continue;
            Asset a = group.get(i);
            Asset of = null;
            for (Asset k : kept) {
                if (sameAsset(ev, k, a)) {
                    of = k;
                    break;
                }
            }
            if (of == null) {
                kept.add(a); // the first unpaired copy stays for weaker keys; later copies duplicate it
            } else {
                MatchState.markDuplicate(r, side, a, of, id());
            }
        }
    }

    /** Two assets of one side under this key are one asset unless a stronger key or their media says otherwise. */
    boolean sameAsset(Evidence ev, Asset a, Asset b) {
        return AssetFacts.isVideo(a) == AssetFacts.isVideo(b) && ev.contradiction(a, b, strength()) == null;
    }

    static String firstPath(Asset a) {
        if (a.primary() != null) return a.primary().path();
        return AssetFacts.paths(a).get(0);
    }

    static void checkCanceled(IProgressMonitor m) {
        if (m.isCanceled()) throw new OperationCanceledException();
    }
}
