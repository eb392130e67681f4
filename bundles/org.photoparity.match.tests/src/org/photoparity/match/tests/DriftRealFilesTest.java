package org.photoparity.match.tests;

import static org.photoparity.match.tests.RealFiles.copy;
import static org.photoparity.match.tests.RealFiles.only;
import static org.photoparity.match.tests.RealFiles.real;
import static org.photoparity.match.tests.RealFiles.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.demo.MetadataRewrite;

/**
 * Issue 10 items 1 and 8 on real iPhone files: a cloud copy whose dates were rewritten in place (by the project's own
 * {@link MetadataRewrite}) is one asset with METADATA_DRIFT stating the shift, never MISSING_IN_CLOUD plus
 * MISSING_ON_DEVICE; two different photos with the same IMG number never pair; the same bytes under another name pair
 * as identical.
 */
class DriftRealFilesTest {

    @TempDir
    Path tmp;

    /** The device holds the fixture, the cloud a copy with its capture time moved. */
    private ReconcileResult shifted(String fixture, String as, LocalDateTime stated, Duration shift,
            boolean metadataOnly) throws IOException {
        Path device = tmp.resolve("device-" + as), cloud = tmp.resolve("cloud-" + as);
        copy(fixture, device, "DCIM/100APPLE/" + as);
        Path c = copy(fixture, cloud, "2020/01/01/" + as);
        assertTrue(MetadataRewrite.shiftCaptureTime(c, stated, shift) >= 1);
        return reconcile(device, cloud, metadataOnly);
    }

    @Test
    void jpegShiftedThreeHoursIsDriftNotTwoLosses() throws IOException {
        ReconcileResult r = shifted("IMG_0658.JPG", "IMG_0658.JPG", LocalDateTime.parse("2016-10-09T14:44:17"),
                Duration.ofHours(3), false);
        Mismatch m = only(r);
        assertEquals(Category.METADATA_DRIFT, m.category());
        assertEquals("payload-key", m.matchedBy());
        assertTrue(m.detail().startsWith("cloud +3 h ("), m.detail());
        assertFalse(m.loss());
    }

    @Test
    void heicOneDayLaterIsDrift() throws IOException {
        ReconcileResult r = shifted("iphone_7.heic", "IMG_7777.HEIC", LocalDateTime.parse("2018-09-10T12:16:13"),
                Duration.ofDays(1), false);
        Mismatch m = only(r);
        assertEquals(Category.METADATA_DRIFT, m.category());
        assertEquals("payload-key", m.matchedBy());
        assertTrue(m.detail().startsWith("cloud one day later ("), m.detail());
    }

    @Test
    void movieShiftedIsDriftWithItsShift() throws IOException {
        ReconcileResult r = shifted("IMG_4580.mov", "IMG_4581.MOV", LocalDateTime.parse("2025-08-17T19:33:48"),
                Duration.ofMinutes(-90), false);
        Mismatch m = only(r);
        assertEquals(Category.METADATA_DRIFT, m.category());
        assertTrue(m.detail().startsWith("cloud -1 h 30 min ("), m.detail());
    }

    @Test
    void timeZoneChangedSameMomentIsSaidSo() throws IOException {
        Path device = tmp.resolve("d"), cloud = tmp.resolve("c");
        copy("train.jpg", device, "DCIM/100APPLE/IMG_1000.JPG");
        Path c = copy("train.jpg", cloud, "2021/04/10/IMG_1000.JPG");
        // 11:44 at +01:00 is 13:44 at +03:00: the same moment told in another zone
        assertTrue(MetadataRewrite.shiftCaptureTime(c, LocalDateTime.parse("2021-04-10T11:44:00"),
                Duration.ofHours(2)) >= 1);
        assertTrue(MetadataRewrite.replaceOffset(c, "+01:00", "+03:00") >= 1);
        Mismatch m = only(reconcile(device, cloud, false));
        assertEquals(Category.METADATA_DRIFT, m.category());
        assertEquals("time zone +01:00 vs +03:00 (same moment)", m.detail());
    }

    @Test
    void locationRemovedInTheCloudIsSaidSo() throws IOException {
        Path device = tmp.resolve("d"), cloud = tmp.resolve("c");
        copy("Apple iPhone 6.jpg", device, "DCIM/100APPLE/IMG_0006.JPG");
        Path c = copy("Apple iPhone 6.jpg", cloud, "2014/09/16/IMG_0006.JPG");
        assertEquals(2, MetadataRewrite.removeJpegLocation(c));
        Mismatch m = only(reconcile(device, cloud, false));
        assertEquals(Category.METADATA_DRIFT, m.category());
        assertEquals("location removed in the cloud", m.detail());
    }

    /** Without payload keys (a metadata-only pass, like a listing) the shifted-clock rule pairs them. */
    @Test
    void withoutPayloadKeysTheShiftedClockRulePairs() throws IOException {
        ReconcileResult r = shifted("IMG_0658.JPG", "IMG_0658.JPG", LocalDateTime.parse("2016-10-09T14:44:17"),
                Duration.ofMinutes(-105), true);
        Mismatch m = only(r);
        assertEquals(Category.METADATA_DRIFT, m.category());
        assertEquals("shifted-clock", m.matchedBy());
        assertTrue(m.detail().startsWith("cloud -1 h 45 min ("), m.detail());

        // a shift that no clock or zone change makes (17 minutes) stays two differences
        ReconcileResult odd = shifted("IMG_0658.JPG", "IMG_0659.JPG", LocalDateTime.parse("2016-10-09T14:44:17"),
                Duration.ofMinutes(17), true);
        assertEquals(List.of(Category.MISSING_IN_CLOUD, Category.MISSING_ON_DEVICE),
                odd.mismatches().stream().map(Mismatch::category).toList());
    }

    /** Item 8: the counter wrapped, or another iPhone: the same IMG number is not the same photo. */
    @Test
    void differentPhotosWithTheSameNumberNeverPair() throws IOException {
        Path device = tmp.resolve("d"), cloud = tmp.resolve("c");
        copy("IMG_0658.JPG", device, "DCIM/100APPLE/IMG_0658.JPG");
        // same camera model, same pixel size, another moment: a different photo under the same name
        copy("train.jpg", cloud, "2021/04/10/IMG_0658.JPG");
        for (boolean metadataOnly : new boolean[] {false, true}) {
            ReconcileResult r = reconcile(device, cloud, metadataOnly);
            assertEquals(List.of(Category.MISSING_IN_CLOUD, Category.MISSING_ON_DEVICE),
                    r.mismatches().stream().map(Mismatch::category).toList(), "metadata-only " + metadataOnly);
            assertEquals(0, r.identical());
        }
    }

    /** Item 8: a renamed copy is the same photo. */
    @Test
    void sameBytesUnderAnotherNamePairAsIdentical() throws IOException {
        Path device = tmp.resolve("d"), cloud = tmp.resolve("c");
        copy("IMG_0658.JPG", device, "DCIM/100APPLE/IMG_0658.JPG");
        copy("IMG_0658.JPG", cloud, "2016/10/09/holiday-beach.jpg");
        ReconcileResult r = reconcile(device, cloud, false);
        assertEquals(List.of(), r.mismatches());
        assertEquals(1, r.identical());
        assertEquals(Map.of("content-hash", 1L), r.matchedBy());
    }
}
