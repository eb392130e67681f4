package org.photoparity.match.comparators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence;
import org.photoparity.match.internal.Evidence.Agreement;
import org.photoparity.match.internal.Evidence.Strength;
import org.photoparity.match.internal.Names;

/**
 * The weakest key: the original file name, normalised across exporters' naming (see {@link Names}), plus agreement
 * of either the size or the capture date. A name alone proves nothing (the camera counter wraps every 10 000
 * photos), and a name never pairs assets whose capture times, content identifiers or image unique ids contradict.
 * A file that could not be read (a copy cut short) pairs by its name with the other side's file when nothing
 * contradicts and it is not the larger of the two: the name is then all that can be compared.
 * Within one name, each device asset takes the cloud asset that agrees best: same size, then closest time.
 */
public final class FileNameMatcher implements IComparator {

    public static final String ID = "file-name";

    /** Above this many candidate pairs in one name, only exact-size candidates are tried (bounds the work). */
    static final long PAIRWISE_LIMIT = 10_000;

    @Override
    public void run(Reconciliation r, IProgressMonitor monitor) {
        SubMonitor sm = SubMonitor.convert(monitor, "Matching by file name", 100);
        Evidence ev = Evidence.of(r);
        Map<String, List<Asset>> device = index(r.unmatched(SideRole.DEVICE));
        Map<String, List<Asset>> cloud = index(r.unmatched(SideRole.CLOUD));
        sm.worked(30);
        SubMonitor loop = sm.split(70).setWorkRemaining(Math.max(1, device.size()));
        int n = 0;
        for (Map.Entry<String, List<Asset>> e : device.entrySet()) {
            if (++n % KeyMatcher.CANCEL_CHECK == 0) {
                KeyMatcher.checkCanceled(loop);
                loop.worked(KeyMatcher.CANCEL_CHECK);
            }
            List<Asset> cs = cloud.get(e.getKey());
            if (cs == null) continue;
            List<Asset> ds = e.getValue();
            if ((long) ds.size() * cs.size() <= PAIRWISE_LIMIT) {
                pairwise(r, ev, ds, cs);
            } else {
                bySize(r, ev, ds, cs);
            }
        }
        loop.done();
    }

    private static Map<String, List<Asset>> index(Iterable<Asset> assets) {
        Map<String, List<Asset>> m = new LinkedHashMap<>();
        for (Asset a : assets) {
            String k = key(a);
            if (k != null) m.computeIfAbsent(k, x -> new ArrayList<>(1)).add(a);
        }
        return m;
    }

    /** Normalised name and media class (IMG_1234 the photo and IMG_1234 the video are not the same asset). */
    static String key(Asset a) {
        String name = AssetFacts.originalName(a);
        String k = Names.key(name, AssetFacts.size(a));
        if (k == null || k.isEmpty()) return null;
        return k + '|' + (AssetFacts.isVideo(a) ? 'V' : 'P');
    }

    private static void pairwise(Reconciliation r, Evidence ev, List<Asset> ds, List<Asset> cs) {
        ds = new ArrayList<>(ds);
        ds.sort(KeyMatcher.PREFERENCE);
        cs = new ArrayList<>(cs);
        cs.sort(KeyMatcher.PREFERENCE);
        boolean[] used = new boolean[cs.size()];
        for (Asset d : ds) {
            int best = -1;
            long bestScore = Long.MIN_VALUE;
            for (int j = 0; j < cs.size(); j++) {
                if (used[j]) continue;
                long score = score(ev, d, cs.get(j));
                if (score > bestScore) {
                    best = j;
                    bestScore = score;
                }
            }
            if (best >= 0 && bestScore > Long.MIN_VALUE) {
                used[best] = true;
                r.pair(d, cs.get(best), ID);
            }
        }
    }

    /** Huge name groups (a synthetic or broken library): only equal sizes are tried, through a map. */
    private static void bySize(Reconciliation r, Evidence ev, List<Asset> ds, List<Asset> cs) {
        Map<Long, List<Asset>> sizes = new HashMap<>();
        for (Asset c : cs) {
            long size = AssetFacts.size(c);
            if (size > 0) sizes.computeIfAbsent(size, x -> new ArrayList<>(1)).add(c);
        }
        for (Asset d : ds) {
            List<Asset> same = sizes.get(AssetFacts.size(d));
            if (same == null) continue;
            for (int j = 0; j < same.size(); j++) {
                Asset c = same.get(j);
                if (score(ev, d, c) > Long.MIN_VALUE) {
                    same.remove(j);
                    r.pair(d, c, ID);
                    break;
                }
            }
        }
    }

    /**
     * How well a same-named pair agrees, Long.MIN_VALUE when it may not pair: a stronger key contradicts, or
     * neither size nor date agrees. Equal size outweighs any time closeness.
     */
    static long score(Evidence ev, Asset d, Asset c) {
        if (ev.contradiction(d, c, Strength.FILE_NAME) != null) return Long.MIN_VALUE;
        long sd = AssetFacts.size(d), sc = AssetFacts.size(c);
        boolean sameSize = sd > 0 && sd == sc;
        Evidence.TimeDiff t = ev.time(d, c, ev.settings().nameTimeToleranceMs());
        boolean sameTime = t.agreement() == Agreement.AGREE;
        if (!sameSize && !sameTime) {
            // a copy cut short: its size cannot agree and its time may be unreadable; it is never the larger one
            boolean du = AssetFacts.unreadable(d) != null, cu = AssetFacts.unreadable(c) != null;
            boolean cutShort = du != cu && (du ? sd < sc : sc < sd);
            if (!(cutShort || (du && cu)) || t.agreement() == Agreement.CONTRADICT) return Long.MIN_VALUE;
        }
        long score = 0;
        if (sameSize) score += 1L << 40;
        if (sameTime) score += (1L << 39) - Math.min(Math.abs(t.deltaMs()), (1L << 38));
        return score;
    }
}
