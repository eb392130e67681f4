package org.photoparity.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The fingerprinting {@link Tap} for a plain file: the file is read from its channel in large windows into a reused
 * direct buffer, and each window is hashed in place as soon as it arrives. The parser reads straight from the window
 * (no BufferedInputStream, whose lock per byte and extra copies showed in profiles) and its skips over image or movie
 * data only move the position, so those bytes are copied once, by the kernel into the window, and never again. That
 * keeps the full pass near the speed of {@code cat}.
 */
final class ChannelTap extends Tap {

    private final FileChannel channel;
    private final FastHash128 hash;
    private final long size;
    private final ByteBuffer window;
    private final byte[] scratch;
    private Completeness check;
    private Payload payload;
    /** Offset in the file of the window's first byte. */
    private long windowStart;
    private boolean eof;
    private long mark = -1;

    /**
     * @param window  direct, little-endian buffer the file is read into (its content is replaced)
     * @param size    declared length (what the completeness check expects), -1 when unknown
     * @param scratch at least 64 bytes for the completeness check's look at headers and tails
     */
    ChannelTap(FileChannel channel, FastHash128 hash, long size, ByteBuffer window, byte[] scratch) {
        this.channel = channel;
        this.hash = hash;
        this.size = size;
        this.window = window;
        this.scratch = scratch;
        window.clear().limit(0);
    }

    /**
     * Reads the next window and hashes it whole; false at the end of the file, where the last window stays as it was
     * (so a short file's head can still be replayed, and marks in it reset to).
     */
    private boolean fill() throws IOException {
        if (eof) return false;
        int last = window.limit();
        window.clear();
        int n;
        do {
            n = channel.read(window);
        } while (n == 0);
        if (n < 0) {
            window.limit(last).position(last); // nothing was written: the old bytes are still there
            eof = true;
            return false;
        }
        windowStart += last;
        window.flip();
        hash.update(window);
        if (payload != null) payload.feed(window, 0, window.limit(), windowStart);
        if (check != null) feedCheck(windowStart);
        return true;
    }

    /** Shows the completeness check the bytes it asks for among the window's, from file offset {@code from}. */
    private void feedCheck(long from) {
        long end = windowStart + window.limit();
        long at = from;
        long need;
        while ((need = check.nextNeeded(at, size)) < end) {
            need = Math.max(need, at);
            int k = (int) Math.min(end - need, Math.min(scratch.length, 4096));
            window.get((int) (need - windowStart), scratch, 0, k);
            check.feed(need, scratch, 0, k);
            at = need + k;
        }
    }

    @Override
    void check(Completeness c, int seen) {
        this.check = c;
        if (windowStart + window.limit() > seen) feedCheck(Math.max(seen, windowStart));
    }

    @Override
    void payload(Payload p, byte[] head, int seen) {
        // the head is in the first window, whose every byte has been hashed: the walker sees the window from byte 0
        if (windowStart != 0) throw new IllegalStateException("head no longer in the window");
        this.payload = p;
        p.feed(window, 0, window.limit(), 0);
    }

    @Override
    void replay(byte[] head, int len) {
        // the head is still in the first window, already hashed and checked: just read it again from there
        if (windowStart != 0 || window.position() < len) throw new IllegalStateException("head no longer in the window");
        window.position(window.position() - len);
    }

    @Override
    long position() {
        return windowStart + window.position();
    }

    @Override
    boolean atEnd() {
        return eof;
    }

    @Override
    public int read() throws IOException {
        if (!window.hasRemaining() && !fill()) return -1;
        return window.get() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!window.hasRemaining() && !fill()) return -1;
        int n = Math.min(len, window.remaining());
        window.get(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte is fingerprinted, so a skip reads on: window by window, with no copy
        long left = n;
        while (left > 0) {
            if (!window.hasRemaining() && !fill()) break;
            int k = (int) Math.min(left, window.remaining());
            window.position(window.position() + k);
            left -= k;
        }
        return n - left;
    }

    @Override
    public int available() {
        return window.remaining();
    }

    /** Marks stay valid while their position is in the current window (parsers mark only to look a little ahead). */
    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readlimit) {
        mark = position();
    }

    @Override
    public void reset() throws IOException {
        if (mark < 0) throw new IOException("reset without mark");
        if (mark < windowStart) throw new IOException("cannot go back to offset " + mark + ": already read past it");
        window.position((int) (mark - windowStart));
    }

    @Override
    void drain(byte[] buffer) throws IOException {
        window.position(window.limit());
        while (fill()) {
            window.position(window.limit());
        }
    }

    @Override
    void finishCheck() throws IOException {
        drain(scratch); // only used when fingerprinting: every byte is read anyway
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
