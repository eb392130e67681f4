package org.photoparity.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Rewrites the dates of a copy of a real photo or video in place, byte for byte at the same length, the way a clock
 * fix, a time-zone change or a cloud's date shift leaves a file: EXIF's "yyyy:MM:dd HH:mm:ss" (DateTimeOriginal,
 * DateTimeDigitized, DateTime), its OffsetTime* "+hh:mm", QuickTime's "yyyy-MM-ddTHH:mm:ss+hhmm" creation date. The
 * image or movie data are left alone, so the result differs from its original in metadata only. For tests and planted
 * scenarios; never run it on a source: it is meant for copies. The file is written to a temporary sibling and moved
 * into place.
 */
public final class MetadataRewrite {

    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private MetadataRewrite() {
    }

    /**
     * Moves the wall-clock capture time {@code was} (as the file states it, without sub-seconds) by {@code shift},
     * in every EXIF and QuickTime date that states it. Returns how many dates were rewritten.
     */
    public static int shiftCaptureTime(Path file, LocalDateTime was, Duration shift) throws IOException {
        LocalDateTime now = was.plus(shift);
        byte[] data = Files.readAllBytes(file);
        int n = replace(data, EXIF.format(was), EXIF.format(now)) + replace(data, ISO.format(was), ISO.format(now));
        write(file, data);
        return n;
    }

    /**
     * Replaces a UTC offset as the file states it: EXIF's "+01:00" and QuickTime's "+0100" forms. Returns how many
     * were rewritten.
     */
    public static int replaceOffset(Path file, String from, String to) throws IOException {
        if (from.length() != 6 || to.length() != 6) throw new IllegalArgumentException("offsets as +hh:mm");
        byte[] data = Files.readAllBytes(file);
        int n = replace(data, from, to);
        String qtFrom = from.substring(0, 3) + from.substring(4), qtTo = to.substring(0, 3) + to.substring(4);
        n += replace(data, qtFrom, qtTo);
        write(file, data);
        return n;
    }

    /**
     * Replaces ASCII text (same length) in a JPEG's marker segments before its image data only (EXIF, XMP, MakerNote
     * live there), so that short strings such as sub-seconds cannot hit the scan data. Returns the count.
     */
    public static int replaceInJpegHeader(Path file, String from, String to) throws IOException {
        byte[] data = Files.readAllBytes(file);
        int end = 2;
        while (end + 4 <= data.length && (data[end] & 0xFF) == 0xFF && (data[end + 1] & 0xFF) != 0xDA) {
            end += 2 + (((data[end + 2] & 0xFF) << 8) | (data[end + 3] & 0xFF));
        }
        byte[] head = java.util.Arrays.copyOf(data, Math.min(end, data.length));
        int n = replace(head, from, to);
        System.arraycopy(head, 0, data, 0, head.length);
        write(file, data);
        return n;
    }

    /** Every occurrence of the ASCII text {@code from} replaced by {@code to} (same length); returns the count. */
    public static int replace(byte[] data, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII), t = to.getBytes(StandardCharsets.US_ASCII);
        if (f.length != t.length || f.length == 0) throw new IllegalArgumentException("same length only");
        int n = 0;
        outer:
        for (int i = 0; i + f.length <= data.length; i++) {
            for (int k = 0; k < f.length; k++) {
                if (data[i + k] != f[k]) continue outer;
            }
            System.arraycopy(t, 0, data, i, t.length);
            n++;
            i += f.length - 1;
        }
        return n;
    }

    private static void write(Path file, byte[] data) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".rewrite", ".tmp");
        try {
            Files.write(tmp, data);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
