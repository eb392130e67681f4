package org.photoparity.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.PhaseProgress;
import org.photoparity.report.preview.PreviewMaker;

/**
 * Small previews for the HTML report, from the shared preview pipeline ({@link PreviewMaker}: EXIF and HEIC
 * thumbnails, ffmpeg poster frames, cached by content), embedded as data: URIs; every other case gets a placeholder
 * that says why there is no picture. The report first asks for every preview it will show ({@link #prefetch}), which
 * makes them on all cores, then writes the page in order ({@link #of}). The number of previews is capped so a
 * report with thousands of mismatches stays a reasonable size.
 */
final class Thumbnails implements AutoCloseable {

    sealed interface Thumb permits Picture, Placeholder {
    }

    record Picture(String dataUri, int width, int height) implements Thumb {
    }

    record Placeholder(String text) implements Thumb {
    }

    private final ReportOptions options;
    private final SourceFiles device;
    private final SourceFiles cloud;
    private final PreviewMaker maker;
    private final Map<MediaFile, Future<Thumb>> pending = new IdentityHashMap<>();
    /** Previews asked for and not started yet, and where each goes. */
    private final List<PreviewMaker.Request> asked = new ArrayList<>();
    private final List<java.util.concurrent.CompletableFuture<Thumb>> waiting = new ArrayList<>();
    private boolean started;
    private ExecutorService pool;
    private int made;
    /** Previews made (or failed) so far. */
    private final AtomicInteger finished = new AtomicInteger();

    Thumbnails(ReconcileResult result, ReportOptions options) {
        this.options = options;
        this.device = new SourceFiles(result.device().sources());
        this.cloud = new SourceFiles(result.cloud().sources());
        this.maker = new PreviewMaker(options.thumbnailCache(), options.thumbnailSize());
    }

    int made() {
        return made;
    }

    /** Why {@code f} gets no preview before any is made, or null when it may have one. */
    private String refusal(MediaFile f) {
        if (f == null) return "listed only: no file was scanned for it";
        if (!options.thumbnails()) return "thumbnails switched off";
        if (f.size() > options.maxThumbnailSourceBytes()) return "file too large to preview";
        return null;
    }

    /**
     * Asks for the preview of {@code file} (the asset's primary when null), in the order the page shows them; the
     * previews asked for are made together by {@link #start} (files of the same content once, HEIC pictures decoded
     * in batches), each as soon as it can be.
     */
    void prefetch(SideRole side, Asset asset, MediaFile file) {
        MediaFile f = asset == null ? null : file != null ? file : asset.primary();
        if (f == null || refusal(f) != null || pending.containsKey(f)) return;
        if (made >= options.maxThumbnails()) return;
        made++;
        SourceFiles files = side == SideRole.DEVICE ? device : cloud;
        java.util.concurrent.CompletableFuture<Thumb> t = new java.util.concurrent.CompletableFuture<>();
        pending.put(f, t);
        asked.add(new PreviewMaker.Request(f, files.previewSource(f)));
        waiting.add(t);
        if (started) start();
    }

    /** Starts making every preview asked for and not started yet. */
    private void start() {
        started = true;
        if (asked.isEmpty()) return;
        if (pool == null) {
            pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "report thumbnails");
                t.setDaemon(true);
                return t;
            });
        }
        List<java.util.concurrent.CompletableFuture<PreviewMaker.Preview>> made = maker.makeAll(asked, pool);
        for (int i = 0; i < made.size(); i++) {
            java.util.concurrent.CompletableFuture<Thumb> t = waiting.get(i);
            made.get(i).whenComplete((p, e) -> {
                try {
                    t.complete(e != null ? new Placeholder("no preview: " + e) : thumb(p));
                } finally {
                    synchronized (finished) {
                        finished.incrementAndGet();
                        finished.notifyAll();
                    }
                }
            });
        }
        asked.clear();
        waiting.clear();
    }

    private static Thumb thumb(PreviewMaker.Preview p) {
        if (!p.ok()) return new Placeholder("no preview: " + p.error());
        return new Picture("data:image/jpeg;base64," + java.util.Base64.getEncoder().encodeToString(p.jpeg()),
                p.width(), p.height());
    }

    /** A preview of {@code file}, one of the asset's files (its primary when null). */
    Thumb of(SideRole side, Asset asset, MediaFile file) {
        if (asset == null) return new Placeholder("no asset");
        MediaFile f = file != null ? file : asset.primary();
        String no = refusal(f);
        if (no != null) return new Placeholder(no);
        if (!pending.containsKey(f)) prefetch(side, asset, f);
        Future<Thumb> t = pending.get(f);
        if (t == null) return new Placeholder("preview limit (" + options.maxThumbnails() + ") reached");
        if (!started) start();
        try {
            return t.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Placeholder("no preview: interrupted");
        } catch (ExecutionException e) {
            return new Placeholder("no preview: " + e.getCause());
        }
    }

    /**
     * Waits until every preview asked for is made, telling {@code progress} "Thumbnails 12 of 40" (on this thread,
     * each time the count grew); stops when {@code monitor} is canceled.
     */
    void awaitAll(PhaseProgress progress, IProgressMonitor monitor) {
        start();
        int total = pending.size();
        if (total == 0) return;
        long told = -1;
        while (true) {
            int done = finished.get();
            if (done != told) {
                told = done;
                progress.step(PhaseProgress.Step.of(PhaseProgress.Phase.THUMBNAILS, null, done, total));
            }
            if (done >= total) return;
            if (monitor != null && monitor.isCanceled()) throw new OperationCanceledException();
            try {
                synchronized (finished) {
                    if (finished.get() == done) finished.wait(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException("interrupted");
            }
        }
    }

    @Override
    public void close() {
        // a stopped or finished report leaves no helper running and writes nothing more into the case's cache
        maker.stop();
        if (pool != null) pool.shutdownNow();
        device.close();
        cloud.close();
    }
}
