package org.photoparity.ui.prefs;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.prefs.BackingStoreException;

/** PhotoParity's root preference page: light or dark theme, and what opens at start-up. */
public final class AppearancePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** Where the e4 theme engine keeps the chosen theme, read at start-up. */
    static final String THEME_NODE = "org.eclipse.e4.ui.css.swt.theme";
    static final String THEME_KEY = "themeid";

    public AppearancePage() {
        super(GRID);
        setDescription("The theme changes most colours at once; restart PhotoParity (File > Exit, then start it "
                + "again) for every part of the window to follow.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(UiPrefs.store());
    }

    @Override
    protected void createFieldEditors() {
        addField(new RadioGroupFieldEditor(UiPrefs.THEME, "Theme", 1,
                new String[][] { { "Light", UiPrefs.THEME_LIGHT }, { "Dark", UiPrefs.THEME_DARK } },
                getFieldEditorParent(), true));
        addField(new BooleanFieldEditor(UiPrefs.OPEN_DEMO,
                "Open the demo case when PhotoParity starts without a case", getFieldEditorParent()));
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        applyTheme(UiPrefs.store().getString(UiPrefs.THEME));
        UiPrefs.flush();
        return ok;
    }

    /** Remembers {@code themeId} for the next start and applies what it can now. */
    public static void applyTheme(String themeId) {
        var node = InstanceScope.INSTANCE.getNode(THEME_NODE);
        node.put(THEME_KEY, themeId);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // applied for this session; the next start falls back to the product's default theme
        }
        IThemeEngine engine = PlatformUI.getWorkbench().getService(IThemeEngine.class);
        if (engine == null) {
            engine = (IThemeEngine) PlatformUI.getWorkbench().getDisplay().getData("org.eclipse.e4.ui.css.swt.theme");
        }
        if (engine != null) engine.setTheme(themeId, true);
    }
}
