package org.photoparity.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.photoparity.cases.CaseFolder;
import org.photoparity.engine.Analysis;
import org.photoparity.engine.AnalysisResult;
import org.photoparity.report.ReportWriter;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.session.Cases;
import org.photoparity.ui.wizards.NewCaseWizard;

/** The handlers of the Case commands (File > New Case..., Open Case..., Case > Analyze, Export Report...). */
public final class Handlers {

    private Handlers() {
    }

    private static Shell shell(ExecutionEvent e) {
        Shell s = e == null ? null : HandlerUtil.getActiveShell(e);
        return s != null ? s : Display.getCurrent().getActiveShell();
    }

    private static void status(String message) {
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null || w.getActivePage() == null) return;
        IViewPart v = w.getActivePage().getViews().length == 0 ? null : w.getActivePage().getViews()[0];
        if (v != null) v.getViewSite().getActionBars().getStatusLineManager().setMessage(message);
    }

    public static final class NewCase extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            WizardDialog d = new WizardDialog(shell(event), new NewCaseWizard());
            d.setPageSize(640, 380);
            d.open();
            return null;
        }
    }

    public static final class OpenCase extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            // in the folder beside the open case (where a technician keeps cases), else home: not GTK's "Recent"
            CaseSession s = CaseSession.current();
            Path near = s.caseFolder() == null ? null : s.caseFolder().dir().getParent();
            String dir = org.photoparity.ui.wizards.FolderChooser.choose(shell(event), "Open Case",
                    "Choose the folder that holds the case's case.json", near == null ? null : near.toString());
            if (dir == null) return null;
            try {
                CaseActions.openWithSavedResults(Path.of(dir));
            } catch (IOException e) {
                MessageDialog.openError(shell(event), "Open Case", e.getMessage());
            }
            return null;
        }
    }

    public static final class OpenDemo extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            Display display = Display.getCurrent();
            Job j = new Job("Preparing the demo case") {
                @Override
                protected IStatus run(IProgressMonitor monitor) {
                    try {
                        CaseFolder c = Cases.ensureDemoCase();
                        display.asyncExec(() -> CaseActions.openWithSavedResults(c));
                        return Status.OK_STATUS;
                    } catch (IOException e) {
                        return Status.error("Could not create the demo case in " + Cases.demoCaseFolder() + ": "
                                + e.getMessage(), e);
                    }
                }
            };
            j.setUser(true);
            j.schedule();
            return null;
        }
    }

    public static final class Analyze extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            if (CaseActions.analyze() == null) {
                MessageDialog.openInformation(shell(event), "Analyze", "Open or create a case first.");
            }
            return null;
        }
    }

    /** Case > Case Properties...: repair sources and evidence of the open case, then analyse it again. */
    public static final class CaseProperties extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            CaseSession s = CaseSession.current();
            if (!s.hasCase()) {
                MessageDialog.openInformation(shell(event), "Case Properties", "Open or create a case first.");
                return null;
            }
            org.photoparity.ui.wizards.CasePropertiesDialog d = new org.photoparity.ui.wizards.CasePropertiesDialog(
                    shell(event), s.caseFolder());
            if (d.open() == org.eclipse.jface.window.Window.OK) {
                s.caseChanged();
                CaseActions.analyze();
            }
            return null;
        }
    }

    /** Stops the analysis (and the report writing) of the open case; the previous results stay on screen. */
    public static final class Stop extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            if (!CaseActions.stop()) status("Nothing to stop: no analysis is running.");
            return null;
        }
    }

    /** Shows the Compare part; it follows the selection, so it shows what was selected. */
    public static final class ShowCompare extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            showView(event, "org.photoparity.ui.views.compare");
            return null;
        }
    }

    /** Shows the Mismatches part (it applies the category the Summary asked for through the session). */
    public static final class ShowMismatches extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            showView(event, "org.photoparity.ui.views.mismatches");
            return null;
        }
    }

    private static void showView(ExecutionEvent event, String id) {
        IWorkbenchWindow w = event == null ? null : HandlerUtil.getActiveWorkbenchWindow(event);
        if (w == null) w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w == null || w.getActivePage() == null) return;
        try {
            w.getActivePage().showView(id, null, org.eclipse.ui.IWorkbenchPage.VIEW_VISIBLE);
        } catch (org.eclipse.ui.PartInitException e) {
            status("Cannot open " + id + ": " + e.getMessage());
        }
    }

    public static final class Export extends AbstractHandler {
        @Override
        public Object execute(ExecutionEvent event) {
            CaseSession s = CaseSession.current();
            if (s.result() == null) {
                MessageDialog.openInformation(shell(event), "Export Report",
                        "There is nothing to export yet: analyze the case first (Case > Analyze).");
                return null;
            }
            String dir = org.photoparity.ui.wizards.FolderChooser.choose(shell(event), "Export Report",
                    "Choose or create the folder for report.html, report.json and mismatches.csv (outside the"
                    + " photo libraries). The case's own results folder already holds the last analysis's report.",
                    null);
            if (dir != null) export(Path.of(dir));
            return null;
        }
    }

    /** Says where the report went, with buttons to open it or its folder. */
    private static void exported(Display display, ReportWriter.Written w) {
        status("Report exported to " + w.html().getParent());
        if (Boolean.getBoolean("photoparity.noDialogs")) return; // UI tests
        Shell shell = display.getActiveShell();
        MessageDialog d = new MessageDialog(shell, "Report exported", null,
                "Report exported to " + w.html().getParent() + "\n\nreport.html, report.json and mismatches.csv.",
                MessageDialog.INFORMATION, 0, "Open Report", "Show Folder", "Close");
        int choice = d.open();
        if (choice == 0) org.eclipse.swt.program.Program.launch(w.html().toString());
        if (choice == 1) org.eclipse.swt.program.Program.launch(w.html().getParent().toString());
    }

    /** Writes the reports of the shown analysis to {@code dir} in a job; the same files as the CLI writes. */
    public static Job export(Path dir) {
        CaseSession s = CaseSession.current();
        AnalysisResult r = new AnalysisResult(s.result(), s.probes(), s.evidence(), s.warnings());
        String name = s.hasCase() ? s.caseFolder().data().name() : "case";
        java.nio.file.Path cache = s.hasCase() ? s.caseFolder().cacheDir().resolve("previews") : null;
        org.photoparity.engine.CaseSpec spec = s.hasCase()
                ? org.photoparity.engine.CaseAnalysis.spec(s.caseFolder(), org.photoparity.ui.prefs.UiPrefs.settings())
                : null;
        Display display = Display.getCurrent();
        Job j = new Job("Exporting the report to " + dir) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    if (spec != null) {
                        org.photoparity.engine.Preflight.checkOutputs(spec, null,
                                org.photoparity.engine.Preflight.reportFolder("The export folder", dir));
                    }
                    ReportWriter.Written w = Analysis.writeReports(r, dir,
                            AnalyzeJob.reportOptions(name).withThumbnailCache(cache), monitor);
                    display.asyncExec(() -> exported(display, w));
                    return Status.OK_STATUS;
                } catch (IOException e) {
                    return Status.error("Could not write the report: " + e.getMessage(), e);
                }
            }
        };
        j.setUser(true);
        j.schedule();
        return j;
    }
}
