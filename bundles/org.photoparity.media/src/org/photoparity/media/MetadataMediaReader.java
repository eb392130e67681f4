package org.photoparity.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.spi.MediaReader;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.heif.HeifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.mp4.Mp4MetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.quicktime.QuickTimeMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.exif.makernotes.AppleMakernoteDirectory;
import com.drew.metadata.heif.HeifDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.jpeg.JpegReader;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mov.media.QuickTimeVideoDirectory;
import com.drew.metadata.mov.metadata.QuickTimeMetadataDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import com.drew.metadata.png.PngDirectory;

/**
 * {@link MediaReader} on metadata-extractor 2.21. Each file is read once, front to back: the first bytes decide the
 * format (never the name), metadata-extractor parses the head through the same stream that fingerprints every byte
 * ({@link FastHash128}) and checks the structure is whole ({@link Completeness}); the same bytes feed the payload key
 * ({@link Payload}: the encoded image or video alone, so copies differing only in metadata share it), which also
 * judges a JPEG whole from its structure. In a metadata-only pass nothing
 * after the metadata is read except the few bytes the completeness check needs, which it reaches by seeking.
 * Thread-safe and stateless apart from per-thread buffers.
 */
public final class MetadataMediaReader implements MediaReader {

    /** Bumped whenever what is read from a file changes, so scan caches made by an older reader are not trusted. */
    private static final int VERSION = 3; // 2: payload key; JPEG completeness from the structure; 3: camera RAW
    // formats, a CR3's and RAF's metadata, the Exif IFD among SubIFDs (scan caches of 2 hold RAW files as TIFF, MP4,
    // unknown or without a capture time)

    /**
     * This reader's version (see {@link #VERSION}), asked at run time: a constant would be compiled into the bundles
     * that check it (the scan cache) and keep the old value when only this bundle is updated.
     */
    public static int version() {
        return VERSION;
    }

    /** Only what we use from a JPEG: the frame header (dimensions) and APP1 EXIF (with MakerNote and GPS). */
    private static final List<JpegSegmentMetadataReader> JPEG_READERS = List.of(new JpegReader(), new ExifReader());

    private static final int BUFFER = 256 * 1024;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    @Override
    public MediaFile read(int source, String path, long size, long modified, ResourceRole role, Content content,
            boolean fingerprint) {
        Result r = new Result(source, path, size, modified, role);
        String name = r.name();
        MediaFormat byName = MediaFormat.fromFileName(name);
        r.format = byName;
        if (size == 0) {
            r.fingerprint = fingerprint ? FastHash128.of(new byte[0]) : null;
            return r.unreadable("empty file (0 bytes)");
        }
        byte[] buffer = BUFFERS.get();
        FastHash128 hash = fingerprint ? new FastHash128() : null;
        Tap opened;
        try {
            // a plain file being fingerprinted is read through its channel (see ChannelTap): no copy per byte
            opened = hash != null && content instanceof FileContent fc
                    ? new ChannelTap(FileChannel.open(fc.path(), StandardOpenOption.READ), hash, size, WINDOWS.get(),
                            buffer)
                    : new StreamTap(content.open(), hash, size, buffer);
        } catch (IOException | RuntimeException e) {
            return r.unreadable("cannot open: " + describe(e));
        }
        try (Tap tap = opened) {
            byte[] head = new byte[ContentSniffer.HEAD];
            int n = tap.readNBytes(head, 0, head.length);
            if (n == 0) {
                if (hash != null) r.fingerprint = hash.finishHex();
                return r.unreadable("empty file (0 bytes)");
            }
            MediaFormat format = ContentSniffer.detect(head, n, name);
            Completeness check = Completeness.forFormat(format);
            check.feed(0, head, 0, n);
            tap.check(check, n);
            // the payload key is computed from the bytes the fingerprint sees, in the same pass
            Payload payload = hash != null ? Payload.forFormat(format) : null;
            if (payload != null) tap.payload(payload, head, n);
            tap.replay(head, n);
            r.format = format == MediaFormat.UNKNOWN ? byName : format;
            String problem = null;
            if (format == MediaFormat.UNKNOWN) {
                problem = "not a photo or video: content starts with " + ContentSniffer.hexHead(head, n, 8)
                        + (byName == MediaFormat.UNKNOWN ? "" : ", which is not " + byName + " as the name says");
            } else {
                if (byName != MediaFormat.UNKNOWN && byName != format && !(byName == MediaFormat.TIFF
                        && format == MediaFormat.DNG)) {
                    r.extra.put("nameSays", byName.name());
                }
                problem = parse(format, tap, r);
            }
            if (hash != null) {
                tap.drain(buffer);
            } else {
                tap.finishCheck();
            }
            long total = tap.atEnd() || size < 0 ? tap.position() : size;
            if (size < 0) r.size = total;
            if (hash != null) r.fingerprint = hash.finishHex();
            if (hash != null && size >= 0 && total != size) {
                problem = "read " + total + " bytes but the file is " + size
                        + " bytes: it changed or was cut short while being read";
            }
            if (problem == null && format != MediaFormat.UNKNOWN) {
                if (payload instanceof Payload.Jpeg jpeg) {
                    problem = jpeg.verdict(); // every byte was seen: judged from the structure
                } else {
                    problem = check.verdict(total);
                    if (problem != null && format == MediaFormat.JPEG) problem = jpegStructure(content, size);
                }
            }
            if (payload != null && problem == null) r.payloadKey = payload.finish(total);
            return problem == null ? r.readable() : r.unreadable(problem);
        } catch (IOException e) {
            return r.unreadable("I/O error while reading: " + describe(e));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a hostile or broken file must never stop the scan
            return r.unreadable("cannot be read: " + describe(e));
        }
    }

