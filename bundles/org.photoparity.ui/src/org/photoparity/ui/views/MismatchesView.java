package org.photoparity.ui.views;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.PersistState;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.ui.prefs.UiPrefs;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.table.MismatchRows;
import org.photoparity.ui.table.MismatchRows.Column;
import org.photoparity.ui.table.MismatchRows.Filter;
import org.photoparity.ui.table.MismatchRows.Grouping;
import org.photoparity.ui.table.MismatchRows.Row;
import org.photoparity.ui.table.MismatchRows.Shown;
import org.photoparity.ui.table.MismatchRows.Sort;
import org.photoparity.ui.table.ViewState;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Every mismatch of the case in a virtual table (only the rows on screen are ever materialised, so 100,000 rows
 * scroll smoothly): sort by any column, filter by category, kind, date range and text, group by category or day,
 * choose and reorder columns (right-click the header). Filtering and sorting run in a job. Filters belong to a case:
 * switching cases shows the other case's filter, and a chip says when one is active. The selected mismatches go to
 * the selection service (Compare follows it); double-click runs the Compare command. An Eclipse 4 part: construct
 * it with a session and call {@link #create(Composite)}.
 */
public final class MismatchesView implements CaseSession.Listener {
    public static final String ID = "org.photoparity.ui.views.mismatches";
    static final String PREF_STATE = "mismatches.state";
    static final String PREF_CASE = "mismatches.case";
    static final String MEMENTO_STATE = "state";
    static final String MEMENTO_CASE = "case";
    static final String SHOW_COMPARE = "org.photoparity.ui.showCompare";
    private static final String ALL_CATEGORIES = "All categories";
    private static final String ALL_KINDS = "All kinds";

    private final CaseSession session;
    @Inject
    @Optional
    MPart part;
    @Inject
    @Optional
    ESelectionService selectionService;
    @Inject
    @Optional
    ECommandService commands;
    @Inject
    @Optional
    EHandlerService handlers;
    /** The filter of each case this workbench showed, by case folder ("" for no case). */
    private final Map<String, Filter> filtersByCase = new java.util.HashMap<>();
    private String filterCase = "";
    private Composite chip;
    private Label chipText;

    private ViewState state = ViewState.DEFAULT;
    /** The mismatches shown, and their rows once built (null while a build is pending). */
    private List<Mismatch> source = List.of();
    private Row[] rows = new Row[0];
    private Shown shown = Shown.EMPTY;
    private final Set<String> collapsed = new HashSet<>();
    private int generation;
    private int shownGeneration;
    private Job job;

    private Table table;
    private Text search;
    private Combo category;
    private Combo kind;
    private Text from;
    private Text to;
    private Combo grouping;
    private Label count;
    private final List<Column> tableColumns = new ArrayList<>();
    private ReconcileResult shownResult;

    @Inject
    public MismatchesView(CaseSession session) {
        this.session = session;
    }

    /**
     * The state written when the part last closed (the preferences, saved on every close, also survive a layout
     * reset), else the copy saved with the part in the workbench model.
     */
    private void restoreState() {
        String s = UiPrefs.store().getString(PREF_STATE);
        String c = UiPrefs.store().getString(PREF_CASE);
        if ((s == null || s.isEmpty()) && part != null) {
            s = part.getPersistedState().get(MEMENTO_STATE);
            c = part.getPersistedState().get(MEMENTO_CASE);
        }
        state = ViewState.decode(s);
        filterCase = c == null ? "" : c;
    }

    /** Saves the state with the part and in the preferences (the fallback after a layout reset). */
    @PersistState
    public void persist() {
        ViewState s = currentState();
        if (part != null) {
            part.getPersistedState().put(MEMENTO_STATE, s.encode());
            part.getPersistedState().put(MEMENTO_CASE, filterCase);
        }
        // nothing else saves this store on exit, so write it now
        UiPrefs.store().setValue(PREF_STATE, s.encode());
        UiPrefs.store().setValue(PREF_CASE, filterCase);
        UiPrefs.flush();
    }

    private static String caseKey(org.photoparity.cases.CaseFolder c) {
        return c == null ? "" : c.dir().toString();
    }

    @PostConstruct
    public void create(Composite parent) {
        restoreState();
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = 0;
        gl.marginHeight = 0;
        gl.verticalSpacing = 2;
        parent.setLayout(gl);
        // Dispose reaches the parent before its children go: the last chance to read the widgets for dispose()
        parent.addListener(SWT.Dispose, e -> state = currentState());
        createFilterBar(parent);
        table = new Table(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, table.indexOf((TableItem) e.item)));
        // a group row spans the whole row, as in Eclipse's Problems view: the native text (clipped to the first
        // column) is not drawn; each cell of the row draws its own slice of the one label, at the same x
        table.addListener(SWT.EraseItem, e -> {
            if (e.item.getData() instanceof MismatchRows.Group) e.detail &= ~SWT.FOREGROUND;
        });
        table.addListener(SWT.PaintItem, e -> {
            if (!(e.item.getData() instanceof MismatchRows.Group)) return;
            TableItem it = (TableItem) e.item;
            int first = table.getColumnOrder()[0];
            int x = it.getBounds(first).x + 4;
            e.gc.setFont(it.getFont());
            e.gc.setForeground(it.getForeground());
            String label = it.getText(0); // the group label lives in the first model column
            int h = e.gc.textExtent(label).y;
            Rectangle cell = it.getBounds(e.index);
            // a little past the cell on both sides, so no letter is lost in the gap between two cells
            e.gc.setClipping(cell.x - 3, cell.y, cell.width + 6, cell.height);
            e.gc.drawString(label, x, e.y + Math.max(0, (e.height - h) / 2), true);
        });
        table.addListener(SWT.DefaultSelection, e -> open(table.getSelectionIndex()));
        table.addListener(SWT.Selection, e -> publishSelection());
        createColumns();
        createMenu();
        showFilter(state.filter());
        session.addListener(this);
        switchCase(caseKey(session.caseFolder()));
        sessionChanged(CaseSession.Change.RESULT);
        Category asked = session.takeRequestedCategory(); // a Summary bar clicked before this part existed
        if (asked != null) showCategory(asked);
    }

    private void createFilterBar(Composite parent) {
        // two rows with their own columns, so the bar fits a view half the window wide
        Composite row1 = row(parent, 3);
        search = new Text(row1, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("Filter: file name, detail, key, state");
        GridData sg = new GridData(SWT.FILL, SWT.CENTER, true, false);
        sg.minimumWidth = 140;
        sg.widthHint = 200;
        search.setLayoutData(sg);
        search.addListener(SWT.Modify, e -> refilterSoon());
        grouping = new Combo(row1, SWT.READ_ONLY);
        for (Grouping g : Grouping.values()) grouping.add(g.label);
        grouping.select(state.grouping().ordinal());
        grouping.setToolTipText("Group the rows; double-click a group's row to fold it");
        grouping.addListener(SWT.Selection, e -> {
            collapsed.clear();
            refilter();
        });
        count = new Label(row1, SWT.RIGHT);
        GridData cg = new GridData(SWT.END, SWT.CENTER, false, false);
        cg.widthHint = 170;
        count.setLayoutData(cg);
        Composite row2 = row(parent, 7);
        category = new Combo(row2, SWT.READ_ONLY);
        category.add(ALL_CATEGORIES);
        for (Category c : Category.values()) category.add(MismatchRows.phrase(c));
        category.setToolTipText("Show one category only");
        category.addListener(SWT.Selection, e -> refilter());
        GridData catg = new GridData();
        catg.widthHint = 175;
        category.setLayoutData(catg);
        kind = new Combo(row2, SWT.READ_ONLY);
        kind.add(ALL_KINDS);
        for (AssetKind k : AssetKind.values()) {
            kind.add(org.photoparity.core.present.Vocabulary.label(k));
        }
        kind.setToolTipText("Show one kind of asset only");
        kind.addListener(SWT.Selection, e -> refilter());
        GridData kg = new GridData();
        kg.widthHint = 110;
        kind.setLayoutData(kg);
        new Label(row2, SWT.NONE).setText("Taken");
        from = dateField(row2, "from yyyy-mm-dd");
        new Label(row2, SWT.NONE).setText("to");
        to = dateField(row2, "to yyyy-mm-dd");
        chip = new Composite(row2, SWT.BORDER);
        GridLayout chl = new GridLayout(2, false);
        chl.marginHeight = 0;
        chl.marginWidth = 4;
        chip.setLayout(chl);
        chipText = new Label(chip, SWT.NONE);
        Button clear = new Button(chip, SWT.PUSH | SWT.FLAT);
        clear.setText("\u2715");
        clear.setToolTipText("Clear the filter of this case");
        clear.addListener(SWT.Selection, e -> setFilter(Filter.NONE));
        chip.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
    }

    /** The active-filter chip: shown while a filter hides rows, with a button that clears it. */
    private void showChip() {
        if (chip == null || chip.isDisposed()) return;
        Filter f = filterFromWidgets();
        boolean active = !f.equals(Filter.NONE);
        chipText.setText(active ? "Filtered" : "");
        chip.setToolTipText(active ? "This case's filter: " + f : null);
        chip.setVisible(active);
        ((GridData) chip.getLayoutData()).exclude = !active;
        chip.getParent().layout(true);
    }

    /** Whether the active-filter chip is showing. */
    public boolean filterChipShown() {
        return chip.getVisible();
    }

    private static Composite row(Composite parent, int columns) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(columns, false);
        gl.marginHeight = 2;
        c.setLayout(gl);
        c.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return c;
    }

    private Text dateField(Composite bar, String message) {
        Text t = new Text(bar, SWT.BORDER);
        t.setMessage(message);
        GridData gd = new GridData();
        gd.widthHint = 92;
        t.setLayoutData(gd);
        t.addListener(SWT.Modify, e -> {
            boolean ok = t.getText().isBlank() || ViewState.date(t.getText()) != null;
            t.setForeground(ok ? null : t.getDisplay().getSystemColor(SWT.COLOR_RED));
            t.setToolTipText(ok ? null : "Write the date as yyyy-mm-dd, e.g. 2024-05-07");
            if (ok) refilterSoon();
        });
        return t;
    }

    private void createColumns() {
        for (TableColumn c : table.getColumns()) c.dispose();
        tableColumns.clear();
        for (Column c : state.columns()) {
            TableColumn tc = new TableColumn(table, c == Column.DEVICE_SIZE || c == Column.CLOUD_SIZE ? SWT.RIGHT : SWT.LEFT);
            tc.setText(c.title);
            tc.setWidth(state.width(c));
            tc.setMoveable(true);
            tc.setData(c);
            tc.addListener(SWT.Selection, e -> {
                Sort s = state.sort();
                setSort(new Sort(c, s.column() == c ? !s.ascending() : true));
            });
            tableColumns.add(c);
        }
        showSort();
    }

    private void showSort() {
        int i = tableColumns.indexOf(state.sort().column());
        table.setSortColumn(i < 0 ? null : table.getColumn(i));
        table.setSortDirection(i < 0 ? SWT.NONE : state.sort().ascending() ? SWT.UP : SWT.DOWN);
    }

    /** Right-click: the columns to show (ticked), and a reset. */
    private void createMenu() {
        Menu menu = new Menu(table);
        menu.addListener(SWT.Show, e -> {
            for (MenuItem mi : menu.getItems()) mi.dispose();
            List<Column> shownNow = currentState().columns();
            for (Column c : Column.values()) {
                MenuItem mi = new MenuItem(menu, SWT.CHECK);
                mi.setText(Mnemonics.escape(c.title));
                mi.setSelection(shownNow.contains(c));
                mi.addListener(SWT.Selection, x -> setColumnVisible(c, mi.getSelection()));
            }
            new MenuItem(menu, SWT.SEPARATOR);
            MenuItem reset = new MenuItem(menu, SWT.PUSH);
            reset.setText("Reset columns, sort and filters");
            reset.addListener(SWT.Selection, x -> applyState(ViewState.DEFAULT));
        });
        table.setMenu(menu);
    }

    /** The state as the technician left it: widths and order read back from the table. */
    public ViewState currentState() {
        if (table == null || table.isDisposed() || grouping.isDisposed() || search.isDisposed()
                || category.isDisposed() || kind.isDisposed() || from.isDisposed() || to.isDisposed()) return state;
        List<Column> order = new ArrayList<>();
        Map<Column, Integer> widths = new EnumMap<>(Column.class);
        widths.putAll(state.widths());
        for (int i : table.getColumnOrder()) {
            TableColumn tc = table.getColumn(i);
            Column c = (Column) tc.getData();
            order.add(c);
            if (tc.getWidth() > 0 && tc.getWidth() != c.width) widths.put(c, tc.getWidth());
        }
        return state.withColumns(order).withWidths(widths).withFilter(filterFromWidgets())
                .withGrouping(Grouping.values()[Math.max(0, grouping.getSelectionIndex())]);
    }

    /** Replaces the whole state (columns, sort, filter, grouping). */
    public Job applyState(ViewState s) {
        state = s;
        collapsed.clear();
        createColumns();
        grouping.select(s.grouping().ordinal());
        showFilter(s.filter());
        return refilter();
    }

    public void setColumnVisible(Column c, boolean visible) {
        ViewState s = currentState();
        List<Column> cols = new ArrayList<>(s.columns());
        if (visible && !cols.contains(c)) cols.add(c);
        if (!visible && cols.size() > 1) cols.remove(c);
        state = s.withColumns(cols);
        createColumns();
        table.clearAll();
        if (visible) table.showColumn(table.getColumn(tableColumns.indexOf(c))); // never added off-screen
    }

    public Job setSort(Sort s) {
        state = currentState().withSort(s);
        showSort();
        return refilter();
    }

    public Job setGrouping(Grouping g) {
        grouping.select(g.ordinal());
        collapsed.clear();
        return refilter();
    }

    /** Sets the filter widgets and refilters. */
    public Job setFilter(Filter f) {
        showFilter(f);
        return refilter();
    }

    /** Shows only {@code c} (what clicking a bar of the Summary chart does); null shows every category. */
    public Job showCategory(Category c) {
        Filter f = filterFromWidgets().withCategories(c == null ? Set.of() : Set.of(c));
        return setFilter(f);
    }

    private boolean updatingWidgets;

    private void showFilter(Filter f) {
        updatingWidgets = true;
        try {
            search.setText(f.text());
            category.select(f.categories().size() == 1 ? f.categories().iterator().next().ordinal() + 1 : 0);
            kind.select(f.kinds().size() == 1 ? f.kinds().iterator().next().ordinal() + 1 : 0);
            from.setText(f.from() == null ? "" : f.from().toString());
            to.setText(f.to() == null ? "" : f.to().toString());
        } finally {
            updatingWidgets = false;
        }
    }

    private Filter filterFromWidgets() {
        Set<Category> cats = category.getSelectionIndex() <= 0 ? Set.of()
                : EnumSet.of(Category.values()[category.getSelectionIndex() - 1]);
        Set<AssetKind> kinds = kind.getSelectionIndex() <= 0 ? Set.of()
                : EnumSet.of(AssetKind.values()[kind.getSelectionIndex() - 1]);
        return new Filter(cats, kinds, ViewState.date(from.getText()), ViewState.date(to.getText()), search.getText());
    }

    private Runnable pendingRefilter;

    /** Typing waits for a pause before filtering. */
    private void refilterSoon() {
        if (updatingWidgets) return;
        Display d = table.getDisplay();
        if (pendingRefilter != null) d.timerExec(-1, pendingRefilter);
        pendingRefilter = () -> {
            pendingRefilter = null;
            if (!table.isDisposed()) refilter();
        };
        d.timerExec(250, pendingRefilter);
    }

    @Override
    public void sessionChanged(CaseSession.Change change) {
        if (table == null || table.isDisposed()) return;
        if (change == CaseSession.Change.CASE) {
            switchCase(caseKey(session.caseFolder()));
            return;
        }
        if (change == CaseSession.Change.CATEGORY_REQUEST) {
            Category c = session.takeRequestedCategory();
            showCategory(c);
            return;
        }
        if (change != CaseSession.Change.RESULT) return;
        ReconcileResult r = session.result();
        if (r == shownResult) return;
        shownResult = r;
        collapsed.clear();
        recompute(r);
    }

    /** Keeps the filter of the case shown so far and shows the filter of {@code key}'s case (none the first time). */
    private void switchCase(String key) {
        if (key.equals(filterCase)) {
            showChip();
            return;
        }
        filtersByCase.put(filterCase, filterFromWidgets());
        filterCase = key;
        showFilter(filtersByCase.getOrDefault(key, Filter.NONE));
        showChip();
    }

    /** Rebuilds the rows from {@code r} and refilters, in a job. */
    private Job recompute(ReconcileResult r) {
        source = r == null ? List.of() : r.mismatches();
        rows = null;
        shown = Shown.EMPTY; // the old rows are gone: show nothing until the new ones are built
        table.setItemCount(0);
        return schedule();
    }

    /** Applies the filter, sort and grouping shown in the widgets, in a job; returns it. */
    public Job refilter() {
        if (updatingWidgets) return null;
        showChip();
        return schedule();
    }

    private Job schedule() {
        final int gen = ++generation;
        final Filter f = filterFromWidgets();
        final Sort s = state.sort();
        final Grouping g = Grouping.values()[Math.max(0, grouping.getSelectionIndex())];
        final Set<String> coll = Set.copyOf(collapsed);
        final Row[] current = rows;
        final List<Mismatch> rebuildFrom = current == null ? source : null;
        final Display d = table.getDisplay();
        count.setText("Filtering...");
        if (job != null) job.cancel();
        Job j = new Job("Filtering mismatches") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    Row[] rs = rebuildFrom != null ? MismatchRows.build(rebuildFrom, monitor) : current;
                    Shown sh = MismatchRows.compute(rs, f, s, g, coll, monitor);
                    d.asyncExec(() -> show(gen, rs, sh, rebuildFrom));
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                }
            }
        };
        j.setSystem(true);
        job = j;
        j.schedule();
        return j;
    }

    private void show(int gen, Row[] rs, Shown sh, List<Mismatch> builtFrom) {
        if (table.isDisposed()) return;
        if (rows == null && builtFrom == source) rows = rs; // a later refilter may reuse the rows this job built
        if (gen != generation) return;
        shownGeneration = gen;
        rows = rs;
        shown = sh;
        table.setRedraw(false);
        try {
            table.deselectAll();
            table.setItemCount(sh.entries().length);
            table.clearAll();
        } finally {
            table.setRedraw(true);
        }
        count.setText(String.format(Locale.ROOT, "%,d of %,d mismatches", sh.rows(), rs.length));
        publishSelection();
    }

    private void fill(TableItem item, int index) {
        if (rows == null || index < 0 || index >= shown.entries().length) return;
        if (shown.isGroup(index)) {
            MismatchRows.Group grp = shown.group(index);
            boolean closed = collapsed.contains(grp.key());
            String[] texts = new String[tableColumns.size()];
            java.util.Arrays.fill(texts, "");
            texts[0] = (closed ? "\u25b8 " : "\u25be ") + grp.label() + " (" + grp.count() + ")";
            item.setText(texts);
            item.setFont(JFaceResources.getBannerFont());
            item.setData(grp);
            return;
        }
        Row r = rows[shown.entries()[index]];
        String[] texts = new String[tableColumns.size()];
        for (int i = 0; i < texts.length; i++) texts[i] = MismatchRows.text(r, tableColumns.get(i));
        item.setText(texts);
        item.setData(r);
    }

    /** Double-click: a group header folds or unfolds, a mismatch opens in Compare. */
    private void open(int index) {
        if (index < 0 || index >= shown.entries().length) return;
        if (shown.isGroup(index)) {
            String key = shown.group(index).key();
            if (!collapsed.remove(key)) collapsed.add(key);
            refilter();
            return;
        }
        table.setSelection(index);
        publishSelection();
        if (commands == null || handlers == null) return; // constructed by hand (tests)
        ParameterizedCommand cmd = commands.createCommand(SHOW_COMPARE, null);
        if (cmd != null) handlers.executeHandler(cmd);
    }

    /** Opens the mismatch shown at table row {@code index} in Compare (what a double-click does). */
    public void openInCompare(int index) {
        open(index);
    }

    /** The selected mismatches, for the selection service (Compare follows it). */
    public IStructuredSelection selection() {
        if (table == null || table.isDisposed() || rows == null) return StructuredSelection.EMPTY;
        List<Mismatch> sel = new ArrayList<>();
        for (int i : table.getSelectionIndices()) {
            if (i < shown.entries().length && !shown.isGroup(i)) sel.add(rows[shown.entries()[i]].mismatch());
        }
        return new StructuredSelection(sel);
    }

    private void publishSelection() {
        if (selectionService != null) selectionService.setSelection(selection());
    }

    // ---- read access for tests and other views --------------------------------------------------------------

    public Table table() {
        return table;
    }

    /** How many mismatches pass the filter (group headers not counted). */
    public int shownCount() {
        return shown.rows();
    }

    /** Table rows, group headers included. */
    public int tableRows() {
        return shown.entries().length;
    }

    /** The mismatch at a table row, or null for a group header. */
    public Mismatch mismatchAt(int index) {
        return shown.isGroup(index) ? null : rows[shown.entries()[index]].mismatch();
    }

    /** What the table shows in a cell, as the virtual table renders it. */
    public String cellText(int index, Column c) {
        int col = tableColumns.indexOf(c);
        if (col < 0) throw new IllegalArgumentException(c + " is not shown");
        return table.getItem(index).getText(col);
    }

    public List<Column> shownColumns() {
        return List.copyOf(tableColumns);
    }

    public boolean isBusy() {
        return shownGeneration != generation || pendingRefilter != null;
    }

    @Focus
    public void setFocus() {
        table.setFocus();
    }

    @PreDestroy
    public void dispose() {
        session.removeListener(this);
        if (job != null) job.cancel();
        if (table != null) {
            // the widgets may be gone already; then state holds what they showed (see create)
            UiPrefs.store().setValue(PREF_STATE, currentState().encode());
            UiPrefs.store().setValue(PREF_CASE, filterCase);
            UiPrefs.flush();
        }
    }
}
