package org.photoparity.sources.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideRole;
import org.photoparity.demo.MetadataRewrite;
import org.photoparity.media.FileContent;
import org.photoparity.media.MetadataMediaReader;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/**
 * The metadata-independent payload key (issue 10 items 1 and 7) on real iPhone files whose dates were rewritten in
 * place by the project's own {@link MetadataRewrite}: the whole-file fingerprint changes, the payload key does not;
 * another photo has another key; the key is the same whether the file is read through its channel or as a stream
 * split at odd places; and a JPEG with a movie appended after its end marker is whole.
 */
class PayloadKeyTest {

    @TempDir
    Path tmp;

    private static final MetadataMediaReader READER = new MetadataMediaReader();

    private static MediaFile read(Path p) throws IOException {
        return READER.read(0, p.getFileName().toString(), Files.size(p), 1, ResourceRole.ORIGINAL, new FileContent(p),
                true);
    }

    /** The same file through the stream path, served in reads of odd sizes (zip entries arrive like this). */
    private static MediaFile readAsStream(Path p, int chunk) throws IOException {
        byte[] data = Files.readAllBytes(p);
        return READER.read(0, p.getFileName().toString(), data.length, 1, ResourceRole.ORIGINAL,
                () -> new ChunkedStream(new java.io.ByteArrayInputStream(data), chunk), true);
    }

    private static MediaFile metadataOnly(Path p) throws IOException {
        return READER.read(0, p.getFileName().toString(), Files.size(p), 1, ResourceRole.ORIGINAL, new FileContent(p),
                false);
    }


    private void assertDriftKeepsKey(String fixture, LocalDateTime stated, Duration shift) throws IOException {
        Path dir = Fixtures.copy(tmp.resolve(fixture), fixture, fixture + "=>shifted-" + fixture);
        Path orig = dir.resolve(fixture), shifted = dir.resolve("shifted-" + fixture);
        assertTrue(MetadataRewrite.shiftCaptureTime(shifted, stated, shift) >= 1, "no date rewritten");
        MediaFile a = read(orig), b = read(shifted);
        assertNull(a.unreadableReason(), fixture);
        assertNull(b.unreadableReason(), fixture);
        assertEquals(Files.size(orig), Files.size(shifted));
        assertNotEquals(a.fingerprint(), b.fingerprint(), "the files differ");
        assertEquals(shift.toMillis(), b.captured().localMillis() - a.captured().localMillis(), "the date moved");
        assertNotNull(a.payloadKey(), fixture);
        assertEquals(a.payloadKey(), b.payloadKey(), "metadata-only change keeps the payload key");
        // the same key whatever the read sizes
        for (int chunk : new int[] {1 << 16, 4093, 7}) {
            assertEquals(a.payloadKey(), readAsStream(orig, chunk).payloadKey(), fixture + " chunk " + chunk);
        }
        assertNull(metadataOnly(orig).payloadKey(), "computed in the fingerprint pass only");
    }

    @Test
    void jpegDateShiftKeepsPayloadKey() throws IOException {
        assertDriftKeepsKey("IMG_0658.JPG", LocalDateTime.parse("2016-10-09T14:44:17"), Duration.ofHours(3));
    }

    @Test
    void heicDateShiftKeepsPayloadKey() throws IOException {
        assertDriftKeepsKey("iphone_7.heic", LocalDateTime.parse("2018-09-10T12:16:13"), Duration.ofDays(1));
        assertDriftKeepsKey("IMG_4580.HEIC", LocalDateTime.parse("2025-08-17T19:33:48"), Duration.ofHours(-5));
    }

    @Test
    void movieDateShiftKeepsPayloadKey() throws IOException {
        assertDriftKeepsKey("IMG_4580.mov", LocalDateTime.parse("2025-08-17T19:33:48"), Duration.ofHours(2));
        assertDriftKeepsKey("train.mov", LocalDateTime.parse("2021-04-10T11:43:59"), Duration.ofMinutes(-45));
    }

