package org.photoparity.ui.prefs;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** A preference page built from the settings of one {@link UiPrefs.Page}. */
public abstract class SettingsPage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    private final UiPrefs.Page page;

    protected SettingsPage(UiPrefs.Page page, String description) {
        super(GRID);
        this.page = page;
        setDescription(description);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(UiPrefs.store());
    }

    @Override
    protected void createFieldEditors() {
        for (UiPrefs.Setting s : UiPrefs.SETTINGS) {
            if (s.page() != page) continue;
            FieldEditor f = switch (s.kind()) {
                case BOOLEAN -> new BooleanFieldEditor(s.key(), s.label(), getFieldEditorParent());
                case INTEGER -> {
                    IntegerFieldEditor i = new IntegerFieldEditor(s.key(), s.label(), getFieldEditorParent());
                    i.setValidRange(0, Integer.MAX_VALUE);
                    yield i;
                }
                case DECIMAL -> new StringFieldEditor(s.key(), s.label(), getFieldEditorParent()) {
                    @Override
                    protected boolean doCheckState() {
                        try {
                            double v = Double.parseDouble(getStringValue().trim());
                            if (v >= 0) return true;
                        } catch (NumberFormatException e) {
                            // below
                        }
                        setErrorMessage(s.label() + ": write a number of 0 or more, e.g. " + s.defaultValue());
                        return false;
                    }
                };
                case TEXT -> s.key().equals(ENDPOINTS) ? new EndpointsEditor(s.key(), s.label(), getFieldEditorParent())
                        // a width in characters: a long value scrolls inside its box instead of widening the dialog
                        : new StringFieldEditor(s.key(), s.label(), 36, getFieldEditorParent());
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

    static final String ENDPOINTS = "network.endpoints";

    /** host:port entries, one per row, with Add / Remove / Up / Down; stored comma-separated. */
    static final class EndpointsEditor extends org.eclipse.jface.preference.ListEditor {
        EndpointsEditor(String key, String label, org.eclipse.swt.widgets.Composite parent) {
            super(key, label, parent);
        }

        @Override
        protected String createList(String[] items) {
            return String.join(",", items);
        }

        @Override
        protected String getNewInputObject() {
            org.eclipse.jface.dialogs.InputDialog d = new org.eclipse.jface.dialogs.InputDialog(
                    getShell(), "Add Endpoint", "Host and port the network probe reaches, e.g. www.icloud.com:443",
                    "", v -> v.strip().matches("[A-Za-z0-9.-]+:\\d{1,5}") ? null : "Write host:port, e.g. www.icloud.com:443");
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
            super(UiPrefs.Page.MATCHING, "How the device and cloud sides are paired and classified. "
                    + "A case's own settings (case.json) override these. Applies from the next analysis.");
        }
    }

    public static final class Probes extends SettingsPage {
        public Probes() {
            super(UiPrefs.Page.PROBES, "Settings of the probes and the device reader. Applies from the next "
                    + "analysis or Re-run.");
        }
    }

    public static final class Reports extends SettingsPage {
        public Reports() {
            super(UiPrefs.Page.REPORTS, "What the HTML report holds. The JSON and CSV reports always list "
                    + "every mismatch.");
        }
    }
}
