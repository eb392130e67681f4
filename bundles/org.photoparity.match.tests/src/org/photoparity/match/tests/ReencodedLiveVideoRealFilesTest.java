package org.photoparity.match.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;

/**
 * The real iPhone 6s Live Photo (train.jpg + train.mov) on both sides, its video on the device re-encoded to H.264
 * in the same MOV container with its metadata kept (what a PC's "Automatic" transfer does), by ffmpeg here. Before,
 * the pair was identical. Now it is a conversion, not a loss; the same video with only a metadata atom changed (a
 * same-length edit of its creation date) is still no difference.
 */
class ReencodedLiveVideoRealFilesTest {

    @TempDir
    Path tmp;

    private static void ffmpeg(Path in, Path out) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-i", in.toString(), "-map", "0", "-map_metadata", "0",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "copy", "-f", "mov", out.toString())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg (.ci/run installs it): " + said);
    }

    @Test
    void aLivePhotoWhoseVideoWasReencodedIsConvertedNotIdenticalNorLost() throws Exception {
        Path device = tmp.resolve("device"), cloud = tmp.resolve("cloud");
        RealFiles.copy("train.jpg", device, "DCIM/100APPLE/IMG_0001.JPG");
        ffmpeg(RealFiles.real("train.mov"), Files.createDirectories(device.resolve("DCIM/100APPLE"))
                .resolve("IMG_0001.MOV"));
        RealFiles.copy("train.jpg", cloud, "IMG_0001.JPG");
        RealFiles.copy("train.mov", cloud, "IMG_0001.MOV");
        ReconcileResult r = RealFiles.reconcile(device, cloud, false);
        Mismatch m = RealFiles.only(r);
        assertEquals(Category.CONVERTED, m.category(), m.detail());
        assertFalse(m.loss());
        assertTrue(m.detail().startsWith("Live video re-encoded on one side (the same MOV container"), m.detail());
        assertEquals(List.of("DCIM/100APPLE/IMG_0001.JPG", "DCIM/100APPLE/IMG_0001.MOV"), m.device());
    }

    @Test
    void aLiveVideoWhoseMetadataAloneDiffersIsNoDifference() throws Exception {
        Path device = tmp.resolve("device"), cloud = tmp.resolve("cloud");
        RealFiles.copy("train.jpg", device, "DCIM/100APPLE/IMG_0001.JPG");
        Path mov = RealFiles.copy("train.mov", device, "DCIM/100APPLE/IMG_0001.MOV");
        byte[] b = Files.readAllBytes(mov);
        String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("2021-");
        assertTrue(at > 0, "the MOV states its creation date as text");
        b[at + 3] = (byte) (b[at + 3] == '1' ? '0' : '1'); // the year, same length: metadata only
        Files.write(mov, b);
        RealFiles.copy("train.jpg", cloud, "IMG_0001.JPG");
        RealFiles.copy("train.mov", cloud, "IMG_0001.MOV");
        ReconcileResult r = RealFiles.reconcile(device, cloud, false);
        org.photoparity.core.model.MediaFile dv = movie(r.device()), cv = movie(r.cloud());
        assertTrue(dv.payloadKey() != null && dv.payloadKey().equals(cv.payloadKey()), "same sample data");
        assertFalse(dv.fingerprint().equals(cv.fingerprint()), "other bytes");
        for (Mismatch m : r.mismatches()) {
            assertTrue(m.category() != Category.CONVERTED, "not a re-encoded video: " + m.detail());
        }
    }

    private static org.photoparity.core.model.MediaFile movie(org.photoparity.core.model.SideInventory side) {
        return side.assets().stream().flatMap(a -> a.files().stream()).filter(f -> f.path().endsWith(".MOV"))
                .findFirst().orElseThrow();
    }
}
