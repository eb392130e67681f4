package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.demo.DemoCase;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.makernotes.AppleMakernoteDirectory;
import com.drew.metadata.mov.metadata.QuickTimeMetadataDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo case writes the documented files, deterministically, and each plant really shows its category. */
class DemoCaseTest {

    @Test
    void writesTheDocumentedTreeAndManifest(@TempDir Path tmp) throws Exception {
        DemoCase.Demo demo = DemoCase.create(tmp.resolve("demo"));
        assertEquals(Category.values().length, demo.plants().size());
        for (Category c : Category.values()) {
            DemoCase.Plant p = demo.plant(c);
            for (String f : p.device()) assertTrue(Files.isRegularFile(demo.device().resolve(f)), c + ": " + f);
            for (String f : p.cloud()) assertTrue(Files.isRegularFile(demo.cloud().resolve(f)), c + ": " + f);
        }
        assertEquals(List.of("DCIM/100APPLE/IMG_0006.JPG"), demo.plant(Category.MISSING_IN_CLOUD).device());
        assertEquals(List.of("2024/05/03/IMG_0008.JPG"), demo.plant(Category.MISSING_ON_DEVICE).cloud());

        JsonNode m = new ObjectMapper().readTree(demo.manifest().toFile());
        assertEquals(1, m.get("schema").asInt());
        assertEquals("device", m.get("device").asText());
        assertEquals("cloud", m.get("cloud").asText());
        assertEquals(DemoCase.EXPECTED_IDENTICAL, m.get("expected").get("identical").asInt());
        assertEquals(Category.values().length, m.get("plants").size());
        for (JsonNode p : m.get("plants")) {
            DemoCase.Plant plant = demo.plant(Category.valueOf(p.get("category").asText()));
            assertEquals(plant.device().size(), p.get("device").size());
            assertEquals(plant.cloud().size(), p.get("cloud").size());
            assertEquals(1, m.get("expected").get(plant.category().name()).asInt());
        }
        assertEquals(DemoCase.EXPECTED_IDENTICAL, m.get("identical").size());
        assertEquals("evidence/answers.properties", m.get("evidence").get("answers").asText());

        Properties answers = new Properties();
        try (var in = Files.newBufferedReader(demo.answers())) {
            answers.load(in);
        }
        assertEquals("yes", answers.getProperty("apple_id_matches"));
        assertEquals("yes", answers.getProperty("icloud_photos_on"));
        assertEquals("no", answers.getProperty("mobile_data_for_photos"));
        assertEquals("yes", answers.getProperty("low_power_mode"));
        assertEquals("5GB", answers.getProperty("icloud_plan"));
        assertTrue(answers.getProperty("photos_status_text").startsWith("Saving Battery Power"));
        String root = Files.readString(demo.ideviceinfo().get("root"));
        assertTrue(root.contains("ProductType: iPhone12,1\n"));
        assertTrue(root.contains("ProductVersion: 17.5.1\n"));
        String battery = Files.readString(demo.ideviceinfo().get("battery"));
        assertTrue(battery.contains("BatteryCurrentCapacity: 15\n"));
        assertTrue(battery.contains("BatteryIsCharging: false\n"));
        assertTrue(Files.readString(demo.ideviceinfo().get("disk_usage")).contains("TotalDiskCapacity: 64000000000\n"));
    }

