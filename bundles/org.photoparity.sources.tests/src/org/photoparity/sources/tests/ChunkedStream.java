package org.photoparity.sources.tests;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream that hands out at most {@code chunk} bytes a read, as a zip entry or a slow disk may. */
final class ChunkedStream extends FilterInputStream {
    private final int chunk;

    ChunkedStream(InputStream in, int chunk) {
        super(in);
        this.chunk = chunk;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, chunk));
    }
}
