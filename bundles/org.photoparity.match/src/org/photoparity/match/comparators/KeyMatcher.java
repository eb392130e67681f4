package org.photoparity.match.comparators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        List<Asset> device = list(r.unmatched(SideRole.DEVICE));
        List<Asset> cloud = list(r.unmatched(SideRole.CLOUD));
        // this bundle's state hands out positions: pairs are then made by position, with no identity lookup
        MatchState state = r instanceof MatchState s && device instanceof MatchState.Unmatched du
                && du.of(s, SideRole.DEVICE) && cloud instanceof MatchState.Unmatched cu && cu.of(s, SideRole.CLOUD)
                        ? s : null;
        Groups g = new Groups(device, cloud);
        sm.worked(40);
        checkCanceled(sm);
        SubMonitor loop = sm.split(60).setWorkRemaining(Math.max(1, g.groups));
        // keys in the order of their first asset, device side first: the order a linked map of each side would give
        for (int k = 0; k < g.groups; k++) {
            if (g.head[0][k] >= 0) {
                if (state != null && g.count[0][k] == 1 && g.count[1][k] == 1) {
                    int di = g.head[0][k], ci = g.head[1][k];
                    Asset d = device.get(di), c = cloud.get(ci);
                    if (ev.contradiction(d, c, strength()) == null) {
                        state.pairAt(((MatchState.Unmatched) device).position(di),
                                ((MatchState.Unmatched) cloud).position(ci), id());
                    }
                } else {
                    resolve(r, ev, g.group(0, k), g.group(1, k));
                }
            } else if (g.count[1][k] > 1) {
                resolve(r, ev, null, g.group(1, k)); // only repeats on the cloud side matter here
            }
            if ((k + 1) % CANCEL_CHECK == 0) {
                checkCanceled(loop);
                loop.worked(CANCEL_CHECK);
            }
        }
        loop.done();
    }

    private static List<Asset> list(java.util.Collection<Asset> c) {
        return c instanceof List<Asset> l && c instanceof java.util.RandomAccess ? l : new ArrayList<>(c);
    }

    /**
     * The keyed assets of both sides grouped by key over flat arrays: open addressing, each group chaining its assets
     * by list index per side. No entry object nor reference per asset (one key per group), so indexing a million
     * assets leaves the GC a few arrays, and a side without this key (no listing) costs one pass over its assets.
     * Groups are numbered as they appear: device-first groups in device order, then cloud-only groups in cloud order.
     */
    private final class Groups {
        private final List<?>[] sides;
        /** Per side and list index: the next index of the same group, -1 at the end. */
        private final int[][] next;
        /** Per group: its key; per side and group: first and last list index (-1 when none) and size. */
        String[] keys = new String[16];
        int[][] head = {new int[16], new int[16]}, tail = {new int[16], new int[16]}, count = {new int[16], new int[16]};
        int groups;
        private int[] table = new int[16]; // hash slot to group + 1, 0 when free
        private int shift = 28;
        /** How many groups there can be: sized once at the first key, so a side without keys allocates nothing. */
        private final int most;

        Groups(List<Asset> device, List<Asset> cloud) {
            sides = new List<?>[] {device, cloud};
            next = new int[][] {new int[device.size()], new int[cloud.size()]};
            most = device.size() + cloud.size();
            for (int side = 0; side < 2; side++) {
                List<Asset> l = side == 0 ? device : cloud;
                int[] nx = next[side];
                for (int i = 0; i < nx.length; i++) {
                    nx[i] = -1;
                    String k = key(l.get(i));
                    if (k != null) add(side, i, k);
                }
            }
        }

        private void add(int side, int i, String k) {
            if (groups == 0 && table.length < most * 2) {
                table = new int[Integer.highestOneBit(Math.max(8, most * 2 - 1)) << 1];
                shift = 32 - Integer.numberOfTrailingZeros(table.length);
            }
            int mask = table.length - 1;
            int g;
            for (int s = slot(k);; s = (s + 1) & mask) {
                int t = table[s];
                if (t == 0) {
                    g = newGroup(k);
                    table[s] = g + 1;
                    break;
                }
                if (keys[t - 1].equals(k)) {
                    g = t - 1;
                    break;
                }
            }
            if (head[side][g] < 0) head[side][g] = i;
            else next[side][tail[side][g]] = i;
            tail[side][g] = i;
            count[side][g]++;
            if (groups * 2 > table.length) rehash();
        }

        private int newGroup(String k) {
            int g = groups++;
            if (g == keys.length) {
                int size = Math.max(g * 2, most);
                keys = java.util.Arrays.copyOf(keys, size);
                for (int s = 0; s < 2; s++) {
                    head[s] = java.util.Arrays.copyOf(head[s], size);
                    tail[s] = java.util.Arrays.copyOf(tail[s], size);
                    count[s] = java.util.Arrays.copyOf(count[s], size);
                }
            }
            keys[g] = k;
            head[0][g] = head[1][g] = -1;
            return g;
        }

        private void rehash() {
            table = new int[table.length * 2];
            shift--;
            int mask = table.length - 1;
            for (int g = 0; g < groups; g++) {
                int s = slot(keys[g]);
                while (table[s] != 0) s = (s + 1) & mask;
                table[s] = g + 1;
            }
        }

        /** The lone asset of a group on that side, its assets in list order when the key repeats, null when none. */
        Object group(int side, int g) {
            if (count[side][g] == 0) return null;
            if (count[side][g] == 1) return sides[side].get(head[side][g]);
            List<Asset> l = new ArrayList<>(count[side][g]);
            for (int i = head[side][g]; i >= 0; i = next[side][i]) l.add((Asset) sides[side].get(i));
            return l;
        }

        private int slot(String k) {
            return k.hashCode() * 0x9E3779B9 >>> shift; // Fibonacci hashing: the top bits of the product
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Asset> asList(Object o) {
        if (o == null) return List.of();
        if (o instanceof Asset a) return List.of(a);
        List<Asset> l = (List<Asset>) o; // a fresh list of the group: sorting it in place is safe
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