    @Test
    void sameBytesEveryRunAndRerunReplaces(@TempDir Path tmp) throws Exception {
        DemoCase.Demo a = DemoCase.create(tmp.resolve("a"));
        DemoCase.Demo b = DemoCase.create(tmp.resolve("b"));
        List<Path> fa = files(a.dir());
        List<Path> fb = files(b.dir());
        assertEquals(fa.stream().map(p -> a.dir().relativize(p).toString()).toList(),
                fb.stream().map(p -> b.dir().relativize(p).toString()).toList());
        for (int i = 0; i < fa.size(); i++) {
            assertArrayEquals(Files.readAllBytes(fa.get(i)), Files.readAllBytes(fb.get(i)), fa.get(i).toString());
            assertEquals(Files.getLastModifiedTime(fa.get(i)), Files.getLastModifiedTime(fb.get(i)));
        }
        // 17 device files, 15 cloud files, 4 evidence files, the manifest
        assertEquals(37, fa.size());
        DemoCase.create(a.dir());
        assertEquals(fa.size(), files(a.dir()).size());

        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> DemoCase.create(foreign));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals("mine", Files.readString(foreign.resolve("notes.txt")));
    }

    @Test
    void eachPlantShowsItsCategoryInTheFiles(@TempDir Path tmp) throws Exception {
        DemoCase.Demo d = DemoCase.create(tmp.resolve("demo"));

        // CONVERTED: PNG on the device, JPEG in the cloud, same image unique id and capture time
        DemoCase.Plant conv = d.plant(Category.CONVERTED);
        Metadata png = meta(d.device().resolve(conv.device().get(0)));
        Metadata jpg = meta(d.cloud().resolve(conv.cloud().get(0)));
        assertEquals("PNG", png.getFirstDirectoryOfType(com.drew.metadata.file.FileTypeDirectory.class)
                .getString(com.drew.metadata.file.FileTypeDirectory.TAG_DETECTED_FILE_TYPE_NAME));
        assertEquals(uid(png), uid(jpg));
        assertNotNull(uid(png));
        assertEquals(dto(png), dto(jpg));

        // REDUCED: same id, a quarter of the pixels
        DemoCase.Plant red = d.plant(Category.REDUCED);
        BufferedImage big = ImageIO.read(d.device().resolve(red.device().get(0)).toFile());
        BufferedImage small = ImageIO.read(d.cloud().resolve(red.cloud().get(0)).toFile());
        assertEquals(640, big.getWidth());
        assertEquals(320, small.getWidth());
        assertTrue(red.cloud().get(0).endsWith("IMG_0010-medium.JPG"));
        assertEquals(uid(meta(d.device().resolve(red.device().get(0)))), uid(meta(d.cloud().resolve(red.cloud().get(0)))));

        // EDITED: the render differs in pixels from the original; the cloud holds the original bytes
        DemoCase.Plant ed = d.plant(Category.EDITED);
        assertArrayEquals(Files.readAllBytes(d.device().resolve(ed.device().get(0))),
                Files.readAllBytes(d.cloud().resolve(ed.cloud().get(0))));
        assertTrue(ed.device().get(1).endsWith("IMG_E0011.JPG"));
        assertTrue(ed.device().get(2).endsWith("IMG_0011.AAE"));

        // DUPLICATE: both cloud copies have the same bytes; the suffix is the size (icloudpd)
        DemoCase.Plant dup = d.plant(Category.DUPLICATE);
        byte[] one = Files.readAllBytes(d.cloud().resolve(dup.cloud().get(0)));
        assertArrayEquals(one, Files.readAllBytes(d.cloud().resolve(dup.cloud().get(1))));
        assertTrue(dup.cloud().get(1).endsWith("IMG_0007-" + one.length + ".JPG"), dup.cloud().get(1));

        // LIVE_PHOTO_INCOMPLETE: JPEG and MOV share the content identifier; the cloud has only the JPEG
        DemoCase.Plant live = d.plant(Category.LIVE_PHOTO_INCOMPLETE);
        String cid = meta(d.device().resolve(live.device().get(0))).getFirstDirectoryOfType(
                AppleMakernoteDirectory.class).getString(17);
        assertNotNull(cid);
        assertEquals(cid, meta(d.device().resolve(live.device().get(1)))
                .getFirstDirectoryOfType(QuickTimeMetadataDirectory.class).getString(0x051C));
        assertEquals(1, live.cloud().size());

        // METADATA_DRIFT: same pixels, DateTimeOriginal 3 hours apart
        DemoCase.Plant drift = d.plant(Category.METADATA_DRIFT);
        Path dv = d.device().resolve(drift.device().get(0));
        Path cl = d.cloud().resolve(drift.cloud().get(0));
        assertEquals("2024:05:05 18:20:07", dto(meta(dv)));
        assertEquals("2024:05:05 15:20:07", dto(meta(cl)));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(dv), Files.readAllBytes(cl)), "the files differ");
        assertTrue(samePixels(ImageIO.read(dv.toFile()), ImageIO.read(cl.toFile())));
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) return false;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) if (a.getRGB(x, y) != b.getRGB(x, y)) return false;
        }
        return true;
    }

    private static Metadata meta(Path p) throws Exception {
        return ImageMetadataReader.readMetadata(p.toFile());
    }

    private static String uid(Metadata m) {
        AppleMakernoteDirectory a = m.getFirstDirectoryOfType(AppleMakernoteDirectory.class);
        return a == null ? null : a.getString(21);
    }

    private static String dto(Metadata m) {
        return m.getFirstDirectoryOfType(ExifSubIFDDirectory.class).getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
        }
    }
}
