package org.photoparity.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Big-endian QuickTime / ISO base media atom building blocks. */
final class Atoms {

    private Atoms() {
    }

    static byte[] atom(String type, byte[] body) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        if (t.length != 4) throw new IllegalArgumentException("atom type must be 4 bytes: " + type);
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).put(t).put(body).array();
    }

    /** An atom whose type is a 32-bit integer (the 1-based key index of an mdta ilst item). */
    static byte[] atomInt(int type, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).putInt(8 + body.length).putInt(type).put(body).array();
    }

    static byte[] full(String type, int version, int flags, byte[] body) {
        return atom(type, concat(u32(((long) version << 24) | (flags & 0xFFFFFF)), body));
    }

    static byte[] fourcc(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != 4) throw new IllegalArgumentException("fourcc must be 4 bytes: " + s);
        return b;
    }

    static byte[] u32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    static byte[] u16(int v) {
        return ByteBuffer.allocate(2).putShort((short) v).array();
    }

    static byte[] pascal(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return concat(new byte[] { (byte) b.length }, b);
    }

    static byte[] identityMatrix() {
        return concat(u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0),
                u32(0x40000000));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
