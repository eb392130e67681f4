package org.photoparity.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level edits that turn one real Apple file into another realistic one, keeping its structure: every edit
 * replaces bytes in place with the same number of bytes, so offsets, box sizes and IFD pointers stay valid.
 * <ul>
 * <li>{@link #changePayload}: another photo or video. JPEG: one value of the main image's first quantization table
 * (DQT, before the scan) moves by one, so the decoded image differs slightly and every hash of the encoded image
 * differs. HEIC / MOV: one byte in the middle of the media data box (the coded image tiles / video frames).</li>
 * <li>{@link #shiftDates}: every EXIF date ("2019:06:09 12:57:32") and ISO date ("2025-08-17T19:33:48") in the file
 * moves by the same amount, as a camera with another clock (or a tool rewriting dates) would write them.</li>
 * <li>{@link #replaceAscii}: identifiers (Live Photo content identifier, burst UUID, time-zone offsets) swapped for
 * others of the same length.</li>
 * </ul>
 */
public final class ScenarioBytes {

    private static final Pattern EXIF_DATE = Pattern.compile("(\\d{4}):(\\d{2}):(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})");
    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ScenarioBytes() {
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length, ASCII); returns how many. */
    public static int replaceAscii(byte[] data, String from, String to) {
        return replaceAscii(data, from, to, data.length);
    }

    /** The same within the first {@code limit} bytes (a JPEG's metadata segments, not its image data). */
    public static int replaceAscii(byte[] data, String from, String to, int limit) {
        byte[] f = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = to.getBytes(StandardCharsets.ISO_8859_1);
        if (f.length != t.length) throw new IllegalArgumentException("replacement must keep the length: " + from);
        int n = 0;
        outer:
        for (int i = 0; i + f.length <= Math.min(limit, data.length); i++) {
            for (int j = 0; j < f.length; j++) {
                if (data[i + j] != f[j]) continue outer;
            }
            System.arraycopy(t, 0, data, i, t.length);
            n++;
            i += f.length - 1;
        }
        return n;
    }

    /** A deterministic upper-case UUID for a seed, the shape Apple uses for content identifiers and bursts. */
    public static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(java.util.Locale.ROOT);
    }

    /** Moves every EXIF-style and ISO-style date in the file by {@code seconds}; returns how many were moved. */
    public static int shiftDates(byte[] data, long seconds) {
        if (seconds == 0) return 0;
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int n = shift(data, text, EXIF_DATE, EXIF, seconds);
        n += shift(data, text, ISO_DATE, ISO, seconds);
        return n;
    }

    private static int shift(byte[] data, String text, Pattern p, DateTimeFormatter f, long seconds) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            LocalDateTime t;
            try {
                t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)));
            } catch (java.time.DateTimeException e) {
                continue; // digits that only look like a date
            }
            byte[] moved = t.plusSeconds(seconds).format(f).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(moved, 0, data, m.start(), moved.length);
            n++;
        }
        return n;
    }

    /**
     * The capture date an EXIF block states, or null: the date written most often (DateTimeOriginal and
     * CreateDate agree; IFD0's ModifyDate moves when the photo is edited), the earliest on a tie.
     */
    public static LocalDateTime firstExifDate(byte[] data) {
        Matcher m = EXIF_DATE.matcher(new String(data, 0, Math.min(data.length, 1 << 20), StandardCharsets.ISO_8859_1));
        java.util.Map<LocalDateTime, Integer> seen = new java.util.TreeMap<>();
        while (m.find()) {
            try {
                seen.merge(LocalDateTime.parse(m.group(), EXIF), 1, Integer::sum);
            } catch (java.time.format.DateTimeParseException e) {
                // digits that only look like a date
            }
        }
        LocalDateTime best = null;
        int count = 0;
        for (java.util.Map.Entry<LocalDateTime, Integer> e : seen.entrySet()) {
            if (e.getValue() > count) {
                best = e.getKey();
                count = e.getValue();
            }
        }
        return best;
    }

    /**
     * Takes the location out of a JPEG's EXIF the way a same-length edit can: IFD0's GPSInfo pointer (tag 0x8825)
     * becomes a private tag, so no reader finds the GPS directory any more. Returns whether there was one.
     */
    public static boolean removeLocation(byte[] data) {
        int limit = jpegScanStart(data);
        String head = new String(data, 0, limit, StandardCharsets.ISO_8859_1);
        int exif = head.indexOf("Exif\0\0");
        if (exif < 0) return false;
        int tiff = exif + 6;
        boolean little = data[tiff] == 'I';
        int ifd0 = tiff + (int) read(data, tiff + 4, 4, little);
        int entries = (int) read(data, ifd0, 2, little);
        for (int e = 0; e < entries; e++) {
            int at = ifd0 + 2 + 12 * e;
            if (read(data, at, 2, little) == 0x8825) {
                int privateTag = 0xC7A1;
                data[at] = (byte) (little ? privateTag : privateTag >> 8);
                data[at + 1] = (byte) (little ? privateTag >> 8 : privateTag);
                return true;
            }
        }
        return false;
    }

    private static long read(byte[] d, int at, int n, boolean little) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int b = d[at + (little ? n - 1 - i : i)] & 0xff;
            v = (v << 8) | b;
        }
        return v;
    }

    /** Where a JPEG's scan (its image data) starts: metadata lies before it. The whole length when not a JPEG. */
    public static int jpegScanStart(byte[] data) {
        if (data.length < 4 || (data[0] & 0xff) != 0xff || (data[1] & 0xff) != 0xd8) return data.length;
        int i = 2;
        while (i + 4 <= data.length && (data[i] & 0xff) == 0xff) {
            if ((data[i + 1] & 0xff) == 0xda) return i;
            i += 2 + (((data[i + 2] & 0xff) << 8) | (data[i + 3] & 0xff));
        }
        return data.length;
    }

    /** Makes the encoded image or video differ ({@code seed} picks where); the container stays valid. */
    public static void changePayload(byte[] data, int seed) {
        if (data.length > 3 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8) {
            changeJpegTable(data, seed);
        } else {
            changeMediaData(data, seed);
        }
    }

    /** Moves one value of the first DQT before the main image's scan by one (never to 0). */
    static void changeJpegTable(byte[] data, int seed) {
        int i = 2;
        while (i + 4 <= data.length) {
            if ((data[i] & 0xff) != 0xff) throw new IllegalArgumentException("JPEG marker expected at " + i);
            int marker = data[i + 1] & 0xff;
            if (marker == 0xda) break; // start of scan: no table found before it
            int length = ((data[i + 2] & 0xff) << 8) | (data[i + 3] & 0xff);
            if (marker == 0xdb) {
                // segment: length (2), then Pq/Tq (1) and 64 values (8-bit tables); one position and step per seed
                // (distinct for seeds below 252), so two variants never share their encoded image
                int s = Math.floorMod(seed, 252);
                int at = i + 5 + 1 + s % 63;
                int step = 1 + s / 63;
                int v = data[at] & 0xff;
                data[at] = (byte) (v + step <= 255 ? v + step : v - step);
                return;
            }
            i += 2 + length;
        }
        throw new IllegalArgumentException("no quantization table before the scan");
    }

    /** Changes one byte in the middle of the top-level mdat box (ISO BMFF: HEIC, MOV, MP4). */
    static void changeMediaData(byte[] data, int seed) {
        long i = 0;
        while (i + 8 <= data.length) {
            long size = u32(data, (int) i);
            String type = new String(data, (int) i + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = (u32(data, (int) i + 8) << 32) | u32(data, (int) i + 12);
                header = 16;
            } else if (size == 0) {
                size = data.length - i;
            }
            if (size < header) throw new IllegalArgumentException("bad box size at " + i);
            if (type.equals("mdat")) {
                long body = size - header;
                long at = i + header + body / 2 + Math.floorMod(seed * 7919L, Math.max(1, body / 8));
                data[(int) at] = (byte) (data[(int) at] ^ 0x10);
                return;
            }
            i += size;
        }
        throw new IllegalArgumentException("no mdat box");
    }

    private static long u32(byte[] d, int i) {
        return ((long) (d[i] & 0xff) << 24) | ((d[i + 1] & 0xff) << 16) | ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
    }
}
