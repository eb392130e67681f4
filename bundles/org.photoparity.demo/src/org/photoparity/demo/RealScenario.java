package org.photoparity.demo;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.photoparity.core.model.Category;

/**
 * A planted scenario built from real iPhone files (issue 10): every trap a real library holds, in four formats,
 * with its ground truth. The real files are never changed or copied into the project: distinct "photos" are made
 * from the eleven fixtures by {@link ScenarioBytes} edits that keep Apple's structure (another quantization value
 * or media byte, other dates, other identifiers), and the output goes to a folder outside the project.
 *
 * <pre>
 * OUT/folders/device/DCIM/100APPLE/...   + OUT/folders/cloud/yyyy/mm/dd/... (icloudpd --size original --size adjusted)
 * OUT/zip/device/...                     + OUT/zip/cloud.zip (the same icloudpd folder, zipped)
 * OUT/export/device/...                  + OUT/export/cloud/ (privacy export: a zip part, a folder part)
 * OUT/backup/device/ (iOS backup: Manifest.db, Photos.sqlite, PhotoCloudSharingData) + OUT/backup/cloud/ (icloudpd)
 * OUT/FORMAT/truth.json                  the expected differences: category, loss or explained, files
 * </pre>
 *
 * Traps: identical photos and Live Photos; drift copies (cloud dates +3 h, another time zone, +1 day, location
 * removed); icloudpd
 * edit pairs (IMG_x.HEIC + IMG_x.JPG, -adjusted on a clash) and -thumb / -medium versions; shared album items
 * (backup: PhotoCloudSharingData rows; export: iCloud Shared Albums zip); hidden and Recently Deleted items; burst
 * frames of which iCloud kept the pick; Live Photos whose MOV sits in another export part, with and without its own
 * row; a motion-photo JPEG carrying a video after its end; the same IMG number for two different photos; a renamed
 * identical copy; an incomplete Live Photo; real losses both ways.
 */
public final class RealScenario {

    /** The four ways the two sides arrive. */
    public enum Format {
        /** DCIM copy against an icloudpd folder. */
        FOLDERS,
        /** DCIM copy against the icloudpd folder zipped. */
        ZIP,
        /** DCIM copy against Apple's privacy export (two parts, Photo Details.csv). */
        EXPORT,
        /** iOS backup (Manifest.db, Photos.sqlite) against an icloudpd folder. */
        BACKUP;

        public String folder() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One expected difference.
     *
     * @param category the category a correct reconciliation reports
     * @param loss     whether it is a loss (false: explained by how the evidence was collected)
     * @param device   device-side file names involved (base names)
     * @param cloud    cloud-side file names involved (base names)
     * @param trap     which trap planted it
     */
    public record Expected(Category category, boolean loss, List<String> device, List<String> cloud, String trap) {
        public Expected {
            device = List.copyOf(device);
            cloud = List.copyOf(cloud);
        }
    }

    /**
     * A generated scenario.
     *
     * @param deviceSpec the device side as a scan spec (kind:path)
     * @param cloudSpec  the cloud side as a scan spec
     * @param identical  assets planted identical on both sides (no difference expected)
     */
    public record Built(Format format, Path root, String deviceSpec, String cloudSpec, List<Expected> expected,
            int identical) {
        public Built {
            expected = List.copyOf(expected);
        }
    }

    private static final String DCIM = "DCIM/100APPLE/";
    private static final DateTimeFormatter EXPORT_DATE = DateTimeFormatter.ofPattern("EEEE MMMM d,yyyy h:mm a",
            Locale.ENGLISH);
    private static final DateTimeFormatter EXPORT_DATE_24 = DateTimeFormatter.ofPattern("EEEE MMMM d,yyyy HH:mm",
            Locale.ENGLISH);

