package org.photoparity.ui.wizards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.readers.DeviceInfoReader;
import org.photoparity.evidence.readers.IdeviceinfoRunner;
import org.photoparity.sources.Scanner;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.prefs.UiPrefs;

/**
 * New Case: a name and a folder for the case, the device-side and cloud-side sources, then the device evidence
 * (ideviceinfo files, or read from a connected iPhone), an iOS backup and the technician's answers. Finishing
 * creates the case folder, opens the case and analyses it.
 */
public final class NewCaseWizard extends Wizard {

    /** What the case folder's chooser says (it opens in the typed folder's nearest existing parent). */
    public static final String CASE_FOLDER_MESSAGE = "Choose an empty folder for the case, or create one with the "
            + "chooser's New Folder button";

    /** What the wizard collected. */
    public record Inputs(String name, Path folder, List<String> device, List<String> cloud, List<String> deviceInfo,
            String backup, Path answers, Map<String, String> liveDeviceInfo, boolean analyse) {
    }

    private final SourcesPage sources = new SourcesPage();
    private final EvidencePage evidence = new EvidencePage();
    private CaseFolder created;

    public NewCaseWizard() {
        setWindowTitle("New Case");
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        addPage(sources);
        addPage(evidence);
    }

    public SourcesPage sourcesPage() {
        return sources;
    }

    public EvidencePage evidencePage() {
        return evidence;
    }

    public CaseFolder created() {
        return created;
    }

    @Override
    public boolean canFinish() {
        return sources.isPageComplete();
    }

    @Override
    public boolean performFinish() {
        try {
            Inputs in = inputs();
            created = create(in);
            CaseActions.open(created, in.analyse());
            return true;
        } catch (IOException e) {
            sources.setErrorMessage(e.getMessage());
            evidence.setErrorMessage(e.getMessage());
            return false;
        }
    }

    public Inputs inputs() {
        return new Inputs(sources.name.getText().strip(), Path.of(sources.folder.getText().strip()),
                sources.device.pathsWithEntry(), sources.cloud.pathsWithEntry(), evidence.deviceInfo.pathsWithEntry(),
                evidence.backup.getText().isBlank() ? null : evidence.backup.getText().strip(),
                evidence.answers.getText().isBlank() ? null : Path.of(evidence.answers.getText().strip()),
                evidence.live, evidence.analyse.getSelection());
    }

    /** Creates the case folder from {@code in}: case.json, the answers copy, the device evidence read live. */
    public static CaseFolder create(Inputs in) throws IOException {
        List<String> info = new ArrayList<>(in.deviceInfo());
        for (String domain : in.liveDeviceInfo().keySet()) {
            info.add(domain + "=" + CaseFolder.EVIDENCE_DIR + "/ideviceinfo-" + domain + ".txt");
        }
        CaseData d = CaseData.named(in.name()).withSources(in.device(), in.cloud()).withEvidence(info, in.backup());
        CaseFolder c = CaseFolder.create(in.folder(), d);
        if (!in.liveDeviceInfo().isEmpty()) {
            Files.createDirectories(c.evidenceDir());
            for (Map.Entry<String, String> e : in.liveDeviceInfo().entrySet()) {
                Files.writeString(c.evidenceDir().resolve("ideviceinfo-" + e.getKey() + ".txt"), e.getValue(),
                        StandardCharsets.UTF_8);
            }
        }
        if (in.answers() != null) {
            if (!Files.isRegularFile(in.answers())) {
                throw new IOException("The answers file " + in.answers() + " does not exist; choose another or leave "
                        + "it empty.");
            }
            Files.copy(in.answers(), c.answersFile());
        }
        return c;
    }

    /** The status of a source row: what reads it, or why nothing can. */
    static Scanner.SpecStatus sourceStatus(String spec) {
        return Scanner.standard().describe(spec);
    }

    /** The status of an evidence row ([DOMAIN=]FILE). */
    static Scanner.SpecStatus evidenceStatus(String row) {
        String d = DeviceInfoReader.describe(row);
        return d.startsWith("!") ? new Scanner.SpecStatus(false, d.substring(1)) : new Scanner.SpecStatus(true, d);
    }

