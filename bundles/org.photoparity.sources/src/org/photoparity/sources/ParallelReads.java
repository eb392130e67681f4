package org.photoparity.sources;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.OperationCanceledException;
import org.photoparity.core.spi.ScanContext;

/**
 * Reads files of one source in parallel on the scan's thread pool while the source keeps walking. At most a few
 * reads per thread wait in line, so a walk of a million files never queues a million tasks: memory stays flat.
 * Cancellation (the context's monitor) stops the walk at the next submit and drops reads not yet started.
 * <pre>
 * try (ParallelReads reads = ParallelReads.open(context)) {
 *     for (...) reads.submit(() -> context.file(context.reader().read(...)));
 * }
 * </pre>
 * Each task must report its own file (file, unreadable or ignored) and catch its own failures; a task that throws
 * anyway is reported when the batch closes.
 */
public final class ParallelReads implements AutoCloseable {

    private final ScanContext context;
    private final ExecutorService pool;
    private final boolean ownPool;
    private final int slots;
    private final Semaphore free;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean canceled;

    private ParallelReads(ScanContext context, ExecutorService pool, boolean ownPool, int threads) {
        this.context = context;
        this.pool = pool;
        this.ownPool = ownPool;
        this.slots = Math.max(4, threads * 4);
        this.free = new Semaphore(slots);
    }

    /** Uses the scanner's pool when the context comes from {@link Scanner}, a pool of its own otherwise. */
    public static ParallelReads open(ScanContext context) {
        if (context instanceof SourceScan s) return new ParallelReads(context, s.pool(), false, s.threads());
        int n = Runtime.getRuntime().availableProcessors();
        return new ParallelReads(context, Executors.newFixedThreadPool(n, Scanner.daemonThreads()), true, n);
    }

    /** Queues one read; waits while the line is full. Throws OperationCanceledException when the scan is canceled. */
    public void submit(Runnable task) {
        checkCanceled();
        try {
            while (!free.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                checkCanceled();
                progress();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException("interrupted");
        }
        progress();
        pool.execute(() -> {
            try {
                if (!canceled) task.run();
            } catch (OperationCanceledException e) {
                canceled = true;
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                free.release();
            }
        });
    }

    /** For a file the source answered itself (a cache hit): reports progress and stops a canceled scan. */
    public void answered() {
        checkCanceled();
        progress();
    }

    private void checkCanceled() {
        if (canceled || context.monitor().isCanceled()) {
            canceled = true;
            throw new OperationCanceledException();
        }
    }

    private void progress() {
        if (context instanceof SourceScan s) s.progress();
    }

    /** Waits for every queued read. */
    @Override
    public void close() {
        try {
            while (!free.tryAcquire(slots, 100, TimeUnit.MILLISECONDS)) {
                if (context.monitor().isCanceled()) canceled = true;
                progress();
            }
            free.release(slots);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            canceled = true;
        } finally {
            if (ownPool) pool.shutdownNow();
        }
        if (canceled) throw new OperationCanceledException();
        Throwable t = failure.get();
        if (t != null) throw new IllegalStateException("a read task failed: " + t, t);
    }
}
