package org.photoparity.sources.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.media.FastHash128;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;
import org.photoparity.sources.SourceEntry;

/** The real iPhone files: exact values read from HEIC, JPEG, MOV and AAE, and how they group into assets. */
class RealFixturesTest {

    static final String[] ALL = {"Apple iPhone 4.jpg", "Apple iPhone 6.jpg", "IMG_0658.JPG", "IMG_4120.AAE",
            "IMG_4120.JPG", "IMG_4580.HEIC", "IMG_4580.mov", "IMG_E4120.JPG", "iphone_7.heic", "train.jpg",
            "train.mov"};

    @TempDir
    Path tmp;

    @Test
    void sourcesAreContributedThroughTheRegistry() throws IOException {
        Scanner s = Scanner.fromRegistry();
        Set<String> ids = s.sources().stream().map(SourceEntry::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("folder", "zip")), ids.toString());
        Path dir = Fixtures.copy(tmp.resolve("lib"), "IMG_4120.JPG");
        assertEquals("folder", s.resolve(dir.toString()).source().id());
    }

    @Test
    void everyRealFileIsReadWithExactValues() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), ALL);
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());

        assertEquals(11, inv.filesSeen());
        assertEquals(11, inv.filesRead());
        assertEquals(List.of(), inv.unreadable());
        assertEquals(List.of(), inv.ignored());
        assertTrue(inv.countsAddUp());
        assertEquals(7, inv.assets().size(), inv.assets().toString());

        MediaFile heic = Fixtures.file(inv, "IMG_4580.HEIC");
        assertEquals(MediaFormat.HEIC, heic.format());
        assertEquals("Apple", heic.make());
        assertEquals("iPhone 15 Pro", heic.model());
        assertEquals(4032, heic.width());
        assertEquals(3024, heic.height());
        assertEquals(6, heic.orientation());
        assertEquals(new CaptureTime(LocalDateTime.of(2025, 8, 17, 19, 33, 48, 600_000_000), ZoneOffset.ofHours(-4)),
                heic.captured());
        assertEquals(41.69893611, heic.latitude(), 1e-7);
        assertEquals(-86.23764722, heic.longitude(), 1e-7);
        assertEquals("4E1A1B89-CE70-4FF8-873B-E4470B839314", heic.contentIdentifier());
        assertEquals(1812022, heic.size());
        assertNull(heic.unreadableReason());

        MediaFile mov = Fixtures.file(inv, "IMG_4580.mov");
        assertEquals(MediaFormat.MOV, mov.format());
        assertEquals("4E1A1B89-CE70-4FF8-873B-E4470B839314", mov.contentIdentifier());
        assertEquals("iPhone 15 Pro", mov.model());
        assertEquals(1920, mov.width());
        assertEquals(1440, mov.height());
        assertEquals(new CaptureTime(LocalDateTime.of(2025, 8, 17, 19, 33, 48), ZoneOffset.ofHours(-4)),
                mov.captured());
        assertEquals("HEVC", mov.extra().get("codec"));
        assertEquals(41.6989, mov.latitude(), 1e-9);
        assertEquals(-86.2376, mov.longitude(), 1e-9);

        MediaFile i7 = Fixtures.file(inv, "iphone_7.heic");
        assertEquals("Apple", i7.make());
        assertEquals("iPhone 7", i7.model());
        assertEquals(4032, i7.width());
        assertEquals(3024, i7.height());
        assertEquals(6, i7.orientation());
        assertEquals(new CaptureTime(LocalDateTime.of(2018, 9, 10, 12, 16, 13, 23_000_000), null), i7.captured());
        assertEquals(34.79745, i7.latitude(), 1e-9);
        assertEquals(134.76463333, i7.longitude(), 1e-7);
        assertNull(i7.contentIdentifier());

        MediaFile train = Fixtures.file(inv, "train.jpg");
        assertEquals("iPhone 6s", train.model());
        assertEquals(4032, train.width());
        assertEquals(new CaptureTime(LocalDateTime.of(2021, 4, 10, 11, 44, 0, 814_000_000), ZoneOffset.ofHours(1)),
                train.captured());
        MediaFile trainMov = Fixtures.file(inv, "train.mov");
        assertEquals(1440, trainMov.width());
        assertEquals(1080, trainMov.height());
        assertEquals("H.264", trainMov.extra().get("codec"));
        assertEquals(new CaptureTime(LocalDateTime.of(2021, 4, 10, 11, 43, 59), ZoneOffset.ofHours(1)),
                trainMov.captured());

        MediaFile burst = Fixtures.file(inv, "IMG_0658.JPG");
        assertEquals("D4E4B3D1-0E45-4987-BE12-76D604E25D2C", burst.burstId());
        assertEquals(LocalDateTime.of(2016, 10, 9, 14, 44, 17, 878_000_000), burst.captured().local());

        MediaFile i4 = Fixtures.file(inv, "Apple iPhone 4.jpg");
        assertEquals("iPhone 4", i4.model());
        assertEquals(1296, i4.width());
        assertEquals(968, i4.height());
        assertEquals(41.853, i4.latitude(), 1e-9);
        assertEquals(12.48883333, i4.longitude(), 1e-7);

        MediaFile edit = Fixtures.file(inv, "IMG_E4120.JPG");
        assertEquals(500, edit.width());
        assertEquals(500, edit.height());
        assertEquals(375, Fixtures.file(inv, "IMG_4120.JPG").height());
        assertEquals("iPhone SE", Fixtures.file(inv, "IMG_4120.JPG").model());
        assertEquals(MediaFormat.AAE, Fixtures.file(inv, "IMG_4120.AAE").format());
    }

    /**
     * Plain files are fingerprinted through a 2 MiB window: sizes just around one and two windows (a JPEG grown with
     * comment segments the parser reads across the window's edge), with the completeness check's last bytes split
     * between two reads, must give the hash of the whole file and the same
     * verdicts as any other size.
     */
    @Test
    void fingerprintsAndVerdictsAcrossReadWindows() throws IOException {
        Path lib = Files.createDirectories(tmp.resolve("win"));
        byte[] jpeg = Files.readAllBytes(Fixtures.real("IMG_4120.JPG"));
        int mib = 1 << 20;
        // the window is 2 MiB; the 1 MiB edges keep this meaningful should it change back
        int[] sizes = {mib - 1, mib, mib + 10, 2 * mib - 1, 2 * mib, 2 * mib + 1, 2 * mib + 10, 4 * mib + 31};
        for (int size : sizes) Files.write(lib.resolve("pad" + size + ".JPG"), grown(jpeg, size));
        byte[] mov = Files.readAllBytes(Fixtures.real("IMG_4580.mov"));
        Files.write(lib.resolve("cut.MOV"), java.util.Arrays.copyOf(mov, 2 * mib + 3));
        byte[] train = Files.readAllBytes(Fixtures.real("train.jpg"));
        Files.write(lib.resolve("cut.jpg"), java.util.Arrays.copyOf(train, mib + 5));

        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        assertEquals(sizes.length + 2, inv.filesSeen());
        for (int size : sizes) {
            String n = "pad" + size + ".JPG";
            MediaFile f = Fixtures.file(inv, n);
            assertNull(f.unreadableReason(), n);
            assertEquals(size, f.size(), n);
            assertEquals(375, f.height(), n);
            assertEquals("iPhone SE", f.model(), n);
            assertEquals(FastHash128.of(Files.readAllBytes(lib.resolve(n))), f.fingerprint(), n);
        }
        assertEquals("truncated: box 'mdat' at offset 28 needs 3398298 bytes but the file ends after 2097155 bytes",
                Fixtures.file(inv, "cut.MOV").unreadableReason());
        assertEquals(FastHash128.of(Files.readAllBytes(lib.resolve("cut.MOV"))), Fixtures.file(inv, "cut.MOV")
                .fingerprint());
        assertEquals("truncated: the JPEG image data stops before its end-of-image marker (FF D9)",
                Fixtures.file(inv, "cut.jpg").unreadableReason());
        assertEquals(FastHash128.of(Files.readAllBytes(lib.resolve("cut.jpg"))), Fixtures.file(inv, "cut.jpg")
                .fingerprint());
    }

    /** The JPEG grown to exactly {@code size} bytes with comment segments after its start marker. */
    static byte[] grown(byte[] jpeg, int size) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(size);
        out.write(jpeg, 0, 2);
        int fill = size - jpeg.length;
        while (fill > 0) {
            int seg = Math.min(fill, 65_537); // marker (2) + length (2, counts itself) + up to 65,533 bytes
            if (fill - seg > 0 && fill - seg < 4) seg -= 4; // leave a whole segment header for the rest
            int len = seg - 2;
            out.write(0xFF);
            out.write(0xFE);
            out.write(len >> 8);
            out.write(len & 0xFF);
            for (int i = 0; i < len - 2; i++) out.write(i * 31 + fill);
            fill -= seg;
        }
        out.write(jpeg, 2, jpeg.length - 2);
        byte[] b = out.toByteArray();
        assertEquals(size, b.length);
        return b;
    }

    @Test
    void fingerprintsCoverTheWholeFile() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4580.HEIC", "IMG_4580.mov", "IMG_4120.AAE");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        for (String n : List.of("IMG_4580.HEIC", "IMG_4580.mov", "IMG_4120.AAE")) {
            String expected = FastHash128.of(Files.readAllBytes(lib.resolve(n)));
            assertEquals(expected, Fixtures.file(inv, n).fingerprint(), n);
            assertEquals(32, expected.length());
        }
        assertNotEquals(Fixtures.file(inv, "IMG_4580.HEIC").fingerprint(), Fixtures.file(inv, "IMG_4580.mov")
                .fingerprint());

        SideInventory meta = Fixtures.scan(new ScanOptions(true, 2, null), lib.toString());
        assertNull(Fixtures.file(meta, "IMG_4580.HEIC").fingerprint());
        assertEquals("4E1A1B89-CE70-4FF8-873B-E4470B839314", Fixtures.file(meta, "IMG_4580.mov").contentIdentifier());
        assertEquals(3, meta.filesRead());
    }

    @Test
    void livePhotosPairByContentIdentifier() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), ALL);
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());

        Asset live = Fixtures.assetWith(inv, "IMG_4580.HEIC");
        assertEquals(AssetKind.LIVE_PHOTO, live.kind());
        assertEquals(2, live.files().size());
        assertEquals("IMG_4580.HEIC", live.primary().path());
        assertEquals(ResourceRole.ORIGINAL, live.primary().role());
        assertEquals("IMG_4580.mov", live.file(ResourceRole.LIVE_VIDEO).path());
        assertSame(live, Fixtures.assetWith(inv, "IMG_4580.mov"));
        for (MediaFile f : live.files()) assertEquals("4E1A1B89-CE70-4FF8-873B-E4470B839314", f.contentIdentifier());

        Asset train = Fixtures.assetWith(inv, "train.jpg");
        assertEquals(AssetKind.LIVE_PHOTO, train.kind());
        assertEquals("train.mov", train.file(ResourceRole.LIVE_VIDEO).path());
        for (MediaFile f : train.files()) assertEquals("E905E6C6-C747-4805-942F-9904A0281F02", f.contentIdentifier());

        assertEquals(AssetKind.PHOTO, Fixtures.assetWith(inv, "iphone_7.heic").kind());
        assertEquals(1, Fixtures.assetWith(inv, "iphone_7.heic").files().size());
    }

    @Test
    void liveHalvesRenamedApartStillPairByIdentifier() throws IOException {
        // exports rename files: the identifier alone must pair them
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4580.HEIC=>Photos/IMG_0001.HEIC",
                "IMG_4580.mov=>Photos/video_77.mov", "train.mov=>Photos/other.mov");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        Asset live = Fixtures.assetWith(inv, "Photos/IMG_0001.HEIC");
        assertEquals(AssetKind.LIVE_PHOTO, live.kind());
        assertEquals("Photos/video_77.mov", live.file(ResourceRole.LIVE_VIDEO).path());
        Asset other = Fixtures.assetWith(inv, "Photos/other.mov");
        assertEquals(AssetKind.VIDEO, other.kind());
        assertEquals(2, inv.assets().size());
    }

    @Test
    void differentIdentifiersUnderOneNameAreTwoAssets() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4580.HEIC=>IMG_0001.HEIC", "train.mov=>IMG_0001.MOV");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        assertEquals(2, inv.assets().size());
        assertEquals(AssetKind.PHOTO, Fixtures.assetWith(inv, "IMG_0001.HEIC").kind());
        assertEquals(AssetKind.VIDEO, Fixtures.assetWith(inv, "IMG_0001.MOV").kind());
    }

    @Test
    void editAndAdjustmentJoinTheirOriginal() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4120.JPG", "IMG_E4120.JPG", "IMG_4120.AAE");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        assertEquals(1, inv.assets().size());
        Asset a = inv.assets().get(0);
        assertEquals(AssetKind.PHOTO, a.kind());
        assertEquals("IMG_4120.JPG", a.primary().path());
        assertEquals(ResourceRole.ORIGINAL, a.primary().role());
        assertEquals("IMG_E4120.JPG", a.file(ResourceRole.EDITED_RENDER).path());
        assertEquals("IMG_4120.AAE", a.file(ResourceRole.ADJUSTMENT_SIDECAR).path());
        assertEquals(3, a.files().size());
        assertEquals(59059 + 66536 + 4436, a.bytes());
    }

    @Test
    void loneSidecarAndLoneEditAreTheirOwnAssets() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4120.AAE=>IMG_9999.AAE", "IMG_E4120.JPG");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        assertEquals(2, inv.assets().size());
        Asset aae = Fixtures.assetWith(inv, "IMG_9999.AAE");
        assertEquals(AssetKind.SIDECAR, aae.kind());
        assertEquals(ResourceRole.ADJUSTMENT_SIDECAR, aae.primary().role());
        Asset edit = Fixtures.assetWith(inv, "IMG_E4120.JPG");
        assertEquals(AssetKind.PHOTO, edit.kind());
        assertEquals(ResourceRole.EDITED_RENDER, edit.primary().role());
    }

    @Test
    void specsNameTheirProblems() throws IOException {
        Scanner s = Scanner.fromRegistry();
        Path missing = tmp.resolve("nowhere");
        IOException e = assertThrows(IOException.class, () -> s.resolve(missing.toString()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        IOException e2 = assertThrows(IOException.class, () -> s.resolve(text.toString()));
        assertTrue(e2.getMessage().startsWith("No source reads " + text), e2.getMessage());
        IOException e3 = assertThrows(IOException.class, () -> s.resolve("bogus:" + text));
        assertTrue(e3.getMessage().contains("Unknown source kind 'bogus'"), e3.getMessage());
        // an explicit kind overrides detection: this .txt is handed to the zip reader, which says it is not a zip
        assertEquals("zip", s.resolve("zip:" + text).source().id());
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), "zip:" + text);
        assertEquals(1, inv.unreadable().size());
        assertTrue(inv.unreadable().get(0).reason().contains("is not a readable zip archive"),
                inv.unreadable().get(0).reason());
        assertTrue(inv.countsAddUp());
    }
}
