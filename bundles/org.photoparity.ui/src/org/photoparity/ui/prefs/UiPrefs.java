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

    public static final List<Setting> SETTINGS = List.of(
            new Setting("match.timeToleranceSeconds", Page.MATCHING, Kind.INTEGER,
                    "Capture times match within (seconds)", "2",
                    "Two assets whose capture times differ by no more than this may be the same photo."),
            new Setting("match.reducedRatio", Page.MATCHING, Kind.DECIMAL,
                    "Reduced when pixels are below (fraction of the other side)", "0.9",
                    "A copy with fewer pixels than this fraction of the other side's is reported as REDUCED."),
            new Setting("match.fingerprint", Page.MATCHING, Kind.BOOLEAN,
                    "Fingerprint file contents (slower, surer)", "true",
                    "Reads every byte to pair identical files; off makes a metadata-only pass."),
            new Setting("match.ignoreTrashed", Page.MATCHING, Kind.BOOLEAN,
                    "Leave out assets the listing says are trashed or recently deleted", "false",
                    "They are still reported, with their listing state, when this is off."),
            new Setting("probe.network.endpoint", Page.PROBES, Kind.TEXT,
                    "Endpoint probed for iCloud reachability (host:port)", "",
                    "Empty: the network probe answers UNKNOWN instead of contacting anything."),
            new Setting("probe.network.timeoutMillis", Page.PROBES, Kind.INTEGER,
                    "Network timeout (ms)", "3000", "How long a network probe waits before it answers UNKNOWN."),
            new Setting("probe.device.timeoutMillis", Page.PROBES, Kind.INTEGER,
                    "Device tool timeout (ms)", "10000", "How long reading a connected device (ideviceinfo) may take."),
            new Setting("probe.storage.planSizesGB", Page.PROBES, Kind.TEXT,
                    "iCloud+ plan sizes (GB, comma-separated)", "5,50,200,2000,6000,12000",
                    "The storage probe names the smallest plan the library fits in."),
            new Setting("report.includeIdentical", Page.REPORTS, Kind.BOOLEAN,
                    "List identical assets in the HTML report", "false", "Makes large reports much longer."),
            new Setting("report.thumbnails", Page.REPORTS, Kind.BOOLEAN,
                    "Embed thumbnails in the HTML report", "false", "JPEG and PNG only; the report grows."),
            new Setting("report.maxRows", Page.REPORTS, Kind.INTEGER,
                    "Mismatch rows in the HTML report (0 = all)", "0",
                    "The CSV always holds every row."));

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

    /** Every engine setting's current value, by key. */
    public static Map<String, String> settings() {
        IPreferenceStore s = store();
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting d : SETTINGS) m.put(d.key(), s.getString(d.key()));
        return m;
    }
}