    /** Page 1: name, folder, the two sides. */
    public final class SourcesPage extends WizardPage {
        Text name;
        Text folder;
        PathListEditor device;
        PathListEditor cloud;

        SourcesPage() {
            super("sources", "New Case: name and sources", null);
            setDescription("Each side's sources: folders, zips (iCloud.com, privacy export parts), an iOS backup, Photos.sqlite.");
            setPageComplete(false);
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            new Label(c, SWT.NONE).setText("Case name:");
            name = new Text(c, SWT.BORDER);
            name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            new Label(c, SWT.NONE).setText("Case folder:");
            folder = new Text(c, SWT.BORDER);
            folder.setMessage("An empty folder PhotoParity may write to (not inside a photo library)");
            folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button browse = new Button(c, SWT.PUSH);
            browse.setText("Browse...");
            browse.addListener(SWT.Selection, e -> {
                String s = FolderChooser.choose(getShell(), "Case folder", CASE_FOLDER_MESSAGE, folder.getText());
                if (s != null) folder.setText(s);
            });
            label(c, "Device side:");
            device = new PathListEditor(c, "Type or paste a path, e.g. /media/iphone/DCIM or an iOS backup folder",
                    true, true, NewCaseWizard::sourceStatus);
            label(c, "Cloud side:");
            cloud = new PathListEditor(c, "Type or paste a path, e.g. iCloud Photos Part 1 of 3.zip or an icloudpd "
                    + "folder", true, true, NewCaseWizard::sourceStatus);
            for (Text t : List.of(name, folder)) t.addListener(SWT.Modify, e -> validate());
            device.addListener(this::validate);
            cloud.addListener(this::validate);
            setControl(c);
        }

        private void label(Composite c, String s) {
            Label l = new Label(c, SWT.NONE);
            l.setText(s);
            l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        }

        void validate() {
            String problem = null;
            setMessage(null); // a warning about a path that has since been fixed must go
            if (name.getText().isBlank()) problem = "Give the case a name.";
            else if (folder.getText().isBlank()) problem = "Choose a folder for the case.";
            else if (CaseFolder.isCase(Path.of(folder.getText().strip()))) {
                problem = "That folder already holds a case: open it with File > Open Case, or choose another.";
            } else if (device.pathsWithEntry().isEmpty()) problem = "Add at least one device-side source.";
            else if (cloud.pathsWithEntry().isEmpty()) problem = "Add at least one cloud-side source.";
            else {
                Path f = Path.of(folder.getText().strip()).toAbsolutePath().normalize();
                for (String s : concat(device.pathsWithEntry(), cloud.pathsWithEntry())) {
                    Path src = Path.of(s.replaceFirst("^[a-z][a-z0-9-]+:(?=/)", "")).toAbsolutePath().normalize();
                    if (f.startsWith(src)) problem = "The case folder is inside the source " + s
                            + ": choose a folder outside the photo library (PhotoParity never writes there).";
                }
                // each row says what it is; the page only says how many cannot be read yet
                List<String> bad = concat(device.problems(), cloud.problems());
                if (problem == null && !bad.isEmpty()) {
                    setMessage(bad.size() == 1 ? "Cannot be read (yet): " + bad.get(0)
                            : bad.size() + " sources cannot be read (yet): see their status", WARNING);
                }
            }
            setErrorMessage(problem);
            setPageComplete(problem == null);
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> l = new ArrayList<>(a);
            l.addAll(b);
            return l;
        }

        public PathListEditor deviceList() {
            return device;
        }

        public PathListEditor cloudList() {
            return cloud;
        }

        /** Fills the page (tests, and the Open Demo command). */
        public void fill(String caseName, Path caseFolder, List<String> deviceSources, List<String> cloudSources) {
            name.setText(caseName);
            folder.setText(caseFolder.toString());
            device.setPaths(deviceSources);
            cloud.setPaths(cloudSources);
            validate();
        }
    }