    /** The real fixtures by name, and the identifiers inside them that a variant replaces. */
    private static final String J4 = "Apple iPhone 4.jpg", J6 = "Apple iPhone 6.jpg", J658 = "IMG_0658.JPG",
            J4120 = "IMG_4120.JPG", E4120 = "IMG_E4120.JPG", H4580 = "IMG_4580.HEIC", M4580 = "IMG_4580.mov",
            H7 = "iphone_7.heic", TRAIN = "train.jpg", TRAIN_MOV = "train.mov";
    private static final Map<String, String> UUIDS = Map.of(H4580, "4E1A1B89-CE70-4FF8-873B-E4470B839314", M4580,
            "4E1A1B89-CE70-4FF8-873B-E4470B839314", TRAIN, "E905E6C6-C747-4805-942F-9904A0281F02", TRAIN_MOV,
            "E905E6C6-C747-4805-942F-9904A0281F02", J658, "D4E4B3D1-0E45-4987-BE12-76D604E25D2C");

    /** One file of a planted asset. */
    record File(String name, byte[] bytes) {
    }

    /** A planted asset on one side, with what a listing would say about it. */
    static final class Planted {
        final String trap;
        final List<File> files = new ArrayList<>();
        LocalDateTime when;
        String base;
        String mediaGroup;
        String burstId;
        int burstPickType;
        boolean hidden, deleted, shared, notSynced, exportRowForVideo = true, videoInOtherPart;

        Planted(String trap) {
            this.trap = trap;
        }

        File primary() {
            return files.get(0);
        }
    }

    private final Path photos;
    private final Map<String, byte[]> originals = new HashMap<>();
    final List<Planted> device = new ArrayList<>();
    final List<Planted> cloud = new ArrayList<>();
    final List<Expected> expected = new ArrayList<>();
    int identical;

    private RealScenario(Path fixtures) {
        this.photos = fixtures.resolve("photos");
    }

