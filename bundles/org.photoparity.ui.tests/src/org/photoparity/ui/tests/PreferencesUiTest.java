package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.SettingDescriptor;
import org.photoparity.core.registry.SettingType;
import org.photoparity.ui.prefs.UiPrefs;

/** Issue 14 item 2: every field beside its own label, and the Probes page fits a 1280-pixel screen. */
class PreferencesUiTest {

    private static PreferenceDialog open(String page) {
        PreferenceDialog d = PreferencesUtil.createPreferenceDialogOn(Ui.page().getWorkbenchWindow().getShell(), page,
                null, null);
        d.setBlockOnOpen(false);
        d.open();
        Ui.drain();
        return d;
    }

    /** The text box in the same row as {@code label}, on the display. */
    private static Text besides(Label label, List<Text> texts) {
        Rectangle l = label.getDisplay().map(label.getParent(), null, label.getBounds());
        for (Text t : texts) {
            Rectangle r = t.getDisplay().map(t.getParent(), null, t.getBounds());
            if (Math.abs((r.y + r.height / 2) - (l.y + l.height / 2)) <= 6 && r.x > l.x) return t;
        }
        return null;
    }

    @Test
    void eachNumberIsBesideItsOwnLabel() {
        for (String id : List.of("org.photoparity.ui.prefs.matching", "org.photoparity.ui.prefs.reports")) {
            PreferenceDialog d = open(id);
            try {
                Composite page = (Composite) ((org.eclipse.jface.preference.IPreferencePage) d.getSelectedPage()).getControl();
                List<Label> labels = Ui.find(page, Label.class);
                List<Text> texts = Ui.find(page, Text.class);
                int checked = 0;
                // the fields are generated from what the installed bundles declare
                for (SettingDescriptor s : PhotoParityRegistry.get().settings().all()) {
                    if (s.type() != SettingType.INTEGER && s.type() != SettingType.DECIMAL) continue;
                    Label label = labels.stream().filter(x -> x.getText().equals(s.label())).findFirst().orElse(null);
                    if (label == null) continue; // another page's setting
                    Text t = besides(label, texts);
                    assertNotNull(t, "a box beside " + s.label());
                    assertEquals(UiPrefs.store().getString(s.key()), t.getText(), s.label());
                    checked++;
                }
                assertTrue(checked >= 2, id + ": checked " + checked);
            } finally {
                d.close();
            }
        }
    }

    @Test
    void probesPageFitsA1280PixelScreenWithItsButtons() {
        PreferenceDialog d = open("org.photoparity.ui.prefs.probes");
        try {
            int width = d.getShell().computeSize(-1, -1).x;
            assertTrue(width <= 1200, "the dialog wants " + width + " px");
            Composite page = (Composite) ((org.eclipse.jface.preference.IPreferencePage) d.getSelectedPage()).getControl();
            List<org.eclipse.swt.widgets.List> lists = Ui.find(page, org.eclipse.swt.widgets.List.class);
            assertEquals(1, lists.size(), "the endpoints are a list with Add and Remove");
            assertTrue(lists.get(0).getItemCount() >= 2);
            for (Control c : Ui.find(d.getShell(), org.eclipse.swt.widgets.Button.class)) {
                if (c instanceof org.eclipse.swt.widgets.Button b && (b.getText().contains("Apply")
                        || b.getText().contains("Restore Defaults"))) {
                    assertTrue(b.isVisible());
                }
            }
        } finally {
            d.close();
        }
    }

    /**
     * A theme change is remembered for the next start, not applied live: the CSS engine's live reset touched rows a
     * virtual table had dropped and crashed GTK in native code (seen after a 300-row case, switching to dark).
     */
    @Test
    void aThemeChangeAppliesAtTheNextStartNotLive() throws Exception {
        var engine = org.eclipse.ui.PlatformUI.getWorkbench().getService(org.eclipse.e4.ui.css.swt.theme.IThemeEngine.class);
        String active = engine == null || engine.getActiveTheme() == null ? null : engine.getActiveTheme().getId();
        PreferenceDialog d = open("org.photoparity.ui.prefs");
        String before = UiPrefs.store().getString(UiPrefs.THEME);
        try {
            String other = UiPrefs.THEME_DARK.equals(before) ? UiPrefs.THEME_LIGHT : UiPrefs.THEME_DARK;
            var page = (org.eclipse.jface.preference.IPreferencePage) d.getSelectedPage();
            // choose the other theme's radio button, as a click would
            String label = UiPrefs.THEME_DARK.equals(other) ? "Dark" : "Light";
            for (org.eclipse.swt.widgets.Button b : Ui.find((Composite) page.getControl(),
                    org.eclipse.swt.widgets.Button.class)) {
                boolean it = b.getText().equals(label);
                if ((b.getStyle() & org.eclipse.swt.SWT.RADIO) == 0 || !(it || b.getText().equals("Light")
                        || b.getText().equals("Dark"))) continue;
                b.setSelection(it);
                if (it) b.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            }
            page.performOk();
            Ui.drain();
            assertEquals(other, org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE
                    .getNode("org.eclipse.e4.ui.css.swt.theme").get("themeid", null), "remembered for the next start");
            if (engine != null && active != null) {
                assertEquals(active, engine.getActiveTheme().getId(), "not applied to the live workbench");
            }
        } finally {
            d.close();
            UiPrefs.store().setValue(UiPrefs.THEME, before);
            org.photoparity.ui.prefs.AppearancePage.rememberTheme(before);
        }
    }
}
