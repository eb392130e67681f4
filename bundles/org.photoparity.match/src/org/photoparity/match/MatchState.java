package org.photoparity.match;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.IdentityIndex;

/**
 * The working state of one reconciliation: which assets are paired, which are duplicates, what was reported.
 * Assets are tracked by identity (records compare by value, which would be slow and would merge two equal
 * listing-only assets).
 */
public final class MatchState implements Reconciliation {

    private static final byte UNMATCHED = 0;
    private static final byte PAIRED = 1;
    private static final byte DUPLICATE = 2;

    private final SideInventory device;
    private final SideInventory cloud;
    private final Map<String, String> settings;
    private final Side[] sides = new Side[2];
    private final List<Pair> pairs;
    private final List<Mismatch> reported = new ArrayList<>();
    private final List<Dup> duplicates = new ArrayList<>();
    /** Pairs per key, counted in place: a boxed Long per pair would be garbage a million times over. */
    private final Map<String, long[]> matchedBy = new LinkedHashMap<>();

    private record Dup(SideRole side, Asset duplicate, Asset of, String key) {
    }

    /** Per side: the status of each position, and asset to position once someone asks by asset. */
    private static final class Side {
        final List<Asset> assets;
        final byte[] status;
        int unmatched;
        private IdentityIndex index; // built on first use: matchers that work by position never need it

        Side(List<Asset> assets) {
            this.assets = assets instanceof RandomAccess ? assets : new ArrayList<>(assets);
            this.status = new byte[assets.size()];
            this.unmatched = assets.size();
        }

        int position(Asset a) {
            if (index == null) index = new IdentityIndex(assets);
            return index.get(a);
        }
    }

    /**
     * The unmatched assets of one side when it was asked, as positions: a snapshot that costs an int per asset (no
     * copy of a million references) and lets a matcher of this bundle pair by position ({@link #pairAt}).
     */
    public static final class Unmatched extends AbstractList<Asset> implements RandomAccess {
        private final MatchState state;
        private final SideRole role;
        private final List<Asset> assets;
        private final int[] positions;

        private Unmatched(MatchState state, SideRole role, List<Asset> assets, int[] positions) {
            this.state = state;
            this.role = role;
            this.assets = assets;
            this.positions = positions;
        }

        @Override
        public Asset get(int i) {
            return assets.get(positions[Objects.checkIndex(i, positions.length)]);
        }

        @Override
        public int size() {
            return positions.length;
        }

        /** The side position of the i-th asset, for {@link MatchState#pairAt}. */
        public int position(int i) {
            return positions[i];
        }

        /** True when this snapshot was taken of that state's side. */
        public boolean of(MatchState s, SideRole r) {
            return state == s && role == r;
        }
    }

    /** Side positions of the pairs, parallel to {@link #pairs}. */
    private int[] pairDevice = new int[16], pairCloud = new int[16];

    public MatchState(SideInventory device, SideInventory cloud, Map<String, String> settings) {
        this.device = device;
        this.cloud = cloud;
        this.settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        MatchSettings.of(this.settings); // fail early, naming the bad key
        sides[0] = new Side(device.assets());
        sides[1] = new Side(cloud.assets());
        pairs = new ArrayList<>(Math.min(sides[0].status.length, sides[1].status.length)); // no regrowth copies
    }

    private Side side(SideRole role) {
        return sides[role == SideRole.DEVICE ? 0 : 1];
    }

    @Override
    public SideInventory device() {
        return device;
    }

    @Override
    public SideInventory cloud() {
        return cloud;
    }

    @Override
    public Collection<Asset> unmatched(SideRole role) {
        Side s = side(role);
        int[] out = new int[s.unmatched];
        int n = 0;
        for (int i = 0; i < s.status.length; i++) {
            if (s.status[i] == UNMATCHED) out[n++] = i;
        }
        return new Unmatched(this, role, s.assets, out);
    }

