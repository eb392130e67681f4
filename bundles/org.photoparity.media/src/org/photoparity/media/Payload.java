package org.photoparity.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.photoparity.core.model.MediaFormat;

/**
 * The metadata-independent content key ({@code MediaFile.payloadKey}): a hash of the encoded image or video alone,
 * computed from the same bytes, in the same single pass, as the whole-file fingerprint. Two files that differ only in
 * their metadata (a shifted capture date, a removed location, another time zone) share it.
 * <ul>
 * <li>JPEG ({@link Jpeg}): every marker segment except APPn (EXIF, XMP, ICC, MPF...) and COM, i.e. the tables and
 * frame headers (DQT, DHT, DRI, SOF, SOS), plus the entropy-coded scan data, up to the primary image's end-of-image
 * marker; anything after it (an MPF gain map, a motion photo's MP4) is not part of the primary image.</li>
 * <li>HEIC ({@link Heif}): the data of the primary item ({@code pitm}) and, for a grid, of the tiles it references
 * ({@code iref dimg}), located by {@code iloc}; the Exif and XMP items are left out.</li>
 * <li>MOV / MP4 ({@link Movie}): the sample data in the top-level {@code mdat} boxes of the video and sound tracks;
 * {@code moov} (with its creation dates, keys and locations) and timed metadata tracks are left out.</li>
 * </ul>
 * Fed every byte of the file in order with its absolute offset; the key is null when the structure could not be
 * followed in one pass (e.g. a HEIC whose {@code iloc} comes after its data).
 * <p>
 * The payload's bytes are hashed here a second time, the fingerprint having hashed them as part of the file: a pp128
 * state is a chain of rounds over 32-byte stripes, and the payload's bytes sit at other stripe offsets than in the
 * file (whatever was left out before them shifts them), so one hash cannot serve both keys without changing their
 * stored values. For a JPEG the search for markers in the scan data costs more than this second hash (README, Known
 * open defects).
 */
abstract class Payload {

    /** The walker for a format, null when the format has no payload key. */
    static Payload forFormat(MediaFormat format) {
        return switch (format) {
            case JPEG -> new Jpeg(new FastHash128());
            case HEIC -> new Heif();
            case MOV, MP4, M4V -> new Movie();
            default -> null;
        };
    }

    /**
     * The bytes of {@code buf} from {@code from} (inclusive) to {@code to} (exclusive), absolute indices, are the
     * next bytes of the file, the first of them at file offset {@code pos}. The buffer's position and limit are left
     * as they are; it must be little-endian.
     */
    abstract void feed(ByteBuffer buf, int from, int to, long pos);

