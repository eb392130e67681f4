package org.photoparity.sources.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.media.FastHash128;
import org.photoparity.media.FileContent;
import org.photoparity.media.MetadataMediaReader;

/**
 * The values of the content fingerprint and the payload key are stored (scan caches, inventory.json, saved results)
 * and compared across runs, so a change of how they are computed must not change them. Pinned here, as the scanner
 * computed them on the real fixtures when this test was written (2026-12-02, scan cache format 3, reader version 2),
 * through the file's channel and through streams split at odd places.
 */
class KeyValuesPinnedTest {

    @TempDir
    Path tmp;

    private static final MetadataMediaReader READER = new MetadataMediaReader();

    /** name, fingerprint, payload key (null: none for the format). */
    private static final String[][] PINNED = {
            {"Apple iPhone 4.jpg", "66e60ea1fe4a499015e0e24af68fee13", "jpeg:9f3585758e98a3a053c049806da261a0"},
            {"Apple iPhone 6.jpg", "79849682f72fdd1728532ddc02dc5bcd", "jpeg:ac8a716135784a6f904732c633c488f3"},
            {"IMG_0658.JPG", "080293395823cba6250eb19ca2e41e2a", "jpeg:2bab528b30b927ee1b8507a0f71036be"},
            {"IMG_4120.AAE", "5f734ef209408fed61c9e28df7039b13", null},
            {"IMG_4120.JPG", "402b62c237ca97cbffaebaa2f601bd20", "jpeg:93e764b6ecc54e9fc515a2311692534c"},
            {"IMG_4580.HEIC", "3a8efb9312aa491381595c0fc781fbde", "heif:098734558571e93d4efed73f5e64878a"},
            {"IMG_4580.mov", "ee512d3ffcae8adfd732c96c2dc26c82", "movie:e42a6e53e6907e1413e2ec3764c05708"},
            {"IMG_E4120.JPG", "56715ea8ecf26b88d292b2789bd8dbbb", "jpeg:c8ab9c7ec38ccb84077812819cb18e2d"},
            {"iphone_7.heic", "320a92947d7a86d7693c509f80a724e3", "heif:46d28e9f6a254514bfd19accb3c6d364"},
            {"train.jpg", "42324ba5b36560a52f8d707d72413048", "jpeg:f86b3c64d41a7c29f52d00da560d2667"},
            {"train.mov", "d33bfa86b24d9841e9ede337ac9fe932", "movie:d3493f28179e79dc427b3ecf01c8b794"}};

    private static MediaFile read(Path p) throws IOException {
        return READER.read(0, p.getFileName().toString(), Files.size(p), 1, ResourceRole.ORIGINAL, new FileContent(p),
                true);
    }

    private static MediaFile readAsStream(String name, byte[] data, int chunk) {
        return READER.read(0, name, data.length, 1, ResourceRole.ORIGINAL,
                () -> new ChunkedStream(new ByteArrayInputStream(data), chunk), true);
    }


    @Test
    void realFixturesKeepTheirFingerprintAndPayloadKey() throws IOException {
        for (String[] pin : PINNED) {
            String name = pin[0];
            Path p = Fixtures.real(name);
            MediaFile f = read(p);
            assertNull(f.unreadableReason(), name);
            assertEquals(pin[1], f.fingerprint(), name + " fingerprint (channel)");
            assertEquals(pin[2], f.payloadKey(), name + " payload key (channel)");
            byte[] data = Files.readAllBytes(p);
            assertEquals(pin[1], FastHash128.of(data), name + " pp128 of the whole file");
            for (int chunk : new int[] {1 << 16, 4093, 31, 7}) {
                MediaFile s = readAsStream(name, data, chunk);
                assertEquals(pin[1], s.fingerprint(), name + " fingerprint (stream, chunk " + chunk + ")");
                assertEquals(pin[2], s.payloadKey(), name + " payload key (stream, chunk " + chunk + ")");
            }
        }
    }