    /** True when the asset of that side is neither paired nor a duplicate. */
    public boolean isUnmatched(SideRole role, Asset a) {
        Side s = side(role);
        int i = s.position(a);
        return i >= 0 && s.status[i] == UNMATCHED;
    }

    /** True when the asset is paired on either side (the same check an identity set of all pairs would give). */
    public boolean isPaired(Asset a) {
        for (Side s : sides) {
            int i = s.position(a);
            if (i >= 0 && s.status[i] == PAIRED) return true;
        }
        return false;
    }

    /** How many pairs the key has made so far. */
    public long matchedCount(String key) {
        long[] n = matchedBy.get(key);
        return n == null ? 0 : n[0];
    }

    @Override
    public void pair(Asset d, Asset c, String key) {
        int di = take(SideRole.DEVICE, d, PAIRED);
        int ci;
        try {
            ci = take(SideRole.CLOUD, c, PAIRED);
        } catch (IllegalStateException e) {
            sides[0].status[di] = UNMATCHED; // leave the state as it was
            sides[0].unmatched++;
            throw e;
        }
        added(di, ci, d, c, key);
    }

    /**
     * Pairs the assets at these side positions (from {@link Unmatched#position}): what {@link #pair} does, without
     * looking the assets up by identity.
     */
    public void pairAt(int devicePosition, int cloudPosition, String key) {
        Asset d = sides[0].assets.get(devicePosition), c = sides[1].assets.get(cloudPosition);
        take(SideRole.DEVICE, d, devicePosition, PAIRED);
        try {
            take(SideRole.CLOUD, c, cloudPosition, PAIRED);
        } catch (IllegalStateException e) {
            sides[0].status[devicePosition] = UNMATCHED;
            sides[0].unmatched++;
            throw e;
        }
        added(devicePosition, cloudPosition, d, c, key);
    }

    private void added(int di, int ci, Asset d, Asset c, String key) {
        int k = pairs.size();
        if (k == pairDevice.length) {
            pairDevice = Arrays.copyOf(pairDevice, k * 2);
            pairCloud = Arrays.copyOf(pairCloud, k * 2);
        }
        pairDevice[k] = di;
        pairCloud[k] = ci;
        pairs.add(new Pair(d, c, key));
        long[] n = matchedBy.get(key);
        if (n == null) matchedBy.put(key, n = new long[1]);
        n[0]++;
    }

    private int take(SideRole role, Asset a, byte newStatus) {
        int i = side(role).position(a);
        if (i < 0) {
            throw new IllegalStateException("Asset " + a.id() + " is not part of the " + role.key() + " side");
        }
        return take(role, a, i, newStatus);
    }

    private int take(SideRole role, Asset a, int i, byte newStatus) {
        Side s = side(role);
        if (s.status[i] != UNMATCHED) {
            throw new IllegalStateException("Asset " + a.id() + " (" + AssetFacts.label(a) + ") of the " + role.key()
                    + " side is already " + (s.status[i] == PAIRED ? "paired" : "a duplicate"));
        }
        s.status[i] = newStatus;
        s.unmatched--;
        return i;
    }

    @Override
    public List<Pair> pairs() {
        return Collections.unmodifiableList(pairs);
    }

    @Override
    public void report(Mismatch mismatch) {
        reported.add(mismatch);
    }

    @Override
    public void duplicate(SideRole role, Asset dup, Asset of) {
        duplicate(role, dup, of, null);
    }

    /** As {@link #duplicate(SideRole, Asset, Asset)}, naming the key that found the duplicate. */
    public void duplicate(SideRole role, Asset dup, Asset of, String key) {
        if (dup == of) throw new IllegalArgumentException("Asset " + dup.id() + " cannot duplicate itself");
        if (side(role).position(of) < 0) {
            throw new IllegalStateException("Asset " + of.id() + " is not part of the " + role.key() + " side");
        }
        take(role, dup, DUPLICATE);
        duplicates.add(new Dup(role, dup, of, key));
    }

