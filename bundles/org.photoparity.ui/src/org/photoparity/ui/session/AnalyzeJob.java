package org.photoparity.ui.session;

import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.photoparity.cases.CaseFolder;
import org.photoparity.engine.Analysis;
import org.photoparity.engine.AnalysisOptions;
import org.photoparity.engine.AnalysisResult;
import org.photoparity.engine.Preflight;
import org.photoparity.engine.CaseSpec;
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
        long start = System.currentTimeMillis();
        try {
            Map<String, String> settings = UiPrefs.settings();
            CaseSpec spec = Cases.spec(caseFolder, settings);
            // the case folder (results, case.json) must not lie in a source or the evidence: checked before any work
            java.util.List<org.photoparity.core.io.OutputGuard.Output> outputs = new java.util.ArrayList<>(
                    Preflight.reportFolder("The case's results folder", caseFolder.resultsDir()));
            outputs.add(new org.photoparity.core.io.OutputGuard.Output("The case folder", caseFolder.dir()));
            Preflight.check(spec, AnalysisOptions.defaults(), outputs);
            AnalysisResult r = Analysis.run(spec, sub.split(90));
            sub.subTask("Writing the reports to " + caseFolder.resultsDir());
            Analysis.writeReports(r, caseFolder.resultsDir(), reportOptions(caseFolder.data().name()), sub.split(10));
            caseFolder.update(d -> d.withLastAnalysis(Cases.figures(r, System.currentTimeMillis() - start)));
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

    /** The report options chosen in the preferences. */
    public static ReportOptions reportOptions(String caseName) {
        ReportOptions o = ReportOptions.defaults()
                .withThumbnails(Boolean.parseBoolean(UiPrefs.get("report.thumbnails")))
                .withTitle(UiPrefs.get("report.title") + " - " + caseName);
        try {
            o = o.withMaxThumbnails(Math.max(0, Integer.parseInt(UiPrefs.get("report.maxThumbnails").trim())));
            o = o.withMaxRowsPerCategory(Math.max(1, Integer.parseInt(UiPrefs.get("report.maxRowsPerCategory").trim())));
        } catch (NumberFormatException e) {
            // the preference page validates numbers; a hand-edited store falls back to the defaults
        }
        return o;
    }
}
