package org.photoparity.bench;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.model.SourceRef;

/**
 * A device side of n assets and a cloud side derived from it with planted differences, per 100 device assets:
 * 2 missing in the cloud, 2 converted to JPEG, 1 reduced (icloudpd -medium), 1 held twice in the cloud, 1 edited on
 * the device, 1 Live Photo whose video the cloud lacks, 1 with its capture time shifted, 1 renamed with no ids nor
 * fingerprint (left to the file-name key), 1 with an extra cloud-only photo; a third of all are Live Photos. Names
 * repeat every 10 000 assets, as an iPhone's counter does. The planted counts are what the chain must find.
 */
public final class SyntheticSides {

    public final SideInventory device;
    public final SideInventory cloud;
    /** Mismatches planted, per category. */
    public final Map<Category, Long> planted;
    /** Pairs that must come out identical. */
    public final long identical;

    private static final long BASE = LocalDateTime.of(2015, 1, 1, 8, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    private static final ZoneOffset OFFSET = ZoneOffset.ofHours(2);

    private SyntheticSides(SideInventory device, SideInventory cloud, Map<Category, Long> planted, long identical) {
        this.device = device;
        this.cloud = cloud;
        this.planted = planted;
        this.identical = identical;
    }

    public static SyntheticSides generate(int n) {
        List<Asset> dev = new ArrayList<>(n);
        List<Asset> cl = new ArrayList<>(n + n / 50);
        Map<Category, Long> planted = new EnumMap<>(Category.class);
        for (Category c : Category.values()) planted.put(c, 0L);
        long identical = 0;
        for (int i = 0; i < n; i++) {
            int r = i % 100;
            boolean live = i % 3 == 0 || r == 7;
            String stem = String.format("IMG_%04d", i % 10000);
            String folder = "DCIM/" + (100 + i / 10000) + "APPLE/";
            long millis = BASE + i * 61_000L + 1 + i % 999; // unique, with sub-seconds
            CaptureTime at = time(millis);
            long size = 1_500_000 + i % 100_000;
            String fp = "F" + i, uid = "U" + i, cid = live ? "C" + i : null, vfp = live ? "V" + i : null;
            String dir = "Photos/" + (2015 + i / 500_000) + "/";

            MediaFile still = file(folder + stem + ".HEIC", MediaFormat.HEIC, ResourceRole.ORIGINAL, size, at, 4032,
                    3024, fp, uid, cid);
            MediaFile video = live ? file(folder + stem + ".MOV", MediaFormat.MOV, ResourceRole.LIVE_VIDEO,
                    size * 2, at, 1920, 1440, vfp, null, cid) : null;
            List<MediaFile> dFiles = new ArrayList<>(3);
            dFiles.add(still);
            if (video != null) dFiles.add(video);
            if (r == 6) {
                dFiles.add(file(folder + "IMG_E" + stem.substring(4) + ".JPG", MediaFormat.JPEG,
                        ResourceRole.EDITED_RENDER, size / 2, at, 4032, 3024, "E" + i, null, null));
            }
            AssetKind kind = live ? AssetKind.LIVE_PHOTO : AssetKind.PHOTO;
            dev.add(new Asset("d" + i, kind, dFiles, null));

            MediaFile cVideo = live ? moved(video, dir + stem + "_HEVC.MOV") : null;
            List<MediaFile> cFiles = new ArrayList<>(2);
            Category planting = null;
            switch (r) {
                case 0, 1 -> planting = Category.MISSING_IN_CLOUD;
                case 2, 3 -> {
                    cFiles.add(file(dir + stem + ".JPG", MediaFormat.JPEG, ResourceRole.ORIGINAL, size * 2, at, 4032,
                            3024, "J" + i, uid, cid));
                    planting = Category.CONVERTED;
                }
                case 4 -> {
                    cFiles.add(file(dir + stem + "-medium.JPG", MediaFormat.JPEG, ResourceRole.DERIVATIVE, 300_000,
                            at, 1280, 960, "M" + i, null, null));
                    planting = Category.REDUCED;
                }
                case 7 -> {
                    cFiles.add(moved(still, dir + stem + ".HEIC"));
                    cVideo = null;
                    planting = Category.LIVE_PHOTO_INCOMPLETE;
                }
                case 8 -> {
                    cFiles.add(file(dir + stem + ".HEIC", MediaFormat.HEIC, ResourceRole.ORIGINAL, size,
                            time(millis + 3_600_000), 4032, 3024, "T" + i, uid, cid));
                    planting = Category.METADATA_DRIFT;
                }
                case 9 -> {
                    // a copy that lost every id and its sub-seconds: only name and size are left
                    CaptureTime whole = time(millis - millis % 1000);
                    cFiles.add(new MediaFile(0, dir + stem + " (1).HEIC", MediaFormat.HEIC, ResourceRole.ORIGINAL, size,
                            0, whole, "Apple", "iPhone 12", 4032, 3024, 1, 47.37, 8.54, null, null, null, null, false,
                            null, Map.of()));
                    if (cVideo != null) cVideo = withoutIds(cVideo);
                }
                case 6 -> planting = Category.EDITED;
                default -> cFiles.add(moved(still, dir + stem + ".HEIC"));
            }
            if (r == 6) cFiles.add(moved(still, dir + stem + ".HEIC"));
            if (planting != Category.MISSING_IN_CLOUD) {
                if (cVideo != null) cFiles.add(cVideo);
                cl.add(new Asset("c" + i, kind, cFiles, null));
            }
            if (r == 5) {
                List<MediaFile> copy = new ArrayList<>(2);
                copy.add(moved(still, dir + stem + " (1).HEIC"));
                if (cVideo != null) copy.add(moved(cVideo, dir + stem + " (1)_HEVC.MOV"));
                cl.add(new Asset("c" + i + "b", kind, copy, null));
                planting = Category.DUPLICATE;
                identical++; // the kept copy pairs and is identical
            }
            if (r == 10) {
                cl.add(new Asset("x" + i, AssetKind.PHOTO, List.of(new MediaFile(0, dir + "Shared/PXL_" + i + ".JPG",
                        MediaFormat.JPEG, ResourceRole.ORIGINAL, 2_000_000, 0, time(millis + 17_000), "Google",
                        "Pixel 7", 4080, 3072, 1, null, null, null, null, null, "X" + i, false, null, Map.of())),
                        null));
                planting = Category.MISSING_ON_DEVICE;
                identical++;
            }
            if (planting != null) planted.merge(planting, 1L, Long::sum);
            else identical++;
        }
        return new SyntheticSides(side(SideRole.DEVICE, dev), side(SideRole.CLOUD, cl), planted, identical);
    }

    private static CaptureTime time(long millis) {
        return new CaptureTime(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000),
                (int) Math.floorMod(millis, 1000) * 1_000_000, ZoneOffset.UTC), OFFSET);
    }

    private static MediaFile file(String path, MediaFormat format, ResourceRole role, long size, CaptureTime at, int w,
            int h, String fp, String uid, String cid) {
        return new MediaFile(0, path, format, role, size, 0, at, "Apple", "iPhone 12", w, h, 1, 47.37, 8.54, cid, uid,
                null, fp, false, null, Map.of());
    }

    private static MediaFile moved(MediaFile f, String path) {
        return new MediaFile(f.source(), path, f.format(), f.role(), f.size(), f.modified(), f.captured(), f.make(),
                f.model(), f.width(), f.height(), f.orientation(), f.latitude(), f.longitude(), f.contentIdentifier(),
                f.imageUniqueId(), f.burstId(), f.fingerprint(), f.screenshot(), f.unreadableReason(), f.extra());
    }

    private static MediaFile withoutIds(MediaFile f) {
        return new MediaFile(f.source(), f.path(), f.format(), f.role(), f.size(), f.modified(), f.captured(), f.make(),
                f.model(), f.width(), f.height(), f.orientation(), f.latitude(), f.longitude(), null, null, null,
                f.fingerprint(), f.screenshot(), f.unreadableReason(), f.extra());
    }

    private static SideInventory side(SideRole role, List<Asset> assets) {
        long files = 0, bytes = 0;
        for (Asset a : assets) {
            files += a.files().size();
            bytes += a.bytes();
        }
        return new SideInventory(role, List.of(new SourceRef("synthetic:" + role.key(), "synthetic")), assets,
                List.of(), List.of(), files, files, bytes);
    }
}
