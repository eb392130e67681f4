package org.photoparity.core.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The limits every zip read by PhotoParity obeys (the zip source, privacy-export parts and the zips nested in them),
 * listed in the README's reliability section:
 * <ul>
 * <li>an entry above {@value #RATIO_EXEMPT} bytes may not claim to shrink more than {@value #MAX_RATIO}:1, and never
 * inflates beyond the size it declares;</li>
 * <li>an archive never inflates, in total, to more than {@value #EXPANSION_FACTOR} times its own size plus
 * {@value #EXPANSION_ALLOWANCE} bytes (declared sizes are checked first, inflated bytes are counted as read);</li>
 * <li>entries whose local headers overlap (one compressed stream shared by many entries) refuse the archive;</li>
 * <li>zips inside zips are opened {@value #MAX_DEPTH} levels deep at most;</li>
 * <li>entry names with ../ or an absolute path are flagged and never read.</li>
 * </ul>
 * The central directory is read here too, so that an archive with an encrypted entry (which {@code java.util.zip}
 * refuses as a whole) still yields its other entries.
 */
public final class ZipGuard {

    public static final long MAX_RATIO = 100;
    public static final long RATIO_EXEMPT = 1 << 20;
    public static final long EXPANSION_FACTOR = 20;
    public static final long EXPANSION_ALLOWANCE = 256L << 20;
    public static final int MAX_DEPTH = 3;

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CEN = 0x02014b50;
    private static final int LOC = 0x04034b50;

    private ZipGuard() {
    }

    /** One central directory record. */
    public record Entry(String name, long localOffset, long compressed, long size, int method, boolean encrypted,
            long dosTime) {
        public boolean isDirectory() {
            return name.endsWith("/");
        }
    }

    /** The central directory of an archive, and the first reason to refuse it as a whole (or null). */
    public record Directory(Path zip, long archiveSize, List<Entry> entries, String refusal) {
        public boolean hasEncrypted() {
            return entries.stream().anyMatch(Entry::encrypted);
        }
    }

    /** The most an archive of {@code archiveSize} bytes may inflate to. */
    public static long expansionLimit(long archiveSize) {
        return Math.max(0, archiveSize) * EXPANSION_FACTOR + EXPANSION_ALLOWANCE;
    }

    /** Why an entry is refused for its declared ratio, or null. */
    public static String ratioProblem(long size, long packed) {
        if (size > RATIO_EXEMPT && packed > 0 && size / packed > MAX_RATIO) {
            return "refused as a possible zip bomb: it declares " + size + " bytes packed into " + packed
                    + " (more than " + MAX_RATIO + ":1)";
        }
        return null;
    }

    /** Why an entry name is unsafe (it would land outside the archive's folder if extracted), or null. */
    public static String unsafeName(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':')) {
            return "unsafe entry name: an absolute path; not read, and nothing is ever extracted";
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return "unsafe entry name: it climbs out of the archive with ../; not read, and nothing is ever "
                        + "extracted";
            }
        }
        return null;
    }

    /**
     * Reads the central directory and checks the archive as a whole: overlapping entries and the total declared
     * expansion.
     *
     * @throws IOException when there is no readable central directory (not a zip, or cut short)
     */
    public static Directory read(Path zip) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tailLen = (int) Math.min(size, 22 + 65535 + 20);
            ByteBuffer tail = read(ch, size - tailLen, tailLen);
            int eocd = -1;
            for (int i = tailLen - 22; i >= 0; i--) {
                if (tail.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) throw new IOException(zip + ": no zip central directory (not a zip, or cut short)");
            long count = tail.getShort(eocd + 10) & 0xffff;
            long cdSize = tail.getInt(eocd + 12) & 0xffffffffL;
            long cdOffset = tail.getInt(eocd + 16) & 0xffffffffL;
            if (eocd >= 20 && tail.getInt(eocd - 20) == ZIP64_LOCATOR) {
                long z64 = tail.getLong(eocd - 20 + 8);
                if (z64 >= 0 && z64 + 56 <= size) {
                    ByteBuffer z = read(ch, z64, 56);
                    if (z.getInt(0) == ZIP64_EOCD) {
                        count = z.getLong(32);
                        cdSize = z.getLong(40);
                        cdOffset = z.getLong(48);
                    }
                }
            }
            if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > size || cdSize > Integer.MAX_VALUE) {
                throw new IOException(zip + ": its central directory lies outside the file (damaged or cut short)");
            }
            ByteBuffer cd = read(ch, cdOffset, (int) cdSize);
            List<Entry> entries = new ArrayList<>();
            int p = 0;
            while (p + 46 <= cd.limit() && cd.getInt(p) == CEN && entries.size() < Math.max(count, 1) + 1_000_000) {
                int flags = cd.getShort(p + 8) & 0xffff;
                int method = cd.getShort(p + 10) & 0xffff;
                long dos = cd.getInt(p + 12) & 0xffffffffL;
                long packed = cd.getInt(p + 20) & 0xffffffffL;
                long plain = cd.getInt(p + 24) & 0xffffffffL;
                int nameLen = cd.getShort(p + 28) & 0xffff;
                int extraLen = cd.getShort(p + 30) & 0xffff;
                int commentLen = cd.getShort(p + 32) & 0xffff;
                long local = cd.getInt(p + 42) & 0xffffffffL;
                if (p + 46 + nameLen + extraLen > cd.limit()) break;
                byte[] nameBytes = new byte[nameLen];
                cd.get(p + 46, nameBytes);
                Charset cs = (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : utf8OrIbm437(nameBytes);
                String name = new String(nameBytes, cs);
                // ZIP64 extra field: the values that are 0xffffffff in the record, in this order
                int x = p + 46 + nameLen;
                int xEnd = x + extraLen;
                while (x + 4 <= xEnd) {
                    int id = cd.getShort(x) & 0xffff;
                    int len = cd.getShort(x + 2) & 0xffff;
                    if (id == 0x0001) {
                        int q = x + 4;
                        if (plain == 0xffffffffL && q + 8 <= x + 4 + len) {
                            plain = cd.getLong(q);
                            q += 8;
                        }
                        if (packed == 0xffffffffL && q + 8 <= x + 4 + len) {
                            packed = cd.getLong(q);
                            q += 8;
                        }
                        if (local == 0xffffffffL && q + 8 <= x + 4 + len) local = cd.getLong(q);
                    }
                    x += 4 + len;
                }
                entries.add(new Entry(name, local, packed, plain, method, (flags & 1) != 0, dos));
                p += 46 + nameLen + extraLen + commentLen;
            }
            return new Directory(zip, size, List.copyOf(entries), refusal(zip, size, cdOffset, entries));
        }
    }

    private static String refusal(Path zip, long size, long cdOffset, List<Entry> entries) {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::localOffset));
        long declared = 0;
        for (int i = 0; i < byOffset.size(); i++) {
            Entry e = byOffset.get(i);
            declared += Math.max(0, e.size());
            long end = e.localOffset() + 30 + e.compressed();
            long next = i + 1 < byOffset.size() ? byOffset.get(i + 1).localOffset() : cdOffset;
            if (e.localOffset() < 0 || end > next) {
                Entry other = i + 1 < byOffset.size() ? byOffset.get(i + 1) : null;
                return "refused as a zip bomb: entries overlap (" + e.name() + " and "
                        + (other == null ? "the central directory" : other.name())
                        + " share the same bytes), so a few bytes could be inflated many times over";
            }
        }
        long limit = expansionLimit(size);
        if (declared > limit) {
            return "refused as a possible zip bomb: its entries declare " + InputFiles.size(declared)
                    + " in total, more than " + EXPANSION_FACTOR + " times the archive's " + InputFiles.size(size)
                    + " plus " + InputFiles.size(EXPANSION_ALLOWANCE);
        }
        return null;
    }

    private static Charset utf8OrIbm437(byte[] name) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(name));
            return StandardCharsets.UTF_8;
        } catch (java.nio.charset.CharacterCodingException e) {
            return Charset.forName("IBM437");
        }
    }

    private static ByteBuffer read(FileChannel ch, long at, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) throw new IOException("unexpected end of file");
        }
        return b.flip();
    }

    /**
     * Opens an entry straight from the archive (stored or deflated), for archives that {@code java.util.zip}
     * refuses because another entry is encrypted. The stream is bounded to the declared size.
     */
    public static InputStream open(Directory d, Entry e) throws IOException {
        if (e.encrypted()) throw new IOException(e.name() + " is encrypted");
        if (e.method() != 0 && e.method() != 8) {
            throw new IOException(e.name() + " uses compression method " + e.method() + ", which is not read");
        }
        FileChannel ch = FileChannel.open(d.zip(), StandardOpenOption.READ);
        try {
            ByteBuffer loc = read(ch, e.localOffset(), 30);
            if (loc.getInt(0) != LOC) throw new IOException(e.name() + ": no local header where the directory says");
            long start = e.localOffset() + 30 + (loc.getShort(26) & 0xffff) + (loc.getShort(28) & 0xffff);
            ch.position(start);
            InputStream raw = limit(Channels.newInputStream(ch), e.compressed());
            InputStream data = e.method() == 0 ? raw : new InflaterInputStream(raw, new Inflater(true), 1 << 16) {
                @Override
                public void close() throws IOException {
                    super.close();
                    inf.end();
                }
            };
            return limit(data, e.size());
        } catch (IOException | RuntimeException ex) {
            ch.close();
            throw ex;
        }
    }

    private static InputStream limit(InputStream in, long max) {
        return new FilterInputStream(in) {
            private long left = max;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int b = super.read();
                if (b >= 0) left--;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) left -= n;
                return n;
            }
        };
    }

    /**
     * What one archive (with the zips nested in it) may still inflate: every stream read from it is counted, and
     * reading stops with a message naming the archive once the limit is passed.
     */
    public static final class Budget {
        private final String archive;
        private final long limit;
        private final AtomicLong used = new AtomicLong();

        public Budget(String archive, long archiveSize) {
            this.archive = archive;
            this.limit = expansionLimit(archiveSize);
        }

        public long used() {
            return used.get();
        }

        public InputStream wrap(InputStream in) {
            return new CountedInput(in, this::count);
        }

        private void count(long n) throws IOException {
            if (used.addAndGet(n) > limit) {
                throw new IOException(archive + " inflated beyond " + InputFiles.size(limit) + " (" + EXPANSION_FACTOR
                        + " times its size plus " + InputFiles.size(EXPANSION_ALLOWANCE)
                        + "): reading stopped, a possible zip bomb");
            }
        }
    }
}
