package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.cases.LastAnalysis;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.demo.RealScenario;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.ReconcilePerspective;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.views.SummaryView;

/**
 * Issue 14 item 1 through the Eclipse Progress view, with the workbench's real analysis: a case of real iPhone photos
 * (RealScenario's folders, from ../shared/fixtures/real) to which thousands more files were copied since its last
 * analysis; Analyze (the toolbar's action) starts the AnalyzeJob, the Progress view shows its row ("Analyzing NAME",
 * "Scanning k of N files (device)"), and the row's stop button, or separately the Stop action beside Analyze, stops
 * it mid-way: the previous results stay on screen and the Summary does not claim a finished analysis.
 */
class ProgressViewUiTest {

    /** Files planted per batch: at some 900 files a second the device scan takes several seconds. */
    static final int PLANTED = 4000;
    static final Pattern SCANNING = Pattern.compile("Scanning ([\\d,]+) of ([\\d,]+) files \\(device\\)");

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.extension.RegisterExtension
    final AnalysesSeen seen = new AnalysesSeen();
    private final List<Job> analyses = seen.jobs;

    @Test
    void theProgressViewShowsTheAnalysisAndItsStopButtonStopsItMidway() throws Exception {
        Stopped s = analyseThenStopMidway("progress-stop", row -> {
            ToolItem stop = row.stopButton();
            assertTrue(stop.isEnabled(), "the row's stop button can be pressed");
            stop.notifyListeners(SWT.Selection, new Event()); // what a click on the red square does
        });
        s.assertStoppedWithThePreviousResults();
    }

    @Test
    void theStopActionBesideAnalyzeStopsItMidway() throws Exception {
        Stopped s = analyseThenStopMidway("action-stop", row -> {
            ToolItem stop = toolbarItem("Stop");
            assertTrue(stop.isEnabled(), "Stop is enabled while the analysis runs");
            stop.notifyListeners(SWT.Selection, new Event());
        });
        s.assertStoppedWithThePreviousResults();
    }

    // ---- the scenario ------------------------------------------------------------------------------------------

    private interface StopAction {
        void stop(Row row) throws Exception;
    }

    /** What the test saw around the stop. */
    private record Stopped(AnalyzeJob job, ReconcileResult previous, List<String[]> previousFigures,
            LastAnalysis previousLast, CaseFolder c, int scannedWhenStopped, int total, SummaryView summary) {

        void assertStoppedWithThePreviousResults() throws IOException {
            assertEquals(IStatus.CANCEL, job.getResult().getSeverity(),
                    "the analysis was stopped, not finished: " + job.getResult());
            assertTrue(scannedWhenStopped < total, "stopped mid-way: " + scannedWhenStopped + " of " + total);
            assertEquals(CaseSession.Phase.CANCELLED, Ui.session().analysis().phase());
            assertSame(previous, Ui.session().result(), "the results shown are the previous ones");
            Ui.drain();
            String status = summary.statusText();
            assertTrue(status.contains("Analysis stopped"), status);
            assertFalse(status.contains("Analyzed "), "no claim of a finished analysis: " + status);
            assertFalse(status.contains("Analyzing..."), status);
            List<String[]> figures = summary.figureRows();
            assertEquals(previousFigures.size(), figures.size());
            for (int i = 0; i < figures.size(); i++) {
                assertEquals(java.util.Arrays.asList(previousFigures.get(i)), java.util.Arrays.asList(figures.get(i)),
                        "the previous figures stay");
            }
            assertEquals(previousLast, CaseFolder.open(c.dir()).data().lastAnalysis(),
                    "the case still records the previous analysis as its last");
        }
    }

