package org.photoparity.match.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;

/**
 * What an asset says about itself, whether from its files or, for a listing-only asset, from its listing. Every
 * method is cheap: the chain calls them for every asset of both sides.
 */
public final class AssetFacts {

    private AssetFacts() {
    }

    /** The original file name a person would recognise: primary file name, else the listing's original name. */
    public static String originalName(Asset a) {
        MediaFile p = a.primary();
        if (p != null) return p.name();
        Listing l = a.listing();
        if (l == null) return null;
        if (l.originalFilename() != null) return l.originalFilename();
        if (l.path() != null) {
            int slash = l.path().lastIndexOf('/');
            return slash < 0 ? l.path() : l.path().substring(slash + 1);
        }
        return null;
    }

    /** The listing's original name when it has one (it survives renames by exporters), else the file name. */
    public static String statedName(Asset a) {
        Listing l = a.listing();
        if (l != null && l.originalFilename() != null) return l.originalFilename();
        return originalName(a);
    }

    /** A short label for detail lines. */
    public static String label(Asset a) {
        String n = originalName(a);
        return n == null ? a.id() : n;
    }

    /** Paths of every file of the asset; for a listing-only asset its listing path or original name. */
    public static List<String> paths(Asset a) {
        if (a.hasFiles()) {
            List<String> out = new ArrayList<>(a.files().size());
            for (MediaFile f : a.files()) out.add(f.path());
            return out;
        }
        Listing l = a.listing();
        if (l != null && l.path() != null) return List.of(l.path());
        if (l != null && l.originalFilename() != null) return List.of(l.originalFilename());
        return List.of(a.id());
    }

    /** Listing states that may explain a difference. */
    public static Set<String> states(Asset a) {
        Listing l = a.listing();
        if (l == null) return Set.of();
        Set<String> s = new LinkedHashSet<>();
        if (l.trashed()) s.add("trashed");
        if (l.hidden()) s.add("hidden");
        if (l.recentlyDeleted()) s.add("recently-deleted");
        if (l.cloudState() == CloudState.NOT_SYNCED) s.add("not-synced");
        if (l.cloudState() == CloudState.PENDING_UPLOAD) s.add("pending-upload");
        if (Boolean.FALSE.equals(l.locallyAvailable())) s.add("not-local");
        return s;
    }

    public static MediaFormat format(Asset a) {
        MediaFile p = a.primary();
        if (p != null) return p.format();
        String n = originalName(a);
        return n == null ? MediaFormat.UNKNOWN : MediaFormat.fromFileName(n);
    }

    /** True for a plain video; a Live Photo (even one whose still is missing) is not a video. */
    public static boolean isVideo(Asset a) {
        if (a.kind() == AssetKind.LIVE_PHOTO) return false;
        if (a.file(ResourceRole.LIVE_VIDEO) != null) return false;
        if (a.kind() == AssetKind.VIDEO) return true;
        Listing l = a.listing();
        if (!a.hasFiles() && l != null && l.kind() != null) return l.kind() == AssetKind.VIDEO;
        return format(a).isVideo();
    }

    public static long pixels(Asset a) {
        MediaFile p = a.primary();
        if (p != null && p.width() > 0 && p.height() > 0) return p.pixels();
        Listing l = a.listing();
        if (l != null && l.width() != null && l.height() != null && l.width() > 0 && l.height() > 0) {
            return (long) l.width() * l.height();
        }
        return 0;
    }

    public static int width(Asset a) {
        MediaFile p = a.primary();
        if (p != null && p.width() > 0) return p.width();
        Listing l = a.listing();
        return l != null && l.width() != null ? l.width() : 0;
    }

    public static int height(Asset a) {
        MediaFile p = a.primary();
        if (p != null && p.height() > 0) return p.height();
        Listing l = a.listing();
        return l != null && l.height() != null ? l.height() : 0;
    }

    /** Bytes of the primary file, else the listing's size, else -1. */
    public static long size(Asset a) {
        MediaFile p = a.primary();
        if (p != null) return p.size();
        Listing l = a.listing();
        return l != null && l.size() != null ? l.size() : -1;
    }

    public static CaptureTime captured(Asset a) {
        MediaFile p = a.primary();
        return p == null ? null : p.captured();
    }

    public static String cloudGuid(Asset a) {
        Listing l = a.listing();
        return l == null || isBlank(l.cloudGuid()) ? null : l.cloudGuid();
    }

