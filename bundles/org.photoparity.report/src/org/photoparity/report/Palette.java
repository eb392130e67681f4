package org.photoparity.report;

import java.util.EnumMap;
import java.util.Map;

import org.photoparity.core.model.Category;

/** The colour of each mismatch category, one palette for report.html and the workbench's chart. */
public final class Palette {

    private static final Map<Category, String> HEX = new EnumMap<>(Category.class);
    static {
        HEX.put(Category.MISSING_IN_CLOUD, "#d64541");
        HEX.put(Category.MISSING_ON_DEVICE, "#e67e22");
        HEX.put(Category.CONVERTED, "#3b7dd8");
        HEX.put(Category.REDUCED, "#8e6bd8");
        HEX.put(Category.EDITED, "#16a085");
        HEX.put(Category.DUPLICATE, "#7f8c8d");
        HEX.put(Category.LIVE_PHOTO_INCOMPLETE, "#c9a000");
        HEX.put(Category.METADATA_DRIFT, "#2c9fb8");
    }

    /** The colour of identical assets. */
    public static final String IDENTICAL = "#9bbf85";

    private Palette() {
    }

    /** {@code #rrggbb}. */
    public static String hex(Category c) {
        return HEX.get(c);
    }

    /** Red, green and blue, 0-255. */
    public static int[] rgb(Category c) {
        String h = hex(c);
        return new int[] { Integer.parseInt(h.substring(1, 3), 16), Integer.parseInt(h.substring(3, 5), 16),
                Integer.parseInt(h.substring(5, 7), 16) };
    }
}
