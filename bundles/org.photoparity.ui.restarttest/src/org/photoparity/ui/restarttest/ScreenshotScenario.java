package org.photoparity.ui.restarttest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

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
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.photoparity.cases.CaseFolder;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
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
import org.photoparity.ui.views.SummaryView;
import org.photoparity.ui.wizards.NewCaseWizard;

/**
 * Takes the README's screenshots (1280x800, light and dark) in the real product, with exactly the fixes the product
 * ships: releng/screenshots/take.sh starts the workbench with {@code -Dphotoparity.screenshots=DIR},
 * {@code -Dphotoparity.screenshots.fixtures=DIR} (the real iPhone photos), {@code -Dphotoparity.screenshots.work=DIR}
 * (where the cases are built from copies) and {@code -Dphotoparity.screenshots.theme=light|dark} (light also takes
 * the general shots on the demo case). Inert otherwise. Writes DIR/*.png and DIR/shots.txt ("ok=true" or the
 * error), then closes the workbench.
 */
public final class ScreenshotScenario implements IStartup {

    static final String OUT = "photoparity.screenshots";

    private Path out;
    private Path fixtures;
    private Path work;

    @Override
    public void earlyStartup() {
        String dir = System.getProperty(OUT, "");
        if (dir.isBlank()) return;
        out = Path.of(dir);
        fixtures = Path.of(System.getProperty(OUT + ".fixtures", "../shared/fixtures/real/photos"));
        work = Path.of(System.getProperty(OUT + ".work", System.getProperty("java.io.tmpdir")));
        IWorkbench wb = PlatformUI.getWorkbench();
        Display display = wb.getDisplay();
        String[] result = {"ok=true"};
        display.syncExec(() -> {
            try {
                run();
            } catch (Throwable t) {
                StringWriter sw = new StringWriter();
                t.printStackTrace(new PrintWriter(sw));
                result[0] = "error=" + sw.toString().replace("\n", "\\n");
            }
        });
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("shots.txt"), result[0] + "\n", StandardCharsets.UTF_8);
        } catch (Exception e) {
            e.printStackTrace();
        }
        display.asyncExec(wb::close);
    }

    private void run() throws Exception {
        Shell shell = page().getWorkbenchWindow().getShell();
        shell.setBounds(0, 0, 1280, 800);
        page().resetPerspective();
        // one theme per start (take.sh starts twice): the product applies a theme change at start-up only
        boolean dark = "dark".equals(System.getProperty(OUT + ".theme"));
        theme(dark ? UiPrefs.THEME_DARK : UiPrefs.THEME_LIGHT);
        if (!dark) general(shell);
        themed(shell, dark ? "-dark" : "");
        CaseSession.current().open(null);
        page().resetPerspective();
    }

    /** The demo case: the workbench, Probes, Plug-ins with grouped mismatches, the New Case wizard. */
    private void general(Shell shell) throws Exception {
        // the demo case: the general views
        DemoCase.Demo demo = DemoCase.create(work.resolve("demo"));
        List<String> info = new ArrayList<>();
        demo.ideviceinfo().forEach((k, v) -> info.add(k + "=" + v));
        CaseFolder c = NewCaseWizard.create(new NewCaseWizard.Inputs("Demo: iPhone 11 vs iCloud",
                work.resolve("cases/demo"), List.of(demo.device().toString()), List.of(demo.cloud().toString()),
                info, null, demo.answers(), Map.of(), true));
        analyse(c);
        MismatchesView m = show(MismatchesView.ID, MismatchesView.class);
        table(m, ViewState.DEFAULT);
        int row = 0;
        for (int i = 0; i < m.tableRows(); i++) {
            if (m.mismatchAt(i) != null && m.mismatchAt(i).category() == Category.CONVERTED) row = i;
        }
        m.table().setSelection(row);
        m.openInCompare(row);
        CompareView cv = find(CompareView.ID, CompareView.class);
        waitUntil("previews", 30_000, () -> cv.hasPreviewImage(0) && cv.hasPreviewImage(1));
        page().activate(page().findView(MismatchesView.ID));
        shot(shell, "workbench");
        page().showView(ProbesView.ID);
        shot(shell, "probes");
        page().showView(PluginsView.ID);
        table(m, ViewState.DEFAULT.withGrouping(Grouping.CATEGORY).withFilter(Filter.NONE));
        shot(shell, "plugins-and-grouped-mismatches");
        table(m, ViewState.DEFAULT);

        NewCaseWizard w = new NewCaseWizard();
        WizardDialog dialog = new WizardDialog(shell, w);
        dialog.setBlockOnOpen(false);
        dialog.setPageSize(680, 400);
        dialog.open();
        w.sourcesPage().fill("Anna's iPhone 7", work.resolve("cases/anna"),
                List.of(work.resolve("real/device").toString(), "/media/anna/iPhone/DCIM"),
                List.of(demo.cloud().toString()));
        shot(dialog.getShell(), "new-case-wizard");
        dialog.close();
    }

    /**
     * A case of real iPhone photos: Summary with causes, Compare HEIC/JPEG, a fix's answers, and the Progress view
     * during an analysis.
     */
    private void themed(Shell shell, String suffix) throws Exception {
        Path real = realCase();
        Path many = manyCopies();
        {
            page().resetPerspective();
            CaseFolder rc = NewCaseWizard.create(new NewCaseWizard.Inputs("Anna's iPhone 7",
                    work.resolve("cases/anna" + suffix), List.of(real.resolve("device").toString()),
                    List.of(real.resolve("cloud").toString()), List.of(), null, null, Map.of(), true));
            Files.writeString(rc.answersFile(), "low_power_mode=yes\nicloud_photos_on=yes\napple_id_matches=yes\n");
            analyse(rc);
            show(SummaryView.ID, SummaryView.class);
            shot(shell, "summary-causes" + suffix);

            MismatchesView mv = show(MismatchesView.ID, MismatchesView.class);
            table(mv, ViewState.DEFAULT);
            int pair = -1;
            for (int i = 0; i < mv.tableRows(); i++) {
                Mismatch mm = mv.mismatchAt(i);
                if (mm == null || mm.deviceAssets().isEmpty() || mm.cloudAssets().isEmpty()) continue;
                MediaFile d = mm.deviceAssets().get(0).primary(), k = mm.cloudAssets().get(0).primary();
                if (d != null && k != null && d.format() == MediaFormat.HEIC && k.format() == MediaFormat.JPEG) pair = i;
            }
            if (pair < 0) throw new IllegalStateException("no HEIC/JPEG pair in the real case");
            mv.openInCompare(pair);
            CompareView compare = find(CompareView.ID, CompareView.class);
            IViewReference ref = page().findViewReference(CompareView.ID);
            page().setPartState(ref, IWorkbenchPage.STATE_MAXIMIZED);
            waitUntil("real previews", 60_000, () -> compare.hasPreviewImage(0) && compare.hasPreviewImage(1));
            shot(shell, "compare-heic-jpeg" + suffix);
            page().setPartState(ref, IWorkbenchPage.STATE_RESTORED);

            String fix = StrategyViewFactory.viewIdFor("strategy.settings");
            if (fix != null) {
                org.photoparity.ui.views.StrategyView sv = show(fix, org.photoparity.ui.views.StrategyView.class);
                pump(300);
                if (!"yes".equals(sv.shownAnswer("icloud_photos_on"))) {
                    throw new IllegalStateException("the fix view shows '" + sv.shownAnswer("icloud_photos_on")
                            + "' for icloud_photos_on; the case's answers: " + CaseSession.current().answers()
                            + " in " + CaseSession.current().caseFolder());
                }
                shot(shell, "fix-answers" + suffix);
            }

            // the Progress view while a larger case (copies of the real photos) is analysed from scratch
            CaseFolder big = NewCaseWizard.create(new NewCaseWizard.Inputs("Anna's iPhone 7, whole library",
                    work.resolve("cases/many" + suffix), List.of(many.resolve("device").toString()),
                    List.of(many.resolve("cloud").toString()), List.of(), null, null, Map.of(), false));
            CaseActions.open(big, true);
            page().showView("org.eclipse.ui.views.ProgressView");
            // mid-scan, with a count: "Scanning 1,234 of 3,005 files (device)"
            waitUntil("the scan to be under way", 60_000, () -> Job.getJobManager().find(AnalyzeJob.FAMILY).length > 0
                    && CaseSession.current().analysis().text().matches("Scanning [1-9].*"));
            pump(250); // the Progress view paints its row
            if (Job.getJobManager().find(AnalyzeJob.FAMILY).length == 0) {
                throw new IllegalStateException("the analysis ended before the Progress view could be shown");
            }
            shotNow(shell, "progress" + suffix);
            waitUntil("the analysis", 300_000, () -> Job.getJobManager().find(AnalyzeJob.FAMILY).length == 0);
            pump(200);
        }
    }

    /** Real iPhone photos: the HEIC on the device, its JPEG download (heif-convert + exiftool) in the cloud. */
    private Path realCase() throws Exception {
        Path root = work.resolve("real");
        Path dev = Files.createDirectories(root.resolve("device/DCIM/100APPLE"));
        Path cld = Files.createDirectories(root.resolve("cloud"));
        for (String n : List.of("iphone_7.heic=>IMG_0007.HEIC", "IMG_4580.HEIC=>IMG_4580.HEIC",
                "IMG_4580.mov=>IMG_4580.MOV", "IMG_0658.JPG=>IMG_0658.JPG", "train.jpg=>IMG_0900.JPG")) {
            String[] p = n.split("=>");
            Files.copy(fixtures.resolve(p[0]), dev.resolve(p[1]));
        }
        Files.copy(fixtures.resolve("IMG_0658.JPG"), cld.resolve("IMG_0658.JPG"));
        Path jpg = cld.resolve("IMG_0007.JPG");
        exec("heif-convert", "--quiet", "-q", "90", dev.resolve("IMG_0007.HEIC").toString(), jpg.toString());
        exec("exiftool", "-q", "-overwrite_original", "-TagsFromFile", dev.resolve("IMG_0007.HEIC").toString(),
                "-all:all", jpg.toString());
        return root;
    }

    /**
     * 600 copies of each real photo on the device (hard links to the cloud's copy, so no disk is used), the
     * originals in the cloud: an analysis long enough to be seen mid-scan.
     */
    private Path manyCopies() throws Exception {
        Path root = work.resolve("many");
        Path cld = Files.createDirectories(root.resolve("cloud"));
        int n = 1000;
        for (String f : List.of("iphone_7.heic", "IMG_4580.HEIC", "IMG_0658.JPG", "train.jpg", "Apple iPhone 6.jpg")) {
            String ext = f.substring(f.lastIndexOf('.')).toUpperCase(java.util.Locale.ROOT);
            Path original = cld.resolve("IMG_" + n + ext);
            Files.copy(fixtures.resolve(f), original);
            Path dev = Files.createDirectories(root.resolve("device/DCIM/" + (100 + n / 1000) + "APPLE"));
            for (int i = 0; i < 600; i++) {
                Path copy = dev.resolve(String.format("IMG_%04d%s", n % 1000 + i, ext));
                try {
                    Files.createLink(copy, original);
                } catch (UnsupportedOperationException | java.io.IOException e) {
                    Files.copy(original, copy);
                }
            }
            n += 1000;
        }
        return root;
    }

    private static void exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed");
    }

    private static void analyse(CaseFolder c) {
        CaseActions.open(c, true);
        waitUntil("the analysis", 120_000, () -> Job.getJobManager().find(AnalyzeJob.FAMILY).length == 0
                && CaseSession.current().result() != null);
    }

    private static void table(MismatchesView m, ViewState s) throws InterruptedException {
        Job j = m.applyState(s);
        if (j != null) {
            waitUntil("the table", 30_000, () -> j.getResult() != null);
        }
        waitUntil("the table", 30_000, () -> !m.isBusy());
    }

    private static void theme(String theme) {
        UiPrefs.store().setValue(UiPrefs.THEME, theme);
        AppearancePage.applyTheme(theme);
        pump(200);
    }

    private void shot(Shell shell, String name) throws Exception {
        shell.getDisplay().setCursorLocation(1279, 799); // no tooltip in the picture
        pump(1000);
        shotNow(shell, name);
    }

    private void shotNow(Shell shell, String name) throws Exception {
        Display d = shell.getDisplay();
        Rectangle b = shell.getBounds();
        Image img = new Image(d, b.width, b.height);
        GC gc = new GC(d);
        gc.copyArea(img, b.x, b.y);
        gc.dispose();
        ImageData data = img.getImageData();
        img.dispose();
        // without a window manager (Xvfb) the rows of the shell below its status line stay black: leave them out
        int h = data.height;
        while (h > 1 && blackRow(data, h - 1)) h--;
        if (h < data.height) {
            Image cropped = new Image(d, b.width, h);
            GC cg = new GC(d);
            cg.copyArea(cropped, b.x, b.y);
            cg.dispose();
            data = cropped.getImageData();
            cropped.dispose();
        }
        ImageLoader l = new ImageLoader();
        l.data = new ImageData[] {data};
        Files.createDirectories(out);
        Path tmp = out.resolve("." + name + ".png.tmp");
        l.save(tmp.toString(), SWT.IMAGE_PNG);
        Files.move(tmp, out.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean blackRow(ImageData data, int y) {
        for (int x = 0; x < data.width; x++) {
            org.eclipse.swt.graphics.RGB rgb = data.palette.getRGB(data.getPixel(x, y));
            if (rgb.red != 0 || rgb.green != 0 || rgb.blue != 0) return false;
        }
        return true;
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static <T> T show(String id, Class<T> type) throws Exception {
        T t = page().showView(id).getAdapter(type);
        if (t == null) throw new IllegalStateException(id + " is not a " + type.getSimpleName());
        return t;
    }

    private static <T> T find(String id, Class<T> type) {
        var v = page().findView(id);
        return v == null ? null : v.getAdapter(type);
    }

    /** Runs the event loop (this runs on the UI thread) until the condition holds. */
    private static void waitUntil(String what, long millis, BooleanSupplier condition) {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new IllegalStateException("timed out waiting for " + what);
            if (!d.readAndDispatch()) sleep(5);
        }
    }

    /** Runs the event loop for about {@code millis}. */
    private static void pump(long millis) {
        Display d = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!d.readAndDispatch()) sleep(10);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
