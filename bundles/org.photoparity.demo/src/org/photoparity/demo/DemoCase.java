package org.photoparity.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.photoparity.core.model.Category;

/**
 * A small, fixed case with exactly one example of every mismatch category, a few identical assets and a complete
 * Live Photo, plus the device evidence a technician would bring (ideviceinfo output, answers). Output is the same
 * on every run: fixed seeds, dates and identifiers.
 *
 * <pre>
 * DIR/device/DCIM/100APPLE/...   the iPhone side (as copied over USB)
 * DIR/cloud/2024/05/DD/...       the iCloud side as icloudpd lays it out ({yyyy}/{mm}/{dd})
 * DIR/evidence/ideviceinfo.txt, ideviceinfo-disk_usage.txt, ideviceinfo-battery.txt, answers.properties
 * DIR/demo-manifest.json          which file plants which category
 * </pre>
 *
 * <p>Where a real case would hold HEIC, the demo holds formats Java can write: the CONVERTED example is a PNG on the
 * device (standing for the HEIC original, with the same Apple MakerNote identifiers) against a JPEG in the cloud
 * (the "Most Compatible" / Windows download). Everything else uses JPEG, PNG screenshots, MOV and AAE as an
 * iPhone does.
 */
public final class DemoCase {

    public static final String MANIFEST = "demo-manifest.json";
    public static final String DEVICE = "device";
    public static final String CLOUD = "cloud";
    public static final String EVIDENCE = "evidence";

    /** One planted mismatch: the files on each side that make it. */
    public record Plant(Category category, List<String> device, List<String> cloud, String note) {
        public Plant {
            device = List.copyOf(device);
            cloud = List.copyOf(cloud);
        }
    }

    /** An asset present and unchanged on both sides. */
    public record Same(List<String> device, List<String> cloud) {
        public Same {
            device = List.copyOf(device);
            cloud = List.copyOf(cloud);
        }
    }

    /** What was written. Paths of plants are relative to {@link #device()} and {@link #cloud()}. */
    public record Demo(Path dir, Path device, Path cloud, Path evidence, Path answers, Path manifest,
            List<Plant> plants, List<Same> identical) {

        public Plant plant(Category c) {
            return plants.stream().filter(p -> p.category() == c).findFirst().orElseThrow();
        }

        /** The evidence files (ideviceinfo dumps), by short domain: root, disk_usage, battery. */
        public Map<String, Path> ideviceinfo() {
            return Map.of("root", evidence.resolve("ideviceinfo.txt"),
                    "disk_usage", evidence.resolve("ideviceinfo-disk_usage.txt"),
                    "battery", evidence.resolve("ideviceinfo-battery.txt"));
        }
    }

    private static final ZoneOffset TZ = ZoneOffset.ofHours(2);
    /** When the technician collected the evidence. */
    private static final FileTime CASE_TIME = FileTime.from(java.time.Instant.parse("2024-05-07T07:30:00Z"));
    private static final String DCIM = "DCIM/100APPLE/";

    private final Path deviceRoot;
    private final Path cloudRoot;

    private DemoCase(Path deviceRoot, Path cloudRoot) {
        this.deviceRoot = deviceRoot;
        this.cloudRoot = cloudRoot;
    }

