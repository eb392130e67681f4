package org.photoparity.report.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.model.SourceRef;
import org.photoparity.demo.DemoCase;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.makernotes.AppleMakernoteDirectory;

/**
 * Builds, for report tests, the ReconcileResult an analysis of the demo case should produce: inventories read from
 * the demo's files (a small stand-in for the real sources) and one mismatch per manifest plant. It lets the report
 * be tested on real files (thumbnails) without the matching engine.
 */
final class DemoResult {

    private DemoResult() {
    }

    static ReconcileResult of(DemoCase.Demo demo) throws IOException {
        SideInventory device = inventory(SideRole.DEVICE, demo.device(), "folder");
        SideInventory cloud = inventory(SideRole.CLOUD, demo.cloud(), "icloudpd");
        List<Mismatch> mismatches = new ArrayList<>();
        for (DemoCase.Plant p : demo.plants()) {
            mismatches.add(new Mismatch(p.category(), p.device(), p.cloud(), matchedBy(p.category()), p.note(),
                    p.category() == Category.MISSING_ON_DEVICE ? Set.of("recently-deleted") : Set.of(),
                    assets(device, p.device()), assets(cloud, p.cloud())));
        }
        return new ReconcileResult(device, cloud, DemoCase.EXPECTED_IDENTICAL, mismatches,
                Map.of("image-unique-id", 10L, "content-identifier", 2L));
    }

    static List<ProbeResult> probes() {
        return List.of(
                new ProbeResult(1, "probe.settings", ProbeStatus.PASS, "Same Apple ID; iCloud Photos is on",
                        List.of("answers.properties: apple_id_matches=yes", "answers.properties: icloud_photos_on=yes")),
                new ProbeResult(2, "probe.network", ProbeStatus.WARN, "Photos may not use mobile data",
                        List.of("answers.properties: mobile_data_for_photos=no")),
                new ProbeResult(3, "probe.icloudstorage", ProbeStatus.WARN, "5 GB plan, 3.6 GB used by other data",
                        List.of("answers.properties: icloud_plan=5GB")),
                new ProbeResult(4, "probe.devicestorage", ProbeStatus.WARN, "1.3 GB free of 64 GB",
                        List.of("ideviceinfo-disk_usage.txt: AmountDataAvailable=1288490188")),
                new ProbeResult(7, "probe.charging", ProbeStatus.FAIL,
                        "Battery at 15 %, not charging, Low Power Mode on",
                        List.of("ideviceinfo-battery.txt: BatteryCurrentCapacity=15",
                                "answers.properties: low_power_mode=yes")));
    }

    private static String matchedBy(Category c) {
        return switch (c) {
            case MISSING_IN_CLOUD, MISSING_ON_DEVICE -> null;
            case LIVE_PHOTO_INCOMPLETE -> "content-identifier";
            case DUPLICATE -> "fingerprint";
            default -> "image-unique-id";
        };
    }

    private static List<Asset> assets(SideInventory side, List<String> paths) {
        List<Asset> out = new ArrayList<>();
        for (Asset a : side.assets()) {
            if (a.files().stream().anyMatch(f -> paths.contains(f.path()))) out.add(a);
        }
        return out;
    }

    static SideInventory inventory(SideRole role, Path root, String kind) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, List<MediaFile>> groups = new LinkedHashMap<>();
        long bytes = 0;
        for (Path p : files) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            String name = p.getFileName().toString();
            String stem = name.substring(0, name.lastIndexOf('.')).replace("IMG_E", "IMG_").replace("_HEVC", "");
            String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
            MediaFile f = read(p, rel, name);
            bytes += f.size();
            groups.computeIfAbsent(dir + stem, k -> new ArrayList<>()).add(f);
        }
        List<Asset> assets = new ArrayList<>();
        for (var e : groups.entrySet()) {
            List<MediaFile> fs = new ArrayList<>(e.getValue());
            fs.sort((a, b) -> Integer.compare(rank(a.role()), rank(b.role())));
            boolean live = fs.stream().anyMatch(f -> f.role() == ResourceRole.LIVE_VIDEO);
            AssetKind kind2 = fs.get(0).screenshot() ? AssetKind.SCREENSHOT : live ? AssetKind.LIVE_PHOTO
                    : AssetKind.PHOTO;
            assets.add(new Asset("0:" + fs.get(0).path(), kind2, fs, null));
        }
        return new SideInventory(role, List.of(new SourceRef(root.toString(), kind)), assets,
                List.<FileIssue>of(), List.<FileIssue>of(), files.size(), files.size(), bytes);
    }

    private static int rank(ResourceRole r) {
        return r.ordinal();
    }

    private static MediaFile read(Path p, String rel, String name) throws IOException {
        MediaFormat format = MediaFormat.fromFileName(name);
        ResourceRole role = name.startsWith("IMG_E") ? ResourceRole.EDITED_RENDER
                : format == MediaFormat.AAE ? ResourceRole.ADJUSTMENT_SIDECAR
                : format == MediaFormat.MOV ? ResourceRole.LIVE_VIDEO : ResourceRole.ORIGINAL;
        String make = null;
        String model = null;
        int w = 0;
        int h = 0;
        CaptureTime t = null;
        String uid = null;
        String cid = null;
        boolean shot = false;
        if (format == MediaFormat.JPEG || format == MediaFormat.PNG) {
            try {
                Metadata m = ImageMetadataReader.readMetadata(p.toFile());
                ExifIFD0Directory ifd0 = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
                if (ifd0 != null) {
                    make = ifd0.getString(ExifIFD0Directory.TAG_MAKE);
                    model = ifd0.getString(ExifIFD0Directory.TAG_MODEL);
                }
                ExifSubIFDDirectory exif = m.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
                if (exif != null) {
                    w = exif.getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH);
                    h = exif.getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_HEIGHT);
                    LocalDateTime local = LocalDateTime.parse(exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL),
                            DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss"));
                    String off = exif.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL);
                    t = new CaptureTime(local, off == null ? null : ZoneOffset.of(off));
                    shot = "Screenshot".equals(exif.getDescription(ExifSubIFDDirectory.TAG_USER_COMMENT));
                }
                AppleMakernoteDirectory apple = m.getFirstDirectoryOfType(AppleMakernoteDirectory.class);
                if (apple != null) {
                    uid = apple.getString(21);
                    cid = apple.getString(17);
                }
            } catch (Exception e) {
                throw new IOException("test fixture unreadable: " + p + ": " + e, e);
            }
        }
        return new MediaFile(0, rel, format, role, Files.size(p), Files.getLastModifiedTime(p).toMillis(), t, make,
                model, w, h, 1, null, null, cid, uid, null, null, shot, null, Map.of());
    }
}
