package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.cases.CaseFolder;
import org.photoparity.core.model.Category;
import org.photoparity.demo.DemoCase;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.prefs.AppearancePage;
import org.photoparity.ui.prefs.UiPrefs;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.table.MismatchRows.Filter;
import org.photoparity.ui.table.MismatchRows.Grouping;
import org.photoparity.ui.table.ViewState;
import org.photoparity.ui.views.CompareView;
import org.photoparity.ui.views.MismatchesView;
import org.photoparity.ui.views.PluginsView;
import org.photoparity.ui.views.ProbesView;
import org.photoparity.ui.views.StrategyViewFactory;
import org.photoparity.ui.wizards.NewCaseWizard;

/**
 * Writes the README's screenshots (1280x800) of the workbench on the demo case. Runs only when the system property
 * photoparity.screenshots names the output folder.
 */
@EnabledIfSystemProperty(named = "photoparity.screenshots", matches = ".+")
class ScreenshotsUiTest {

    @TempDir
    Path tmp;

    static void shot(Shell shell, String name) throws Exception {
        Display d = shell.getDisplay();
        d.setCursorLocation(1279, 799); // no tooltip in the picture
        for (int i = 0; i < 20; i++) {
            Ui.drain();
            Thread.sleep(50);
        }
        Rectangle b = shell.getBounds();
        Image img = new Image(d, b.width, b.height);
        GC gc = new GC(d);
        gc.copyArea(img, b.x, b.y);
        gc.dispose();
        ImageData data = img.getImageData();
        img.dispose();
        ImageLoader l = new ImageLoader();
        l.data = new ImageData[] { data };
        Path dir = Path.of(System.getProperty("photoparity.screenshots"));
        Files.createDirectories(dir);
        l.save(dir.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        assertTrue(Files.size(dir.resolve(name + ".png")) > 1000);
    }

    @Test
    void writeScreenshots() throws Exception {
        Shell shell = Ui.page().getWorkbenchWindow().getShell();
        shell.setBounds(0, 0, 1280, 800);
        Ui.page().resetPerspective();
        DemoCase.Demo demo = DemoCase.create(tmp.resolve("demo"));
        List<String> info = new ArrayList<>();
        demo.ideviceinfo().forEach((k, v) -> info.add(k + "=" + v));
        CaseFolder c = NewCaseWizard.create(new NewCaseWizard.Inputs("Demo: iPhone 11 vs iCloud", tmp.resolve("case"),
                List.of(demo.device().toString()), List.of(demo.cloud().toString()), info, null, demo.answers(),
                java.util.Map.of(), true));
        CaseActions.open(c, true);
        Job.getJobManager().join(AnalyzeJob.FAMILY, null);
        Ui.waitUntil("the analysis", 30_000, () -> Ui.session().result() != null);

        MismatchesView m = Ui.show(MismatchesView.ID, MismatchesView.class);
        Job j = m.applyState(ViewState.DEFAULT);
        if (j != null) j.join();
        Ui.waitUntil("the table", 10_000, () -> !m.isBusy());
        int row = 0;
        for (int i = 0; i < m.tableRows(); i++) if (m.mismatchAt(i).category() == Category.CONVERTED) row = i;
        m.table().setSelection(row);
        m.openInCompare(row);
        CompareView cv = Ui.find(CompareView.ID, CompareView.class);
        Ui.waitUntil("previews", 10_000, () -> cv.hasPreviewImage(0) && cv.hasPreviewImage(1));
        Ui.page().activate(Ui.page().findView(MismatchesView.ID));
        shot(shell, "workbench");

        Ui.page().showView(ProbesView.ID);
        shot(shell, "probes");

        String fix = StrategyViewFactory.viewIdFor("strategy.icloudstorage");
        if (fix == null) fix = StrategyViewFactory.viewIdFor("strategy.restart");
        Ui.page().showView(fix);
        shot(shell, "strategy");

        Ui.page().showView(PluginsView.ID);
        j = m.applyState(ViewState.DEFAULT.withGrouping(Grouping.CATEGORY).withFilter(Filter.NONE));
        if (j != null) j.join();
        Ui.waitUntil("the grouped table", 10_000, () -> !m.isBusy());
        shot(shell, "plugins-and-grouped-mismatches");

        NewCaseWizard w = new NewCaseWizard();
        WizardDialog dialog = new WizardDialog(shell, w);
        dialog.setBlockOnOpen(false);
        dialog.setPageSize(640, 380);
        dialog.open();
        w.sourcesPage().fill("Anna's iPhone 13", tmp.resolve("anna"), List.of("/media/anna/iPhone/DCIM"),
                List.of("/home/tech/Downloads/iCloud Photos Part 1 of 2.zip",
                        "/home/tech/Downloads/iCloud Photos Part 2 of 2.zip"));
        shot(dialog.getShell(), "new-case-wizard");
        dialog.close();

        Ui.page().showView(org.photoparity.ui.views.SummaryView.ID);
        UiPrefs.store().setValue(UiPrefs.THEME, UiPrefs.THEME_DARK);
        AppearancePage.applyTheme(UiPrefs.THEME_DARK);
        shot(shell, "dark");
        UiPrefs.store().setValue(UiPrefs.THEME, UiPrefs.THEME_LIGHT);
        AppearancePage.applyTheme(UiPrefs.THEME_LIGHT);
        Ui.drain();

        issueShots(shell, "", UiPrefs.THEME_LIGHT);
        issueShots(shell, "-dark", UiPrefs.THEME_DARK);
        UiPrefs.store().setValue(UiPrefs.THEME, UiPrefs.THEME_LIGHT);
        AppearancePage.applyTheme(UiPrefs.THEME_LIGHT);
        Ui.drain();
        Ui.session().open(null);
        Ui.page().resetPerspective();
        Set.of();
    }

    /**
     * A real HEIC/JPEG pair: the iPhone's HEIC on the device side, the JPEG a download makes of it (heif-convert, with
     * the HEIC's metadata copied by exiftool) on the cloud side, plus other real photos; copies in a temp folder.
     */
    private Path realCase(String suffix) throws Exception {
        Path dev = tmp.resolve("real" + suffix + "/device/DCIM/100APPLE");
        Path cld = tmp.resolve("real" + suffix + "/cloud");
        Files.createDirectories(dev);
        Files.createDirectories(cld);
        Path shared = Path.of("/work/shared/fixtures/real/photos");
        for (String n : List.of("iphone_7.heic=>IMG_0007.HEIC", "IMG_4580.HEIC=>IMG_4580.HEIC",
                "IMG_4580.mov=>IMG_4580.MOV", "IMG_0658.JPG=>IMG_0658.JPG", "train.jpg=>IMG_0900.JPG")) {
            String[] p = n.split("=>");
            Files.copy(shared.resolve(p[0]), dev.resolve(p[1]));
        }
        Files.copy(shared.resolve("IMG_0658.JPG"), cld.resolve("IMG_0658.JPG"));
        Path jpg = cld.resolve("IMG_0007.JPG");
        new ProcessBuilder("heif-convert", "--quiet", "-q", "90", dev.resolve("IMG_0007.HEIC").toString(), jpg.toString())
                .inheritIO().start().waitFor();
        new ProcessBuilder("exiftool", "-q", "-overwrite_original", "-TagsFromFile", dev.resolve("IMG_0007.HEIC")
                .toString(), "-all:all", jpg.toString()).inheritIO().start().waitFor();
        return tmp.resolve("real" + suffix);
    }

    /** The README's shots of issue 14: Summary with causes, Compare on HEIC/JPEG, a fix view's answers, Progress. */
    private void issueShots(Shell shell, String suffix, String theme) throws Exception {
        UiPrefs.store().setValue(UiPrefs.THEME, theme);
        AppearancePage.applyTheme(theme);
        Ui.page().resetPerspective();
        Path real = realCase(suffix);
        CaseFolder c = NewCaseWizard.create(new NewCaseWizard.Inputs("Anna's iPhone 7", tmp.resolve("case-real" + suffix),
                List.of(real.resolve("device").toString()), List.of(real.resolve("cloud").toString()), List.of(), null,
                null, java.util.Map.of(), true));
        Files.writeString(c.answersFile(), "low_power_mode=yes\nicloud_photos_on=yes\napple_id_matches=yes\n");
        CaseActions.open(c, true);
        Job.getJobManager().join(AnalyzeJob.FAMILY, null);
        Ui.waitUntil("the analysis", 60_000, () -> Ui.session().result() != null);
        Ui.show(org.photoparity.ui.views.SummaryView.ID, org.photoparity.ui.views.SummaryView.class);
        shot(shell, "summary-causes" + suffix);

        MismatchesView m = Ui.show(MismatchesView.ID, MismatchesView.class);
        Job j = m.applyState(ViewState.DEFAULT);
        if (j != null) j.join();
        Ui.waitUntil("the table", 10_000, () -> !m.isBusy());
        int row = -1;
        for (int i = 0; i < m.tableRows(); i++) {
            var mm = m.mismatchAt(i);
            if (mm == null || mm.deviceAssets().isEmpty() || mm.cloudAssets().isEmpty()) continue;
            var d = mm.deviceAssets().get(0).primary();
            var k = mm.cloudAssets().get(0).primary();
            if (d != null && k != null && d.format() == org.photoparity.core.model.MediaFormat.HEIC
                    && k.format() == org.photoparity.core.model.MediaFormat.JPEG) row = i;
        }
        assertTrue(row >= 0, "a HEIC/JPEG pair in the real case");
        m.openInCompare(row);
        CompareView cv = Ui.find(CompareView.ID, CompareView.class);
        Ui.waitUntil("real previews", 60_000, () -> cv.hasPreviewImage(0) && cv.hasPreviewImage(1));
        Ui.page().activate(Ui.page().findView(CompareView.ID));
        var compareRef = Ui.page().findViewReference(CompareView.ID);
        Ui.page().setPartState(compareRef, org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        Ui.waitUntil("real previews", 60_000, () -> cv.hasPreviewImage(0) && cv.hasPreviewImage(1));
        shot(shell, "compare-heic-jpeg" + suffix);
        Ui.page().setPartState(compareRef, org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);

        String fix = StrategyViewFactory.viewIdFor("strategy.settings");
        if (fix != null) {
            Ui.page().showView(fix);
            Ui.drain();
            shot(shell, "fix-answers" + suffix);
        }

        org.photoparity.ui.tests.fixtures.SlowProbe.reached = false;
        org.photoparity.ui.tests.fixtures.SlowProbe.hold = true;
        try {
            CaseActions.analyze();
            Ui.page().showView("org.eclipse.ui.views.ProgressView");
            Ui.waitUntil("the analysis to be under way", 60_000, () -> org.photoparity.ui.tests.fixtures.SlowProbe.reached);
            shot(shell, "progress" + suffix);
        } finally {
            org.photoparity.ui.tests.fixtures.SlowProbe.hold = false;
        }
        Job.getJobManager().join(AnalyzeJob.FAMILY, null);
        Ui.drain();
        Ui.session().open(null);
    }
}
