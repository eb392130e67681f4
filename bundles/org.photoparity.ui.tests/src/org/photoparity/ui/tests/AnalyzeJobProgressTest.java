package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.engine.Analysis;
import org.photoparity.engine.AnalysisOptions;
import org.photoparity.engine.AnalysisResult;
import org.photoparity.engine.DemoCases;
import org.photoparity.report.ReportOptions;
import org.photoparity.ui.session.AnalyzeJob;

/**
 * Issue 14 item 1 in the workbench: the analysis job's progress (what the Progress view and the status line show)
 * reads "Scanning 45 of 86 files (device)", "Matching", "Checking the fixes 3 of 7", and the report job "Thumbnails
 * 12 of 40"; the bar moves with the work and reaches its end only when the work is done.
 */
class AnalyzeJobProgressTest {

    /** What a job's monitor is told. */
    static final class Recording extends NullProgressMonitor {
        final List<String> subTasks = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> workedAt = Collections.synchronizedList(new ArrayList<>());
        int total;
        int worked;

        @Override
        public void beginTask(String name, int totalWork) {
            total = totalWork;
        }

        @Override
        public void subTask(String name) {
            subTasks.add(name);
            workedAt.add(worked);
        }

        @Override
        public void worked(int work) {
            worked += work;
        }
    }

    @Test
    void theJobShowsPhasesWithCountsAndTheBarFollowsThem(@TempDir Path tmp) throws Exception {
        Path demo = DemoCases.ensure(tmp.resolve("demo"));
        Recording job = new Recording();
        List<String> status = new ArrayList<>();
        AnalyzeJob.JobProgress phases = new AnalyzeJob.JobProgress(job, "Analyzing the demo", status::add);
        AnalysisResult r = Analysis.run(DemoCases.spec(demo, tmp.resolve("cache"), Map.of()),
                AnalysisOptions.defaults().withProgress(phases), AnalyzeJob.JobProgress.cancelOnly(job));

        assertEquals(AnalyzeJob.JobProgress.TICKS, job.total);
        assertEquals(job.total, job.worked, "the bar is full when the analysis is done");
        Pattern scanning = Pattern.compile("Scanning (\\d+) of (\\d+) files \\(device\\)");
        int lastDone = -1;
        int scanTicks = -1;
        for (int i = 0; i < job.subTasks.size(); i++) {
            Matcher m = scanning.matcher(job.subTasks.get(i));
            if (!m.matches()) continue;
            assertEquals(r.result().device().filesSeen(), Long.parseLong(m.group(2)), job.subTasks.get(i));
            assertTrue(Integer.parseInt(m.group(1)) > lastDone, "counts go up: " + job.subTasks);
            lastDone = Integer.parseInt(m.group(1));
            scanTicks = job.workedAt.get(i);
        }
        assertEquals(r.result().device().filesSeen(), lastDone, "the device scan reaches its total: " + job.subTasks);
        assertTrue(scanTicks > 0 && scanTicks < job.total * 0.9, "the bar moved during the scan, not all at once: "
                + scanTicks);
        assertTrue(job.subTasks.contains("Matching " + (r.result().device().assets().size()
                + r.result().cloud().assets().size()) + " assets"), job.subTasks.toString());
        assertTrue(job.subTasks.contains("Checking the fixes " + r.probes().size() + " of " + r.probes().size()
                + " checks"), job.subTasks.toString());
        assertTrue(status.stream().anyMatch(scanning.asPredicate()), "the Summary's line too: " + status);

        Recording report = new Recording();
        Analysis.writeReports(r, tmp.resolve("out"), ReportOptions.defaults(),
                new AnalyzeJob.JobProgress(report, "Writing the report", null),
                AnalyzeJob.JobProgress.cancelOnly(report));
        assertTrue(report.subTasks.stream().anyMatch(t -> t.matches("Thumbnails \\d+ of \\d+")), report.subTasks
                .toString());
        assertEquals("Writing the report", report.subTasks.get(report.subTasks.size() - 1));
        assertEquals(report.total, report.worked);
    }
}
