package org.photoparity.ui.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eclipse.swt.SWTError;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.report.preview.PreviewMaker;

/**
 * Loads a preview of one media file, off the UI thread. JPEG, PNG and GIF are decoded directly at full size; HEIC,
 * video and the rest go through the report's preview pipeline ({@link PreviewMaker}: HEIC thumbnail items, ffmpeg
 * poster frames, heif-convert), cached in the case, so the workbench and report.html show the same pictures.
 * Helpers write to temp folders, never beside the photo; when one fails its own error text is shown.
 */
public final class Previews {

    /** Image data to show, or the reason there is none; {@code via} says where a picture came from. */
    public record Preview(ImageData image, String message, String via) {
        public Preview(ImageData image, String message) {
            this(image, message, null);
        }
    }

    private static final long MAX_DECODE_BYTES = 64L * 1024 * 1024;

    private Previews() {
    }

    /**
     * @param sourceRoot the folder or zip the file's path is relative to
     */
    public static Preview load(Path sourceRoot, MediaFile f) {
        return load(sourceRoot, f, null);
    }

    /**
     * @param sourceRoot the folder or zip the file's path is relative to
     * @param cacheDir   where the shared pipeline keeps HEIC and video previews (the case's cache); null for none
     */
    public static Preview load(Path sourceRoot, MediaFile f, Path cacheDir) {
        if (f == null) return new Preview(null, "No file: this asset is known from a listing only.");
        if (!f.readable()) return new Preview(null, cannotBeShown(f));
        if (f.size() > MAX_DECODE_BYTES) return new Preview(null, "No preview: the file is larger than 64 MB.");
        MediaFormat fmt = f.format();
        try {
            if (fmt == MediaFormat.JPEG || fmt == MediaFormat.PNG || fmt == MediaFormat.GIF) {
                try (InputStream in = open(sourceRoot, f)) {
                    ImageData[] frames = new ImageLoader().load(in);
                    return new Preview(upright(shrink(frames[0]), f.orientation()), null);
                } catch (RuntimeException | SWTError | OutOfMemoryError e) {
                    // SWTException among them; the scanner found the file whole, the decoder did not: its own
                    // words, never a blank
                    return new Preview(null, CANNOT_BE_SHOWN + "the " + fmt + " data could not be decoded ("
                            + words(e) + ")");
                }
            }
            if (fmt == MediaFormat.HEIC || fmt.isVideo() || fmt == MediaFormat.TIFF || fmt == MediaFormat.DNG
                    || fmt == MediaFormat.RAW || fmt == MediaFormat.WEBP) {
                return viaHelper(sourceRoot, f, cacheDir);
            }
            return new Preview(null, "No preview for " + fmt + " files.");
        } catch (IOException e) {
            return new Preview(null, "The file could not be opened: " + e.getMessage());
        }
    }

    /** Prefix of what Compare shows in place of a picture that cannot be shown (the rest says why). */
    public static final String CANNOT_BE_SHOWN = "Cannot be shown: ";

    /**
     * Why the file the scanner could not read has no preview, in its words: a file cut short (an interrupted copy
     * or download; SWT would decode what is there and grey the rest, which is not the picture) says so with where
     * it ends.
     */
    public static String cannotBeShown(MediaFile f) {
        String why = f.unreadableReason();
        if (why.startsWith("truncated")) {
            return CANNOT_BE_SHOWN + "the file is cut short (" + why
                    + String.format(java.util.Locale.ROOT, "; the file ends after %,d bytes)", f.size());
        }
        return CANNOT_BE_SHOWN + "the file could not be read (" + why + ")";
    }

    /** An error's own text, or its type when it has none. */
    public static String words(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
    }

    /** Big photos are reduced here, off the UI thread; Compare scales the rest smoothly. */
    static ImageData shrink(ImageData d) {
        int max = 1024;
        if (d.width <= max && d.height <= max) return d;
        double s = (double) max / Math.max(d.width, d.height);
        return d.scaledTo(Math.max(1, (int) (d.width * s)), Math.max(1, (int) (d.height * s)));
    }

    /** Turns a photo stored sideways upright by its EXIF orientation (as the report's pipeline does). */
    static ImageData upright(ImageData src, int orientation) {
        int deg = switch (orientation) {
            case 3, 4 -> 180;
            case 6, 5 -> 90;
            case 8, 7 -> 270;
            default -> 0;
        };
        if (deg == 0) return src;
        int w = src.width;
        int h = src.height;
        boolean swap = deg != 180;
        ImageData out = new ImageData(swap ? h : w, swap ? w : h, src.depth, src.palette);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = src.getPixel(x, y);
                switch (deg) {
                    case 90 -> out.setPixel(h - 1 - y, x, p);
                    case 180 -> out.setPixel(w - 1 - x, h - 1 - y, p);
                    default -> out.setPixel(y, w - 1 - x, p);
                }
            }
        }
        return out;
    }

    private static InputStream open(Path root, MediaFile f) throws IOException {
        if (Files.isDirectory(root)) {
            Path p = root.resolve(f.path());
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + " is not a plain file here (inside an iOS backup files have hashed "
                        + "names; this source offers no preview)");
            }
            return Files.newInputStream(p);
        }
        if (Files.isRegularFile(root) && root.getFileName().toString().toLowerCase().endsWith(".zip")) {
            ZipFile zip = new ZipFile(root.toFile());
            ZipEntry e = zip.getEntry(f.path());
            if (e == null) {
                zip.close();
                throw new IOException(f.path() + " is not in " + root);
            }
            InputStream in = zip.getInputStream(e);
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    super.close();
                    zip.close();
                }
            };
        }
        throw new IOException("the source " + root + " is neither a folder nor a zip");
    }

    /** heif-convert for HEIC, ffmpeg for anything it decodes; found on the PATH. */
    public static Optional<Path> helper(String name) {
        return PreviewMaker.helper(name);
    }

    /** The size of the previews the pipeline makes for Compare (longest side, pixels). */
    static final int COMPARE_BOX = 640;

    /** HEIC and video through the same pipeline as the HTML report (its thumbnails, cached in the case). */
    private static Preview viaHelper(Path root, MediaFile f, Path cacheDir) {
        PreviewMaker.Preview p = new PreviewMaker(cacheDir, COMPARE_BOX).make(f, new PreviewMaker.Source() {
            @Override
            public InputStream open() throws IOException {
                return Previews.open(root, f);
            }

            @Override
            public Path path() {
                Path p = root == null ? null : root.resolve(f.path());
                return p != null && Files.isDirectory(root) && Files.isRegularFile(p) ? p : null;
            }
        });
        if (!p.ok()) return new Preview(null, "No preview: " + p.error() + ". The fields below are read from the file.");
        try (InputStream s = new java.io.ByteArrayInputStream(p.jpeg())) {
            return new Preview(new ImageLoader().load(s)[0], null, p.via());
        } catch (IOException | SWTException e) {
            return new Preview(null, "The preview could not be shown: " + e.getMessage());
        }
    }
}
