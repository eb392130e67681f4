package org.photoparity.ui.prefs;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.jface.dialogs.MessageDialog;
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
        setDescription("The theme applies when PhotoParity starts: after OK it offers to restart now.");
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
        String before = InstanceScope.INSTANCE.getNode(THEME_NODE).get(THEME_KEY, UiPrefs.THEME_LIGHT);
        boolean ok = super.performOk();
        String theme = UiPrefs.store().getString(UiPrefs.THEME);
        UiPrefs.flush();
        if (!theme.equals(before)) {
            // applied at the next start, not live: the CSS engine's reset of a live workbench touches the rows of
            // virtual tables (the Mismatches view) that the table already dropped, which crashed GTK in native code
            rememberTheme(theme);
            if (!Boolean.getBoolean("photoparity.noDialogs") && MessageDialog.openQuestion(getShell(), "Theme",
                    "The new theme applies when PhotoParity starts again. Restart now?")) {
                getShell().getDisplay().asyncExec(() -> PlatformUI.getWorkbench().restart());
            }
        }
        return ok;
    }

    /** Remembers {@code themeId} for the next start (the e4 theme engine reads it then). */
    public static void rememberTheme(String themeId) {
        var node = InstanceScope.INSTANCE.getNode(THEME_NODE);
        node.put(THEME_KEY, themeId);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // the next start falls back to the product's default theme
        }
    }

    /**
     * Remembers {@code themeId} and applies it now. Only safe before views hold rows (at start-up): a live reset of
     * the CSS engine can touch dropped rows of virtual tables, see {@link #performOk()}.
     */
    public static void applyTheme(String themeId) {
        rememberTheme(themeId);
        IThemeEngine engine = PlatformUI.getWorkbench().getService(IThemeEngine.class);
        if (engine == null) {
            engine = (IThemeEngine) PlatformUI.getWorkbench().getDisplay().getData("org.eclipse.e4.ui.css.swt.theme");
        }
        if (engine != null) engine.setTheme(themeId, true);
    }
}