    /** Page 2: device evidence, backup, answers. */
    public final class EvidencePage extends WizardPage {
        PathListEditor deviceInfo;
        Text backup;
        Text answers;
        Button analyse;
        Label liveState;
        Map<String, String> live = Map.of();

        EvidencePage() {
            super("evidence", "New Case: device evidence and answers", null);
            setDescription("All optional: probes answer UNKNOWN where evidence is missing.");
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(3, false));
            Label l = new Label(c, SWT.NONE);
            l.setText("ideviceinfo files:");
            l.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
            deviceInfo = new PathListEditor(c, "ideviceinfo output file ([domain=]file)", false, true,
                    NewCaseWizard::evidenceStatus);
            Composite b = deviceInfo.buttons();
            Button read = new Button(b, SWT.PUSH);
            read.setText("Read connected device");
            read.setToolTipText("Runs ideviceinfo (libimobiledevice) on the iPhone connected by USB");
            read.addListener(SWT.Selection, e -> readDevice(read));
            new Label(c, SWT.NONE);
            liveState = new Label(c, SWT.WRAP);
            GridData lg = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
            lg.widthHint = 400;
            liveState.setLayoutData(lg);
            new Label(c, SWT.NONE).setText("iOS backup:");
            backup = new Text(c, SWT.BORDER);
            backup.setMessage("optional: a backup folder (Info.plist, Manifest.db) for Photos.sqlite evidence");
            backup.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button bb = new Button(c, SWT.PUSH);
            bb.setText("Browse...");
            bb.addListener(SWT.Selection, e -> {
                String s = FolderChooser.chooseBackup(getShell(), backup.getText());
                if (s != null) backup.setText(s);
            });
            new Label(c, SWT.NONE).setText("Answers file:");
            answers = new Text(c, SWT.BORDER);
            answers.setMessage("optional: answers.properties (copied into the case)");
            answers.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Button ab = new Button(c, SWT.PUSH);
            ab.setText("Browse...");
            ab.addListener(SWT.Selection, e -> {
                String s = new FileDialog(getShell(), SWT.OPEN).open();
                if (s != null) answers.setText(s);
            });
            new Label(c, SWT.NONE);
            analyse = new Button(c, SWT.CHECK);
            analyse.setText("Analyze the case when it is created");
            analyse.setSelection(true);
            setControl(c);
        }

        private void readDevice(Button read) {
            read.setEnabled(false);
            liveState.setText("Reading the connected device...");
            Display d = read.getDisplay();
            String exe = UiPrefs.get("ideviceinfo.path").strip();
            Job j = new Job("Reading the connected device") {
                @Override
                protected IStatus run(IProgressMonitor monitor) {
                    IdeviceinfoRunner r = new IdeviceinfoRunner(exe.isEmpty() ? null : Path.of(exe),
                            Duration.ofSeconds(10));
                    IdeviceinfoRunner.Outcome o = r.read(monitor);
                    Map<String, String> dumps = new java.util.LinkedHashMap<>();
                    for (DeviceInfo.Domain dom : o.info().domains().values()) {
                        StringBuilder sb = new StringBuilder();
                        dom.values().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
                        dumps.put(dom.name(), sb.toString());
                    }
                    d.asyncExec(() -> {
                        if (read.isDisposed()) return;
                        read.setEnabled(true);
                        live = dumps;
                        liveState.setText(dumps.isEmpty() ? String.join(" ", o.messages())
                                : "Read " + String.join(", ", dumps.keySet()) + " from the device; saved in the case's "
                                        + "evidence folder." + (o.messages().isEmpty() ? "" : " " + String.join(" ", o.messages())));
                        liveState.getParent().layout();
                    });
                    return Status.OK_STATUS;
                }
            };
            j.schedule();
        }

        public PathListEditor deviceInfoList() {
            return deviceInfo;
        }

        /** Fills the page (tests). */
        public void fill(List<String> infoFiles, String backupDir, Path answersFile, boolean analyseNow) {
            deviceInfo.setPaths(infoFiles);
            backup.setText(backupDir == null ? "" : backupDir);
            answers.setText(answersFile == null ? "" : answersFile.toString());
            analyse.setSelection(analyseNow);
        }
    }
}
