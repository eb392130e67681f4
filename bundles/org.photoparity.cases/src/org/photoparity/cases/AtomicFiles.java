package org.photoparity.cases;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers see either the old content or the new one, never a mix: the bytes go to a temp file
 * in the same folder, are forced to disk, and the temp file is renamed over the target in one atomic step. A crash
 * or kill before the rename leaves the old file intact and a stray temp file, which {@link #removeStaleTemps}
 * deletes.
 */
public final class AtomicFiles {

    /** Prefix and suffix of temp files, so stale ones can be recognised. */
    static final String TEMP_PREFIX = ".";
    static final String TEMP_SUFFIX = ".tmp-photoparity";

    /** Writes the content of a file; may fail half-way, the target stays as it was. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(TEMP_PREFIX + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("Cannot replace " + target + " atomically (" + e.getMessage()
                        + "). Keep the case folder on a local disk.", e);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) Files.deleteIfExists(temp);
        }
    }

    /** Deletes temp files a crashed or killed save left in {@code dir}; returns how many. */
    public static int removeStaleTemps(Path dir) {
        int n = 0;
        if (!Files.isDirectory(dir)) return 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path p : ds) {
                try {
                    Files.deleteIfExists(p);
                    n++;
                } catch (IOException e) {
                    // a temp file we cannot delete does no harm: it is never read
                }
            }
        } catch (IOException e) {
            return n;
        }
        return n;
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; the rename is still atomic there
        }
    }
}
