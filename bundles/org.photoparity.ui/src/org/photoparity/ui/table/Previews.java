package org.photoparity.ui.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;

/**
 * Loads a preview of one media file, off the UI thread. JPEG, PNG and GIF are decoded directly; HEIC and video
 * only through a helper program when one is installed (heif-convert, ffmpeg), which writes its output to a temp
 * folder, never beside the photo. Otherwise the preview says why there is none.
 */
public final class Previews {

    /** Image data to show, or the reason there is none. */
    public record Preview(ImageData image, String message) {
    }

    private static final long MAX_DECODE_BYTES = 64L * 1024 * 1024;

    private Previews() {
    }

    /**
     * @param sourceRoot the folder or zip the file's path is relative to
     */
    public static Preview load(Path sourceRoot, MediaFile f) {
        if (f == null) return new Preview(null, "No file: this asset is known from a listing only.");
        if (!f.readable()) return new Preview(null, "The file could not be read: " + f.unreadableReason());
        if (f.size() > MAX_DECODE_BYTES) return new Preview(null, "No preview: the file is larger than 64 MB.");
        MediaFormat fmt = f.format();
        try {
            if (fmt == MediaFormat.JPEG || fmt == MediaFormat.PNG || fmt == MediaFormat.GIF) {
                try (InputStream in = open(sourceRoot, f)) {
                    ImageData[] frames = new ImageLoader().load(in);
                    return new Preview(frames[0], null);
                } catch (SWTException e) {
                    return new Preview(null, "The " + fmt + " data could not be decoded: " + e.getMessage());
                }
            }
            if (fmt == MediaFormat.HEIC || fmt.isVideo() || fmt == MediaFormat.TIFF || fmt == MediaFormat.DNG
                    || fmt == MediaFormat.WEBP) {
                return viaHelper(sourceRoot, f);
            }
            return new Preview(null, "No preview for " + fmt + " files.");
        } catch (IOException e) {
            return new Preview(null, "The file could not be opened: " + e.getMessage());
        }
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
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static Preview viaHelper(Path root, MediaFile f) throws IOException {
        Optional<Path> heif = f.format() == MediaFormat.HEIC ? helper("heif-convert") : Optional.empty();
        Optional<Path> ffmpeg = helper("ffmpeg");
        if (heif.isEmpty() && ffmpeg.isEmpty()) {
            String what = f.format().isVideo() ? "A video preview needs ffmpeg"
                    : f.format() == MediaFormat.HEIC ? "A HEIC preview needs heif-convert (libheif) or ffmpeg"
                            : "A " + f.format() + " preview needs ffmpeg";
            return new Preview(null, what + ", and none is installed. The fields below are read from the file.");
        }
        Path tmp = Files.createTempDirectory("photoparity-preview");
        try {
            String ext = f.name().contains(".") ? f.name().substring(f.name().lastIndexOf('.')) : "";
            Path in = tmp.resolve("in" + ext);
            try (InputStream s = open(root, f)) {
                Files.copy(s, in);
            }
            Path out = tmp.resolve("out.png");
            List<String> cmd = new ArrayList<>();
            if (heif.isPresent()) {
                out = tmp.resolve("out.jpg");
                cmd.addAll(List.of(heif.get().toString(), in.toString(), out.toString()));
            } else {
                cmd.addAll(List.of(ffmpeg.get().toString(), "-loglevel", "error", "-i", in.toString(), "-frames:v",
                        "1", "-vf", "scale=480:-2", out.toString()));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile())
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Preview(null, "The preview helper " + cmd.get(0) + " took longer than 20 s.");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(out)) {
                return new Preview(null, "The preview helper " + cmd.get(0) + " could not decode the file.");
            }
            try (InputStream s = Files.newInputStream(out)) {
                return new Preview(new ImageLoader().load(s)[0], null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Preview(null, "Interrupted.");
        } finally {
            try (var st = Files.walk(tmp)) {
                st.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }
}
