package org.photoparity.evidence;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.present.Vocabulary;

/** Figures probes take from an analysis: sizes per mismatch category and what the device's listing states. */
public final class ResultFacts {

    private ResultFacts() {
    }

    /** Bytes of an asset: its files, or the listing's size for a listing-only asset. */
    public static long bytes(Asset a) {
        if (a.hasFiles()) return a.bytes();
        Listing l = a.listing();
        return l != null && l.size() != null ? l.size() : 0;
    }

    /** Assets of one side involved in mismatches of {@code category}, counted once each. */
    public static List<Asset> assets(ReconcileResult r, Category category, boolean deviceSide) {
        return assets(r, category, deviceSide, false);
    }

    /** The same, of the mismatches that are losses only when {@code lossesOnly}. */
    public static List<Asset> assets(ReconcileResult r, Category category, boolean deviceSide, boolean lossesOnly) {
        java.util.LinkedHashMap<String, Asset> m = new java.util.LinkedHashMap<>();
        for (Mismatch x : r.mismatches()) {
            if (x.category() != category || (lossesOnly && !x.loss())) continue;
            for (Asset a : deviceSide ? x.deviceAssets() : x.cloudAssets()) m.putIfAbsent(a.id(), a);
        }
        return List.copyOf(m.values());
    }

    public static long bytes(List<Asset> assets) {
        long n = 0;
        for (Asset a : assets) n += bytes(a);
        return n;
    }

    /** Bytes of a side as scanned (the inventory's total, else its assets' sizes). */
    public static long sideBytes(SideInventory side) {
        if (side.bytes() > 0) return side.bytes();
        long n = 0;
        for (Asset a : side.assets()) n += bytes(a);
        return n;
    }

    /**
     * What the device side's listings (Photos.sqlite read as a source) state about library assets, when it has any.
     *
     * @param shared listings of shared content (shared albums, iCloud links, Shared with You) left out of the counts
     */
    public record ListingStates(long listed, Map<CloudState, Long> cloudStates, long notLocal, long withAttempts,
            long shared) {
    }

    public static ListingStates deviceListings(ReconcileResult r) {
        Map<CloudState, Long> states = new EnumMap<>(CloudState.class);
        long listed = 0, notLocal = 0, attempts = 0, shared = 0;
        for (Asset a : r.device().assets()) {
            Listing l = a.listing();
            if (l == null || l.trashed() || l.recentlyDeleted()) continue;
            if (l.sharing().isShared()) { // not part of iCloud Photos sync: never "not synced" or "pending"
                shared++;
                continue;
            }
            listed++;
            if (l.cloudState() != null) states.merge(l.cloudState(), 1L, Long::sum);
            if (Boolean.FALSE.equals(l.locallyAvailable())) notLocal++;
            if (l.uploadAttempts() != null && l.uploadAttempts() > 0) attempts++;
        }
        return new ListingStates(listed, states, notLocal, attempts, shared);
    }

    /** "1.23 GB": decimal units, as Apple shows storage (the one byte format, {@link Vocabulary#bytes}). */
    public static String size(long bytes) {
        return Vocabulary.bytes(bytes);
    }
}
