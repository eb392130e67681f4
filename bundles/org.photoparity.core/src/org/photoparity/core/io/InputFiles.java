package org.photoparity.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * How evidence files, answers and listings are opened: only regular files (a FIFO or a device such as /dev/zero
 * would hang or never end), and never more than a stated limit, refused by name before anything is read. The
 * limits are the ones in the README's reliability section.
 */
public final class InputFiles {

    /** ideviceinfo output (text or XML), a plist of evidence, the answers file: kilobytes in practice. */
    public static final long EVIDENCE_MAX = 16L << 20;
    /** A CSV listing (Photo Details.csv, album lists): about 150 bytes a photo, so a million photos fit. */
    public static final long CSV_MAX = 256L << 20;

    private InputFiles() {
    }

    /**
     * @param what how to name the file in the message ("--device-info", "answers file")
     * @throws IOException when {@code file} is missing or not a regular file
     */
    public static BasicFileAttributes requireRegular(Path file, String what) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new IOException(what + " " + file + ": no such file. Check the path.", e);
        }
        if (a.isDirectory()) throw new IOException(what + " " + file + " is a folder, not a file.");
        if (!a.isRegularFile()) {
            throw new IOException(what + " " + file + " is not a regular file (a pipe, socket or device):"
                    + " PhotoParity reads only regular files. Save the output to a file and give that.");
        }
        return a;
    }

    /** Opens a regular file of at most {@code max} bytes; the stream also stops at {@code max} if the file grows. */
    public static InputStream open(Path file, long max, String what) throws IOException {
        BasicFileAttributes a = requireRegular(file, what);
        if (a.size() > max) throw tooBig(file, a.size(), max, what);
        return limit(Files.newInputStream(file), max, file + " (" + what + ")");
    }

    public static byte[] readAll(Path file, long max, String what) throws IOException {
        try (InputStream in = open(file, max, what)) {
            return in.readAllBytes();
        }
    }

    /** A stream that fails once more than {@code max} bytes are read from it. */
    public static InputStream limit(InputStream in, long max, String label) {
        long[] read = {0};
        return new CountedInput(in, n -> {
            read[0] += n;
            if (read[0] > max) {
                throw new IOException(label + " is larger than the " + size(max) + " limit: refused.");
            }
        });
    }

    public static IOException tooBig(Path file, long size, long max, String what) {
        return new IOException(what + " " + file + " is " + size(size) + ", more than the " + size(max)
                + " limit for it: refused (see the README's reliability section).");
    }

    public static String size(long n) {
        if (n < 1024) return n + " B";
        String[] u = { "KiB", "MiB", "GiB", "TiB", "PiB" };
        double v = n;
        int i = -1;
        while (v >= 1024 && i < u.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f %s" : "%.1f %s", v, u[i]);
    }
}
