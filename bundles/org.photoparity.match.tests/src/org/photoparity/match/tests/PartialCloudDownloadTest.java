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

    /**
     * The mirror image: a copy of only the iPhone's newest items (an import of new items only) made every older cloud
     * photo "Missing on the device", a loss each. A device copy holding the older photos and lacking the newest
     * keeps them lost: that is what a device whose sync stopped shows.
     */
    @Test
    void cloudPhotosOlderThanEverythingTheDeviceCopyHoldsAreNotShownLost() throws IOException {
        Path device = tmp.resolve("iphone-new-only"), cloud = tmp.resolve("icloudpd-all");
        for (String n : BY_DATE) copy(n, cloud, "download/" + n);
        for (String n : List.of("IMG_4120.JPG", "train.jpg", "IMG_4580.HEIC")) copy(n, device, DCIM + n);
        ReconcileResult r = reconcile(device, cloud, false);
        List<Mismatch> missing = r.mismatches().stream().filter(m -> m.category() == Category.MISSING_ON_DEVICE)
                .toList();
        assertEquals(4, missing.size(), r.mismatches().toString());
        for (Mismatch m : missing) {
            assertFalse(m.loss(), m.toString());
            assertTrue(m.explanation().startsWith("not shown lost: captured before 2019-06-09, the oldest photo of"
                    + " the device side"), m.explanation());
            assertTrue(m.explanation().contains("copy the whole DCIM folder"), m.explanation());
        }

        // the device copy holds the old photos and lacks the newest: not explained
        Path device2 = tmp.resolve("iphone-old-only"), cloud2 = tmp.resolve("icloudpd-all-2");
        for (String n : BY_DATE) copy(n, cloud2, "download/" + n);
        for (String n : BY_DATE.subList(0, 4)) copy(n, device2, DCIM + n);
        ReconcileResult r2 = reconcile(device2, cloud2, false);
        List<Mismatch> newer = r2.mismatches().stream().filter(m -> m.category() == Category.MISSING_ON_DEVICE)
                .toList();
        assertEquals(3, newer.size(), r2.mismatches().toString());
        for (Mismatch m : newer) assertTrue(m.loss(), m.toString());
    }

    /**
     * A device listing (Photos.sqlite) that says an old photo is waiting to upload or not synced outweighs the shape
     * of the download: that one is not in iCloud, so it stays a loss; the others keep their explanation.
     */
    @Test
    void aListingThatSaysThePhotoIsNotUploadedKeepsItALoss() throws IOException {
        Path device = tmp.resolve("iphone-listed"), cloud = tmp.resolve("icloudpd-recent");
        for (String n : BY_DATE) copy(n, device, DCIM + n);
        for (String n : List.of("IMG_4120.JPG", "train.jpg", "IMG_4580.HEIC")) copy(n, cloud, "download/" + n);
        org.photoparity.sources.ScanOptions o = org.photoparity.sources.ScanOptions.defaults().withoutCache();
        org.photoparity.core.model.SideInventory d = org.photoparity.sources.Scanner.scan(
                org.photoparity.core.model.SideRole.DEVICE, List.of(device.toString()), o,
                new org.eclipse.core.runtime.NullProgressMonitor());
        List<org.photoparity.core.model.Asset> listed = new java.util.ArrayList<>();
        for (org.photoparity.core.model.Asset a : d.assets()) {
            boolean old = a.primary().path().endsWith("Apple iPhone 4.jpg");
            listed.add(new org.photoparity.core.model.Asset(a.id(), a.kind(), a.files(), new org.photoparity.core.model
                    .Listing(0, "Photos.sqlite ZASSET", a.primary().path(), null, null, null, null, null, null, null,
                            org.photoparity.core.model.AssetKind.PHOTO, old
                                    ? org.photoparity.core.model.CloudState.PENDING_UPLOAD
                                    : org.photoparity.core.model.CloudState.SYNCED, true, null, null, false, false,
                            false, false, java.util.Map.of(), org.photoparity.core.model.Sharing.LIBRARY, null, null)));
        }
        org.photoparity.core.model.SideInventory dl = new org.photoparity.core.model.SideInventory(d.role(),
                d.sources(), listed, d.unreadable(), d.ignored(), d.filesSeen(), d.filesRead(), d.bytes());
        org.photoparity.core.model.SideInventory c = org.photoparity.sources.Scanner.scan(
                org.photoparity.core.model.SideRole.CLOUD, List.of(cloud.toString()), o,
                new org.eclipse.core.runtime.NullProgressMonitor());
        ReconcileResult r = new org.photoparity.match.Reconciler().reconcile(dl, c, java.util.Map.of(),
                new org.eclipse.core.runtime.NullProgressMonitor());
        List<Mismatch> missing = missingInCloud(r);
        assertEquals(4, missing.size(), r.mismatches().toString());
        for (Mismatch m : missing) {
            boolean waiting = m.device().get(0).endsWith("Apple iPhone 4.jpg");
            assertEquals(waiting, m.loss(), m.toString());
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
