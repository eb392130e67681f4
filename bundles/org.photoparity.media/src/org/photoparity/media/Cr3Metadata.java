package org.photoparity.media;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import com.drew.imaging.tiff.TiffProcessingException;
import com.drew.imaging.tiff.TiffReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifTiffHandler;
import com.drew.metadata.exif.GpsDirectory;

/**
 * The Exif of a Canon CR3, which metadata-extractor does not read: a CR3 is an ISO base media file (brand "crx ")
 * whose moov box holds Canon's uuid box (85c0b687-820f-11e0-8111-f4ce462b6a48), and in it CMT1 (a TIFF whose IFD0
 * is the image's IFD0: make, model, orientation), CMT2 (a TIFF whose first IFD is the Exif IFD: capture time and
 * offset) and CMT4 (a TIFF whose first IFD is the GPS IFD), the layout exiftool and LibRaw read. Only the boxes
 * before the media data are read, at most {@link #MAX_MOOV} bytes of moov.
 */
final class Cr3Metadata {

    /** Canon's moov holds the metadata and small previews: a few hundred KB. */
    static final int MAX_MOOV = 16 * 1024 * 1024;
    private static final byte[] CANON_UUID = HexFormat.of().parseHex("85c0b687820f11e08111f4ce462b6a48");

    private Cr3Metadata() {
    }

    /** The metadata of the CR3 read from {@code in}; throws when the file holds no Canon metadata box. */
    static Metadata read(InputStream in) throws IOException {
        while (true) {
            byte[] h = readFully(in, 8);
            long size = u32(h, 0);
            String type = new String(h, 4, 4, StandardCharsets.US_ASCII);
            int header = 8;
            if (size == 1) {
                byte[] large = readFully(in, 8);
                size = (u32(large, 0) << 32) | u32(large, 4);
                header = 16;
            }
            if (size != 0 && size < header) throw new IOException("damaged box " + type + " (size " + size + ")");
            if (type.equals("moov")) {
                if (size == 0 || size - header > MAX_MOOV) {
                    throw new IOException("moov of " + (size == 0 ? "unbounded" : size) + " bytes, more than "
                            + MAX_MOOV + " bytes of metadata");
                }
                return fromMoov(readFully(in, (int) (size - header)));
            }
            if (type.equals("mdat") || size == 0) throw new IOException("no moov before the media data");
            skipFully(in, size - header);
        }
    }

    private static Metadata fromMoov(byte[] moov) throws IOException {
        Metadata m = new Metadata();
        boolean found = false;
        for (int at = 0; at + 8 <= moov.length;) {
            int size = (int) Math.min(u32(moov, at), Integer.MAX_VALUE);
            if (size < 8 || at + size > moov.length) break;
            String type = new String(moov, at + 4, 4, StandardCharsets.US_ASCII);
            if (type.equals("uuid") && size >= 24
                    && Arrays.equals(moov, at + 8, at + 24, CANON_UUID, 0, CANON_UUID.length)) {
                found = true;
                for (int c = at + 24; c + 8 <= at + size;) {
                    int cs = (int) Math.min(u32(moov, c), Integer.MAX_VALUE);
                    if (cs < 8 || c + cs > at + size) break;
                    String ct = new String(moov, c + 4, 4, StandardCharsets.US_ASCII);
                    byte[] body = Arrays.copyOfRange(moov, c + 8, c + cs);
                    switch (ct) {
                        case "CMT1" -> tiff(body, m);
                        case "CMT2" -> copyInto(firstIfd(body), new ExifSubIFDDirectory(), m);
                        case "CMT4" -> copyInto(firstIfd(body), new GpsDirectory(), m);
                        default -> {
                            // CNCV (version), CCTP, CTBO, CMT3 (maker notes), THMB (thumbnail): not needed here
                        }
                    }
                    c += cs;
                }
            }
            at += size;
        }
        if (!found) throw new IOException("no Canon metadata box (uuid 85c0b687...) in moov");
        return m;
    }

    private static void tiff(byte[] body, Metadata into) throws IOException {
        try {
            new TiffReader().processTiff(new ByteArrayReader(body), new ExifTiffHandler(into, null, 0), 0);
        } catch (TiffProcessingException e) {
            throw new IOException("damaged TIFF in the CR3's metadata: " + e.getMessage(), e);
        }
    }

    /** The tags of the first IFD of a TIFF (read as IFD0 by the TIFF reader). */
    private static Directory firstIfd(byte[] body) throws IOException {
        Metadata scratch = new Metadata();
        tiff(body, scratch);
        return scratch.getFirstDirectoryOfType(ExifIFD0Directory.class);
    }

    private static void copyInto(Directory from, Directory to, Metadata m) {
        if (from == null) return;
        for (Tag t : from.getTags()) to.setObject(t.getTagType(), from.getObject(t.getTagType()));
        m.addDirectory(to);
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new EOFException("the CR3 ends inside a box");
        return b;
    }

    private static void skipFully(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) throw new EOFException("the CR3 ends inside a box");
                s = 1;
            }
            left -= s;
        }
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }
}
