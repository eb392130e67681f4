package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.commands.Command;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.intro.IIntroPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.present.Vocabulary;
import org.photoparity.demo.DemoCase;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.table.CompareFields;
import org.photoparity.ui.table.MismatchRows.Filter;
import org.photoparity.ui.table.ViewState;
import org.photoparity.ui.tests.fixtures.SlowProbe;
import org.photoparity.ui.views.CompareView;
import org.photoparity.ui.views.MismatchesView;
import org.photoparity.ui.views.StrategyView;
import org.photoparity.ui.views.SummaryView;
import org.photoparity.ui.wizards.CasePropertiesDialog;

/**
 * The workbench items of issues 13 (parts) and 14 (cancel, answers, case repair, welcome, escaping, instant results,
 * analysing state, case switch, Compare fields, one palette and the ranked causes), each driven through the
 * running workbench or a part built by hand. Every test sets up what it needs: any order works.
 */
class WorkbenchItemsUiTest {

    static final String TEST_STRATEGY_VIEW = "org.photoparity.ui.tests.strategyView";

    @TempDir
    Path tmp;

    @AfterEach
    void reset() {
        SlowProbe.hold = false;
        Ui.settleJobs();
        var v = Ui.page().findView(TEST_STRATEGY_VIEW);
        if (v != null) Ui.page().hideView(v);
        Ui.session().open(null);
        Ui.drain();
    }

    private CaseFolder demoCase(String name) throws Exception {
        return Ui.demoCase(tmp, name);
    }

    /** Until {@code job} is done and what it found (results, failure or stop) has reached the session. */
    private static void await(AnalyzeJob job) throws InterruptedException {
        job.join(60_000, null);
        Ui.waitUntil("the analysis to reach the session", 30_000, job::delivered);
        Ui.drain();
    }

    // ---- issue 13 item 7: plain parts ------------------------------------------------------------------------

