package org.photoparity.sources;

import java.util.concurrent.ExecutorService;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.MediaReader;
import org.photoparity.core.spi.PhaseProgress;
import org.photoparity.core.spi.ScanContext;

/**
 * The scan context one source writes into. Thread-safe: any thread may report files. Counting rule: every call of
 * file, unreadable or ignored is one file seen; a file that came back from the reader with an unreadable reason is
 * kept (it becomes an asset with its reason) and is also counted as unreadable, never as read. So
 * files seen = read + unreadable + ignored, always.
 */
final class SourceScan implements ScanContext {

    private final SideCollector out;
    private final int index;
    private final SideRole side;
    private final boolean metadataOnly;
    private final IProgressMonitor monitor;
    private final MediaReader reader;
    private final ExecutorService pool;
    private final int threads;
    private final Thread owner;
    private final String label;
    private long lastProgress;
    private final PhaseProgress phases;
    private final long expected;

    SourceScan(SideCollector out, int index, SideRole side, boolean metadataOnly, IProgressMonitor monitor,
            MediaReader reader, ExecutorService pool, int threads, String label, PhaseProgress phases,
            long expected) {
        this.phases = phases;
        this.expected = expected;
        this.out = out;
        this.index = index;
        this.side = side;
        this.metadataOnly = metadataOnly;
        this.monitor = monitor;
        this.reader = reader;
        this.pool = pool;
        this.threads = threads;
        this.owner = Thread.currentThread();
        this.label = label;
    }

    @Override
    public int sourceIndex() {
        return index;
    }

    @Override
    public SideRole side() {
        return side;
    }

    @Override
    public boolean metadataOnly() {
        return metadataOnly;
    }

    @Override
    public IProgressMonitor monitor() {
        return monitor;
    }

    @Override
    public MediaReader reader() {
        return reader;
    }

    ExecutorService pool() {
        return pool;
    }

    int threads() {
        return threads;
    }

    @Override
    public void file(MediaFile file) {
        out.seen.incrementAndGet();
        out.files.add(file);
        out.bytes.addAndGet(file.size());
        if (file.readable()) {
            out.read.incrementAndGet();
        } else {
            out.unreadableCount.incrementAndGet();
            out.unreadable.add(new FileIssue(file.source(), file.path(), file.unreadableReason()));
        }
    }

    @Override
    public void listing(Listing listing) {
        out.listings.add(listing);
    }

    @Override
    public void unreadable(String path, String reason) {
        out.seen.incrementAndGet();
        out.unreadableCount.incrementAndGet();
        out.unreadable.add(new FileIssue(index, path, reason));
    }

    @Override
    public void incomplete(String what, java.util.Collection<String> missing) {
        if (what == null || what.isBlank()) return;
        out.incomplete.put(index, what);
        out.completedBy.put(index, missing == null ? java.util.List.of() : java.util.List.copyOf(missing));
    }

    @Override
    public void ignored(String path, String why) {
        out.seen.incrementAndGet();
        out.ignoredCount.incrementAndGet();
        out.ignored.add(new FileIssue(index, path, why));
    }

    /** Tells the monitor how far the scan is, at most every 200 ms and only on the thread that started it. */
    void progress() {
        if (Thread.currentThread() != owner) return;
        long now = System.nanoTime();
        if (now - lastProgress < 200_000_000L) return;
        lastProgress = now;
        progressNow();
        monitor.subTask(String.format("%s: %,d files seen, %,d read, %,d unreadable, %,d ignored", label,
                out.seen.get(), out.read.get(), out.unreadableCount.get(), out.ignoredCount.get()));
    }

    /** Tells the phase listener how many of the side's files are seen, when that changed. */
    void progressNow() {
        out.tell(phases, side, expected);
    }
}