    /** Generates one format under {@code out/<format>} (replacing an earlier one) and returns it. */
    public static Built generate(Path fixtures, Path out, Format format) throws IOException {
        RealScenario s = new RealScenario(fixtures);
        s.plant(format);
        Path target = out.resolve(format.folder());
        Path tmp = out.resolve(format.folder() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        String deviceSpec, cloudSpec;
        switch (format) {
            case FOLDERS -> {
                s.writeDcim(tmp.resolve("device"));
                s.writeIcloudpd(tmp.resolve("cloud"));
                deviceSpec = "folder:" + target.resolve("device");
                cloudSpec = "folder:" + target.resolve("cloud");
            }
            case ZIP -> {
                s.writeDcim(tmp.resolve("device"));
                Path staging = tmp.resolve("cloud-staging");
                s.writeIcloudpd(staging);
                zipFolder(staging, tmp.resolve("cloud.zip"));
                deleteTree(staging);
                deviceSpec = "folder:" + target.resolve("device");
                cloudSpec = "zip:" + target.resolve("cloud.zip");
            }
            case EXPORT -> {
                s.writeDcim(tmp.resolve("device"));
                s.writeExport(tmp.resolve("cloud"));
                deviceSpec = "folder:" + target.resolve("device");
                cloudSpec = "privacy-export:" + target.resolve("cloud");
            }
            case BACKUP -> {
                new ScenarioBackup(s.device).write(tmp.resolve("device"));
                s.writeIcloudpd(tmp.resolve("cloud"));
                deviceSpec = "ios-backup:" + target.resolve("device");
                cloudSpec = "folder:" + target.resolve("cloud");
            }
            default -> throw new IllegalStateException(format.name());
        }
        write(tmp.resolve("truth.json"), s.truthJson(format).getBytes(StandardCharsets.UTF_8));
        deleteTree(target);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return new Built(format, target, deviceSpec, cloudSpec, s.expected, s.identical);
    }

    // ---- the traps -------------------------------------------------------------------------------------------

    private void plant(Format f) throws IOException {
        boolean export = f == Format.EXPORT, backup = f == Format.BACKUP;

        // identical photos
        same("identical", photo(J6, 1), "IMG_1001.JPG");
        same("identical", photo(H7, 2), "IMG_1002.HEIC");
        same("identical", photo(J4, 3), "IMG_1003.JPG");
        same("identical", photo(J4120, 4), "IMG_1004.JPG");
        same("identical", photo(H7, 5), "IMG_1005.HEIC");

        // Live Photos, identical; in the export the MOV sits in the other part, with and without its own row
        Planted l1 = live("live photo, MOV in another part with its own row", H4580, M4580, 11, "IMG_1101", ".HEIC");
        l1.videoInOtherPart = true;
        add(device, l1);
        add(cloud, l1);
        identical++;
        Planted l2 = live("live photo, MOV in another part without a row", TRAIN, TRAIN_MOV, 12, "IMG_1102", ".JPG");
        l2.videoInOtherPart = true;
        l2.exportRowForVideo = false;
        add(device, l2);
        add(cloud, l2);
        identical++;

        // an incomplete Live Photo: the cloud lost the video
        Planted l3 = live("live photo incomplete", H4580, M4580, 13, "IMG_1103", ".HEIC");
        add(device, l3);
        Planted l3c = copyOf(l3, "live photo incomplete");
        l3c.files.remove(1);
        l3c.mediaGroup = null;
        add(cloud, l3c);
        expect(Category.LIVE_PHOTO_INCOMPLETE, true, l3, l3c);

        // metadata drift: same payload, dates rewritten in the cloud copy
        drift("drift +3 h", photo(J6, 21), "IMG_1201.JPG", b -> ScenarioBytes.shiftDates(b, 3 * 3600));
        drift("drift time zone", photo(TRAIN, 22), "IMG_1202.JPG",
                b -> ScenarioBytes.replaceAscii(b, "+01:00", "-05:00"));
        drift("drift +1 day", photo(H7, 23), "IMG_1203.HEIC", b -> ScenarioBytes.shiftDates(b, 86_400));
        drift("drift location removed", photo(J6, 24), "IMG_1204.JPG", b -> {
            if (!ScenarioBytes.removeLocation(b)) throw new IllegalStateException("no GPS in " + J6);
        });

        // icloudpd versions (an export carries originals only: there they are plain identical photos)
        byte[] e1 = photo(H7, 31), e2 = photo(J4120, 32), e3 = photo(J6, 33), e4 = photo(J4, 34);
        if (export) {
            same("identical (edit trap in icloudpd formats)", e1, "IMG_1301.HEIC");
            same("identical (edit trap in icloudpd formats)", e2, "IMG_1302.JPG");
            same("identical (version trap in icloudpd formats)", e3, "IMG_1303.JPG");
            same("identical (version trap in icloudpd formats)", e4, "IMG_1304.JPG");
        } else {
            edited("icloudpd edit pair IMG_x.HEIC + IMG_x.JPG", e1, "IMG_1301.HEIC", "IMG_1301.JPG");
            edited("icloudpd -adjusted on a name clash", e2, "IMG_1302.JPG", "IMG_1302-adjusted.JPG");
            withDerivative("icloudpd -thumb", e3, "IMG_1303.JPG", "IMG_1303-thumb.JPG", 256);
            withDerivative("icloudpd -medium with size suffix", e4, "IMG_1304.JPG", "IMG_1304-medium-41234.JPG", 1024);
        }

        // a burst: three frames on the device, iCloud downloads keep the picked one
        String burst = ScenarioBytes.uuid("burst-1400");
        List<Planted> frames = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            byte[] b = original(J658);
            ScenarioBytes.changePayload(b, 40 + i);
            ScenarioBytes.replaceAscii(b, UUIDS.get(J658), burst);
            ScenarioBytes.shiftDates(b, 1400L * 86_400);
            Planted p = single("burst", J658, b, "IMG_140" + i + ".JPG");
            p.burstId = burst;
            p.burstPickType = i == 2 ? 52 : 2; // key photo + default pick, or not selected
            add(device, p);
            frames.add(p);
        }
        add(cloud, copyOf(frames.get(1), "burst"));
        identical++;
        expect(Category.MISSING_IN_CLOUD, false, frames.get(0), null);
        expect(Category.MISSING_IN_CLOUD, false, frames.get(2), null);

        // a motion-photo JPEG: a whole video after the JPEG's end, on both sides
        byte[] still = photo(J4, 51);
        byte[] video = original(TRAIN_MOV);
        byte[] motion = new byte[still.length + video.length];
        System.arraycopy(still, 0, motion, 0, still.length);
        System.arraycopy(video, 0, motion, still.length, video.length);
        same("motion photo JPEG", motion, "IMG_1501.JPG");

        // the same IMG number, two different photos (the counter wrapped): two losses, never a pair
        Planted wrapD = single("wrap-around", J6, photo(J6, 61), "IMG_1601.JPG");
        Planted wrapC = single("wrap-around", J4, photo(J4, 62), "IMG_1601.JPG");
        add(device, wrapD);
        add(cloud, wrapC);
        expect(Category.MISSING_IN_CLOUD, true, wrapD, null);
        expect(Category.MISSING_ON_DEVICE, true, null, wrapC);

        // a renamed identical copy
        byte[] r = photo(J4120, 71);
        add(device, single("renamed copy", J4120, r, "IMG_1701.JPG"));
        add(cloud, single("renamed copy", J4120, r, "Beach day.JPG"));
        identical++;

        // real losses both ways
        loss(device, "lost from the cloud", photo(H7, 81), H7, "IMG_1801.HEIC");
        loss(device, "lost from the cloud", photo(J6, 82), J6, "IMG_1802.JPG");
        loss(cloud, "lost from the device", photo(J4, 83), J4, "IMG_1803.JPG");
        loss(cloud, "lost from the device", photo(H7, 84), H7, "IMG_1804.HEIC");

        // hidden and Recently Deleted: an export carries them (flagged); icloudpd skips them, and only a backup's
        // Photos.sqlite can say why
        if (export || backup) {
            Planted hidden = single("hidden", J6, photo(J6, 91), "IMG_1901.JPG");
            hidden.hidden = true;
            Planted deleted = single("recently deleted", J4, photo(J4, 92), "IMG_1902.JPG");
            deleted.deleted = true;
            add(device, hidden);
            add(device, deleted);
            if (export) {
                add(cloud, copyOf(hidden, "hidden"));
                add(cloud, copyOf(deleted, "recently deleted"));
                identical += 2;
            } else {
                expect(Category.MISSING_IN_CLOUD, false, hidden, null);
                expect(Category.MISSING_IN_CLOUD, false, deleted, null);
            }
        }

        // shared album items: in a backup under PhotoCloudSharingData, in an export in the shared albums zip
        if (export || backup) {
            // a device keeps shared album media under UUID names (the camera's name is in Photos.sqlite)
            Planted s1 = single("shared album", J4120, photo(J4120, 95),
                    backup ? ScenarioBytes.uuid("shared-1951") + ".JPG" : "IMG_1951.JPG");
            Planted s2 = single("shared album", J6, photo(J6, 96),
                    backup ? ScenarioBytes.uuid("shared-1952") + ".JPG" : "IMG_1952.JPG");
            s1.shared = s2.shared = true;
            List<Planted> side = backup ? device : cloud;
            add(side, s1);
            add(side, s2);
            Category c = backup ? Category.MISSING_IN_CLOUD : Category.MISSING_ON_DEVICE;
            expect(c, false, backup ? s1 : null, backup ? null : s1);
            expect(c, false, backup ? s2 : null, backup ? null : s2);
        }
    }