    @Test
    void partsAreBuiltWithPlainArgumentsAndFollowTheirOwnSession() {
        Shell shell = new Shell(Ui.page().getWorkbenchWindow().getShell());
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(1000, 700);
            CaseSession session = new CaseSession(); // not the workbench's: nothing static is shared
            SummaryView summary = new SummaryView(session);
            summary.create(new org.eclipse.swt.widgets.Composite(shell, 0));
            CompareView compare = new CompareView(session);
            compare.create(new org.eclipse.swt.widgets.Composite(shell, 0));
            shell.layout(true, true);
            assertTrue(summary.statusText().startsWith("File > New Case"), summary.statusText());
            ReconcileResult r = Synthetic.result(80);
            session.analysed(r, List.of(), null, List.of());
            assertEquals(String.format("%,d", 80 - 10), summary.figureRows().get(0)[1]);
            assertNull(Ui.session().result(), "the workbench's session did not see it");
            Mismatch m = r.mismatches().get(3);
            compare.follow(new org.eclipse.jface.viewers.StructuredSelection(m));
            assertSame(m, compare.shown());
            session.open(null); // a case switch clears Compare
            assertNull(compare.shown());
            summary.dispose();
            compare.dispose();
        } finally {
            shell.dispose();
        }
    }

    /** A cloud export given without all its parts: the Summary's figures say which parts are missing. */
    @Test
    void theSummaryNamesASourceThatIsIncomplete() {
        Shell shell = new Shell(Ui.page().getWorkbenchWindow().getShell());
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(1000, 700);
            CaseSession session = new CaseSession();
            SummaryView summary = new SummaryView(session);
            summary.create(new org.eclipse.swt.widgets.Composite(shell, 0));
            ReconcileResult r = Synthetic.result(16);
            org.photoparity.core.model.SideInventory c = r.cloud();
            org.photoparity.core.model.SideInventory part = new org.photoparity.core.model.SideInventory(c.role(),
                    List.of(new org.photoparity.core.model.SourceRef("/x/iCloud Photos Part 2 of 2", "privacy-export",
                            "Part 1 of 2 not given (iCloud Photos Part 1 of 2)")),
                    c.assets(), c.unreadable(), c.ignored(), c.filesSeen(), c.filesRead(), c.bytes());
            session.analysed(new ReconcileResult(r.device(), part, r.identical(), r.mismatches(), r.matchedBy()),
                    List.of(), null, List.of());
            String[] row = summary.figureRows().stream().filter(x -> x[0].equals("Incomplete source")).findFirst()
                    .orElseThrow(() -> new AssertionError("no Incomplete source row"));
            assertEquals("", row[1]);
            assertEquals("Part 1 of 2 not given (iCloud Photos Part 1 of 2)", row[2]);
            assertEquals("The cloud source privacy-export is incomplete: Part 1 of 2 not given (iCloud Photos Part 1 of"
                    + " 2). What it may hold is not shown lost.", summary.notesText());
            // the evidence notes the command line prints ("note: ...") are shown too (they were nowhere)
            session.analysed(r, List.of(), null, List.of("answers.properties: icloud_plan=7GB is not understood"));
            assertTrue(summary.figureRows().stream().noneMatch(x -> x[0].equals("Incomplete source")));
            assertEquals("Note: answers.properties: icloud_plan=7GB is not understood", summary.notesText());
            session.analysed(r, List.of(), null, List.of());
            assertEquals("", summary.notesText());
            summary.dispose();
        } finally {
            shell.dispose();
        }
    }

    // ---- issue 14 item 1: Stop keeps the previous results; the Progress view exists ----------------------------

    @Test
    void stoppingAnAnalysisMidwayKeepsThePreviousResults() throws Exception {
        CaseFolder c = demoCase("stop");
        await(CaseActions.open(c, true));
        ReconcileResult previous = Ui.session().result();
        assertNotNull(previous);

        SlowProbe.reached = false;
        SlowProbe.hold = true;
        AnalyzeJob job = CaseActions.analyze();
        Ui.waitUntil("the analysis to reach its probes", 30_000, () -> SlowProbe.reached);
        SummaryView shown = Ui.show(SummaryView.ID, SummaryView.class);
        Ui.waitUntil("the Summary to say Analyzing", 5_000, () -> shown.statusText().contains("Analyzing..."));
        assertTrue(CaseActions.stop(), "something was running");
        await(job);
        assertEquals(org.eclipse.core.runtime.IStatus.CANCEL, job.getResult().getSeverity());
        Ui.waitUntil("the stopped state", 5_000, () -> Ui.session().analysis().phase() == CaseSession.Phase.CANCELLED);
        assertSame(previous, Ui.session().result(), "the results shown are the previous ones");
        SummaryView summary = Ui.show(SummaryView.ID, SummaryView.class);
        assertTrue(summary.statusText().contains("Analysis stopped"), summary.statusText());
        assertTrue(summary.figureRows().size() > 3, "the previous figures stay on screen");
    }

    @Test
    void progressViewAndStopAreInTheWorkbench() throws Exception {
        var progress = Ui.page().showView("org.eclipse.ui.views.ProgressView");
        assertNotNull(progress);
        assertEquals("Progress", progress.getTitle());
        Command stop = PlatformUI.getWorkbench().getService(ICommandService.class).getCommand("org.photoparity.ui.stop");
        assertTrue(stop.isDefined());
        assertTrue(stop.isHandled());
    }

    // ---- issue 14 item 3: answers in the fix view; Case Properties repairs a source ----------------------------

    /** A fix view opened on a case with answers shows them (seen: "Don't know" beside a saved "yes"). */
    @Test
    void aFixViewShowsTheCasesSavedAnswers() throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("saved-answers"), CaseData.named("Saved answers"));
        Files.writeString(c.answersFile(), "icloud_photos_on=yes\napple_id_matches=no\n");
        Ui.session().open(c);
        String id = org.photoparity.ui.views.StrategyViewFactory.viewIdFor("strategy.settings");
        StrategyView v = Ui.show(id, StrategyView.class);
        Ui.drain();
        assertEquals("yes", v.shownAnswer("icloud_photos_on"));
        assertEquals("no", v.shownAnswer("apple_id_matches"));
        Ui.page().hideView(Ui.page().findView(id));
    }

    /**
     * Fix 1 does not pass on iCloud Photos alone: its view shows UNKNOWN asking apple_id_matches, offers that
     * question, and the answer yes passes it.
     */
    @Test
    void theSettingsViewAsksTheAppleIdBeforeFix1Passes() throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("apple-id"), CaseData.named("Apple ID"));
        Files.writeString(c.answersFile(), "icloud_photos_on=yes\n");
        Ui.session().open(c);
        String id = org.photoparity.ui.views.StrategyViewFactory.viewIdFor("strategy.settings");
        StrategyView v = Ui.show(id, StrategyView.class);
        Ui.drain();
        assertTrue(v.questionKeys().contains("apple_id_matches"), v.questionKeys().toString());
        Job job = v.rerun();
        assertNotNull(job);
        job.join(10_000, null);
        Ui.waitUntil("fix 1's result", 10_000, () -> v.shownResults().get(0) != null);
        assertEquals(ProbeStatus.UNKNOWN, v.shownResults().get(0).status(), v.shownResults().get(0).summary());
        assertTrue(v.shownResults().get(0).summary().contains("answer apple_id_matches"),
                v.shownResults().get(0).summary());

        v.answerFor("apple_id_matches", "yes");
        Ui.waitUntil("fix 1 to pass on the answer", 10_000, () -> v.shownResults().get(0) != null
                && v.shownResults().get(0).status() == ProbeStatus.PASS);
        assertTrue(Files.readString(c.answersFile()).contains("apple_id_matches=yes"));
        Ui.page().hideView(Ui.page().findView(id));
    }

    /** Fix 3's view asks who created the iCloud Shared Photo Library, and the answer goes to the case's file. */
    @Test
    void theIcloudStorageViewAsksWhoCreatedTheSharedLibrary() throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("shared-library"), CaseData.named("Shared Library"));
        Ui.session().open(c);
        String id = org.photoparity.ui.views.StrategyViewFactory.viewIdFor("strategy.icloudstorage");
        StrategyView v = Ui.show(id, StrategyView.class);
        Ui.drain();
        assertTrue(v.questionKeys().contains("shared_library_owner"), v.questionKeys().toString());
        v.answerFor("shared_library_owner", "no");
        Ui.waitUntil("the answer saved", 10_000, () -> {
            try {
                return Files.isRegularFile(c.answersFile())
                        && Files.readString(c.answersFile()).contains("shared_library_owner=no");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertEquals("no", v.shownAnswer("shared_library_owner"));
        Ui.page().hideView(Ui.page().findView(id));
    }

    @Test
    void answeringAQuestionSavesItInTheCaseAndReRunsTheProbe() throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("answers"), CaseData.named("Answers"));
        Ui.session().open(c);
        StrategyView v = Ui.show(TEST_STRATEGY_VIEW, StrategyView.class);
        assertEquals(List.of("low_power_mode"), v.questionKeys());
        v.answerFor("low_power_mode", "yes");
        Ui.waitUntil("the probe to re-run on the answer", 10_000, () -> v.shownResults().get(0) != null
                && v.shownResults().get(0).status() == ProbeStatus.FAIL);
        assertTrue(Files.readString(c.answersFile()).contains("low_power_mode=yes"));
        v.answerFor("low_power_mode", "no");
        Ui.waitUntil("the probe to change", 10_000, () -> v.shownResults().get(0).status() == ProbeStatus.PASS);
        assertEquals("Low Power Mode is off", v.shownResults().get(0).summary());
        assertTrue(Files.readString(c.answersFile()).contains("low_power_mode=no"));
    }

    @Test
    void aMistypedSourceFailsVisiblyAndCasePropertiesRepairsIt() throws Exception {
        DemoCase.Demo demo = DemoCase.create(tmp.resolve("demo-repair"));
        String typo = demo.cloud().toString() + "-typo";
        CaseFolder c = CaseFolder.create(tmp.resolve("case-repair"),
                CaseData.named("Repair").withSources(List.of(demo.device().toString()), List.of(typo)));
        await(CaseActions.open(c, true));
        assertEquals(CaseSession.Phase.FAILED, Ui.session().analysis().phase());
        SummaryView summary = Ui.show(SummaryView.ID, SummaryView.class);
        assertTrue(summary.problemText().contains("Source not found"), summary.problemText());
        Ui.drain();
        assertTrue(summary.problemText().contains("Source not found"), "the error stays on screen");

        CasePropertiesDialog d = new CasePropertiesDialog(Ui.page().getWorkbenchWindow().getShell(), c);
        d.setBlockOnOpen(false);
        d.open();
        try {
            // each row says what it is: the typo is not found, the device folder is recognised as what reads it
            assertTrue(d.sourceStates().contains(typo + ": not found"), d.sourceStates());
            assertTrue(d.sourceStates().contains(demo.device() + ": Folder of photos"), d.sourceStates());
            assertTrue(d.getMessage().contains("Cannot be read (yet): " + typo), d.getMessage());
            d.fill("Repaired", List.of(demo.device().toString()), List.of(demo.cloud().toString()));
            assertFalse(d.sourceStates().contains("not found"), d.sourceStates());
            assertFalse(d.getMessage().contains("Cannot be read"), "the warning goes with the typo: " + d.getMessage());
            d.save();
        } finally {
            d.close();
        }
        assertEquals(List.of(demo.cloud().toString()), CaseFolder.open(c.dir()).data().cloudSources());
        assertEquals("Repaired", CaseFolder.open(c.dir()).data().name());
        Ui.session().caseChanged();
        await(CaseActions.analyze());
        assertNotNull(Ui.session().result());
        assertEquals("", summary.problemText());
    }

    // ---- issue 14 item 4: a real welcome ----------------------------------------------------------------------

    @Test
    void welcomeIsPhotoParitysOwn() {
        IIntroPart intro = PlatformUI.getWorkbench().getIntroManager()
                .showIntro(Ui.page().getWorkbenchWindow(), false);
        try {
            assertNotNull(intro, "Help > Welcome opens a page");
            assertEquals("org.photoparity.ui.WelcomeIntro", intro.getClass().getName());
        } finally {
            PlatformUI.getWorkbench().getIntroManager().closeIntro(intro);
        }
    }

    // ---- issue 14 item 5: & from files is text, not a mnemonic --------------------------------------------------

    @Test
    void ampersandsInStrategyTextAreShownAsText() throws Exception {
        StrategyView v = Ui.show(TEST_STRATEGY_VIEW, StrategyView.class);
        assertEquals("2. Open Battery Health && Charging, then wait for it to finish.",
                v.stepButtons().get(1).getText(), "a single & would underline C and make Alt+C tick the step");
    }

    // ---- issue 14 item 6: results before the report's thumbnails ------------------------------------------------

    @Test
    void resultsAreShownBeforeTheReportIsWritten() throws Exception {
        CaseFolder c = demoCase("instant");
        Job.getJobManager().beginRule(AnalyzeJob.ReportJob.RULE, null); // the report cannot start
        AnalyzeJob job;
        try {
            job = CaseActions.open(c, true);
            Ui.waitUntil("the results", 30_000, () -> Ui.session().result() != null);
            assertFalse(Files.exists(c.resultsDir().resolve("report.html")), "no report yet");
            assertNotNull(job.reportJob());
            assertEquals(Job.WAITING, job.reportJob().getState());
            assertTrue(Ui.show(MismatchesView.ID, MismatchesView.class).table() != null);
        } finally {
            Job.getJobManager().endRule(AnalyzeJob.ReportJob.RULE);
        }
        job.reportJob().join(30_000, null);
        assertTrue(Files.size(c.resultsDir().resolve("report.html")) > 0);
    }

    // ---- issue 14 item 7: "Analyzing..." while running ---------------------------------------------------------

    @Test
    void summarySaysAnalysingWhileAnAnalysisRuns() throws Exception {
        CaseFolder c = demoCase("analyzing");
        SlowProbe.reached = false;
        SlowProbe.hold = true;
        AnalyzeJob job = CaseActions.open(c, true);
        SummaryView summary = Ui.show(SummaryView.ID, SummaryView.class);
        Ui.waitUntil("the probes", 30_000, () -> SlowProbe.reached);
        Ui.waitUntil("Analyzing", 5_000, () -> summary.statusText().contains("Analyzing..."));
        assertFalse(summary.statusText().contains("Not analyzed yet"));
        SlowProbe.hold = false;
        await(job);
        assertTrue(summary.statusText().contains("Analyzed"), summary.statusText());
    }

    // ---- issue 14 item 8: case switch clears Compare; filters per case ------------------------------------------

    @Test
    void aCaseSwitchClearsCompareAndEachCaseKeepsItsFilter() throws Exception {
        CaseFolder a = CaseFolder.create(tmp.resolve("a"), CaseData.named("A"));
        CaseFolder b = CaseFolder.create(tmp.resolve("b"), CaseData.named("B"));
        ReconcileResult r = Synthetic.result(160);
        Ui.session().open(a);
        Ui.session().analysed(r, List.of(), null, List.of());
        MismatchesView mv = Ui.show(MismatchesView.ID, MismatchesView.class);
        Job j = mv.applyState(ViewState.DEFAULT.withFilter(Filter.NONE.withCategories(Set.of(Category.EDITED))));
        if (j != null) j.join();
        Ui.waitUntil("the filter", 10_000, () -> !mv.isBusy() && mv.shownCount() == 20);
        assertTrue(mv.filterChipShown(), "an active filter shows its chip");
        mv.openInCompare(0);
        CompareView cv = Ui.find(CompareView.ID, CompareView.class);
        assertNotNull(cv);
        Ui.waitUntil("Compare to follow", 5_000, () -> cv.shown() != null);

        Ui.session().open(b);
        Ui.session().analysed(r, List.of(), null, List.of());
        assertNull(cv.shown(), "Compare does not keep A's pair");
        Ui.waitUntil("B's rows", 10_000, () -> !mv.isBusy() && mv.shownCount() == 160);
        assertEquals(Filter.NONE, mv.currentState().filter(), "A's filter does not carry into B");
        assertFalse(mv.filterChipShown());

        Ui.session().open(a);
        Ui.session().analysed(r, List.of(), null, List.of());
        Ui.waitUntil("A's filter again", 10_000, () -> !mv.isBusy() && mv.shownCount() == 20);
        assertEquals(Set.of(Category.EDITED), mv.currentState().filter().categories());
        mv.setFilter(Filter.NONE);
        Ui.waitUntil("cleared", 10_000, () -> !mv.isBusy() && mv.shownCount() == 160);
    }

    // ---- issue 14 item 9: oriented dimensions, file times in a quiet group --------------------------------------

    @Test
    void compareUsesOrientedDimensionsAndKeepsFileTimesQuiet() {
        LocalDateTime t = LocalDateTime.of(2024, 5, 7, 10, 0);
        MediaFile sensor = new MediaFile(0, "IMG_1.HEIC", MediaFormat.HEIC, ResourceRole.ORIGINAL, 2_000_000, 1_000L,
                new CaptureTime(t, null), "Apple", "iPhone 12", 4032, 3024, 6, null, null, null, "U1", null, null,
                false, null, Map.of());
        MediaFile upright = new MediaFile(0, "IMG_1.JPG", MediaFormat.JPEG, ResourceRole.ORIGINAL, 1_500_000,
                9_999_000L, new CaptureTime(t, null), "Apple", "iPhone 12", 3024, 4032, 1, null, null, null, "U1",
                null, null, false, null, Map.of());
        List<CompareFields.Line> lines = CompareFields.compare(new Asset("d", AssetKind.PHOTO, List.of(sensor), null),
                new Asset("c", AssetKind.PHOTO, List.of(upright), null));
        CompareFields.Line dims = lines.stream().filter(l -> l.field().equals("Dimensions")).findFirst().orElseThrow();
        assertEquals("3024 \u00d7 4032", dims.left());
        assertFalse(dims.differs(), "the same photo, turned upright on one side");
        List<CompareFields.Line> file = new ArrayList<>();
        for (CompareFields.Line l : lines) if (l.field().startsWith(CompareFields.FILE_GROUP)) file.add(l);
        assertTrue(file.stream().anyMatch(l -> l.field().equals("File: modified")));
        assertTrue(file.stream().noneMatch(CompareFields.Line::differs), "file times are never flagged");
        assertEquals(file, lines.subList(lines.size() - file.size(), lines.size()), "the File group comes last");
    }

    /**
     * An Edited pair whose cloud copy is the device's edit render byte for byte (icloudpd --size adjusted): Compare
     * opens on the render beside it, not on the original, and the fields are those of the files shown (picking the
     * original shows the original's fields).
     */
    @Test
    void compareOpensAnEditedPairOnTheFilesThatMatchAndListsThePickedFilesFields() {
        LocalDateTime t = LocalDateTime.of(2024, 5, 7, 10, 0);
        MediaFile original = new MediaFile(0, "IMG_4120.JPG", MediaFormat.JPEG, ResourceRole.ORIGINAL, 59_059, 1_000L,
                new CaptureTime(t, null), "Apple", "iPhone SE", 500, 375, 1, null, null, null, null, null, "fpO", "pO",
                false, null, Map.of());
        MediaFile render = new MediaFile(0, "IMG_E4120.JPG", MediaFormat.JPEG, ResourceRole.EDITED_RENDER, 66_536,
                1_000L, new CaptureTime(t, null), "Apple", "iPhone SE", 500, 500, 1, null, null, null, null, null,
                "fpE", "pE", false, null, Map.of());
        MediaFile cloudRender = new MediaFile(0, "IMG_4120.JPG", MediaFormat.JPEG, ResourceRole.ORIGINAL, 66_536,
                2_000L, new CaptureTime(t, null), "Apple", "iPhone SE", 500, 500, 1, null, null, null, null, null,
                "fpE", "pE", false, null, Map.of());
        Asset dev = new Asset("d", AssetKind.PHOTO, List.of(original, render), null);
        Asset cloud = new Asset("c", AssetKind.PHOTO, List.of(cloudRender), null);
        Mismatch m = new Mismatch(Category.EDITED, List.of(original.path(), render.path()), List.of(cloudRender.path()),
                "capture-time", "the cloud's IMG_4120.JPG is the device's edit IMG_E4120.JPG, byte for byte",
                Set.of(), List.of(dev), List.of(cloud));
        Shell shell = new Shell(Ui.page().getWorkbenchWindow().getShell());
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(1000, 700);
            CompareView compare = new CompareView(new CaseSession());
            compare.create(new org.eclipse.swt.widgets.Composite(shell, 0));
            shell.layout(true, true);
            compare.show(m, null);
            assertSame(render, compare.shownFile(0), "the device side opens on the render the cloud holds");
            assertSame(cloudRender, compare.shownFile(1));
            assertEquals("IMG_E4120.JPG", field(compare, "File name").left());
            assertFalse(field(compare, "Dimensions").differs(), "the same picture: " + compare.lines());
            assertFalse(field(compare, "Fingerprint").differs(), "byte for byte");
            compare.pick(0, compare.pickableFiles(0).indexOf(original));
            assertSame(original, compare.shownFile(0));
            assertEquals("500 \u00d7 375", field(compare, "Dimensions").left(), "the picked file's fields");
            assertTrue(field(compare, "Dimensions").differs());
            compare.dispose();
        } finally {
            shell.dispose();
        }
    }

    private static CompareFields.Line field(CompareView v, String name) {
        return v.lines().stream().filter(l -> l.field().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                name + " not in " + v.lines()));
    }

    // ---- issue 14 item 10: the report's palette and ranked causes in the Summary ------------------------------

    @Test
    void summaryShowsTheRankedLikelyCausesInTheReportsColours() throws Exception {
        CaseFolder c = demoCase("causes");
        await(CaseActions.open(c, true));
        SummaryView summary = Ui.show(SummaryView.ID, SummaryView.class);
        Ui.drain();
        List<String[]> causes = summary.causeRows();
        assertFalse(causes.isEmpty(), "ranked likely causes at the top of the Summary");
        assertEquals("1", causes.get(0)[0]);
        AtomicBoolean same = new AtomicBoolean(true);
        for (Category cat : Category.values()) {
            int[] rgb = Vocabulary.rgb(Vocabulary.colour(cat));
            var colour = org.eclipse.swt.graphics.RGB.class.cast(summaryColour(cat));
            if (colour.red != rgb[0] || colour.green != rgb[1] || colour.blue != rgb[2]) same.set(false);
        }
        assertTrue(same.get(), "the chart uses the report's colours");
    }

    private static Object summaryColour(Category c) throws Exception {
        var m = SummaryView.class.getDeclaredMethod("colour", Category.class);
        m.setAccessible(true);
        return m.invoke(null, c);
    }
}