    /** Records a duplicate with its key when the state is ours, through the interface otherwise. */
    public static void markDuplicate(Reconciliation r, SideRole role, Asset dup, Asset of, String key) {
        if (r instanceof MatchState s) {
            s.duplicate(role, dup, of, key);
        } else {
            r.duplicate(role, dup, of);
        }
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    /** The outcome: reported mismatches plus one DUPLICATE per kept asset, in a stable order. */
    public ReconcileResult result() {
        List<Mismatch> all = new ArrayList<>(reported.size() + duplicates.size());
        all.addAll(reported);
        all.addAll(duplicateMismatches());
        all.sort(ORDER);
        // a pair is identical when no pair-level mismatch names either of its assets (flags by position, no set)
        boolean[][] differing = {new boolean[sides[0].status.length], new boolean[sides[1].status.length]};
        for (Mismatch m : all) {
            if (m.category() == Category.DUPLICATE) continue;
            for (List<Asset> named : List.of(m.deviceAssets(), m.cloudAssets())) {
                for (Asset a : named) {
                    // an asset neither side holds cannot be in a pair: nothing to mark
                    for (int k = 0; k < 2; k++) {
                        int i = sides[k].position(a);
                        if (i >= 0) differing[k][i] = true;
                    }
                }
            }
        }
        long identical = 0;
        for (int k = 0; k < pairs.size(); k++) {
            // an instance held by both sides was marked at both of its positions, so positions say it all
            if (!differing[0][pairDevice[k]] && !differing[1][pairCloud[k]]) identical++;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        matchedBy.forEach((k, n) -> counts.put(k, n[0]));
        return new ReconcileResult(device, cloud, identical, all, counts);
    }

    private List<Mismatch> duplicateMismatches() {
        // group every duplicate under the asset it ultimately duplicates, so three copies make one mismatch
        Map<Asset, List<Dup>> byRoot = new IdentityHashMap<>();
        Map<Asset, Asset> parent = new IdentityHashMap<>();
        for (Dup d : duplicates) parent.put(d.duplicate(), d.of());
        List<Asset> roots = new ArrayList<>();
        for (Dup d : duplicates) {
            Asset root = d.of();
            for (int guard = 0; parent.containsKey(root) && guard < duplicates.size(); guard++) root = parent.get(root);
            List<Dup> group = byRoot.get(root);
            if (group == null) {
                byRoot.put(root, group = new ArrayList<>());
                roots.add(root);
            }
            group.add(d);
        }
        List<Mismatch> out = new ArrayList<>();
        for (Asset root : roots) {
            List<Dup> group = byRoot.get(root);
            SideRole role = group.get(0).side();
            List<Asset> assets = new ArrayList<>();
            assets.add(root);
            Set<String> keys = new LinkedHashSet<>();
            for (Dup d : group) {
                assets.add(d.duplicate());
                if (d.key() != null) keys.add(d.key());
            }
            List<String> paths = new ArrayList<>();
            for (Asset a : assets) paths.addAll(AssetFacts.paths(a));
            Set<String> states = new LinkedHashSet<>();
            for (Asset a : assets) states.addAll(AssetFacts.states(a));
            String where = role == SideRole.DEVICE ? "on the device" : "in the cloud";
            String detail = assets.size() + " copies of " + AssetFacts.label(root) + " " + where
                    + (keys.isEmpty() ? "" : " (same " + String.join(", ", keys) + ")");
            String key = keys.isEmpty() ? null : keys.iterator().next();
            out.add(role == SideRole.DEVICE
                    ? new Mismatch(Category.DUPLICATE, paths, List.of(), key, detail, states, assets, List.of())
                    : new Mismatch(Category.DUPLICATE, List.of(), paths, key, detail, states, List.of(), assets));
        }
        return out;
    }

    /** Category, then the first device path, then the first cloud path. */
    static final Comparator<Mismatch> ORDER = Comparator.comparing(Mismatch::category)
            .thenComparing(m -> m.device().isEmpty() ? "" : m.device().get(0))
            .thenComparing(m -> m.cloud().isEmpty() ? "" : m.cloud().get(0));
}
