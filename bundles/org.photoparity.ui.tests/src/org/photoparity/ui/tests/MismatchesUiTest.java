package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IViewPart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.ui.table.MismatchRows.Column;
import org.photoparity.ui.table.MismatchRows.Filter;
import org.photoparity.ui.table.MismatchRows.Grouping;
import org.photoparity.ui.table.MismatchRows.Sort;
import org.photoparity.ui.table.ViewState;
import org.photoparity.ui.views.CompareView;
import org.photoparity.ui.views.MismatchesView;
import org.photoparity.ui.views.SummaryView;

/** The Mismatches table on 100,000 synthetic rows: smooth, filterable, sortable, groupable, and it remembers. */
class MismatchesUiTest {

    static final int N = 100_000;
    static ReconcileResult result;

    @BeforeAll
    static void load() {
        result = Synthetic.result(N);
        Ui.session().open(null);
        Ui.session().analysed(result, List.of(), null, List.of());
    }

    @AfterAll
    static void reset() throws Exception {
        MismatchesView v = Ui.show(MismatchesView.ID, MismatchesView.class);
        join(v.applyState(ViewState.DEFAULT), v);
        Ui.session().open(null);
    }

    /** Each test starts from the same session and view state, whatever ran before. */
    @org.junit.jupiter.api.BeforeEach
    void fresh() throws Exception {
        if (Ui.session().result() != result || Ui.session().hasCase()) {
            Ui.session().open(null);
            Ui.session().analysed(result, List.of(), null, List.of());
        }
        MismatchesView v = view();
        join(v.applyState(ViewState.DEFAULT), v);
    }

    static MismatchesView view() throws Exception {
        MismatchesView v = Ui.show(MismatchesView.ID, MismatchesView.class);
        Ui.waitUntil("the table to fill", 30_000, () -> !v.isBusy());
        return v;
    }

    static void join(Job j, MismatchesView v) throws InterruptedException {
        if (j != null) j.join(30_000, null);
        Ui.waitUntil("the table to update", 30_000, () -> !v.isBusy());
        Ui.drain();
    }

    @Test
    void showsAllRowsVirtuallyAndScrollsFast() throws Exception {
        long t0 = System.nanoTime();
        MismatchesView v = view();
        join(v.applyState(ViewState.DEFAULT), v);
        long fill = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(N, v.shownCount());
        assertEquals(N, v.table().getItemCount());
        // jump around the table: each screenful is rendered on demand
        long t1 = System.nanoTime();
        for (int top : new int[] { 0, 25_000, 50_000, 99_950, 12_345 }) {
            v.table().setTopIndex(top);
            for (int i = top; i < Math.min(N, top + 40); i++) assertTrue(!v.cellText(i, Column.DEVICE).isEmpty()
                    || v.mismatchAt(i).category() == Category.MISSING_ON_DEVICE);
            Ui.drain();
        }
        long scroll = (System.nanoTime() - t1) / 1_000_000;
        System.out.println("mismatches: 100000 rows filled in " + fill + " ms; 5 jumps x 40 rows in " + scroll + " ms");
        assertTrue(scroll < 3_000, "rendering 200 rows took " + scroll + " ms");
        // sorted by category, then by input order
        assertEquals("Missing in iCloud", v.cellText(0, Column.CATEGORY));
        assertEquals("DCIM/100APPLE/IMG_00000.HEIC", v.cellText(0, Column.DEVICE));
    }

    @Test
    void filtersByCategoryKindDateAndText() throws Exception {
        MismatchesView v = view();
        join(v.applyState(ViewState.DEFAULT), v);
        join(v.setFilter(new Filter(Set.of(Category.REDUCED), Set.of(), null, null, "")), v);
        assertEquals(N / 8, v.shownCount());
        for (int i = 0; i < 50; i++) assertEquals(Category.REDUCED, v.mismatchAt(i).category());

        // CONVERTED is i % 8 == 2; VIDEO is i % 10 == 0: both when i % 40 == 10 -> 2,500
        join(v.setFilter(new Filter(Set.of(Category.CONVERTED), Set.of(AssetKind.VIDEO), null, null, "")), v);
        assertEquals(N / 40, v.shownCount());

        // 1-3 February: i % 28 in {0, 1, 2}; 100000 = 3571 * 28 + 12 -> 3 * 3572
        join(v.setFilter(new Filter(Set.of(), Set.of(), LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 3), "")), v);
        assertEquals(3 * 3572, v.shownCount());

