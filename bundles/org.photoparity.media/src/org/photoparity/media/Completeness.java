package org.photoparity.media;

import java.nio.charset.StandardCharsets;

import org.photoparity.core.model.MediaFormat;

/**
 * Checks that a file is whole, from its structure, while its bytes stream past: the top-level boxes of an
 * ISO-BMFF file (HEIC, MOV, MP4) must add up to its length, a JPEG must end with its end-of-image marker (when it does
 * not, the reader follows its structure, see {@code Payload.Jpeg}: bytes after a whole image are no cut), a PNG with
 * its IEND chunk, a GIF with its trailer, a WebP must be as long as its RIFF header says. A truncated photo often
 * still has intact metadata at its head, so metadata alone cannot tell.
 * <p>
 * It is fed bytes in order with their absolute position; {@link #nextNeeded} says where the next byte it needs is,
 * so a metadata-only pass can skip (seek) everything in between instead of reading it.
 */
abstract sealed class Completeness {

    /** Nothing more is needed before the end. */
    static final long NOTHING = Long.MAX_VALUE;

    static Completeness forFormat(MediaFormat format) {
        return switch (format) {
            case HEIC, MOV, MP4, M4V -> new Bmff();
            case JPEG, PNG, GIF -> new Tail(format);
            case WEBP -> new Riff();
            default -> new None();
        };
    }

    /** The next {@code len} bytes of the content, which start at absolute offset {@code pos}. */
    abstract void feed(long pos, byte[] b, int off, int len);

    /** Absolute offset of the next byte this check must see, {@link #NOTHING} when it needs no more. */
    abstract long nextNeeded(long pos, long size);

    /** Why the content of {@code total} bytes is not whole, or null when it is. */
    abstract String verdict(long total);

    static final class None extends Completeness {
        @Override
        void feed(long pos, byte[] b, int off, int len) {
        }

        @Override
        long nextNeeded(long pos, long size) {
            return NOTHING;
        }

        @Override
        String verdict(long total) {
            return null;
        }
    }

    /** Walks the top-level boxes: each header says how long the box is, the last one must end at the file's end. */
    static final class Bmff extends Completeness {
        private long next;
        private final byte[] header = new byte[16];
        private int fill;
        private int need = 8;
        private long lastStart = -1;
        private String lastType;
        private boolean toEnd;
        private String error;

        @Override
        void feed(long pos, byte[] b, int off, int len) {
            long end = pos + len;
            while (!toEnd && error == null) {
                long at = next + fill;
                if (at < pos || at >= end) return;
                int take = (int) Math.min(need - fill, end - at);
                System.arraycopy(b, off + (int) (at - pos), header, fill, take);
                fill += take;
                if (fill < need) return;
                long size;
                String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
                if (need == 8) {
                    long size32 = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFFL) << 16)
                            | ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
                    if (size32 == 1) {
                        need = 16; // 64-bit size follows the type
                        continue;
                    }
                    if (size32 == 0) { // the box runs to the end of the file
                        toEnd = true;
                        return;
                    }
                    if (size32 < 8) {
                        error = "corrupt: box '" + printable(type) + "' at offset " + next + " declares " + size32
                                + " bytes, less than its own header";
                        return;
                    }
                    size = size32;
                } else {
                    size = 0;
                    for (int i = 8; i < 16; i++) size = (size << 8) | (header[i] & 0xFFL);
                    if (size < 16) {
                        error = "corrupt: box '" + printable(type) + "' at offset " + next + " declares " + size
                                + " bytes";
                        return;
                    }
                }
                lastStart = next;
                lastType = type;
                next += size;
                fill = 0;
                need = 8;
            }
        }

        @Override
        long nextNeeded(long pos, long size) {
            return toEnd || error != null ? NOTHING : next + fill;
        }

        @Override
        String verdict(long total) {
            if (error != null) return error;
            if (toEnd) return null;
            if (fill > 0) return "truncated: the file ends inside a box header at offset " + next;
            if (next > total) {
                return "truncated: box '" + printable(lastType) + "' at offset " + lastStart + " needs "
                        + (next - lastStart) + " bytes but the file ends after " + total + " bytes";
            }
            return null;
        }

        private static String printable(String type) {
            StringBuilder sb = new StringBuilder();
            for (char c : type.toCharArray()) sb.append(c >= 32 && c < 127 ? c : '?');
            return sb.toString();
        }
    }

    /** Keeps the last bytes: JPEG, PNG and GIF each end with a fixed marker. */
    static final class Tail extends Completeness {
        private static final int KEEP = 32;
        private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
        private final MediaFormat format;
        private final byte[] last = new byte[KEEP];
        private int kept;

        Tail(MediaFormat format) {
            this.format = format;
        }

        @Override
        void feed(long pos, byte[] b, int off, int len) {
            if (len >= KEEP) {
                System.arraycopy(b, off + len - KEEP, last, 0, KEEP);
                kept = KEEP;
            } else {
                int keep = Math.min(kept, KEEP - len);
                System.arraycopy(last, kept - keep, last, 0, keep);
                System.arraycopy(b, off, last, keep, len);
                kept = keep + len;
            }
        }

        @Override
        long nextNeeded(long pos, long size) {
            return size < 0 ? pos : Math.max(pos, size - KEEP);
        }

        @Override
        String verdict(long total) {
            int n = kept;
            switch (format) {
                case JPEG -> {
                    while (n > 0 && last[n - 1] == 0) n--; // some writers pad with zeros
                    if (n >= 2 && (last[n - 2] & 0xFF) == 0xFF && (last[n - 1] & 0xFF) == 0xD9) return null;
                    return "truncated: no JPEG end-of-image marker (FF D9) at the end of the file";
                }
                case PNG -> {
                    if (n >= IEND.length) {
                        boolean ok = true;
                        for (int i = 0; i < IEND.length; i++) ok &= last[n - IEND.length + i] == IEND[i];
                        if (ok) return null;
                    }
                    return "truncated: no PNG IEND chunk at the end of the file";
                }
                case GIF -> {
                    while (n > 0 && last[n - 1] == 0) n--;
                    return n > 0 && last[n - 1] == 0x3B ? null : "truncated: no GIF trailer (3B) at the end";
                }
                default -> {
                    return null;
                }
            }
        }
    }

    /** RIFF (WebP): the header states the length. */
    static final class Riff extends Completeness {
        private final byte[] head = new byte[8];
        private int fill;

        @Override
        void feed(long pos, byte[] b, int off, int len) {
            if (pos >= 8) return;
            int take = (int) Math.min(8 - pos, len);
            if (pos != fill) return;
            System.arraycopy(b, off, head, fill, take);
            fill += take;
        }

        @Override
        long nextNeeded(long pos, long size) {
            return fill < 8 ? pos : NOTHING;
        }

        @Override
        String verdict(long total) {
            if (fill < 8) return "truncated: shorter than a RIFF header";
            long declared = ((head[7] & 0xFFL) << 24 | (head[6] & 0xFFL) << 16 | (head[5] & 0xFFL) << 8
                    | (head[4] & 0xFFL)) + 8;
            return total < declared
                    ? "truncated: the RIFF header declares " + declared + " bytes but the file has " + total
                    : null;
        }
    }
}
