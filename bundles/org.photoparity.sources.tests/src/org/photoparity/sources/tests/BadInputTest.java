package org.photoparity.sources.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.media.MetadataMediaReader;

/** Every bad input the issue lists: each is accounted for with a reason, none stops the scan. */
class BadInputTest {

    @TempDir
    Path tmp;

    private static String reason(SideInventory inv, String path) {
        for (FileIssue i : inv.unreadable()) if (i.path().equals(path)) return i.reason();
        for (FileIssue i : inv.ignored()) if (i.path().equals(path)) return "ignored: " + i.reason();
        throw new AssertionError("no issue for " + path + " in " + inv.unreadable() + inv.ignored());
    }

    private static void truncate(Path p, long length) throws IOException {
        byte[] all = Files.readAllBytes(p);
        Files.write(p, Arrays.copyOf(all, (int) length));
    }

    @Test
    void truncatedZeroByteRandomAndMislabelledFiles() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "train.jpg=>cut.jpg", "IMG_4580.HEIC=>cut2.HEIC",
                "IMG_4580.mov=>cut3.MOV", "IMG_4120.JPG=>good.JPG");
        truncate(lib.resolve("cut.jpg"), 1_000_000);
        truncate(lib.resolve("cut2.HEIC"), 1_000_000);
        truncate(lib.resolve("cut3.MOV"), 3_000_000);
        Files.write(lib.resolve("empty.JPG"), new byte[0]);
        byte[] random = new byte[5000];
        new Random(42).nextBytes(random);
        random[4] = 0; // make sure no accidental magic
        Files.write(lib.resolve("IMG_0007.HEIC"), random);
        Files.write(lib.resolve("shot.jpeg"), png(40, 30));

        for (boolean metadataOnly : new boolean[] {false, true}) {
            SideInventory inv = Fixtures.scan(new org.photoparity.sources.ScanOptions(metadataOnly, 2, null),
                    lib.toString());
            assertEquals(7, inv.filesSeen());
            assertEquals(2, inv.filesRead(), "good.JPG and shot.jpeg");
            assertEquals(5, inv.unreadable().size());
            assertTrue(inv.countsAddUp());
            assertEquals("truncated: the JPEG image data stops before its end-of-image marker (FF D9)",
                    reason(inv, "cut.jpg"));
            assertEquals("truncated: box 'mdat' at offset 31199 needs 1780823 bytes but the file ends after 1000000 "
                    + "bytes", reason(inv, "cut2.HEIC"));
            assertEquals("truncated: box 'mdat' at offset 28 needs 3398298 bytes but the file ends after 3000000 "
                    + "bytes", reason(inv, "cut3.MOV"));
            assertEquals("empty file (0 bytes)", reason(inv, "empty.JPG"));
            assertTrue(reason(inv, "IMG_0007.HEIC").startsWith("not a photo or video: content starts with "),
                    reason(inv, "IMG_0007.HEIC"));
            assertTrue(reason(inv, "IMG_0007.HEIC").endsWith("which is not HEIC as the name says"));

            // unreadable files are still assets, with their reason and what could be read
            MediaFile cut = Fixtures.file(inv, "cut2.HEIC");
            assertEquals("4E1A1B89-CE70-4FF8-873B-E4470B839314", cut.contentIdentifier());
            assertFalse(cut.readable());
            assertEquals(7, inv.assets().size());

            MediaFile png = Fixtures.file(inv, "shot.jpeg");
            assertEquals(MediaFormat.PNG, png.format());
            assertNull(png.unreadableReason());
            assertEquals(40, png.width());
            assertEquals(30, png.height());
            assertEquals("JPEG", png.extra().get("nameSays"));
            assertEquals(AssetKind.SCREENSHOT, Fixtures.assetWith(inv, "shot.jpeg").kind());
        }
    }

    @Test
    void permissionDeniedIsAReasonNotACrash() {
        // simulated: tests run as root, for whom chmod 000 does not stop reading
        MediaFile f = new MetadataMediaReader().read(0, "DCIM/IMG_0001.HEIC", 1234, 1L, ResourceRole.ORIGINAL,
                () -> {
                    throw new AccessDeniedException("/x/DCIM/IMG_0001.HEIC");
                }, true);
        assertEquals("cannot open: permission denied", f.unreadableReason());
        assertEquals(MediaFormat.HEIC, f.format());
        assertEquals(1234, f.size());
    }

    @Test
    void permissionDeniedOnDisk() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")),
                "running as root: chmod 000 does not stop root from reading, so this real-permission case cannot "
                        + "be produced; permissionDeniedIsAReasonNotACrash covers the reason");
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4120.JPG", "train.jpg=>locked/IMG_1.JPG");
        Path locked = lib.resolve("locked");
        locked.toFile().setReadable(false, false);
        locked.toFile().setExecutable(false, false);
        try {
            SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
            assertTrue(reason(inv, "locked").startsWith("permission denied"), reason(inv, "locked"));
            assertEquals(1, inv.filesRead());
            assertTrue(inv.countsAddUp());
        } finally {
            locked.toFile().setReadable(true, false);
            locked.toFile().setExecutable(true, false);
        }
    }

    @Test
    void corruptZipNamesTheFile() throws IOException {
        Path zip = tmp.resolve("iCloud Photos.zip");
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        junk[0] = 'P';
        junk[1] = 'K';
        junk[2] = 3;
        junk[3] = 4;
        Files.write(zip, junk);
        Path ok = Fixtures.copy(tmp.resolve("ok"), "IMG_4120.JPG");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), zip.toString(), ok.toString());
        assertEquals(1, inv.unreadable().size());
        String r = inv.unreadable().get(0).reason();
        assertTrue(r.startsWith(zip + " is not a readable zip archive"), r);
        assertTrue(r.contains("download it again"), r);
        assertEquals(1, inv.filesRead(), "the other source is still scanned");
        assertTrue(inv.countsAddUp());
    }

    @Test
    void zipEntriesThatClimbOutAreNeverWritten() throws IOException {
        byte[] jpeg = Files.readAllBytes(Fixtures.real("IMG_4120.JPG"));
        Path zip = tmp.resolve("box/evil.zip");
        Files.createDirectories(zip.getParent());
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            for (String n : List.of("../evil.jpg", "a/../../evil2.jpg", "/abs.jpg", "Photos/IMG_4120.JPG")) {
                z.putNextEntry(new ZipEntry(n));
                z.write(jpeg);
                z.closeEntry();
            }
        }
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), zip.toString());
        assertEquals(4, inv.filesSeen());
        assertEquals(1, inv.filesRead());
        assertTrue(reason(inv, "../evil.jpg").startsWith("unsafe entry name: it climbs out of the archive"));
        assertTrue(reason(inv, "a/../../evil2.jpg").startsWith("unsafe entry name"));
        assertTrue(reason(inv, "/abs.jpg").startsWith("unsafe entry name: an absolute path"));
        assertFalse(Files.exists(tmp.resolve("evil.jpg")));
        assertFalse(Files.exists(tmp.resolve("evil2.jpg")));
        assertFalse(Files.exists(tmp.resolve("box/evil.jpg")));
        try (var s = Files.list(tmp.resolve("box"))) {
            assertEquals(1, s.count(), "nothing extracted next to the zip");
        }
    }

    @Test
    void zipBombsAreRefusedOrStopped() throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        byte[] jpeg = Files.readAllBytes(Fixtures.real("IMG_4120.JPG"));
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            // 1: 200 MB of zeros behind a JPEG header packs to ~200 KB: refused by ratio without inflating
            z.putNextEntry(new ZipEntry("IMG_0001.JPG"));
            z.write(jpeg, 0, 2);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) z.write(zeros);
            z.closeEntry();
            // 2: a real JPEG whose header will be patched to declare fewer bytes than it inflates to
            z.putNextEntry(new ZipEntry("IMG_0002.JPG"));
            z.write(jpeg);
            z.closeEntry();
        }
        lieAboutSize(zip, "IMG_0002.JPG", 1000);
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), zip.toString());
        assertEquals(2, inv.filesSeen());
        assertEquals(0, inv.filesRead());
        assertTrue(reason(inv, "IMG_0001.JPG").startsWith("refused as a possible zip bomb: it declares 209715202 bytes"),
                reason(inv, "IMG_0001.JPG"));
        String lie = reason(inv, "IMG_0002.JPG");
        assertTrue(lie.contains("inflates beyond the 1000 bytes its header declares") || lie.contains("1000"), lie);
        assertTrue(inv.countsAddUp());
    }

    /** Rewrites the uncompressed size of an entry in the central directory. */
    private static void lieAboutSize(Path zip, String name, int size) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < b.length; i++) {
            if (buf.getInt(i) != 0x02014b50) continue;
            int nameLen = buf.getShort(i + 28) & 0xFFFF;
            String n = new String(b, i + 46, nameLen, java.nio.charset.StandardCharsets.UTF_8);
            if (n.equals(name)) {
                buf.putInt(i + 24, size);
                Files.write(zip, b);
                return;
            }
        }
        throw new AssertionError("entry not found: " + name);
    }

    @Test
    void symlinkLoopsAndBrokenLinks() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4120.JPG=>a/IMG_4120.JPG");
        Files.createSymbolicLink(lib.resolve("a/loop"), lib);
        Files.createSymbolicLink(lib.resolve("a/gone.JPG"), lib.resolve("nowhere.JPG"));
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        assertEquals(1, inv.filesRead());
        assertTrue(reason(inv, "a/loop").startsWith("ignored: symbolic link loop"), reason(inv, "a/loop"));
        assertTrue(reason(inv, "a/gone.JPG").startsWith("broken symbolic link to "), reason(inv, "a/gone.JPG"));
        assertEquals(3, inv.filesSeen());
        assertTrue(inv.countsAddUp());
    }

    @Test
    void nonUtf8AndVeryLongNames() throws Exception {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4120.JPG=>plain.JPG");
        // a Latin-1 name (0xE9) is not valid UTF-8: create it with the shell, byte for byte
        Process p = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$2/caf$(printf '\\351').JPG\"", "sh",
                Fixtures.real("train.jpg").toString(), lib.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        String longName = "IMG_" + "x".repeat(240) + ".JPG"; // 248 bytes, near the 255-byte limit
        Files.copy(Fixtures.real("iphone_7.heic"), lib.resolve(longName.replace(".JPG", ".HEIC")));
        Path deep = lib;
        for (int i = 0; i < 15; i++) deep = deep.resolve("d".repeat(200) + i);
        Files.createDirectories(deep);
        // 60 x U+00E9 in UTF-8: 120 bytes of multi-byte name, made by the shell whatever the JVM's locale
        Process q = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$2/$(printf '\\303\\251%.0s' $(seq 60)).JPG\"", "sh",
                Fixtures.real("IMG_E4120.JPG").toString(), deep.toString()).inheritIO().start();
        assertEquals(0, q.waitFor());

        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        assertEquals(4, inv.filesSeen(), inv.unreadable().toString());
        assertEquals(4, inv.filesRead(), inv.unreadable().toString());
        assertTrue(inv.countsAddUp());
        assertTrue(inv.assets().stream().anyMatch(a -> "iPhone 6s".equals(a.primary().model())),
                "the non-UTF-8 name was opened and read");
        assertTrue(inv.assets().stream().anyMatch(a -> "iPhone 7".equals(a.primary().model())
                && a.primary().path().length() == 249));
        assertTrue(inv.assets().stream().anyMatch(a -> a.primary().path().length() > 3000
                && a.primary().width() == 500));
    }

    @Test
    void junkIsIgnoredWithWhyAndUnknownNamesAreSniffed() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4120.JPG=>photo.bin");
        Files.writeString(lib.resolve(".DS_Store"), "x");
        Files.writeString(lib.resolve("Thumbs.db"), "x");
        Files.writeString(lib.resolve("._photo.bin"), "x");
        Files.writeString(lib.resolve("notes.txt"), "hello");
        Files.createDirectories(lib.resolve("__MACOSX"));
        Files.writeString(lib.resolve("__MACOSX/x.JPG"), "fork");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        assertEquals(6, inv.filesSeen());
        assertEquals(1, inv.filesRead(), "a JPEG named .bin is still a JPEG");
        assertEquals(5, inv.ignored().size());
        assertEquals("ignored: not a photo or video (.txt)", reason(inv, "notes.txt"));
        assertTrue(reason(inv, "Thumbs.db").contains("Windows thumbnail cache"));
        assertTrue(reason(inv, "__MACOSX/x.JPG").contains("__MACOSX"));
        assertEquals(MediaFormat.JPEG, Fixtures.file(inv, "photo.bin").format());
        assertTrue(inv.countsAddUp());
    }

    /** Files shorter than the sniffed head (32 bytes) get the same verdict whether fingerprinted or not. */
    @Test
    void filesShorterThanTheHeadReadTheSameInBothPasses() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("tiny"));
        Files.write(lib.resolve("tiny.JPG"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
        Files.write(lib.resolve("tiny.HEIC"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        SideInventory full = Fixtures.scan(Fixtures.noCache(), lib.toString());
        SideInventory meta = Fixtures.scan(new org.photoparity.sources.ScanOptions(true, 2, null), lib.toString());
        assertEquals("not a photo or video: content starts with 01 02 03 04 05 06 07 08, which is not HEIC as the "
                + "name says", reason(full, "tiny.HEIC"));
        assertTrue(reason(full, "tiny.JPG").startsWith("cannot parse JPEG") || reason(full, "tiny.JPG")
                .startsWith("not a readable JPEG") || reason(full, "tiny.JPG").startsWith("truncated"),
                reason(full, "tiny.JPG"));
        for (String n : new String[] {"tiny.JPG", "tiny.HEIC"}) {
            assertEquals(reason(meta, n), reason(full, n), n);
            assertEquals(org.photoparity.media.FastHash128.of(Files.readAllBytes(lib.resolve(n))),
                    Fixtures.file(full, n).fingerprint(), n);
        }
    }

    @Test
    void fingerprintsAreStreamedInChunksOfAnySize() {
        byte[] data = new byte[100_003];
        new Random(7).nextBytes(data);
        String whole = org.photoparity.media.FastHash128.of(data);
        for (int chunk : new int[] {1, 7, 31, 32, 33, 4096, 65_537}) {
            var h = new org.photoparity.media.FastHash128();
            for (int i = 0; i < data.length; i += chunk) h.update(data, i, Math.min(chunk, data.length - i));
            assertEquals(whole, h.finishHex(), "chunk " + chunk);
        }
        data[50_000] ^= 1;
        assertFalse(whole.equals(org.photoparity.media.FastHash128.of(data)));
    }

    static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
