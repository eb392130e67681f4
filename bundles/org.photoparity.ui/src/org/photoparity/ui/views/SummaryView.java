package org.photoparity.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.photoparity.cases.CaseFolder;
import org.photoparity.cases.LastAnalysis;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.table.MismatchRows;
import org.photoparity.core.present.Vocabulary;

/**
 * The case at a glance: both sides' figures, identical assets, and a bar per mismatch category; clicking a bar
 * shows that category in the Mismatches view.
 */
public final class SummaryView extends ViewPart implements CaseSession.Listener {
    public static final String ID = "org.photoparity.ui.views.summary";

    private Label title;
    private Label subtitle;
    private Table figures;
    private Canvas chart;
    private ReconcileResult result;
    private final List<Rectangle> bars = new ArrayList<>();
    private Category hover;

    @Override
    public void createPartControl(Composite parent) {
        GridLayout gl = new GridLayout(2, false);
        gl.marginWidth = 10;
        gl.horizontalSpacing = 16;
        parent.setLayout(gl);
        title = new Label(parent, SWT.NONE);
        title.setFont(JFaceResources.getHeaderFont());
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        subtitle = new Label(parent, SWT.WRAP);
        GridData sg = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        sg.widthHint = 300;
        subtitle.setLayoutData(sg);
        figures = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        figures.setHeaderVisible(true);
        figures.setLinesVisible(true);
        for (String[] c : new String[][] { { "", "130" }, { "Device", "120" }, { "Cloud", "120" } }) {
            TableColumn tc = new TableColumn(figures, c[0].isEmpty() ? SWT.LEFT : SWT.RIGHT);
            tc.setText(c[0]);
            tc.setWidth(Integer.parseInt(c[1]));
        }
        GridData fg = new GridData(SWT.LEFT, SWT.FILL, false, true);
        fg.widthHint = 380;
        figures.setLayoutData(fg);
        chart = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart.addListener(SWT.Paint, e -> paint(e.gc));
        chart.addListener(SWT.MouseUp, this::click);
        chart.addListener(SWT.MouseMove, e -> {
            Category c = categoryAt(e.x, e.y);
            if (c != hover) {
                hover = c;
                chart.setCursor(c == null ? null : chart.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
                chart.setToolTipText(c == null ? null : c.label() + ": click to show them in Mismatches");
                chart.redraw();
            }
        });
        CaseSession.get().addListener(this);
        refresh();
    }

    @Override
    public void sessionChanged(CaseSession.Change change) {
        if (change == CaseSession.Change.RESULT || change == CaseSession.Change.CASE) refresh();
    }

    private void refresh() {
        if (chart == null || chart.isDisposed()) return;
        result = CaseSession.get().result();
        CaseFolder c = CaseSession.get().caseFolder();
        title.setText(c == null ? "No case open" : c.data().name());
        LastAnalysis last = c == null ? null : c.data().lastAnalysis();
        if (c == null) {
            subtitle.setText("File > New Case... or File > Open Case... to begin.");
        } else if (result == null) {
            subtitle.setText(c.dir() + (last == null ? "\nNot analysed yet: Case > Analyze (F5)."
                    : "\nAnalysing... (last analysis " + when(last.analyzedAt()) + ")"));
        } else {
            subtitle.setText(c.dir() + (last == null ? "" : String.format(Locale.ROOT,
                    "\nAnalysed %s in %.1f s. %,d identical, %,d mismatches.", when(last.analyzedAt()), last.millis() / 1000.0,
                    result.identical(), result.mismatches().size())));
        }
        figures.removeAll();
        if (result != null) {
            SideInventory d = result.device();
            SideInventory k = result.cloud();
            row("Sources", d.sources().size(), k.sources().size());
            row("Assets", d.assets().size(), k.assets().size());
            row("Files seen", d.filesSeen(), k.filesSeen());
            row("Files read", d.filesRead(), k.filesRead());
            row("Unreadable", d.unreadable().size(), k.unreadable().size());
            row("Ignored", d.ignored().size(), k.ignored().size());
            item("Size", MismatchRows.size(d.bytes()), MismatchRows.size(k.bytes()));
            item("Identical", String.format(Locale.ROOT, "%,d", result.identical()), "");
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(result.matchedBy()).entrySet()) {
                item("Paired by " + e.getKey(), String.format(Locale.ROOT, "%,d", e.getValue()), "");
            }
        }
        subtitle.getParent().layout(true, true);
        chart.redraw();
    }

