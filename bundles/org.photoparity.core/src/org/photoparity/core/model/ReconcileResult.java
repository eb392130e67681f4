package org.photoparity.core.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of reconciling a device side with a cloud side: identical assets are counted, differences listed.
 *
 * @param device     the device side as scanned
 * @param cloud      the cloud side as scanned
 * @param identical  assets on both sides unchanged
 * @param mismatches every difference, in a stable order
 * @param matchedBy  how many pairs each key decided (key id to count)
 */
public record ReconcileResult(SideInventory device, SideInventory cloud, long identical, List<Mismatch> mismatches,
        Map<String, Long> matchedBy) {

    public ReconcileResult {
        mismatches = List.copyOf(mismatches);
        matchedBy = Map.copyOf(matchedBy);
    }

    /** Mismatch counts per category, every category present (0 when none). */
    public Map<Category, Long> counts() {
        Map<Category, Long> m = new EnumMap<>(Category.class);
        for (Category c : Category.values()) m.put(c, 0L);
        for (Mismatch x : mismatches) m.merge(x.category(), 1L, Long::sum);
        return m;
    }

    public SideInventory side(SideRole role) {
        return role == SideRole.DEVICE ? device : cloud;
    }
}
