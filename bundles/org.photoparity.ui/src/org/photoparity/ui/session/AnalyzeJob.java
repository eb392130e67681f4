package org.photoparity.ui.session;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.photoparity.cases.CaseFolder;
import org.photoparity.engine.AnalysisOptions;
import org.photoparity.engine.AnalysisResult;
import org.photoparity.engine.CaseAnalysis;
import org.photoparity.report.ReportOptions;
import org.photoparity.ui.prefs.UiPrefs;

/**
 * Analyses a case in the background (scan with the case's cache, reconcile, evidence, probes), keeps the reports
 * in the case's results folder and its figures in case.json, then hands the result to the session on the UI
 * thread. Progress and Cancel come from the Jobs framework.
 */
public final class AnalyzeJob extends Job {

    /** Jobs of this family are the case analyses (tests and the UI wait on them). */
    public static final Object FAMILY = AnalyzeJob.class;

    private final CaseFolder caseFolder;
    private final Display display;
    private volatile AnalysisResult result;

    public AnalyzeJob(CaseFolder caseFolder, Display display) {
        super("Analysing " + caseFolder.data().name());
        this.caseFolder = caseFolder;
        this.display = display;
        setUser(true);
        setPriority(LONG);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    public AnalysisResult result() {
        return result;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, getName(), 100);
        try {
            // exactly what `photoparity analyze --case DIR` runs, with the workbench's preferences as settings
            AnalysisResult r = CaseAnalysis.analyze(caseFolder, UiPrefs.settings(), AnalysisOptions.defaults(),
                    sub.split(100)).result();
            result = r;
            display.asyncExec(() -> {
                if (CaseSession.get().caseFolder() != caseFolder) return; // another case was opened meanwhile
                CaseSession.get().analysed(r.result(), r.probes(), r.evidence(), r.warnings());
                CaseSession.get().caseChanged();
            });
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception | LinkageError e) {
            return Status.error("Analysing " + caseFolder.dir() + " failed: " + e.getMessage(), e);
        } finally {
            monitor.done();
        }
    }

    /** The report options chosen in the preferences (declared by the report bundle), titled with the case. */
    public static ReportOptions reportOptions(String caseName) {
        ReportOptions o = ReportOptions.of(UiPrefs.settings());
        return o.withTitle(o.title() + " - " + caseName);
    }
}
