package org.photoparity.core.present;

import java.util.Locale;

import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.FixDescriptor;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.IProbe;

/**
 * The words and colours people read, declared once for the command line, the reports and the workbench: a
 * category's short label, its phrase and its colour, a probe status's word and colour, and byte sizes. No SWT here:
 * colours are "#rrggbb" strings (the workbench turns them into RGB).
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    private static final java.util.regex.Pattern CATEGORY_ID = java.util.regex.Pattern.compile("\\b(" + String.join(
            "|", java.util.Arrays.stream(Category.values()).map(Category::name).toList()) + ")\\b");

    /**
     * {@code text} written by a plug-in (a fix's why and steps) with each category id in it (MISSING_IN_CLOUD) as
     * people read it: "\u201cMissing in iCloud\u201d". The text files keep the ids, so a label changed here is changed
     * in every fix's text too.
     */
    public static String withCategoryLabels(String text) {
        if (text == null) return null;
        return CATEGORY_ID.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                quoted(Category.valueOf(m.group(1)))));
    }

    /** A category's label in quotes, for a sentence: "\u201cMissing in iCloud\u201d". */
    public static String quoted(Category c) {
        return "\u201c" + label(c) + "\u201d";
    }

    /** A short label for a column or a chart: "Missing in iCloud". Ids (MISSING_IN_CLOUD) stay in exports. */
    public static String label(Category c) {
        return switch (c) {
            case MISSING_IN_CLOUD -> "Missing in iCloud";
            case MISSING_ON_DEVICE -> "Missing on the device";
            case CONVERTED -> "Converted";
            case REDUCED -> "Reduced";
            case EDITED -> "Edited";
            case DUPLICATE -> "Duplicate";
            case LIVE_PHOTO_INCOMPLETE -> "Live Photo incomplete";
            case METADATA_DRIFT -> "Metadata drift";
            case UNREADABLE_COPY -> "Unreadable copy";
        };
    }

    /** One sentence: "On the device, not in the cloud". */
    public static String phrase(Category c) {
        return c.label();
    }

    /** The category's colour, "#rrggbb", the same in report.html and the workbench. */
    public static String colour(Category c) {
        return switch (c) {
            case MISSING_IN_CLOUD -> "#d64541";
            case MISSING_ON_DEVICE -> "#e67e22";
            case CONVERTED -> "#3b7dd8";
            case REDUCED -> "#8e6bd8";
            case EDITED -> "#16a085";
            case DUPLICATE -> "#7f8c8d";
            case LIVE_PHOTO_INCOMPLETE -> "#c9a000";
            case METADATA_DRIFT -> "#2c9fb8";
            case UNREADABLE_COPY -> "#a0522d";
        };
    }

    /** Colour of the identical count beside the categories. */
    public static final String IDENTICAL_COLOUR = "#9bbf85";

    /**
     * What a reader calls a probe: its name as contributed (plugin.xml), else its fix's title, else its id. Ids are
     * for files and tooltips, not for people.
     */
    public static String probeTitle(ProbeResult p) {
        PhotoParityRegistry reg = PhotoParityRegistry.get();
        for (Contribution<IProbe> c : reg.probes()) {
            if (c.id().equals(p.id()) && c.name() != null && !c.name().isBlank()) return c.name();
        }
        for (FixDescriptor f : reg.fixes()) {
            if (f.number() == p.fix()) return f.title();
        }
        return p.id();
    }

    /** An asset kind as people say it: "Photo", "Live Photo", "Screenshot". */
    public static String label(AssetKind k) {
        return switch (k) {
            case PHOTO -> "Photo";
            case VIDEO -> "Video";
            case LIVE_PHOTO -> "Live Photo";
            case SCREENSHOT -> "Screenshot";
            case SIDECAR -> "Sidecar (edit or metadata)";
            case UNKNOWN -> "Unknown";
        };
    }

    /** "pass", "warn", "fail", "unknown". */
    public static String word(ProbeStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** The status in a column or a badge: "Pass", "Warn", "Fail", "Unknown". */
    public static String label(ProbeStatus s) {
        String w = word(s);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    public static String colour(ProbeStatus s) {
        return switch (s) {
            case PASS -> "#2e8b57";
            case WARN -> "#d08c00";
            case FAIL -> "#c0392b";
            case UNKNOWN -> "#7f8c8d";
        };
    }

    /** Red, green and blue of a "#rrggbb" colour, for toolkits that want numbers. */
    public static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff};
    }

    /** "1.23 GB": decimal units, as Apple shows storage, so figures compare with the iPhone's own. */
    public static String bytes(long bytes) {
        if (bytes < 1000) return bytes + " B";
        if (bytes < 1_000_000) return String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
        if (bytes < 1_000_000_000) return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        if (bytes < 1_000_000_000_000L) return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
        return String.format(Locale.ROOT, "%.2f TB", bytes / 1e12);
    }
}
