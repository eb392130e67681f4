package org.photoparity.match.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photoparity.match.tests.RealFiles.copy;
import static org.photoparity.match.tests.RealFiles.only;
import static org.photoparity.match.tests.RealFiles.real;
import static org.photoparity.match.tests.RealFiles.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;

/**
 * A copy cut short (a DCIM copy or a download interrupted) is the same asset as the other side's complete file, not
 * a photo missing on both sides nor an edit: seen on real files, a truncated MOV in the cloud was reported "Missing in
 * iCloud" and "Missing on the device" (two losses), a truncated JPEG and HEIC on the device "Edited, same format and
 * size, different content".
 */
class UnreadableCopiesRealFilesTest {

    private static final String DCIM = "DCIM/100APPLE/";

    @TempDir
    Path tmp;

    private static void truncated(String name, Path root, String as, int bytes) throws IOException {
        Path to = root.resolve(as);
        Files.createDirectories(to.getParent());
        Files.write(to, Arrays.copyOf(Files.readAllBytes(real(name)), bytes));
    }

    @Test
    void aTruncatedCopyIsTheSameAssetUnreadableOnOneSideNotALoss() throws IOException {
        Path device = tmp.resolve("iphone"), cloud = tmp.resolve("icloudpd");
        truncated("IMG_0658.JPG", device, DCIM + "IMG_0658.JPG", 100_000);
        copy("IMG_0658.JPG", cloud, "2016/10/09/IMG_0658.JPG");
        truncated("IMG_4580.HEIC", device, DCIM + "IMG_4580.HEIC", 300_000);
        copy("IMG_4580.HEIC", cloud, "2024/10/01/IMG_4580.HEIC");
        copy("train.mov", device, DCIM + "IMG_0002.MOV");
        truncated("train.mov", cloud, "2021/04/10/IMG_0002.MOV", 50_000);
        ReconcileResult r = reconcile(device, cloud, false);

        Map<String, Mismatch> byName = new TreeMap<>();
        for (Mismatch m : r.mismatches()) {
            String p = m.device().isEmpty() ? m.cloud().get(0) : m.device().get(0);
            byName.put(p.substring(p.lastIndexOf('/') + 1), m);
        }
        assertEquals(List.of("IMG_0002.MOV", "IMG_0658.JPG", "IMG_4580.HEIC"), List.copyOf(byName.keySet()),
                r.mismatches().toString());
        for (Mismatch m : r.mismatches()) {
            assertEquals(Category.UNREADABLE_COPY, m.category(), m.toString());
            assertFalse(m.loss(), "the other side holds a readable copy: " + m);
        }
        Mismatch mov = byName.get("IMG_0002.MOV");
        assertTrue(mov.detail().startsWith("IMG_0002.MOV in the cloud could not be read (truncated: "), mov.detail());
        assertTrue(mov.detail().endsWith("the device's copy is readable: copy or download it again to compare"),
                mov.detail());
        assertTrue(byName.get("IMG_0658.JPG").detail().startsWith("IMG_0658.JPG on the device could not be read"),
                byName.get("IMG_0658.JPG").detail());
    }

    /**
     * Empty files (a copy that failed at once) pair with their own photo by name, never with each other: two empty
     * files have the same (empty) content, which says nothing (seen: an empty JPG and an empty MOV were paired by
     * content hash, and both real files reported missing).
     */
    @Test
    void emptyFilesPairWithTheirOwnPhotoByNameNotWithEachOther() throws IOException {
        Path device = tmp.resolve("iphone"), cloud = tmp.resolve("icloudpd");
        truncated("IMG_0658.JPG", device, DCIM + "IMG_0658.JPG", 0);
        copy("IMG_0658.JPG", cloud, "2016/10/09/IMG_0658.JPG");
        copy("train.mov", device, DCIM + "IMG_0002.MOV");
        truncated("train.mov", cloud, "2021/04/10/IMG_0002.MOV", 0);
        ReconcileResult r = reconcile(device, cloud, false);
        assertEquals(2, r.mismatches().size(), r.mismatches().toString());
        for (Mismatch m : r.mismatches()) {
            assertEquals(Category.UNREADABLE_COPY, m.category(), m.toString());
            assertFalse(m.loss(), m.toString());
            assertEquals(1, m.device().size(), m.toString());
            String d = m.device().get(0), c = m.cloud().get(0);
            assertEquals(d.substring(d.lastIndexOf('/')), c.substring(c.lastIndexOf('/')), "paired with its own name");
            assertTrue(m.detail().contains("(empty file (0 bytes))"), m.detail());
        }
    }

    @Test
    void bothCopiesUnreadableIsALossAndAnUnreadableFileIsNotPairedWithALargerOneOfAnotherSize() throws IOException {
        Path device = tmp.resolve("iphone"), cloud = tmp.resolve("icloudpd");
        truncated("train.mov", device, DCIM + "IMG_0002.MOV", 60_000);
        truncated("train.mov", cloud, "2021/04/10/IMG_0002.MOV", 50_000);
        Mismatch m = only(reconcile(device, cloud, false));
        assertEquals(Category.UNREADABLE_COPY, m.category());
        assertTrue(m.loss(), "neither side holds a readable copy");
        assertTrue(m.explanation() == null, m.toString());

        // a name is weak: an unreadable file larger than the other side's same-named file is not its cut-short copy
        Path d2 = tmp.resolve("iphone2"), c2 = tmp.resolve("cloud2");
        truncated("IMG_0658.JPG", d2, DCIM + "IMG_0658.JPG", 100_000);
        copy("IMG_4120.JPG", c2, "2019/06/09/IMG_0658.JPG");
        ReconcileResult r = reconcile(d2, c2, false);
        assertTrue(r.mismatches().stream().noneMatch(x -> x.category() == Category.UNREADABLE_COPY),
                r.mismatches().toString());
    }
}
