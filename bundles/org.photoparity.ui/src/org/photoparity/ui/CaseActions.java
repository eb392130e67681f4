package org.photoparity.ui;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.photoparity.cases.CaseFolder;
import org.photoparity.engine.SavedResults;
import org.photoparity.ui.prefs.UiPrefs;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.session.Cases;

/** Opening and analysing cases: what the commands, the wizard, the Case Explorer and start-up share. UI thread. */
public final class CaseActions {

    /** System property: {@code none} starts without a case (UI tests), otherwise the last case or the demo. */
    public static final String STARTUP_PROPERTY = "photoparity.startupCase";

    private CaseActions() {
    }

    /** Shows {@code c}, remembers it, and analyses it when asked (a job; results appear when ready). */
    public static AnalyzeJob open(CaseFolder c, boolean analyse) {
        CaseSession.current().open(c);
        try {
            Cases.recent().add(c.dir());
        } catch (IOException e) {
            // the recent list is a convenience; the case itself is open
        }
        UiPrefs.store().setValue(UiPrefs.LAST_CASE, c.dir().toString());
        UiPrefs.flush();
        return analyse ? analyze() : null;
    }

    public static AnalyzeJob open(Path dir, boolean analyse) throws IOException {
        return open(CaseFolder.open(dir), analyse);
    }

    /** Jobs of this family read a case's saved results and check its sources (tests wait on them). */
    public static final Object SAVED_FAMILY = SavedResultsJob.class;

    /**
     * Shows {@code c} and its saved last results at once when it has them, without analysing, then checks in the
     * background whether its sources changed since (the Summary then offers to analyse again); a case without saved
     * results (never analysed, or analysed by an older version) is analysed.
     */
    public static Job openWithSavedResults(CaseFolder c) {
        open(c, false);
        Job job = new SavedResultsJob(c, CaseSession.current(), Display.getCurrent());
        job.schedule();
        return job;
    }

    public static Job openWithSavedResults(Path dir) throws IOException {
        return openWithSavedResults(CaseFolder.open(dir));
    }

    /** Reads the saved results off the UI thread, hands them over, then stamps the sources and compares. */
    private static final class SavedResultsJob extends Job {
        private final CaseFolder c;
        private final CaseSession session;
        private final Display display;

        SavedResultsJob(CaseFolder c, CaseSession session, Display display) {
            super("Reading the last results of " + c.data().name());
            this.c = c;
            this.session = session;
            this.display = display;
            setPriority(SHORT);
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == SAVED_FAMILY;
        }

        @Override
        protected IStatus run(IProgressMonitor monitor) {
            SavedResults.Saved saved = SavedResults.read(c);
            if (saved == null) {
                display.asyncExec(() -> {
                    // nothing saved: analyse, unless another case was opened or an analysis was started meanwhile
                    if (session.caseFolder() == c && session.result() == null
                            && Job.getJobManager().find(AnalyzeJob.FAMILY).length == 0) {
                        analyze();
                    }
                });
                return Status.OK_STATUS;
            }
            display.asyncExec(() -> {
                if (session.caseFolder() == c && session.result() == null) session.showSaved(saved);
            });
            if (monitor.isCanceled()) return Status.CANCEL_STATUS;
            monitor.setTaskName("Checking whether the sources of " + c.data().name() + " changed");
            boolean changed;
            try {
                changed = SavedResults.changed(c, saved);
            } catch (IOException | RuntimeException e) {
                return Status.warning("Could not check whether the sources of " + c.dir() + " changed: "
                        + e.getMessage(), e);
            }
            if (changed) {
                display.asyncExec(() -> {
                    // only while the saved results are the ones shown (not after a new analysis)
                    if (session.caseFolder() == c && saved.analyzedAt().equals(session.savedAt())) {
                        session.setSourcesChangedSince(saved.analyzedAt());
                    }
                });
            }
            return Status.OK_STATUS;
        }
    }

    /** Analyses the open case in the background, replacing an analysis still running; null when no case is open. */
    public static AnalyzeJob analyze() {
        CaseSession session = CaseSession.current();
        CaseFolder c = session.caseFolder();
        if (c == null) return null;
        Job.getJobManager().cancel(AnalyzeJob.FAMILY);
        Job.getJobManager().cancel(AnalyzeJob.ReportJob.FAMILY);
        AnalyzeJob job = new AnalyzeJob(c, session, Display.getCurrent());
        job.schedule();
        return job;
    }

    /** Stops the running analysis and report writing; the results shown stay. True when something was running. */
    public static boolean stop() {
        boolean running = Job.getJobManager().find(AnalyzeJob.FAMILY).length > 0
                || Job.getJobManager().find(AnalyzeJob.ReportJob.FAMILY).length > 0;
        Job.getJobManager().cancel(AnalyzeJob.FAMILY);
        Job.getJobManager().cancel(AnalyzeJob.ReportJob.FAMILY);
        return running;
    }

    /**
     * At start-up: reopen the last case, or else make and open the demo case, with its saved results when it has
     * them (analysed when it has none). The case is read and the demo data generated in a job, so the window paints
     * and is usable at once.
     */
    public static Job startup(Display display) {
        if ("none".equals(System.getProperty(STARTUP_PROPERTY))) return null;
        String last = UiPrefs.store().getString(UiPrefs.LAST_CASE);
        boolean demo = UiPrefs.store().getBoolean(UiPrefs.OPEN_DEMO);
        Job job = new Job("Opening the last case") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                CaseFolder c = null;
                String problem = null;
                if (!last.isBlank() && CaseFolder.isCase(Path.of(last))) {
                    try {
                        c = CaseFolder.open(Path.of(last));
                    } catch (IOException e) {
                        problem = e.getMessage();
                    }
                }
                if (c == null && demo) {
                    try {
                        c = Cases.ensureDemoCase();
                    } catch (IOException e) {
                        return Status.error("Could not create the demo case in " + Cases.demoCaseFolder() + ": "
                                + e.getMessage(), e);
                    }
                }
                CaseFolder open = c;
                String note = problem;
                if (open != null) display.asyncExec(() -> {
                    if (CaseSession.current().hasCase()) return; // the technician was quicker
                    openWithSavedResults(open);
                });
                return note == null ? Status.OK_STATUS : Status.warning("The last case could not be opened: " + note);
            }
        };
        job.setSystem(true);
        job.schedule();
        return job;
    }
}
