package org.photoparity.ui.views;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.present.Vocabulary;

/**
 * Status marks for probe results: a filled disc in the status colour with a letter, drawn once per display so
 * they need no image files and read the same on light and dark themes.
 */
public final class StatusImages {

    private static final Map<ProbeStatus, Image> IMAGES = new EnumMap<>(ProbeStatus.class);

    private StatusImages() {
    }

    public static RGB rgb(ProbeStatus s) {
        int[] v = Vocabulary.rgb(Vocabulary.colour(s)); // the same as report.html's badges
        return new RGB(v[0], v[1], v[2]);
    }

    public static String label(ProbeStatus s) {
        return Vocabulary.label(s);
    }

    /** The mark for {@code s}; owned here, do not dispose. UI thread only. */
    public static synchronized Image image(ProbeStatus s) {
        Image img = IMAGES.get(s);
        if (img == null || img.isDisposed()) {
            Display d = Display.getCurrent();
            img = draw(d, s);
            IMAGES.put(s, img);
            if (IMAGES.size() == 1) d.disposeExec(StatusImages::disposeAll);
        }
        return img;
    }

    private static Image draw(Display d, ProbeStatus s) {
        int size = 16;
        ImageData data = new ImageData(size, size, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        data.alphaData = new byte[size * size];
        Image canvas = new Image(d, data);
        GC gc = new GC(canvas);
        Color fill = new Color(d, rgb(s));
        gc.setAntialias(SWT.ON);
        gc.setBackground(fill);
        gc.fillOval(1, 1, size - 2, size - 2);
        gc.setForeground(d.getSystemColor(SWT.COLOR_WHITE));
        String letter = switch (s) {
            case PASS -> "\u2713";
            case WARN -> "!";
            case FAIL -> "\u00d7";
            case UNKNOWN -> "?";
        };
        var ext = gc.textExtent(letter);
        gc.drawText(letter, (size - ext.x) / 2, (size - ext.y) / 2, true);
        gc.dispose();
        // the alpha channel: opaque inside the disc only
        ImageData drawn = canvas.getImageData();
        canvas.dispose();
        drawn.alphaData = new byte[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = x + 0.5 - size / 2.0;
                double dy = y + 0.5 - size / 2.0;
                double r = Math.sqrt(dx * dx + dy * dy);
                double a = Math.max(0, Math.min(1, (size / 2.0 - 1) - r + 0.5));
                drawn.alphaData[y * size + x] = (byte) Math.round(a * 255);
            }
        }
        return new Image(d, drawn);
    }

    private static synchronized void disposeAll() {
        IMAGES.values().forEach(Image::dispose);
        IMAGES.clear();
    }
}
