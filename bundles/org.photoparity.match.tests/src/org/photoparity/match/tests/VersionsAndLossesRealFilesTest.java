package org.photoparity.match.tests;

import static org.photoparity.match.tests.RealFiles.copy;
import static org.photoparity.match.tests.RealFiles.only;
import static org.photoparity.match.tests.RealFiles.real;
import static org.photoparity.match.tests.RealFiles.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.demo.MetadataRewrite;

/**
 * Issue 10 items 2 and 6 on real iPhone files: icloudpd's versions of one asset (the render under the original's
 * name, -alternative, -medium with a size suffix) are one asset, and differences the evidence explains (an edit the
 * icloudpd download cannot carry, a burst frame whose pick is on the other side) say they are not losses.
 */
class VersionsAndLossesRealFilesTest {

    private static final String DCIM = "DCIM/100APPLE/";

    @TempDir
    Path tmp;

    /**
     * icloudpd --size original --size adjusted: the HEIC and its JPEG render under the same name. The render is a
     * real Photos render (IMG_E4120) given the HEIC's capture time and camera by rewriting its EXIF in place.
     */
    @Test
    void renderUnderTheOriginalsNameIsAnEditNotADuplicateNorAnExtraPhoto() throws IOException {
        Path device = tmp.resolve("iphone"), cloud = tmp.resolve("icloudpd");
        copy("iphone_7.heic", device, DCIM + "IMG_4120.HEIC");
        copy("iphone_7.heic", cloud, "2018/09/10/IMG_4120.HEIC");
        Path render = copy("IMG_E4120.JPG", cloud, "2018/09/10/IMG_4120.JPG");
        assertTrue(MetadataRewrite.shiftCaptureTime(render, LocalDateTime.parse("2019-06-09T12:57:32"),
                Duration.between(LocalDateTime.parse("2019-06-09T12:57:32"),
                        LocalDateTime.parse("2018-09-10T12:16:13"))) >= 1);
        assertTrue(MetadataRewrite.replaceInJpegHeader(render, "835", "023") >= 1);
        assertTrue(MetadataRewrite.replaceInJpegHeader(render, "iPhone SE", "iPhone 7\0") >= 1);

        Mismatch m = only(reconcile(device, cloud, false));
        assertEquals(Category.EDITED, m.category());
        assertEquals("edited in the cloud only (IMG_4120.JPG)", m.detail());
        assertEquals(List.of("2018/09/10/IMG_4120.HEIC", "2018/09/10/IMG_4120.JPG"), m.cloud().stream().sorted()
                .toList());
        assertFalse(m.loss());
    }

    @Test
    void alternativeIsTheTwinOriginalAndMediumWithSizeSuffixIsADerivative() throws IOException {
        Path device = tmp.resolve("iphone"), cloud = tmp.resolve("icloudpd");
        copy("IMG_4120.JPG", device, DCIM + "IMG_4120.JPG");
        copy("IMG_4120.JPG", cloud, "2019/06/09/IMG_4120.JPG");
        copy("IMG_4120.JPG", cloud, "2019/06/09/IMG_4120-alternative.JPG");
        copy("IMG_E4120.JPG", cloud, "2019/06/09/IMG_4120-medium-66536.JPG");
        ReconcileResult r = reconcile(device, cloud, false);
        assertEquals(List.of(), r.mismatches());
        assertEquals(1, r.identical());
    }

    @Test
    void editTheIcloudpdDownloadCannotCarryIsNotALoss() throws IOException {
        Path device = tmp.resolve("iphone"), cloud = tmp.resolve("icloudpd");
        Mismatch m = editedOnTheDeviceAgainst("IMG_4120.JPG", device, cloud);
        assertTrue(m.explanation() != null && m.explanation().startsWith("edit not carried by the source: the cloud"
                + " side holds no edits at all"), m.explanation());

        // once the cloud side carries edits elsewhere, a missing one is not explained away
        copy("Apple iPhone 4.jpg", cloud, "2019/06/10/IMG_5000.JPG");
        copy("IMG_E4120.JPG", cloud, "2019/06/10/IMG_5000-adjusted.JPG");
        Mismatch again = reconcile(device, cloud, false).mismatches().stream()
                .filter(x -> x.category() == Category.EDITED && x.device().contains(DCIM + "IMG_E4120.JPG"))
                .findFirst().orElseThrow();
        assertNull(again.explanation());
    }

    /**
     * icloudpd --size adjusted alone: the edited render under the original's name, and no original. The cloud's
     * IMG_4120.JPG is the device's IMG_E4120.JPG byte for byte (a square crop, 500x500 against the original's
     * 500x375): it is the edit, not a reduced copy of the original, and the cloud side does hold an edit.
     */
    @Test
    void adjustedOnlyDownloadIsTheEditUnderTheOriginalsNameNotAReducedCopy() throws IOException {
        Mismatch m = editedOnTheDeviceAgainst("IMG_E4120.JPG", tmp.resolve("iphone"), tmp.resolve("icloudpd"));
        assertEquals("the cloud's IMG_4120.JPG is the device's edit IMG_E4120.JPG, byte for byte: the cloud side holds"
                + " the edited version under the original's name, without the original", m.detail());
        assertTrue(m.explanation() != null && m.explanation().startsWith("the edit is in iCloud"), m.explanation());
        assertFalse(m.explanation().contains("no edits at all"), m.explanation());

        // the other way round: the device copy is the render (an import of edited versions), the cloud the original
        Path device2 = tmp.resolve("iphone2"), cloud2 = tmp.resolve("icloudpd2");
        copy("IMG_E4120.JPG", device2, DCIM + "IMG_4120.JPG");
        for (String f : List.of("IMG_4120.JPG", "IMG_E4120.JPG")) copy(f, cloud2, "2019/06/09/" + f);
        Mismatch back = only(reconcile(device2, cloud2, false));
        assertEquals(Category.EDITED, back.category());
        assertEquals("the device's IMG_4120.JPG is the cloud's edit IMG_E4120.JPG, byte for byte: the device side holds"
                + " the edited version under the original's name, without the original", back.detail());
        assertFalse(back.loss());
    }

