package org.photoparity.ui.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;

/** Every field of two assets side by side, and which differ: what the Compare view lists. */
public final class CompareFields {

    /** One line of the comparison; {@code differs} when both sides have the asset and the values are not equal. */
    public record Line(String field, String left, String right, boolean differs) {
    }

    /**
     * Fields about the copy rather than the photo (its path, file time, orientation tag) start with this and come
     * last; they are shown quietly and never flagged, since every copy has its own.
     */
    public static final String FILE_GROUP = "File: ";

    private CompareFields() {
    }

    /** The two assets as their primary files show them. */
    public static List<Line> compare(Asset left, Asset right) {
        return compare(left, left == null ? null : left.primary(), right, right == null ? null : right.primary());
    }

    /**
     * The two assets as the files picked on each side show them (a Live Photo's video, an edit render): the file
     * fields are the picked file's, the asset fields the asset's. A null file means the asset's primary.
     */
    public static List<Line> compare(Asset left, MediaFile leftFile, Asset right, MediaFile rightFile) {
        Map<String, String> l = left == null ? Map.of() : fields(left, leftFile);
        Map<String, String> r = right == null ? Map.of() : fields(right, rightFile);
        Set<String> keys = new LinkedHashSet<>(l.keySet());
        keys.addAll(r.keySet());
        List<Line> out = new ArrayList<>();
        for (String k : keys) {
            String a = l.getOrDefault(k, "");
            String b = r.getOrDefault(k, "");
            boolean differs = left != null && right != null && !Objects.equals(a, b) && !k.startsWith(FILE_GROUP);
            out.add(new Line(k, a, b, differs));
        }
        // the quiet group last
        List<Line> sorted = new ArrayList<>();
        for (Line x : out) if (!x.field().startsWith(FILE_GROUP)) sorted.add(x);
        for (Line x : out) if (x.field().startsWith(FILE_GROUP)) sorted.add(x);
        return sorted;
    }

    /**
     * The two files, one from each side, whose bytes are the same (equal fingerprints, else equal payload keys: the
     * same picture with other metadata), the first such pair in the sides' order; null when there is none. Only
     * pictures count (originals and edit renders, not a Live Photo's video or a sidecar): Compare opens on them, so
     * an Edited pair whose cloud copy is the device's render is compared render to render, while a Live Photo whose
     * stills differ still opens on its stills.
     */
    public static MediaFile[] sameContent(List<Asset> left, List<Asset> right) {
        for (boolean payload : new boolean[] { false, true }) {
            for (Asset a : left) {
                for (MediaFile f : a.files()) {
                    String key = payload ? f.payloadKey() : f.fingerprint();
                    if (key == null || key.isEmpty() || !picture(f)) continue;
                    for (Asset b : right) {
                        for (MediaFile g : b.files()) {
                            if (picture(g) && key.equals(payload ? g.payloadKey() : g.fingerprint())) return new MediaFile[] { f, g };
                        }
                    }
                }
            }
        }
        return null;
    }

    private static boolean picture(MediaFile f) {
        return f.role() == org.photoparity.core.model.ResourceRole.ORIGINAL
                || f.role() == org.photoparity.core.model.ResourceRole.EDITED_RENDER;
    }

    /** The fields of one asset, in reading order; absent values are left out. */
    public static Map<String, String> fields(Asset a) {
        return fields(a, null);
    }

    /** The fields of one asset seen through one of its files ({@code file}; null: its primary). */
    public static Map<String, String> fields(Asset a, MediaFile file) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "Kind", org.photoparity.core.present.Vocabulary.label(a.kind()));
        put(m, "Files", String.valueOf(a.files().size()));
        MediaFile p = file != null && a.files().contains(file) ? file : a.primary();
        if (p != null) {
            put(m, "File name", p.name());
            put(m, FILE_GROUP + "path", p.path());
            put(m, "Format", p.format().name());
            put(m, "Size", p.size() + " bytes (" + MismatchRows.size(p.size()) + ")");
            // as the photo is seen: a 4032 x 3024 sensor image tagged "rotate 90" is the same photo as 3024 x 4032
            boolean turned = p.orientation() >= 5 && p.orientation() <= 8;
            if (p.width() > 0) put(m, "Dimensions", turned ? p.height() + " \u00d7 " + p.width()
                    : p.width() + " \u00d7 " + p.height());
            if (p.width() > 0) put(m, "Megapixels", String.format(java.util.Locale.ROOT, "%.1f", p.pixels() / 1e6));
            if (p.orientation() > 0) put(m, FILE_GROUP + "orientation tag", String.valueOf(p.orientation()));
            if (p.captured() != null) {
                put(m, "Captured", p.captured().local().toString().replace('T', ' '));
                put(m, "UTC offset", p.captured().offset() == null ? "none" : p.captured().offset().getId());
            }
            put(m, "Make", p.make());
            put(m, "Model", p.model());
            if (p.latitude() != null) put(m, "Latitude", String.format(java.util.Locale.ROOT, "%.6f", p.latitude()));
            if (p.longitude() != null) put(m, "Longitude", String.format(java.util.Locale.ROOT, "%.6f", p.longitude()));
            put(m, "Content identifier", p.contentIdentifier());
            put(m, "Image unique id", p.imageUniqueId());
            put(m, "Burst id", p.burstId());
            put(m, "Fingerprint", p.fingerprint());
            if (p.screenshot()) put(m, "Screenshot", "yes");
            if (p.modified() > 0) put(m, FILE_GROUP + "modified", java.time.Instant.ofEpochMilli(p.modified()).toString());
            put(m, "Unreadable", p.unreadableReason());
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(p.extra()).entrySet()) {
                put(m, e.getKey(), e.getValue());
            }
        }
        for (MediaFile f : a.files()) {
            if (f == p) continue;
            String role = switch (f.role()) {
                case LIVE_VIDEO -> "Live Photo video";
                case EDITED_RENDER -> "Edited render";
                case ADJUSTMENT_SIDECAR -> "Adjustment sidecar";
                case DERIVATIVE -> "Reduced copy";
                case ORIGINAL -> f == a.primary() ? "Original" : "Other original";
            };
            String prev = m.get(role);
            put(m, role, (prev == null ? "" : prev + ", ") + f.name() + " (" + MismatchRows.size(f.size()) + ")");
        }
        Listing l = a.listing();
        if (l != null) {
            put(m, "Listing", l.origin());
            put(m, "Listing file name", l.originalFilename());
            put(m, "Listing created", l.created() == null ? null : l.created().toString());
            put(m, "Listing fingerprint", l.fingerprint());
            put(m, "Cloud GUID", l.cloudGuid());
            if (l.cloudState() != null) put(m, "Cloud state", l.cloudState().name());
            if (l.locallyAvailable() != null) put(m, "Original on device", l.locallyAvailable() ? "yes" : "no (optimized)");
            if (l.uploadAttempts() != null) put(m, "Upload attempts", String.valueOf(l.uploadAttempts()));
            List<String> states = new ArrayList<>();
            if (l.trashed()) states.add("trashed");
            if (l.recentlyDeleted()) states.add("recently deleted");
            if (l.hidden()) states.add("hidden");
            if (l.favorite()) states.add("favorite");
            if (!states.isEmpty()) put(m, "Listing states", String.join(", ", states));
        }
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.put(k, v);
    }
}
