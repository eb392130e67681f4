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
 * so an embedded thumbnail cannot be taken for a frame). Starting ffmpeg costs about a quarter of a CPU-second,
 * decoding a thumbnail item a few milliseconds, and ffmpeg decodes a JPEG several times faster than ImageIO. Every
 * picture of a batch is scaled by ffmpeg to the same size, so the raw output splits into frames by counting bytes; a
 * batch whose output does not split exactly (a damaged file among them) is done again file by file, so one bad file
 * costs only its own preview. Batches run on their own threads (one ffmpeg thread each), as many as there are cores.
 */
final class FfmpegBatches implements AutoCloseable {

    /** A batch is run once it holds this many files or bytes of input. */
    private static final int MAX_FILES = 48;
    private static final int MAX_BYTES = 48 * 1024 * 1024;
    /** Fewer JPEGs than this are decoded by ImageIO: about 30 ms each against a quarter second to start ffmpeg. */
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
    }

    private record Shape(String codec, int lowres, int inW, int inH, int w, int h) {
    }

    private final String ffmpeg;
    /** True once the previews are no longer wanted: jobs not run yet are given up, without a retry. */
    private final java.util.function.BooleanSupplier stopped;
    private final ExecutorService runs;
    private final Map<Shape, List<Job>> open = new LinkedHashMap<>();
    private final Map<Shape, Integer> openBytes = new LinkedHashMap<>();

    FfmpegBatches(String ffmpeg, java.util.function.BooleanSupplier stopped) {
        this.ffmpeg = ffmpeg;
        this.stopped = stopped;
        this.runs = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "preview batches (ffmpeg)");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a job; a full batch starts at once. */
    void add(Job job) {
        Shape s = new Shape(job.codec(), job.lowres(), job.inW(), job.inH(), job.w(), job.h());
        List<Job> ready = null;
        synchronized (this) {
            open.computeIfAbsent(s, k -> new ArrayList<>()).add(job);
            int bytes = openBytes.merge(s, job.annexB().length, Integer::sum);
            if (open.get(s).size() >= MAX_FILES || bytes >= MAX_BYTES) {
                ready = open.remove(s);
                openBytes.remove(s);
            }
        }
        if (ready != null) start(s, ready);
    }

    /** Starts every batch not yet full (no more jobs are coming). */
    void flush() {
        Map<Shape, List<Job>> rest;
        synchronized (this) {
            rest = new LinkedHashMap<>(open);
            open.clear();
            openBytes.clear();
        }
        rest.forEach(this::start);
    }

    private void start(Shape s, List<Job> jobs) {
        runs.execute(() -> run(s, jobs));
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
        runs.shutdown();
    }

    /** Ends the running ffmpeg runs (their threads are interrupted) and drops the batches not started. */
    void stopNow() {
        runs.shutdownNow();
    }
}
