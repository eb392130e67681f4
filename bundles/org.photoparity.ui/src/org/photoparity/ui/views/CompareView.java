package org.photoparity.ui.views;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.TextLayout;
import org.eclipse.swt.graphics.TextStyle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.ui.table.CompareFields;
import org.photoparity.ui.table.MismatchRows;
import org.photoparity.ui.table.Previews;
import org.photoparity.ui.session.CaseSession;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One mismatch, device and cloud side by side: a preview of each (where the format allows; any file of the asset,
 * e.g. a Live Photo's video, can be picked), every field with the differing ones highlighted, and the key that
 * paired them. Follows the selection service: whatever part selects a mismatch. A case switch clears it. An Eclipse
 * 4 part: construct it with a session and call {@link #create(Composite)}.
 */
public final class CompareView implements CaseSession.Listener {
    public static final String ID = "org.photoparity.ui.views.compare";
    private static final RGB DIFF_BG = new RGB(255, 226, 140);
    private static final RGB DIFF_FG = new RGB(0, 0, 0);

    /** One side: which assets it may show, and its widgets. */
    private final class Side {
        final Label title;
        final Combo pick;
        final Canvas canvas;
        final Label message;
        List<Asset> assets = List.of();
        /** What the combo lists: each asset's files, primary first. */
        final List<Asset> pickAssets = new ArrayList<>();
        final List<MediaFile> pickFiles = new ArrayList<>();
        SideInventory inventory;
        Image image;
        String previewMessage;
        int generation;

        Side(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            // the side's name beside its file: at 1280x800 every line above the preview is one it loses
            title = new Label(c, SWT.NONE);
            title.setFont(JFaceResources.getBannerFont());
            title.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
            pick = new Combo(c, SWT.READ_ONLY);
            GridData pg = new GridData(SWT.FILL, SWT.CENTER, true, false);
            pg.widthHint = 80;
            pick.setLayoutData(pg);
            pick.addListener(SWT.Selection, e -> refreshFields());
            canvas = new Canvas(c, SWT.DOUBLE_BUFFERED);
            // no minimum: a canvas taller than its side was cut off at the bottom (the picture with it); the
            // picture is scaled to whatever height there is
            GridData cg = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
            cg.heightHint = 200;
            canvas.setLayoutData(cg);
            canvas.addListener(SWT.Paint, e -> paint(e.gc));
            message = new Label(c, SWT.WRAP);
            GridData mg = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
            mg.widthHint = 200;
            message.setLayoutData(mg);
        }

        Asset selected() {
            int i = pick.getSelectionIndex();
            return i < 0 || i >= pickAssets.size() ? null : pickAssets.get(i);
        }

        MediaFile selectedFile() {
            int i = pick.getSelectionIndex();
            return i < 0 || i >= pickFiles.size() ? null : pickFiles.get(i);
        }

        void set(String name, List<Asset> list, int initial, SideInventory inv) {
            set(name, list, initial, inv, null);
        }

        /** Lists the sides' files and selects {@code preferred} when it is one of them, else asset {@code initial}. */
        void set(String name, List<Asset> list, int initial, SideInventory inv, MediaFile preferred) {
            title.setText(name);
            assets = list;
            inventory = inv;
            pick.removeAll();
            pickAssets.clear();
            pickFiles.clear();
            int select = 0;
            for (int i = 0; i < list.size(); i++) {
                Asset a = list.get(i);
                if (i == Math.min(initial, list.size() - 1)) select = pickAssets.size();
                List<MediaFile> files = new ArrayList<>();
                if (a.primary() != null) files.add(a.primary());
                for (MediaFile f : a.files()) if (f != a.primary()) files.add(f);
                if (files.isEmpty()) files.add(null);
                for (MediaFile f : files) {
                    pickAssets.add(a);
                    pickFiles.add(f);
                    pick.add(f == null ? a.displayName() + "  \u2014  listing only"
                            : f.name() + (f == a.primary() ? "" : "  (" + role(f) + ")") + "  \u2014  " + f.path());
                }
            }
            if (list.isEmpty()) pick.add("(not on this side)");
            if (preferred != null && pickFiles.contains(preferred)) select = pickFiles.indexOf(preferred);
            pick.select(select);
            pick.setEnabled(pickFiles.size() > 1);
        }

        void clear(String name) {
            title.setText(name);
            assets = List.of();
            pickAssets.clear();
            pickFiles.clear();
            pick.removeAll();
            pick.setEnabled(false);
            generation++;
            disposeImage();
            setMessage("");
        }

        void paint(GC gc) {
            Rectangle area = canvas.getClientArea();
            if (image == null || image.isDisposed()) {
                placeholder(gc, area);
                return;
            }
            Rectangle b = image.getBounds();
            double scale = Math.min(1.0, Math.min((double) area.width / b.width, (double) area.height / b.height));
            int w = (int) (b.width * scale);
            int h = (int) (b.height * scale);
            gc.setInterpolation(SWT.HIGH);
            gc.setAntialias(SWT.ON);
            gc.drawImage(image, 0, 0, b.width, b.height, (area.width - w) / 2, (area.height - h) / 2, w, h);
        }

        /**
         * In place of a picture, what there is instead, inside a frame the size of the preview: why it cannot be
         * shown (its first words in bold), that it is loading, or that the side has nothing.
         */
        void placeholder(GC gc, Rectangle area) {
            String text = previewMessage;
            if (text == null || text.isEmpty() || area.width < 8 || area.height < 8) return;
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
            gc.setLineStyle(SWT.LINE_DASH);
            gc.drawRectangle(0, 0, area.width - 1, area.height - 1);
            gc.setLineStyle(SWT.LINE_SOLID);
            TextLayout layout = new TextLayout(canvas.getDisplay());
            try {
                layout.setFont(canvas.getFont());
                layout.setWidth(Math.max(1, area.width - 12));
                int head = text.startsWith(Previews.CANNOT_BE_SHOWN) ? text.indexOf(" (") : -1;
                TextStyle bold = new TextStyle(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT),
                        null, null);
                // whole lines only: what does not fit ends in an ellipsis (the tooltip has it all)
                String shown = text;
                while (true) {
                    layout.setText(shown);
                    if (head > 0) layout.setStyle(bold, 0, Math.min(head, shown.length()) - 1);
                    int fit = 0;
                    while (fit < layout.getLineCount() && layout.getLineBounds(fit).y
                            + layout.getLineBounds(fit).height <= area.height - 6) {
                        fit++;
                    }
                    if (fit >= layout.getLineCount() || fit == 0) break;
                    int end = layout.getLineOffsets()[fit] - 1;
                    String cut = text.substring(0, Math.max(0, Math.min(end, shown.length() - 1))).stripTrailing();
                    if (cut.isEmpty() || cut.length() >= shown.length()) break;
                    shown = cut + "\u2026";
                }
                int h = layout.getBounds().height;
                gc.setForeground(canvas.getForeground());
                layout.draw(gc, 6, h + 12 <= area.height ? (area.height - h) / 2 : 6);
            } finally {
                layout.dispose();
            }
        }

        void preview(Display display) {
            int gen = ++generation;
            disposeImage();
            Asset a = selected();
            MediaFile file = selectedFile();
            if (a == null) {
                setMessage(assets.isEmpty() ? "Not on this side." : "");
                return;
            }
            if (file != null && !file.readable()) {
                // the scanner found the file damaged: what a decoder makes of it (half a picture over grey, for
                // a file cut short) is not the picture, so none is decoded
                setMessage(Previews.cannotBeShown(file));
                return;
            }
            setMessage("Loading preview...");
            Path root = file == null || inventory == null
                    || file.source() >= inventory.sources().size() ? null
                            : Path.of(inventory.sources().get(file.source()).path());
            Path cacheDir = session.caseFolder() == null ? null : session.caseFolder().cacheDir().resolve("previews");
            Job j = new Job("Loading a preview") {
                @Override
                protected IStatus run(IProgressMonitor monitor) {
                    Previews.Preview loaded;
                    try {
                        loaded = root == null && file != null
                                ? new Previews.Preview(null, "The source of this file is unknown.")
                                : Previews.load(root, file, cacheDir);
                    } catch (RuntimeException | org.eclipse.swt.SWTError | OutOfMemoryError e) {
                        // never "Loading preview..." for ever: what failed, in its own words
                        loaded = new Previews.Preview(null, Previews.CANNOT_BE_SHOWN + "the preview failed ("
                                + Previews.words(e) + ")");
                    }
                    Previews.Preview p = loaded;
                    display.asyncExec(() -> {
                        if (gen != generation || canvas.isDisposed()) return;
                        if (p.image() != null) {
                            image = new Image(display, shrink(p.image()));
                            setMessage(file.format() + ", " + p.image().width + " \u00d7 " + p.image().height
                                    + (p.via() == null ? "" : " (" + p.via() + ")"));
                        } else {
                            setMessage(p.message());
                        }
                        canvas.redraw();
                    });
                    return Status.OK_STATUS;
                }
            };
            j.setSystem(true);
            j.schedule();
        }

        void setMessage(String m) {
            previewMessage = m;
            message.setText(m == null ? "" : m);
            // without a picture the preview's frame says it (the line below it was cut off at 1280x800)
            boolean caption = image != null && !image.isDisposed();
            ((GridData) message.getLayoutData()).exclude = !caption;
            message.setVisible(caption);
            canvas.setToolTipText(caption || m == null || m.isEmpty() ? null : m);
            message.getParent().layout();
            canvas.redraw();
        }

        void disposeImage() {
            if (image != null) image.dispose();
            image = null;
            if (!canvas.isDisposed()) canvas.redraw();
        }
    }

    /** Big photos are reduced before they become OS images; the canvas scales the rest smoothly. */
    private static ImageData shrink(ImageData d) {
        int max = 1024;
        if (d.width <= max && d.height <= max) return d;
        double s = (double) max / Math.max(d.width, d.height);
        return d.scaledTo(Math.max(1, (int) (d.width * s)), Math.max(1, (int) (d.height * s)));
    }

    private static String role(MediaFile f) {
        return switch (f.role()) {
            case LIVE_VIDEO -> "Live Photo video";
            case EDITED_RENDER -> "edited render";
            case ADJUSTMENT_SIDECAR -> "adjustments";
            case DERIVATIVE -> "reduced copy";
            case ORIGINAL -> "original";
        };
    }

    private final CaseSession session;
    private Label header;
    private Label matched;
    private Side left;
    private Side right;
    private Table fields;
    private Mismatch mismatch;
    private ReconcileResult result;
    private final List<CompareFields.Line> lines = new ArrayList<>();

    @Inject
    public CompareView(CaseSession session) {
        this.session = session;
    }

    /** Follows the selection service: the first mismatch of whatever a part selected. */
    @Inject
    @Optional
    public void follow(@Named(IServiceConstants.ACTIVE_SELECTION) Object selection) {
        Object first = selection instanceof IStructuredSelection s ? s.getFirstElement() : selection;
        if (first instanceof Mismatch m && m != mismatch && header != null && !header.isDisposed()) {
            show(m, session.result());
        }
    }

    @Override
    public void sessionChanged(CaseSession.Change change) {
        // another case: its pair is not this case's
        if (change == CaseSession.Change.CASE && header != null && !header.isDisposed()) clear();
    }

    /** Shows nothing (after a case switch). */
    public void clear() {
        mismatch = null;
        result = null;
        header.setText("Nothing to compare yet");
        matched.setText("Select a mismatch in the Mismatches view (double-click opens this view).");
        left.clear("Device");
        right.clear("Cloud");
        lines.clear();
        fields.removeAll();
        header.getParent().layout(true, true);
    }

    @PostConstruct
    public void create(Composite parent) {
        GridLayout gl = new GridLayout(1, false);
        parent.setLayout(gl);
        header = Labels.wrapping(parent, JFaceResources.getHeaderFont(), SWT.TOP);
        matched = Labels.wrapping(parent, null, SWT.TOP);
        SashForm vertical = new SashForm(parent, SWT.VERTICAL);
        vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm sides = new SashForm(vertical, SWT.HORIZONTAL);
        left = new Side(sides);
        right = new Side(sides);
        fields = new Table(vertical, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        fields.setHeaderVisible(true);
        fields.setLinesVisible(true);
        for (String[] c : new String[][] { { "Field", "170" }, { "Device", "330" }, { "Cloud", "330" } }) {
            TableColumn tc = new TableColumn(fields, SWT.LEFT);
            tc.setText(c[0]);
            tc.setWidth(Integer.parseInt(c[1]));
        }
        fields.addListener(SWT.Resize, e -> {
            // the field names keep their width; the two sides share the rest
            int w = fields.getClientArea().width;
            if (w <= 0) return;
            int first = Math.min(170, w / 4);
            fields.getColumn(0).setWidth(first);
            fields.getColumn(1).setWidth((w - first) / 2);
            fields.getColumn(2).setWidth(w - first - (w - first) / 2);
        });
        vertical.setWeights(65, 35);
        sides.setSashWidth(6);
        vertical.setSashWidth(6);
        clear();
        session.addListener(this);
    }

    /** Shows {@code m}; {@code r} gives the sources its files live in. */
    public void show(Mismatch m, ReconcileResult r) {
        mismatch = m;
        result = r;
        header.setText(MismatchRows.phrase(m.category()) + ": " + m.category().label());
        header.setToolTipText(m.category().name());
        String key = m.matchedBy() == null ? "Not paired: nothing on the other side matched by any key."
                : "Paired by: " + m.matchedBy();
        matched.setText(key + (m.detail() == null || m.detail().isBlank() ? "" : "\n" + m.detail())
                + (m.states().isEmpty() ? "" : "\nListing states: " + String.join(", ", m.states())));
        SideInventory dev = r == null ? null : r.device();
        SideInventory cld = r == null ? null : r.cloud();
        if (m.deviceAssets().isEmpty() && m.cloudAssets().size() > 1) {
            left.set("Cloud, copy 1", m.cloudAssets(), 0, cld);
            right.set("Cloud, copy 2", m.cloudAssets(), 1, cld);
        } else if (m.cloudAssets().isEmpty() && m.deviceAssets().size() > 1) {
            left.set("Device, copy 1", m.deviceAssets(), 0, dev);
            right.set("Device, copy 2", m.deviceAssets(), 1, dev);
        } else {
            // open on the files whose bytes both sides hold (an edit render under the original's name), if any
            MediaFile[] same = CompareFields.sameContent(m.deviceAssets(), m.cloudAssets());
            left.set("Device", m.deviceAssets(), 0, dev, same == null ? null : same[0]);
            right.set("Cloud", m.cloudAssets(), 0, cld, same == null ? null : same[1]);
        }
        fields.getColumn(1).setText(left.title.getText());
        fields.getColumn(2).setText(right.title.getText());
        refreshFields();
        header.getParent().layout(true, true);
    }

    private void refreshFields() {
        Display d = fields.getDisplay();
        left.preview(d);
        right.preview(d);
        lines.clear();
        lines.addAll(CompareFields.compare(left.selected(), left.selectedFile(), right.selected(),
                right.selectedFile()));
        fields.removeAll();
        Color bg = new Color(d, DIFF_BG);
        Color fg = new Color(d, DIFF_FG);
        Color quiet = d.getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW);
        for (CompareFields.Line l : lines) {
            TableItem it = new TableItem(fields, SWT.NONE);
            it.setText(new String[] { (l.differs() ? "\u2260 " : "") + l.field(), l.left(), l.right() });
            if (l.differs()) {
                it.setBackground(bg);
                it.setForeground(fg);
            } else if (l.field().startsWith(CompareFields.FILE_GROUP)) {
                it.setForeground(quiet);
            }
        }
    }

    // ---- read access for tests ------------------------------------------------------------------------------

    public Mismatch shown() {
        return mismatch;
    }

    public List<CompareFields.Line> lines() {
        return List.copyOf(lines);
    }

    /**
     * The preview message of the left (0) or right (1) side: under a picture its format and size, without one what
     * the preview's frame shows instead (why it cannot be shown, loading, not on this side).
     */
    public String previewMessage(int side) {
        return (side == 0 ? left : right).previewMessage;
    }

    /** The left (0) or right (1) preview's canvas, where the picture or its placeholder is drawn. */
    public Canvas previewCanvas(int side) {
        return (side == 0 ? left : right).canvas;
    }

    public boolean hasPreviewImage(int side) {
        Image i = (side == 0 ? left : right).image;
        return i != null && !i.isDisposed();
    }

    public Table fieldsTable() {
        return fields;
    }

    /** The file the left (0) or right (1) side shows (its preview and fields); null when none. */
    public MediaFile shownFile(int side) {
        return (side == 0 ? left : right).selectedFile();
    }

    /** The files the left (0) or right (1) side lets the technician pick, in order. */
    public List<MediaFile> pickableFiles(int side) {
        return List.copyOf((side == 0 ? left : right).pickFiles);
    }

    /** Picks the file at {@code index} of a side's list (what choosing it in the combo does). */
    public void pick(int side, int index) {
        Side s = side == 0 ? left : right;
        s.pick.select(index);
        refreshFields();
    }

    @Focus
    public void setFocus() {
        fields.setFocus();
    }

    @PreDestroy
    public void dispose() {
        session.removeListener(this);
        left.disposeImage();
        right.disposeImage();
    }
}
