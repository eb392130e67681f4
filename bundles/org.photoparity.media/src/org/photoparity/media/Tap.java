package org.photoparity.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * The one stream every byte of a file passes through exactly once, in order: it fingerprints them (when asked),
 * shows them to the completeness check, and counts them. Metadata parsing sits on top of it, so the metadata head and
 * the fingerprint come from a single read of the file.
 */
abstract sealed class Tap extends InputStream permits StreamTap, ChannelTap {

    /** From now on shows the bytes to {@code c}, which has already been fed the first {@code seen} bytes. */
    abstract void check(Completeness c, int seen);

    /**
     * From now on feeds every byte to {@code p} as well; the first {@code seen} bytes (already read, in {@code head})
     * are fed to it at once. Only used when fingerprinting, where every byte passes.
     */
    abstract void payload(Payload p, byte[] head, int seen);

    /**
     * Serves the first {@code len} bytes (the sniffed head, read through this tap) again before the rest, without
     * fingerprinting or checking them twice, so parsers see the content from its first byte.
     */
    abstract void replay(byte[] head, int len);

    /** How many bytes of the content have been read (and hashed) so far. */
    abstract long position();

    /** True once the end of the content has been seen. */
    abstract boolean atEnd();

    /** Reads everything that is left (fingerprint pass). */
    abstract void drain(byte[] buffer) throws IOException;

    /**
     * Metadata-only pass: visits only the bytes the completeness check still needs (box headers, the last bytes),
     * seeking over the rest.
     */
    abstract void finishCheck() throws IOException;
}
