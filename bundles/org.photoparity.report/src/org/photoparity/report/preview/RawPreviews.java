package org.photoparity.report.preview;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Where a camera RAW file keeps the JPEG preview its camera made, found from the file's first bytes without decoding
 * the sensor data (the layouts exiftool and LibRaw read):
 * <ul>
 * <li>Fujifilm RAF: the big-endian offset and length at bytes 84 and 88 of its header;</li>
 * <li>Canon CR3: the top-level uuid box eaf42b5e-1c98-4b88-b9fb-b7dc406e4d16, whose PRVW box holds the JPEG's length
 * at its byte 20 and the JPEG from byte 24;</li>
 * <li>TIFF-based RAW (CR2, NEF, ARW, PEF, DNG ...), Panasonic RW2: JPEGInterchangeFormat / Length (0x0201 / 0x0202)
 * or a single JPEG strip (compression 6 or 7) in IFD0, the IFDs after it and its SubIFDs, and a RW2's JpgFromRaw
 * (0x002E); the largest one is taken;</li>
 * <li>Olympus ORF: the maker notes' CameraSettings IFD ({@link #olympus}).</li>
 * </ul>
 * Everything is bounded by the bytes given and the file's size; nothing throws on a damaged file, it just finds
 * nothing.
 */
final class RawPreviews {

    /** A preview larger than this is not one (a damaged length): cameras' full-size previews are smaller. */
    static final long MAX_JPEG = 32L * 1024 * 1024;
    private static final byte[] CR3_PREVIEW_UUID = HexFormat.of().parseHex("eaf42b5e1c984b88b9fbb7dc406e4d16");
    private static final int MAX_IFDS = 32;

    private RawPreviews() {
    }

    /** Where the JPEG lies in the file: its offset and length. */
    record Range(long offset, long length) {
    }

    /** The largest embedded JPEG's range, from the file's first bytes {@code head}; null when none is found. */
    static Range find(byte[] head, long fileSize) {
        try {
            Range r;
            if (startsWith(head, 0, "FUJIFILMCCD-RAW")) {
                r = head.length >= 92 ? new Range(u32be(head, 84), u32be(head, 88)) : null;
            } else if (head.length >= 12 && startsWith(head, 4, "ftypcrx ")) {
                r = cr3(head);
            } else {
                r = tiff(head, fileSize);
            }
            return r != null && r.length() > 2 && r.length() <= MAX_JPEG && r.offset() > 0
                    && (fileSize <= 0 || r.offset() + r.length() <= fileSize) ? r : null;
        } catch (RuntimeException e) {
            return null; // a damaged structure: no preview found
        }
    }

    private static Range cr3(byte[] head) {
        for (int at = 0; at + 8 <= head.length;) {
            long size = u32be(head, at);
            String type = new String(head, at + 4, 4, StandardCharsets.US_ASCII);
            if (size < 8) return null;
            if (type.equals("uuid") && at + 24 <= head.length
                    && Arrays.equals(head, at + 8, at + 24, CR3_PREVIEW_UUID, 0, 16)) {
                // 8 bytes after the uuid, then the PRVW box
                int prvw = at + 24 + 8;
                if (prvw + 24 > head.length || !startsWith(head, prvw + 4, "PRVW")) return null;
                return new Range(prvw + 24, u32be(head, prvw + 20));
            }
            if (type.equals("mdat")) return null;
            at += (int) Math.min(size, Integer.MAX_VALUE - at);
        }
        return null;
    }

    private static Range tiff(byte[] head, long fileSize) {
        long limit = fileSize > 0 ? fileSize : Long.MAX_VALUE;
        Range r = tiffJpeg(head, 0, head.length, limit);
        Range o = olympus(head, limit);
        return o != null && (r == null || o.length() > r.length()) ? o : r;
    }

