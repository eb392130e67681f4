package org.photoparity.report.preview;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The small pictures files already carry, found without decoding the photo: the JPEG thumbnail in a JPEG's EXIF
 * (IFD1), and the thumbnail item of a HEIF/HEIC file (an HEVC image referenced by {@code thmb}), returned as an
 * Annex-B HEVC stream a decoder reads directly. Both parsers are bounded by the bytes given and return null rather
 * than throw on anything unexpected.
 */
public final class ContainerThumbnails {

    private ContainerThumbnails() {
    }

    /** The EXIF thumbnail of a JPEG (its first bytes suffice: APP1 is at the start), or null. */
    public static byte[] exifJpeg(byte[] head) {
        try {
            if (head.length < 4 || (head[0] & 0xff) != 0xff || (head[1] & 0xff) != 0xd8) return null;
            int p = 2;
            while (p + 4 <= head.length) {
                if ((head[p] & 0xff) != 0xff) return null;
                int marker = head[p + 1] & 0xff;
                if (marker == 0xda || marker == 0xd9) return null; // image data: no EXIF before it
                int len = ((head[p + 2] & 0xff) << 8) | (head[p + 3] & 0xff);
                if (marker == 0xe1 && p + 10 <= head.length && new String(head, p + 4, 4,
                        java.nio.charset.StandardCharsets.ISO_8859_1).equals("Exif")) {
                    return fromTiff(head, p + 10, Math.min(head.length, p + 2 + len));
                }
                p += 2 + len;
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The JPEG the EXIF's TIFF structure (at {@code tiff}, up to {@code end}) points at: its IFD1 thumbnail. */
    private static byte[] fromTiff(byte[] b, int tiff, int end) {
        RawPreviews.Range r = RawPreviews.tiffJpeg(b, tiff, end, end - tiff);
        if (r == null) return null;
        byte[] out = java.util.Arrays.copyOfRange(b, tiff + (int) r.offset(), tiff + (int) (r.offset() + r.length()));
        return RawPreviews.isJpeg(out) ? out : null;
    }

    /** A HEIF thumbnail item: its HEVC stream (Annex-B), its size and rotation (degrees counter-clockwise). */
    public record HeifThumb(byte[] annexB, int width, int height, int rotation) {
    }

    /** The thumbnail item of a HEIF file held whole in {@code file}, or null when it has none. */
    public static HeifThumb heif(byte[] file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
            int meta = find(b, 0, file.length, "meta");
            if (meta < 0) return null;
            int metaStart = meta + 8 + 4; // full box
            int metaEnd = meta + b.getInt(meta);
            int iref = find(b, metaStart, metaEnd, "iref");
            int iloc = find(b, metaStart, metaEnd, "iloc");
            int iprp = find(b, metaStart, metaEnd, "iprp");
            if (iref < 0 || iloc < 0 || iprp < 0) return null;
            int thumb = thumbItem(b, iref);
            if (thumb < 0) return null;
            int ipco = find(b, iprp + 8, iprp + b.getInt(iprp), "ipco");
            int ipma = find(b, iprp + 8, iprp + b.getInt(iprp), "ipma");
            if (ipco < 0 || ipma < 0) return null;
            List<Integer> props = new ArrayList<>();
            for (int p = ipco + 8; p < ipco + b.getInt(ipco); p += b.getInt(p)) props.add(p);
            byte[] hvcC = null;
            int width = 0;
            int height = 0;
            int rotation = 0;
            for (int index : associations(b, ipma, thumb)) {
                if (index < 1 || index > props.size()) continue;
                int p = props.get(index - 1);
                String type = type(b, p);
                switch (type) {
                    case "hvcC" -> {
                        hvcC = new byte[b.getInt(p) - 8];
                        b.get(p + 8, hvcC);
                    }
                    case "ispe" -> {
                        width = b.getInt(p + 12);
                        height = b.getInt(p + 16);
                    }
                    case "irot" -> rotation = (b.get(p + 8) & 3) * 90;
                    default -> { }
                }
            }
            if (hvcC == null) return null;
            byte[] data = itemData(b, locations(b, iloc, -1), thumb);
            if (data == null) return null;
            return new HeifThumb(annexB(hvcC, data), width, height, rotation);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A HEIF primary image stored as a grid of HEVC tiles (older iPhones store no thumbnail item): the tiles as one
     * Annex-B stream (one picture per tile, in row order), the grid's shape and the primary's rotation.
     */
    public record HeifGrid(byte[] annexB, int tiles, int rows, int columns, int tileWidth, int tileHeight,
            int width, int height, int rotation) {
    }

    /** The tiles of a HEIF grid image held whole in {@code file}, or null when the primary is not a grid. */
    public static HeifGrid heifGrid(byte[] file) {
        try {
            ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
            int meta = find(b, 0, file.length, "meta");
            if (meta < 0) return null;
            int metaStart = meta + 12;
            int metaEnd = meta + b.getInt(meta);
            int pitm = find(b, metaStart, metaEnd, "pitm");
            int iinf = find(b, metaStart, metaEnd, "iinf");
            int iref = find(b, metaStart, metaEnd, "iref");
            int iloc = find(b, metaStart, metaEnd, "iloc");
            int iprp = find(b, metaStart, metaEnd, "iprp");
            int idat = find(b, metaStart, metaEnd, "idat");
            if (pitm < 0 || iinf < 0 || iref < 0 || iloc < 0 || iprp < 0) return null;
            int primary = (b.get(pitm + 8) & 0xff) == 0 ? b.getShort(pitm + 12) & 0xffff : b.getInt(pitm + 12);
            if (!"grid".equals(itemType(b, iinf, primary))) return null;
            List<Integer> tiles = references(b, iref, "dimg", primary);
            if (tiles.isEmpty()) return null;
            Map<Integer, long[]> where = locations(b, iloc, idat);
            byte[] grid = itemData(b, where, primary);
            if (grid == null || grid.length < 8) return null;
            int rows = (grid[2] & 0xff) + 1;
            int cols = (grid[3] & 0xff) + 1;
            ByteBuffer g = ByteBuffer.wrap(grid).order(ByteOrder.BIG_ENDIAN);
            boolean large = (grid[1] & 1) != 0;
            int width = large ? g.getInt(4) : g.getShort(4) & 0xffff;
            int height = large ? g.getInt(8) : g.getShort(6) & 0xffff;
            int ipco = find(b, iprp + 8, iprp + b.getInt(iprp), "ipco");
            int ipma = find(b, iprp + 8, iprp + b.getInt(iprp), "ipma");
            if (ipco < 0 || ipma < 0) return null;
            List<Integer> props = new ArrayList<>();
            for (int p = ipco + 8; p < ipco + b.getInt(ipco); p += b.getInt(p)) props.add(p);
            int rotation = 0;
            for (int index : associations(b, ipma, primary)) {
                if (index >= 1 && index <= props.size() && type(b, props.get(index - 1)).equals("irot")) {
                    rotation = (b.get(props.get(index - 1) + 8) & 3) * 90;
                }
            }
            byte[] hvcC = null;
            int tw = 0;
            int th = 0;
            for (int index : associations(b, ipma, tiles.get(0))) {
                if (index < 1 || index > props.size()) continue;
                int p = props.get(index - 1);
                switch (type(b, p)) {
                    case "hvcC" -> {
                        hvcC = new byte[b.getInt(p) - 8];
                        b.get(p + 8, hvcC);
                    }
                    case "ispe" -> {
                        tw = b.getInt(p + 12);
                        th = b.getInt(p + 16);
                    }
                    default -> { }
                }
            }
            if (hvcC == null || tw <= 0 || th <= 0 || tiles.size() != rows * cols) return null;
            ByteArrayOutputStream all = new ByteArrayOutputStream(file.length);
            writeParameterSets(hvcC, all);
            int lengthSize = (hvcC[21] & 3) + 1;
            for (int t : tiles) {
                long[] extents = where.get(t);
                if (extents == null) return null;
                if (extents.length == 2) {
                    // one extent (as iPhones write them): its NAL units straight from the file's bytes
                    if (extents[1] <= 0 || extents[0] + extents[1] > file.length) return null;
                    writeNals(file, (int) extents[0], (int) (extents[0] + extents[1]), lengthSize, all);
                } else {
                    byte[] data = itemData(b, where, t);
                    if (data == null) return null;
                    writeNals(data, 0, data.length, lengthSize, all);
                }
            }
            return new HeifGrid(all.toByteArray(), tiles.size(), rows, cols, tw, th, width, height, rotation);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The type of item {@code id} in iinf (infe version 2 or 3). */
    private static String itemType(ByteBuffer b, int iinf, int id) {
        int version = b.get(iinf + 8) & 0xff;
        int p = iinf + 12 + (version == 0 ? 2 : 4);
        int end = iinf + b.getInt(iinf);
        while (p + 8 <= end) {
            int size = b.getInt(p);
            if (size < 8) return null;
            if (type(b, p).equals("infe")) {
                int v = b.get(p + 8) & 0xff;
                int q = p + 12;
                int itemId;
                if (v == 3) {
                    itemId = b.getInt(q);
                    q += 4;
                } else {
                    itemId = b.getShort(q) & 0xffff;
                    q += 2;
                }
                q += 2; // protection index
                if (itemId == id && v >= 2) return type(b, q - 4);
            }
            p += size;
        }
        return null;
    }

    /** The items {@code from} refers to with a reference of {@code kind}, in order. */
    private static List<Integer> references(ByteBuffer b, int iref, String kind, int from) {
        int version = b.get(iref + 8) & 0xff;
        int end = iref + b.getInt(iref);
        int p = iref + 12;
        List<Integer> out = new ArrayList<>();
        while (p + 8 <= end) {
            int size = b.getInt(p);
            if (size < 8) break;
            if (type(b, p).equals(kind)) {
                int q = p + 8;
                int id = version == 0 ? b.getShort(q) & 0xffff : b.getInt(q);
                q += version == 0 ? 2 : 4;
                int n = b.getShort(q) & 0xffff;
                q += 2;
                if (id == from) {
                    for (int i = 0; i < n; i++) {
                        out.add(version == 0 ? b.getShort(q) & 0xffff : b.getInt(q));
                        q += version == 0 ? 2 : 4;
                    }
                }
            }
            p += size;
        }
        return out;
    }

    private static String type(ByteBuffer b, int box) {
        byte[] t = new byte[4];
        b.get(box + 4, t);
        return new String(t, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int find(ByteBuffer b, int from, int to, String type) {
        int p = from;
        while (p + 8 <= to) {
            long size = b.getInt(p) & 0xffffffffL;
            if (size == 1) size = b.getLong(p + 8);
            if (size == 0) size = to - p;
            if (size < 8) return -1;
            if (type(b, p).equals(type)) return p;
            p += (int) size;
        }
        return -1;
    }

    /** The item that is a {@code thmb} of another. */
    private static int thumbItem(ByteBuffer b, int iref) {
        int version = b.get(iref + 8) & 0xff;
        int end = iref + b.getInt(iref);
        int p = iref + 12;
        while (p + 8 <= end) {
            int size = b.getInt(p);
            if (type(b, p).equals("thmb")) return version == 0 ? b.getShort(p + 8) & 0xffff : b.getInt(p + 8);
            if (size < 8) return -1;
            p += size;
        }
        return -1;
    }

    private static List<Integer> associations(ByteBuffer b, int ipma, int item) {
        int version = b.get(ipma + 8) & 0xff;
        int flags = b.getInt(ipma + 8) & 0xffffff;
        int p = ipma + 12;
        long count = b.getInt(p) & 0xffffffffL;
        p += 4;
        List<Integer> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            int id;
            if (version < 1) {
                id = b.getShort(p) & 0xffff;
                p += 2;
            } else {
                id = b.getInt(p);
                p += 4;
            }
            int n = b.get(p++) & 0xff;
            for (int k = 0; k < n; k++) {
                int index;
                if ((flags & 1) != 0) {
                    index = b.getShort(p) & 0x7fff;
                    p += 2;
                } else {
                    index = b.get(p) & 0x7f;
                    p += 1;
                }
                if (id == item) out.add(index);
            }
        }
        return out;
    }

    private static long read(ByteBuffer b, int p, int size) {
        return switch (size) {
            case 0 -> 0;
            case 4 -> b.getInt(p) & 0xffffffffL;
            case 8 -> b.getLong(p);
            default -> throw new IllegalArgumentException("field size " + size);
        };
    }

    /**
     * Where each item's bytes lie (iloc), read in one pass: item id to its extents as absolute {start, length}
     * pairs. Items stored in the file (construction method 0) or in idat (method 1, when {@code idat} is given) are
     * listed; others (method 2, item offsets) are left out.
     */
    private static Map<Integer, long[]> locations(ByteBuffer b, int iloc, int idat) {
        int version = b.get(iloc + 8) & 0xff;
        int p = iloc + 12;
        int sizes = b.getShort(p) & 0xffff;
        p += 2;
        int offsetSize = sizes >> 12;
        int lengthSize = (sizes >> 8) & 15;
        int baseSize = (sizes >> 4) & 15;
        int indexSize = version == 1 || version == 2 ? sizes & 15 : 0;
        long count;
        if (version < 2) {
            count = b.getShort(p) & 0xffff;
            p += 2;
        } else {
            count = b.getInt(p) & 0xffffffffL;
            p += 4;
        }
        Map<Integer, long[]> out = new HashMap<>();
        for (long i = 0; i < count; i++) {
            int id;
            if (version < 2) {
                id = b.getShort(p) & 0xffff;
                p += 2;
            } else {
                id = b.getInt(p);
                p += 4;
            }
            int method = 0;
            if (version == 1 || version == 2) {
                method = b.getShort(p) & 15;
                p += 2;
            }
            p += 2; // data reference index
            long base = read(b, p, baseSize);
            p += baseSize;
            int extents = b.getShort(p) & 0xffff;
            p += 2;
            long[] at = new long[2 * extents];
            for (int e = 0; e < extents; e++) {
                p += indexSize;
                at[2 * e] = (method == 1 ? idat + 8 : 0) + base + read(b, p, offsetSize);
                p += offsetSize;
                at[2 * e + 1] = read(b, p, lengthSize);
                p += lengthSize;
            }
            if (method == 0 || (method == 1 && idat >= 0)) out.put(id, at);
        }
        return out;
    }

    /** The bytes of {@code item} (its extents joined), or null when it has none or they lie outside the file. */
    private static byte[] itemData(ByteBuffer b, Map<Integer, long[]> where, int item) {
        long[] at = where.get(item);
        if (at == null) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int e = 0; e < at.length; e += 2) {
            long start = at[e];
            long len = at[e + 1];
            if (start < 0 || len <= 0 || start + len > b.limit()) return null;
            out.write(b.array(), (int) start, (int) len);
        }
        byte[] d = out.toByteArray();
        return d.length == 0 ? null : d;
    }

    /** hvcC parameter sets, then the length-prefixed NAL units, as start-code-delimited HEVC. */
    private static byte[] annexB(byte[] hvcC, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + hvcC.length + 64);
        writeParameterSets(hvcC, out);
        writeNals(data, 0, data.length, (hvcC[21] & 3) + 1, out);
        return out.toByteArray();
    }

    private static void writeParameterSets(byte[] hvcC, ByteArrayOutputStream out) {
        int arrays = hvcC[22] & 0xff;
        int p = 23;
        for (int a = 0; a < arrays; a++) {
            p++; // type
            int n = ((hvcC[p] & 0xff) << 8) | (hvcC[p + 1] & 0xff);
            p += 2;
            for (int k = 0; k < n; k++) {
                int len = ((hvcC[p] & 0xff) << 8) | (hvcC[p + 1] & 0xff);
                p += 2;
                out.write(0);
                out.write(0);
                out.write(0);
                out.write(1);
                out.write(hvcC, p, len);
                p += len;
            }
        }
    }

    /** The length-prefixed NAL units in {@code data[from, to)}, each after a start code. */
    private static void writeNals(byte[] data, int from, int to, int lengthSize, ByteArrayOutputStream out) {
        int q = from;
        while (q + lengthSize <= to) {
            int len = 0;
            for (int i = 0; i < lengthSize; i++) len = (len << 8) | (data[q + i] & 0xff);
            q += lengthSize;
            if (len <= 0 || q + len > to) break;
            out.write(0);
            out.write(0);
            out.write(0);
            out.write(1);
            out.write(data, q, len);
            q += len;
        }
    }
}
