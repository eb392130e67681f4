package org.photoparity.ui.prefs;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.SettingDescriptor;

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
            FieldEditor f = switch (s.type()) {
                case BOOLEAN -> new BooleanFieldEditor(s.key(), s.label(), getFieldEditorParent());
                case LIST -> new ListSettingEditor(s, getFieldEditorParent());
                // a width in characters: a long value scrolls inside its box instead of widening the dialog
                default -> new StringFieldEditor(s.key(), s.label(), 36, getFieldEditorParent()) {
                    @Override
                    protected boolean doCheckState() {
                        if (s.check(getStringValue()) == null) return true;
                        setErrorMessage(s.label() + ": must be " + s.expected());
                        return false;
                    }
                };
            };
            String tip = s.help() + " (key " + s.key() + ")";
            if (f instanceof BooleanFieldEditor) {
                // a check box is its own label: asking for a label control would add an empty one and shift
                // every label after it one row down
                org.eclipse.swt.widgets.Control[] kids = getFieldEditorParent().getChildren();
                kids[kids.length - 1].setToolTipText(tip);
            } else {
                f.getLabelControl(getFieldEditorParent()).setToolTipText(tip);
            }
            addField(f);
        }
    }

    /** A list setting: one entry per row, with Add / Remove / Up / Down; stored comma-separated. */
    static final class ListSettingEditor extends org.eclipse.jface.preference.ListEditor {
        private final SettingDescriptor setting;

        ListSettingEditor(SettingDescriptor setting, org.eclipse.swt.widgets.Composite parent) {
            super(setting.key(), setting.label(), parent);
            this.setting = setting;
        }

        @Override
        protected String createList(String[] items) {
            return String.join(",", items);
        }

        @Override
        protected String getNewInputObject() {
            org.eclipse.jface.dialogs.InputDialog d = new org.eclipse.jface.dialogs.InputDialog(getShell(), "Add",
                    setting.label(), "", v -> v.isBlank() || v.contains(",") ? "One entry, without a comma" : null);
            return d.open() == org.eclipse.jface.window.Window.OK ? d.getValue().strip() : null;
        }

        @Override
        protected String[] parseString(String stringList) {
            return java.util.Arrays.stream(stringList.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                    .toArray(String[]::new);
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
