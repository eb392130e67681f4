package org.photoparity.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * A {@link Tap} over any stream (zip entries, metadata-only passes): bytes are hashed and checked as the parser reads
 * them; a skip seeks when nothing needs the bytes, and reads through otherwise.
 */
final class StreamTap extends Tap {

    private final InputStream in;
    private final FastHash128 hash;
    private final long size;
    private Completeness check;
    private Payload payload;
    private long pos;
    private boolean eof;
    private final byte[] scratch;
    private byte[] replay;
    private int replayPos;
    private int replayLen;

    /**
     * @param hash    fingerprint every byte, or null for a metadata-only pass (then skips really skip)
     * @param size    declared content length, -1 when unknown
     * @param scratch buffer for skips that must read (when fingerprinting)
     */
    StreamTap(InputStream in, FastHash128 hash, long size, byte[] scratch) {
        this.in = in;
        this.hash = hash;
        this.size = size;
        this.scratch = scratch;
    }

    @Override
    void check(Completeness c, int seen) {
        this.check = c;
    }

    @Override
    void payload(Payload p, byte[] head, int seen) {
        p.feed(head, 0, seen, 0);
        this.payload = p;
    }

    /**
     * Serves {@code len} bytes already read (the sniffed head) again before the rest, without fingerprinting or
     * checking them twice, so parsers see the content from its first byte.
     */
    @Override
    void replay(byte[] head, int len) {
        this.replay = head;
        this.replayPos = 0;
        this.replayLen = len;
    }

    @Override
    long position() {
        return pos;
    }

    @Override
    boolean atEnd() {
        return eof;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (replayPos < replayLen) {
            int n = Math.min(len, replayLen - replayPos);
            System.arraycopy(replay, replayPos, b, off, n);
            replayPos += n;
            return n;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            eof = true;
            return -1;
        }
        if (hash != null) hash.update(b, off, n);
        if (payload != null) payload.feed(b, off, n, pos);
        if (check != null) check.feed(pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) return 0;
        if (replayPos < replayLen) {
            int r = (int) Math.min(n, replayLen - replayPos);
            replayPos += r;
            return r;
        }
        long target = pos + n;
        if (size >= 0) target = Math.min(target, size); // never seek past the end: a seek there always "succeeds"
        long start = pos;
        while (pos < target && !eof) {
            if (hash != null) {
                // fingerprinting needs every byte: a skip reads
                if (read(scratch, 0, (int) Math.min(scratch.length, target - pos)) < 0) break;
                continue;
            }
            long need = check == null ? Completeness.NOTHING : check.nextNeeded(pos, size);
            if (need > pos) {
                long jump = Math.min(need, target) - pos;
                long done = in.skip(jump);
                if (done <= 0) {
                    // some streams cannot skip; fall back to reading
                    if (read(scratch, 0, (int) Math.min(scratch.length, jump)) < 0) break;
                } else {
                    pos += done;
                }
            } else {
                // the completeness check wants these bytes: read a few through
                if (read(scratch, 0, (int) Math.min(64, target - pos)) < 0) break;
            }
        }
        return pos - start;
    }

    /** Reads everything that is left (fingerprint pass). */
    @Override
    void drain(byte[] buffer) throws IOException {
        while (read(buffer, 0, buffer.length) >= 0) {
            // every byte goes through read(): hashed and checked
        }
    }

    /**
     * Metadata-only pass: visits only the bytes the completeness check still needs (box headers, the last bytes),
     * seeking over the rest.
     */
    @Override
    void finishCheck() throws IOException {
        if (check == null) return;
        while (!eof) {
            long need = check.nextNeeded(pos, size);
            if (need == Completeness.NOTHING) return;
            if (size >= 0 && need >= size) {
                if (need > pos) return; // the check wants bytes past the declared end: its verdict will say so
            }
            if (need > pos) skip(need - pos);
            if (eof) return;
            if (read(scratch, 0, Math.min(scratch.length, 4096)) < 0) return;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