    /** An ISO instant as local date and time, to the second. */
    public static String when(String iso) {
        try {
            return java.time.LocalDateTime.ofInstant(java.time.Instant.parse(iso), java.time.ZoneId.systemDefault())
                    .withNano(0).toString().replace('T', ' ');
        } catch (RuntimeException e) {
            return String.valueOf(iso);
        }
    }

    private void row(String name, long device, long cloud) {
        item(name, String.format(Locale.ROOT, "%,d", device), String.format(Locale.ROOT, "%,d", cloud));
    }

    private void item(String name, String device, String cloud) {
        TableItem it = new TableItem(figures, SWT.NONE);
        it.setText(new String[] { name, device, cloud });
    }

    /** The category's colour from the shared vocabulary (the same as report.html). */
    static RGB colour(Category c) {
        int[] v = Vocabulary.rgb(Vocabulary.colour(c));
        return new RGB(v[0], v[1], v[2]);
    }

    private void paint(GC gc) {
        bars.clear();
        Rectangle area = chart.getClientArea();
        gc.setAntialias(SWT.ON);
        gc.setFont(JFaceResources.getBannerFont());
        gc.drawText("Mismatches by category (click a bar to list them)", 0, 0, true);
        gc.setFont(JFaceResources.getDefaultFont());
        Map<Category, Long> counts = result == null ? null : result.counts();
        long max = 1;
        if (counts != null) for (long v : counts.values()) max = Math.max(max, v);
        int labelW = 0;
        for (Category c : Category.values()) labelW = Math.max(labelW, gc.textExtent(c.name()).x);
        labelW += 12;
        int top = gc.textExtent("M").y + 6;
        int rowH = Math.max(gc.textExtent("M").y, Math.min(36, (area.height - top) / Category.values().length));
        int barMax = Math.max(40, area.width - labelW - 80);
        for (Category c : Category.values()) {
            int y = top + c.ordinal() * rowH;
            long v = counts == null ? 0 : counts.get(c);
            Point ext = gc.textExtent(c.name());
            gc.drawText(c.name(), 0, y + (rowH - 4 - ext.y) / 2, true);
            int w = v == 0 ? 2 : Math.max(4, (int) (barMax * (double) v / max));
            int pad = Math.min(4, rowH / 6);
            Rectangle bar = new Rectangle(labelW, y + pad, w, rowH - 2 * pad - 2);
            Color col = new Color(chart.getDisplay(), colour(c));
            gc.setBackground(col);
            gc.setAlpha(c == hover ? 255 : 210);
            gc.fillRoundRectangle(bar.x, bar.y, bar.width, bar.height, 4, 4);
            gc.setAlpha(255);
            String n = counts == null ? "-" : String.format(Locale.ROOT, "%,d", v);
            gc.drawText(n, bar.x + bar.width + 6, y + (rowH - 4 - ext.y) / 2, true);
            // the whole row is the click target, so small bars are easy to hit
            bars.add(new Rectangle(0, y, area.width, rowH - 2));
        }
    }

    private Category categoryAt(int x, int y) {
        for (int i = 0; i < bars.size(); i++) if (bars.get(i).contains(x, y)) return Category.values()[i];
        return null;
    }

    /** Where the bar of {@code c} is, for tests that click it. */
    public Rectangle barBounds(Category c) {
        chart.redraw();
        chart.update();
        return bars.isEmpty() ? null : bars.get(c.ordinal());
    }

    private void click(Event e) {
        Category c = categoryAt(e.x, e.y);
        if (c == null || e.button != 1) return;
        try {
            MismatchesView v = (MismatchesView) getSite().getPage().showView(MismatchesView.ID);
            v.showCategory(c);
        } catch (PartInitException ex) {
            subtitle.setText("Cannot open Mismatches: " + ex.getMessage());
        }
    }

    /** The figures shown, row by row (name, device, cloud), for tests. */
    public List<String[]> figureRows() {
        List<String[]> out = new ArrayList<>();
        for (TableItem it : figures.getItems()) out.add(new String[] { it.getText(0), it.getText(1), it.getText(2) });
        return out;
    }

    public Canvas chart() {
        return chart;
    }

    @Override
    public void setFocus() {
        chart.setFocus();
    }

    @Override
    public void dispose() {
        CaseSession.get().removeListener(this);
        super.dispose();
    }
}
