package org.photoparity.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.util.Locale;

import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.spi.MediaReader;

/**
 * Tells a file's container format from its first bytes, whatever its name says: a PNG named .jpeg is a PNG, random
 * bytes named .HEIC are nothing. {@link #HEAD} bytes are enough.
 */
public final class ContentSniffer {

    /** How many leading bytes {@link #detect} looks at. */
    public static final int HEAD = 32;

    private ContentSniffer() {
    }

    /**
     * @param head     the first bytes of the content (fewer when the content is shorter)
     * @param length   how many of them are valid
     * @param fileName the name, only to tell an AAE plist from any other XML
     * @return the format, UNKNOWN when the bytes are not a photo, video or adjustment sidecar
     */
    public static MediaFormat detect(byte[] head, int length, String fileName) {
        if (length >= 3 && u(head, 0) == 0xFF && u(head, 1) == 0xD8 && u(head, 2) == 0xFF) return MediaFormat.JPEG;
        if (length >= 8 && u(head, 0) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
                && u(head, 4) == 0x0D && u(head, 5) == 0x0A && u(head, 6) == 0x1A && u(head, 7) == 0x0A) {
            return MediaFormat.PNG;
        }
        if (length >= 6 && ascii(head, 0, 4).equals("GIF8")) return MediaFormat.GIF;
        if (length >= 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP")) {
            return MediaFormat.WEBP;
        }
        if (length >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] == 42 && head[3] == 0)
                || (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 42))) {
            // DNG and most camera RAW formats (CR2, NEF, ARW, PEF, SRW ...) are TIFF files: the name tells them apart
            MediaFormat byName = MediaFormat.fromFileName(fileName);
            return byName == MediaFormat.DNG || byName == MediaFormat.RAW ? byName : MediaFormat.TIFF;
        }
        if (isCameraRaw(head, length)) return MediaFormat.RAW;
        if (length >= 12) {
            String box = ascii(head, 4, 4);
            if (box.equals("ftyp")) return brand(ascii(head, 8, 4), head, length);
            // QuickTime files written before ftyp existed start with one of these atoms
            if (box.equals("moov") || box.equals("mdat") || box.equals("wide") || box.equals("free")
                    || box.equals("skip") || box.equals("pnot")) {
                return MediaFormat.MOV;
            }
        }
        if (MediaFormat.fromFileName(fileName) == MediaFormat.AAE && isPlist(head, length)) return MediaFormat.AAE;
        return MediaFormat.UNKNOWN;
    }

    /**
     * For a file whose name promises no photo (an unknown extension or none: .jfif, .avif, a messaging app's save):
     * why it is not one, from its first bytes; null when its content is a photo, video or sidecar after all and must
     * be read. A reason starting "cannot" means the file could not be opened (unreadable); any other, that it was
     * looked at and is not media (ignored). Every source that meets such a file asks this, so a photo is never taken
     * or dropped by its name alone.
     */
    public static String whyNotMedia(String name, MediaReader.Content content, long size) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "no extension" : name.substring(dot).toLowerCase(Locale.ROOT);
        if (size == 0) return "not a photo or video (" + ext + ", empty)";
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream in = content.open()) {
            n = in.readNBytes(head, 0, head.length);
        } catch (AccessDeniedException e) {
            return "cannot open: permission denied; give the user running PhotoParity read access";
        } catch (IOException e) {
            return "cannot open: " + e.getMessage();
        }
        if (detect(head, n, name) != MediaFormat.UNKNOWN) return null;
        return "not a photo or video (" + ext + ")";
    }

    /**
     * Camera RAW formats that are not TIFF files by their first four bytes: Olympus ORF (a TIFF with magic "RO" or
     * "RS"), Panasonic RW2 / Leica RWL (magic 0x55), Fujifilm RAF, Canon CRW (a CIFF heap) and Sigma X3F. Canon's
     * CR3 is an ISO base media file: {@link #brand}.
     */
    private static boolean isCameraRaw(byte[] head, int length) {
        if (length >= 4 && head[0] == 'I' && head[1] == 'I'
                && ((head[2] == 'R' && (head[3] == 'O' || head[3] == 'S')) || (head[2] == 'U' && head[3] == 0))) {
            return true;
        }
        if (length >= 4 && head[0] == 'M' && head[1] == 'M' && head[2] == 'O' && head[3] == 'R') return true;
        if (length >= 15 && ascii(head, 0, 15).equals("FUJIFILMCCD-RAW")) return true;
        if (length >= 14 && head[0] == 'I' && head[1] == 'I' && ascii(head, 6, 8).equals("HEAPCCDR")) return true;
        return length >= 4 && ascii(head, 0, 4).equals("FOVb");
    }

    private static MediaFormat brand(String major, byte[] head, int length) {
        switch (major) {
            case "crx ":
                return MediaFormat.RAW; // Canon CR3
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "avif", "avis":
                return MediaFormat.HEIC;
            case "qt  ":
                return MediaFormat.MOV;
            case "M4V ", "M4VH", "M4VP":
                return MediaFormat.M4V;
            default:
                // isom, mp41, mp42, 3gp..., avc1, dash and the like are MPEG-4 family containers
                return MediaFormat.MP4;
        }
    }

    private static boolean isPlist(byte[] head, int length) {
        int i = 0;
        // a UTF-8 byte order mark or leading white space may come before the XML declaration
        if (length >= 3 && u(head, 0) == 0xEF && u(head, 1) == 0xBB && u(head, 2) == 0xBF) i = 3;
        while (i < length && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) i++;
        String s = ascii(head, i, Math.min(8, length - i));
        return s.startsWith("<?xml") || s.startsWith("<plist") || s.startsWith("bplist0");
    }

    /** The first bytes in hex, for messages about unrecognised content. */
    public static String hexHead(byte[] head, int length, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(length, max); i++) {
            if (i > 0) sb.append(' ');
            sb.append(Character.forDigit(u(head, i) >> 4, 16)).append(Character.forDigit(u(head, i) & 15, 16));
        }
        return sb.toString();
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static String ascii(byte[] b, int off, int len) {
        if (len <= 0) return "";
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }
}
