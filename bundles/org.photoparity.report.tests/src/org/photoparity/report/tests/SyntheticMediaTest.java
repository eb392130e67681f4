package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.demo.BulkLibrary;
import org.photoparity.demo.MediaSpec;
import org.photoparity.demo.SyntheticMedia;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.exif.makernotes.AppleMakernoteDirectory;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mov.metadata.QuickTimeMetadataDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;

/** Every field the synthetic writer puts into a file is read back by metadata-extractor as written. */
class SyntheticMediaTest {

    private static final String CID = "3F2504E0-4F89-41D3-9A0C-0305E82C3301";

    private static MediaSpec spec() {
        return MediaSpec.builder()
                .size(400, 300)
                .make("Apple").model("iPhone 11").software("17.5.1")
                .captured(LocalDateTime.of(2024, 5, 1, 12, 34, 56, 789_000_000))
                .offset(ZoneOffset.ofHours(2))
                .contentId(CID)
                .imageUniqueId("8C1D6E0F3A2B4C5D9E8F7A6B5C4D3E2F")
                .burstId("B0A1C2D3-E4F5-4607-8899-AABBCCDDEEFF")
                .gps(48.858400, -2.294500)
                .orientation(6)
                .seed(42)
                .build();
    }

    private static Metadata read(byte[] b) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(b), b.length);
    }

    @Test
    void jpegCarriesEveryExifFieldAndAppleMakerNote() throws Exception {
        byte[] jpeg = SyntheticMedia.jpeg(spec());
        assertEquals(0xFF, jpeg[0] & 0xFF);
        assertEquals(0xD8, jpeg[1] & 0xFF);
        assertEquals(0xE1, jpeg[3] & 0xFF, "APP1 Exif must follow SOI directly");
        Metadata m = read(jpeg);

        ExifIFD0Directory ifd0 = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertNotNull(ifd0, "IFD0");
        assertEquals("Apple", ifd0.getString(ExifIFD0Directory.TAG_MAKE));
        assertEquals("iPhone 11", ifd0.getString(ExifIFD0Directory.TAG_MODEL));
        assertEquals(6, ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION));
        assertEquals("17.5.1", ifd0.getString(ExifIFD0Directory.TAG_SOFTWARE));
        assertEquals("2024:05:01 12:34:56", ifd0.getString(ExifIFD0Directory.TAG_DATETIME));

        ExifSubIFDDirectory exif = m.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        assertNotNull(exif, "Exif SubIFD");
        assertEquals("2024:05:01 12:34:56", exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
        assertEquals("789", exif.getString(ExifSubIFDDirectory.TAG_SUBSECOND_TIME_ORIGINAL));
        assertEquals("+02:00", exif.getString(ExifSubIFDDirectory.TAG_TIME_ZONE_ORIGINAL));
        assertEquals(400, exif.getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH));
        assertEquals(300, exif.getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_HEIGHT));
        // 2024-05-01T12:34:56.789+02:00 as an instant
        assertEquals(java.time.Instant.parse("2024-05-01T10:34:56.789Z").toEpochMilli(),
                exif.getDateOriginal().getTime());
        assertNull(exif.getString(ExifSubIFDDirectory.TAG_USER_COMMENT), "not a screenshot");

        AppleMakernoteDirectory apple = m.getFirstDirectoryOfType(AppleMakernoteDirectory.class);
        assertNotNull(apple, "Apple MakerNote");
        assertEquals(CID, apple.getString(17));
        assertEquals(CID, apple.getString(AppleMakernoteDirectory.TAG_CONTENT_IDENTIFIER));
        assertEquals("8C1D6E0F3A2B4C5D9E8F7A6B5C4D3E2F", apple.getString(21));
        assertEquals("B0A1C2D3-E4F5-4607-8899-AABBCCDDEEFF", apple.getString(AppleMakernoteDirectory.TAG_BURST_UUID));
        assertFalse(apple.hasErrors(), apple.getErrors().toString());

        GpsDirectory gps = m.getFirstDirectoryOfType(GpsDirectory.class);
        assertNotNull(gps, "GPS IFD");
        GeoLocation loc = gps.getGeoLocation();
        assertNotNull(loc);
        assertEquals(48.8584, loc.getLatitude(), 1e-5);
        assertEquals(-2.2945, loc.getLongitude(), 1e-5);

        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
    }

    @Test
    void screenshotPngCarriesUserCommentInExif() throws Exception {
        MediaSpec s = spec().toBuilder().size(234, 506).screenshot(true).contentId(null).imageUniqueId(null)
                .burstId(null).noGps().build();
        byte[] png = SyntheticMedia.png(s);
        Metadata m = read(png);
        ExifSubIFDDirectory exif = m.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        assertNotNull(exif, "eXIf chunk read as EXIF");
        assertEquals("Screenshot", exif.getDescription(ExifSubIFDDirectory.TAG_USER_COMMENT));
        assertEquals("2024:05:01 12:34:56", exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
        assertEquals(234, exif.getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH));
        assertNull(m.getFirstDirectoryOfType(AppleMakernoteDirectory.class), "no ids, no MakerNote");
        assertNull(m.getFirstDirectoryOfType(GpsDirectory.class), "no GPS asked");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(234, img.getWidth());
        assertEquals(506, img.getHeight());
    }

    @Test
    void movCarriesCreationTimeDimensionsAndAppleKeys() throws Exception {
        byte[] mov = SyntheticMedia.mov(spec());
        assertEquals("ftyp", new String(mov, 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("qt  ", new String(mov, 8, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Metadata m = read(mov);
        QuickTimeMetadataDirectory meta = m.getFirstDirectoryOfType(QuickTimeMetadataDirectory.class);
        assertNotNull(meta, "mdta keys");
        assertEquals(CID, meta.getString(0x051C));
        assertEquals("2024-05-01T12:34:56+0200", meta.getString(QuickTimeMetadataDirectory.TAG_CREATION_DATE));
        assertEquals("Apple", meta.getString(QuickTimeMetadataDirectory.TAG_MAKE));
        assertEquals("iPhone 11", meta.getString(QuickTimeMetadataDirectory.TAG_MODEL));
        assertEquals("+48.8584-002.2945+035.000/", meta.getString(QuickTimeMetadataDirectory.TAG_LOCATION_ISO6709));

        QuickTimeDirectory qt = m.getFirstDirectoryOfType(QuickTimeDirectory.class);
        assertEquals(java.time.Instant.parse("2024-05-01T10:34:56Z").toEpochMilli(),
                qt.getDate(QuickTimeDirectory.TAG_CREATION_TIME).getTime());
        assertEquals(1800L, qt.getLong(QuickTimeDirectory.TAG_DURATION), "3 s at timescale 600");

        QuickTimeVideoDirectory video = m.getFirstDirectoryOfType(QuickTimeVideoDirectory.class);
        assertNotNull(video, "video track");
        assertEquals(400, video.getInt(QuickTimeVideoDirectory.TAG_WIDTH));
        assertEquals(300, video.getInt(QuickTimeVideoDirectory.TAG_HEIGHT));
    }

    @Test
    void mp4IsAnIsoFileWithCreationTimeAndDimensions() throws Exception {
        byte[] mp4 = SyntheticMedia.mp4(spec().toBuilder().contentId(null).build());
        assertEquals("mp42", new String(mp4, 8, 4, java.nio.charset.StandardCharsets.US_ASCII));
        Metadata m = read(mp4);
        Mp4Directory d = m.getFirstDirectoryOfType(Mp4Directory.class);
        assertNotNull(d, "read as MP4, not QuickTime");
        assertEquals(java.time.Instant.parse("2024-05-01T10:34:56Z").toEpochMilli(),
                d.getDate(Mp4Directory.TAG_CREATION_TIME).getTime());
        assertEquals(48.8584, d.getDouble(Mp4Directory.TAG_LATITUDE), 1e-4);
        Mp4VideoDirectory v = m.getFirstDirectoryOfType(Mp4VideoDirectory.class);
        assertEquals(400, v.getInt(Mp4VideoDirectory.TAG_WIDTH));
        assertEquals(300, v.getInt(Mp4VideoDirectory.TAG_HEIGHT));
        assertEquals("H.264", v.getDescription(Mp4VideoDirectory.TAG_COMPRESSION_TYPE));
        assertNull(m.getFirstDirectoryOfType(QuickTimeMetadataDirectory.class));
    }

    @Test
    void sameSpecSameBytesOtherSeedOtherPixels() throws Exception {
        assertArrayEquals(SyntheticMedia.jpeg(spec()), SyntheticMedia.jpeg(spec()));
        assertArrayEquals(SyntheticMedia.mov(spec()), SyntheticMedia.mov(spec()));
        BufferedImage a = SyntheticMedia.render(spec());
        BufferedImage b = SyntheticMedia.render(spec().toBuilder().seed(43).build());
        assertTrue(meanAbsDiff(a, b) > 10, "another seed must draw another picture");
        // The same seed at a quarter of the size is the same picture (a reduced copy): downscale and compare.
        BufferedImage small = SyntheticMedia.render(42, 100, 75);
        BufferedImage down = scale(a, 100, 75);
        assertTrue(meanAbsDiff(small, down) < 12, "reduced render must resemble the original: "
                + meanAbsDiff(small, down));
        assertTrue(meanAbsDiff(a, SyntheticMedia.edit(a)) > 10, "an edit must change the pixels");
    }

    @Test
    void aaeIsAPropertyList() {
        String aae = new String(SyntheticMedia.aae(LocalDateTime.of(2024, 5, 2, 8, 0), 1),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(aae.contains("<string>com.apple.photo</string>"), aae);
        assertTrue(aae.contains("<date>2024-05-02T08:00Z</date>") || aae.contains("<date>2024-05-02T08:00:00Z</date>"),
                aae);
    }

    @Test
    void specRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> MediaSpec.builder().size(0, 10).build());
        assertThrows(IllegalArgumentException.class, () -> MediaSpec.builder().orientation(9).build());
    }

    @Test
    void bulkLibraryWritesUniqueReadableAssets(@TempDir Path tmp) throws Exception {
        Path dcim = tmp.resolve("device");
        Path cloud = tmp.resolve("cloud");
        BulkLibrary.Summary s = BulkLibrary.write(dcim, 25, 7L, BulkLibrary.Options.defaults(), null);
        assertEquals(25, s.assets());
        assertEquals(3, s.livePhotos(), "assets 0, 10 and 20 are Live Photos");
        assertEquals(28, s.files());
        List<Path> files = list(dcim);
        assertEquals(28, files.size());
        assertTrue(Files.isRegularFile(dcim.resolve("DCIM/100APPLE/IMG_0001.JPG")));
        assertTrue(Files.isRegularFile(dcim.resolve("DCIM/100APPLE/IMG_0001.MOV")));
        long total = 0;
        for (Path p : files) total += Files.size(p);
        assertEquals(s.bytes(), total);

        // unique image ids and content bytes
        List<String> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (Path p : files) {
            if (!p.toString().endsWith(".JPG")) continue;
            Metadata m = ImageMetadataReader.readMetadata(p.toFile());
            ids.add(m.getFirstDirectoryOfType(AppleMakernoteDirectory.class).getString(21));
            hashes.add(Arrays.toString(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
        }
        assertEquals(25, ids.stream().distinct().count());
        assertEquals(25, hashes.stream().distinct().count());

        // the Live pair shares its content identifier
        Metadata still = ImageMetadataReader.readMetadata(dcim.resolve("DCIM/100APPLE/IMG_0011.JPG").toFile());
        Metadata movie = ImageMetadataReader.readMetadata(dcim.resolve("DCIM/100APPLE/IMG_0011.MOV").toFile());
        String cid = still.getFirstDirectoryOfType(AppleMakernoteDirectory.class).getString(17);
        assertNotNull(cid);
        assertEquals(cid, movie.getFirstDirectoryOfType(QuickTimeMetadataDirectory.class).getString(0x051C));

        // same seed, cloud layout: same bytes under date folders
        BulkLibrary.write(cloud, 25, 7L, BulkLibrary.Options.defaults().withLayout(BulkLibrary.Layout.ICLOUDPD), null);
        assertArrayEquals(Files.readAllBytes(dcim.resolve("DCIM/100APPLE/IMG_0001.JPG")),
                Files.readAllBytes(cloud.resolve("2023/01/01/IMG_0001.JPG")));
        assertTrue(Files.isRegularFile(cloud.resolve("2023/01/01/IMG_0001_HEVC.MOV")));

        IOException e = assertThrows(IOException.class, () -> BulkLibrary.write(dcim, 1, 1L));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    }

    private static List<Path> list(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }

    private static double meanAbsDiff(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF)) + Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
