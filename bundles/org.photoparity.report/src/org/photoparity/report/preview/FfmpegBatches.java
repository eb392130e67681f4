package org.photoparity.report.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Pictures of many files decoded by one ffmpeg run per batch instead of one run per file: HEVC pictures (HEIC
 * thumbnail items, the tiles of HEIC grids) and JPEGs that carry no usable thumbnail (their APPn segments left out,
 * so an embedded thumbnail cannot be taken for a frame). Starting ffmpeg costs about 0.3 CPU-seconds (it loads some
 * 200 libraries), decoding a thumbnail item a few milliseconds, a 12 MP grid of HEVC tiles about 0.12 s, and ffmpeg
 * decodes a JPEG several times faster than ImageIO. So the runs are few and even: a shape's jobs are held until
 * {@link #flush} (or until they hold {@link #MAX_BYTES} of input, which bounds the memory) and then split into as
 * many parts of about the same decoding cost as there are cores, so no core sits idle while another decodes the
 * rest. Every picture of a batch is scaled by ffmpeg to the same size, so the raw output splits into frames by
 * counting bytes; a batch whose output does not split exactly (a damaged file among them) is done again file by
 * file, so one bad file costs only its own preview. Batches run on their own threads (one ffmpeg thread each).
 */
final class FfmpegBatches implements AutoCloseable {

    /**
     * A shape's jobs are started once they hold this much input, whether or not more are coming; and a file's job
     * waits while this much input is started but not yet running (files are read faster than ffmpeg decodes them:
     * without the wait a library of large HEICs would be held in memory whole).
     */
    static final long MAX_BYTES = 128L * 1024 * 1024;
    /**
     * Jobs are split over the cores only when each part costs at least this much, in bytes of JPEG input (about
     * 0.6 s of decoding: starting ffmpeg once more must be worth it). HEVC costs {@link #HEVC_COST} times as much
     * per byte (measured: about 7 MB/s of HEVC tiles against 60 MB/s of JPEG at 1/8 size, one core).
     */
    private static final long MIN_PART_COST = 36L * 1024 * 1024;
    private static final int HEVC_COST = 9;
    /** Fewer JPEGs than this are decoded by ImageIO: about 30 ms each against 0.3 CPU-seconds to start ffmpeg. */
    private static final int MIN_JPEGS = 8;

    /**
     * One file's pictures: its stream ({@code codec} hevc: Annex-B; mjpeg: a JPEG, decoded at 1/2^{@code lowres}) of
     * {@code frames} pictures of {@code inW} x {@code inH}, each to be scaled to {@code w} x {@code h}; {@code compose}
     * makes the preview from the raw RGB frames (at an offset in the batch's output); {@code alone} makes it without
     * the batch; {@code done} is given the preview.
     */
    record Job(String codec, int lowres, byte[] annexB, int frames, int inW, int inH, int w, int h,
            BiFunction<byte[], Integer, PreviewMaker.Preview> compose, Supplier<PreviewMaker.Preview> alone,
            Consumer<PreviewMaker.Preview> done) {

        long cost() {
            return (long) annexB.length * (codec.equals("hevc") ? HEVC_COST : 1);
        }
    }

    private record Shape(String codec, int lowres, int inW, int inH, int w, int h) {
    }

    private final String ffmpeg;
    /** True once the previews are no longer wanted: jobs not run yet are given up, without a retry. */
    private final java.util.function.BooleanSupplier stopped;
    private final int cores;
    private final ExecutorService runs;
    private final Map<Shape, List<Job>> open = new LinkedHashMap<>();
    private final Map<Shape, Long> openBytes = new LinkedHashMap<>();
    /** Input of the batches started and not running yet. */
    private long queuedBytes;
    /**
     * Held from taking jobs to handing them to the runners, and while closing: jobs taken are always started. (The
     * HEIC flush and the last flush with {@link #close} come from two threads when the last HEIC and the last file are
     * done at the same moment; the close then shut the runners between the other flush's taking and starting, and the
     * jobs it had taken were given up as "stopped".)
     */
    private final Object starting = new Object();

    FfmpegBatches(String ffmpeg, java.util.function.BooleanSupplier stopped) {
        this.ffmpeg = ffmpeg;
        this.stopped = stopped;
        this.cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.runs = Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "preview batches (ffmpeg)");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues a job; jobs holding {@link #MAX_BYTES} of input start at once. Waits while that much input waits for a
     * free core (until the previews are stopped).
     */
    void add(Job job) {
        Shape s = new Shape(job.codec(), job.lowres(), job.inW(), job.inH(), job.w(), job.h());
        List<Job> ready = null;
        synchronized (this) {
            while (queuedBytes >= MAX_BYTES && !stopped.getAsBoolean() && !runs.isShutdown()) {
                try {
                    wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            open.computeIfAbsent(s, k -> new ArrayList<>()).add(job);
            long bytes = openBytes.merge(s, (long) job.annexB().length, Long::sum);
            if (bytes >= MAX_BYTES) {
                ready = open.remove(s);
                openBytes.remove(s);
            }
        }
        if (ready != null) {
            synchronized (starting) {
                start(s, ready);
            }
        }
    }

    /** Starts every job queued (none of their kind, or none at all, are coming now). */
    void flush() {
        synchronized (starting) {
            List<Map.Entry<Shape, List<Job>>> rest;
            synchronized (this) {
                rest = new ArrayList<>(open.entrySet());
                open.clear();
                openBytes.clear();
            }
            // the costliest first: a batch of thumbnails started before the grids would keep one core from them
            rest.sort(java.util.Comparator.comparingLong((Map.Entry<Shape, List<Job>> e) -> -cost(e.getValue())));
            for (Map.Entry<Shape, List<Job>> e : rest) start(e.getKey(), e.getValue());
        }
    }

    private static long cost(List<Job> jobs) {
        long c = 0;
        for (Job j : jobs) c += j.cost();
        return c;
    }

    /** The jobs as parts of about the same cost, as many as there are cores when each part is worth a run. */
    static List<List<Job>> parts(List<Job> jobs, int cores) {
        long total = cost(jobs);
        int n = (int) Math.max(1, Math.min(Math.min(cores, jobs.size()), total / MIN_PART_COST));
        if (n == 1) return List.of(jobs);
        List<Job> big = new ArrayList<>(jobs);
        big.sort(java.util.Comparator.comparingLong(Job::cost).reversed());
        List<List<Job>> parts = new ArrayList<>();
        long[] costs = new long[n];
        for (int i = 0; i < n; i++) parts.add(new ArrayList<>());
        for (Job j : big) {
            int least = 0;
            for (int i = 1; i < n; i++) if (costs[i] < costs[least]) least = i;
            parts.get(least).add(j);
            costs[least] += j.cost();
        }
        return parts;
    }

    private void start(Shape s, List<Job> jobs) {
        for (List<Job> part : parts(jobs, cores)) {
            Part p = new Part(s, part);
            synchronized (this) {
                queuedBytes += p.bytes;
            }
            try {
                runs.execute(p);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                p.drop();
            }
        }
    }

    /** A batch given to the runners. */
    private final class Part implements Runnable {
        final Shape shape;
        final List<Job> jobs;
        final long bytes;

        Part(Shape shape, List<Job> jobs) {
            this.shape = shape;
            this.jobs = jobs;
            long b = 0;
            for (Job j : jobs) b += j.annexB().length;
            this.bytes = b;
        }

        @Override
        public void run() {
            unqueue();
            FfmpegBatches.this.run(shape, jobs);
        }

        /** Never run: its previews are given up. */
        void drop() {
            unqueue();
            for (Job j : jobs) finish(j, PreviewMaker.Preview.failed("stopped"));
        }

        private void unqueue() {
            synchronized (FfmpegBatches.this) {
                queuedBytes -= bytes;
                FfmpegBatches.this.notifyAll();
            }
        }
    }

    private void run(Shape s, List<Job> jobs) {
        if (stopped.getAsBoolean()) {
            for (Job j : jobs) finish(j, PreviewMaker.Preview.failed("stopped"));
            return;
        }
        if (s.codec().equals("mjpeg") && jobs.size() < MIN_JPEGS) {
            // a few JPEGs decode faster in this process than ffmpeg starts
            for (Job j : jobs) finish(j, j.alone().get());
            return;
        }
        List<byte[]> in = new ArrayList<>();
        int frames = 0;
        for (Job j : jobs) {
            in.add(j.annexB());
            frames += j.frames();
        }
        int frame = s.w() * s.h() * 3;
        PreviewMaker.Run r;
        try {
            List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-v", "error", "-threads", "1"));
            // a JPEG decoded at 1/2, 1/4 or 1/8 of its size by the decoder itself (never below the preview's size)
            if (s.lowres() > 0) cmd.addAll(List.of("-lowres", String.valueOf(s.lowres())));
            cmd.addAll(List.of("-f", s.codec(), "-i", "pipe:0", "-vsync", "0", "-vf", "scale=" + s.w() + ":" + s.h(),
                    "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"));
            r = PreviewMaker.run(cmd, in, PreviewMaker.HELPER_SECONDS + 2L * jobs.size());
        } catch (java.io.IOException e) {
            r = null;
        }
        if (stopped.getAsBoolean()) {
            for (Job j : jobs) finish(j, PreviewMaker.Preview.failed("stopped"));
            return;
        }
        if (r == null || r.exit() != 0 || r.out().length != (long) frames * frame) {
            // one damaged file spoils the count: each file again on its own, with its own error
            for (Job j : jobs) finish(j, j.alone().get());
            return;
        }
        int at = 0;
        for (Job j : jobs) {
            int mine = at;
            at += j.frames() * frame;
            PreviewMaker.Preview p;
            try {
                p = j.compose().apply(r.out(), mine);
            } catch (RuntimeException e) {
                p = j.alone().get();
            }
            finish(j, p);
        }
    }

    private static void finish(Job j, PreviewMaker.Preview p) {
        try {
            j.done().accept(p);
        } catch (RuntimeException e) {
            j.done().accept(PreviewMaker.Preview.failed("no preview: " + e));
        }
    }

    @Override
    public void close() {
        synchronized (starting) {
            runs.shutdown();
        }
    }

    /**
     * Ends the running ffmpeg runs (their threads are interrupted); the batches not started and the jobs not yet in
     * a batch are given up ("stopped").
     */
    void stopNow() {
        for (Runnable r : runs.shutdownNow()) if (r instanceof Part p) p.drop();
        List<Job> rest = new ArrayList<>();
        synchronized (this) {
            open.values().forEach(rest::addAll);
            open.clear();
            openBytes.clear();
            notifyAll();
        }
        for (Job j : rest) finish(j, PreviewMaker.Preview.failed("stopped"));
    }
}
