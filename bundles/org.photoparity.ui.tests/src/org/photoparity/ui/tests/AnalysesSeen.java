package org.photoparity.ui.tests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.photoparity.ui.session.AnalyzeJob;

/**
 * The analyses (AnalyzeJob) scheduled while it listens, in order. Registered as a test's extension: after each test
 * it stops listening, lets the jobs settle and closes the case the test opened.
 */
final class AnalysesSeen extends JobChangeAdapter
        implements AutoCloseable, org.junit.jupiter.api.extension.AfterEachCallback {

    final List<Job> jobs = new CopyOnWriteArrayList<>();

    @Override
    public void scheduled(IJobChangeEvent event) {
        if (event.getJob().belongsTo(AnalyzeJob.FAMILY)) jobs.add(event.getJob());
    }

    /** Starts listening (again: listening twice is listening once). */
    AnalysesSeen listen() {
        Job.getJobManager().addJobChangeListener(this);
        return this;
    }

    @Override
    public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
        close();
    }

    /** Stops listening, waits for the jobs to settle and closes the case the test opened. */
    @Override
    public void close() {
        Job.getJobManager().removeJobChangeListener(this);
        Ui.settleJobs();
        Ui.session().open(null);
        Ui.drain();
    }
}
