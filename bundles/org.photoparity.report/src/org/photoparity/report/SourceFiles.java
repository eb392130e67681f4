package org.photoparity.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.photoparity.core.io.InputFiles;
import org.photoparity.core.io.ZipGuard;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.SourceRef;

/**
 * Opens a scanned file again, read-only, from its side's source roots: a file under a folder source, or an entry
 * of a zip source. Anything else (nested zips, backups that store files under hashed names) is reported as not
 * reachable, with why.
 */
final class SourceFiles implements AutoCloseable {

    /** The bytes of a file, or why they cannot be had. */
    sealed interface Opened permits Found, NotFound {
    }

    record Found(InputStream stream, long size) implements Opened {
    }

    record NotFound(String why) implements Opened {
    }

    private final List<SourceRef> sources;
    private final Map<Integer, ZipFile> zips = new HashMap<>();

    SourceFiles(List<SourceRef> sources) {
        this.sources = sources;
    }

    /** The file as the preview pipeline reads it: a plain path when it is one (helpers read it in place). */
    org.photoparity.report.preview.PreviewMaker.Source previewSource(MediaFile f) {
        Path plain = null;
        if (f.source() >= 0 && f.source() < sources.size()) {
            Path root = Path.of(sources.get(f.source()).path());
            Path p = root.resolve(f.path()).normalize();
            if (Files.isDirectory(root) && p.startsWith(root.normalize()) && Files.isRegularFile(p)) plain = p;
        }
        Path path = plain;
        return new org.photoparity.report.preview.PreviewMaker.Source() {
            @Override
            public java.io.InputStream open() throws IOException {
                Opened o = SourceFiles.this.open(f);
                if (o instanceof NotFound nf) throw new IOException(nf.why());
                return ((Found) o).stream();
            }

            @Override
            public Path path() {
                return path;
            }
        };
    }

    synchronized Opened open(MediaFile f) {
        if (f.source() < 0 || f.source() >= sources.size()) {
            return new NotFound("source " + f.source() + " is not in the inventory");
        }
        Path root = Path.of(sources.get(f.source()).path());
        try {
            if (Files.isDirectory(root)) {
                Path p = root.resolve(f.path()).normalize();
                if (!p.startsWith(root.normalize())) return new NotFound("path leaves its source folder");
                if (!Files.isRegularFile(p)) return new NotFound("not found under " + root);
                return new Found(Files.newInputStream(p), Files.size(p));
            }
            if (Files.isRegularFile(root) && root.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                ZipFile z = zips.get(f.source());
                if (z == null) {
                    // the zip limits hold here too: an archive of overlapping entries is not opened again
                    String refusal = ZipGuard.read(root).refusal();
                    if (refusal != null) return new NotFound(refusal);
                    z = new ZipFile(root.toFile());
                    zips.put(f.source(), z);
                }
                ZipEntry e = z.getEntry(f.path());
                if (e == null || e.isDirectory()) return new NotFound("no entry " + f.path() + " in " + root);
                String bomb = ZipGuard.ratioProblem(e.getSize(), e.getCompressedSize());
                if (bomb != null || e.getSize() < 0) return new NotFound(bomb == null ? "no declared size" : bomb);
                return new Found(InputFiles.limit(z.getInputStream(e), e.getSize(), f.path()), e.getSize());
            }
            return new NotFound("source " + root + " is not a folder or a zip the report can open");
        } catch (IOException e) {
            return new NotFound("cannot read: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        for (ZipFile z : zips.values()) {
            try {
                z.close();
            } catch (IOException ignored) {
                // read-only handle; nothing to lose
            }
        }
        zips.clear();
    }
}