    private interface Edit {
        void apply(byte[] b);
    }

    /** A distinct photo made from a real one: other payload, dates moved by whole days, other identifiers. */
    private byte[] photo(String base, int seed) throws IOException {
        byte[] b = original(base);
        ScenarioBytes.changePayload(b, seed);
        ScenarioBytes.shiftDates(b, seed * 86_400L + seed * 60L);
        String uuid = UUIDS.get(base);
        if (uuid != null) ScenarioBytes.replaceAscii(b, uuid, ScenarioBytes.uuid("photo-" + seed));
        return b;
    }

    private byte[] original(String name) throws IOException {
        byte[] b = originals.get(name);
        if (b == null) {
            b = Files.readAllBytes(photos.resolve(name));
            originals.put(name, b);
        }
        return b.clone();
    }

    private Planted single(String trap, String base, byte[] bytes, String name) {
        Planted p = new Planted(trap);
        p.base = base;
        p.files.add(new File(name, bytes));
        p.when = ScenarioBytes.firstExifDate(bytes);
        return p;
    }

    private Planted live(String trap, String stillBase, String videoBase, int seed, String stem, String ext)
            throws IOException {
        byte[] still = photo(stillBase, seed);
        byte[] mov = original(videoBase);
        ScenarioBytes.changePayload(mov, seed);
        ScenarioBytes.shiftDates(mov, seed * 86_400L + seed * 60L);
        String ci = ScenarioBytes.uuid("photo-" + seed);
        ScenarioBytes.replaceAscii(mov, UUIDS.get(videoBase), ci);
        Planted p = single(trap, stillBase, still, stem + ext);
        p.files.add(new File(stem + ".MOV", mov));
        p.mediaGroup = ci;
        return p;
    }

