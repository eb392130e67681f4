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

    /**
     * Removes a JPEG's location the way a "remove location" option leaves the file, in place: the numerators of
     * EXIF GPSLatitude and GPSLongitude become 0 (readers then see no location). Returns how many coordinates were
     * cleared (2 when the file had a location).
     */
    public static int removeJpegLocation(Path file) throws IOException {
        byte[] d = Files.readAllBytes(file);
        int p = 2, cleared = 0;
        while (p + 4 <= d.length && (d[p] & 0xFF) == 0xFF && (d[p + 1] & 0xFF) != 0xDA) {
            int len = ((d[p + 2] & 0xFF) << 8) | (d[p + 3] & 0xFF);
            if ((d[p + 1] & 0xFF) == 0xE1 && p + 10 <= d.length && new String(d, p + 4, 4,
                    java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif")) {
                int tiff = p + 10;
                boolean le = d[tiff] == 'I';
                int ifd0 = tiff + u32(d, tiff + 4, le);
                int gps = -1;
                int n = u16(d, ifd0, le);
                for (int e = 0; e < n; e++) {
                    int at = ifd0 + 2 + 12 * e;
                    if (u16(d, at, le) == 0x8825) gps = tiff + u32(d, at + 8, le);
                }
                if (gps > 0) {
                    int m = u16(d, gps, le);
                    for (int e = 0; e < m; e++) {
                        int at = gps + 2 + 12 * e;
                        int tag = u16(d, at, le);
                        if ((tag == 2 || tag == 4) && u16(d, at + 2, le) == 5 && u32(d, at + 4, le) == 3) {
                            int v = tiff + u32(d, at + 8, le);
                            for (int k = 0; k < 3; k++) java.util.Arrays.fill(d, v + 8 * k, v + 8 * k + 4, (byte) 0);
                            cleared++;
                        }
                    }
                }
            }
            p += 2 + len;
        }
        write(file, d);
        return cleared;
    }

    private static int u16(byte[] d, int at, boolean le) {
        return le ? (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8 : (d[at] & 0xFF) << 8 | (d[at + 1] & 0xFF);
    }

    private static int u32(byte[] d, int at, boolean le) {
        return le ? u16(d, at, true) | u16(d, at + 2, true) << 16 : u16(d, at, false) << 16 | u16(d, at + 2, false);
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
