package org.photoparity.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A minimal big-endian ("MM") TIFF/EXIF structure writer: image file directories whose entries are kept sorted by
 * tag, values longer than four bytes placed after the directory on word boundaries, offsets relative to a base the
 * caller chooses (the TIFF header for EXIF, the MakerNote start for Apple's MakerNote).
 */
final class Tiff {

    static final int BYTE = 1;
    static final int ASCII = 2;
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int RATIONAL = 5;
    static final int UNDEFINED = 7;
    static final int SLONG = 9;

    private Tiff() {
    }

    record Entry(int tag, int type, int count, byte[] value) {
    }

    /** One image file directory. */
    static final class Ifd {
        private final List<Entry> entries = new ArrayList<>();

        Ifd put(int tag, int type, int count, byte[] value) {
            entries.removeIf(e -> e.tag() == tag);
            entries.add(new Entry(tag, type, count, value));
            return this;
        }

        Ifd ascii(int tag, String s) {
            if (s == null) return this;
            byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_8);
            return put(tag, ASCII, b.length, b);
        }

        Ifd shortValue(int tag, int v) {
            return put(tag, SHORT, 1, ByteBuffer.allocate(2).putShort((short) v).array());
        }

        Ifd longValue(int tag, long v) {
            return put(tag, LONG, 1, ByteBuffer.allocate(4).putInt((int) v).array());
        }

        Ifd slongValue(int tag, int v) {
            return put(tag, SLONG, 1, ByteBuffer.allocate(4).putInt(v).array());
        }

        Ifd bytes(int tag, byte... v) {
            return put(tag, BYTE, v.length, v);
        }

        Ifd undefined(int tag, byte[] v) {
            return put(tag, UNDEFINED, v.length, v);
        }

        /** Rationals as numerator, denominator pairs. */
        Ifd rationals(int tag, long... numDen) {
            ByteBuffer b = ByteBuffer.allocate(numDen.length * 4);
            for (long x : numDen) b.putInt((int) x);
            return put(tag, RATIONAL, numDen.length / 2, b.array());
        }

        boolean isEmpty() {
            return entries.isEmpty();
        }

        private static int padded(int n) {
            return (n + 1) & ~1;
        }

        /** Bytes the directory and its out-of-line values take. */
        int size() {
            int n = 2 + 12 * entries.size() + 4;
            for (Entry e : entries) {
                if (e.value().length > 4) n += padded(e.value().length);
            }
            return n;
        }

        /**
         * The directory followed by its out-of-line values, for placement at {@code offset} (relative to the
         * base that every offset in the structure refers to).
         */
        byte[] write(int offset, int nextIfdOffset) {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparingInt(Entry::tag));
            ByteBuffer dir = ByteBuffer.allocate(size());
            int dataAt = offset + 2 + 12 * sorted.size() + 4;
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            dir.putShort((short) sorted.size());
            for (Entry e : sorted) {
                dir.putShort((short) e.tag());
                dir.putShort((short) e.type());
                dir.putInt(e.count());
                if (e.value().length <= 4) {
                    byte[] field = new byte[4];
                    System.arraycopy(e.value(), 0, field, 0, e.value().length);
                    dir.put(field);
                } else {
                    dir.putInt(dataAt + data.size());
                    data.writeBytes(e.value());
                    if ((e.value().length & 1) == 1) data.write(0);
                }
            }
            dir.putInt(nextIfdOffset);
            dir.put(data.toByteArray());
            return dir.array();
        }
    }
}
