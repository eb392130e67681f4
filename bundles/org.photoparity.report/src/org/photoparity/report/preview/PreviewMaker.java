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
 * first frame by ffmpeg), else decoded in full (ImageIO with subsampling; heif-convert for HEIC). Results are cached
 * by content in a folder (the case's cache) so a second report or the workbench reuse them. A helper's own error
 * text is kept in the result. Thread-safe: the report makes previews on several threads. No SWT.
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
    private static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final long HELPER_SECONDS = 30;

    private final Path cacheDir;
    private final int box;

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
        if (f == null) return Preview.failed("no file: known from a listing only");
        if (!f.readable()) return Preview.failed("the file could not be read: " + f.unreadableReason());
        if (f.size() > MAX_BYTES) return Preview.failed("the file is larger than 256 MB");
        Path cached = cacheFile(f);
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                byte[] jpeg = Files.readAllBytes(cached);
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
                if (img != null) return new Preview(jpeg, img.getWidth(), img.getHeight(), "cache", null);
            } catch (IOException e) {
                // made again below
            }
        }
        Preview p;
        try {
            p = switch (f.format()) {
                case JPEG -> jpeg(f, source);
                case PNG, GIF -> decoded(f, source, "decoded");
                case HEIC -> heic(f, source);
                default -> f.format().isVideo() ? video(source) : Preview.failed("no preview for " + f.format() + " files");
            };
        } catch (IOException | RuntimeException e) {
            p = Preview.failed("no preview: " + e.getMessage());
        }
        if (p.ok() && cached != null) store(cached, p.jpeg());
        return p;
    }

    // ---- per format ---------------------------------------------------------------------------------------------

    private Preview jpeg(MediaFile f, Source s) throws IOException {
        byte[] head;
        try (InputStream in = s.open()) {
            head = in.readNBytes(HEAD_BYTES);
        }
        byte[] thumb = ContainerThumbnails.exifJpeg(head);
        if (thumb != null) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(thumb));
            // an EXIF thumbnail smaller than half the box would look blurred: decode the photo instead
            if (img != null && Math.max(img.getWidth(), img.getHeight()) * 2 >= box) {
                return encode(upright(img, f.orientation()), "EXIF thumbnail");
            }
        }
        return decoded(f, s, "decoded");
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
        int w = Math.max(1, Math.min(g.columns() * tw, g.width() / step));
        int h = Math.max(1, Math.min(g.rows() * th, g.height() / step));
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        byte[] px = run.out();
        for (int t = 0; t < g.tiles(); t++) {
            int x0 = (t % g.columns()) * tw;
            int y0 = (t / g.columns()) * th;
            int base = t * frame;
            for (int y = 0; y < th && y0 + y < h; y++) {
                for (int x = 0; x < tw && x0 + x < w; x++) {
                    int i = base + (y * tw + x) * 3;
                    img.setRGB(x0 + x, y0 + y, ((px[i] & 0xff) << 16) | ((px[i + 1] & 0xff) << 8) | (px[i + 2] & 0xff));
                }
            }
        }
        return encode(heifUpright(img, g.rotation(), f), "HEIC tiles (ffmpeg)");
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

    private record Run(byte[] out, String error, int exit) {
        boolean ok() {
            return exit == 0 && out.length > 0;
        }
    }

    /** Runs a helper with {@code stdin}, bounded in time and output; its stderr is the error text. */
    private static Run run(List<String> cmd, byte[] stdin) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        Thread feeder = null;
        if (stdin != null) {
            feeder = Thread.ofVirtual().start(() -> {
                try (var os = p.getOutputStream()) {
                    os.write(stdin);
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
            if (!p.waitFor(HELPER_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(new byte[0], cmd.get(0) + " took longer than " + HELPER_SECONDS + " s", -1);
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
        String key = f.payloadKey() != null ? f.payloadKey()
                : f.fingerprint() != null ? f.fingerprint() : null;
        if (key == null) return null; // no content key: a path could name other bytes next time
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest((key + "|" + f.format() + "|" + f.orientation() + "|" + box)
                    .getBytes(StandardCharsets.UTF_8));
            return cacheDir.resolve(HexFormat.of().formatHex(h, 0, 16) + ".jpg");
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
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
