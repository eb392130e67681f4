package org.photoparity.match.comparators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence;
import org.photoparity.match.internal.Evidence.Strength;
import org.photoparity.match.internal.Names;

/**
 * The drift rule for assets without a payload key (listings, metadata-only scans): the same normalised name, the same
 * camera (where both state one), the same pixel size, the same sub-seconds, and capture times apart by a whole number
 * of quarter hours up to 14 h (a clock or time-zone fix) or by whole days. Such a pair is one asset whose dates moved
 * (METADATA_DRIFT), never two losses. A stronger key stated on both sides and differing (cloud GUID, fingerprint,
 * content identifier, image unique id) still keeps them apart; the capture time, being what moved, does not.
 */
public final class ShiftedClockMatcher implements IComparator {

    public static final String ID = "shifted-clock";

    private static final long QUARTER_HOUR = 15L * 60_000, MAX_ZONE = 14L * 3_600_000, DAY = 86_400_000L;

    @Override
    public void run(Reconciliation r, IProgressMonitor monitor) {
        SubMonitor sm = SubMonitor.convert(monitor, "Matching shifted clocks", 2);
        Evidence ev = Evidence.of(r);
        Map<String, List<Asset>> cloud = new LinkedHashMap<>();
        for (Asset c : r.unmatched(SideRole.CLOUD)) {
            String k = key(c);
            if (k != null) cloud.computeIfAbsent(k, x -> new ArrayList<>(1)).add(c);
        }
        sm.worked(1);
        if (cloud.isEmpty()) return;
        int n = 0;
        for (Asset d : new ArrayList<>(r.unmatched(SideRole.DEVICE))) {
            if (++n % KeyMatcher.CANCEL_CHECK == 0) KeyMatcher.checkCanceled(sm);
            String k = key(d);
            List<Asset> cs = k == null ? null : cloud.get(k);
            if (cs == null) continue;
            for (int i = 0; i < cs.size(); i++) {
                Asset c = cs.get(i);
                if (shifted(d, c) && ev.contradiction(d, c, Strength.CAPTURE_TIME) == null) {
                    r.pair(d, c, ID);
                    cs.remove(i);
                    break;
                }
            }
        }
        sm.worked(1);
    }

    /** Name, media class, pixel size and sub-seconds; null when any is unknown (the rule needs them all). */
    static String key(Asset a) {
        String name = Names.key(AssetFacts.statedName(a), AssetFacts.size(a));
        int w = AssetFacts.width(a), h = AssetFacts.height(a);
        long ms = millis(a);
        if (name == null || name.isEmpty() || w <= 0 || h <= 0 || ms == Long.MIN_VALUE) return null;
        int sub = (int) Math.floorMod(ms, 1000L);
        if (sub == 0) return null; // no sub-seconds: too weak to stand for the moved clock
        return name + '|' + (AssetFacts.isVideo(a) ? 'V' : 'P') + '|' + w + 'x' + h + '|' + sub;
    }

    /** Capture time as wall-clock millis (file), else the listing's creation time; MIN_VALUE when unknown. */
    private static long millis(Asset a) {
        CaptureTime t = AssetFacts.captured(a);
        if (t != null) return t.localMillis();
        Instant created = a.listing() == null ? null : a.listing().created();
        return created == null ? Long.MIN_VALUE : created.toEpochMilli();
    }

    /** Same camera where both state one, and a shift of whole quarter hours up to 14 h or of whole days. */
    static boolean shifted(Asset d, Asset c) {
        MediaFile pd = d.primary(), pc = c.primary();
        if (pd != null && pc != null && pd.make() != null && pc.make() != null && !Evidence.sameCamera(pd, pc)) {
            return false;
        }
        long delta = Math.abs(millis(d) - millis(c));
        if (delta == 0) return false; // not a shift: the other matchers judged this pair
        return delta % DAY == 0 || (delta % QUARTER_HOUR == 0 && delta <= MAX_ZONE);
    }
}
