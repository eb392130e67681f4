package org.photoparity.ui.prefs;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.SettingDescriptor;

/**
 * The workbench's preferences, kept in the instance scope of org.photoparity.ui (they survive restarts). The
 * engine settings (matching thresholds, probe settings, report options) are declared once, by the bundles that
 * read them (org.photoparity.core.settings); the preference pages are generated from those declarations and
 * {@link #settings()} hands their values to the engine.
 */
public final class UiPrefs {

    public static final String BUNDLE = "org.photoparity.ui";

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
            // defaults as the owning bundles declare them; a removed bundle's setting has no default and no field
            for (SettingDescriptor s : PhotoParityRegistry.get().settings().all()) {
                store.setDefault(s.key(), s.defaultValue());
            }
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
     * The settings the installed bundles declare, as set in the preferences, by key; an empty value is left out so
     * the declared default applies. A value a bundle no longer accepts (hand-edited store, narrower range after an
     * update) is left out too, rather than failing the analysis.
     */
    public static Map<String, String> settings() {
        IPreferenceStore s = store();
        Map<String, String> m = new LinkedHashMap<>();
        for (SettingDescriptor d : PhotoParityRegistry.get().settings().all()) {
            String v = s.getString(d.key()).trim();
            if (!v.isEmpty() && d.check(v) == null) m.put(d.key(), v);
        }
        return m;
    }

    public static String get(String key) {
        return store().getString(key);
    }
}