    /**
     * Writes the demo under {@code dir}. The folder must be new, empty, or an earlier demo (then its device, cloud
     * and evidence folders are replaced).
     *
     * @throws IOException when {@code dir} holds other files, or a file cannot be written
     */
    public static Demo create(Path dir) throws IOException {
        prepare(dir);
        Path device = dir.resolve(DEVICE);
        Path cloud = dir.resolve(CLOUD);
        Path evidence = dir.resolve(EVIDENCE);
        Files.createDirectories(device.resolve(DCIM));
        Files.createDirectories(cloud);
        Files.createDirectories(evidence);
        DemoCase d = new DemoCase(device, cloud);
        List<Same> same = new ArrayList<>();
        List<Plant> plants = new ArrayList<>();

        // --- identical on both sides
        for (int n = 1; n <= 3; n++) {
            MediaSpec s = photo(n, at(1, 9 + n, 12 * n)).gps(46.2044 + n * 0.01, 6.1432 + n * 0.01).build();
            byte[] jpg = SyntheticMedia.jpeg(s);
            same.add(new Same(List.of(d.device(name(n, "JPG"), jpg, s)), List.of(d.cloud(s, name(n, "JPG"), jpg))));
        }
        MediaSpec shot = MediaSpec.builder().size(207, 448).screenshot(true).seed(1004).captured(at(1, 20, 5))
                .offset(TZ).make(null).model(null).build();
        byte[] shotPng = SyntheticMedia.png(shot);
        same.add(new Same(List.of(d.device(name(4, "PNG"), shotPng, shot)),
                List.of(d.cloud(shot, name(4, "PNG"), shotPng))));

        // --- a Live Photo complete on both sides (icloudpd names the video IMG_0005_HEVC.MOV)
        MediaSpec live = photo(5, at(2, 11, 30)).contentId(uuid(5)).build();
        byte[] liveJpg = SyntheticMedia.jpeg(live);
        byte[] liveMov = SyntheticMedia.mov(live.toBuilder().durationMillis(2800).build());
        same.add(new Same(List.of(d.device(name(5, "JPG"), liveJpg, live), d.device(name(5, "MOV"), liveMov, live)),
                List.of(d.cloud(live, name(5, "JPG"), liveJpg), d.cloud(live, "IMG_0005_HEVC.MOV", liveMov))));

        // --- MISSING_IN_CLOUD: taken on the device, never uploaded
        MediaSpec missing = photo(6, at(6, 8, 45)).build();
        plants.add(new Plant(Category.MISSING_IN_CLOUD,
                List.of(d.device(name(6, "JPG"), SyntheticMedia.jpeg(missing), missing)), List.of(),
                "Newest photo, never uploaded (Low Power Mode paused uploads)."));

        // --- DUPLICATE: the same photo twice in the cloud; icloudpd suffixes the second with its size
        MediaSpec dup = photo(7, at(2, 17, 3)).build();
        byte[] dupJpg = SyntheticMedia.jpeg(dup);
        String dupDevice = d.device(name(7, "JPG"), dupJpg, dup);
        String dupCloud = d.cloud(dup, name(7, "JPG"), dupJpg);
        String dupCloud2 = d.cloud(dup, String.format(Locale.ROOT, "IMG_0007-%d.JPG", dupJpg.length), dupJpg);
        same.add(new Same(List.of(dupDevice), List.of(dupCloud)));
        plants.add(new Plant(Category.DUPLICATE, List.of(), List.of(dupCloud, dupCloud2),
                "Same bytes twice in the cloud; the second copy carries icloudpd's -<size> suffix."));

        // --- MISSING_ON_DEVICE: in the cloud only (deleted from the device, or Optimize Storage never downloaded);
        // the demo's answers say Optimize iPhone Storage is on and its device side is a copy of files, so the analysis
        // explains it (the reconciler alone reports it a loss)
        MediaSpec gone = photo(8, at(3, 14, 10)).build();
        plants.add(new Plant(Category.MISSING_ON_DEVICE, List.of(),
                List.of(d.cloud(gone, name(8, "JPG"), SyntheticMedia.jpeg(gone))),
                "In iCloud, not in the device's DCIM."));

        // --- CONVERTED: PNG on the device standing for the HEIC original, JPEG in the cloud; same Apple ids
        MediaSpec conv = photo(9, at(3, 16, 40)).contentId(null).build();
        plants.add(new Plant(Category.CONVERTED,
                List.of(d.device(name(9, "PNG"), SyntheticMedia.png(conv), conv)),
                List.of(d.cloud(conv, name(9, "JPG"), SyntheticMedia.jpeg(conv))),
                "Original format on the device (PNG, standing for HEIC), JPEG in the cloud; same MakerNote ids."));

        // --- REDUCED: icloudpd --size medium downloaded a smaller copy
        MediaSpec full = photo(10, at(4, 10, 0)).size(640, 480).build();
        MediaSpec medium = full.toBuilder().size(320, 240).build();
        plants.add(new Plant(Category.REDUCED,
                List.of(d.device(name(10, "JPG"), SyntheticMedia.jpeg(full), full)),
                List.of(d.cloud(medium, "IMG_0010-medium.JPG", SyntheticMedia.jpeg(medium))),
                "Same photo, 640x480 on the device, 320x240 in the cloud (icloudpd -medium)."));

        // --- EDITED: edited on the device (IMG_E render + AAE); the cloud has only the original
        MediaSpec orig = photo(11, at(4, 19, 25)).build();
        byte[] origJpg = SyntheticMedia.jpeg(orig);
        byte[] render = SyntheticMedia.jpeg(orig, SyntheticMedia.edit(SyntheticMedia.render(orig)));
        plants.add(new Plant(Category.EDITED,
                List.of(d.device(name(11, "JPG"), origJpg, orig), d.device("IMG_E0011.JPG", render, orig),
                        d.device(name(11, "AAE"), SyntheticMedia.aae(at(5, 9, 0), 11), orig)),
                List.of(d.cloud(orig, name(11, "JPG"), origJpg)),
                "Edited on the device (IMG_E0011.JPG and IMG_0011.AAE); the edit is not in the cloud."));

        // --- LIVE_PHOTO_INCOMPLETE: the still reached the cloud, its video did not
        MediaSpec half = photo(12, at(5, 12, 12)).contentId(uuid(12)).build();
        byte[] halfJpg = SyntheticMedia.jpeg(half);
        plants.add(new Plant(Category.LIVE_PHOTO_INCOMPLETE,
                List.of(d.device(name(12, "JPG"), halfJpg, half),
                        d.device(name(12, "MOV"), SyntheticMedia.mov(half.toBuilder().durationMillis(2600).build()),
                                half)),
                List.of(d.cloud(half, name(12, "JPG"), halfJpg)),
                "Live Photo: JPEG and MOV on the device, only the JPEG in the cloud."));

        // --- METADATA_DRIFT: same pixels, the cloud copy's DateTimeOriginal is 3 hours earlier
        MediaSpec here = photo(13, at(5, 18, 20)).build();
        MediaSpec drifted = here.toBuilder().captured(here.captured().minusHours(3)).build();
        plants.add(new Plant(Category.METADATA_DRIFT,
                List.of(d.device(name(13, "JPG"), SyntheticMedia.jpeg(here), here)),
                List.of(d.cloud(here, name(13, "JPG"), SyntheticMedia.jpeg(drifted))),
                "Same pixels and ids; DateTimeOriginal 18:20 on the device, 15:20 in the cloud."));

        // --- UNREADABLE_COPY: the cloud's copy stops half-way (a download cut short); the device's is whole
        MediaSpec cut = photo(14, at(6, 9, 30)).build();
        byte[] cutJpg = SyntheticMedia.jpeg(cut);
        plants.add(new Plant(Category.UNREADABLE_COPY, List.of(d.device(name(14, "JPG"), cutJpg, cut)),
                List.of(d.cloud(cut, name(14, "JPG"), java.util.Arrays.copyOf(cutJpg, cutJpg.length / 2))),
                "The cloud's copy stops half-way (a download cut short); the device's copy is whole."));

        plants.sort((a, b) -> a.category().compareTo(b.category()));
        Path answers = writeEvidence(evidence);
        Path manifest = dir.resolve(MANIFEST);
        Files.writeString(manifest, manifest(plants, same), StandardCharsets.UTF_8);
        // fixed times on the technician's files too, so two runs give identical trees
        try (Stream<Path> s = Files.list(evidence)) {
            for (Path p : s.toList()) Files.setLastModifiedTime(p, CASE_TIME);
        }
        Files.setLastModifiedTime(manifest, CASE_TIME);
        return new Demo(dir, device, cloud, evidence, answers, manifest, List.copyOf(plants), List.copyOf(same));
    }

