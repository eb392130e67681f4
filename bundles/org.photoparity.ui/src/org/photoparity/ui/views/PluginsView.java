package org.photoparity.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.e4.ui.di.Focus;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.ContributionProblem;
import org.photoparity.core.registry.PhotoParityRegistry;

import jakarta.annotation.PostConstruct;

/** Every contribution in the registry (the same list as `photoparity plugins`), and the broken ones. */
public final class PluginsView {
    public static final String ID = "org.photoparity.ui.views.plugins";

    /** One row: a working contribution or a broken one. */
    public record Row(String kind, String id, String name, String bundle, String version, String status) {
    }

    private TableViewer viewer;
    private Label summary;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column("Kind", 100, Row::kind);
        column("Id", 200, Row::id);
        column("Name", 280, Row::name);
        column("Bundle", 260, Row::bundle);
        column("Version", 160, Row::version);
        column("Status", 300, Row::status);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        refresh();
    }

    private void column(String title, int width, java.util.function.Function<Row, String> text) {
        Columns.text(viewer, Row.class, title, width, text, null);
    }

    public void refresh() {
        PhotoParityRegistry r = PhotoParityRegistry.get();
        viewer.setInput(rows(r));
        summary.setText(String.format("%d sources, %d comparators, %d probes, %d strategies%s", r.sources().size(),
                r.comparators().size(), r.probes().size(), r.strategies().size(),
                r.problems().isEmpty() ? "" : ", " + r.problems().size() + " broken (skipped)"));
        summary.getParent().layout();
    }

    public static List<Row> rows(PhotoParityRegistry r) {
        List<Row> rows = new ArrayList<>();
        for (Contribution<?> c : r.all()) {
            rows.add(new Row(c.kind().label(), c.id(), c.name(), c.bundle(), c.version(), "ok"));
        }
        for (ContributionProblem p : r.problems()) {
            rows.add(new Row(p.kind().label(), p.id(), "", p.bundle(), "", "broken: " + p.message()));
        }
        return rows;
    }

    /** The rows shown, for tests. */
    public List<Row> shownRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < viewer.getTable().getItemCount(); i++) rows.add((Row) viewer.getElementAt(i));
        return rows;
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
