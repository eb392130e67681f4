package org.photoparity.ui.prefs;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.SettingDescriptor;
import org.photoparity.core.registry.SettingType;

/**
 * A preference page generated from the settings the installed bundles declare (org.photoparity.core.settings) for
 * one group: label, help, type and range all come from the declaration, so a removed bundle's settings are gone
 * and a new bundle's appear.
 */
public abstract class SettingsPage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    private final String group;

    protected SettingsPage(String group, String description) {
        super(GRID);
        this.group = group;
        setDescription(description);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(UiPrefs.store());
    }

    @Override
    protected void createFieldEditors() {
        for (SettingDescriptor s : PhotoParityRegistry.get().settings().all()) {
            if (!s.group().equals(group)) continue;
            FieldEditor f = s.type() == SettingType.BOOLEAN
                    ? new BooleanFieldEditor(s.key(), s.label(), getFieldEditorParent())
                    : new StringFieldEditor(s.key(), s.label(), getFieldEditorParent()) {
                        @Override
                        protected boolean doCheckState() {
                            String problem = s.check(getStringValue());
                            if (problem == null) return true;
                            setErrorMessage(s.label() + ": must be " + s.expected());
                            return false;
                        }
                    };
            f.getLabelControl(getFieldEditorParent()).setToolTipText(s.help() + " (key " + s.key() + ")");
            addField(f);
        }
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        UiPrefs.flush();
        return ok;
    }

    public static final class Matching extends SettingsPage {
        public Matching() {
            super("Matching", "How the device and cloud sides are paired and classified. "
                    + "A case's own settings (case.json) override these. Applies from the next analysis.");
        }
    }

    public static final class Probes extends SettingsPage {
        public Probes() {
            super("Probes", "Settings of the probes and the device reader. Applies from the next "
                    + "analysis or Re-run.");
        }
    }

    public static final class Reports extends SettingsPage {
        public Reports() {
            super("Reports", "What the HTML report holds. The JSON and CSV reports always list "
                    + "every mismatch.");
        }
    }
}
