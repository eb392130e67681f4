package org.photoparity.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.internal.AssetFacts;

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
    private final List<Pair> pairs = new ArrayList<>();
    private final List<Mismatch> reported = new ArrayList<>();
    private final List<Dup> duplicates = new ArrayList<>();
    private final Map<String, Long> matchedBy = new LinkedHashMap<>();

    private record Dup(SideRole side, Asset duplicate, Asset of, String key) {
    }

    /** Per side: asset to position, and the status of each position. */
    private static final class Side {
        final List<Asset> assets;
        final IdentityHashMap<Asset, Integer> index;
        final byte[] status;
        int unmatched;

        Side(List<Asset> assets) {
            this.assets = assets;
            this.index = new IdentityHashMap<>(assets.size() * 2);
            for (int i = 0; i < assets.size(); i++) index.put(assets.get(i), i);
            this.status = new byte[assets.size()];
            this.unmatched = assets.size();
        }
    }

    public MatchState(SideInventory device, SideInventory cloud, Map<String, String> settings) {
        this.device = device;
        this.cloud = cloud;
        this.settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        MatchSettings.of(this.settings); // fail early, naming the bad key
        sides[0] = new Side(device.assets());
        sides[1] = new Side(cloud.assets());
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
        List<Asset> out = new ArrayList<>(s.unmatched);
        for (int i = 0; i < s.status.length; i++) {
            if (s.status[i] == UNMATCHED) out.add(s.assets.get(i));
        }
        return out;
    }

    /** True when the asset of that side is neither paired nor a duplicate. */
    public boolean isUnmatched(SideRole role, Asset a) {
        Side s = side(role);
        Integer i = s.index.get(a);
        return i != null && s.status[i] == UNMATCHED;
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
        pairs.add(new Pair(d, c, key));
        matchedBy.merge(key, 1L, Long::sum);
    }

    private int take(SideRole role, Asset a, byte newStatus) {
        Side s = side(role);
        Integer i = s.index.get(a);
        if (i == null) {
            throw new IllegalStateException("Asset " + a.id() + " is not part of the " + role.key() + " side");
        }
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
        if (side(role).index.get(of) == null) {
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
        // a pair is identical when no pair-level mismatch names either of its assets
        Set<Asset> differing = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Mismatch m : all) {
            if (m.category() == Category.DUPLICATE) continue;
            differing.addAll(m.deviceAssets());
            differing.addAll(m.cloudAssets());
        }
        long identical = 0;
        for (Pair p : pairs) {
            if (!differing.contains(p.device()) && !differing.contains(p.cloud())) identical++;
        }
        return new ReconcileResult(device, cloud, identical, all, matchedBy);
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