    /** The counts an analysis of the demo should report: one per category, and the identical pairs. */
    public static Map<Category, Long> expectedCounts() {
        Map<Category, Long> m = new EnumMap<>(Category.class);
        for (Category c : Category.values()) m.put(c, 1L);
        return m;
    }

    /** Identical assets an analysis should count: IMG_0001-0004, the Live Photo IMG_0005, and IMG_0007's pair. */
    public static final int EXPECTED_IDENTICAL = 6;

    // ------------------------------------------------------------------ files

    private static MediaSpec.Builder photo(int n, LocalDateTime t) {
        return MediaSpec.builder()
                .size(400, 300)
                .make("Apple").model("iPhone 11").software("17.5.1")
                .captured(t.withNano((n * 137 % 1000) * 1_000_000))
                .offset(TZ)
                .seed(1000 + n)
                .imageUniqueId(String.format(Locale.ROOT, "D3A0%028X", n * 0x9E3779B1L))
                .gps(46.2044, 6.1432);
    }

    private static LocalDateTime at(int day, int hour, int minute) {
        return LocalDateTime.of(2024, 5, day, hour, minute, 7);
    }

    private static String uuid(int n) {
        return String.format(Locale.ROOT, "5D2C%04X-6A1B-4C3D-8E9F-%012X", n, 0xA1B2C3D40000L + n);
    }

