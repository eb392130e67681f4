package org.photoparity.ui.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.session.Cases;

/** The cases opened lately, newest first; double-click opens one and analyses it. */
public final class CaseExplorerView extends ViewPart implements CaseSession.Listener {
    public static final String ID = "org.photoparity.ui.views.cases";

    /** One remembered case as listed; {@code data} is null when its folder is gone or unreadable. */
    public record Entry(Path dir, CaseData data, String problem) {
        String name() {
            return data != null ? data.name() : dir.getFileName() + " (" + problem + ")";
        }
    }

    private TableViewer viewer;
    private Label hint;

    @Override
    public void createPartControl(Composite parent) {
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
        column("Last analysed", 150, e -> e.data() == null || e.data().lastAnalysis() == null ? "never"
                : SummaryView.when(e.data().lastAnalysis().analyzedAt()));
        column("Mismatches", 90, e -> e.data() == null || e.data().lastAnalysis() == null ? ""
                : String.format(Locale.ROOT, "%,d", e.data().lastAnalysis().mismatches()));
        column("Folder", 320, e -> e.dir().toString());
        viewer.addDoubleClickListener(e -> openSelected());
        MenuManager menu = new MenuManager();
        menu.add(new Action("Open and analyse") {
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
        CaseSession.get().addListener(this);
        refresh();
    }

    private void column(String title, int width, java.util.function.Function<Entry, String> text) {
        Columns.text(viewer, Entry.class, title, width, text, e -> {
            CaseFolder open = CaseSession.get().caseFolder();
            return open != null && open.dir().equals(e.dir())
                    ? JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT) : null;
        });
    }

    private void openSelected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        if (!(o instanceof Entry e)) return;
        try {
            CaseActions.open(e.dir(), true);
        } catch (IOException ex) {
            hint.setText(ex.getMessage());
            hint.getParent().layout();
        }
    }

    @Override
    public void sessionChanged(CaseSession.Change change) {
        if (change == CaseSession.Change.CASE) refresh();
    }

    public void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) return;
        List<Entry> entries = entries();
        viewer.setInput(entries);
        hint.setText(entries.isEmpty() ? "No cases yet: File > New Case... or File > Open Case..."
                : "Double-click a case to open and analyse it. The open case is in bold.");
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

    @SuppressWarnings("unchecked")
    public List<Entry> shown() {
        return (List<Entry>) viewer.getInput();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        CaseSession.get().removeListener(this);
        super.dispose();
    }
}
