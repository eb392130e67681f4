package org.photoparity.ui.session;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.photoparity.cases.CaseFolder;
import org.photoparity.core.spi.PhaseProgress;
import org.photoparity.engine.Analysis;
import org.photoparity.engine.AnalysisOptions;
import org.photoparity.engine.AnalysisResult;
import org.photoparity.engine.CaseAnalysis;
import org.photoparity.report.ReportOptions;
import org.photoparity.report.ReportWriter;
import org.photoparity.ui.prefs.UiPrefs;

/**
 * Analyses a case in the background (scan with the case's cache, reconcile, evidence, probes) and hands the result
 * to the session the moment it exists; the HTML/JSON/CSV reports (with their thumbnails) are written afterwards by
 * a {@link ReportJob} of their own, so the views never wait for thumbnails. Progress, the Progress view and Stop come
 * from the Jobs framework; a stopped or failed analysis keeps the previous results on screen.
 */
public final class AnalyzeJob extends Job {

    /** Jobs of this family are the case analyses (tests and the UI wait on them, Stop cancels them). */
    public static final Object FAMILY = AnalyzeJob.class;

    private final CaseFolder caseFolder;
    private final CaseSession session;
    private final Display display;
    private volatile AnalysisResult result;
    private volatile ReportJob reportJob;
    /** True once what the job found (results, or its failure or stop) has reached the session on the UI thread. */
    private volatile boolean delivered;
    /** The analysis started last: only it may change what the Summary says about the analysis. */
    private static volatile AnalyzeJob latest;

