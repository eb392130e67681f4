package org.photoparity.sources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;

/**
 * Groups the files and listing rows of one side into assets.
 * <ul>
 * <li>Files of one source and folder whose names share an asset stem ({@link FileNames#assetStem}) form one asset:
 * IMG_1234.HEIC (ORIGINAL) + IMG_1234.MOV or IMG_1234_HEVC.MOV (LIVE_VIDEO) make a LIVE_PHOTO; IMG_E1234.JPG and
 * icloudpd's -adjusted are EDITED_RENDER; IMG_1234.AAE is the ADJUSTMENT_SIDECAR; -medium / -thumb are DERIVATIVE.</li>
 * <li>A still and a video pair only when their Live Photo content identifiers agree or one of them has none; a
 * video whose identifier differs from the still's is an asset of its own.</li>
 * <li>A lone video with a content identifier joins the still of the same source that carries the same identifier
 * and has no video yet, whatever their names (exports rename files).</li>
 * <li>Decision: a derivative, an edit or a sidecar whose original is absent is still an asset of its own, with that
 * file as its primary and its role kept (DERIVATIVE, EDITED_RENDER). It is a real file of the library, and its role
 * tells the comparators that the original is missing. A lone AAE is a SIDECAR asset.</li>
 * <li>Two stills with the same stem but different formats (IMG_1234.HEIC and IMG_1234.JPG) are one asset when they
 * were captured at the same moment by the same camera: icloudpd's adjusted version keeps the original's name with
 * the render's extension (its utils.disambiguate_filenames adds -adjusted only on a clash), so the second is the
 * EDITED_RENDER of the first; with a RAW (DNG, or a camera maker's RAW) it is the RAW/JPEG twin, a second
 * ORIGINAL. Otherwise they are two assets; edits, derivatives and sidecars join the first (HEIC before JPEG before others).</li>
 * <li>icloudpd's -alternative (the RAW/JPEG twin) and legacy -original names are originals of their asset, not
 * edits; -medium / -thumb with a size suffix after them (IMG_1234-medium-12345.JPG) are its derivatives.</li>
 * <li>A listing attaches to the asset holding the file it names by path, else by original file name (same source
 * first, one listing per asset); otherwise it becomes a listing-only asset without files.</li>
 * </ul>
 * Stateless and thread-safe; the result is sorted by source and primary path.
 */
public final class AssetAssembler {

