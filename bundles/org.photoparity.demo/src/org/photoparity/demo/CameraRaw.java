package org.photoparity.demo;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Camera RAW files in their makers' containers, small enough to build in a test: what a photographer imports into
 * the iPhone's library from a camera's card, and what icloudpd or a privacy export then hands back. The metadata
 * sits where the cameras put it (TIFF IFD0 and the Exif IFD; a RAF's embedded JPEG; a CR3's CMT1 and CMT2 boxes),
 * and so does the JPEG preview every camera embeds (JPEGInterchangeFormat in a NEF's SubIFD, a Panasonic RW2's
 * JpgFromRaw, a RAF's JPEG, a CR3's PRVW box, an ORF's maker notes), the layouts exiftool and LibRaw read; the
 * previews are real JPEGs given by the caller. The sensor data is a few bytes, as nothing here reads it.
 */
public final class CameraRaw {

    private CameraRaw() {
    }

    /** A TIFF of one 16x16 strip: IFD0 (make, model) and an Exif IFD (capture time), after the given 4-byte header. */
    private static byte[] tiff(byte[] magic, String make, String model, String captured, byte[] preview,
            int previewTag) {
        return tiffBody(magic, List.of(new Tag(0x010F, make), new Tag(0x0110, model)),
                List.of(new Tag(0x9003, captured)), 256, preview, previewTag);
    }

    /**
     * A Nikon NEF, Sony ARW, Pentax PEF ...: a plain little-endian TIFF laid out as a NEF is: IFD0 (make, model, a
     * small image), its SubIFDs (0x014A, before the Exif IFD in tag order) holding the JPEG preview ({@code preview},
     * or none when null) as JPEGInterchangeFormat / Length, then the Exif IFD (capture time).
     */
    public static byte[] tiffRaw(String make, String model, String captured, byte[] preview) {
        return tiff(new byte[] {'I', 'I', 42, 0}, make, model, captured, preview, 0x014A);
    }

    /** An Olympus ORF without a preview: a TIFF whose magic number is "RO". */
    public static byte[] orf(String captured) {
        return orf(captured, null);
    }

    /**
     * An Olympus ORF: a TIFF whose magic number is "RO", its preview ({@code preview}, or none when null) where
     * Olympus cameras put it: in the maker notes (Exif 0x927C, "OLYMPUS\0II" and version 3, offsets counted from the
     * maker note's start), whose CameraSettings IFD (0x2020) gives PreviewImageValid, PreviewImageStart and
     * PreviewImageLength (0x0100-0x0102); the JPEG lies after the maker note, as in a camera's file.
     */
    public static byte[] orf(String captured, byte[] preview) {
        return tiff(new byte[] {'I', 'I', 'R', 'O'}, "OLYMPUS IMAGING CORP.", "E-M10MarkII", captured, preview,
                OLYMPUS_NOTE);
    }

    /**
     * An ORF of the first Olympus DSLRs (E-1, E-300): the maker note's old layout, "OLYMP\0" and a version, its IFD
     * right after, offsets counted from the TIFF header; otherwise as {@link #orf(String, byte[])}.
     */
    public static byte[] orfOldLayout(String captured, byte[] preview) {
        return tiff(new byte[] {'I', 'I', 'R', 'O'}, "OLYMPUS OPTICAL CO.,LTD", "E-1", captured, preview,
                OLYMPUS_OLD_NOTE);
    }

    /** Where tiffBody puts the preview: an Olympus maker note of the new layout, of the old (not tag numbers). */
    private static final int OLYMPUS_NOTE = 0x1927C;
    private static final int OLYMPUS_OLD_NOTE = 0x2927C;

    /**
     * An Olympus maker note, to lie at {@code at} in the file, whose CameraSettings IFD points at the JPEG right after
     * it: the new layout (12-byte header, offsets from the note's start) or the old (8 bytes, offsets from the file's).
     */
    private static byte[] olympusNote(int jpegLength, int at, boolean old) {
        int header = old ? 8 : 12;
        int base = old ? at : 0;
        ByteBuffer b = ByteBuffer.allocate(header + 60).order(ByteOrder.LITTLE_ENDIAN);
        if (old) b.put("OLYMP\0".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        else b.put("OLYMPUS\0II".getBytes(StandardCharsets.US_ASCII)).put((byte) 3).put((byte) 0);
        b.putShort((short) 1).put(entry(0x2020, 13, 1, base + header + 18)).putInt(0); // CameraSettings, an IFD
        b.putShort((short) 3).put(entry(0x0100, 4, 1, 1)).put(entry(0x0101, 4, 1, base + header + 60))
                .put(entry(0x0102, 4, 1, jpegLength)).putInt(0);
        return b.array();
    }

    /** A Panasonic RW2: a TIFF whose magic number is 0x55; {@code preview} (or null) as its JpgFromRaw (0x2E). */
    public static byte[] rw2(String captured, byte[] preview) {
        return tiff(new byte[] {'I', 'I', 'U', 0}, "Panasonic", "DC-G9", captured, preview, 0x002E);
    }

    /**
     * A Fujifilm RAF: its 16-byte signature, format version, camera id and name, the directory (offset and length of
     * the embedded JPEG), then that JPEG, which carries the Exif (here a real JPEG, with its own capture time).
     */
    public static byte[] raf(byte[] jpeg) {
        ByteBuffer b = ByteBuffer.allocate(148 + jpeg.length + 64).order(ByteOrder.BIG_ENDIAN);
        b.put("FUJIFILMCCD-RAW ".getBytes(StandardCharsets.US_ASCII));
        b.put("0201".getBytes(StandardCharsets.US_ASCII));
        b.put("FF383501".getBytes(StandardCharsets.US_ASCII));
        byte[] name = new byte[32];
        byte[] camera = "X-T3".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(camera, 0, name, 0, camera.length);
        b.put(name);
        b.put("0100".getBytes(StandardCharsets.US_ASCII)); // directory version
        b.put(new byte[20]);
        b.putInt(148); // JPEG offset
        b.putInt(jpeg.length);
        b.putInt(148 + jpeg.length); // CFA header offset and length
        b.putInt(32);
        b.putInt(148 + jpeg.length + 32); // CFA offset and length
        b.putInt(32);
        while (b.position() < 148) b.put((byte) 0);
        b.put(jpeg);
        return b.array();
    }

    /**
     * A Canon CR3: an ISO base media file of brand "crx " whose moov holds Canon's uuid box with the CMT1 (a TIFF
     * IFD0) and CMT2 (a TIFF Exif IFD) boxes, then, when {@code preview} is not null, the preview uuid box
     * (eaf42b5e-1c98-4b88-b9fb-b7dc406e4d16: 8 bytes, then PRVW: 4 unknown bytes, 1, width, height, 1, the JPEG's
     * length, the JPEG), then a small mdat.
     */
    public static byte[] cr3(String captured, byte[] preview) {
        byte[] cmt1 = tiffBody(new byte[] {'I', 'I', 42, 0}, List.of(new Tag(0x010F, "Canon"),
                new Tag(0x0110, "Canon EOS R6")), null, 0, null, 0);
        byte[] cmt2 = tiffBody(new byte[] {'I', 'I', 42, 0}, List.of(new Tag(0x9003, captured)), null, 0, null, 0);
        byte[] canon = concat(HexFormat.of().parseHex("85c0b687820f11e08111f4ce462b6a48"), box("CNCV",
                "CanonCR3_001/01.09.00/00.00.00".getBytes(StandardCharsets.US_ASCII)), box("CMT1", cmt1),
                box("CMT2", cmt2));
        byte[] ftyp = box("ftyp", concat("crx ".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 0, 0, 1},
                "crx isom".getBytes(StandardCharsets.US_ASCII)));
        byte[] prvw = new byte[0];
        if (preview != null) {
            ByteBuffer p = ByteBuffer.allocate(16 + preview.length).order(ByteOrder.BIG_ENDIAN);
            p.putInt(0).putShort((short) 1).putShort((short) 1620).putShort((short) 1080).putShort((short) 1)
                    .putInt(preview.length).put(preview);
            prvw = box("uuid", concat(HexFormat.of().parseHex("eaf42b5e1c984b88b9fbb7dc406e4d16"), new byte[8],
                    box("PRVW", p.array())));
        }
        return concat(ftyp, box("moov", box("uuid", canon)), prvw, box("mdat", new byte[512]));
    }

    private record Tag(int id, String ascii) {
    }

    /**
     * A little-endian TIFF after {@code magic}: IFD0 of the given ASCII tags (plus, when {@code exif} is not null, a
     * pointer to an Exif IFD of those tags), when {@code strip} > 0 one 16x16 8-bit strip of that many bytes, and when
     * {@code preview} is not null that JPEG at the end, pointed at by 0x0201 / 0x0202 (offset, length) in IFD0
     * ({@code previewTag} 0x0201) or in a SubIFD ({@code previewTag} 0x014A), or by an Olympus maker note in the Exif
     * IFD ({@link #OLYMPUS_NOTE}, {@link #OLYMPUS_OLD_NOTE}), or by {@code previewTag} as an UNDEFINED value of its
     * length (a RW2's JpgFromRaw, 0x002E).
     */
    private static byte[] tiffBody(byte[] magic, List<Tag> ifd0, List<Tag> exif, int strip, byte[] preview,
            int previewTag) {
        List<int[]> numeric = new ArrayList<>(); // id, type, value
        if (strip > 0) {
            numeric.add(new int[] {0x0100, 3, 16});
            numeric.add(new int[] {0x0101, 3, 16});
            numeric.add(new int[] {0x0102, 3, 8});
        }
        boolean makerNote = preview != null && (previewTag == OLYMPUS_NOTE || previewTag == OLYMPUS_OLD_NOTE)
                && exif != null;
        int previewEntries = preview == null || makerNote ? 0 : previewTag == 0x0201 ? 2 : 1;
        int n0 = ifd0.size() + numeric.size() + (exif != null ? 1 : 0) + (strip > 0 ? 2 : 0) + previewEntries;
        int ifd0Size = 2 + n0 * 12 + 4;
        int exifAt = 8 + ifd0Size;
        int exifSize = exif == null ? 0 : 2 + (exif.size() + (makerNote ? 1 : 0)) * 12 + 4;
        int subAt = exifAt + exifSize;
        int subSize = preview != null && previewTag == 0x014A ? 2 + 3 * 12 + 4 : 0;
        int dataAt = subAt + subSize;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<byte[]> e0 = new ArrayList<>();
        for (Tag t : ifd0) e0.add(ascii(t, dataAt, data));
        List<byte[]> ee = new ArrayList<>();
        if (exif != null) for (Tag t : exif) ee.add(ascii(t, dataAt, data));
        for (int[] v : numeric) e0.add(entry(v[0], v[1], 1, v[2]));
        if (exif != null) e0.add(entry(0x8769, 4, 1, exifAt));
        if (strip > 0) {
            e0.add(entry(0x0111, 4, 1, dataAt + data.size()));
            e0.add(entry(0x0117, 4, 1, strip));
            data.writeBytes(new byte[strip]);
        }
        List<byte[]> es = new ArrayList<>();
        if (preview != null) {
            int at = dataAt + data.size();
            if (previewTag == 0x0201) {
                e0.add(entry(0x0201, 4, 1, at));
                e0.add(entry(0x0202, 4, 1, preview.length));
            } else if (previewTag == 0x014A) {
                e0.add(entry(0x014A, 4, 1, subAt));
                es.add(entry(0x00FE, 4, 1, 1)); // a reduced-resolution image
                es.add(entry(0x0201, 4, 1, at));
                es.add(entry(0x0202, 4, 1, preview.length));
            } else if (makerNote) {
                byte[] note = olympusNote(preview.length, at, previewTag == OLYMPUS_OLD_NOTE);
                ee.add(entry(0x927C, 7, note.length, at));
                data.writeBytes(note);
            } else {
                e0.add(entry(previewTag, 7, preview.length, at));
            }
            data.writeBytes(preview);
        }
        e0.sort((a, b) -> Integer.compare(id(a), id(b)));
        ByteBuffer b = ByteBuffer.allocate(dataAt + data.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(magic).putInt(8).putShort((short) e0.size());
        for (byte[] e : e0) b.put(e);
        b.putInt(0);
        if (exif != null) {
            b.putShort((short) ee.size());
            for (byte[] e : ee) b.put(e);
            b.putInt(0);
        }
        if (subSize > 0) {
            b.putShort((short) es.size());
            for (byte[] e : es) b.put(e);
            b.putInt(0);
        }
        b.put(data.toByteArray());
        return b.array();
    }

    private static int id(byte[] entry) {
        return (entry[0] & 0xFF) | (entry[1] & 0xFF) << 8;
    }

    /** An ASCII entry: its value in the entry itself when it fits in 4 bytes (as TIFF requires), else in data. */
    private static byte[] ascii(Tag t, int dataAt, ByteArrayOutputStream data) {
        byte[] s = (t.ascii() + "\0").getBytes(StandardCharsets.US_ASCII);
        if (s.length <= 4) {
            ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) t.id()).putShort((short) 2).putInt(s.length).put(s);
            return b.array();
        }
        byte[] e = entry(t.id(), 2, s.length, dataAt + data.size());
        data.writeBytes(s);
        if (data.size() % 2 == 1) data.write(0);
        return e;
    }

    private static byte[] entry(int id, int type, int count, int value) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) id).putShort((short) type).putInt(count);
        if (type == 3) b.putShort((short) value).putShort((short) 0);
        else b.putInt(value);
        return b.array();
    }

    private static byte[] box(String type, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(8 + body.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(body);
        return b.array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