    private Stopped analyseThenStopMidway(String name, StopAction action) throws Exception {
        RealScenario.Built real = RealScenario.generate(Ui.realFixtures(), tmp.resolve("real"),
                RealScenario.Format.FOLDERS);
        Path device = real.root().resolve("device");
        Path cloud = real.root().resolve("cloud");
        CaseFolder c = CaseFolder.create(tmp.resolve("case-" + name), CaseData.named(name)
                .withSources(List.of(device.toString()), List.of(cloud.toString())));

        // the previous analysis: the real photos alone
        AnalyzeJob first = CaseActions.open(c, true);
        first.join(120_000, null);
        Ui.waitUntil("the first results", 30_000, first::delivered);
        Ui.drain();
        ReconcileResult previous = Ui.session().result();
        assertNotNull(previous, "the first analysis finished: " + first.getResult());
        SummaryView summary = Ui.show(SummaryView.ID, SummaryView.class);
        List<String[]> previousFigures = summary.figureRows();
        LastAnalysis previousLast = CaseFolder.open(c.dir()).data().lastAnalysis();
        assertNotNull(previousLast);

        // since then thousands of photos were copied onto the device side: the next scan has them all to read
        plant(device, PLANTED);
        int total = countFiles(device);

        Ui.page().showView(ReconcilePerspective.PROGRESS);
        seen.listen();
        ToolItem analyze = toolbarItem("Analyze");
        analyze.notifyListeners(SWT.Selection, new Event()); // the toolbar's Analyze, as a click runs it
        Ui.waitUntil("Analyze to schedule the analysis", 10_000, () -> !analyses.isEmpty());
        AnalyzeJob job = (AnalyzeJob) analyses.get(analyses.size() - 1);

        // the Progress view's row for this job, with the scan's honest count
        Row[] seen = new Row[1];
        int[] count = new int[2];
        List<String> texts = new ArrayList<>();
        long t0 = System.nanoTime();
        Ui.waitUntil("the Progress view to show the scan", 60_000, () -> {
            if (job.getResult() != null) fail("the analysis ended before the Progress view showed its scan: "
                    + job.getResult() + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms; rows seen: " + texts);
            for (Row r : rows()) {
                String t = r.title() + " | " + r.taskText();
                if (texts.isEmpty() || !texts.get(texts.size() - 1).equals(t)) texts.add(t);
                if (!r.title().equals(job.getName())) continue;
                Matcher m = SCANNING.matcher(r.taskText());
                if (m.find() && number(m.group(1)) > 0) {
                    seen[0] = r;
                    count[0] = number(m.group(1));
                    count[1] = number(m.group(2));
                    return true;
                }
            }
            return false;
        });
        assertEquals("Analyzing " + name, seen[0].title(), "the row names the job");
        assertEquals(total, count[1], "the row counts the files to scan: " + seen[0].taskText());
        assertTrue(seen[0].taskText().startsWith("Analyzing " + name + ": Scanning "), seen[0].taskText());
        assertTrue(summary.statusText().contains("Analyzing..."), summary.statusText());

        action.stop(seen[0]);
        job.join(60_000, null);
        Ui.waitUntil("the stop to reach the session", 30_000, job::delivered);
        Ui.drain();
        return new Stopped(job, previous, previousFigures, previousLast, c, count[0], total, summary);
    }

    /** {@code n} more files in DCIM/1xxAPPLE folders: hard links to the scenario's device photos (no disk used). */
    static void plant(Path device, int n) throws IOException {
        List<Path> photos;
        try (Stream<Path> s = Files.walk(device)) {
            photos = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("(?i).*\\.(jpg|heic)"))
                    .sorted().toList();
        }
        assertFalse(photos.isEmpty(), "the scenario has photos on the device side");
        for (int i = 0; i < n; i++) {
            Path src = photos.get(i % photos.size());
            String f = src.getFileName().toString();
            Path dir = Files.createDirectories(device.resolve(String.format("DCIM/%dAPPLE", 200 + i / 1000)));
            Path dst = dir.resolve(String.format("IMG_%05d%s", i, f.substring(f.lastIndexOf('.'))));
            try {
                Files.createLink(dst, src);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(src, dst);
            }
        }
    }

    /** A count as the Progress view shows it ("6,027"). */
    static int number(String shown) {
        return Integer.parseInt(shown.replace(",", ""));
    }

    static int countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(Files::isRegularFile).count();
        }
    }

    // ---- the Progress view's rows and the main toolbar ----------------------------------------------------------

    /** One job row of the Progress view (Eclipse's ProgressInfoItem): its title, task text and stop button. */
    record Row(Composite item) {
        String title() {
            for (Control k : item.getChildren()) {
                if (k instanceof Label l && !l.getText().isEmpty()) return l.getText();
            }
            return "";
        }

        String taskText() {
            StringBuilder b = new StringBuilder();
            for (Control k : item.getChildren()) if (k instanceof Link l) b.append(l.getText());
            return b.toString();
        }

        ToolItem stopButton() {
            for (Control k : item.getChildren()) {
                if (k instanceof ToolBar t && t.getItemCount() > 0) return t.getItem(0);
            }
            fail("no stop button in the row");
            return null;
        }
    }

    /** The job rows the Progress view shows now (only that view shows Eclipse's ProgressInfoItem rows here). */
    static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        collectRows(Ui.page().getWorkbenchWindow().getShell(), out);
        return out;
    }

    private static void collectRows(Control c, List<Row> out) {
        if (c.isDisposed()) return;
        if (c instanceof Composite comp && c.getClass().getSimpleName().equals("ProgressInfoItem")) {
            out.add(new Row(comp));
            return;
        }
        if (c instanceof Composite comp) for (Control k : comp.getChildren()) collectRows(k, out);
    }

    /** The main toolbar's item labelled {@code text} (Analyze, Stop). */
    static ToolItem toolbarItem(String text) {
        Shell shell = Ui.page().getWorkbenchWindow().getShell();
        for (ToolBar t : Ui.find(shell, ToolBar.class)) {
            for (ToolItem i : t.getItems()) {
                if (text.equals(i.getText())) return i;
            }
        }
        fail("no toolbar item " + text);
        return null;
    }
}
