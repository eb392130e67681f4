package org.photoparity.report;

import java.time.Instant;
import java.util.Map;

import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.Settings;

/**
 * How reports are written.
 *
 * @param thumbnails          embed thumbnails of JPEG/PNG files in the HTML report
 * @param maxThumbnails       at most this many thumbnails in one report (each costs a few kB of HTML)
 * @param thumbnailSize       longest edge of a thumbnail in pixels
 * @param maxThumbnailSourceBytes files larger than this are not decoded for a thumbnail
 * @param maxRowsPerCategory  the HTML lists at most this many mismatches per category (CSV and JSON list all)
 * @param title               heading of the HTML report
 * @param generatedAt         time stamped into the reports; null leaves it out (byte-identical reruns)
 * @param thumbnailCache      folder keeping thumbnails by content between reports (a case's cache); null for none
 */
public record ReportOptions(boolean thumbnails, int maxThumbnails, int thumbnailSize, long maxThumbnailSourceBytes,
        int maxRowsPerCategory, String title, Instant generatedAt, java.nio.file.Path thumbnailCache) {

    public ReportOptions(boolean thumbnails, int maxThumbnails, int thumbnailSize, long maxThumbnailSourceBytes,
            int maxRowsPerCategory, String title, Instant generatedAt) {
        this(thumbnails, maxThumbnails, thumbnailSize, maxThumbnailSourceBytes, maxRowsPerCategory, title, generatedAt,
                null);
    }

    public ReportOptions withThumbnailCache(java.nio.file.Path dir) {
        return new ReportOptions(thumbnails, maxThumbnails, thumbnailSize, maxThumbnailSourceBytes, maxRowsPerCategory,
                title, generatedAt, dir);
    }

    public ReportOptions {
        if (maxThumbnails < 0 || thumbnailSize < 16 || maxRowsPerCategory < 1) {
            throw new IllegalArgumentException("maxThumbnails >= 0, thumbnailSize >= 16, maxRowsPerCategory >= 1");
        }
        if (title == null || title.isBlank()) title = "PhotoParity report";
    }

    public static final String THUMBNAILS = "report.thumbnails";
    public static final String MAX_THUMBNAILS = "report.maxThumbnails";
    public static final String MAX_ROWS_PER_CATEGORY = "report.maxRowsPerCategory";
    public static final String TITLE = "report.title";

    /** The declared defaults (this bundle's plugin.xml). */
    public static ReportOptions defaults() {
        return of(Map.of());
    }

    /** The report settings as given ({@code --set report.title=...}, the Reports preferences), else declared. */
    public static ReportOptions of(Map<String, String> settings) {
        Settings d = PhotoParityRegistry.get().settings();
        return new ReportOptions(d.booleanValue(settings, THUMBNAILS), (int) d.longValue(settings, MAX_THUMBNAILS), 160,
                64L * 1024 * 1024, (int) d.longValue(settings, MAX_ROWS_PER_CATEGORY), d.textValue(settings, TITLE),
                null);
    }

    public ReportOptions withThumbnails(boolean on) {
        return new ReportOptions(on, maxThumbnails, thumbnailSize, maxThumbnailSourceBytes, maxRowsPerCategory, title,
                generatedAt, thumbnailCache);
    }

    public ReportOptions withMaxThumbnails(int n) {
        return new ReportOptions(thumbnails, n, thumbnailSize, maxThumbnailSourceBytes, maxRowsPerCategory, title,
                generatedAt, thumbnailCache);
    }

    public ReportOptions withMaxRowsPerCategory(int n) {
        return new ReportOptions(thumbnails, maxThumbnails, thumbnailSize, maxThumbnailSourceBytes, n, title,
                generatedAt, thumbnailCache);
    }

    public ReportOptions withTitle(String t) {
        return new ReportOptions(thumbnails, maxThumbnails, thumbnailSize, maxThumbnailSourceBytes, maxRowsPerCategory,
                t, generatedAt, thumbnailCache);
    }

    public ReportOptions withGeneratedAt(Instant at) {
        return new ReportOptions(thumbnails, maxThumbnails, thumbnailSize, maxThumbnailSourceBytes, maxRowsPerCategory,
                title, at, thumbnailCache);
    }
}