    private static Planted copyOf(Planted p, String trap) {
        Planted c = new Planted(trap);
        c.base = p.base;
        c.when = p.when;
        c.files.addAll(p.files);
        c.mediaGroup = p.mediaGroup;
        c.burstId = p.burstId;
        c.burstPickType = p.burstPickType;
        c.hidden = p.hidden;
        c.deleted = p.deleted;
        c.shared = p.shared;
        c.exportRowForVideo = p.exportRowForVideo;
        c.videoInOtherPart = p.videoInOtherPart;
        return c;
    }

    private void same(String trap, byte[] bytes, String name) {
        String base = name.endsWith(".HEIC") ? H7 : J6;
        Planted p = single(trap, base, bytes, name);
        add(device, p);
        add(cloud, copyOf(p, trap));
        identical++;
    }

    private void drift(String trap, byte[] bytes, String name, Edit edit) {
        Planted d = single(trap, name.endsWith(".HEIC") ? H7 : J6, bytes, name);
        byte[] shifted = bytes.clone();
        edit.apply(shifted);
        Planted c = single(trap, d.base, shifted, name);
        add(device, d);
        add(cloud, c);
        expect(Category.METADATA_DRIFT, false, d, c);
    }

    /** The device has the original; the cloud has it plus the edit's render under icloudpd's name. */
    private void edited(String trap, byte[] original, String name, String renderName) throws IOException {
        Planted d = single(trap, name.endsWith(".HEIC") ? H7 : J4120, original, name);
        byte[] render = original(E4120);
        ScenarioBytes.changePayload(render, name.hashCode());
        LocalDateTime target = ScenarioBytes.firstExifDate(original), from = ScenarioBytes.firstExifDate(render);
        if (target != null && from != null) {
            ScenarioBytes.shiftDates(render, java.time.Duration.between(from, target).getSeconds());
        }
        if (name.endsWith(".HEIC")) {
            // Photos renders an edit of the iPhone 7's HEIC with that camera's make, model and sub-seconds
            int metadata = ScenarioBytes.jpegScanStart(render);
            ScenarioBytes.replaceAscii(render, "iPhone SE\0", "iPhone 7\0\0", metadata);
            ScenarioBytes.replaceAscii(render, "835\0", "023\0", metadata);
        }
        Planted c = copyOf(d, trap);
        c.files.add(new File(renderName, render));
        add(device, d);
        add(cloud, c);
        expect(Category.EDITED, false, d, c);
    }

    /** Both sides hold the original; the cloud also holds icloudpd's smaller version of it. */
    private void withDerivative(String trap, byte[] original, String name, String derivativeName, int width)
            throws IOException {
        Planted d = single(trap, J6, original, name);
        Planted c = copyOf(d, trap);
        c.files.add(new File(derivativeName, scaled(original, width)));
        add(device, d);
        add(cloud, c);
        identical++;
    }

    private void loss(List<Planted> side, String trap, byte[] bytes, String base, String name) {
        Planted p = single(trap, base, bytes, name);
        p.notSynced = side == device;
        add(side, p);
        expect(side == device ? Category.MISSING_IN_CLOUD : Category.MISSING_ON_DEVICE, true,
                side == device ? p : null, side == device ? null : p);
    }

    private static void add(List<Planted> side, Planted p) {
        side.add(p);
    }

