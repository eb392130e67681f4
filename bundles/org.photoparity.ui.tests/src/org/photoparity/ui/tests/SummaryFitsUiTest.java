package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.table.MismatchRows;
import org.photoparity.ui.views.SummaryView;

/**
 * The Summary in the default perspective of a 1280x800 window shows every category that has mismatches, its bar and
 * its count, without scrolling: seen, only 2 of the demo case's 9 bars were on screen, the losses among those below.
 */
class SummaryFitsUiTest {

    @TempDir
    Path tmp;

    private Rectangle before;

    @AfterEach
    void reset() {
        Ui.settleJobs();
        Ui.session().open(null);
        Ui.restoreLayout(before);
    }

    @Test
    void everyCategoryWithMismatchesHasItsBarOnScreenAt1280x800() throws Exception {
        before = Ui.at1280x800();
        AnalyzeJob job = CaseActions.open(Ui.demoCase(tmp, "fits"), true);
        job.join(60_000, null);
        Ui.waitUntil("the demo's results", 30_000, job::delivered);
        SummaryView summary = Ui.show(SummaryView.ID, SummaryView.class);
        Ui.drain();
        Map<Category, Long> counts = Ui.session().result().counts();
        assertEquals(Category.values().length, counts.values().stream().filter(v -> v > 0).count(),
                "the demo case has a mismatch of each category: " + counts);
        Control chart = summary.chart();
        assertTrue(chart.isVisible(), "the Summary is the view shown");
        int textHeight = textHeight(chart);
        for (Category c : Category.values()) {
            if (counts.get(c) == 0) continue;
            Rectangle bar = summary.barBounds(c);
            assertNotNull(bar, c + " has a bar");
            Ui.assertOnScreen(chart, bar, c + "'s bar");
            assertTrue(bar.height >= textHeight, c + "'s row is " + bar.height + " px, its words " + textHeight);
            Rectangle count = summary.countBounds(c);
            assertNotNull(count, c + "'s count");
            assertTrue(bar.contains(count.x, count.y) && bar.contains(count.x + count.width - 1,
                    count.y + count.height - 1), c + "'s count " + count + " is in its row " + bar);
            Ui.assertOnScreen(chart, count, c + "'s count");
        }
    }

    /**
     * A Summary too small for nine rows (a narrow, low view): the categories with mismatches keep their bars and
     * counts on screen, those without are named on one quiet line.
     */
    @Test
    void aSmallSummaryFoldsTheEmptyCategoriesIntoOneQuietLine() {
        Shell shell = new Shell(Ui.page().getWorkbenchWindow().getShell());
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(760, 260);
            CaseSession session = new CaseSession();
            SummaryView summary = new SummaryView(session);
            summary.create(new Composite(shell, 0));
            shell.open();
            ReconcileResult r = Synthetic.result(80);
            List<Mismatch> some = new ArrayList<>();
            for (Mismatch m : r.mismatches()) {
                if (m.category() == Category.MISSING_IN_CLOUD || m.category() == Category.CONVERTED
                        || m.category() == Category.METADATA_DRIFT) {
                    some.add(m);
                }
            }
            session.analysed(new ReconcileResult(r.device(), r.cloud(), r.identical(), some, r.matchedBy()), List.of(),
                    null, List.of());
            Ui.drain();
            Map<Category, Long> counts = session.result().counts();
            List<String> none = new ArrayList<>();
            for (Category c : Category.values()) {
                if (counts.get(c) == 0) {
                    assertNull(summary.barBounds(c), c + " has no mismatches: no bar");
                    none.add(MismatchRows.phrase(c));
                } else {
                    Ui.assertOnScreen(summary.chart(), summary.barBounds(c), c + "'s bar");
                    Ui.assertOnScreen(summary.chart(), summary.countBounds(c), c + "'s count");
                }
            }
            assertEquals(6, none.size());
            assertEquals("None: " + String.join(", ", none), summary.quietLine());
            Ui.assertOnScreen(summary.chart(), summary.quietLineBounds(), "the quiet line");
            summary.dispose();
        } finally {
            shell.dispose();
        }
    }

    private static int textHeight(Control c) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(c);
        try {
            gc.setFont(org.eclipse.jface.resource.JFaceResources.getDefaultFont());
            return gc.textExtent("M").y;
        } finally {
            gc.dispose();
        }
    }
}
