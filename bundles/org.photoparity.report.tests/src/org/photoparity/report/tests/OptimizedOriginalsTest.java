package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.demo.RealScenario;
import org.photoparity.demo.RealScenario.Format;
import org.photoparity.engine.Analysis;
import org.photoparity.engine.AnalysisOptions;
import org.photoparity.engine.AnalysisResult;
import org.photoparity.engine.CaseSpec;
import org.photoparity.evidence.OptimizedOriginals;
import org.photoparity.evidence.PhotosLibraryStats;

/**
 * With Optimize iPhone Storage on, the iPhone keeps the originals of many photos in iCloud only, and a copy of its
 * files (DCIM over USB) holds only the originals on the device: a photo in the cloud and not in that copy is not
 * shown missing from the device. It stays a loss when the device side lists the library (Photos.sqlite, where an
 * optimized asset is still listed), when the answer is no, and when the backup counts fewer optimized originals than
 * are missing. Real files (the planted real-photo scenario), the engine's own analysis.
 */
class OptimizedOriginalsTest {

    @TempDir
    Path tmp;

    private AnalysisResult analyse(RealScenario.Built b, String answers) throws Exception {
        Path a = null;
        if (answers != null) {
            a = tmp.resolve("answers-" + b.format() + "-" + answers.hashCode() + ".properties");
            Files.writeString(a, answers, StandardCharsets.UTF_8);
        }
        CaseSpec spec = new CaseSpec("optimized", List.of(b.deviceSpec()), List.of(b.cloudSpec()), List.of(), null, a,
                Map.of(), null);
        return Analysis.run(spec, AnalysisOptions.defaults(), null);
    }

    private static List<Mismatch> missingOnDevice(ReconcileResult r) {
        return r.mismatches().stream().filter(m -> m.category() == Category.MISSING_ON_DEVICE).toList();
    }

    private RealScenario.Built scenario(Format f) throws Exception {
        return RealScenario.generate(ReportPreviewTest.shared().resolve("fixtures/real"), tmp, f);
    }

    @Test
    void aDcimCopyOfAnOptimizingIphoneDoesNotShowCloudPhotosLostFromTheDevice() throws Exception {
        RealScenario.Built b = scenario(Format.FOLDERS);
        List<Mismatch> before = missingOnDevice(analyse(b, null).result());
        assertEquals(3, before.size(), "the scenario plants 3 photos in the cloud only: " + before);
        for (Mismatch m : before) assertTrue(m.loss(), "no evidence: a loss: " + m);

        AnalysisResult on = analyse(b, "optimize_storage=yes\n");
        List<Mismatch> after = missingOnDevice(on.result());
        assertEquals(3, after.size(), "still listed, with the reason: " + after);
        for (Mismatch m : after) {
            assertFalse(m.loss(), "Optimize iPhone Storage on and a DCIM copy: not shown lost: " + m);
            assertNotNull(m.explanation());
            assertTrue(m.explanation().contains("Optimize iPhone Storage"), m.explanation());
            assertTrue(m.explanation().contains("optimize_storage"), "names its evidence: " + m.explanation());
        }
        // nothing else changes: what the cloud lacks is still lost
        long cloudLosses = on.result().mismatches().stream()
                .filter(m -> m.category() == Category.MISSING_IN_CLOUD && m.loss()).count();
        assertEquals(analyse(b, null).result().mismatches().stream()
                .filter(m -> m.category() == Category.MISSING_IN_CLOUD && m.loss()).count(), cloudLosses);
        // the probes see the result the reports show
        assertTrue(on.evidence().result().orElseThrow().mismatches().equals(on.result().mismatches()),
                "the probes' evidence carries the explained result");

        for (Mismatch m : missingOnDevice(analyse(b, "optimize_storage=no\n").result())) {
            assertTrue(m.loss(), "Download and Keep Originals: the copy should hold it: " + m);
            assertNull(m.explanation());
        }
    }

    @Test
    void aBackupListingTheLibraryKeepsItsMissingPhotosLost() throws Exception {
        RealScenario.Built b = scenario(Format.BACKUP);
        List<Mismatch> ms = missingOnDevice(analyse(b, "optimize_storage=yes\n").result());
        assertFalse(ms.isEmpty());
        for (Mismatch m : ms) {
            assertTrue(m.loss(), "Photos.sqlite lists optimized assets too: absent from it is absent: " + m);
        }
    }

    @Test
    void aBackupsCountOfOptimizedOriginalsExplainsNoMoreThanItCounts() throws Exception {
        RealScenario.Built b = scenario(Format.FOLDERS);
        AnalysisResult plain = analyse(b, null);
        ReconcileResult r = plain.result();

        CaseEvidence three = new CaseEvidence(r, Map.of(), Map.of()).with(PhotosLibraryStats.class, stats(3));
        for (Mismatch m : missingOnDevice(OptimizedOriginals.apply(r, three))) {
            assertFalse(m.loss(), m.toString());
            assertTrue(m.explanation().contains("3 originals only in iCloud"), m.explanation());
        }
        CaseEvidence two = new CaseEvidence(r, Map.of(), Map.of()).with(PhotosLibraryStats.class, stats(2));
        for (Mismatch m : missingOnDevice(OptimizedOriginals.apply(r, two))) {
            assertTrue(m.loss(), "3 missing, 2 optimized: the count cannot explain them all: " + m);
        }
        CaseEvidence none = new CaseEvidence(r, Map.of(), Map.of()).with(PhotosLibraryStats.class, stats(0));
        for (Mismatch m : missingOnDevice(OptimizedOriginals.apply(r, none))) assertTrue(m.loss(), m.toString());

        // an answer changed back to no takes the explanation away again (the workbench re-applies it on answers)
        ReconcileResult explained = OptimizedOriginals.apply(r,
                new CaseEvidence(r, Map.of("optimize_storage", "yes"), Map.of()));
        assertTrue(missingOnDevice(explained).stream().noneMatch(Mismatch::loss));
        ReconcileResult back = OptimizedOriginals.apply(explained,
                new CaseEvidence(explained, Map.of("optimize_storage", "no"), Map.of()));
        assertEquals(r.mismatches(), back.mismatches());
    }

    private static PhotosLibraryStats stats(long notLocal) {
        return new PhotosLibraryStats("Photos.sqlite", null, 40, 0, Map.of(1, 40L), Map.of(3, 40L), 0, 0, null,
                40 - notLocal, notLocal, Map.of());
    }
}