        join(v.setFilter(Filter.NONE.withText("img_0123")), v); // IMG_01230..IMG_01239, case-insensitive
        assertEquals(10, v.shownCount());
        join(v.setFilter(Filter.NONE), v);
        assertEquals(N, v.shownCount());
    }

    @Test
    void typingInTheSearchFieldFilters() throws Exception {
        MismatchesView v = view();
        join(v.applyState(ViewState.DEFAULT), v);
        org.eclipse.swt.widgets.Text search = Ui.find(v.table().getParent(), org.eclipse.swt.widgets.Text.class).get(0);
        search.setText("IMG_9999");
        Ui.waitUntil("the typed filter", 10_000, () -> !v.isBusy() && v.shownCount() == 10);
        search.setText("");
        Ui.waitUntil("the cleared filter", 10_000, () -> !v.isBusy() && v.shownCount() == N);
    }

    @Test
    void sortsByAnyColumnAndGroups() throws Exception {
        MismatchesView v = view();
        join(v.applyState(ViewState.DEFAULT), v);
        join(v.setSort(new Sort(Column.DATE, false)), v);
        assertEquals("2024-02-28 12:59", v.cellText(0, Column.DATE));
        join(v.setSort(new Sort(Column.DEVICE, true)), v);
        assertEquals("", v.cellText(0, Column.DEVICE), "rows without a device file sort first");
        // clicking a header sorts by it
        v.table().getColumn(v.shownColumns().indexOf(Column.DETAIL)).notifyListeners(SWT.Selection, new Event());
        Ui.waitUntil("the header sort", 10_000, () -> !v.isBusy());
        Ui.drain();
        assertEquals(new Sort(Column.DETAIL, true), v.currentState().sort());

        join(v.setGrouping(Grouping.CATEGORY), v);
        assertEquals(N + 8, v.tableRows());
        assertNull(v.mismatchAt(0), "the first row is a group header");
        assertTrue(v.table().getItem(0).getText(0).contains("Missing in iCloud"), v.table().getItem(0).getText(0));
        // double-clicking a header folds the group
        v.table().setSelection(0);
        v.table().notifyListeners(SWT.DefaultSelection, new Event());
        Ui.waitUntil("the folded group", 10_000, () -> !v.isBusy() && v.tableRows() == N + 8 - N / 8);
        join(v.setGrouping(Grouping.DAY), v);
        assertEquals(N + 28, v.tableRows());
        join(v.setGrouping(Grouping.NONE), v);
    }

    @Test
    void columnsSortAndFiltersSurviveClosingTheViewAndTheMemento() throws Exception {
        MismatchesView v = view();
        v.setColumnVisible(Column.STATES, true);
        v.setColumnVisible(Column.MATCHED_BY, false);
        join(v.setSort(new Sort(Column.DATE, false)), v);
        join(v.setFilter(new Filter(Set.of(Category.EDITED), Set.of(), null, null, "IMG_1")), v);
        join(v.setGrouping(Grouping.DAY), v);
        ViewState before = v.currentState();
        assertTrue(before.columns().contains(Column.STATES));

        v.persist();
        assertEquals(before, ViewState.decode(org.photoparity.ui.prefs.UiPrefs.store().getString("mismatches.state")));

        Ui.page().hideView(Ui.page().findView(MismatchesView.ID));
        MismatchesView again = view();
        ViewState after = again.currentState();
        assertEquals(before.columns(), after.columns());
        assertEquals(before.sort(), after.sort());
        assertEquals(before.filter(), after.filter());
        assertEquals(Grouping.DAY, after.grouping());
        assertEquals(1250, again.shownCount());
        assertEquals(again.shownCount(), (int) result.mismatches().stream()
                .filter(x -> x.category() == Category.EDITED && (x.device().toString().contains("IMG_1")
                        || x.cloud().toString().contains("IMG_1")))
                .count());
    }

    @Test
    void doubleClickOpensCompareWithDifferencesHighlighted() throws Exception {
        MismatchesView v = view();
        join(v.applyState(ViewState.DEFAULT.withFilter(Filter.NONE.withCategories(Set.of(Category.REDUCED)))), v);
        Mismatch m = v.mismatchAt(0);
        v.table().setSelection(0);
        v.table().notifyListeners(SWT.DefaultSelection, new Event());
        CompareView c = Ui.find(CompareView.ID, CompareView.class);
        assertNotNull(c, "Compare opened");
        Ui.waitUntil("Compare to follow the selection", 5_000, () -> m.equals(c.shown()));
        var dims = c.lines().stream().filter(l -> l.field().equals("Dimensions")).findFirst().orElseThrow();
        assertEquals("4032 \u00d7 3024", dims.left());
        assertEquals("2016 \u00d7 1512", dims.right());
        assertTrue(dims.differs());
        assertTrue(!c.lines().stream().filter(l -> l.field().equals("Make")).findFirst().orElseThrow().differs());
        // the highlighted row is coloured in the table
        int row = c.lines().indexOf(dims);
        assertEquals(255, c.fieldsTable().getItem(row).getBackground().getRed());
        // HEIC has no preview without a helper; the placeholder says why
        if (org.photoparity.ui.table.Previews.helper("ffmpeg").isEmpty()
                && org.photoparity.ui.table.Previews.helper("heif-convert").isEmpty()) {
            Ui.waitUntil("the preview message", 5_000, () -> c.previewMessage(0) != null
                    && c.previewMessage(0).contains("none is installed"));
            assertTrue(c.previewMessage(0).startsWith("A HEIC preview needs heif-convert (libheif) or ffmpeg"),
                    c.previewMessage(0));
        }
    }

    @Test
    void summaryShowsTheCountsAndABarClickFilters() throws Exception {
        SummaryView s = Ui.show(SummaryView.ID, SummaryView.class);
        Ui.drain();
        List<String[]> rows = s.figureRows();
        assertEquals("Assets", rows.get(0)[0]);
        assertEquals(String.format("%,d", N - N / 8), rows.get(0)[1]);
        assertEquals("Identical", rows.get(1)[0], "Identical is near the top, never below the fold");
        Rectangle bar = s.barBounds(Category.DUPLICATE);
        assertNotNull(bar);
        Event up = new Event();
        up.x = bar.x + 20;
        up.y = bar.y + bar.height / 2;
        up.button = 1;
        s.chart().notifyListeners(SWT.MouseUp, up);
        MismatchesView v = Ui.find(MismatchesView.ID, MismatchesView.class);
        Ui.waitUntil("the category filter", 10_000, () -> !v.isBusy() && v.shownCount() == N / 8);
        assertEquals(Set.of(Category.DUPLICATE), v.currentState().filter().categories());
        IViewPart shown = Ui.page().findView(MismatchesView.ID);
        assertTrue(Ui.page().isPartVisible(shown));
    }
}