    public static String statedFingerprint(Asset a) {
        Listing l = a.listing();
        return l == null || isBlank(l.fingerprint()) ? null : l.fingerprint();
    }

    /** Fingerprint of the primary file's content; null for an empty file (no content: it identifies nothing). */
    public static String contentHash(Asset a) {
        MediaFile p = a.primary();
        return p == null || isBlank(p.fingerprint()) || p.size() == 0 ? null : p.fingerprint();
    }

    /** Burst (avalanche) id: the listing's ZAVALANCHEUUID, else the MakerNote burst UUID of a file. */
    public static String burstId(Asset a) {
        Listing l = a.listing();
        if (l != null && !isBlank(l.burstId())) return l.burstId().toUpperCase(Locale.ROOT);
        for (MediaFile f : a.files()) {
            if (!isBlank(f.burstId())) return f.burstId().toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /** True when any asset of the list holds an edit render or an adjustment sidecar. */
    public static boolean anyEdits(java.util.Collection<Asset> assets) {
        for (Asset a : assets) {
            for (MediaFile f : a.files()) {
                if (isEditFile(f)) return true;
            }
        }
        return false;
    }

    /** The asset's primary file could not be read (its reason), else null. */
    public static String unreadable(Asset a) {
        MediaFile p = a.primary();
        return p == null ? null : p.unreadableReason();
    }

    /** True when any asset of the list holds a Live Photo video (with its still or alone). */
    public static boolean anyLiveVideo(java.util.Collection<Asset> assets) {
        for (Asset a : assets) {
            if (liveVideo(a) != null) return true;
        }
        return false;
    }

    /** Metadata-independent key of the primary file's encoded image or video (MediaFile.payloadKey). */
    public static String payloadKey(Asset a) {
        MediaFile p = a.primary();
        return p == null || isBlank(p.payloadKey()) ? null : p.payloadKey();
    }

    /** Live Photo content identifier from the still, else from any file (the MOV carries it too). */
    public static String contentIdentifier(Asset a) {
        for (MediaFile f : a.files()) {
            if (!isBlank(f.contentIdentifier())) return f.contentIdentifier().toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /** MakerNote image unique id of the original still (renders get their own). */
    public static String imageUniqueId(Asset a) {
        for (MediaFile f : a.files()) {
            if (f.role() == ResourceRole.ORIGINAL && !isBlank(f.imageUniqueId())) {
                return f.imageUniqueId().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** The still of the asset: its original image (or reduced copy of it), null when it has none. */
    public static MediaFile still(Asset a) {
        for (MediaFile f : a.files()) {
            if ((f.role() == ResourceRole.ORIGINAL || f.role() == ResourceRole.DERIVATIVE) && f.format().isImage()) {
                return f;
            }
        }
        return null;
    }

    /** The Live Photo video, null when it has none. */
    public static MediaFile liveVideo(Asset a) {
        MediaFile v = a.file(ResourceRole.LIVE_VIDEO);
        if (v != null) return v;
        if (a.kind() == AssetKind.LIVE_PHOTO) {
            for (MediaFile f : a.files()) {
                if (f.format().isVideo() && f.role() == ResourceRole.ORIGINAL) return f;
            }
        }
        return null;
    }

    public static boolean isLive(Asset a) {
        if (a.kind() == AssetKind.LIVE_PHOTO) return true;
        return a.file(ResourceRole.LIVE_VIDEO) != null;
    }

    /** Files that record an edit: renders (IMG_E1234, -adjusted, FullSizeRender) and AAE sidecars. */
    public static List<MediaFile> editFiles(Asset a) {
        List<MediaFile> out = null;
        for (MediaFile f : a.files()) {
            if (isEditFile(f)) {
                if (out == null) out = new ArrayList<>(2);
                out.add(f);
            }
        }
        return out == null ? List.of() : out;
    }

    public static boolean isEditFile(MediaFile f) {
        if (f.role() == ResourceRole.EDITED_RENDER || f.role() == ResourceRole.ADJUSTMENT_SIDECAR) return true;
        if (f.format() == MediaFormat.AAE) return true;
        return Names.isEditPath(f.path()); // the name without cutting it out of the path: runs for every file
    }

    public static MediaFile render(Asset a) {
        for (MediaFile f : a.files()) {
            if (isEditFile(f) && f.format() != MediaFormat.AAE && f.role() != ResourceRole.ADJUSTMENT_SIDECAR) {
                return f;
            }
        }
        return null;
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
