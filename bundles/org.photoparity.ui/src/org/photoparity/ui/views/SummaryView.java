package org.photoparity.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.TextLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.photoparity.cases.CaseFolder;
import org.photoparity.cases.LastAnalysis;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.present.Vocabulary;
import org.photoparity.report.LikelyCause;
import org.photoparity.report.LikelyCauses;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.table.MismatchRows;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The case at a glance: where its analysis stands (running with its step, or failed with the reason and a way to
 * repair the case), the ranked likely causes, both sides' figures, and a bar per mismatch category; clicking a bar
 * asks the session to list that category and shows the mismatches. An Eclipse 4 part: construct it with a session
 * and call {@link #create(Composite)}.
 */
public final class SummaryView implements CaseSession.Listener {
    public static final String ID = "org.photoparity.ui.views.summary";
    static final String SHOW_MISMATCHES = "org.photoparity.ui.showMismatches";
    static final String CASE_PROPERTIES = "org.photoparity.ui.caseProperties";
    static final String ANALYZE = "org.photoparity.ui.analyze";

    private final CaseSession session;
    @Inject
    @Optional
    ECommandService commands;
    @Inject
    @Optional
    EHandlerService handlers;

    private Label title;
    private Label subtitle;
    private Composite problem;
    private Label problemText;
    private Composite stale;
    private Label staleText;
    /** The analysis's notes (evidence not understood, a source known incomplete): what the command line prints. */
    private Composite notes;
    private Label notesText;
    private Button analyzeAgain;
    private Table causes;
    private Table figures;
    private Composite right;
    private Canvas chart;
    private ReconcileResult result;
    /** Where each category was drawn at the last paint; a category folded into the quiet line has none. */
    private final Map<Category, Row> rows = new java.util.EnumMap<>(Category.class);
    private Category hover;
    private String quietLine;
    private Rectangle quietBounds;

    /** One category's row in the chart: the whole row (the click target), its bar and its count. */
    private record Row(Rectangle row, Rectangle bar, Rectangle count) {
    }

    @Inject
    public SummaryView(CaseSession session) {
        this.session = session;
    }

    @PostConstruct
    public void create(Composite parent) {
        GridLayout gl = new GridLayout(2, false);
        gl.marginWidth = 10;
        gl.horizontalSpacing = 16;
        parent.setLayout(gl);

        // why the last analysis failed, with the way to repair the case
        problem = noticeBar(parent);
        problemText = noticeText(problem, SWT.COLOR_RED);
        Button repair = new Button(problem, SWT.PUSH);
        repair.setText("Case Properties...");
        repair.setToolTipText("Change the case's sources, evidence and backup, then analyze again");
        repair.addListener(SWT.Selection, e -> execute(CASE_PROPERTIES));

        // the saved results shown are older than the sources: says so until the next analysis
        stale = noticeBar(parent);
        staleText = noticeText(stale, SWT.COLOR_DARK_YELLOW);
        analyzeAgain = new Button(stale, SWT.PUSH);
        analyzeAgain.setText("Analyze again");
        analyzeAgain.setToolTipText("Scan both sides again (unchanged files come from the scan cache) and show the new"
                + " results");
        analyzeAgain.addListener(SWT.Selection, e -> {
            if (commands != null && handlers != null) execute(ANALYZE);
            else org.photoparity.ui.CaseActions.analyze();
        });

        notes = noticeBar(parent);
        notesText = noticeText(notes, SWT.COLOR_DARK_YELLOW);

        // the case and its figures down the left; the likely causes and the chart use the whole height on the right
        // (at 1280x800 the view is under 300 pixels high: below a title across the view the chart kept 2 bars of 9)
        Composite left = column(parent, new GridData(SWT.FILL, SWT.FILL, false, true));
        title = Labels.wrapping(left, JFaceResources.getHeaderFont(), SWT.TOP);
        subtitle = Labels.wrapping(left, null, SWT.TOP);

        figures = new Table(left, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        figures.setHeaderVisible(true);
        figures.setLinesVisible(true);
        for (String[] c : new String[][] { { "", "130" }, { "Device", "95" }, { "Cloud", "95" } }) {
            TableColumn tc = new TableColumn(figures, c[0].isEmpty() ? SWT.LEFT : SWT.RIGHT);
            tc.setText(c[0]);
            tc.setWidth(Integer.parseInt(c[1]));
        }
        GridData fg = new GridData(SWT.FILL, SWT.FILL, false, true);
        fg.widthHint = 360;
        fg.heightHint = 60; // whatever height is left: the table scrolls
        figures.setLayoutData(fg);

        right = column(parent, new GridData(SWT.FILL, SWT.FILL, true, true));
        causes = new Table(right, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        causes.setHeaderVisible(true);
        causes.setLinesVisible(true);
        for (String[] c : new String[][] { { "#", "34" }, { "Likely cause", "250" }, { "Probe", "80" },
                { "Explains", "300" } }) {
            TableColumn tc = new TableColumn(causes, SWT.LEFT);
            tc.setText(c[0]);
            tc.setWidth(Integer.parseInt(c[1]));
        }
        GridData cg = new GridData(SWT.FILL, SWT.TOP, true, false);
        cg.heightHint = 4 * 22;
        causes.setLayoutData(cg);

        chart = new Canvas(right, SWT.DOUBLE_BUFFERED);
        GridData chg = new GridData(SWT.FILL, SWT.FILL, true, true);
        chg.heightHint = 60;
        chart.setLayoutData(chg);
        // the chart keeps the height its bars need; the likely causes get the rest, up to four rows
        right.addListener(SWT.Resize, e -> fitCauses());
        chart.addListener(SWT.Paint, e -> paint(e.gc));
        chart.addListener(SWT.MouseUp, this::click);
        chart.addListener(SWT.MouseMove, e -> {
            Category c = categoryAt(e.x, e.y);
            if (c != hover) {
                hover = c;
                chart.setCursor(c == null ? null : chart.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
                chart.setToolTipText(c == null ? null : c.label() + " (" + c.name() + "): click to list them");
                chart.redraw();
            }
        });
        session.addListener(this);
        refresh();
    }

    @Override
    public void sessionChanged(CaseSession.Change change) {
        switch (change) {
            case RESULT, CASE, ANALYSIS, PROBES, SOURCES, ANSWERS -> refresh(); // answers: their notes
            default -> { }
        }
    }

    private void refresh() {
        if (chart == null || chart.isDisposed()) return;
        result = session.result();
        CaseFolder c = session.caseFolder();
        title.setText(c == null ? "No case open" : Mnemonics.escape(c.data().name()));
        LastAnalysis last = c == null ? null : c.data().lastAnalysis();
        CaseSession.AnalysisState state = session.analysis();
        String status;
        if (c == null) {
            status = "File > New Case... or File > Open Case... to begin.";
        } else if (state.phase() == CaseSession.Phase.RUNNING) {
            status = c.dir() + "\nAnalyzing... " + state.text() + (result != null ? " (showing the previous results)"
                    : last == null ? "" : " (last analysis " + when(last.analyzedAt()) + ": "
                            + String.format(Locale.ROOT, "%,d", last.mismatches()) + " mismatches)");
        } else if (state.phase() == CaseSession.Phase.CANCELLED) {
            status = c.dir() + "\n" + state.text();
        } else if (result == null) {
            status = c.dir() + (state.phase() == CaseSession.Phase.FAILED ? "\nThe analysis failed."
                    : last == null ? "\nNot analyzed yet: Case > Analyze (F5)."
                            : "\nLast analyzed " + when(last.analyzedAt()) + ": "
                                    + String.format(Locale.ROOT, "%,d", last.mismatches())
                                    + " mismatches. Case > Analyze (F5) to show them.");
        } else if (session.savedAt() != null) {
            status = c.dir() + String.format(Locale.ROOT,
                    "\nLast results, analyzed %s. %,d identical, %,d mismatches.", when(session.savedAt().toString()),
                    result.identical(), result.mismatches().size());
        } else {
            status = c.dir() + (last == null ? "" : String.format(Locale.ROOT,
                    "\nAnalyzed %s in %.1f s. %,d identical, %,d mismatches.", when(last.analyzedAt()),
                    last.millis() / 1000.0, result.identical(), result.mismatches().size()));
        }
        subtitle.setText(status);
        boolean failed = c != null && state.phase() == CaseSession.Phase.FAILED;
        problemText.setText(failed ? "The analysis failed: " + state.text()
                + "\nRepair the case's sources or evidence, then analyze again (F5)." : "");
        ((GridData) problem.getLayoutData()).exclude = !failed;
        problem.setVisible(failed);
        java.time.Instant since = c == null ? null : session.sourcesChangedSince();
        staleText.setText(since == null ? "" : "Sources changed since " + when(since.toString())
                + ": the results shown are from then.");
        boolean showStale = since != null;
        ((GridData) stale.getLayoutData()).exclude = !showStale;
        stale.setVisible(showStale);
        analyzeAgain.setEnabled(state.phase() != CaseSession.Phase.RUNNING);
        List<String> said = new java.util.ArrayList<>();
        if (result != null) {
            for (SideInventory side : List.of(result.device(), result.cloud())) {
                for (org.photoparity.core.model.SourceRef s : side.sources()) {
                    if (s.incomplete() != null) {
                        said.add("The " + side.role().key() + " source " + s.kind() + " is incomplete: " + s.incomplete()
                                + ". What it may hold is not shown lost.");
                    }
                }
            }
            for (String w : session.warnings()) said.add("Note: " + w);
        }
        notesText.setText(String.join("\n", said));
        ((GridData) notes.getLayoutData()).exclude = said.isEmpty();
        notes.setVisible(!said.isEmpty());

        causes.removeAll();
        List<LikelyCause> ranked = result == null ? List.of() : LikelyCauses.rank(result, session.probes());
        for (LikelyCause lc : ranked) {
            TableItem it = new TableItem(causes, SWT.NONE);
            List<String> explains = new ArrayList<>();
            for (Map.Entry<Category, Long> e : lc.explains().entrySet()) {
                explains.add(String.format(Locale.ROOT, "%,d %s", e.getValue(), MismatchRows.phrase(e.getKey())));
            }
            it.setText(new String[] { String.valueOf(lc.rank()), lc.title(),
                    lc.probeStatus() == null ? "not run" : StatusImages.label(lc.probeStatus()),
                    explains.isEmpty() ? lc.explanation() : String.join(", ", explains) });
            if (lc.probeStatus() != null) it.setImage(0, StatusImages.image(lc.probeStatus()));
        }
        if (result != null && ranked.isEmpty()) {
            new TableItem(causes, SWT.NONE).setText(new String[] { "", "No likely cause: nothing points at a fix",
                    "", "" });
        }
        boolean showCauses = result != null;
        ((GridData) causes.getLayoutData()).exclude = !showCauses;
        causes.setVisible(showCauses);

        figures.removeAll();
        if (result != null) {
            SideInventory d = result.device();
            SideInventory k = result.cloud();
            row("Assets", d.assets().size(), k.assets().size());
            item("Identical", String.format(Locale.ROOT, "%,d", result.identical()), "");
            item("Mismatches", String.format(Locale.ROOT, "%,d", result.mismatches().size()), "");
            item("Size", MismatchRows.size(d.bytes()), MismatchRows.size(k.bytes()));
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(result.matchedBy()).entrySet()) {
                item("Paired by " + e.getKey(), String.format(Locale.ROOT, "%,d", e.getValue()), "");
            }
            row("Files seen", d.filesSeen(), k.filesSeen());
            row("Files read", d.filesRead(), k.filesRead());
            row("Unreadable", d.unreadable().size(), k.unreadable().size());
            row("Ignored", d.ignored().size(), k.ignored().size());
            row("Sources", d.sources().size(), k.sources().size());
            String di = incomplete(d), ki = incomplete(k);
            if (di != null || ki != null) item("Incomplete source", di == null ? "" : di, ki == null ? "" : ki);
        }
        // the names whole ("Paired by content-hash"), never narrower than the header's first column
        TableColumn names = figures.getColumn(0);
        names.pack();
        names.setWidth(Math.max(130, names.getWidth()));
        title.getParent().getParent().layout(true, true);
        fitCauses();
        chart.redraw();
    }

    /**
     * Up to four likely causes (fewer when there are fewer), as many as leave the chart the height its bars need in
     * two columns; the table scrolls to the rest.
     */
    private void fitCauses() {
        if (causes.isDisposed()) return;
        GridData g = (GridData) causes.getLayoutData();
        int head = causes.getHeaderHeight() + 4;
        int space = right.getClientArea().height - ((GridLayout) right.getLayout()).verticalSpacing - chartNeeds();
        int shown = Math.min(4, Math.max(1, causes.getItemCount()));
        // measured with the table's trim (border, header), as the layout will size it
        while (shown > 1 && causes.computeSize(SWT.DEFAULT, head + shown * causes.getItemHeight()).y > space) shown--;
        int h = head + shown * causes.getItemHeight();
        if (g.heightHint != h) {
            g.heightHint = h;
            right.layout(true);
        }
    }

    /** The chart's height with every category in two columns of compact rows. */
    private int chartNeeds() {
        GC gc = new GC(chart);
        try {
            gc.setFont(JFaceResources.getBannerFont());
            int top = gc.textExtent(CAPTION).y + CAPTION_GAP;
            gc.setFont(JFaceResources.getDefaultFont());
            return top + (Category.values().length + 1) / 2 * minRow(gc);
        } finally {
            gc.dispose();
        }
    }

    /** An ISO instant as local date and time, to the second, with the time zone. */
    public static String when(String iso) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT)
                    .format(java.time.Instant.parse(iso).atZone(java.time.ZoneId.systemDefault()));
        } catch (RuntimeException e) {
            return String.valueOf(iso);
        }
    }

    /** What a side's sources say they lack (a privacy export's parts not given), or null. */
    private static String incomplete(SideInventory side) {
        StringBuilder b = new StringBuilder();
        for (org.photoparity.core.model.SourceRef s : side.sources()) {
            if (s.incomplete() != null) b.append(b.length() == 0 ? "" : "; ").append(s.incomplete());
        }
        return b.length() == 0 ? null : b.toString();
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

    static final String CAPTION = "Mismatches by category (click a bar to list them)";
    private static final String SHORT_CAPTION = "Mismatches by category";
    private static final int CAPTION_GAP = 4;
    private static final int MAX_ROW = 36;
    private static final int COLUMN_GAP = 24;

    private static int minRow(GC gc) {
        return gc.textExtent("M").y + 4;
    }

    /**
     * How the bars are laid out: the categories with a bar, those folded into one quiet line (none unless that is
     * what makes the rest fit), the columns and the row height.
     */
    record Plan(List<Category> bars, List<Category> quiet, int columns, int rowHeight) {
        int perColumn() {
            return (bars.size() + columns - 1) / columns;
        }
    }

    /**
     * The fewest columns (up to three, each wide enough for a label, a short bar and the count) whose rows are at
     * least {@code minRow} high in {@code height}; every category when that fits, else the categories with
     * mismatches and one quiet line naming those without; when nothing fits, the most compact layout.
     */
    static Plan plan(Map<Category, Long> counts, int width, int height, int minRow, int minColumn, int quietHeight) {
        List<Category> all = List.of(Category.values());
        List<Category> some = new ArrayList<>();
        List<Category> none = new ArrayList<>();
        for (Category c : all) {
            if (counts == null || counts.get(c) > 0) some.add(c);
            else none.add(c);
        }
        int maxColumns = 1;
        while (maxColumns < 3 && (width - maxColumns * COLUMN_GAP) / (maxColumns + 1) >= minColumn) maxColumns++;
        for (boolean fold : new boolean[] { false, true }) {
            if (fold && none.isEmpty()) break;
            List<Category> bars = fold ? some : all;
            int room = height - (fold ? quietHeight : 0);
            for (int cols = 1; cols <= maxColumns; cols++) {
                int per = Math.max(1, (bars.size() + cols - 1) / cols);
                int rowH = Math.min(MAX_ROW, room / per);
                if (rowH >= minRow) return new Plan(bars, fold ? none : List.of(), cols, rowH);
            }
        }
        return new Plan(none.isEmpty() ? all : some, none.isEmpty() ? List.of() : none, maxColumns, minRow);
    }

    private void paint(GC gc) {
        rows.clear();
        Rectangle area = chart.getClientArea();
        gc.setAntialias(SWT.ON);
        gc.setFont(JFaceResources.getBannerFont());
        // in a narrow chart the caption's hint goes (the tooltip of each row says it)
        gc.drawText(gc.textExtent(CAPTION).x <= area.width ? CAPTION : SHORT_CAPTION, 0, 0, true);
        int top = gc.textExtent(CAPTION).y + CAPTION_GAP;
        gc.setFont(JFaceResources.getDefaultFont());
        Map<Category, Long> counts = result == null ? null : result.counts();
        long max = 1;
        if (counts != null) for (long v : counts.values()) max = Math.max(max, v);
        int labelW = 0;
        int countW = gc.textExtent("-").x;
        for (Category c : Category.values()) {
            labelW = Math.max(labelW, gc.textExtent(MismatchRows.phrase(c)).x);
            if (counts != null) countW = Math.max(countW, gc.textExtent(count(counts, c)).x);
        }
        labelW += 12;
        int textH = gc.textExtent("M").y;
        // the categories without mismatches on one quiet line, wrapped to the chart's width, if folding them is
        // what makes the rest fit
        List<String> zero = new ArrayList<>();
        for (Category c : Category.values()) {
            if (counts != null && counts.get(c) == 0) zero.add(MismatchRows.phrase(c));
        }
        TextLayout quiet = new TextLayout(chart.getDisplay());
        quiet.setFont(gc.getFont());
        quiet.setText("None: " + String.join(", ", zero));
        quiet.setWidth(Math.max(1, area.width));
        Plan plan = plan(counts, area.width, area.height - top, minRow(gc), labelW + 40 + 6 + countW,
                quiet.getBounds().height + 4);
        int colW = (area.width - (plan.columns() - 1) * COLUMN_GAP) / plan.columns();
        int rowH = plan.rowHeight();
        int barMax = Math.max(4, colW - labelW - 6 - countW);
        for (int i = 0; i < plan.bars().size(); i++) {
            Category c = plan.bars().get(i);
            int x = i / plan.perColumn() * (colW + COLUMN_GAP);
            int y = top + i % plan.perColumn() * rowH;
            int textY = y + (rowH - 2 - textH) / 2;
            long v = counts == null ? 0 : counts.get(c);
            gc.drawText(MismatchRows.phrase(c), x, textY, true);
            int w = v == 0 ? 2 : Math.max(4, (int) (barMax * (double) v / max));
            int pad = Math.min(4, rowH / 6);
            Rectangle bar = new Rectangle(x + labelW, y + pad, w, rowH - 2 * pad - 2);
            Color col = new Color(chart.getDisplay(), colour(c));
            gc.setBackground(col);
            gc.setAlpha(c == hover ? 255 : 210);
            gc.fillRoundRectangle(bar.x, bar.y, bar.width, bar.height, 4, 4);
            gc.setAlpha(255);
            String n = counts == null ? "-" : count(counts, c);
            Point ext = gc.textExtent(n);
            gc.drawText(n, bar.x + bar.width + 6, textY, true);
            // the whole row is the click target, so small bars are easy to hit
            rows.put(c, new Row(new Rectangle(x, y, colW, rowH - 2), bar,
                    new Rectangle(bar.x + bar.width + 6, textY, ext.x, ext.y)));
        }
        quietLine = null;
        quietBounds = null;
        if (!plan.quiet().isEmpty()) {
            quietLine = quiet.getText();
            Rectangle b = quiet.getBounds();
            quietBounds = new Rectangle(0, top + plan.perColumn() * rowH + 2, b.width, b.height);
            gc.setAlpha(150);
            quiet.draw(gc, quietBounds.x, quietBounds.y);
            gc.setAlpha(255);
        }
        quiet.dispose();
    }

    private static String count(Map<Category, Long> counts, Category c) {
        return String.format(Locale.ROOT, "%,d", counts.get(c));
    }

    private Category categoryAt(int x, int y) {
        for (Map.Entry<Category, Row> e : rows.entrySet()) if (e.getValue().row().contains(x, y)) return e.getKey();
        return null;
    }

    /**
     * Where the row of {@code c} (its words, bar and count: the click target) is in {@link #chart()}, for tests
     * that click it or check it is on screen; null when {@code c} has no bar (folded into the quiet line).
     */
    public Rectangle barBounds(Category c) {
        paintNow();
        Row r = rows.get(c);
        return r == null ? null : r.row();
    }

    /** Where the count of {@code c} is written in {@link #chart()}; null when {@code c} has no bar. */
    public Rectangle countBounds(Category c) {
        paintNow();
        Row r = rows.get(c);
        return r == null ? null : r.count();
    }

    /**
     * The quiet line naming the categories without mismatches, when the chart folds them to fit ("None: Reduced,
     * Edited"); null when every category has its bar.
     */
    public String quietLine() {
        paintNow();
        return quietLine;
    }

    /** Where the quiet line is written in {@link #chart()}; null when there is none. */
    public Rectangle quietLineBounds() {
        paintNow();
        return quietBounds;
    }

    private void paintNow() {
        chart.redraw();
        chart.update();
    }

    private void click(Event e) {
        Category c = categoryAt(e.x, e.y);
        if (c == null || e.button != 1) return;
        session.requestCategory(c);
        execute(SHOW_MISMATCHES);
    }

    private void execute(String command) {
        if (commands == null || handlers == null) return; // constructed by hand (tests): nothing to show
        ParameterizedCommand cmd = commands.createCommand(command, null);
        if (cmd != null) handlers.executeHandler(cmd);
    }

    /** The figures shown, row by row (name, device, cloud), for tests. */
    public List<String[]> figureRows() {
        List<String[]> out = new ArrayList<>();
        for (TableItem it : figures.getItems()) out.add(new String[] { it.getText(0), it.getText(1), it.getText(2) });
        return out;
    }

    /** The likely causes shown, top first: rank, title, probe status, what it explains. */
    public List<String[]> causeRows() {
        List<String[]> out = new ArrayList<>();
        if (!causes.getVisible()) return out;
        for (TableItem it : causes.getItems()) {
            out.add(new String[] { it.getText(0), it.getText(1), it.getText(2), it.getText(3) });
        }
        return out;
    }

    /** The status text under the title (case folder, analysing, last analysis). */
    public String statusText() {
        return subtitle.getText();
    }

    /** The case's name, as the view's title shows it. */
    public String titleText() {
        return title.getText();
    }

    /** A column of the view: its controls one under the other, no margins of its own. */
    private static Composite column(Composite parent, GridData data) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        c.setLayout(gl);
        c.setLayoutData(data);
        return c;
    }

    /** A row across the view for a persistent notice: its text, then a button. */
    private static Composite noticeBar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(2, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        bar.setLayout(gl);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        return bar;
    }

    private static Label noticeText(Composite bar, int systemColour) {
        Label l = Labels.wrapping(bar, null, SWT.CENTER);
        l.setForeground(bar.getDisplay().getSystemColor(systemColour));
        return l;
    }

    /** The persistent error shown after a failed analysis; empty when there is none. */
    public String problemText() {
        return problem.getVisible() ? problemText.getText() : "";
    }

    /** The analysis's notes (incomplete sources, evidence notes); empty when none are shown. */
    public String notesText() {
        return notes.getVisible() ? notesText.getText() : "";
    }

    /** The "sources changed" notice; empty when it is not shown. */
    public String staleText() {
        return stale.getVisible() ? staleText.getText() : "";
    }

    /** The notice's "Analyze again" button (tests press it). */
    public Button analyzeAgainButton() {
        return analyzeAgain;
    }

    public Canvas chart() {
        return chart;
    }

    @Focus
    public void setFocus() {
        chart.setFocus();
    }

    @PreDestroy
    public void dispose() {
        session.removeListener(this);
    }
}
