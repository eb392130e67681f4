package org.photoparity.ui.prefs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * The workbench's preferences, kept in the instance scope of org.photoparity.ui (they survive restarts). The
 * engine settings (matching thresholds, probe settings, report options) are declared once in {@link #SETTINGS};
 * the preference pages are built from that list and {@link #settings()} hands their values to the engine.
 */
public final class UiPrefs {

    public static final String BUNDLE = "org.photoparity.ui";

    /** Which page a setting is on. */
    public enum Page {
        MATCHING, PROBES, REPORTS
    }

    /** What kind of value a setting takes. */
    public enum Kind {
        INTEGER, DECIMAL, TEXT, BOOLEAN
    }

    /** One engine setting: its key (as the engine reads it), label, default and help. */
    public record Setting(String key, Page page, Kind kind, String label, String defaultValue, String help) {
    }

    /**
     * The keys are the engine's own (org.photoparity.match MatchSettings, the fix bundles' probes, the evidence
     * loader); the defaults are theirs too, so an untouched preference changes nothing.
     */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("capture-time.tolerance-ms", Page.MATCHING, Kind.INTEGER,
                    "Capture times match within (ms)", "0",
                    "Two assets whose capture times differ by no more than this may be the same photo."),
            new Setting("capture-time.require-subseconds", Page.MATCHING, Kind.BOOLEAN,
                    "Pair by capture time only when both carry sub-seconds", "true",
                    "Without sub-seconds, burst shots taken in the same second could be paired wrongly."),
            new Setting("aspect.tolerance", Page.MATCHING, Kind.DECIMAL,
                    "Aspect ratios are the same within (fraction)", "0.02",
                    "A reduced or converted copy keeps its aspect ratio within this tolerance."),
            new Setting("file-name.time-tolerance-ms", Page.MATCHING, Kind.INTEGER,
                    "Same file name pairs when times are within (ms)", "2000",
                    "Guards against IMG_0001 of one year pairing with IMG_0001 of the next."),
            new Setting("listing.time-tolerance-ms", Page.MATCHING, Kind.INTEGER,
                    "Listing rows pair with files when times are within (ms)", "60000",
                    "Photo Details.csv states times to the minute."),
            new Setting("reduced.ratio", Page.MATCHING, Kind.DECIMAL,
                    "Reduced when pixels are below (fraction of the other side)", "0.9",
                    "A copy with fewer pixels than this fraction of the other side's is reported as REDUCED."),
            new Setting("drift.time-tolerance-ms", Page.MATCHING, Kind.INTEGER,
                    "Metadata drift: capture times differ by more than (ms)", "1000",
                    "Paired assets whose capture times differ by more are reported as METADATA_DRIFT."),
            new Setting("drift.location-meters", Page.MATCHING, Kind.DECIMAL,
                    "Metadata drift: locations differ by more than (m)", "50",
                    "Paired assets whose GPS positions differ by more are reported as METADATA_DRIFT."),
            new Setting("network.endpoints", Page.PROBES, Kind.TEXT,
                    "Endpoints this computer checks (host:port, comma-separated)",
                    "www.icloud.com:443,setup.icloud.com:443,gateway.icloud.com:443,api.apple-cloudkit.com:443,"
                            + "cvws.icloud-content.com:443,updates.cdn-apple.com:443,mask.icloud.com:443,"
                            + "www.icloud.com.cn:443",
                    "A precondition for the shop's network, shown apart: it never decides the iPhone's network."),
            new Setting("network.timeout.ms", Page.PROBES, Kind.INTEGER,
                    "Network timeout per step (ms)", "3000", "How long each of DNS, TCP and TLS may take per endpoint."),
            new Setting("network.truststore", Page.PROBES, Kind.TEXT,
                    "Company TLS-inspection CA trust store (names the inspector)", "",
                    "TLS is always validated against the public roots; a chain that validates only with this CA is"
                            + " reported as inspected."),
            new Setting("devicestorage.reserve.gb", Page.PROBES, Kind.DECIMAL,
                    "Free space the device needs to sync (GB)", "1.0",
                    "The device-storage probe warns below this."),
            new Setting("restart.attempts.warn", Page.PROBES, Kind.INTEGER,
                    "Upload attempts before a stalled sync is suspected", "3",
                    "ZUPLOADATTEMPTS at or above this count points to fix 5 (restart)."),
            new Setting("ideviceinfo.path", Page.PROBES, Kind.TEXT,
                    "ideviceinfo program (empty: look on the PATH)", "",
                    "Used by New Case > Read connected device."),
            new Setting("report.thumbnails", Page.REPORTS, Kind.BOOLEAN,
                    "Embed thumbnails of JPEG and PNG files in the HTML report", "true",
                    "The report grows by a few kB per thumbnail."),
            new Setting("report.maxThumbnails", Page.REPORTS, Kind.INTEGER,
                    "At most this many thumbnails per report", "200", "Keeps very large reports loadable."),
            new Setting("report.maxRowsPerCategory", Page.REPORTS, Kind.INTEGER,
                    "Mismatches listed per category in the HTML report", "500",
                    "The CSV and the JSON always hold every mismatch."),
            new Setting("report.title", Page.REPORTS, Kind.TEXT,
                    "Report title", "PhotoParity report", "The heading of the HTML report."));

    /** Workbench appearance. */
    public static final String THEME = "ui.theme";
    public static final String THEME_LIGHT = "org.photoparity.ui.theme.light";
    public static final String THEME_DARK = "org.photoparity.ui.theme.dark";
    /** Open the demo case when the workbench starts with no case. */
    public static final String OPEN_DEMO = "ui.openDemoCase";
    /** The case shown when the workbench closed. */
    public static final String LAST_CASE = "ui.lastCase";

    private static ScopedPreferenceStore store;

    private UiPrefs() {
    }

    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, BUNDLE);
            for (Setting s : SETTINGS) store.setDefault(s.key(), s.defaultValue());
            store.setDefault(THEME, THEME_LIGHT);
            store.setDefault(OPEN_DEMO, true);
        }
        return store;
    }

    /** Saves the store now (the workbench also saves on exit). */
    public static void flush() {
        try {
            ((ScopedPreferenceStore) store()).save();
        } catch (java.io.IOException e) {
            // a preference that did not reach the disk is lost on restart, nothing more
        }
    }

    /**
     * The engine settings (matching and probes) as set in the preferences, by key; an empty value is left out so
     * the engine's own default applies.
     */
    public static Map<String, String> settings() {
        IPreferenceStore s = store();
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting d : SETTINGS) {
            if (d.page() == Page.REPORTS) continue;
            String v = s.getString(d.key()).trim();
            if (!v.isEmpty()) m.put(d.key(), v);
        }
        return m;
    }

    public static String get(String key) {
        return store().getString(key);
    }
}
