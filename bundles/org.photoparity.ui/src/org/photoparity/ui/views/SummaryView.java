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
    private Canvas chart;
    private ReconcileResult result;
    private final List<Rectangle> bars = new ArrayList<>();
    private Category hover;

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
        title = new Label(parent, SWT.NONE);
        title.setFont(JFaceResources.getHeaderFont());
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        subtitle = new Label(parent, SWT.WRAP);
        GridData sg = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        sg.widthHint = 300;
        subtitle.setLayoutData(sg);

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

        figures = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        figures.setHeaderVisible(true);
        figures.setLinesVisible(true);
        for (String[] c : new String[][] { { "", "130" }, { "Device", "95" }, { "Cloud", "95" } }) {
            TableColumn tc = new TableColumn(figures, c[0].isEmpty() ? SWT.LEFT : SWT.RIGHT);
            tc.setText(c[0]);
            tc.setWidth(Integer.parseInt(c[1]));
        }
        // the figures down the left, as tall as the view; causes and the chart share the right
        GridData fg = new GridData(SWT.LEFT, SWT.FILL, false, true, 1, 2);
        fg.widthHint = 360;
        figures.setLayoutData(fg);
        causes = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
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

        chart = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
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
        ((GridData) causes.getLayoutData()).heightHint = Math.min(4, Math.max(1, causes.getItemCount()))
                * causes.getItemHeight() + causes.getHeaderHeight() + 4;
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
        subtitle.getParent().layout(true, true);
        chart.redraw();
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
        for (Category c : Category.values()) labelW = Math.max(labelW, gc.textExtent(MismatchRows.phrase(c)).x);
        labelW += 12;
        int top = gc.textExtent("M").y + 6;
        int rowH = Math.max(gc.textExtent("M").y, Math.min(36, (area.height - top) / Category.values().length));
        int barMax = Math.max(40, area.width - labelW - 80);
        for (Category c : Category.values()) {
            int y = top + c.ordinal() * rowH;
            long v = counts == null ? 0 : counts.get(c);
            String name = MismatchRows.phrase(c);
            Point ext = gc.textExtent(name);
            gc.drawText(name, 0, y + (rowH - 4 - ext.y) / 2, true);
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

    /** The persistent error shown after a failed analysis; empty when there is none. */
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
        Label l = new Label(bar, SWT.WRAP);
        GridData g = new GridData(SWT.FILL, SWT.CENTER, true, false);
        g.widthHint = 300;
        l.setLayoutData(g);
        l.setForeground(bar.getDisplay().getSystemColor(systemColour));
        return l;
    }

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
