package org.photoparity.report.preview;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;

/**
 * One preview pipeline for the HTML report and the workbench: a small upright JPEG of a photo or video, taken first
 * from what the file already holds (a JPEG's EXIF thumbnail, a HEIC's thumbnail item decoded by ffmpeg, a video's
 * first frame by ffmpeg), else decoded in full (ImageIO with subsampling; heif-convert for HEIC). Many previews at
 * once ({@link #makeAll}) share one per content and decode HEIC pictures and thumbnail-less JPEGs in ffmpeg
 * batches. Results are cached by content in a folder (the case's cache) so a second report or the workbench reuse
 * them. A helper's own error text is kept in the result. Thread-safe: the report makes previews on several threads.
 * No SWT.
 */
public final class PreviewMaker {

    /** A preview ({@code jpeg} non-null) or why there is none; {@code via} says where the picture came from. */
    public record Preview(byte[] jpeg, int width, int height, String via, String error) {
        public static Preview failed(String why) {
            return new Preview(null, 0, 0, null, why);
        }

        public boolean ok() {
            return jpeg != null;
        }
    }

    /** Opens the bytes of a file; {@code path()} is non-null when the file is a plain file helpers can read. */
    public interface Source {
        InputStream open() throws IOException;

        Path path();
    }

    private static final int HEAD_BYTES = 256 * 1024;
    /** A RAW's structure (TIFF IFDs, a CR3's moov before its preview box) lies in its first megabyte. */
    private static final int RAW_HEAD_BYTES = 1024 * 1024;
    private static final long MAX_BYTES = 256L * 1024 * 1024;
    static final long HELPER_SECONDS = 30;

    private final Path cacheDir;
    private final int box;
    private volatile boolean stopped;
    /** The batches of {@link #makeAll} calls still running. */
    private final java.util.Set<FfmpegBatches> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param cacheDir where previews are kept by content (null: no cache)
     * @param box      the longest side of a preview, in pixels
     */
    public PreviewMaker(Path cacheDir, int box) {
        this.cacheDir = cacheDir;
        this.box = box;
    }

