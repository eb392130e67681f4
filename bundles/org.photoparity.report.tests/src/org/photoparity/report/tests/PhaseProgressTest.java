package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.spi.PhaseProgress.Phase;
import org.photoparity.core.spi.PhaseProgress.Step;
import org.photoparity.engine.Analysis;
import org.photoparity.engine.AnalysisOptions;
import org.photoparity.engine.AnalysisResult;
import org.photoparity.engine.CaseSpec;
import org.photoparity.engine.DemoCases;
import org.photoparity.report.ReportOptions;

/**
 * Issue 14 item 1: an analysis says which phase it is in with real counts ("Scanning 45 of 86 files (device)",
 * "Matching", "Checking the fixes 3 of 7", "Thumbnails 12 of 40", "Writing the report") instead of sitting at 96-98 %,
 * through the engine's UI-free progress interface. Runs the engine on the generated demo case.
 */
class PhaseProgressTest {

    static List<Step> of(List<Step> steps, Phase phase, String side) {
        return steps.stream().filter(s -> s.phase() == phase && (side == null || side.equals(s.side()))).toList();
    }

    /** Counts strictly increasing, one total throughout, the last step the whole total. */
    static void countsUpTo(List<Step> steps, long total, String what) {
        assertFalse(steps.isEmpty(), what + ": no steps");
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i).done() > steps.get(i - 1).done(), what + ": counts go up: " + steps);
        }
        for (Step s : steps) assertEquals(total, s.total(), what + ": the total is known from the start: " + s);
        assertEquals(total, steps.get(steps.size() - 1).done(), what + ": ends at the total");
    }

    @Test
    void phasesWithCountsAndAFractionThatFollowsTheWork(@TempDir Path tmp) throws Exception {
        Path demo = DemoCases.ensure(tmp.resolve("demo"));
        CaseSpec spec = DemoCases.spec(demo, tmp.resolve("cache"), Map.of());
        List<Step> steps = new ArrayList<>();
        AnalysisResult r = Analysis.run(spec, AnalysisOptions.defaults().withProgress(steps::add), null);

        SideInventory device = r.result().device();
        SideInventory cloud = r.result().cloud();
        assertTrue(device.filesSeen() > 5 && cloud.filesSeen() > 5, "the demo has files on both sides");
        countsUpTo(of(steps, Phase.SCANNING, "device"), device.filesSeen(), "device scan");
        countsUpTo(of(steps, Phase.SCANNING, "cloud"), cloud.filesSeen(), "cloud scan");
        countsUpTo(of(steps, Phase.PROBES, null), r.probes().size(), "checks");
        assertEquals(1, of(steps, Phase.MATCHING, null).size());
        assertEquals(1, of(steps, Phase.EVIDENCE, null).size());

        // the phases in the order they run
        List<Phase> order = new ArrayList<>();
        for (Step s : steps) if (order.isEmpty() || order.get(order.size() - 1) != s.phase()) order.add(s.phase());
        assertEquals(List.of(Phase.COUNTING, Phase.SCANNING, Phase.MATCHING, Phase.EVIDENCE, Phase.PROBES), order);

        // how far the run is: never back, proportional to files (the device scan ends near its share), done at 1
        double last = 0;
        for (Step s : steps) {
            assertTrue(s.fraction() >= last && s.fraction() <= 1, "fraction " + s.fraction() + " after " + last);
            last = s.fraction();
        }
        assertEquals(1.0, last, 1e-9);
        // each side's scan moves the bar in proportion to its files
        List<Step> dev = of(steps, Phase.SCANNING, "device");
        List<Step> cl = of(steps, Phase.SCANNING, "cloud");
        double byDevice = dev.get(dev.size() - 1).fraction();
        double byCloud = cl.get(cl.size() - 1).fraction() - byDevice;
        assertEquals((double) device.filesSeen() / cloud.filesSeen(), byDevice / byCloud, 0.01,
                "scan shares " + byDevice + " and " + byCloud);
        assertTrue(byDevice + byCloud > 0.5, "scanning is most of the work: " + (byDevice + byCloud));

        Step mid = dev.get(dev.size() - 1);
        assertEquals("Scanning " + mid.done() + " of " + mid.total() + " files (device)", mid.text());

        // the report: every preview counted as it is made, then the report written
        List<Step> report = new ArrayList<>();
        Analysis.writeReports(r, tmp.resolve("out"), ReportOptions.defaults(), report::add, null);
        List<Step> thumbs = of(report, Phase.THUMBNAILS, null);
        long total = thumbs.get(0).total();
        assertTrue(total > 5, "the demo's mismatches have previews: " + thumbs);
        countsUpTo(thumbs, total, "thumbnails");
        assertEquals("Thumbnails " + total + " of " + total, thumbs.get(thumbs.size() - 1).text());
        assertEquals(Phase.REPORT, report.get(0).phase());
        assertEquals(Phase.REPORT, report.get(report.size() - 1).phase());
        assertEquals(1.0, report.get(report.size() - 1).fraction(), 1e-9);
    }
}
