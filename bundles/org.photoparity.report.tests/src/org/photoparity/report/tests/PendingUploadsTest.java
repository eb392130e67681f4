package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.engine.Analysis;
import org.photoparity.engine.AnalysisOptions;
import org.photoparity.engine.CaseSpec;
import org.photoparity.engine.PendingUploads;
import org.photoparity.evidence.PhotosLibraryStats;

/**
 * A cloud download holding only photos from 2019 on makes the device's older photos "not shown lost" (it may have
 * stopped early). A backup whose Photos.sqlite says as many library assets are not in iCloud yet outweighs the
 * pattern: they may be those, and each is a loss again. Real iPhone files.
 */
class PendingUploadsTest {

    @TempDir
    Path tmp;

    private org.photoparity.engine.AnalysisResult analysis;

    private ReconcileResult partialDownload() throws Exception {
        Path device = tmp.resolve("device/DCIM/100APPLE"), cloud = tmp.resolve("cloud");
        Files.createDirectories(device);
        Files.createDirectories(cloud);
        for (String n : List.of("Apple iPhone 4.jpg", "Apple iPhone 6.jpg", "IMG_0658.JPG", "iphone_7.heic",
                "IMG_4120.JPG", "train.jpg", "IMG_4580.HEIC")) {
            Files.copy(ReportPreviewTest.real(n), device.resolve(n), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String n : List.of("IMG_4120.JPG", "train.jpg", "IMG_4580.HEIC")) {
            Files.copy(ReportPreviewTest.real(n), cloud.resolve(n), StandardCopyOption.REPLACE_EXISTING);
        }
        CaseSpec spec = new CaseSpec("partial", List.of(tmp.resolve("device").toString()), List.of(cloud.toString()),
                List.of(), null, null, Map.of(), null);
        analysis = Analysis.run(spec, AnalysisOptions.defaults(), null);
        return analysis.result();
    }

    private static List<Mismatch> missingInCloud(ReconcileResult r) {
        return r.mismatches().stream().filter(m -> m.category() == Category.MISSING_IN_CLOUD).toList();
    }

    private static PhotosLibraryStats stats(long pending, long notSynced) {
        java.util.Map<String, Integer> queue = new java.util.HashMap<>();
        for (int i = 0; i < pending; i++) queue.put("uuid-" + i, 1);
        return new PhotosLibraryStats("Photos.sqlite", null, 40, 0, Map.of(0, notSynced, 1, 40 - notSynced),
                Map.of(3, 40 - pending - notSynced), 0, 0, null, 40, 0, queue);
    }

    @Test
    void aBackupsUploadQueueOutweighsTheShapeOfAPartialDownload() throws Exception {
        ReconcileResult r = partialDownload();
        List<Mismatch> before = missingInCloud(r);
        assertEquals(4, before.size(), r.mismatches().toString());
        for (Mismatch m : before) assertFalse(m.loss(), "the shape of a partial download: " + m);
        // one note for the whole analysis (command line, Summary, reports): the counts alone would hide it
        assertTrue(analysis.warnings().contains("The cloud side holds only photos taken from 2019-06-09 on, and all 4"
                + " device photos missing from it are older: a cloud side of only the newest items looks like this."
                + " They are not shown lost: download the whole library and analyse again; still missing then, they"
                + " are lost"), analysis.warnings().toString());

        // four library assets not in iCloud yet (two waiting, two never synced): these may be them
        ReconcileResult judged = PendingUploads.apply(r, new CaseEvidence(r, Map.of(), Map.of())
                .with(PhotosLibraryStats.class, stats(2, 2)));
        for (Mismatch m : missingInCloud(judged)) {
            assertTrue(m.loss(), m.toString());
            assertNull(m.explanation());
            assertTrue(m.detail().contains("4 library assets not in iCloud yet"), m.detail());
        }
        // fewer than are missing: the pattern stands; nothing pending: it stands
        assertSame(r, PendingUploads.apply(r, new CaseEvidence(r, Map.of(), Map.of())
                .with(PhotosLibraryStats.class, stats(1, 2))));
        assertSame(r, PendingUploads.apply(r, new CaseEvidence(r, Map.of(), Map.of())
                .with(PhotosLibraryStats.class, stats(0, 0))));
        assertSame(r, PendingUploads.apply(r, new CaseEvidence(r, Map.of(), Map.of())));
    }
}
