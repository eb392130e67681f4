package org.photoparity.core.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that reports every byte read or skipped through it to a counter that may refuse by throwing: the one
 * place bounded inputs ({@link InputFiles#limit}, {@link ZipGuard.Budget}) count what passes.
 */
final class CountedInput extends FilterInputStream {

    /** Told how many more bytes passed; throws to stop the reading. */
    @FunctionalInterface
    interface Counter {
        void count(long n) throws IOException;
    }

    private final Counter counter;

    CountedInput(InputStream in, Counter counter) {
        super(in);
        this.counter = counter;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) counter.count(1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) counter.count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        if (s > 0) counter.count(s);
        return s;
    }
}
