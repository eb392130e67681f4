package org.photoparity.ui.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.session.Cases;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The cases opened lately, in a stable order the technician chooses (by name at first; click a header to sort by
 * it); double-click opens one and analyses it. An Eclipse 4 part.
 */
public final class CaseExplorerView implements CaseSession.Listener {
    public static final String ID = "org.photoparity.ui.views.cases";

    /** One remembered case as listed; {@code data} is null when its folder is gone or unreadable. */
    public record Entry(Path dir, CaseData data, String problem) {
        String name() {
            return data != null ? data.name() : dir.getFileName() + " (" + problem + ")";
        }
    }

    private final CaseSession session;
    private TableViewer viewer;
    private Label hint;
    private int sortColumn;
    private boolean ascending = true;
    private final List<java.util.function.Function<Entry, String>> keys = new ArrayList<>();

    @Inject
    public CaseExplorerView(CaseSession session) {
        this.session = session;
    }

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        hint = new Label(parent, SWT.WRAP);
        GridData hg = new GridData(SWT.FILL, SWT.TOP, true, false);
        hg.widthHint = 200;
        hint.setLayoutData(hg);
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column("Case", 190, Entry::name);
        column("Last analyzed", 150, e -> e.data() == null || e.data().lastAnalysis() == null ? "never"
                : SummaryView.when(e.data().lastAnalysis().analyzedAt()));
        column("Mismatches", 90, e -> e.data() == null || e.data().lastAnalysis() == null ? ""
                : String.format(Locale.ROOT, "%,d", e.data().lastAnalysis().mismatches()));
        column("Folder", 320, e -> e.dir().toString());
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object a, Object b) {
                Entry x = (Entry) a;
                Entry y = (Entry) b;
                int c = compareKeys(keys.get(sortColumn).apply(x), keys.get(sortColumn).apply(y));
                if (c == 0) c = x.dir().compareTo(y.dir()); // stable: never re-sorted by opening
                return ascending ? c : -c;
            }
        });
        viewer.getTable().setSortColumn(viewer.getTable().getColumn(0));
        viewer.getTable().setSortDirection(SWT.UP);
        viewer.addDoubleClickListener(e -> openSelected());
        MenuManager menu = new MenuManager();
        menu.add(new Action("Open and analyze") {
            @Override
            public void run() {
                openSelected();
            }
        });
        menu.add(new Action("Remove from this list (the folder stays)") {
            @Override
            public void run() {
                Object o = viewer.getStructuredSelection().getFirstElement();
                if (o instanceof Entry e) {
                    try {
                        Cases.recent().remove(e.dir());
                    } catch (IOException ex) {
                        hint.setText("Could not update the list: " + ex.getMessage());
                    }
                    refresh();
                }
            }
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        session.addListener(this);
        // the cases' case.json files are read off the UI thread: the window paints first (issue 15)
        hint.setText("Reading the recent cases...");
        org.eclipse.swt.widgets.Display display = parent.getDisplay();
        int asked = ++shownGeneration;
        Thread reader = new Thread(() -> {
            List<Entry> entries = entries();
            display.asyncExec(() -> {
                // a refresh since (a case was opened) has shown newer entries
                if (asked == shownGeneration) show(entries);
            });
        }, "recent cases");
        reader.setDaemon(true);
        reader.start();
    }

    /** Numbers compare as numbers ("1,204" after "98"), the rest as text ignoring case. */
    private static int compareKeys(String a, String b) {
        String x = a.replace(",", "");
        String y = b.replace(",", "");
        if (x.matches("\\d+") && y.matches("\\d+")) return Long.compare(Long.parseLong(x), Long.parseLong(y));
        return a.compareToIgnoreCase(b);
    }

    private void column(String title, int width, java.util.function.Function<Entry, String> text) {
        int index = keys.size();
        keys.add(text);
        TableViewerColumn c = Columns.text(viewer, Entry.class, title, width, text,
                e -> {
                    CaseFolder open = session.caseFolder();
                    return open != null && open.dir().equals(e.dir())
                            ? JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT) : null;
                });
        c.getColumn().addListener(SWT.Selection, ev -> sortBy(index));
    }

    /** Sorts by column {@code index}; again on the same column reverses the order. */
    public void sortBy(int index) {
        ascending = index == sortColumn ? !ascending : true;
        sortColumn = index;
        viewer.getTable().setSortColumn(viewer.getTable().getColumn(index));
        viewer.getTable().setSortDirection(ascending ? SWT.UP : SWT.DOWN);
        viewer.refresh();
    }

    private void openSelected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (!(o instanceof Entry e)) return;
        try {
            CaseActions.openWithSavedResults(e.dir());
        } catch (IOException ex) {
            hint.setText(ex.getMessage());
            hint.getParent().layout();
        }
    }

    @Override
    public void sessionChanged(CaseSession.Change change) {
        if (change == CaseSession.Change.CASE) refresh();
    }

    /** Counts the listings asked for on the UI thread: a late background read does not replace a newer one. */
    private int shownGeneration;

    public void refresh() {
        shownGeneration++;
        show(entries());
    }

    private void show(List<Entry> entries) {
        if (viewer == null || viewer.getControl().isDisposed()) return;
        viewer.setInput(entries);
        hint.setText(entries.isEmpty() ? "No cases yet: File > New Case... or File > Open Case..."
                : "Double-click a case to open it with its last results. The open case is in bold; click a header"
                        + " to sort.");
        hint.getParent().layout();
    }

    /** The recent cases as listed. */
    public static List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        for (Path p : Cases.recent().list()) {
            try {
                out.add(new Entry(p, CaseFolder.open(p).data(), null));
            } catch (IOException e) {
                out.add(new Entry(p, null, CaseFolder.isCase(p) ? "unreadable" : "folder missing"));
            }
        }
        return out;
    }

    /** The cases in the order shown. */
    public List<Entry> shown() {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < viewer.getTable().getItemCount(); i++) out.add((Entry) viewer.getElementAt(i));
        return out;
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    public void dispose() {
        session.removeListener(this);
    }
}