    /**
     * The window a plain file is fingerprinted through: most photos arrive whole in one system call and are parsed
     * without a refill. 2 MiB measured best (0.96x-0.98x of cat against
     * 0.86x-0.87x for 1 MiB and 0.81x-0.83x for 256 KiB on the real fixtures).
     */
    private static final int WINDOW = 2 << 20;
    private static final ThreadLocal<ByteBuffer> WINDOWS = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(WINDOW).order(ByteOrder.LITTLE_ENDIAN));

    /**
     * A metadata-only pass found no end-of-image marker in a JPEG's last bytes: that is a cut file, or a whole one
     * with bytes after its image (a motion photo's MP4, a gain map). Only the structure can tell, so the content is
     * read once more, through, with no hash: why the primary image is not whole, or null when it is. Rare, so the
     * usual metadata-only pass keeps seeking over the image data.
     */
    private static String jpegStructure(Content content, long size) {
        Payload.Jpeg walk = new Payload.Jpeg(null);
        byte[] buffer = new byte[64 * 1024];
        long pos = 0;
        try (InputStream in = content.open()) {
            int n;
            while (!walk.whole() && (size < 0 || pos < size) && (n = in.read(buffer)) > 0) {
                walk.feed(buffer, 0, n, pos);
                pos += n;
            }
        } catch (IOException e) {
            return "I/O error while reading: " + describe(e);
        }
        return walk.verdict();
    }

    /** Parses metadata; returns why the file is unreadable, or null. */
    private static String parse(MediaFormat format, Tap tap, Result r) {
        // a ChannelTap serves bytes from its window and supports mark/reset itself; other streams need a buffer
        InputStream in = tap instanceof ChannelTap ? tap : new LeanBufferedInput(tap, new byte[64 * 1024]);
        Metadata m;
        try {
            m = switch (format) {
                case JPEG -> JpegMetadataReader.readMetadata(in, JPEG_READERS);
                case HEIC -> HeifMetadataReader.readMetadata(in);
                case PNG -> PngMetadataReader.readMetadata(in);
                case MOV, M4V -> QuickTimeMetadataReader.readMetadata(in);
                case MP4 -> Mp4MetadataReader.readMetadata(in);
                case GIF, TIFF, DNG, WEBP -> ImageMetadataReader.readMetadata(in);
                // TIFF-based RAW, ORF, RW2 and RAF by metadata-extractor; Canon's CR3 (ISO base media) by its boxes
                case RAW -> raw(in);
                default -> null; // AAE: an XML or binary plist; its content is Photos' own business
            };
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return "cannot parse " + format + ": " + describe(e);
        }
        if (m == null) return null;
        switch (format) {
            case MOV, M4V, MP4 -> video(m, r);
            default -> image(m, r, format);
        }
        if (format == MediaFormat.JPEG && m.getFirstDirectoryOfType(JpegDirectory.class) == null) {
            return "not a readable JPEG: no image frame header (SOF) found";
        }
        if (format == MediaFormat.HEIC && !m.containsDirectoryOfType(HeifDirectory.class)) {
            return "not a readable HEIF: no image properties found";
        }
        return null;
    }

    /**
     * A camera RAW's metadata: a Canon CR3 (an ISO base media file of brand "crx ") by its Canon boxes, a Fujifilm
     * RAF by the JPEG it embeds (its offset is the big-endian int at byte 84 of the header, the layout LibRaw and
     * exiftool read; metadata-extractor's own RAF reader looks for the JPEG only in what one read returns), the
     * others (TIFF-based, ORF, RW2) by metadata-extractor.
     */
    private static Metadata raw(InputStream in) throws Exception {
        in.mark(16);
        byte[] h = in.readNBytes(16);
        in.reset();
        String head = new String(h, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (head.length() >= 12 && head.startsWith("ftypcrx ", 4)) return Cr3Metadata.read(in);
        if (head.startsWith("FUJIFILMCCD-RAW")) {
            byte[] header = in.readNBytes(92);
            if (header.length < 92) throw new java.io.EOFException("the RAF ends inside its header");
            long jpegAt = ByteBuffer.wrap(header, 84, 4).order(ByteOrder.BIG_ENDIAN).getInt() & 0xFFFFFFFFL;
            if (jpegAt < 92) throw new IOException("the RAF's JPEG offset " + jpegAt + " is inside its header");
            in.skipNBytes(jpegAt - 92);
            return JpegMetadataReader.readMetadata(in, JPEG_READERS);
        }
        return ImageMetadataReader.readMetadata(in);
    }

    private static void image(Metadata m, Result r, MediaFormat format) {
        // a Panasonic RW2's IFD0 is read as its own directory, with the same tags for make, model and orientation;
        // the Exif of the JPEG preview it embeds comes as ExifIFD0 and Exif SubIFD too: the RAW's own ones count
        Directory ifd0 = m.getFirstDirectoryOfType(com.drew.metadata.exif.PanasonicRawIFD0Directory.class);
        if (ifd0 == null) ifd0 = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
        // the Exif IFD: a RAW's SubIFDs (its preview and sensor images, before the Exif IFD in tag order) and the Exif
        // of an embedded JPEG preview come as Exif SubIFDs too; the last one of the file's own IFD0 with a capture
        // time is its Exif IFD, else the first one
        ExifSubIFDDirectory sub = null;
        boolean dated = false;
        for (ExifSubIFDDirectory d : m.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            if (sub == null) sub = d;
            if ((ifd0 == null || d.getParent() == ifd0) && d.containsTag(ExifDirectoryBase.TAG_DATETIME_ORIGINAL)) {
                sub = d;
                dated = true;
            }
        }
        if (!dated && sub != null && sub.getParent() != ifd0) {
            for (ExifSubIFDDirectory d : m.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
                if (d.getParent() == ifd0) {
                    sub = d;
                    break;
                }
            }
        }
        if (ifd0 != null) {
            r.make = trim(ifd0.getString(ExifDirectoryBase.TAG_MAKE));
            r.model = trim(ifd0.getString(ExifDirectoryBase.TAG_MODEL));
            Integer o = ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
            if (o != null) r.orientation = o;
            String software = trim(ifd0.getString(ExifDirectoryBase.TAG_SOFTWARE));
            if (software != null) r.extra.put("software", software);
        }
        if (sub != null) {
            r.captured = captureTime(sub);
            String comment = sub.getDescription(ExifDirectoryBase.TAG_USER_COMMENT);
            if (comment != null && comment.trim().equalsIgnoreCase("Screenshot")) r.screenshot = true;
        }
        switch (format) {
            case JPEG -> {
                JpegDirectory j = m.getFirstDirectoryOfType(JpegDirectory.class);
                if (j != null) {
                    r.width = intOr(j, JpegDirectory.TAG_IMAGE_WIDTH);
                    r.height = intOr(j, JpegDirectory.TAG_IMAGE_HEIGHT);
                }
            }
            case HEIC -> {
                // an iPhone HEIC is a grid of 512x512 tiles: HEIF's own image properties describe a tile, EXIF the
                // whole picture
                if (sub != null && sub.containsTag(ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH)) {
                    r.width = intOr(sub, ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH);
                    r.height = intOr(sub, ExifDirectoryBase.TAG_EXIF_IMAGE_HEIGHT);
                } else {
                    for (HeifDirectory h : m.getDirectoriesOfType(HeifDirectory.class)) {
                        int w = intOr(h, HeifDirectory.TAG_IMAGE_WIDTH), hh = intOr(h, HeifDirectory.TAG_IMAGE_HEIGHT);
                        if ((long) w * hh > (long) r.width * r.height) {
                            r.width = w;
                            r.height = hh;
                        }
                    }
                }
            }
            case RAW -> {
                // a camera RAW's IFD0 describes its small preview, not the picture: only the Exif image size counts
                if (sub != null && sub.containsTag(ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH)) {
                    r.width = intOr(sub, ExifDirectoryBase.TAG_EXIF_IMAGE_WIDTH);
                    r.height = intOr(sub, ExifDirectoryBase.TAG_EXIF_IMAGE_HEIGHT);
                }
            }
            case PNG -> {
                PngDirectory p = m.getFirstDirectoryOfType(PngDirectory.class);
                if (p != null) {
                    r.width = intOr(p, PngDirectory.TAG_IMAGE_WIDTH);
                    r.height = intOr(p, PngDirectory.TAG_IMAGE_HEIGHT);
                }
                // iOS saves screenshots as PNG without a camera; a PNG with a camera make is a photo
                if (r.make == null) r.screenshot = true;
            }
            default -> {
                if (ifd0 != null) {
                    r.width = intOr(ifd0, ExifDirectoryBase.TAG_IMAGE_WIDTH);
                    r.height = intOr(ifd0, ExifDirectoryBase.TAG_IMAGE_HEIGHT);
                }
                if (r.width == 0) dimensionsByName(m, r);
            }
        }
        GpsDirectory gps = m.getFirstDirectoryOfType(GpsDirectory.class);
        if (gps != null) {
            GeoLocation g = gps.getGeoLocation();
            if (g != null && !g.isZero()) {
                r.latitude = g.getLatitude();
                r.longitude = g.getLongitude();
            }
        }
        AppleMakernoteDirectory apple = m.getFirstDirectoryOfType(AppleMakernoteDirectory.class);
        if (apple != null) {
            r.contentIdentifier = trim(apple.getString(AppleMakernoteDirectory.TAG_CONTENT_IDENTIFIER));
            r.imageUniqueId = trim(apple.getString(AppleMakernoteDirectory.TAG_IMAGE_UNIQUE_ID));
            r.burstId = trim(apple.getString(AppleMakernoteDirectory.TAG_BURST_UUID));
        }
    }

    /** GIF, WebP and other formats metadata-extractor reads generically: their width/height tags by name. */
    private static void dimensionsByName(Metadata m, Result r) {
        for (Directory d : m.getDirectories()) {
            Integer w = null, h = null;
            for (var t : d.getTags()) {
                String n = t.getTagName();
                if (n.equals("Image Width")) w = d.getInteger(t.getTagType());
                if (n.equals("Image Height")) h = d.getInteger(t.getTagType());
            }
            if (w != null && h != null) {
                r.width = w;
                r.height = h;
                return;
            }
        }
    }

    private static void video(Metadata m, Result r) {
        // a movie may hold several 'meta' atoms (movie and track level), some of them empty
        for (QuickTimeMetadataDirectory keys : m.getDirectoriesOfType(QuickTimeMetadataDirectory.class)) {
            if (r.contentIdentifier == null) {
                r.contentIdentifier = trim(keys.getString(QuickTimeMetadataDirectory.TAG_CONTENT_IDENTIFIER));
            }
            if (r.make == null) r.make = trim(keys.getString(QuickTimeMetadataDirectory.TAG_MAKE));
            if (r.model == null) r.model = trim(keys.getString(QuickTimeMetadataDirectory.TAG_MODEL));
            if (r.captured == null) {
                r.captured = quickTimeDate(keys.getString(QuickTimeMetadataDirectory.TAG_CREATION_DATE));
            }
            double[] loc = iso6709(keys.getString(QuickTimeMetadataDirectory.TAG_LOCATION_ISO6709));
            if (loc != null && r.latitude == null) {
                r.latitude = loc[0];
                r.longitude = loc[1];
            }
            String software = trim(keys.getString(0x0510)); // com.apple.quicktime.software
            if (software != null) r.extra.putIfAbsent("software", software);
        }
        QuickTimeDirectory qt = m.getFirstDirectoryOfType(QuickTimeDirectory.class);
        Mp4Directory mp4 = m.getFirstDirectoryOfType(Mp4Directory.class);
        if (r.captured == null) {
            // the movie header's creation time is UTC by definition
            Date d = qt != null ? qt.getDate(QuickTimeDirectory.TAG_CREATION_TIME)
                    : mp4 != null ? mp4.getDate(Mp4Directory.TAG_CREATION_TIME) : null;
            if (d != null && d.getTime() > 0) {
                r.captured = new CaptureTime(LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC), ZoneOffset.UTC);
            }
        }
        if (qt != null && qt.containsTag(QuickTimeDirectory.TAG_ROTATION)) {
            r.extra.put("rotation", qt.getString(QuickTimeDirectory.TAG_ROTATION));
        }
        for (QuickTimeVideoDirectory v : m.getDirectoriesOfType(QuickTimeVideoDirectory.class)) {
            int w = intOr(v, QuickTimeVideoDirectory.TAG_WIDTH), h = intOr(v, QuickTimeVideoDirectory.TAG_HEIGHT);
            if ((long) w * h > (long) r.width * r.height) {
                r.width = w;
                r.height = h;
                String codec = trim(v.getString(QuickTimeVideoDirectory.TAG_COMPRESSOR_NAME));
                if (codec != null) r.extra.put("codec", codec);
            }
        }
        for (Mp4VideoDirectory v : m.getDirectoriesOfType(Mp4VideoDirectory.class)) {
            int w = intOr(v, Mp4VideoDirectory.TAG_WIDTH), h = intOr(v, Mp4VideoDirectory.TAG_HEIGHT);
            if ((long) w * h > (long) r.width * r.height) {
                r.width = w;
                r.height = h;
            }
        }
    }

    /** DateTimeOriginal with SubSecTimeOriginal and OffsetTimeOriginal (falling back to the digitized time). */
    static CaptureTime captureTime(ExifSubIFDDirectory sub) {
        String when = sub.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
        String subsec = sub.getString(ExifDirectoryBase.TAG_SUBSECOND_TIME_ORIGINAL);
        String offset = sub.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
        if (when == null) {
            when = sub.getString(ExifDirectoryBase.TAG_DATETIME_DIGITIZED);
            subsec = sub.getString(ExifDirectoryBase.TAG_SUBSECOND_TIME_DIGITIZED);
            offset = sub.getString(ExifDirectoryBase.TAG_TIME_ZONE_DIGITIZED);
        }
        if (offset == null) offset = sub.getString(ExifDirectoryBase.TAG_TIME_ZONE);
        LocalDateTime local = exifDate(when);
        if (local == null) return null;
        local = local.withNano(subSeconds(subsec));
        return new CaptureTime(local, offset(offset));
    }

    /** "2019:06:09 12:57:32" (EXIF's own layout); null for blanks and the all-zero placeholder. */
    static LocalDateTime exifDate(String s) {
        if (s == null) return null;
        s = s.trim();
        if (s.length() < 19) return null;
        try {
            int y = Integer.parseInt(s, 0, 4, 10), mo = Integer.parseInt(s, 5, 7, 10),
                    d = Integer.parseInt(s, 8, 10, 10), h = Integer.parseInt(s, 11, 13, 10),
                    mi = Integer.parseInt(s, 14, 16, 10), se = Integer.parseInt(s, 17, 19, 10);
            if (y == 0) return null;
            return LocalDateTime.of(y, mo, d, h, mi, se);
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** "835" -> 835 ms, "023" -> 23 ms, "6" -> 600 ms: the digits are a decimal fraction. */
    static int subSeconds(String s) {
        if (s == null) return 0;
        s = s.trim();
        int nanos = 0, scale = 100_000_000;
        for (int i = 0; i < s.length() && scale > 0; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return 0;
            nanos += (c - '0') * scale;
            scale /= 10;
        }
        return nanos;
    }

    static ZoneOffset offset(String s) {
        if (s == null) return null;
        s = s.trim();
        if (s.isEmpty()) return null;
        try {
            return ZoneOffset.of(s.equals("Z") ? "Z" : s);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** com.apple.quicktime.creationdate: "2021-04-10T11:43:59+0100" (offset with or without a colon). */
    static CaptureTime quickTimeDate(String s) {
        if (s == null) return null;
        s = s.trim();
        if (s.length() < 19) return null;
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
                    Integer.parseInt(s, 8, 10, 10), Integer.parseInt(s, 11, 13, 10), Integer.parseInt(s, 14, 16, 10),
                    Integer.parseInt(s, 17, 19, 10));
            int i = 19;
            if (i < s.length() && s.charAt(i) == '.') {
                int j = i + 1;
                while (j < s.length() && Character.isDigit(s.charAt(j))) j++;
                local = local.withNano(subSeconds(s.substring(i + 1, j)));
                i = j;
            }
            ZoneOffset off = null;
            if (i < s.length()) {
                String o = s.substring(i);
                if (o.length() == 5 && (o.charAt(0) == '+' || o.charAt(0) == '-')) {
                    o = o.substring(0, 3) + ":" + o.substring(3);
                }
                off = offset(o);
            }
            return new CaptureTime(local, off);
        } catch (NumberFormatException | DateTimeException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    /** ISO 6709 "+52.2097-000.8955+103.640/": latitude and longitude in decimal degrees. */
    static double[] iso6709(String s) {
        if (s == null) return null;
        s = s.trim();
        int second = -1;
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                second = i;
                break;
            }
        }
        if (second < 0 || (s.charAt(0) != '+' && s.charAt(0) != '-')) return null;
        int third = s.length();
        for (int i = second + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '-' || c == '/') {
                third = i;
                break;
            }
        }
        try {
            double lat = Double.parseDouble(s.substring(0, second));
            double lon = Double.parseDouble(s.substring(second, third));
            if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
            return new double[] {lat, lon};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int intOr(Directory d, int tag) {
        Integer i = d.getInteger(tag);
        return i == null ? 0 : i;
    }

    private static String trim(String s) {
        if (s == null) return null;
        // EXIF strings are NUL-padded
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == 0 || Character.isWhitespace(s.charAt(end - 1)))) end--;
        s = s.substring(0, end).trim();
        return s.isEmpty() ? null : s;
    }

    static String describe(Throwable e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "the file disappeared during the scan";
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }

    /** What has been read so far about one file. */
    private static final class Result {
        final int source;
        final String path;
        long size;
        final long modified;
        final ResourceRole role;
        MediaFormat format = MediaFormat.UNKNOWN;
        CaptureTime captured;
        String make, model, contentIdentifier, imageUniqueId, burstId, fingerprint, payloadKey;
        int width, height, orientation;
        Double latitude, longitude;
        boolean screenshot;
        final Map<String, String> extra = new LinkedHashMap<>();

        Result(int source, String path, long size, long modified, ResourceRole role) {
            this.source = source;
            this.path = path;
            this.size = size;
            this.modified = modified;
            this.role = role;
        }

        String name() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? path : path.substring(slash + 1);
        }

        MediaFile readable() {
            return build(null);
        }

        MediaFile unreadable(String reason) {
            return build(reason);
        }

        private MediaFile build(String reason) {
            return new MediaFile(source, path, format, role, Math.max(size, 0), modified, captured, make, model, width,
                    height, orientation, latitude, longitude,
                    contentIdentifier == null ? null : contentIdentifier.toUpperCase(Locale.ROOT), imageUniqueId,
                    burstId, fingerprint, reason == null ? payloadKey : null, screenshot, reason, extra);
        }
    }
}