    public List<Asset> assemble(List<MediaFile> files, List<Listing> listings) {
        Map<String, List<MediaFile>> groups = new LinkedHashMap<>();
        List<MediaFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparingInt(MediaFile::source).thenComparing(MediaFile::path));
        for (MediaFile f : sorted) {
            String key = f.source() + "\u0000" + FileNames.folder(f.path()) + "\u0000" + FileNames.assetStem(f.name());
            groups.computeIfAbsent(key, k -> new ArrayList<>(3)).add(f);
        }
        List<Builder> builders = new ArrayList<>(groups.size());
        for (List<MediaFile> g : groups.values()) group(g, builders);
        pairByContentIdentifier(builders);
        List<Builder> all = new ArrayList<>(builders.size());
        for (Builder b : builders) {
            if (!b.merged) all.add(b);
        }
        attachListings(all, listings == null ? List.of() : listings);
        all.sort(Comparator.comparingInt((Builder b) -> b.source).thenComparing(b -> b.sortKey));
        List<Asset> out = new ArrayList<>(all.size());
        for (Builder b : all) out.add(b.build());
        return out;
    }

    private static boolean isVideo(MediaFile f) {
        MediaFormat fmt = f.format() != MediaFormat.UNKNOWN ? f.format() : MediaFormat.fromFileName(f.name());
        return fmt.isVideo();
    }

    private static boolean isSidecar(MediaFile f) {
        return f.format() == MediaFormat.AAE || MediaFormat.fromFileName(f.name()) == MediaFormat.AAE;
    }

    private static int stillRank(MediaFile f) {
        return switch (f.format()) {
            case HEIC -> 0;
            case JPEG -> 1;
            case DNG, RAW -> 3;
            default -> 2;
        };
    }

    private static void group(List<MediaFile> g, List<Builder> out) {
        List<MediaFile> stills = new ArrayList<>(), videos = new ArrayList<>(), edits = new ArrayList<>(),
                derivatives = new ArrayList<>(), sidecars = new ArrayList<>();
        for (MediaFile f : g) {
            if (isSidecar(f)) {
                sidecars.add(f);
                continue;
            }
            switch (FileNames.roleOf(f.name())) {
                case EDITED_RENDER -> edits.add(f);
                case DERIVATIVE -> derivatives.add(f);
                default -> (isVideo(f) ? videos : stills).add(f);
            }
        }
        stills.sort(Comparator.comparing((MediaFile f) -> FileNames.isOtherOriginalName(f.name()))
                .thenComparingInt(AssetAssembler::stillRank).thenComparing(MediaFile::path));
        // icloudpd --size original --size adjusted: the render keeps the original's name with its own extension
        // (IMG_1234.HEIC + IMG_1234.JPG); a RAW and its JPEG twin share a name too. The same capture moment and camera
        // make them one asset.
        List<MediaFile> twins = new ArrayList<>(0);
        if (stills.size() > 1) {
            MediaFile first = stills.get(0);
            for (int i = stills.size() - 1; i >= 1; i--) {
                MediaFile s = stills.get(i);
                boolean named = FileNames.isOtherOriginalName(s.name());
                if (!named && (!sameCapture(first, s) || s.format() == first.format())) continue;
                stills.remove(i);
                if (named || isRaw(first) || isRaw(s)) {
                    twins.add(0, s.withRole(ResourceRole.ORIGINAL));
                } else {
                    edits.add(0, s);
                }
            }
        }
        Builder main = null;
        List<Builder> stillAssets = new ArrayList<>(stills.size());
        for (MediaFile s : stills) {
            Builder b = new Builder(s.withRole(ResourceRole.ORIGINAL));
            out.add(b);
            stillAssets.add(b);
            if (main == null) main = b;
        }
        for (MediaFile v : videos) {
            Builder live = null;
            for (Builder b : stillAssets) {
                if (b.liveVideo == null && identifiersAgree(b.primary, v)) {
                    live = b;
                    break;
                }
            }
            if (live != null) {
                live.liveVideo = v.withRole(ResourceRole.LIVE_VIDEO);
            } else {
                Builder b = new Builder(v.withRole(ResourceRole.ORIGINAL));
                out.add(b);
                if (main == null) main = b;
            }
        }
        List<MediaFile> rest = new ArrayList<>(twins.size() + edits.size() + derivatives.size() + sidecars.size());
        rest.addAll(twins);
        for (MediaFile f : edits) rest.add(f.withRole(ResourceRole.EDITED_RENDER));
        for (MediaFile f : derivatives) rest.add(f.withRole(ResourceRole.DERIVATIVE));
        for (MediaFile f : sidecars) rest.add(f.withRole(ResourceRole.ADJUSTMENT_SIDECAR));
        if (rest.isEmpty()) return;
        if (main == null) {
            // no original here: the best remaining file stands for the asset, keeping its role
            main = new Builder(rest.remove(0));
            out.add(main);
        }
        main.others.addAll(rest);
    }

    /** Same capture moment to the sub-second and, where both state one, the same camera. */
    private static boolean sameCapture(MediaFile a, MediaFile b) {
        if (a.captured() == null || b.captured() == null) return false;
        if (a.captured().localMillis() != b.captured().localMillis()) return false;
        if (a.make() != null && b.make() != null && !a.make().equalsIgnoreCase(b.make())) return false;
        return a.model() == null || b.model() == null || a.model().equalsIgnoreCase(b.model());
    }

    private static boolean isRaw(MediaFile f) {
        return f.format() == MediaFormat.DNG || f.format() == MediaFormat.RAW;
    }

    private static boolean identifiersAgree(MediaFile still, MediaFile video) {
        String a = still.contentIdentifier(), b = video.contentIdentifier();
        return a == null || b == null || a.equalsIgnoreCase(b);
    }

    /** A lone video joins the still elsewhere in its source that has its content identifier and no video yet. */
    private static void pairByContentIdentifier(List<Builder> builders) {
        Map<String, Builder> stillsById = new HashMap<>();
        for (Builder b : builders) {
            String ci = b.primary.contentIdentifier();
            if (ci != null && !isVideo(b.primary) && b.liveVideo == null && !isSidecar(b.primary)) {
                stillsById.putIfAbsent(b.source + "\u0000" + ci.toUpperCase(Locale.ROOT), b);
            }
        }
        if (stillsById.isEmpty()) return;
        for (Builder b : builders) {
            if (!isVideo(b.primary) || !b.others.isEmpty() || b.liveVideo != null) continue;
            String ci = b.primary.contentIdentifier();
            if (ci == null || b.primary.role() != ResourceRole.ORIGINAL) continue;
            Builder still = stillsById.remove(b.source + "\u0000" + ci.toUpperCase(Locale.ROOT));
            if (still == null) continue;
            still.liveVideo = b.primary.withRole(ResourceRole.LIVE_VIDEO);
            b.merged = true;
        }
    }

    private static void attachListings(List<Builder> assets, List<Listing> listings) {
        if (listings.isEmpty()) return;
        Map<String, Builder> byPath = new HashMap<>();
        Map<String, List<Builder>> byName = new HashMap<>();
        for (Builder b : assets) {
            for (MediaFile f : b.allFiles()) {
                byPath.putIfAbsent(f.source() + "\u0000" + f.path(), b);
                byPath.putIfAbsent("*\u0000" + f.path(), b);
                byName.computeIfAbsent(f.name().toUpperCase(Locale.ROOT), k -> new ArrayList<>(1)).add(b);
            }
        }
        int n = 0;
        for (Listing l : listings) {
            Builder target = null;
            if (l.path() != null) {
                target = free(byPath.get(l.source() + "\u0000" + l.path()));
                if (target == null) target = free(byPath.get("*\u0000" + l.path()));
            }
            if (target == null && l.originalFilename() != null) {
                List<Builder> candidates = byName.get(FileNames.baseName(l.originalFilename()).toUpperCase(Locale.ROOT));
                if (candidates != null) {
                    for (Builder c : candidates) {
                        if (c.listing == null && c.source == l.source()) {
                            target = c;
                            break;
                        }
                    }
                    if (target == null) {
                        for (Builder c : candidates) {
                            if (c.listing == null) {
                                target = c;
                                break;
                            }
                        }
                    }
                }
            }
            if (target != null) {
                target.listing = l;
            } else {
                assets.add(Builder.listingOnly(l, n));
            }
            n++;
        }
    }

    private static Builder free(Builder b) {
        return b != null && b.listing == null ? b : null;
    }

    private static final class Builder {
        final int source;
        final MediaFile primary;
        MediaFile liveVideo;
        List<MediaFile> others = new ArrayList<>(2);
        boolean merged; // its video joined another asset
        Listing listing;
        String sortKey;
        String id;

        Builder(MediaFile primary) {
            this.source = primary.source();
            this.primary = primary;
            this.sortKey = primary.path();
            this.id = "s" + source + ":" + primary.path();
        }

        private Builder(Listing l, int index) {
            this.source = l.source();
            this.primary = null;
            this.listing = l;
            String name = l.path() != null ? l.path() : l.originalFilename() != null ? l.originalFilename()
                    : "#" + index;
            this.sortKey = "\uffff" + name;
            this.id = "s" + source + ":listing:" + (l.cloudGuid() != null ? l.cloudGuid() : name + "#" + index);
        }

        static Builder listingOnly(Listing l, int index) {
            return new Builder(l, index);
        }

        List<MediaFile> allFiles() {
            List<MediaFile> all = new ArrayList<>(2 + others.size());
            if (primary != null) all.add(primary);
            if (liveVideo != null) all.add(liveVideo);
            all.addAll(others);
            return all;
        }

        Asset build() {
            List<MediaFile> all = allFiles();
            return new Asset(id, kind(), all, listing);
        }

        private AssetKind kind() {
            if (primary == null) return listing != null && listing.kind() != null ? listing.kind() : AssetKind.UNKNOWN;
            if (liveVideo != null) return AssetKind.LIVE_PHOTO;
            if (isSidecar(primary)) return AssetKind.SIDECAR;
            if (isVideo(primary)) return AssetKind.VIDEO;
            MediaFormat fmt = primary.format() != MediaFormat.UNKNOWN ? primary.format()
                    : MediaFormat.fromFileName(primary.name());
            if (!fmt.isImage()) return AssetKind.UNKNOWN;
            return primary.screenshot() ? AssetKind.SCREENSHOT : AssetKind.PHOTO;
        }
    }
}