    /**
     * The device's edited IMG_4120 (original, render IMG_E4120, AAE sidecar) against an icloudpd folder holding the
     * fixture {@code cloudFile} as 2019/06/09/IMG_4120.JPG: the one mismatch, EDITED and not a loss.
     */
    private static Mismatch editedOnTheDeviceAgainst(String cloudFile, Path device, Path cloud) throws IOException {
        for (String f : List.of("IMG_4120.JPG", "IMG_E4120.JPG", "IMG_4120.AAE")) copy(f, device, DCIM + f);
        copy(cloudFile, cloud, "2019/06/09/IMG_4120.JPG");
        Mismatch m = only(reconcile(device, cloud, false));
        assertEquals(Category.EDITED, m.category());
        assertFalse(m.loss());
        return m;
    }

    /** IMG_0658 is a real burst frame (MakerNote burst UUID); a second frame of its burst is built from it. */
    @Test
    void burstFrameWhosePickIsInTheCloudIsNotALoss() throws IOException {
        Path device = tmp.resolve("iphone"), cloud = tmp.resolve("icloudpd");
        copy("IMG_0658.JPG", device, DCIM + "IMG_0658.JPG");
        Path second = copy("IMG_0658.JPG", device, DCIM + "IMG_0659.JPG");
        assertTrue(MetadataRewrite.replaceInJpegHeader(second, "14:44:17", "14:44:18") >= 1);
        byte[] data = Files.readAllBytes(second);
        int mid = data.length / 2;
        while ((data[mid] & 0xFF) == 0xFF || (data[mid - 1] & 0xFF) == 0xFF || (data[mid + 1] & 0xFF) == 0xFF) mid++;
        data[mid] ^= 0x10; // another frame: other scan data
        Files.write(second, data);
        copy("IMG_0658.JPG", cloud, "2016/10/09/IMG_0658.JPG");

        ReconcileResult r = reconcile(device, cloud, false);
        Mismatch m = only(r);
        assertEquals(Category.MISSING_IN_CLOUD, m.category());
        assertEquals(List.of(DCIM + "IMG_0659.JPG"), m.device());
        assertFalse(m.loss());
        assertTrue(m.explanation().startsWith("burst frame not picked"), m.explanation());
        assertEquals(1, r.identical());
    }

    /**
     * A cloud download that holds no Live Photo video at all (icloudpd --skip-live-photos, stills saved one by one
     * from iCloud.com) cannot show a video lost: the Live Photos whose videos it lacks are explained, not losses.
     * Once the download holds one Live video, a missing one is a loss again.
     */
    @Test
    void liveVideosMissingFromACloudDownloadWithoutAnyLiveVideoAreNotLosses() throws IOException {
        Path device = tmp.resolve("iphone"), cloud = tmp.resolve("icloudpd");
        copy("train.jpg", device, DCIM + "IMG_0002.JPG");
        copy("train.mov", device, DCIM + "IMG_0002.MOV");
        copy("IMG_4580.HEIC", device, DCIM + "IMG_4580.HEIC");
        copy("IMG_4580.mov", device, DCIM + "IMG_4580.MOV");
        copy("train.jpg", cloud, "2021/03/10/IMG_0002.JPG");
        copy("IMG_4580.HEIC", cloud, "2024/10/01/IMG_4580.HEIC");
        ReconcileResult r = reconcile(device, cloud, false);
        assertEquals(2, r.mismatches().size(), r.mismatches().toString());
        for (Mismatch m : r.mismatches()) {
            assertEquals(Category.LIVE_PHOTO_INCOMPLETE, m.category());
            assertFalse(m.loss(), m.toString());
            assertTrue(m.explanation() != null && m.explanation().startsWith("video not carried by the source: the"
                    + " cloud side holds no Live Photo video at all"), m.explanation());
        }

        // the download holds IMG_4580's video: IMG_0002's missing video is a loss
        copy("IMG_4580.mov", cloud, "2024/10/01/IMG_4580_HEVC.MOV");
        Mismatch m = only(reconcile(device, cloud, false));
        assertEquals(Category.LIVE_PHOTO_INCOMPLETE, m.category());
        assertEquals(List.of(DCIM + "IMG_0002.JPG", DCIM + "IMG_0002.MOV"), m.device());
        assertTrue(m.loss());
        assertNull(m.explanation());
    }

    /** Without any explanation a photo missing in the cloud is a loss. */
    @Test
    void aPhotoMissingForNoKnownReasonIsALoss() throws IOException {
        Path device = tmp.resolve("iphone"), cloud = tmp.resolve("icloudpd");
        copy("train.jpg", device, DCIM + "IMG_1000.JPG");
        copy("IMG_4120.JPG", device, DCIM + "IMG_4120.JPG");
        copy("IMG_4120.JPG", cloud, "2019/06/09/IMG_4120.JPG");
        Mismatch m = only(reconcile(device, cloud, false));
        assertEquals(Category.MISSING_IN_CLOUD, m.category());
        assertTrue(m.loss());
        assertNull(m.explanation());
    }
}