    /** A program on the PATH (heif-convert, ffmpeg). */
    public static Optional<Path> helper(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The preview of {@code f}; never throws. */
    public Preview make(MediaFile f, Source source) {
        Preview early = refusedOrCached(f);
        if (early != null) return early;
        return made(f, computed(f, source));
    }

    /** A file to preview and where its bytes are. */
    public record Request(MediaFile file, Source source) {
    }

    /**
     * The previews of many files, each future completed the moment its picture exists (never exceptionally), in the
     * order of {@code requests}. Files with the same content (payload key or fingerprint, format and orientation)
     * share one preview; the HEVC pictures of HEIC files (thumbnail items, grid tiles) and thumbnail-less JPEGs are
     * decoded in batches, one ffmpeg run for many files ({@link FfmpegBatches}); the rest is made on {@code pool}.
     * The costliest are looked at first (HEIC, then JPEG, larger files first) and the HEVC batches start as soon as
     * every HEIC has been looked at, so ffmpeg decodes on every core while the JPEGs' own thumbnails are made here.
     */
    public List<java.util.concurrent.CompletableFuture<Preview>> makeAll(List<Request> requests,
            java.util.concurrent.Executor pool) {
        List<java.util.concurrent.CompletableFuture<Preview>> out = new ArrayList<>(requests.size());
        java.util.Map<String, java.util.concurrent.CompletableFuture<Preview>> byContent = new java.util.HashMap<>();
        Optional<Path> ffmpeg = helper("ffmpeg");
        FfmpegBatches batches = ffmpeg.map(p -> new FfmpegBatches(p.toString(), () -> stopped)).orElse(null);
        if (batches != null) live.add(batches);
        List<Integer> order = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            order.add(i);
            out.add(null);
        }
        order.sort(java.util.Comparator.<Integer>comparingInt(i -> costRank(requests.get(i).file()))
                .thenComparing(i -> -Math.max(0, requests.get(i).file().size())));
        List<java.util.concurrent.CompletableFuture<Void>> heics = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<Void>> firsts = new ArrayList<>();
        for (int i : order) {
            Request r = requests.get(i);
            String key = contentKey(r.file());
            java.util.concurrent.CompletableFuture<Preview> same = key == null ? null : byContent.get(key);
            if (same != null) {
                out.set(i, same);
                continue;
            }
            java.util.concurrent.CompletableFuture<Preview> f = new java.util.concurrent.CompletableFuture<>();
            if (key != null) byContent.put(key, f);
            out.set(i, f);
            java.util.concurrent.CompletableFuture<Void> first =
                    java.util.concurrent.CompletableFuture.runAsync(() -> first(r, f, batches), pool);
            firsts.add(first);
            if (r.file().format() == MediaFormat.HEIC) heics.add(first);
        }
        if (batches != null) {
            // every HEIC looked at: their HEVC pictures are decoded now, while the JPEGs are still being looked at
            java.util.concurrent.CompletableFuture.allOf(heics.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .whenComplete((v, e) -> batches.flush());
        }
        java.util.concurrent.CompletableFuture.allOf(firsts.toArray(java.util.concurrent.CompletableFuture[]::new))
                .whenComplete((v, e) -> {
                    if (batches != null) {
                        batches.flush();
                        batches.close();
                        live.remove(batches);
                    }
                });
        return out;
    }

    /** Which files are looked at first: HEIC (decoded by ffmpeg, the costliest), JPEG, then the rest. */
    private static int costRank(MediaFile f) {
        return f.format() == MediaFormat.HEIC ? 0 : f.format() == MediaFormat.JPEG ? 1 : 2;
    }

    /**
     * Stops making previews (the report that asked was stopped or is done): previews not made yet are given up,
     * helpers running are ended, and nothing more is written to the cache. This maker makes no more previews.
     */
    public void stop() {
        stopped = true;
        for (FfmpegBatches b : live) b.stopNow();
    }

    /** Makes the preview of one request, or hands its HEVC pictures to the batches. */
    private void first(Request r, java.util.concurrent.CompletableFuture<Preview> done, FfmpegBatches batches) {
        MediaFile f = r.file();
        if (stopped) {
            done.complete(Preview.failed("stopped"));
            return;
        }
        try {
            Preview early = refusedOrCached(f);
            if (early != null) {
                done.complete(early);
                return;
            }
            if (f.format() == MediaFormat.HEIC && batches != null) {
                FfmpegBatches.Job job = heicJob(f, r.source(), p -> done.complete(made(f, p)));
                if (job != null) {
                    batches.add(job);
                    return;
                }
            }
            if (f.format() == MediaFormat.JPEG && batches != null) {
                Object plan = jpegPlan(f, r.source(), p -> done.complete(made(f, p)));
                if (plan instanceof FfmpegBatches.Job job) {
                    batches.add(job);
                } else {
                    done.complete(made(f, (Preview) plan));
                }
                return;
            }
            done.complete(made(f, computed(f, r.source())));
        } catch (IOException | RuntimeException e) {
            done.complete(Preview.failed("no preview: " + e.getMessage()));
        }
    }

    /**
     * A JPEG's preview from its EXIF thumbnail when that will do, else a batch job decoding the photo (its APPn
     * segments left out) at the preview's size: a {@link Preview} or a {@link FfmpegBatches.Job}.
     */
    private Object jpegPlan(MediaFile f, Source s, java.util.function.Consumer<Preview> done) throws IOException {
        byte[] all;
        try (InputStream in = s.open()) {
            all = in.readNBytes(HEAD_BYTES);
            Preview fromThumb = exifThumbnail(f, all);
            if (fromThumb != null) return fromThumb;
            if (all.length == HEAD_BYTES) all = withRest(all, in, f.size());
        }
        byte[] bare = withoutAppSegments(all);
        int[] size = bare == null ? null : jpegSize(bare);
        java.util.function.Supplier<Preview> alone = () -> {
            try {
                return decoded(f, s, "decoded");
            } catch (IOException | RuntimeException e) {
                return Preview.failed("no preview: " + e.getMessage());
            }
        };
        if (size == null) return alone.get();
        double k = Math.min(1.0, (double) box / Math.max(size[0], size[1]));
        int w = Math.max(1, (int) Math.round(size[0] * k));
        int h = Math.max(1, (int) Math.round(size[1] * k));
        int lowres = 0;
        while (lowres < 3 && Math.max(size[0], size[1]) >> (lowres + 1) >= Math.max(w, h)) lowres++;
        return new FfmpegBatches.Job("mjpeg", lowres, bare, 1, size[0], size[1], w, h,
                (rgb, at) -> encodeQuietly(upright(fromRgb(rgb, at, w, h), f.orientation()), "decoded (ffmpeg)"),
                alone, done);
    }

    /** {@code head} and what follows it in {@code in}, up to the file's size and {@link #MAX_BYTES} in all. */
    private static byte[] withRest(byte[] head, InputStream in, long size) throws IOException {
        int want = (int) Math.min(MAX_BYTES, Math.max(size, 0) + 1) - head.length;
        if (want <= 0) return head;
        byte[] rest = in.readNBytes(want);
        byte[] all = java.util.Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    /**
     * A JPEG without its APP1-APP13 and APP15 segments (EXIF with its thumbnail, XMP, MPF and the rest; JFIF and
     * Adobe's APP14, which says how colours are coded, are kept), or null when it is not a well-formed JPEG.
     */
    static byte[] withoutAppSegments(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(0xff);
        out.write(0xd8);
        int p = 2;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xff) != 0xff) return null;
            int m = b[p + 1] & 0xff;
            if (m == 0xff) {
                p++;
                continue;
            }
            if (m == 0xda) {
                out.write(b, p, b.length - p); // the scan data and everything after it
                return out.toByteArray();
            }
            if (m == 0xd9) return null;
            int len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (len < 2 || p + 2 + len > b.length) return null;
            boolean app = m >= 0xe1 && m <= 0xef && m != 0xee;
            if (!app) out.write(b, p, 2 + len);
            p += 2 + len;
        }
        return null;
    }

    /** The HEVC pictures of a HEIC (its thumbnail item, else its grid's tiles) as a batch job, or null. */
    private FfmpegBatches.Job heicJob(MediaFile f, Source s, java.util.function.Consumer<Preview> done)
            throws IOException {
        // an iPhone's thumbnail item lies near the start: the whole file is read only when the head does not hold it
        byte[] all;
        ContainerThumbnails.HeifThumb t;
        try (InputStream in = s.open()) {
            all = in.readNBytes(HEAD_BYTES);
            t = ContainerThumbnails.heif(all);
            if (t == null && all.length == HEAD_BYTES) {
                all = withRest(all, in, f.size());
                t = ContainerThumbnails.heif(all);
            }
        }
        java.util.function.Supplier<Preview> alone = () -> {
            try {
                return heic(f, s);
            } catch (IOException | RuntimeException e) {
                return Preview.failed("no preview: " + e.getMessage());
            }
        };
        if (t != null && t.width() > 0 && t.height() > 0) {
            double k = Math.min(1.0, (double) box / Math.max(t.width(), t.height()));
            int w = Math.max(1, (int) Math.round(t.width() * k));
            int h = Math.max(1, (int) Math.round(t.height() * k));
            ContainerThumbnails.HeifThumb thumb = t;
            return new FfmpegBatches.Job("hevc", 0, t.annexB(), 1, t.width(), t.height(), w, h, (rgb, at) -> {
                BufferedImage img = fromRgb(rgb, at, w, h);
                return encodeQuietly(heifUpright(img, thumb.rotation(), f), "HEIC thumbnail (ffmpeg)");
            }, alone, done);
        }
        ContainerThumbnails.HeifGrid g = t == null ? ContainerThumbnails.heifGrid(all) : null;
        if (g != null) {
            int step = Math.max(1, Math.min(g.width(), g.height()) / (box * 2));
            int tw = Math.max(1, g.tileWidth() / step);
            int th = Math.max(1, g.tileHeight() / step);
            return new FfmpegBatches.Job("hevc", 0, g.annexB(), g.tiles(), g.tileWidth(), g.tileHeight(), tw, th,
                    (rgb, at) -> encodeQuietly(heifUpright(laidOut(g, rgb, at, tw, th, step), g.rotation(), f),
                            "HEIC tiles (ffmpeg)"), alone, done);
        }
        return null;
    }

    private static BufferedImage fromRgb(byte[] px, int base, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < w * h; p++) {
            int i = base + p * 3;
            out[p] = ((px[i] & 0xff) << 16) | ((px[i + 1] & 0xff) << 8) | (px[i + 2] & 0xff);
        }
        return img;
    }

    private Preview encodeQuietly(BufferedImage img, String via) {
        try {
            return encode(img, via);
        } catch (IOException e) {
            return Preview.failed("no preview: " + e.getMessage());
        }
    }

    /** A refusal, or the cached preview; null when it must be made. */
    private Preview refusedOrCached(MediaFile f) {
        if (f == null) return Preview.failed("no file: known from a listing only");
        if (!f.readable()) return Preview.failed("the file could not be read: " + f.unreadableReason());
        if (f.size() > MAX_BYTES) return Preview.failed("the file is larger than 256 MB");
        Path cached = cacheFile(f);
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                byte[] jpeg = Files.readAllBytes(cached);
                int[] size = jpegSize(jpeg);
                if (size != null) return new Preview(jpeg, size[0], size[1], "cache", null);
            } catch (IOException e) {
                // made again
            }
        }
        return null;
    }

    /** Keeps a preview made in the cache. */
    private Preview made(MediaFile f, Preview p) {
        Path cached = cacheFile(f);
        if (p.ok() && cached != null && !stopped) store(cached, p.jpeg());
        return p;
    }

    private Preview computed(MediaFile f, Source source) {
        Preview p;
        try {
            p = switch (f.format()) {
                case JPEG -> jpeg(f, source);
                case PNG, GIF -> decoded(f, source, "decoded");
                case HEIC -> heic(f, source);
                case RAW, DNG -> raw(f, source);
                default -> f.format().isVideo() ? video(source) : Preview.failed("no preview for " + f.format() + " files");
            };
        } catch (IOException | RuntimeException e) {
            p = Preview.failed("no preview: " + e.getMessage());
        }
        return p;
    }

    // ---- per format ---------------------------------------------------------------------------------------------

    private Preview jpeg(MediaFile f, Source s) throws IOException {
        byte[] head;
        try (InputStream in = s.open()) {
            head = in.readNBytes(HEAD_BYTES);
        }
        Preview p = exifThumbnail(f, head);
        return p != null ? p : decoded(f, s, "decoded");
    }

    /**
     * A camera RAW's (or DNG's) preview: the JPEG its camera embedded ({@link RawPreviews}), decoded as a JPEG is and
     * turned upright by the RAW's own orientation (the embedded JPEG is stored as the sensor saw it).
     */
    private Preview raw(MediaFile f, Source s) throws IOException {
        byte[] head;
        try (InputStream in = s.open()) {
            head = in.readNBytes(RAW_HEAD_BYTES);
        }
        RawPreviews.Range r = RawPreviews.find(head, f.size());
        if (r == null) return Preview.failed("no JPEG preview found inside this " + f.format() + " file");
        byte[] jpeg;
        if (r.offset() + r.length() <= head.length) {
            jpeg = java.util.Arrays.copyOfRange(head, (int) r.offset(), (int) (r.offset() + r.length()));
        } else {
            try (InputStream in = s.open()) {
                in.skipNBytes(r.offset());
                jpeg = in.readNBytes((int) r.length());
            }
        }
        if (jpeg.length != r.length() || !RawPreviews.isJpeg(jpeg)) {
            return Preview.failed("the preview inside this " + f.format() + " file is not a JPEG");
        }
        return decoded(f, new Source() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(jpeg);
            }

            @Override
            public Path path() {
                return s.path();
            }
        }, "the camera's JPEG inside the " + f.format());
    }

    /** The preview from a JPEG's EXIF thumbnail (its first bytes), or null when it has none big enough. */
    private Preview exifThumbnail(MediaFile f, byte[] head) throws IOException {
        byte[] thumb = ContainerThumbnails.exifJpeg(head);
        int[] size = thumb == null ? null : jpegSize(thumb);
        if (size != null && (f.orientation() <= 1 || f.orientation() > 8) && Math.max(size[0], size[1]) <= box
                && Math.max(size[0], size[1]) * 2 >= box) {
            // upright and already the preview's size: the camera's own thumbnail as it is, nothing decoded
            return new Preview(thumb, size[0], size[1], "EXIF thumbnail", null);
        }
        if (thumb != null) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(thumb));
            // an EXIF thumbnail smaller than half the box would look blurred: decode the photo instead
            if (img != null && Math.max(img.getWidth(), img.getHeight()) * 2 >= box) {
                return encode(upright(img, f.orientation()), "EXIF thumbnail");
            }
        }
        return null;
    }

    /** ImageIO, reading every n-th pixel so a 12 MP photo costs what a 1 MP one does. */
    private Preview decoded(MediaFile f, Source s, String via) throws IOException {
        try (InputStream in = s.open(); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) return Preview.failed("no decoder for this " + f.format() + " file");
            ImageReader r = readers.next();
            try {
                r.setInput(iis, true, true);
                int w = r.getWidth(0);
                int h = r.getHeight(0);
                ImageReadParam param = r.getDefaultReadParam();
                int step = Math.max(1, Math.min(w, h) / (box * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage img = r.read(0, param);
                return encode(upright(img, f.orientation()), via);
            } finally {
                r.dispose();
            }
        }
    }

    private Preview heic(MediaFile f, Source s) throws IOException {
        byte[] all;
        try (InputStream in = s.open()) {
            all = in.readNBytes((int) Math.min(MAX_BYTES, Math.max(f.size(), 0) + 1));
        }
        ContainerThumbnails.HeifThumb t = ContainerThumbnails.heif(all);
        Optional<Path> ffmpeg = helper("ffmpeg");
        String thumbError = null;
        if (t != null && ffmpeg.isPresent()) {
            Run run = run(List.of(ffmpeg.get().toString(), "-v", "error", "-f", "hevc", "-i", "pipe:0", "-frames:v",
                    "1", "-f", "image2pipe", "-vcodec", "png", "pipe:1"), t.annexB());
            BufferedImage img = run.ok() ? ImageIO.read(new ByteArrayInputStream(run.out())) : null;
            if (img != null) return encode(heifUpright(img, t.rotation(), f), "HEIC thumbnail (ffmpeg)");
            thumbError = "ffmpeg: " + run.error();
        }
        ContainerThumbnails.HeifGrid grid = t == null ? ContainerThumbnails.heifGrid(all) : null;
        if (grid != null && ffmpeg.isPresent()) {
            Preview fromTiles = tiles(ffmpeg.get(), grid, f);
            if (fromTiles.ok()) return fromTiles;
            thumbError = fromTiles.error();
        }
        Optional<Path> heif = helper("heif-convert");
        if (heif.isEmpty()) {
            return Preview.failed(thumbError != null ? thumbError
                    : t == null ? "a HEIC preview needs heif-convert (libheif-examples); none is installed"
                            : "a HEIC preview needs ffmpeg or heif-convert; neither is installed");
        }
        Path tmp = Files.createTempDirectory("photoparity-heic");
        try {
            Path in = s.path();
            if (in == null) {
                in = tmp.resolve("in.heic");
                Files.write(in, all);
            }
            Path out = tmp.resolve("out.jpg");
            Run run = run(List.of(heif.get().toString(), "--quiet", "-q", "85", in.toString(), out.toString()), null);
            if (!Files.isRegularFile(out)) {
                return Preview.failed("heif-convert: " + run.error() + (thumbError == null ? "" : "; " + thumbError));
            }
            // heif-convert applies the HEIF rotation itself
            BufferedImage img = ImageIO.read(out.toFile());
            if (img == null) return Preview.failed("heif-convert wrote no readable JPEG");
            return encode(img, "heif-convert");
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * A grid HEIC without a thumbnail: ffmpeg decodes every tile, each scaled down to a small square, in one run;
     * the tiles are laid out here, cropped to the picture and turned upright.
     */
    private Preview tiles(Path ffmpeg, ContainerThumbnails.HeifGrid g, MediaFile f) throws IOException {
        int step = Math.max(1, Math.min(g.width(), g.height()) / (box * 2));
        int tw = Math.max(1, g.tileWidth() / step);
        int th = Math.max(1, g.tileHeight() / step);
        Run run = run(List.of(ffmpeg.toString(), "-v", "error", "-f", "hevc", "-i", "pipe:0", "-vsync", "0", "-vf",
                "scale=" + tw + ":" + th, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"), g.annexB());
        int frame = tw * th * 3;
        if (run.exit() != 0 || run.out().length < frame * g.tiles()) {
            return Preview.failed("ffmpeg (HEIC tiles): " + run.error());
        }
        return encode(heifUpright(laidOut(g, run.out(), 0, tw, th, step), g.rotation(), f), "HEIC tiles (ffmpeg)");
    }

    /** The tiles of a grid (raw RGB from {@code at}, {@code tw} x {@code th} each, in row order) laid out, cropped. */
    static BufferedImage laidOut(ContainerThumbnails.HeifGrid g, byte[] px, int at, int tw, int th, int step) {
        int frame = tw * th * 3;
        int w = Math.max(1, Math.min(g.columns() * tw, g.width() / step));
        int h = Math.max(1, Math.min(g.rows() * th, g.height() / step));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] out = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int t = 0; t < g.tiles(); t++) {
            int x0 = (t % g.columns()) * tw;
            int y0 = (t / g.columns()) * th;
            int base = at + t * frame;
            for (int y = 0; y < th && y0 + y < h; y++) {
                int row = (y0 + y) * w;
                for (int x = 0; x < tw && x0 + x < w; x++) {
                    int i = base + (y * tw + x) * 3;
                    out[row + x0 + x] = ((px[i] & 0xff) << 16) | ((px[i + 1] & 0xff) << 8) | (px[i + 2] & 0xff);
                }
            }
        }
        return img;
    }

    private Preview video(Source s) throws IOException {
        Optional<Path> ffmpeg = helper("ffmpeg");
        if (ffmpeg.isEmpty()) return Preview.failed("a video preview needs ffmpeg; it is not installed");
        Path tmp = null;
        try {
            Path in = s.path();
            if (in == null) {
                tmp = Files.createTempDirectory("photoparity-video");
                in = tmp.resolve("in.mov");
                try (InputStream src = s.open()) {
                    Files.copy(src, in);
                }
            }
            Run run = run(List.of(ffmpeg.get().toString(), "-v", "error", "-ss", "0", "-i", in.toString(),
                    "-frames:v", "1", "-vf", "scale=" + box + ":" + box + ":force_original_aspect_ratio=decrease",
                    "-f", "image2pipe", "-vcodec", "png", "pipe:1"), null);
            BufferedImage img = run.ok() ? ImageIO.read(new ByteArrayInputStream(run.out())) : null;
            if (img == null) return Preview.failed("ffmpeg: " + run.error());
            return encode(img, "poster frame (ffmpeg)");
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    record Run(byte[] out, String error, int exit) {
        boolean ok() {
            return exit == 0 && out.length > 0;
        }
    }

    /** Runs a helper with {@code stdin}, bounded in time and output; its stderr is the error text. */
    private static Run run(List<String> cmd, byte[] stdin) throws IOException {
        return run(cmd, stdin == null ? null : List.of(stdin), HELPER_SECONDS);
    }

    /** As above, {@code stdin} given in pieces, waiting at most {@code seconds}. */
    static Run run(List<String> cmd, List<byte[]> stdin, long seconds) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        Thread feeder = null;
        if (stdin != null) {
            feeder = Thread.ofVirtual().start(() -> {
                try (var os = p.getOutputStream()) {
                    for (byte[] piece : stdin) os.write(piece);
                } catch (IOException ignored) {
                    // the helper stopped reading; its error says why
                }
            });
        } else {
            p.getOutputStream().close();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = Thread.ofVirtual().start(() -> {
            try (InputStream es = p.getErrorStream()) {
                byte[] b = es.readNBytes(16 * 1024);
                err.writeBytes(b);
                es.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // nothing more to say
            }
        });
        byte[] out;
        try (InputStream os = p.getInputStream()) {
            out = os.readNBytes(64 * 1024 * 1024);
        }
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(new byte[0], cmd.get(0) + " took longer than " + seconds + " s", -1);
            }
            errReader.join(2000);
            if (feeder != null) feeder.join(2000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Run(new byte[0], "interrupted", -1);
        }
        String e = err.toString(StandardCharsets.UTF_8).strip();
        if (e.isEmpty() && p.exitValue() != 0) e = "exit code " + p.exitValue();
        return new Run(out, e.isEmpty() ? "no picture" : e.lines().findFirst().orElse(e), p.exitValue());
    }

    private Path cacheFile(MediaFile f) {
        if (cacheDir == null) return null;
        String key = contentKey(f);
        if (key == null) return null; // no content key: a path could name other bytes next time
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(key.getBytes(StandardCharsets.UTF_8));
            return cacheDir.resolve(HexFormat.of().formatHex(h, 0, 16) + ".jpg");
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** What makes two previews the same picture: the content, its format and orientation, the size; or null. */
    private String contentKey(MediaFile f) {
        if (f == null) return null;
        String key = f.payloadKey() != null ? f.payloadKey() : f.fingerprint();
        return key == null ? null : key + "|" + f.format() + "|" + f.orientation() + "|" + box;
    }

    /** Width and height from a JPEG's frame header (SOF0-SOF15 but DHT, JPG, DAC), or null. */
    static int[] jpegSize(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) return null;
        int p = 2;
        while (p + 9 < b.length) {
            if ((b[p] & 0xff) != 0xff) return null;
            int m = b[p + 1] & 0xff;
            if (m == 0xff) {
                p++;
                continue;
            }
            if (m == 0xd9 || m == 0xda) return null;
            int len = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            if (m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc) {
                int h = ((b[p + 5] & 0xff) << 8) | (b[p + 6] & 0xff);
                int w = ((b[p + 7] & 0xff) << 8) | (b[p + 8] & 0xff);
                return w > 0 && h > 0 ? new int[] { w, h } : null;
            }
            if (len < 2) return null;
            p += 2 + len;
        }
        return null;
    }

    private static void store(Path file, byte[] jpeg) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".thumb", ".tmp");
            try {
                Files.write(tmp, jpeg);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            // a cache that cannot be written only costs time
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var st = Files.walk(dir)) {
            for (Path p : st.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private Preview encode(BufferedImage img, String via) throws IOException {
        BufferedImage small = scale(img, box);
        return new Preview(jpegBytes(small), small.getWidth(), small.getHeight(), via, null);
    }

    /**
     * A HEIF picture upright: by its irot when it has one (newer iPhones), else by the EXIF orientation the scan read
     * (iOS 11 HEICs carry only that).
     */
    static BufferedImage heifUpright(BufferedImage img, int irot, MediaFile f) {
        return irot != 0 ? rotate(img, irot) : upright(img, f.orientation());
    }

    /** Turns a photo stored sideways upright by its EXIF orientation (1, 3, 6, 8; mirrored ones as their turn). */
    static BufferedImage upright(BufferedImage img, int orientation) {
        return switch (orientation) {
            case 3, 4 -> rotate(img, 180);
            case 6, 5 -> rotate(img, 270);
            case 8, 7 -> rotate(img, 90);
            default -> img;
        };
    }

    /** Rotates counter-clockwise by {@code degrees} (0, 90, 180, 270). */
    static BufferedImage rotate(BufferedImage img, int degrees) {
        int w = img.getWidth();
        int h = img.getHeight();
        AffineTransform t;
        int nw = w;
        int nh = h;
        switch (((degrees % 360) + 360) % 360) {
            case 180 -> t = new AffineTransform(-1, 0, 0, -1, w, h);
            case 270 -> { // clockwise 90
                t = new AffineTransform(0, 1, -1, 0, h, 0);
                nw = h;
                nh = w;
            }
            case 90 -> { // counter-clockwise 90
                t = new AffineTransform(0, -1, 1, 0, 0, w);
                nw = h;
                nh = w;
            }
            default -> {
                return img;
            }
        }
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    static BufferedImage scale(BufferedImage img, int box) {
        double f = Math.min(1.0, (double) box / Math.max(img.getWidth(), img.getHeight()));
        int w = Math.max(1, (int) Math.round(img.getWidth() * f));
        int h = Math.max(1, (int) Math.round(img.getHeight() * f));
        BufferedImage cur = img;
        // halve step by step first: one bilinear jump from 4000 px to 160 px aliases badly
        while (cur.getWidth() / 2 >= w && cur.getHeight() / 2 >= h) cur = draw(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        return cur.getWidth() == w && cur.getHeight() == h && cur.getType() == BufferedImage.TYPE_INT_RGB ? cur
                : draw(cur, w, h);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static byte[] jpegBytes(BufferedImage img) throws IOException {
        if (img.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            // the JPEG writer copies any other layout pixel by pixel (a third of the preview threads' time); Java2D
            // converts it in one native blit
            BufferedImage bgr = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            java.awt.Graphics2D g = bgr.createGraphics();
            try {
                g.drawImage(img, 0, 0, null);
            } finally {
                g.dispose();
            }
            img = bgr;
        }
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) throw new IOException("no JPEG writer in this Java runtime");
        ImageWriter w = it.next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(bos)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.8f);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return bos.toByteArray();
    }

    /** The formats this pipeline tries (for messages). */
    public static List<MediaFormat> formats() {
        List<MediaFormat> out = new ArrayList<>(List.of(MediaFormat.JPEG, MediaFormat.PNG, MediaFormat.GIF,
                MediaFormat.HEIC));
        for (MediaFormat m : MediaFormat.values()) if (m.isVideo()) out.add(m);
        return out;
    }
}
