package org.photoparity.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.IProbe;

/** A tree of probe results: one row per probe (status, name, summary), its evidence lines beneath. */
final class ProbeTree {

    /** A probe as listed, with its last result (null when it has not run). */
    record Row(String id, String name, int fix, ProbeResult result) {
    }

    /** One evidence line under its probe. */
    record Evidence(Row row, String text) {
    }

    private final TreeViewer viewer;

    ProbeTree(Composite parent, boolean showFix) {
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        Tree tree = viewer.getTree();
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        column("Probe", 260, new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                return e instanceof Row r ? r.name() : "evidence";
            }

            @Override
            public Image getImage(Object e) {
                return e instanceof Row r && r.result() != null ? StatusImages.image(r.result().status()) : null;
            }
        });
        column("Status", 80, new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                if (!(e instanceof Row r)) return "";
                return r.result() == null ? "Not run" : StatusImages.label(r.result().status());
            }

            @Override
            public Color getForeground(Object e) {
                if (e instanceof Row r && r.result() != null) {
                    return new Color(tree.getDisplay(), StatusImages.rgb(r.result().status()));
                }
                return null;
            }
        });
        if (showFix) {
            column("Fix", 40, new ColumnLabelProvider() {
                @Override
                public String getText(Object e) {
                    return e instanceof Row r ? String.valueOf(r.fix()) : "";
                }
            });
        }
        column("Summary / evidence", 620, new ColumnLabelProvider() {
            @Override
            public String getText(Object e) {
                if (e instanceof Evidence ev) return ev.text();
                Row r = (Row) e;
                return r.result() == null ? "Analyze the case or press Re-run to run this probe." : r.result().summary();
            }
        });
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object e) {
                if (!(e instanceof Row r) || r.result() == null) return new Object[0];
                List<Evidence> ev = new ArrayList<>();
                for (String line : r.result().evidence()) ev.add(new Evidence(r, line));
                return ev.toArray();
            }

            @Override
            public Object getParent(Object e) {
                return e instanceof Evidence ev ? ev.row() : null;
            }

            @Override
            public boolean hasChildren(Object e) {
                return e instanceof Row r && r.result() != null && !r.result().evidence().isEmpty();
            }
        });
        viewer.setInput(List.of());
    }

    private void column(String title, int width, ColumnLabelProvider label) {
        TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.getColumn().setMoveable(true);
        c.setLabelProvider(label);
    }

    TreeViewer viewer() {
        return viewer;
    }

    void setRows(List<Row> rows) {
        Object[] expanded = viewer.getExpandedElements();
        List<String> expandedIds = new ArrayList<>();
        for (Object o : expanded) if (o instanceof Row r) expandedIds.add(r.id());
        viewer.setInput(rows);
        for (Row r : rows) {
            // failing and warning probes open with their evidence showing; the rest keep what the user chose
            boolean open = expandedIds.contains(r.id()) || r.result() != null
                    && (r.result().status() == org.photoparity.core.model.ProbeStatus.FAIL
                            || r.result().status() == org.photoparity.core.model.ProbeStatus.WARN);
            if (open) viewer.setExpandedState(r, true);
        }
    }

    @SuppressWarnings("unchecked")
    List<Row> rows() {
        return (List<Row>) viewer.getInput();
    }

    /** Rows for the probes {@code ids} (all registered probes when null), with the session's results. */
    static List<Row> rows(List<String> ids, java.util.function.Function<String, ProbeResult> results) {
        List<Row> rows = new ArrayList<>();
        PhotoParityRegistry reg = PhotoParityRegistry.get();
        if (ids == null) {
            for (Contribution<IProbe> c : reg.probes()) {
                rows.add(new Row(c.id(), c.name(), c.intAttribute("fix", 0), results.apply(c.id())));
            }
            return rows;
        }
        for (String id : ids) {
            Contribution<IProbe> c = reg.probes().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
            ProbeResult r = results.apply(id);
            if (c == null) rows.add(new Row(id, id + " (not installed)", r == null ? 0 : r.fix(), r));
            else rows.add(new Row(c.id(), c.name(), c.intAttribute("fix", 0), r));
        }
        return rows;
    }
}
