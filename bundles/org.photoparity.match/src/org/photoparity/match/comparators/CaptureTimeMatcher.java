package org.photoparity.match.comparators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.MatchSettings;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence;
import org.photoparity.match.internal.Evidence.Strength;

/**
 * Pairs assets taken at the same wall-clock moment, to the sub-second, by the same make and model, whose shapes
 * are compatible (same aspect ratio in either orientation, any scale so a reduced copy still pairs). The cloud side
 * is grouped by camera and sorted by time; each device asset looks up its window by binary search, so the work is
 * n log n. Two photos of the same second with different content identifiers or image unique ids stay apart.
 */
public final class CaptureTimeMatcher implements IComparator {

    public static final String ID = "capture-time";

    /** One camera's cloud assets, sorted by capture time. */
    private static final class Track {
        final List<Asset> assets = new ArrayList<>();
        long[] times;
        Asset[] sorted;
        boolean[] used;

        void seal() {
            int n = assets.size();
            Integer[] order = new Integer[n];
            long[] raw = new long[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
                raw[i] = time(assets.get(i));
            }
            Arrays.sort(order, (x, y) -> Long.compare(raw[x], raw[y]));
            times = new long[n];
            sorted = new Asset[n];
            used = new boolean[n];
            for (int i = 0; i < n; i++) {
                times[i] = raw[order[i]];
                sorted[i] = assets.get(order[i]);
            }
        }
    }

    @Override
    public void run(Reconciliation r, IProgressMonitor monitor) {
        SubMonitor sm = SubMonitor.convert(monitor, "Matching by capture time", 100);
        Evidence ev = Evidence.of(r);
        MatchSettings s = ev.settings();
        Map<String, Track> tracks = new HashMap<>();
        for (Asset c : r.unmatched(SideRole.CLOUD)) {
            String k = key(c, s);
            if (k != null) tracks.computeIfAbsent(k, x -> new Track()).assets.add(c);
        }
        for (Track t : tracks.values()) t.seal();
        sm.worked(30);
        KeyMatcher.checkCanceled(sm);
        List<Asset> device = new ArrayList<>(r.unmatched(SideRole.DEVICE));
        SubMonitor loop = sm.split(70).setWorkRemaining(Math.max(1, device.size()));
        long tol = s.captureTimeToleranceMs();
        int n = 0;
        for (Asset d : device) {
            if (++n % KeyMatcher.CANCEL_CHECK == 0) {
                KeyMatcher.checkCanceled(loop);
                loop.worked(KeyMatcher.CANCEL_CHECK);
            }
            String k = key(d, s);
            Track t = k == null ? null : tracks.get(k);
            if (t == null) continue;
            long at = time(d);
            int i = lowerBound(t.times, at - tol);
            int best = -1;
            long bestDelta = Long.MAX_VALUE;
            for (; i < t.times.length && t.times[i] <= at + tol; i++) {
                if (t.used[i]) continue;
                Asset c = t.sorted[i];
                long delta = Math.abs(t.times[i] - at);
                if (delta < bestDelta && ev.compatibleShape(d, c) && ev.contradiction(d, c, Strength.CAPTURE_TIME) == null) {
                    best = i;
                    bestDelta = delta;
                }
            }
            if (best >= 0) {
                t.used[best] = true;
                r.pair(d, t.sorted[best], ID);
            }
        }
        loop.done();
    }

    /** Camera and media class, or null when the asset cannot be matched this way. */
    static String key(Asset a, MatchSettings s) {
        MediaFile p = a.primary();
        if (p == null) return null;
        CaptureTime t = p.captured();
        if (t == null || (s.captureTimeRequiresSubSeconds() && !t.hasSubSeconds())) return null;
        String make = Evidence.norm(p.make()), model = Evidence.norm(p.model());
        if (make == null || model == null || make.isEmpty() || model.isEmpty()) return null;
        return make + '|' + model + '|' + (AssetFacts.isVideo(a) ? 'V' : 'P');
    }

    /** Wall clock: the camera wrote it on both copies, offsets may have been dropped on the way. */
    static long time(Asset a) {
        return a.primary().captured().localMillis();
    }

    private static int lowerBound(long[] a, long v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
