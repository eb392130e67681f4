package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.demo.RealScenario;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.ReconcilePerspective;
import org.photoparity.ui.prefs.UiPrefs;
import org.photoparity.ui.session.AnalyzeJob;

/**
 * Run by the ui.tests pom's second execution, in a workbench started with the dark theme (-cssTheme): the Progress
 * view's job row is dark like the rest of the workbench, its texts light. Checked on the pixels the screen shows
 * (seen before: a white row with dark text in the dark workbench). The row's picture goes to
 * {@code -Dphotoparity.uiShots=DIR} when given.
 */
class DarkThemeUiTest {

    @TempDir
    Path tmp;

    @AfterEach
    void reset() {
        Ui.settleJobs();
        Ui.session().open(null);
        Ui.drain();
    }

    @Test
    void theProgressViewsJobRowIsDarkInTheDarkTheme() throws Exception {
        IThemeEngine engine = PlatformUI.getWorkbench().getService(IThemeEngine.class);
        assertNotNull(engine);
        assertNotNull(engine.getActiveTheme(), "a theme is active");
        assertEquals(UiPrefs.THEME_DARK, engine.getActiveTheme().getId(), "this workbench started in the dark theme");

        RealScenario.Built real = RealScenario.generate(Ui.realFixtures(), tmp.resolve("real"),
                RealScenario.Format.FOLDERS);
        Path device = real.root().resolve("device");
        ProgressViewUiTest.plant(device, ProgressViewUiTest.PLANTED);
        CaseFolder c = CaseFolder.create(tmp.resolve("case-dark"), CaseData.named("dark").withSources(
                List.of(device.toString()), List.of(real.root().resolve("cloud").toString())));

        Ui.page().showView(ReconcilePerspective.PROGRESS);
        AnalyzeJob job = CaseActions.open(c, true);
        ProgressViewUiTest.Row[] row = new ProgressViewUiTest.Row[1];
        Ui.waitUntil("the analysis's row in the Progress view", 60_000, () -> {
            if (job.getResult() != null) throw new AssertionError("the analysis ended first: " + job.getResult());
            for (ProgressViewUiTest.Row r : ProgressViewUiTest.rows()) {
                if (r.title().equals(job.getName()) && ProgressViewUiTest.SCANNING.matcher(r.taskText()).find()) {
                    row[0] = r;
                    return true;
                }
            }
            return false;
        });
        Ui.drain();
        Control item = row[0].item();
        item.redraw();
        item.update();
        ImageData shot = grab(item);
        save(shot, "progress-row-dark.png");
        Job.getJobManager().cancel(AnalyzeJob.FAMILY);

        // what the row is painted with: the background (the commonest colour) and the text (the lightest)
        RGB background = commonest(shot);
        assertTrue(luminance(background) < 0.3, "the row's background is dark: " + background);
        for (Control k : item.getParent().getChildren()) {
            if (k == item || !k.getClass().getSimpleName().equals("ProgressInfoItem")) continue;
            // every row alike (rows alternate colours in Eclipse's default theme)
            assertTrue(luminance(commonest(grab(k))) < 0.3, "another row is dark too");
        }
        for (Control k : ((org.eclipse.swt.widgets.Composite) item).getChildren()) {
            if (k instanceof Link l) {
                assertTrue(luminance(l.getForeground().getRGB()) > 0.6, "the task text is light: "
                        + l.getForeground().getRGB());
                assertTrue(luminance(l.getBackground().getRGB()) < 0.3, "on a dark ground: " + l.getBackground());
            }
        }
        assertTrue(luminance(lightest(shot)) > 0.6, "light text is painted on the row");
    }

    /** The pixels the screen shows for {@code c}. */
    static ImageData grab(Control c) {
        Display d = c.getDisplay();
        Point at = c.toDisplay(0, 0);
        Point size = c.getSize();
        Image img = new Image(d, Math.max(1, size.x), Math.max(1, size.y));
        GC gc = new GC(d);
        try {
            gc.copyArea(img, at.x, at.y);
        } finally {
            gc.dispose();
        }
        ImageData data = img.getImageData();
        img.dispose();
        return data;
    }

    static RGB commonest(ImageData data) {
        java.util.Map<RGB, Integer> counts = new java.util.HashMap<>();
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) counts.merge(data.palette.getRGB(data.getPixel(x, y)), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    static RGB lightest(ImageData data) {
        RGB best = new RGB(0, 0, 0);
        for (int y = 0; y < data.height; y++) {
            for (int x = 0; x < data.width; x++) {
                RGB p = data.palette.getRGB(data.getPixel(x, y));
                if (luminance(p) > luminance(best)) best = p;
            }
        }
        return best;
    }

    /** Relative luminance, 0 (black) to 1 (white). */
    static double luminance(RGB c) {
        return (0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue) / 255.0;
    }

    /** Writes the picture to -Dphotoparity.uiShots=DIR (temp file, then renamed), when given. */
    static void save(ImageData data, String name) throws Exception {
        String dir = System.getProperty("photoparity.uiShots", "");
        if (dir.isBlank()) return;
        Path out = Files.createDirectories(Path.of(dir));
        ImageLoader l = new ImageLoader();
        l.data = new ImageData[] {data};
        Path part = out.resolve("." + name + ".tmp");
        l.save(part.toString(), SWT.IMAGE_PNG);
        Files.move(part, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
