package org.photoparity.ui.wizards;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.sources.Scanner;

/**
 * Case > Case Properties...: the name, both sides' sources, the ideviceinfo files and the backup of the open case,
 * each source with a found / not found line under its box, so a case created with a mistyped path can be repaired.
 * OK saves case.json (atomically); the caller analyses again. The checklist, answers and settings are kept.
 */
public final class CasePropertiesDialog extends TitleAreaDialog {

    private final CaseFolder caseFolder;
    private Text name;
    private PathListEditor device;
    private PathListEditor cloud;
    private PathListEditor deviceInfo;
    private Text backup;
    private Label backupState;
    private CaseData saved;

    public CasePropertiesDialog(Shell parent, CaseFolder caseFolder) {
        super(parent);
        this.caseFolder = caseFolder;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell s) {
        super.configureShell(s);
        s.setText("Case Properties");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Case Properties");
        setMessage("Sources, device evidence and backup of the case in " + caseFolder.dir()
                + ". Paths may be relative to the case folder; double-click a row to correct it.");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        CaseData d = caseFolder.data();
        new Label(c, SWT.NONE).setText("Case name:");
        name = new Text(c, SWT.BORDER);
        name.setText(d.name());
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        device = list(c, "Device side:", d.deviceSources(), true, this::sourceStatus);
        cloud = list(c, "Cloud side:", d.cloudSources(), true, this::sourceStatus);
        deviceInfo = list(c, "ideviceinfo files:", d.deviceInfo(), false, this::evidenceStatus);
        new Label(c, SWT.NONE).setText("iOS backup:");
        backup = new Text(c, SWT.BORDER);
        backup.setText(d.backup() == null ? "" : d.backup());
        backup.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button bb = new Button(c, SWT.PUSH);
        bb.setText("Browse...");
        bb.addListener(SWT.Selection, e -> {
            String s = FolderChooser.chooseBackup(getShell(), backup.getText());
            if (s != null) backup.setText(s);
        });
        backupState = state(c);
        for (Text t : List.of(name, backup)) t.addListener(SWT.Modify, e -> validate());
        for (PathListEditor l : List.of(device, cloud, deviceInfo)) l.addListener(this::validate);
        validate();
        return area;
    }

    private static PathListEditor list(Composite c, String label, List<String> rows, boolean folders,
            java.util.function.Function<String, Scanner.SpecStatus> status) {
        Label l = new Label(c, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        PathListEditor e = new PathListEditor(c, "Type or paste a path (relative to the case folder or absolute)",
                folders, true, status);
        e.setPaths(rows);
        return e;
    }

    /** A source row's status, its path taken relative to the case folder as the analysis does. */
    private Scanner.SpecStatus sourceStatus(String spec) {
        int colon = spec.indexOf(':');
        if (colon > 1 && spec.substring(0, colon).matches("[a-z][a-z0-9-]+") && !Files.exists(Path.of(spec))) {
            // kind:PATH keeps its kind; the path is taken relative to the case folder
            return NewCaseWizard.sourceStatus(spec.substring(0, colon + 1) + caseFolder.resolve(spec.substring(colon + 1)));
        }
        return NewCaseWizard.sourceStatus(caseFolder.resolve(spec).toString());
    }

    private Scanner.SpecStatus evidenceStatus(String row) {
        int eq = row.indexOf('=');
        if (eq > 0 && !row.substring(0, eq).contains("/")) {
            return NewCaseWizard.evidenceStatus(row.substring(0, eq + 1) + caseFolder.resolve(row.substring(eq + 1)));
        }
        return NewCaseWizard.evidenceStatus(caseFolder.resolve(row).toString());
    }

    private static Label state(Composite c) {
        new Label(c, SWT.NONE);
        Label l = new Label(c, SWT.WRAP);
        GridData g = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        g.widthHint = 460;
        l.setLayoutData(g);
        return l;
    }

    /** Found / not found for the backup folder. */
    private String describeBackup(String dir) {
        Path resolved = caseFolder.resolve(dir);
        return (Files.isDirectory(resolved) ? "\u2713 found: " : "\u2717 not found: ") + resolved;
    }

    private void validate() {
        backupState.setText(backup.getText().isBlank() ? "" : describeBackup(backup.getText().strip()));
        String problem = null;
        if (name.getText().isBlank()) problem = "Give the case a name.";
        else if (device.pathsWithEntry().isEmpty()) problem = "Add at least one device-side source.";
        else if (cloud.pathsWithEntry().isEmpty()) problem = "Add at least one cloud-side source.";
        List<String> bad = new ArrayList<>(device.problems());
        bad.addAll(cloud.problems());
        bad.addAll(deviceInfo.problems());
        if (problem == null) {
            setMessage(bad.isEmpty() ? "Sources, device evidence and backup of the case in " + caseFolder.dir() + "."
                    : bad.size() == 1 ? "Cannot be read (yet): " + bad.get(0)
                            : bad.size() + " rows cannot be read (yet): see their status", bad.isEmpty()
                                    ? org.eclipse.jface.dialogs.IMessageProvider.NONE
                                    : org.eclipse.jface.dialogs.IMessageProvider.WARNING);
        }
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) ok.setEnabled(problem == null);
        getShell().layout(true, true);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Save and Analyze", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    @Override
    protected void okPressed() {
        try {
            saved = save(caseFolder, name.getText().strip(), device.pathsWithEntry(), cloud.pathsWithEntry(),
                    deviceInfo.pathsWithEntry(), backup.getText().isBlank() ? null : backup.getText().strip());
            super.okPressed();
        } catch (IOException | RuntimeException e) {
            setErrorMessage("Could not save " + caseFolder.caseFile() + ": " + e.getMessage());
        }
    }

    /** What was saved; null when the dialog was cancelled. */
    public CaseData saved() {
        return saved;
    }

    /** Fills the boxes (tests), as typing would. */
    public void fill(String caseName, List<String> deviceSources, List<String> cloudSources) {
        name.setText(caseName);
        device.setPaths(deviceSources);
        cloud.setPaths(cloudSources);
    }

    /** Each source row with its status, "path: status", one per line (device side first). */
    public String sourceStates() {
        List<String> out = new ArrayList<>();
        for (PathListEditor e : List.of(device, cloud)) {
            List<String> p = e.paths(), st = e.statuses();
            for (int i = 0; i < p.size(); i++) out.add(p.get(i) + ": " + st.get(i));
        }
        return String.join("\n", out);
    }

    /** Presses Save (tests). */
    public void save() {
        okPressed();
    }

    /** Writes the new name, sources and evidence into case.json, keeping everything else. */
    public static CaseData save(CaseFolder c, String name, List<String> device, List<String> cloud,
            List<String> deviceInfo, String backup) throws IOException {
        return c.update(d -> {
            CaseData renamed = new CaseData(name, d.deviceSources(), d.cloudSources(), d.deviceInfo(), d.backup(),
                    d.answers(), d.settings(), d.checklist(), d.created(), d.lastAnalysis());
            return renamed.withSources(device, cloud).withEvidence(deviceInfo, backup);
        });
    }
}