    private void expect(Category c, boolean loss, Planted d, Planted cl) {
        String trap = d != null ? d.trap : cl.trap;
        expected.add(new Expected(c, loss, d == null ? List.of() : d.files.stream().map(File::name).toList(),
                cl == null ? List.of() : cl.files.stream().map(File::name).toList(), trap));
    }

    /** A smaller JPEG of the photo (icloudpd's -thumb / -medium are server renders without the camera's EXIF). */
    private static byte[] scaled(byte[] jpeg, int width) throws IOException {
        BufferedImage src = ImageIO.read(new ByteArrayInputStream(jpeg));
        if (src == null) throw new IOException("cannot decode a JPEG to scale");
        int height = Math.max(1, src.getHeight() * width / src.getWidth());
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        dst.getGraphics().drawImage(src.getScaledInstance(width, height, Image.SCALE_SMOOTH), 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(dst, "jpg", out);
        return out.toByteArray();
    }

    // ---- writers ------------------------------------------------------------------------------------------------

    private void writeDcim(Path dir) throws IOException {
        for (Planted p : device) {
            for (File f : p.files) write(dir.resolve(DCIM + f.name()), f.bytes());
        }
    }

    /** icloudpd's default layout: {yyyy}/{mm}/{dd}/ of the capture date. */
    private void writeIcloudpd(Path dir) throws IOException {
        for (Planted p : cloud) {
            LocalDateTime when = p.when != null ? p.when : LocalDateTime.of(2020, 1, 1, 0, 0);
            String folder = String.format(Locale.ROOT, "%04d/%02d/%02d/", when.getYear(), when.getMonthValue(),
                    when.getDayOfMonth());
            for (File f : p.files) write(dir.resolve(folder + f.name()), f.bytes());
        }
    }

    /**
     * Apple's privacy export in two parts: part 1 a zip, part 2 a folder. Live Photo MOVs marked so sit in part 2;
     * the shared albums come as "iCloud Shared Albums.zip" in part 1; hidden items are named by Albums/Hidden.csv
     * and their rows; Recently Deleted items sit in part 2's Recently Deleted folder.
     */
    private void writeExport(Path dir) throws IOException {
        String p1 = "iCloud Photos Part 1 of 2", p2 = "iCloud Photos Part 2 of 2";
        Map<String, byte[]> zip1 = new LinkedHashMap<>();
        Map<String, byte[]> shared = new LinkedHashMap<>();
        StringBuilder csv1 = new StringBuilder(CSV_HEADER), csv2 = new StringBuilder(CSV_HEADER);
        StringBuilder hidden = new StringBuilder("imgName\n");
        int n = 0;
        for (Planted p : cloud) {
            n++;
            if (p.shared) {
                for (File f : p.files) shared.put("My Albums/Family/" + f.name(), f.bytes());
                continue;
            }
            boolean part2 = p.deleted || n % 3 == 0;
            for (int i = 0; i < p.files.size(); i++) {
                File f = p.files.get(i);
                boolean video = i > 0 && p.mediaGroup != null;
                boolean inPart2 = video && p.videoInOtherPart ? !part2 : part2;
                String folder = p.deleted ? "Recently Deleted/" : "Photos/";
                if (inPart2) write(dir.resolve(p2 + "/" + folder + f.name()), f.bytes());
                else zip1.put(p1 + "/" + folder + f.name(), f.bytes());
                if (video && !p.exportRowForVideo) continue;
                // a row sits in the CSV of the part holding its file, except the MOV's: beside its still's row
                StringBuilder csv = (video ? part2 : inPart2) ? csv2 : csv1;
                csv.append(f.name()).append(',').append(checksum(f.bytes())).append(",no,")
                        .append(p.hidden ? "yes" : "no").append(',').append(p.deleted ? "yes" : "no").append(",\"")
                        .append(exportDate(p.when, n)).append("\",").append(n % 7).append(",\"")
                        .append(exportDate(p.when, n)).append("\"\n");
            }
            if (p.hidden) hidden.append(p.primary().name()).append('\n');
        }
        zip1.put(p1 + "/Photos/Photo Details.csv", csv1.toString().getBytes(StandardCharsets.UTF_8));
        zip1.put(p1 + "/Albums/Hidden.csv", hidden.toString().getBytes(StandardCharsets.UTF_8));
        shared.put("My Albums/Family/AlbumInfo.json", "{\"albumName\":\"Family\"}".getBytes(StandardCharsets.UTF_8));
        zip1.put(p1 + "/iCloud Shared Albums.zip", zip(shared));
        write(dir.resolve(p1 + ".zip"), zip(zip1));
        write(dir.resolve(p2 + "/Photos/Photo Details.csv"), csv2.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static final String CSV_HEADER =
            "imgName,fileChecksum,favorite,hidden,deleted,originalCreationDate,viewCount,importDate\n";

    /** Apple's date shape; every other afternoon row written the way some real exports do ("14:00 PM"). */
    private static String exportDate(LocalDateTime when, int n) {
        LocalDateTime t = when != null ? when : LocalDateTime.of(2020, 1, 1, 0, 0);
        if (t.getHour() >= 13 && n % 2 == 0) return t.format(EXPORT_DATE_24) + " PM GMT";
        return t.format(EXPORT_DATE) + " GMT";
    }

    private static String checksum(byte[] b) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(b);
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(d, 21));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String truthJson(Format f) {
        StringBuilder j = new StringBuilder("{\n  \"format\": \"").append(f.folder()).append("\",\n  \"identical\": ")
                .append(identical).append(",\n  \"expected\": [\n");
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            j.append("    {\"category\": \"").append(e.category()).append("\", \"loss\": ").append(e.loss())
                    .append(", \"device\": ").append(names(e.device())).append(", \"cloud\": ")
                    .append(names(e.cloud())).append(", \"trap\": \"").append(e.trap()).append("\"}")
                    .append(i + 1 < expected.size() ? ",\n" : "\n");
        }
        return j.append("  ]\n}\n").toString();
    }

    private static String names(List<String> n) {
        return "[" + String.join(", ", n.stream().map(s -> "\"" + s + "\"").toList()) + "]";
    }

    // ---- files ----------------------------------------------------------------------------------------------------

    static void write(Path to, byte[] bytes) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        Path tmp = to.resolveSibling(to.getFileName() + ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A zip of the given entries (name to bytes), in memory, in the entries' order. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static void zipFolder(Path dir, Path zip) throws IOException {
        Path tmp = zip.resolveSibling(zip.getFileName() + ".part");
        try (OutputStream o = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(o);
                var s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (!Files.isRegularFile(p)) continue;
                z.putNextEntry(new ZipEntry(dir.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
        Files.move(tmp, zip, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static long epochSeconds(LocalDateTime t) {
        return t == null ? 0 : t.toEpochSecond(ZoneOffset.UTC);
    }

    /**
     * Generates the scenario: {@code --fixtures DIR} (the folder holding photos/, default /work/shared/fixtures/real
     * or $PHOTOPARITY_SHARED/fixtures/real), {@code --out DIR} (required, outside the project), {@code --format
     * folders|zip|export|backup|all}.
     */
    public static void main(String[] args) throws IOException {
        String shared = System.getenv().getOrDefault("PHOTOPARITY_SHARED", "/work/shared");
        Path fixtures = Path.of(shared, "fixtures", "real");
        Path out = null;
        String which = "all";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fixtures" -> fixtures = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--format" -> which = args[++i];
                default -> {
                    System.err.println("unknown argument " + args[i]
                            + "; usage: --out DIR [--fixtures DIR] [--format folders|zip|export|backup|all]");
                    System.exit(2);
                }
            }
        }
        if (out == null) {
            System.err.println("--out DIR is required (a folder outside the project: the real photos are never"
                    + " committed)");
            System.exit(2);
        }
        for (Format f : Format.values()) {
            if (!which.equals("all") && !which.equalsIgnoreCase(f.folder())) continue;
            Built b = generate(fixtures, out, f);
            System.out.println(f.folder() + ": " + b.root() + "  device " + b.deviceSpec() + "  cloud " + b.cloudSpec()
                    + "  expected differences " + b.expected().size() + ", identical " + b.identical());
        }
    }
}