    /**
     * An Olympus ORF's (or an Olympus TIFF's) preview: the maker note (Exif 0x927C) of the new layout ("OLYMPUS\0"
     * then its own byte order "II" / "MM" and a version: its IFD at byte 12, offsets counted from the maker note's
     * start) or the old one ("OLYMP\0" and a version: its IFD at byte 8, offsets counted from the TIFF header), whose
     * CameraSettings IFD (0x2020) gives PreviewImageValid (0x0100, 0 when there is none), PreviewImageStart and
     * PreviewImageLength (0x0101, 0x0102), as exiftool and LibRaw read them. Null when any of it is missing.
     */
    static Range olympus(byte[] b, long limit) {
        if (b.length < 8) return null;
        ByteOrder order;
        if (b[0] == 'I' && b[1] == 'I') order = ByteOrder.LITTLE_ENDIAN;
        else if (b[0] == 'M' && b[1] == 'M') order = ByteOrder.BIG_ENDIAN;
        else return null;
        ByteBuffer buf = ByteBuffer.wrap(b).order(order);
        long[] exif = entry(buf, 0, buf.getInt(4) & 0xffffffffL, 0x8769);
        long[] note = exif == null ? null : entry(buf, 0, exif[2], 0x927C);
        if (note == null || note[1] < 12) return null;
        long at = note[2];
        long base;
        long ifd;
        if (startsWith(b, at, "OLYMPUS\0II") || startsWith(b, at, "OLYMPUS\0MM")) {
            base = at;
            ifd = 12;
            buf = ByteBuffer.wrap(b).order(b[(int) at + 8] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        } else if (startsWith(b, at, "OLYMP\0")) {
            base = 0;
            ifd = at + 8;
        } else {
            return null;
        }
        long[] settings = entry(buf, base, ifd, 0x2020);
        if (settings == null) return null;
        long[] valid = entry(buf, base, settings[2], 0x0100);
        long[] start = entry(buf, base, settings[2], 0x0101);
        long[] length = entry(buf, base, settings[2], 0x0102);
        if (start == null || length == null || (valid != null && valid[2] == 0)) return null;
        Range r = new Range(base + start[2], length[2]);
        return r.offset() + r.length() <= limit ? r : null;
    }

    /**
     * The entry {@code tag} of the IFD at {@code ifd} (counted from {@code base}) as its type, count and value (a
     * short's value for a single SHORT, else the 32-bit value or offset); null when the IFD or the tag is not there.
     */
    private static long[] entry(ByteBuffer buf, long base, long ifd, int tag) {
        long at = base + ifd;
        if (ifd < 8 || at + 2 > buf.limit()) return null;
        int n = buf.getShort((int) at) & 0xffff;
        if (at + 2 + n * 12L > buf.limit()) return null;
        for (int i = 0; i < n; i++) {
            int e = (int) at + 2 + i * 12;
            if ((buf.getShort(e) & 0xffff) != tag) continue;
            int type = buf.getShort(e + 2) & 0xffff;
            long count = buf.getInt(e + 4) & 0xffffffffL;
            long value = type == 3 && count == 1 ? buf.getShort(e + 8) & 0xffff : buf.getInt(e + 8) & 0xffffffffL;
            return new long[] {type, count, value};
        }
        return null;
    }

    /**
     * The largest JPEG a TIFF structure points at (JPEGInterchangeFormat / Length, a single JPEG strip, a RW2's
     * JpgFromRaw) in IFD0, the IFDs after it and its SubIFDs: the TIFF header at {@code base} of {@code b}, its bytes
     * up to {@code end}; offsets relative to {@code base}, as TIFF's own are. A JPEG whose end lies beyond
     * {@code limit} (relative to {@code base}) is not taken. Also the EXIF thumbnail of a JPEG (its IFD1):
     * {@link ContainerThumbnails#exifJpeg}.
     */
    static Range tiffJpeg(byte[] b, int base, int end, long limit) {
        if (end - base < 8) return null;
        ByteOrder order;
        if (b[base] == 'I' && b[base + 1] == 'I') order = ByteOrder.LITTLE_ENDIAN;
        else if (b[base] == 'M' && b[base + 1] == 'M') order = ByteOrder.BIG_ENDIAN;
        else return null;
        ByteBuffer buf = ByteBuffer.wrap(b, 0, end).order(order);
        long size = end - base;
        List<Range> found = new ArrayList<>();
        ArrayDeque<Long> ifds = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        ifds.add(buf.getInt(base + 4) & 0xffffffffL);
        while (!ifds.isEmpty() && seen.size() < MAX_IFDS) {
            long ifd = ifds.poll();
            if (ifd < 8 || ifd + 2 > size || !seen.add(ifd)) continue;
            int n = buf.getShort(base + (int) ifd) & 0xffff;
            if (ifd + 2 + n * 12L + 4 > size) continue;
            long jpegAt = -1, jpegLength = -1, strip = -1, stripLength = -1;
            int compression = 0, strips = 0;
            for (int i = 0; i < n; i++) {
                int e = base + (int) ifd + 2 + i * 12;
                int tag = buf.getShort(e) & 0xffff;
                int type = buf.getShort(e + 2) & 0xffff;
                long count = buf.getInt(e + 4) & 0xffffffffL;
                long value = type == 3 && count == 1 ? buf.getShort(e + 8) & 0xffff : buf.getInt(e + 8) & 0xffffffffL;
                switch (tag) {
                    case 0x0201 -> jpegAt = value;
                    case 0x0202 -> jpegLength = value;
                    case 0x0103 -> compression = (int) value;
                    case 0x0111 -> { strips = (int) Math.min(count, Integer.MAX_VALUE); strip = value; }
                    case 0x0117 -> stripLength = value;
                    case 0x002E -> { if (type == 7 && count > 4) found.add(new Range(value, count)); }
                    case 0x014A -> {
                        // SubIFDs: one offset, or an array of them
                        if (count == 1) ifds.add(value);
                        else for (long k = 0; k < Math.min(count, MAX_IFDS); k++) {
                            long at = value + 4 * k;
                            if (at + 4 <= size) ifds.add(buf.getInt(base + (int) at) & 0xffffffffL);
                        }
                    }
                    default -> {
                    }
                }
            }
            if (jpegAt > 0 && jpegLength > 0) found.add(new Range(jpegAt, jpegLength));
            if ((compression == 6 || compression == 7) && strips == 1 && strip > 0 && stripLength > 0) {
                found.add(new Range(strip, stripLength));
            }
            ifds.add(buf.getInt(base + (int) ifd + 2 + n * 12) & 0xffffffffL); // the next IFD
        }
        Range best = null;
        for (Range r : found) {
            if (r.length() > MAX_JPEG || r.offset() + r.length() > limit) continue;
            if (best == null || r.length() > best.length()) best = r;
        }
        return best;
    }

    /** True when {@code jpeg} starts as a JPEG does. */
    static boolean isJpeg(byte[] jpeg) {
        return jpeg.length > 3 && (jpeg[0] & 0xff) == 0xff && (jpeg[1] & 0xff) == 0xd8 && (jpeg[2] & 0xff) == 0xff;
    }

    private static boolean startsWith(byte[] b, long at, String s) {
        if (at < 0 || at + s.length() > b.length) return false;
        for (int i = 0; i < s.length(); i++) if (b[(int) at + i] != (byte) s.charAt(i)) return false;
        return true;
    }

    private static long u32be(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }
}
