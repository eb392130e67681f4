package org.photoparity.core.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Text from inputs (file names, entry names, CSV cells) made safe to print on a terminal: control characters (C0,
 * DEL, C1, which start escape sequences that can rewrite the screen or set the clipboard) and the bidirectional
 * overrides that reorder what is shown are written as visible escapes ({@code \x1b}, {@code \u202e}).
 */
public final class ConsoleText {

    private ConsoleText() {
    }

    public static String safe(Object o) {
        String s = String.valueOf(o);
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (control || bidi) {
                if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
                if (c <= 0xff) b.append(String.format("\\x%02x", (int) c));
                else b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * A console stream that escapes what {@link #safe} escapes in everything printed through it (file names in
     * messages included). Newlines and tabs pass; carriage returns pass only when {@code allowCarriageReturn} (a
     * progress bar redraws its line with them). Works on the encoded bytes: in UTF-8 a control byte is never part of
     * another character, and the two- and three-byte forms of C1 controls and bidi overrides are recognised.
     */
    public static PrintStream stream(PrintStream target, boolean allowCarriageReturn) {
        Charset cs = target.charset();
        boolean utf8 = cs.name().equalsIgnoreCase("UTF-8");
        return new PrintStream(new Escaping(target, allowCarriageReturn, utf8), true, cs);
    }

    private static final class Escaping extends FilterOutputStream {
        private final boolean allowCr;
        private final boolean utf8;
        private final byte[] held = new byte[3];
        private int heldCount;

        Escaping(OutputStream out, boolean allowCr, boolean utf8) {
            super(out);
            this.allowCr = allowCr;
            this.utf8 = utf8;
        }

        @Override
        public void write(int b) throws IOException {
            int v = b & 0xff;
            if (heldCount > 0) {
                held[heldCount++] = (byte) v;
                resolveHeld();
                return;
            }
            if (v == '\n' || v == '\t' || (v == '\r' && allowCr)) {
                out.write(v);
            } else if (v < 0x20 || v == 0x7f || (!utf8 && v >= 0x80 && v <= 0x9f)) {
                escape(v);
            } else if (utf8 && (v == 0xc2 || v == 0xe2)) {
                held[heldCount++] = (byte) v;
            } else {
                out.write(v);
            }
        }

        private void resolveHeld() throws IOException {
            int first = held[0] & 0xff;
            int second = held[1] & 0xff;
            if (first == 0xc2) {
                if (second >= 0x80 && second <= 0x9f) escape(second);
                else flushHeld();
                heldCount = 0;
                return;
            }
            // 0xe2: U+202A..U+202E is e2 80 aa..ae, U+2066..U+2069 is e2 81 a6..a9
            if (heldCount == 2) {
                if (second != 0x80 && second != 0x81) {
                    flushHeld();
                    heldCount = 0;
                }
                return;
            }
            int third = held[2] & 0xff;
            if ((second == 0x80 && third >= 0xaa && third <= 0xae) || (second == 0x81 && third >= 0xa6 && third <= 0xa9)) {
                int cp = ((first & 0x0f) << 12) | ((second & 0x3f) << 6) | (third & 0x3f);
                out.write(String.format("\\u%04x", cp).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } else {
                flushHeld();
            }
            heldCount = 0;
        }

        private void flushHeld() throws IOException {
            out.write(held, 0, heldCount);
        }

        private void escape(int v) throws IOException {
            out.write(String.format("\\x%02x", v).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) write(b[off + i]);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