    /** pp128 itself, on every tail length and a few stripes: its value is the fingerprint's definition. */
    @Test
    void fastHashValuesArePinned() {
        assertEquals("230437201e28f57ce324f1c08059d71a", FastHash128.of(new byte[0]));
        ByteArrayOutputStream digests = new ByteArrayOutputStream();
        for (int n = 1; n <= 200; n++) {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + n);
            digests.writeBytes(FastHash128.of(b).getBytes(StandardCharsets.ISO_8859_1));
            // the same bytes fed in two pieces give the same value
            FastHash128 split = new FastHash128();
            split.update(b, 0, n / 3);
            split.update(b, n / 3, n - n / 3);
            assertEquals(FastHash128.of(b), split.finishHex(), "split at " + n / 3 + " of " + n);
        }
        assertEquals(PINNED_DIGEST_OF_DIGESTS, FastHash128.of(digests.toByteArray()));
    }

    private static final String PINNED_DIGEST_OF_DIGESTS = "c85246cd3718aa164c4bfb02d31fcaa3";

    /**
     * A JPEG's payload key leaves out the APPn and COM segments, so its scan data sits at every possible offset from
     * the whole file's 32-byte stripes as a comment grows: the fingerprint and the key must not depend on it.
     */
    @Test
    void payloadKeyDoesNotDependOnTheScanDataOffset() throws IOException {
        Map<String, String> jpegs = Map.of("IMG_4120.JPG", "jpeg:93e764b6ecc54e9fc515a2311692534c", "train.jpg",
                "jpeg:f86b3c64d41a7c29f52d00da560d2667");
        for (var e : jpegs.entrySet()) {
            byte[] jpeg = Files.readAllBytes(Fixtures.real(e.getKey()));
            for (int extra = 0; extra < 40; extra++) {
                // SOI, then a COM segment of 4 + extra bytes, then the rest of the original file
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(jpeg, 0, 2);
                out.write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) (2 + extra)});
                for (int i = 0; i < extra; i++) out.write('a' + i % 26);
                out.write(jpeg, 2, jpeg.length - 2);
                byte[] data = out.toByteArray();
                Path p = tmp.resolve(extra + "-" + e.getKey());
                Files.write(p, data);
                MediaFile f = read(p);
                String what = e.getKey() + " with a comment of " + extra;
                assertNull(f.unreadableReason(), what);
                assertEquals(FastHash128.of(data), f.fingerprint(), what);
                assertEquals(e.getValue(), f.payloadKey(), what);
                if (extra % 8 == 3) {
                    MediaFile s = readAsStream(p.getFileName().toString(), data, 4093);
                    assertEquals(FastHash128.of(data), s.fingerprint(), what + " (stream)");
                    assertEquals(e.getValue(), s.payloadKey(), what + " (stream)");
                }
            }
        }
    }

    /**
     * Scan data with every kind of 0xFF (stuffed 0xFF00, restart markers 0xFFD0-D7, fill 0xFFFF before them) at every
     * offset of the hash's 32-byte stripes, and a second scan after a DHT segment (as a progressive JPEG has): the
     * payload key is pp128 of the file after its start-of-image marker without its APPn and COM segments, up to the
     * end-of-image marker, whichever way the scanner searches the scan data for markers.
     */
    @Test
    void payloadKeyOfSyntheticScanDataFollowsItsDefinition() throws IOException {
        byte[] real = Files.readAllBytes(Fixtures.real("IMG_4120.JPG"));
        // the real file's segments up to its first start-of-scan header (included): APPn and COM left out of the key
        ByteArrayOutputStream head = new ByteArrayOutputStream(), keyed = new ByteArrayOutputStream();
        head.write(real, 0, 2);
        int p = 2;
        while (true) {
            int marker = real[p + 1] & 0xFF, len = ((real[p + 2] & 0xFF) << 8) | (real[p + 3] & 0xFF);
            head.write(real, p, 2 + len);
            if (!(marker >= 0xE0 && marker <= 0xEF) && marker != 0xFE) keyed.write(real, p, 2 + len);
            p += 2 + len;
            if (marker == 0xDA) break;
        }
        java.util.Random random = new java.util.Random(20261202);
        ByteArrayOutputStream scan = new ByteArrayOutputStream();
        int[] after = {0x00, 0xD0, 0xD3, 0xD7, 0xFF};
        for (int round = 0; round < 3; round++) {
            for (int offset = 0; offset < 64; offset++) {
                for (int kind : after) {
                    for (int i = 0; i < offset + 40; i++) scan.write(random.nextInt(255)); // no 0xFF
                    scan.write(0xFF);
                    scan.write(kind);
                    if (kind == 0xFF) scan.write(0xD0 + offset % 8); // fill, then a restart marker
                }
            }
            if (round < 2) {
                // another segment between scans: a DHT, then another start-of-scan header (both keyed)
                byte[] dht = {(byte) 0xFF, (byte) 0xC4, 0, 5, 0x10, 1, 2};
                byte[] sos = {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0};
                scan.write(dht, 0, dht.length);
                scan.write(sos, 0, sos.length);
            }
        }
        scan.write(0xFF);
        scan.write(0xD9);
        byte[] file = concat(head.toByteArray(), scan.toByteArray());
        byte[] scanBytes = scan.toByteArray();
        String expected = "jpeg:" + FastHash128.of(concat(keyed.toByteArray(),
                java.util.Arrays.copyOf(scanBytes, scanBytes.length - 2)));
        Path x = tmp.resolve("synthetic.jpg");
        Files.write(x, file);
        MediaFile f = read(x);
        assertNull(f.unreadableReason());
        assertEquals(FastHash128.of(file), f.fingerprint());
        assertEquals(expected, f.payloadKey());
        for (int chunk : new int[] {4093, 31, 7}) {
            assertEquals(expected, readAsStream("synthetic.jpg", file, chunk).payloadKey(), "chunk " + chunk);
        }
        // the same data cut anywhere in its last stripes is truncated, never keyed
        for (int cut = 1; cut < 70; cut += 3) {
            byte[] shorter = java.util.Arrays.copyOf(file, file.length - cut);
            MediaFile c = readAsStream("cut.jpg", shorter, 1 << 16);
            assertNull(c.payloadKey(), "cut " + cut);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
