package org.photoparity.core.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way PhotoParity writes an output file (report.json, report.html, mismatches.csv, an inventory or probes
 * JSON, a scan cache): the bytes go to a temp file in the same folder, are forced to disk, and the temp file is
 * renamed over the target in one step. Readers see the old file or the new one, never a torn or truncated one; a
 * failure (a full disk, a cancel, a kill) leaves the previous file whole, and the message names the file and the
 * reason. Temp files of a killed run are removed by the next write into the same folder; those of a run stopped
 * by Ctrl-C are removed on the way out.
 */
public final class AtomicWriter {

    static final String TEMP_PREFIX = ".";
    static final String TEMP_SUFFIX = ".photoparity-tmp";
    /** The suffix case folders' temp files had before they were written here too; still cleaned up. */
    static final String LEGACY_TEMP_SUFFIX = ".tmp-photoparity";
    /** A temp file older than this is from a dead run. */
    private static final long STALE_MILLIS = 10 * 60 * 1000L;

    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Path p : IN_FLIGHT) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // the next write into this folder removes it
                    }
                }
            }, "photoparity-temp-cleanup"));
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    /** Writes the content of a file; may throw half-way, the target then stays as it was. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWriter() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * @throws IOException naming {@code target} and the reason; the previous file is unchanged
     */
    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new IOException("Cannot write " + target + ": it is a folder. Give a file name.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("Cannot write " + target + ": the folder " + dir + " cannot be created ("
                    + reason(e) + ").", e);
        }
        removeStaleTemps(dir, abs.getFileName().toString());
        Path temp = dir.resolve(TEMP_PREFIX + abs.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        IN_FLIGHT.add(temp);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream raw = Channels.newOutputStream(ch);
                // the body may close what it writes to (JSON and CSV writers do); only this method closes the file
                OutputStream sink = new FilterOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                body.writeTo(sink);
                sink.flush();
                ch.force(true);
            }
            try {
                Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot be replaced atomically on this file system (" + e.getMessage()
                        + "); write to a local disk", e);
            }
            moved = true;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new IOException("Cannot write " + target + ": " + reason(e) + ". "
                    + (Files.exists(abs) ? "The previous " + abs.getFileName() + " was kept as it was."
                            : "Nothing was written."), e);
        } finally {
            IN_FLIGHT.remove(temp);
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // removed by the next write into this folder
                }
            }
        }
    }

    /** The reason of an I/O failure without the temp file's name ("No space left on device"). */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fse) {
            String r = fse.getReason();
            if (r != null) return r;
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Deletes temp files of {@code name} that a killed run left in {@code dir}. */
    static void removeStaleTemps(Path dir, String name) {
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.startsWith(TEMP_PREFIX + name + ".")) continue;
                try {
                    FileTime t = Files.getLastModifiedTime(p);
                    if (now - t.toMillis() > STALE_MILLIS) Files.deleteIfExists(p);
                } catch (IOException e) {
                    // harmless: never read
                }
            }
        } catch (IOException e) {
            // nothing to clean
        }
    }

    /**
     * Deletes every temp file of {@code name} in {@code dir}, whatever its age, also those of the legacy suffix; for
     * a file only one process writes at a time (a case's case.json, opened under the case's lock or before any
     * write), so a temp file found on opening it is always a killed run's. Returns how many were removed.
     */
    public static int removeLeftoverTemps(Path dir, String name) {
        int n = 0;
        if (!Files.isDirectory(dir)) return 0;
        for (String suffix : new String[] {TEMP_SUFFIX, LEGACY_TEMP_SUFFIX}) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + suffix)) {
                for (Path p : ds) {
                    if (!p.getFileName().toString().startsWith(TEMP_PREFIX + name + ".")) continue;
                    try {
                        if (Files.deleteIfExists(p)) n++;
                    } catch (IOException e) {
                        // harmless: never read
                    }
                }
            } catch (IOException e) {
                // nothing to clean
            }
        }
        return n;
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform opens folders; the rename is atomic all the same
        }
    }
}
