package org.photoparity.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffer in front of a {@link StreamTap} for the parsers, without BufferedInputStream's lock per byte (parsers read
 * headers one byte at a time, and the lock showed as a third of the metadata-only pass in profiles). One reader per
 * instance. A mark holds while the bytes since it fit in the buffer (parsers mark only to peek a few bytes); a reset
 * to a mark that no longer holds fails as BufferedInputStream's does. Skips past the buffer go to the tap, which
 * seeks when nothing needs the bytes.
 */
final class LeanBufferedInput extends InputStream {

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int count;
    private int markPos = -1;

    LeanBufferedInput(InputStream in, byte[] buf) {
        this.in = in;
        this.buf = buf;
    }

    /** Reads more into the buffer, keeping the bytes from the mark when there is one; false at the end. */
    private boolean fill() throws IOException {
        if (markPos < 0) {
            pos = count = 0;
        } else if (count == buf.length) {
            if (markPos > 0) {
                System.arraycopy(buf, markPos, buf, 0, count - markPos);
                count -= markPos;
                pos -= markPos;
                markPos = 0;
            } else {
                markPos = -1; // a whole buffer read since the mark: it no longer holds
                pos = count = 0;
            }
        }
        int n = in.read(buf, count, buf.length - count);
        if (n <= 0) return false;
        count += n;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos >= count && !fill()) return -1;
        return buf[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (pos >= count) {
            if (len >= buf.length && markPos < 0) return in.read(b, off, len); // large reads need no copy here
            if (!fill()) return -1;
        }
        int n = Math.min(len, count - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) return 0;
        long buffered = count - pos;
        if (buffered >= n) {
            pos += (int) n;
            return n;
        }
        // past the buffer: the mark cannot hold, and the tap skips the rest
        markPos = -1;
        pos = count = 0;
        return buffered + in.skip(n - buffered);
    }

    @Override
    public int available() throws IOException {
        return (count - pos) + in.available();
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readlimit) {
        markPos = pos;
    }

    @Override
    public void reset() throws IOException {
        if (markPos < 0) throw new IOException("Resetting to invalid mark");
        pos = markPos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