    public AnalyzeJob(CaseFolder caseFolder, CaseSession session, Display display) {
        super("Analyzing " + caseFolder.data().name());
        latest = this;
        this.caseFolder = caseFolder;
        this.session = session;
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

    /** Whether the results (or the failure, or the stop) have reached the session; tests wait for it. */
    public boolean delivered() {
        return delivered;
    }

    /** The job writing this analysis's reports, once the results are in (null before). */
    public ReportJob reportJob() {
        return reportJob;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        JobProgress phases = new JobProgress(monitor, getName(), text -> state(CaseSession.Phase.RUNNING, text));
        state(CaseSession.Phase.RUNNING, "Starting...");
        try {
            // what `photoparity analyze --case DIR` runs, with the workbench's preferences as settings; the bar and
            // its text follow the engine's phases ("Scanning 45 of 86 files (device)"), not its sub-monitors
            AnalysisResult r = CaseAnalysis.run(caseFolder, UiPrefs.settings(),
                    AnalysisOptions.defaults().withProgress(phases), JobProgress.cancelOnly(monitor));
            result = r;
            ReportJob reports = new ReportJob(r, caseFolder.resultsDir(),
                    CaseAnalysis.reportOptions(caseFolder, UiPrefs.settings()), false);
            reportJob = reports;
            display.asyncExec(() -> {
                try {
                    if (session.caseFolder() != caseFolder) return; // another case was opened meanwhile
                    session.analysed(r.result(), r.probes(), r.evidence(), r.warnings());
                    org.photoparity.ui.WorkbenchApplication.printStartup("analysis done");
                    org.photoparity.ui.WorkbenchApplication.printStartup("results shown");
                    if (latest == this) session.setAnalysis(CaseSession.AnalysisState.IDLE);
                    session.caseChanged();
                } finally {
                    delivered = true;
                }
            });
            reports.schedule();
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            state(CaseSession.Phase.CANCELLED, "Analysis stopped; the results shown are the previous ones.");
            return Status.CANCEL_STATUS;
        } catch (Exception | LinkageError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            state(CaseSession.Phase.FAILED, why);
            return Status.error("Analyzing " + caseFolder.dir() + " failed: " + why, e);
        } finally {
            monitor.done();
        }
    }

    private void state(CaseSession.Phase phase, String text) {
        display.asyncExec(() -> {
            try {
                // a cancelled job must not overwrite the state of the analysis that replaced it
                if (session.caseFolder() != caseFolder || latest != this) return;
                session.setAnalysis(new CaseSession.AnalysisState(phase, text));
            } finally {
                if (phase != CaseSession.Phase.RUNNING) delivered = true;
            }
        });
    }

    /**
     * Shows the engine's phases in a job: each step's text ("Scanning 45 of 86 files (device)", "Matching",
     * "Thumbnails 12 of 40") as the sub-task, the bar advanced to the step's share of the whole work, the text also
     * handed to {@code status} (the Summary's "Analysing..." line) at most five times a second and at each new
     * phase. No SWT: it only talks to the job's monitor.
     */
    public static final class JobProgress implements PhaseProgress {
        /** Ticks of the whole bar. */
        public static final int TICKS = 1000;

        private final IProgressMonitor monitor;
        private final java.util.function.Consumer<String> status;
        private int ticks;
        private long last;
        private PhaseProgress.Phase phase;

        /** Begins the monitor's task ({@link #TICKS} ticks) named {@code task}. */
        public JobProgress(IProgressMonitor monitor, String task, java.util.function.Consumer<String> status) {
            this.monitor = monitor;
            this.status = status == null ? t -> { } : status;
            monitor.beginTask(task, TICKS);
        }

        @Override
        public synchronized void step(Step s) {
            if (!Double.isNaN(s.fraction())) {
                int now = (int) Math.round(s.fraction() * TICKS);
                if (now > ticks) {
                    monitor.worked(now - ticks);
                    ticks = now;
                }
            }
            String text = s.text();
            monitor.subTask(text);
            long t = System.currentTimeMillis();
            if (s.phase() != phase || t - last >= 200) {
                phase = s.phase();
                last = t;
                status.accept(text);
            }
        }

        /**
         * The job's monitor for the engine's own sub-monitors: they may ask whether to stop (Stop, the Progress
         * view's red square) but do not move the bar or change its text: the phases do.
         */
        public static IProgressMonitor cancelOnly(IProgressMonitor monitor) {
            return new ProgressMonitorWrapper(monitor) {
                @Override
                public void beginTask(String name, int totalWork) {
                }

                @Override
                public void setTaskName(String name) {
                }

                @Override
                public void subTask(String name) {
                }

                @Override
                public void worked(int work) {
                }

                @Override
                public void internalWorked(double work) {
                }

                @Override
                public void done() {
                }
            };
        }
    }

    /** The report options chosen in the preferences (declared by the report bundle), titled with the case. */
    public static ReportOptions reportOptions(String caseName) {
        ReportOptions o = ReportOptions.of(UiPrefs.settings());
        return o.withTitle(o.title() + " - " + caseName);
    }

    /** Writes report.html, report.json and mismatches.csv of one analysis, after its results are on screen. */
    public static final class ReportJob extends Job {
        /** Report jobs (Stop cancels them too; Export waits for them). */
        public static final Object FAMILY = ReportJob.class;
        /** One report at a time; a test holds it to see the results arrive before the report. */
        public static final org.eclipse.core.runtime.jobs.ISchedulingRule RULE = new org.eclipse.core.runtime.jobs.ISchedulingRule() {
            @Override
            public boolean contains(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
                return rule == this;
            }

            @Override
            public boolean isConflicting(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
                return rule == this;
            }
        };

        private final AnalysisResult result;
        private final Path dir;
        private final ReportOptions options;
        private volatile ReportWriter.Written written;

        public ReportJob(AnalysisResult result, Path dir, ReportOptions options, boolean user) {
            super("Writing the report to " + dir);
            this.result = result;
            this.dir = dir;
            this.options = options;
            setUser(user);
            setPriority(LONG);
            setRule(RULE);
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == FAMILY;
        }

        /** What was written; null until the job is done. */
        public ReportWriter.Written written() {
            return written;
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            try {
                // "Thumbnails 12 of 40", then "Writing the report", the bar following the previews made
                written = Analysis.writeReports(result, dir, options, new JobProgress(monitor, getName(), null),
                        JobProgress.cancelOnly(monitor));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (Exception | LinkageError e) {
                return Status.error("Could not write the report to " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
