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
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;

/**
 * Case > Case Properties...: the name, both sides' sources, the ideviceinfo files and the backup of the open case,
 * each source with a found / not found line under its box, so a case created with a mistyped path can be repaired.
 * OK saves case.json (atomically); the caller analyses again. The checklist, answers and settings are kept.
 */
public final class CasePropertiesDialog extends TitleAreaDialog {

    private final CaseFolder caseFolder;
    private Text name;
    private Text device;
    private Text cloud;
    private Text deviceInfo;
    private Text backup;
    private Label deviceState;
    private Label cloudState;
    private Label infoState;
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
                + ". One path per line; paths may be relative to the case folder.");
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        CaseData d = caseFolder.data();
        new Label(c, SWT.NONE).setText("Case name:");
        name = new Text(c, SWT.BORDER);
        name.setText(d.name());
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        device = list(c, "Device side:", d.deviceSources(), true);
        deviceState = state(c);
        cloud = list(c, "Cloud side:", d.cloudSources(), true);
        cloudState = state(c);
        deviceInfo = list(c, "ideviceinfo files:", d.deviceInfo(), false);
        infoState = state(c);
        new Label(c, SWT.NONE).setText("iOS backup:");
        backup = new Text(c, SWT.BORDER);
        backup.setText(d.backup() == null ? "" : d.backup());
        backup.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button bb = new Button(c, SWT.PUSH);
        bb.setText("Browse...");
        bb.addListener(SWT.Selection, e -> {
            DirectoryDialog dd = new DirectoryDialog(getShell());
            dd.setText("iOS backup folder");
            String s = dd.open();
            if (s != null) backup.setText(s);
        });
        backupState = state(c);
        for (Text t : List.of(name, device, cloud, deviceInfo, backup)) t.addListener(SWT.Modify, e -> validate());
        validate();
        return area;
    }

    private Text list(Composite c, String label, List<String> lines, boolean folders) {
        Label l = new Label(c, SWT.NONE);
        l.setText(label);
        l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        Text t = new Text(c, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        t.setText(String.join("\n", lines));
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 54;
        gd.widthHint = 460;
        t.setLayoutData(gd);
        // Tab leaves the box instead of inserting a tab
        t.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) e.doit = true;
        });
        Composite b = new Composite(c, SWT.NONE);
        GridLayout bl = new GridLayout(1, true);
        bl.marginWidth = 0;
        b.setLayout(bl);
        b.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        if (folders) {
            Button add = new Button(b, SWT.PUSH);
            add.setText("Add folder...");
            add.addListener(SWT.Selection, e -> {
                String s = new DirectoryDialog(getShell()).open();
                if (s != null) append(t, s);
            });
        }
        Button file = new Button(b, SWT.PUSH);
        file.setText("Add file...");
        file.addListener(SWT.Selection, e -> {
            String s = new FileDialog(getShell(), SWT.OPEN).open();
            if (s != null) append(t, s);
        });
        return t;
    }

    private static void append(Text t, String line) {
        String cur = t.getText();
        t.setText(cur.isBlank() ? line : cur.stripTrailing() + "\n" + line);
    }

    private static Label state(Composite c) {
        new Label(c, SWT.NONE);
        Label l = new Label(c, SWT.WRAP);
        GridData g = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        g.widthHint = 460;
        l.setLayoutData(g);
        return l;
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\\R")) if (!l.isBlank()) out.add(l.strip());
        return out;
    }

    /** Found / not found for each line; a source with a kind: prefix (export:, ios:) is checked after it. */
    private String describe(List<String> specs) {
        if (specs.isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        for (String s : specs) {
            String path = s.matches("^[a-z][a-z0-9.-]+:(?!/|\\\\).*") ? s.substring(s.indexOf(':') + 1) : s;
            String p = path.contains("=") && !path.substring(0, path.indexOf('=')).contains("/")
                    ? path.substring(path.indexOf('=') + 1) : path;
            Path resolved = caseFolder.resolve(p);
            parts.add((Files.exists(resolved) ? "\u2713 found: " : "\u2717 not found: ") + resolved);
        }
        return String.join("\n", parts);
    }

    private void validate() {
        deviceState.setText(describe(lines(device.getText())));
        cloudState.setText(describe(lines(cloud.getText())));
        infoState.setText(describe(lines(deviceInfo.getText())));
        backupState.setText(backup.getText().isBlank() ? "" : describe(List.of(backup.getText().strip())));
        String problem = null;
        if (name.getText().isBlank()) problem = "Give the case a name.";
        else if (lines(device.getText()).isEmpty()) problem = "Add at least one device-side source.";
        else if (lines(cloud.getText()).isEmpty()) problem = "Add at least one cloud-side source.";
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
            saved = save(caseFolder, name.getText().strip(), lines(device.getText()), lines(cloud.getText()),
                    lines(deviceInfo.getText()), backup.getText().isBlank() ? null : backup.getText().strip());
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
        device.setText(String.join("\n", deviceSources));
        cloud.setText(String.join("\n", cloudSources));
    }

    /** The found / not found lines under the device and cloud boxes. */
    public String sourceStates() {
        return deviceState.getText() + "\n" + cloudState.getText();
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