    private static String name(int n, String ext) {
        return String.format(Locale.ROOT, "IMG_%04d.%s", n, ext);
    }

    /** Writes a device file; returns its path relative to the device root. */
    private String device(String fileName, byte[] data, MediaSpec s) throws IOException {
        String rel = DCIM + fileName;
        put(deviceRoot.resolve(rel), data, s);
        return rel;
    }

    /** Writes a cloud file in icloudpd's date folder for the spec; returns its path relative to the cloud root. */
    private String cloud(MediaSpec s, String fileName, byte[] data) throws IOException {
        LocalDateTime t = s.captured();
        String rel = String.format(Locale.ROOT, "%04d/%02d/%02d/%s", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), fileName);
        Path p = cloudRoot.resolve(rel);
        Files.createDirectories(p.getParent());
        put(p, data, s);
        return rel;
    }

    private static void put(Path p, byte[] data, MediaSpec s) throws IOException {
        Files.write(p, data);
        Files.setLastModifiedTime(p, FileTime.from(s.captured().toInstant(s.offset() == null ? TZ : s.offset())));
    }

    private static void prepare(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) throw new IOException(dir + " is a file; give a folder for the demo case");
        boolean empty;
        try (Stream<Path> s = Files.list(dir)) {
            empty = s.findAny().isEmpty();
        }
        if (empty) return;
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            throw new IOException(dir + " is not empty and holds no earlier demo (" + MANIFEST
                    + "); give a new or empty folder for the demo case");
        }
        for (String sub : List.of(DEVICE, CLOUD, EVIDENCE)) deleteTree(dir.resolve(sub));
        Files.deleteIfExists(dir.resolve(MANIFEST));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) throw exc;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    // ------------------------------------------------------------------ evidence

    private static Path writeEvidence(Path evidence) throws IOException {
        Files.writeString(evidence.resolve("ideviceinfo.txt"), """
                ActivationState: Activated
                BasebandVersion: 5.00.00
                BluetoothAddress: 3c:22:fb:1a:9e:41
                BuildVersion: 21F90
                CPUArchitecture: arm64e
                DeviceClass: iPhone
                DeviceColor: 1
                DeviceName: Anna's iPhone
                FirmwareVersion: iBoot-10151.122.1
                HardwareModel: N104AP
                HardwarePlatform: t8030
                PasswordProtected: true
                ProductName: iPhone OS
                ProductType: iPhone12,1
                ProductVersion: 17.5.1
                ProductionSOC: true
                SerialNumber: F17ZK0DEMO01
                TimeZone: Europe/Zurich
                TimeZoneOffsetFromUTC: 7200.000000
                UniqueDeviceID: 00008030-001A2B3C4D5E6F70
                WiFiAddress: 3c:22:fb:1a:9e:40
                """, StandardCharsets.UTF_8);
        Files.writeString(evidence.resolve("ideviceinfo-disk_usage.txt"), """
                AmountDataAvailable: 1288490188
                AmountDataReserved: 209715200
                CalendarUsage: 2351104
                CameraUsage: 20401094656
                MobileApplicationUsage: 17179869184
                NANDInfo: 0
                PhotoUsage: 21474836480
                TotalDataAvailable: 1498205388
                TotalDataCapacity: 59822280704
                TotalDiskCapacity: 64000000000
                TotalSystemAvailable: 0
                TotalSystemCapacity: 4177719296
                """, StandardCharsets.UTF_8);
        Files.writeString(evidence.resolve("ideviceinfo-battery.txt"), """
                BatteryCurrentCapacity: 15
                BatteryIsCharging: false
                ExternalChargeCapable: false
                ExternalConnected: false
                FullyCharged: false
                GasGaugeCapability: true
                HasBattery: true
                """, StandardCharsets.UTF_8);
        Path answers = evidence.resolve("answers.properties");
        Files.writeString(answers, """
                # Technician's answers for the demo case (keys: see the evidence bundle's answers format)
                apple_id_matches=yes
                icloud_photos_on=yes
                mobile_data_for_photos=no
                low_power_mode=yes
                optimize_storage=yes
                icloud_plan=5GB
                icloud_other_usage_gb=3.6
                photos_status_text=Saving Battery Power \u2014 Low Power Mode is on. Syncing will resume when your iPhone is charged.
                """, StandardCharsets.UTF_8);
        return answers;
    }

    // ------------------------------------------------------------------ manifest

    private static String manifest(List<Plant> plants, List<Same> same) {
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"schema\": 1,\n");
        b.append("  \"description\": \"PhotoParity demo case: one example of every mismatch category\",\n");
        b.append("  \"device\": \"").append(DEVICE).append("\",\n");
        b.append("  \"cloud\": \"").append(CLOUD).append("\",\n");
        b.append("  \"evidence\": {\n");
        b.append("    \"root\": \"evidence/ideviceinfo.txt\",\n");
        b.append("    \"com.apple.disk_usage\": \"evidence/ideviceinfo-disk_usage.txt\",\n");
        b.append("    \"com.apple.mobile.battery\": \"evidence/ideviceinfo-battery.txt\",\n");
        b.append("    \"answers\": \"evidence/answers.properties\"\n  },\n");
        b.append("  \"expected\": {\n    \"identical\": ").append(EXPECTED_IDENTICAL);
        for (Category c : Category.values()) b.append(",\n    \"").append(c.name()).append("\": 1");
        b.append("\n  },\n");
        b.append("  \"plants\": [\n");
        for (int i = 0; i < plants.size(); i++) {
            Plant p = plants.get(i);
            b.append("    { \"category\": \"").append(p.category().name()).append("\", \"device\": ")
                    .append(array(p.device())).append(", \"cloud\": ").append(array(p.cloud()))
                    .append(", \"note\": ").append(str(p.note())).append(" }")
                    .append(i < plants.size() - 1 ? ",\n" : "\n");
        }
        b.append("  ],\n  \"identical\": [\n");
        for (int i = 0; i < same.size(); i++) {
            Same s = same.get(i);
            b.append("    { \"device\": ").append(array(s.device())).append(", \"cloud\": ").append(array(s.cloud()))
                    .append(" }").append(i < same.size() - 1 ? ",\n" : "\n");
        }
        b.append("  ]\n}\n");
        return b.toString();
    }

    private static String array(List<String> v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.size(); i++) b.append(i > 0 ? ", " : "").append(str(v.get(i)));
        return b.append(']').toString();
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
