package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.ui.IViewPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.cases.CaseFolder;
import org.photoparity.core.model.Category;
import org.photoparity.demo.DemoCase;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.handlers.Handlers;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.table.MismatchRows.Filter;
import org.photoparity.ui.table.ViewState;
import org.photoparity.ui.views.CaseExplorerView;
import org.photoparity.ui.views.CompareView;
import org.photoparity.ui.views.MismatchesView;
import org.photoparity.ui.views.StrategyView;
import org.photoparity.ui.views.SummaryView;
import org.photoparity.ui.wizards.NewCaseWizard;

/**
 * The technician's path on the demo data, through the real workbench: New Case wizard, analysis in a job, the
 * views filled, Compare, a checklist tick saved, re-analysis from the cache, export.
 */
class DemoCaseUiTest {

    @TempDir
    Path tmp;

    private static void awaitAnalysis() throws InterruptedException {
        Job.getJobManager().join(AnalyzeJob.FAMILY, null);
        Ui.waitUntil("the analysis to reach the views", 30_000, () -> Ui.session().result() != null);
        Job.getJobManager().join(AnalyzeJob.ReportJob.FAMILY, null); // the reports come after the results
        Ui.drain();
    }

    @Test
    void createAnalyseFilterCompareTickAndExport() throws Exception {
        DemoCase.Demo demo = DemoCase.create(tmp.resolve("demo"));
        Path caseDir = tmp.resolve("cases/demo");

        // File > New Case..., filled in as a technician would
        NewCaseWizard wizard = new NewCaseWizard();
        WizardDialog dialog = new WizardDialog(Ui.page().getWorkbenchWindow().getShell(), wizard);
        dialog.setBlockOnOpen(false);
        dialog.open();
        wizard.sourcesPage().fill("Anna's iPhone", caseDir, List.of(demo.device().toString()),
                List.of(demo.cloud().toString()));
        assertTrue(wizard.canFinish(), String.valueOf(wizard.sourcesPage().getErrorMessage()));
        List<String> info = new ArrayList<>();
        demo.ideviceinfo().forEach((domain, file) -> info.add(domain + "=" + file));
        dialog.showPage(wizard.evidencePage());
        wizard.evidencePage().fill(info, null, demo.answers(), true);
        Ui.session().open(null);
        assertTrue(wizard.performFinish());
        dialog.close();

        CaseFolder c = Ui.session().caseFolder();
        assertNotNull(c);
        assertEquals(caseDir.toAbsolutePath(), c.dir());
        assertEquals("Anna's iPhone", c.data().name());
        assertTrue(Files.isRegularFile(caseDir.resolve("answers.properties")));
        assertEquals(Files.readString(demo.answers()), Files.readString(c.answersFile()));

        awaitAnalysis();
        var result = Ui.session().result();
        Map<Category, Long> counts = result.counts();
        assertEquals(DemoCase.expectedCounts(), counts);
        assertEquals(DemoCase.EXPECTED_IDENTICAL, result.identical());
        assertTrue(Ui.session().probes().size() >= 7, "the seven fixes' probes ran");
        for (String f : List.of("report.json", "report.html", "mismatches.csv")) {
            assertTrue(Files.size(c.resultsDir().resolve(f)) > 0, f);
        }
        var last = CaseFolder.open(caseDir).data().lastAnalysis();
        assertEquals(org.photoparity.core.model.Category.values().length, last.mismatches());
        assertEquals(DemoCase.EXPECTED_IDENTICAL, last.identical());
        assertTrue(Files.list(c.cacheDir()).findAny().isPresent(), "the scan cache is in the case");

        // Summary and Mismatches show it; filter and open Compare
        SummaryView summary = Ui.show(SummaryView.ID, SummaryView.class);
        assertEquals("Anna's iPhone", summary.titleText());
        MismatchesView table = Ui.show(MismatchesView.ID, MismatchesView.class);
        Job j = table.applyState(ViewState.DEFAULT.withFilter(Filter.NONE.withCategories(Set.of(Category.CONVERTED))));
        if (j != null) j.join();
        Ui.waitUntil("the filter", 10_000, () -> !table.isBusy() && table.shownCount() == 1);
        table.table().setSelection(0);
        table.openInCompare(0);
        CompareView compare = Ui.find(CompareView.ID, CompareView.class);
        assertEquals(Category.CONVERTED, compare.shown().category());
        var format = compare.lines().stream().filter(l -> l.field().equals("Format")).findFirst().orElseThrow();
        assertEquals("PNG", format.left());
        assertEquals("JPEG", format.right());
        assertTrue(format.differs());
        // PNG and JPEG have real previews
        Ui.waitUntil("both previews", 10_000, () -> compare.hasPreviewImage(0) && compare.hasPreviewImage(1));
        assertEquals("PNG, 400 \u00d7 300", compare.previewMessage(0));

        // a fix view: tick a step, it is in case.json
        String viewId = org.photoparity.ui.views.StrategyViewFactory.viewIdFor("strategy.restart");
        assertNotNull(viewId, "the restart fix contributes its view");
        StrategyView restart = Ui.show(viewId, StrategyView.class);
        Button first = restart.stepButtons().get(0);
        first.setSelection(true);
        first.notifyListeners(SWT.Selection, null);
        assertEquals(List.of(0), CaseFolder.open(caseDir).data().ticked("strategy.restart"));
        assertTrue(restart.shownResults().get(0) != null, "the restart probe ran with the analysis");

        // the case is in the Cases view
        CaseExplorerView cases = Ui.show(CaseExplorerView.ID, CaseExplorerView.class);
        cases.refresh();
        assertEquals(caseDir.toAbsolutePath(), cases.shown().get(0).dir());
        assertEquals(org.photoparity.core.model.Category.values().length,
                cases.shown().get(0).data().lastAnalysis().mismatches());

        // re-analysing reuses the scan cache and keeps the tick
        long t0 = System.currentTimeMillis();
        AnalyzeJob again = CaseActions.analyze();
        again.join();
        Job.getJobManager().join(AnalyzeJob.ReportJob.FAMILY, null);
        long rerun = System.currentTimeMillis() - t0;
        Ui.drain();
        assertEquals(DemoCase.expectedCounts(), again.result().result().counts());
        assertEquals(List.of(0), CaseFolder.open(caseDir).data().ticked("strategy.restart"));
        System.out.println("demo: re-analysis with the scan cache took " + rerun + " ms");

        // Export writes the same three reports as the CLI
        Path out = tmp.resolve("export");
        Handlers.export(out).join();
        for (String f : List.of("report.json", "report.html", "mismatches.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        IViewPart v = Ui.page().findView(viewId);
        if (v != null) Ui.page().hideView(v);
        Ui.session().open(null);
    }
}
