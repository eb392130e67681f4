package org.photoparity.ui.wizards;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.photoparity.sources.Scanner;

/**
 * A list of paths with a status per row ("Folder of photos", "not found ..."), as Eclipse's list field editors
 * have: type or paste a path and press Enter or Add, or choose one with Add folder... / Add file...; Remove; a
 * double-click takes a row back into the entry field to be corrected. The status is re-read on every change, so a
 * warning about a path that was fixed goes away with it. Fills three columns of a 3-column grid: nothing in the
 * first (the caller's label), the entry and the table in the second, the buttons in the third.
 */
public final class PathListEditor {

    private final Text entry;
    private final Table table;
    private final Composite buttons;
    private final Function<String, Scanner.SpecStatus> status;
    private final List<Runnable> listeners = new ArrayList<>();

    /**
     * @param status what a row is, e.g. {@code Scanner.standard()::describe} for sources
     */
    public PathListEditor(Composite parent, String hint, boolean folders, boolean files,
            Function<String, Scanner.SpecStatus> status) {
        this.status = status;
        Composite middle = new Composite(parent, SWT.NONE);
        GridLayout ml = new GridLayout(1, false);
        ml.marginWidth = ml.marginHeight = 0;
        middle.setLayout(ml);
        GridData md = new GridData(SWT.FILL, SWT.FILL, true, true);
        md.widthHint = 460;
        middle.setLayoutData(md);
        entry = new Text(middle, SWT.BORDER | SWT.SEARCH);
        entry.setMessage(hint);
        entry.setToolTipText(hint + ". Enter adds it.");
        entry.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        entry.addListener(SWT.DefaultSelection, e -> addEntry());
        table = new Table(middle, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        TableColumn path = new TableColumn(table, SWT.LEFT);
        path.setText("Path");
        path.setWidth(300);
        TableColumn what = new TableColumn(table, SWT.LEFT);
        what.setText("Status");
        what.setWidth(220);
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true);
        td.heightHint = 64;
        table.setLayoutData(td);
        table.addListener(SWT.MouseDoubleClick, e -> {
            int i = table.getSelectionIndex();
            if (i < 0) return;
            entry.setText(table.getItem(i).getText(0));
            entry.setFocus();
            entry.selectAll();
            table.remove(i);
            changed();
        });

        buttons = new Composite(parent, SWT.NONE);
        GridLayout bl = new GridLayout(1, true);
        bl.marginWidth = 0;
        buttons.setLayout(bl);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        Button add = button(buttons, "Add");
        add.setToolTipText("Adds the path typed above");
        add.addListener(SWT.Selection, e -> addEntry());
        if (folders) {
            Button b = button(buttons, "Add folder...");
            b.addListener(SWT.Selection, e -> {
                String s = FolderChooser.choose(b.getShell(), "Add folder", "Choose a folder to add",
                        entry.getText().isBlank() && !paths().isEmpty() ? paths().get(paths().size() - 1)
                                : entry.getText());
                if (s != null) add(s);
            });
        }
        if (files) {
            Button b = button(buttons, "Add file...");
            b.addListener(SWT.Selection, e -> {
                String s = new FileDialog(b.getShell(), SWT.OPEN).open();
                if (s != null) add(s);
            });
        }
        Button remove = button(buttons, "Remove");
        remove.addListener(SWT.Selection, e -> {
            int[] sel = table.getSelectionIndices();
            if (sel.length == 0) return;
            table.remove(sel);
            changed();
        });
    }

    private static Button button(Composite parent, String text) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return b;
    }

    private void addEntry() {
        String s = entry.getText().strip();
        if (s.isEmpty()) return;
        add(s);
        entry.setText("");
    }

    /** Adds a row (a path already listed is not added twice). */
    public void add(String path) {
        String p = path.strip();
        if (p.isEmpty() || paths().contains(p)) return;
        TableItem item = new TableItem(table, SWT.NONE);
        item.setText(0, p);
        refresh(item);
        changed();
    }

    /** Replaces every row. */
    public void setPaths(List<String> paths) {
        table.removeAll();
        for (String p : paths) {
            if (p.isBlank() || paths().contains(p.strip())) continue;
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(0, p.strip());
            refresh(item);
        }
        changed();
    }

    /** The rows, in order, plus what is typed in the entry field and not added yet. */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        for (TableItem i : table.getItems()) out.add(i.getText(0));
        return out;
    }

    /** The rows and a path still typed in the entry field (what the technician means). */
    public List<String> pathsWithEntry() {
        List<String> out = paths();
        String typed = entry.getText().strip();
        if (!typed.isEmpty() && !out.contains(typed)) out.add(typed);
        return out;
    }

    /** The status shown for each row, in order ("Folder of photos", "not found ..."). */
    public List<String> statuses() {
        List<String> out = new ArrayList<>();
        for (TableItem i : table.getItems()) out.add(i.getText(1));
        return out;
    }

    /** Rows whose status is a problem, as "path: status". */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        for (TableItem i : table.getItems()) {
            if (Boolean.FALSE.equals(i.getData())) out.add(i.getText(0) + ": " + i.getText(1));
        }
        return out;
    }

    /** Reads every row's status again (a disk was mounted, a folder created). */
    public void refreshStatus() {
        for (TableItem i : table.getItems()) refresh(i);
    }

    private void refresh(TableItem item) {
        Scanner.SpecStatus s = status.apply(item.getText(0));
        item.setText(1, s.text());
        item.setData(s.ok());
        item.setForeground(1, s.ok() ? null : table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
    }

    public void addListener(Runnable r) {
        listeners.add(r);
        entry.addListener(SWT.Modify, e -> r.run());
    }

    private void changed() {
        for (Runnable r : listeners) r.run();
    }

    /** The button column, for a caller's own button ("Read connected device"). */
    public Composite buttons() {
        return buttons;
    }

    public Table table() {
        return table;
    }

    public Text entry() {
        return entry;
    }
}