    @Test
    void differentContentHasDifferentKeys() throws IOException {
        Path dir = Fixtures.copy(tmp.resolve("all"), "IMG_0658.JPG", "train.jpg", "Apple iPhone 4.jpg",
                "iphone_7.heic", "IMG_4580.HEIC", "IMG_4580.mov", "train.mov", "IMG_4120.JPG", "IMG_E4120.JPG");
        java.util.Set<String> keys = new java.util.HashSet<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                MediaFile f = read(p);
                assertNotNull(f.payloadKey(), p.toString());
                assertTrue(keys.add(f.payloadKey()), "key repeated for " + p);
            }
        }
        // a pixel of scan data changed: another key
        Path x = dir.resolve("IMG_0658.JPG");
        byte[] data = Files.readAllBytes(x);
        int mid = data.length / 2;
        while ((data[mid] & 0xFF) == 0xFF || (data[mid + 1] & 0xFF) == 0xFF || (data[mid - 1] & 0xFF) == 0xFF) mid++;
        data[mid] ^= 0x01;
        Path y = dir.resolve("changed.JPG");
        Files.write(y, data);
        assertNotEquals(read(x).payloadKey(), read(y).payloadKey());
    }

    /** Item 7: a motion photo (Samsung / Google) carries a whole MP4 after the JPEG's end marker. */
    @Test
    void jpegWithMovieAfterItsEndMarkerIsReadNotTruncated() throws IOException {
        Path dir = Fixtures.copy(tmp.resolve("motion"), "IMG_0658.JPG", "train.jpg");
        byte[] jpeg = Files.readAllBytes(dir.resolve("IMG_0658.JPG"));
        byte[] movie = Files.readAllBytes(Fixtures.real("train.mov"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg);
        out.write(movie, 0, 200_000); // the head of a real MP4-family file: ftyp, wide, the start of mdat
        Path motion = dir.resolve("MVIMG_0658.JPG");
        Files.write(motion, out.toByteArray());
        for (boolean fingerprint : new boolean[] {true, false}) {
            MediaFile f = READER.read(0, "MVIMG_0658.JPG", Files.size(motion), 1, ResourceRole.ORIGINAL,
                    new FileContent(motion), fingerprint);
            assertNull(f.unreadableReason(), "fingerprint " + fingerprint);
            assertEquals(4032, f.width());
            assertEquals("iPhone 6s", f.model());
        }
        // the still's payload is the JPEG's alone
        assertEquals(read(dir.resolve("IMG_0658.JPG")).payloadKey(), read(motion).payloadKey());
        assertEquals(read(dir.resolve("IMG_0658.JPG")).payloadKey(), readAsStream(motion, 5000).payloadKey());

        // a cut JPEG is still truncated in both passes, also when junk follows the cut
        byte[] train = Files.readAllBytes(dir.resolve("train.jpg"));
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(train, train.length / 2));
        Path cutJunk = dir.resolve("cutjunk.jpg");
        ByteArrayOutputStream j = new ByteArrayOutputStream();
        j.write(train, 0, train.length / 2);
        j.write(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'q', 't', ' ', ' '});
        Files.write(cutJunk, j.toByteArray());
        for (Path p : new Path[] {cut, cutJunk}) {
            for (boolean fingerprint : new boolean[] {true, false}) {
                MediaFile f = READER.read(0, p.getFileName().toString(), Files.size(p), 1, ResourceRole.ORIGINAL,
                        new FileContent(p), fingerprint);
                assertNotNull(f.unreadableReason(), p + " fingerprint " + fingerprint);
                assertTrue(f.unreadableReason().startsWith("truncated"), f.unreadableReason());
                assertNull(f.payloadKey());
            }
        }
    }

    /** The payload key is kept in the scan cache: a rescan that opens no file still has it. */
    @Test
    void payloadKeySurvivesTheScanCache() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_0658.JPG", "iphone_7.heic", "train.mov");
        ScanOptions withCache = new ScanOptions(false, 2, tmp.resolve("cache/scan-cache.bin"));
        Scanner.Result first = run(withCache, lib.toString());
        Scanner.Result second = run(withCache, lib.toString());
        assertEquals(3, second.cacheHits());
        assertEquals(0, second.cacheMisses());
        for (String n : new String[] {"IMG_0658.JPG", "iphone_7.heic", "train.mov"}) {
            assertNotNull(Fixtures.file(first.inventory(), n).payloadKey(), n);
            assertEquals(Fixtures.file(first.inventory(), n).payloadKey(),
                    Fixtures.file(second.inventory(), n).payloadKey(), n);
        }
    }

    private static Scanner.Result run(ScanOptions o, String... specs) throws IOException {
        return Scanner.fromRegistry().run(SideRole.CLOUD, List.of(specs), o, new NullProgressMonitor());
    }
}