    final void feed(byte[] b, int off, int len, long pos) {
        if (len > 0) feed(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN), off, off + len, pos);
    }

    /** The key once every byte was fed ({@code total} of them), null when it could not be computed. */
    abstract String finish(long total);

    /** Hashes {@code buf[from, to)} without moving the buffer. */
    static void hash(FastHash128 h, ByteBuffer buf, int from, int to) {
        if (to <= from) return;
        ByteBuffer d = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        d.limit(to).position(from);
        h.update(d);
    }

    /**
     * A JPEG's structure, followed byte by byte through the marker segments and in bulk through the entropy-coded
     * data. Also tells whether the primary image is whole: its scan reaches the end-of-image marker ({@link #whole}),
     * which is how truncation is judged whatever follows the marker. With a null hash it only follows the structure.
     */
    static final class Jpeg extends Payload {
        private static final int SOI = 0, MARKER = 1, LENGTH = 2, SEGMENT = 3, ENTROPY = 4, DONE = 5, BROKEN = 6;
        private static final long ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L;
        private static final byte[] FF = {(byte) 0xFF};

        private final FastHash128 hash;
        private int state = SOI;
        private int marker;
        private int headerFill;
        private final byte[] header = new byte[4];
        private long segmentLeft;
        private boolean include;
        private boolean sawScan;
        /** In ENTROPY: the last byte fed was 0xFF (a marker may straddle two feeds). */
        private boolean pendingFF;
        private String problem;

        Jpeg(FastHash128 hash) {
            this.hash = hash;
        }

        /** True once the primary image's scan data reached its end-of-image marker. */
        boolean whole() {
            return state == DONE && sawScan;
        }

        /** Why the primary image is not whole, null when it is. */
        String verdict() {
            if (whole()) return null;
            if (problem != null) return problem;
            if (!sawScan) return "truncated: the JPEG ends before its image data (no start-of-scan)";
            return "truncated: the JPEG image data stops before its end-of-image marker (FF D9)";
        }

        @Override
        void feed(ByteBuffer buf, int from, int to, long pos) {
            int i = from;
            while (i < to && state != DONE && state != BROKEN) {
                switch (state) {
                    case SOI -> {
                        header[headerFill++] = buf.get(i++);
                        if (headerFill == 2) {
                            if ((header[0] & 0xFF) != 0xFF || (header[1] & 0xFF) != 0xD8) {
                                broken("not a JPEG: no start-of-image marker");
                            } else {
                                state = MARKER;
                                headerFill = 0;
                            }
                        }
                    }
                    case MARKER -> {
                        int b = buf.get(i++) & 0xFF;
                        if (headerFill == 0) {
                            // stray bytes between segments: skipped, as decoders do ("extraneous bytes before marker")
                            if (b == 0xFF) headerFill = 1;
                        } else if (b != 0xFF) { // 0xFF repeated is fill before a marker
                            headerFill = 0;
                            marker(b);
                        }
                    }
                    case LENGTH -> {
                        header[headerFill++] = buf.get(i++);
                        if (headerFill == 2) {
                            int len = ((header[0] & 0xFF) << 8) | (header[1] & 0xFF);
                            if (len < 2) {
                                broken("corrupt JPEG: segment FF" + hex(marker) + " declares " + len + " bytes");
                                break;
                            }
                            if (include && hash != null) {
                                hash.update(new byte[] {(byte) 0xFF, (byte) marker, header[0], header[1]}, 0, 4);
                            }
                            segmentLeft = len - 2;
                            headerFill = 0;
                            state = SEGMENT;
                            if (segmentLeft == 0) endSegment();
                        }
                    }
                    case SEGMENT -> {
                        int k = (int) Math.min(segmentLeft, to - i);
                        if (include && hash != null) hash(hash, buf, i, i + k);
                        i += k;
                        segmentLeft -= k;
                        if (segmentLeft == 0) endSegment();
                    }
                    case ENTROPY -> i = entropy(buf, i, to);
                    default -> throw new IllegalStateException();
                }
            }
        }

        private void marker(int m) {
            marker = m;
            if (m == 0xD9) { // EOI
                state = DONE;
                return;
            }
            if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) { // standalone markers
                state = MARKER;
                return;
            }
            include = !(m >= 0xE0 && m <= 0xEF) && m != 0xFE; // APPn and COM are metadata
            state = LENGTH;
        }

        private void endSegment() {
            if (marker == 0xDA) { // SOS: the entropy-coded data follows
                sawScan = true;
                state = ENTROPY;
                pendingFF = false;
            } else {
                state = MARKER;
            }
        }

        /** Scans entropy-coded data from {@code i}; returns where it stopped (at {@code to} or past a marker). */
        private int entropy(ByteBuffer buf, int i, int to) {
            if (pendingFF) {
                // the previous feed ended on a 0xFF, held back until the byte after it tells what it is, so that the
                // key does not depend on where the reads happened to split the file
                pendingFF = false;
                int b = buf.get(i) & 0xFF;
                if (b != 0x00 && !(b >= 0xD0 && b <= 0xD7) && b != 0xFF) {
                    marker(b); // a marker: the 0xFF belongs to it, not to the scan data
                    return i + 1;
                }
                if (hash != null) hash.update(FF, 0, 1); // scan data after all (stuffing, restart, fill)
            }
            int start = i;
            int j = i;
            while (j < to) {
                int limit = to;
                if (hash != null) {
                    // the bulk: hashed and searched in one go; what stops it is looked at byte by byte below
                    hash(hash, buf, start, j);
                    start = j = hash.updateJpegScan(buf, j, to);
                    limit = Math.min(to, j + 64);
                }
                while (j < limit) {
                    if (j + 8 <= limit) {
                        long x = ~buf.getLong(j);
                        if (((x - ONES) & ~x & HIGHS) == 0) { // none of the eight bytes is 0xFF
                            j += 8;
                            continue;
                        }
                    }
                    if ((buf.get(j) & 0xFF) != 0xFF) {
                        j++;
                        continue;
                    }
                    if (j + 1 == to) { // the byte after the 0xFF is in the next feed: decide then
                        if (hash != null) hash(hash, buf, start, j);
                        pendingFF = true;
                        return to;
                    }
                    int b = buf.get(j + 1) & 0xFF;
                    if (b == 0x00 || (b >= 0xD0 && b <= 0xD7)) { // stuffed byte or restart marker: still scan data
                        j += 2;
                        continue;
                    }
                    if (b == 0xFF) { // fill: the marker comes later
                        j++;
                        continue;
                    }
                    if (hash != null) hash(hash, buf, start, j);
                    marker(b);
                    return j + 2;
                }
            }
            if (hash != null) hash(hash, buf, start, j);
            return j;
        }

        private void broken(String why) {
            problem = why;
            state = BROKEN;
        }

        @Override
        String finish(long total) {
            return whole() && hash != null ? "jpeg:" + hash.finishHex() : null;
        }

        private static String hex(int b) {
            return String.format("%02X", b);
        }
    }

    /** Top-level ISO-BMFF boxes as they stream past: each box's header, then its body. */
    abstract static class Boxes extends Payload {
        private final byte[] header = new byte[16];
        private int fill;
        private int need = 8;
        /** Offset of the current box's first body byte, its end (Long.MAX_VALUE: to the end of the file). */
        long bodyStart, bodyEnd;
        String type;
        boolean inBody;
        boolean broken;
        private long next;

        @Override
        final void feed(ByteBuffer buf, int from, int to, long pos) {
            int i = from;
            long at = pos;
            while (i < to && !broken) {
                if (!inBody) {
                    int take = Math.min(need - fill, to - i);
                    buf.get(i, header, fill, take);
                    fill += take;
                    i += take;
                    at += take;
                    if (fill < need) return;
                    long size = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFFL) << 16) | ((header[2] & 0xFFL) << 8)
                            | (header[3] & 0xFFL);
                    if (need == 8 && size == 1) {
                        need = 16;
                        continue;
                    }
                    type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
                    int headerLength = need;
                    if (need == 16) {
                        size = 0;
                        for (int k = 8; k < 16; k++) size = (size << 8) | (header[k] & 0xFFL);
                    }
                    fill = 0;
                    need = 8;
                    if (size != 0 && size < headerLength) {
                        broken = true;
                        return;
                    }
                    bodyStart = next + headerLength;
                    bodyEnd = size == 0 ? Long.MAX_VALUE : next + size;
                    inBody = true;
                    boxStart();
                    if (bodyEnd == bodyStart) {
                        inBody = false;
                        next = bodyEnd;
                        boxEnd();
                    }
                } else {
                    int k = (int) Math.min(bodyEnd - at, to - i);
                    body(buf, i, i + k, at);
                    i += k;
                    at += k;
                    if (at == bodyEnd) {
                        inBody = false;
                        next = bodyEnd;
                        boxEnd();
                    }
                }
            }
        }

        void boxStart() {
        }

        /** Bytes of the current box's body, the first at file offset {@code pos}. */
        abstract void body(ByteBuffer buf, int from, int to, long pos);

        void boxEnd() {
        }
    }

    /**
     * MOV / MP4: the sample data of the video and sound tracks. The top-level mdat bodies are hashed in blocks of
     * {@link #BLOCK} bytes as they stream past (an iPhone writes mdat before moov, so which bytes belong to which
     * track is known only at the end); moov is kept and read at the end, and the blocks that hold samples of other
     * tracks (iOS copies the movie's metadata, creation date included, into a timed metadata track) are left out.
     */
    static final class Movie extends Boxes {
        static final int BLOCK = 64 * 1024;
        private static final int MAX_MOOV = 64 << 20;

        private FastHash128 block = new FastHash128();
        private int blockFill;
        /** Per finished block: file offset of its first byte, then the two halves of its hash. */
        private long[] blocks = new long[3 * 64];
        private int blockCount;
        private long blockStart = -1;
        private int mdats;
        private byte[] moov;
        private int moovFill;
        private boolean tooBig;

        @Override
        void boxStart() {
            if ("mdat".equals(type)) mdats++;
            if ("moov".equals(type) && moov == null) {
                long len = bodyEnd - bodyStart;
                if (len > MAX_MOOV) tooBig = true;
                else moov = new byte[(int) len];
            }
        }

        @Override
        void body(ByteBuffer buf, int from, int to, long pos) {
            if ("moov".equals(type) && moov != null && moovFill < moov.length) {
                int k = Math.min(to - from, moov.length - moovFill);
                buf.get(from, moov, moovFill, k);
                moovFill += k;
                return;
            }
            if (!"mdat".equals(type)) return;
            int i = from;
            long at = pos;
            while (i < to) {
                if (blockFill == 0) blockStart = at;
                int k = Math.min(BLOCK - blockFill, to - i);
                hash(block, buf, i, i + k);
                blockFill += k;
                i += k;
                at += k;
                if (blockFill == BLOCK) endBlock();
            }
        }

        @Override
        void boxEnd() {
            if ("mdat".equals(type) && blockFill > 0) endBlock(); // blocks never straddle two mdat boxes
        }

        private void endBlock() {
            long[] h = block.finish();
            if (3 * blockCount + 3 > blocks.length) blocks = Arrays.copyOf(blocks, blocks.length * 2);
            blocks[3 * blockCount] = blockStart;
            blocks[3 * blockCount + 1] = h[0];
            blocks[3 * blockCount + 2] = h[1];
            blockCount++;
            block = new FastHash128();
            blockFill = 0;
        }

        @Override
        String finish(long total) {
            if (broken || tooBig || mdats == 0 || (inBody && bodyEnd != Long.MAX_VALUE)) return null;
            if (blockFill > 0) endBlock(); // an mdat running to the end of the file
            long[][] skip;
            try {
                skip = moov == null || moovFill < moov.length ? new long[0][] : otherTrackChunks(moov);
            } catch (RuntimeException e) {
                skip = new long[0][]; // a sample table we cannot follow: every block counts
            }
            Arrays.sort(skip, (a, b) -> Long.compare(a[0], b[0]));
            FastHash128 all = new FastHash128();
            byte[] b = new byte[16];
            ByteBuffer bb = ByteBuffer.wrap(b);
            long kept = 0;
            int s = 0;
            for (int k = 0; k < blockCount; k++) {
                long start = blocks[3 * k];
                long end = k + 1 < blockCount ? Math.min(blocks[3 * (k + 1)], start + BLOCK) : start + BLOCK;
                while (s < skip.length && skip[s][1] <= start) s++;
                boolean other = false;
                for (int t = s; t < skip.length && skip[t][0] < end; t++) {
                    if (skip[t][1] > start) {
                        other = true;
                        break;
                    }
                }
                if (other) continue;
                bb.putLong(0, blocks[3 * k + 1]).putLong(8, blocks[3 * k + 2]);
                all.update(b, 0, 16);
                kept++;
            }
            if (blockCount > 0 && kept * 2 < blockCount) return null; // mostly other tracks: no key worth the name
            return "movie:" + all.finishHex();
        }

        /** File ranges [start, end) of the chunks of every track that is neither video nor sound. */
        static long[][] otherTrackChunks(byte[] moov) {
            List<long[]> out = new ArrayList<>();
            ByteBuffer m = ByteBuffer.wrap(moov);
            for (int[] trak : children(m, 0, moov.length, "trak")) {
                int[] mdia = first(m, trak[0], trak[1], "mdia");
                if (mdia == null) continue;
                int[] hdlr = first(m, mdia[0], mdia[1], "hdlr");
                String handler = hdlr == null ? "" : new String(moov, hdlr[0] + 8, 4, StandardCharsets.ISO_8859_1);
                if (handler.equals("vide") || handler.equals("soun")) continue;
                int[] minf = first(m, mdia[0], mdia[1], "minf");
                int[] stbl = minf == null ? null : first(m, minf[0], minf[1], "stbl");
                if (stbl == null) continue;
                int[] stco = first(m, stbl[0], stbl[1], "stco"), co64 = first(m, stbl[0], stbl[1], "co64");
                int[] stsc = first(m, stbl[0], stbl[1], "stsc"), stsz = first(m, stbl[0], stbl[1], "stsz");
                if ((stco == null && co64 == null) || stsc == null || stsz == null) continue;
                int[] co = stco != null ? stco : co64;
                int chunks = m.getInt(co[0] + 4);
                int uniform = m.getInt(stsz[0] + 4), samples = m.getInt(stsz[0] + 8);
                int entries = m.getInt(stsc[0] + 4);
                int sample = 0;
                for (int e = 0; e < entries; e++) {
                    int firstChunk = m.getInt(stsc[0] + 8 + 12 * e);
                    int perChunk = m.getInt(stsc[0] + 12 + 12 * e);
                    int lastChunk = e + 1 < entries ? m.getInt(stsc[0] + 8 + 12 * (e + 1)) - 1 : chunks;
                    for (int c = firstChunk; c <= lastChunk && c <= chunks; c++) {
                        long off = stco != null ? m.getInt(co[0] + 8 + 4 * (c - 1)) & 0xFFFFFFFFL
                                : m.getLong(co[0] + 8 + 8 * (c - 1));
                        long len = 0;
                        for (int k = 0; k < perChunk && sample < samples; k++, sample++) {
                            len += uniform != 0 ? uniform : m.getInt(stsz[0] + 12 + 4 * sample) & 0xFFFFFFFFL;
                        }
                        out.add(new long[] {off, off + len});
                    }
                }
            }
            return out.toArray(new long[0][]);
        }

        /** Body ranges [start, end) of the child boxes of the given type within [from, to). */
        private static List<int[]> children(ByteBuffer m, int from, int to, String type) {
            List<int[]> out = new ArrayList<>();
            int p = from;
            while (p + 8 <= to) {
                long size = m.getInt(p) & 0xFFFFFFFFL;
                int hdr = 8;
                if (size == 1) {
                    size = m.getLong(p + 8);
                    hdr = 16;
                } else if (size == 0) {
                    size = to - p;
                }
                if (size < hdr || p + size > to) break;
                if (type.equals(new String(m.array(), p + 4, 4, StandardCharsets.ISO_8859_1))) {
                    out.add(new int[] {p + hdr, (int) (p + size)});
                }
                p += (int) size;
            }
            return out;
        }

        private static int[] first(ByteBuffer m, int from, int to, String type) {
            List<int[]> c = children(m, from, to, type);
            return c.isEmpty() ? null : c.get(0);
        }
    }

    /** HEIF: the primary item's data, and its tiles' for a grid, located through the meta box. */
    static final class Heif extends Boxes {
        /** The meta box is kept whole to be parsed at its end; larger ones are not from a camera. */
        private static final int MAX_META = 8 << 20;

        private byte[] meta;
        private int metaFill;
        private boolean failed;
        /** The extents to hash, sorted by file offset, each with its own hash; null until meta was parsed. */
        private Extent[] byOffset;
        /** The same extents in item order (primary, then its tiles in reference order). */
        private List<Extent> ordered;
        private int cursor;

        private static final class Extent {
            final long offset, length;
            final FastHash128 hash = new FastHash128();
            long seen;
            byte[] inline; // construction method 1: the bytes are in idat

            Extent(long offset, long length) {
                this.offset = offset;
                this.length = length;
            }
        }

        @Override
        void boxStart() {
            if ("meta".equals(type) && meta == null) {
                long len = bodyEnd - bodyStart;
                if (len > MAX_META) {
                    failed = true;
                } else {
                    meta = new byte[(int) len];
                }
            }
        }

        @Override
        void body(ByteBuffer buf, int from, int to, long pos) {
            if ("meta".equals(type) && meta != null && byOffset == null && !failed) {
                buf.get(from, meta, metaFill, to - from);
                metaFill += to - from;
            }
            hashExtents(buf, from, to, pos);
        }

        @Override
        void boxEnd() {
            if ("meta".equals(type) && meta != null && byOffset == null && !failed) {
                try {
                    parseMeta(bodyEnd);
                } catch (RuntimeException e) {
                    failed = true;
                }
            }
        }

        private void hashExtents(ByteBuffer buf, int from, int to, long pos) {
            long end = pos + (to - from);
            if (byOffset == null) return;
            while (cursor < byOffset.length) {
                Extent e = byOffset[cursor];
                long eEnd = e.offset + e.length;
                if (eEnd <= pos) {
                    cursor++;
                    continue;
                }
                if (e.offset >= end) return;
                long a = Math.max(e.offset, pos), b = Math.min(eEnd, end);
                hash(e.hash, buf, from + (int) (a - pos), from + (int) (b - pos));
                e.seen += b - a;
                if (b == eEnd) cursor++;
                else return;
            }
        }

        /** Reads pitm, iloc and iref from the kept meta box body (a full box: version and flags first). */
        private void parseMeta(long metaEnd) {
            ByteBuffer m = ByteBuffer.wrap(meta, 0, metaFill); // big-endian, as ISO-BMFF is
            long primary = -1;
            ByteBuffer iloc = null, iref = null, idat = null;
            int p = 4; // version and flags of the meta box
            while (p + 8 <= metaFill) {
                long size = m.getInt(p) & 0xFFFFFFFFL;
                String t = new String(meta, p + 4, 4, StandardCharsets.ISO_8859_1);
                int hdr = 8;
                if (size == 1) {
                    size = m.getLong(p + 8);
                    hdr = 16;
                } else if (size == 0) {
                    size = metaFill - p;
                }
                if (size < hdr || p + size > metaFill) throw new IllegalStateException("bad box in meta");
                ByteBuffer body = ByteBuffer.wrap(meta, p + hdr, (int) size - hdr).slice();
                switch (t) {
                    case "pitm" -> {
                        int version = body.get(0) & 0xFF;
                        primary = version == 0 ? body.getShort(4) & 0xFFFF : body.getInt(4) & 0xFFFFFFFFL;
                    }
                    case "iloc" -> iloc = body;
                    case "iref" -> iref = body;
                    case "idat" -> idat = body;
                    default -> {
                    }
                }
                p += (int) size;
            }
            if (primary < 0 || iloc == null) {
                failed = true;
                return;
            }
            List<Long> items = new ArrayList<>();
            items.add(primary);
            if (iref != null) items.addAll(references(iref, primary, "dimg"));
            java.util.Map<Long, List<Extent>> located = locations(iloc, idat);
            ordered = new ArrayList<>();
            for (long id : items) {
                List<Extent> ex = located.get(id);
                if (ex == null || ex.isEmpty()) {
                    failed = true;
                    return;
                }
                ordered.addAll(ex);
            }
            List<Extent> inFile = new ArrayList<>();
            for (Extent e : ordered) {
                if (e.inline != null) continue;
                if (e.offset < metaEnd) { // data before the meta box has already streamed past
                    failed = true;
                    return;
                }
                inFile.add(e);
            }
            byOffset = inFile.toArray(new Extent[0]);
            Arrays.sort(byOffset, (a, b) -> Long.compare(a.offset, b.offset));
        }

        /** The items {@code from} references with the given type, in order. */
        private static List<Long> references(ByteBuffer iref, long from, String type) {
            int version = iref.get(0) & 0xFF;
            int idSize = version == 0 ? 2 : 4;
            List<Long> out = new ArrayList<>();
            int p = 4;
            while (p + 8 <= iref.limit()) {
                int size = iref.getInt(p);
                String t = new String(new byte[] {iref.get(p + 4), iref.get(p + 5), iref.get(p + 6), iref.get(p + 7)},
                        StandardCharsets.ISO_8859_1);
                if (size < 8 || p + size > iref.limit()) break;
                int q = p + 8;
                long id = id(iref, q, idSize);
                q += idSize;
                int count = iref.getShort(q) & 0xFFFF;
                q += 2;
                if (t.equals(type) && id == from) {
                    for (int k = 0; k < count; k++) out.add(id(iref, q + k * idSize, idSize));
                }
                p += size;
            }
            return out;
        }

        private static long id(ByteBuffer b, int at, int size) {
            return size == 2 ? b.getShort(at) & 0xFFFF : b.getInt(at) & 0xFFFFFFFFL;
        }

        private static long sized(ByteBuffer b, int at, int size) {
            return switch (size) {
                case 0 -> 0;
                case 4 -> b.getInt(at) & 0xFFFFFFFFL;
                case 8 -> b.getLong(at);
                default -> throw new IllegalStateException("iloc field size " + size);
            };
        }

        /** ISO/IEC 14496-12 ItemLocationBox, versions 0 to 2. */
        private java.util.Map<Long, List<Extent>> locations(ByteBuffer iloc, ByteBuffer idat) {
            int version = iloc.get(0) & 0xFF;
            int p = 4;
            int a = iloc.get(p) & 0xFF, b = iloc.get(p + 1) & 0xFF;
            int offsetSize = a >> 4, lengthSize = a & 15, baseSize = b >> 4, indexSize = version > 0 ? b & 15 : 0;
            p += 2;
            long count;
            if (version < 2) {
                count = iloc.getShort(p) & 0xFFFF;
                p += 2;
            } else {
                count = iloc.getInt(p) & 0xFFFFFFFFL;
                p += 4;
            }
            java.util.Map<Long, List<Extent>> out = new java.util.HashMap<>();
            for (long n = 0; n < count; n++) {
                long id;
                if (version < 2) {
                    id = iloc.getShort(p) & 0xFFFF;
                    p += 2;
                } else {
                    id = iloc.getInt(p) & 0xFFFFFFFFL;
                    p += 4;
                }
                int method = 0;
                if (version > 0) {
                    method = iloc.getShort(p) & 15;
                    p += 2;
                }
                int dataRef = iloc.getShort(p) & 0xFFFF;
                p += 2;
                long base = sized(iloc, p, baseSize);
                p += baseSize;
                int extents = iloc.getShort(p) & 0xFFFF;
                p += 2;
                List<Extent> list = new ArrayList<>(extents);
                for (int e = 0; e < extents; e++) {
                    p += indexSize;
                    long off = sized(iloc, p, offsetSize);
                    p += offsetSize;
                    long len = sized(iloc, p, lengthSize);
                    p += lengthSize;
                    if (dataRef != 0 || len == 0 || method == 2) {
                        list = null; // another file, to the end of the file, or by reference: not followed
                        continue;
                    }
                    if (list == null) continue;
                    Extent x = new Extent(base + off, len);
                    if (method == 1) {
                        if (idat == null || base + off + len > idat.limit()) throw new IllegalStateException("idat");
                        x.inline = new byte[(int) len];
                        idat.get((int) (base + off), x.inline);
                        x.hash.update(x.inline, 0, x.inline.length);
                        x.seen = len;
                    }
                    list.add(x);
                }
                if (list != null) out.put(id, list);
            }
            return out;
        }

        @Override
        String finish(long total) {
            if (failed || broken || ordered == null) return null;
            FastHash128 all = new FastHash128();
            for (Extent e : ordered) {
                if (e.seen != e.length) return null; // an extent beyond the end: the file is cut short
                byte[] h = e.hash.finishHex().getBytes(StandardCharsets.ISO_8859_1);
                all.update(h, 0, h.length);
            }
            return "heif:" + all.finishHex();
        }
    }
}
