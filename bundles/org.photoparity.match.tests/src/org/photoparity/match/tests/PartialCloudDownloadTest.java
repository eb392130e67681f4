package org.photoparity.match.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photoparity.match.tests.RealFiles.copy;
import static org.photoparity.match.tests.RealFiles.reconcile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;

/**
 * An iCloud download that stopped early or was limited to recent items (icloudpd downloads the newest first: an
 * interrupted run, --recent, --until-found; iCloud.com downloads at most 1,000 items at a time) holds only photos
 * from some day on. Every device photo older than that was reported "Missing in iCloud", a loss each. When every
 * photo missing from the cloud is older than the cloud side's oldest, and the sides share photos from then on, they
 * are not shown lost: the detail says so and what to do. One missing photo inside the cloud's span breaks the
 * pattern: then each stays a loss. Real iPhone files, captured 2011 to 2025.
 */
class PartialCloudDownloadTest {

    private static final String DCIM = "DCIM/100APPLE/";
    /** The real photos, oldest first: 2011, 2014, 2016, 2018, 2019, 2021, 2025. */
    private static final List<String> BY_DATE = List.of("Apple iPhone 4.jpg", "Apple iPhone 6.jpg", "IMG_0658.JPG",
            "iphone_7.heic", "IMG_4120.JPG", "train.jpg", "IMG_4580.HEIC");

    @TempDir
    Path tmp;

    private ReconcileResult download(List<String> inCloud) throws IOException {
        Path device = tmp.resolve("iphone"), cloud = tmp.resolve("icloudpd");
        for (String n : BY_DATE) copy(n, device, DCIM + n);
        for (String n : inCloud) copy(n, cloud, "download/" + n);
        return reconcile(device, cloud, false);
    }

    private static List<Mismatch> missingInCloud(ReconcileResult r) {
        return r.mismatches().stream().filter(m -> m.category() == Category.MISSING_IN_CLOUD).toList();
    }

    @Test
    void photosOlderThanEverythingTheDownloadHoldsAreNotShownLost() throws IOException {
        ReconcileResult r = download(List.of("IMG_4120.JPG", "train.jpg", "IMG_4580.HEIC"));
        List<Mismatch> missing = missingInCloud(r);
        assertEquals(4, missing.size(), r.mismatches().toString());
        for (Mismatch m : missing) {
            assertFalse(m.loss(), m.toString());
            assertTrue(m.explanation().startsWith("not shown lost: captured before 2019-06-09, the oldest photo of"
                    + " the cloud side"), m.explanation());
            assertTrue(m.explanation().contains("download the whole library"), m.explanation());
        }
        assertEquals(3, r.identical());
    }

    @Test
    void aMissingPhotoInsideTheDownloadsSpanKeepsEveryOneALoss() throws IOException {
        // 2016 and 2018 are missing while the cloud holds 2014: not the shape of a download cut short
        ReconcileResult r = download(List.of("Apple iPhone 6.jpg", "IMG_4120.JPG", "train.jpg", "IMG_4580.HEIC"));
        List<Mismatch> missing = missingInCloud(r);
        assertEquals(3, missing.size(), r.mismatches().toString());
        for (Mismatch m : missing) {
            assertTrue(m.loss(), m.toString());
            assertNull(m.explanation());
        }
    }

    @Test
    void twoOldPhotosMissingAreTooFewToCallTheDownloadPartial() throws IOException {
        ReconcileResult r = download(List.of("IMG_0658.JPG", "iphone_7.heic", "IMG_4120.JPG", "train.jpg",
                "IMG_4580.HEIC"));
        List<Mismatch> missing = missingInCloud(r);
        assertEquals(2, missing.size(), r.mismatches().toString());
        for (Mismatch m : missing) assertTrue(m.loss(), m.toString());
    }
}
