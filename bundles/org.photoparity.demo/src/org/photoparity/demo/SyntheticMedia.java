package org.photoparity.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes small but structurally real iPhone-like media files in pure Java: JPEG with an EXIF APP1 segment (IFD0,
 * Exif SubIFD, GPS IFD and an Apple MakerNote carrying the Live Photo content identifier, image unique id and
 * burst UUID), PNG with an eXIf chunk, a QuickTime MOV with an Apple {@code mdta} metadata block, an MP4 standing
 * for an H.264 conversion, and an AAE adjustment sidecar. Every output is a pure function of its spec, so the same
 * spec gives the same bytes.
 *
 * <p>The videos carry no decodable frames: the {@code mdat} holds seeded filler bytes of plausible size. They are
 * complete containers (ftyp, mdat, moov with mvhd, one video trak with tkhd/mdhd/hdlr/vmhd/stsd/stts/stsc/stsz/stco,
 * and the metadata block), which is what the scanners read.
 */
public final class SyntheticMedia {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter QT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ", Locale.ROOT);
    /** Seconds from 1904-01-01 (QuickTime's epoch) to 1970-01-01. */
    private static final long QT_EPOCH_OFFSET = 2082844800L;

    private SyntheticMedia() {
    }

    // ---------------------------------------------------------------- pixels

    /**
     * The picture a spec describes: a seeded scene drawn in coordinates relative to the frame, so the same seed at
     * 4032x3024 and at 1024x768 shows the same picture (what a reduced copy looks like).
     */
    public static BufferedImage render(MediaSpec spec) {
        return render(spec.seed(), spec.width(), spec.height());
    }

    public static BufferedImage render(long seed, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            Random r = new Random(seed * 0x9E3779B97F4A7C15L + 17);
            Color sky = Color.getHSBColor(r.nextFloat(), 0.35f + 0.4f * r.nextFloat(), 0.75f + 0.25f * r.nextFloat());
            Color ground = Color.getHSBColor(r.nextFloat(), 0.4f + 0.5f * r.nextFloat(), 0.3f + 0.4f * r.nextFloat());
            float horizon = 0.45f + 0.3f * r.nextFloat();
            g.setPaint(new GradientPaint(0, 0, sky.brighter(), 0, height * horizon, sky));
            g.fill(new Rectangle2D.Double(0, 0, width, height * horizon));
            g.setPaint(new GradientPaint(0, height * horizon, ground, 0, height, ground.darker()));
            g.fill(new Rectangle2D.Double(0, height * horizon, width, height * (1 - horizon)));
            int shapes = 3 + r.nextInt(5);
            for (int i = 0; i < shapes; i++) {
                g.setColor(Color.getHSBColor(r.nextFloat(), 0.5f + 0.5f * r.nextFloat(), 0.4f + 0.6f * r.nextFloat()));
                double cx = r.nextDouble() * width;
                double cy = r.nextDouble() * height;
                double w = (0.08 + 0.3 * r.nextDouble()) * width;
                double h = (0.08 + 0.3 * r.nextDouble()) * height;
                switch (r.nextInt(3)) {
                    case 0 -> g.fill(new Ellipse2D.Double(cx - w / 2, cy - h / 2, w, h));
                    case 1 -> g.fill(new Rectangle2D.Double(cx - w / 2, cy - h / 2, w, h));
                    default -> {
                        Path2D.Double p = new Path2D.Double();
                        p.moveTo(cx, cy - h / 2);
                        p.lineTo(cx + w / 2, cy + h / 2);
                        p.lineTo(cx - w / 2, cy + h / 2);
                        p.closePath();
                        g.fill(p);
                    }
                }
            }
            g.setColor(new Color(255, 255, 255, 160));
            g.setStroke(new BasicStroke(Math.max(1f, width / 200f)));
            double sunX = r.nextDouble() * width;
            double sunR = (0.04 + 0.05 * r.nextDouble()) * Math.min(width, height);
            g.draw(new Ellipse2D.Double(sunX - sunR, height * horizon * 0.3 - sunR, 2 * sunR, 2 * sunR));
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * A visible edit of a picture, as Photos' filters and crops would make: warmer colours and a slight vignette,
     * same size. Used for edited renders (IMG_E1234.JPG) and "same name, same size, other pixels" cases.
     */
    public static BufferedImage edit(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double cx = w / 2.0;
        double cy = h / 2.0;
        double maxD = Math.hypot(cx, cy);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = source.getRGB(x, y);
                double v = 1.0 - 0.45 * Math.pow(Math.hypot(x - cx, y - cy) / maxD, 2);
                int r = clamp((int) ((((rgb >> 16) & 0xFF) * 1.15 + 12) * v));
                int g = clamp((int) ((((rgb >> 8) & 0xFF) * 1.02) * v));
                int b = clamp((int) (((rgb & 0xFF) * 0.8) * v));
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    // ---------------------------------------------------------------- EXIF

    /** The EXIF TIFF structure ("MM", IFD0, Exif SubIFD, GPS IFD, Apple MakerNote) for a spec. */
    public static byte[] exifTiff(MediaSpec spec) {
        Tiff.Ifd ifd0 = new Tiff.Ifd()
                .ascii(0x010F, spec.make())
                .ascii(0x0110, spec.model())
                .shortValue(0x0112, spec.orientation())
                .rationals(0x011A, 72, 1)
                .rationals(0x011B, 72, 1)
                .shortValue(0x0128, 2)
                .ascii(0x0131, spec.software())
                .ascii(0x0132, EXIF_TIME.format(spec.captured()))
                .longValue(0x8769, 0);
        Tiff.Ifd exif = new Tiff.Ifd()
                .undefined(0x9000, "0232".getBytes(StandardCharsets.US_ASCII))
                .ascii(0x9003, EXIF_TIME.format(spec.captured()))
                .ascii(0x9004, EXIF_TIME.format(spec.captured()))
                .shortValue(0xA001, 0xFFFF)
                .longValue(0xA002, spec.width())
                .longValue(0xA003, spec.height());
        if (spec.offset() != null) {
            String off = spec.offset().getTotalSeconds() == 0 ? "+00:00" : spec.offset().getId();
            exif.ascii(0x9010, off).ascii(0x9011, off).ascii(0x9012, off);
        }
        if (spec.captured().getNano() != 0) {
            String sub = String.format(Locale.ROOT, "%03d", spec.captured().getNano() / 1_000_000);
            exif.ascii(0x9291, sub).ascii(0x9292, sub);
        }
        if (spec.screenshot()) {
            byte[] text = "Screenshot".getBytes(StandardCharsets.US_ASCII);
            byte[] uc = new byte[8 + text.length];
            System.arraycopy("ASCII\0\0\0".getBytes(StandardCharsets.US_ASCII), 0, uc, 0, 8);
            System.arraycopy(text, 0, uc, 8, text.length);
            exif.undefined(0x9286, uc);
        }
        byte[] makerNote = appleMakerNote(spec);
        if (makerNote != null) exif.undefined(0x927C, makerNote);

        Tiff.Ifd gps = null;
        if (spec.latitude() != null) {
            gps = new Tiff.Ifd()
                    .bytes(0x0000, (byte) 2, (byte) 2, (byte) 0, (byte) 0)
                    .ascii(0x0001, spec.latitude() >= 0 ? "N" : "S")
                    .rationals(0x0002, dms(Math.abs(spec.latitude())))
                    .ascii(0x0003, spec.longitude() >= 0 ? "E" : "W")
                    .rationals(0x0004, dms(Math.abs(spec.longitude())))
                    .bytes(0x0005, (byte) 0)
                    .rationals(0x0006, 3500, 100);
            ifd0.longValue(0x8825, 0);
        }
        // Sizes do not depend on the pointer values, so lay out first and fill the pointers in after.
        int ifd0At = 8;
        int exifAt = ifd0At + ifd0.size();
        int gpsAt = exifAt + exif.size();
        ifd0.longValue(0x8769, exifAt);
        if (gps != null) ifd0.longValue(0x8825, gpsAt);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] { 'M', 'M', 0, 42, 0, 0, 0, 8 });
        out.writeBytes(ifd0.write(ifd0At, 0));
        out.writeBytes(exif.write(exifAt, 0));
        if (gps != null) out.writeBytes(gps.write(gpsAt, 0));
        return out.toByteArray();
    }

    /** Degrees as three rationals: degrees/1, minutes/1, seconds/100. */
    private static long[] dms(double deg) {
        long d = (long) deg;
        double minF = (deg - d) * 60;
        long m = (long) minF;
        long sHundredths = Math.round((minF - m) * 60 * 100);
        if (sHundredths >= 6000) {
            sHundredths -= 6000;
            m++;
        }
        if (m >= 60) {
            m -= 60;
            d++;
        }
        return new long[] { d, 1, m, 1, sHundredths, 100 };
    }

    /**
     * Apple's MakerNote: "Apple iOS\0", version 0x0001, "MM", then an IFD whose value offsets count from the start
     * of the MakerNote (the layout metadata-extractor's ExifTiffHandler reads: IFD at +14, base = MakerNote start).
     * Null when the spec carries no Apple identifiers.
     */
    static byte[] appleMakerNote(MediaSpec spec) {
        if (spec.contentId() == null && spec.imageUniqueId() == null && spec.burstId() == null) return null;
        Tiff.Ifd ifd = new Tiff.Ifd()
                .slongValue(0x0001, 14)
                .ascii(0x000B, spec.burstId())
                .ascii(0x0011, spec.contentId())
                .ascii(0x0015, spec.imageUniqueId());
        byte[] header = "Apple iOS\0\0\u0001MM".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        out.writeBytes(ifd.write(header.length, 0));
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- JPEG / PNG

    /** A JPEG of the spec's picture with its EXIF. */
    public static byte[] jpeg(MediaSpec spec) {
        return jpeg(spec, render(spec));
    }

    /** A JPEG of the given pixels with the spec's EXIF (its width and height are taken from the pixels). */
    public static byte[] jpeg(MediaSpec spec, BufferedImage pixels) {
        MediaSpec s = sized(spec, pixels);
        byte[] plain = encodeJpeg(pixels, 0.88f);
        byte[] tiff = exifTiff(s);
        byte[] exifPayload = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exifPayload, 0, 6);
        System.arraycopy(tiff, 0, exifPayload, 6, tiff.length);
        if (exifPayload.length + 2 > 0xFFFF) {
            throw new IllegalStateException("EXIF block too large for one APP1 segment: " + exifPayload.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length + exifPayload.length + 4);
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exifPayload.length + 2) >> 8);
        out.write((exifPayload.length + 2) & 0xFF);
        out.writeBytes(exifPayload);
        // Copy ImageIO's segments after SOI, dropping its JFIF APP0: camera JPEGs start with APP1 Exif.
        int p = 2;
        while (p + 4 <= plain.length) {
            int marker = ((plain[p] & 0xFF) << 8) | (plain[p + 1] & 0xFF);
            if (marker == 0xFFDA) break;
            int len = ((plain[p + 2] & 0xFF) << 8) | (plain[p + 3] & 0xFF);
            if (marker != 0xFFE0) out.write(plain, p, 2 + len);
            p += 2 + len;
        }
        out.write(plain, p, plain.length - p);
        return out.toByteArray();
    }

    private static MediaSpec sized(MediaSpec spec, BufferedImage pixels) {
        if (spec.width() == pixels.getWidth() && spec.height() == pixels.getHeight()) return spec;
        return spec.toBuilder().size(pixels.getWidth(), pixels.getHeight()).build();
    }

    /** ImageIO writer lookup costs more than encoding a small picture: keep one per thread. */
    private static final ThreadLocal<ImageWriter> JPEG_WRITER = ThreadLocal.withInitial(() -> {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) throw new IllegalStateException("this Java runtime has no ImageIO JPEG writer");
        return it.next();
    });

    private static byte[] encodeJpeg(BufferedImage img, float quality) {
        ImageWriter w = JPEG_WRITER.get();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(bos)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(img, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e);
        } finally {
            w.reset();
        }
        return bos.toByteArray();
    }

    /** A PNG of the spec's picture with an eXIf chunk (screenshots, saved images). */
    public static byte[] png(MediaSpec spec) {
        return png(spec, render(spec));
    }

    public static byte[] png(MediaSpec spec, BufferedImage pixels) {
        MediaSpec s = sized(spec, pixels);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(pixels, "png", bos)) throw new IllegalStateException("no ImageIO PNG writer");
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        byte[] plain = bos.toByteArray();
        // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC): the eXIf chunk goes right after IHDR.
        int afterIhdr = 8 + 25;
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length + 512);
        out.write(plain, 0, afterIhdr);
        out.writeBytes(pngChunk("eXIf", exifTiff(s)));
        out.write(plain, afterIhdr, plain.length - afterIhdr);
        return out.toByteArray();
    }

    private static byte[] pngChunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        b.putInt(data.length).put(t).put(data).putInt((int) crc.getValue());
        return b.array();
    }

    // ---------------------------------------------------------------- QuickTime / MP4

    /** A QuickTime movie (ftyp "qt  ") as an iPhone writes a Live Photo video or a clip: HEVC track, mdta keys. */
    public static byte[] mov(MediaSpec spec) {
        return movie(spec, false);
    }

    /**
     * An MP4 (ftyp "mp42", H.264 "avc1" track) standing for a converted copy of a video. It keeps the capture time
     * and dimensions; Apple's mdta keys are kept only when the spec carries a content identifier.
     */
    public static byte[] mp4(MediaSpec spec) {
        return movie(spec, true);
    }

    private static byte[] movie(MediaSpec spec, boolean mp4) {
        Instant created = spec.captured().toInstant(spec.offset() == null ? ZoneOffset.UTC : spec.offset());
        long qtTime = created.getEpochSecond() + QT_EPOCH_OFFSET;
        int timescale = 600;
        long duration = Math.max(1, (long) spec.durationMillis() * timescale / 1000);
        int frames = (int) Math.max(1, spec.durationMillis() * 30L / 1000);

        byte[] ftyp = mp4
                ? Atoms.atom("ftyp", Atoms.concat(Atoms.fourcc("mp42"), Atoms.u32(0), Atoms.fourcc("isom"),
                        Atoms.fourcc("mp42")))
                : Atoms.atom("ftyp", Atoms.concat(Atoms.fourcc("qt  "), Atoms.u32(0), Atoms.fourcc("qt  ")));
        // Filler "frames": seeded, sized like a tiny low-bitrate stream.
        Random r = new Random(spec.seed() * 31 + (mp4 ? 7 : 3));
        int frameSize = 48 + (spec.width() * spec.height()) / 4096;
        byte[] payload = new byte[frames * frameSize];
        r.nextBytes(payload);
        byte[] mdat = Atoms.atom("mdat", payload);
        long mdatDataOffset = ftyp.length + 8L;

        byte[] mvhd = Atoms.full("mvhd", 0, 0, Atoms.concat(
                Atoms.u32(qtTime), Atoms.u32(qtTime), Atoms.u32(timescale), Atoms.u32(duration),
                Atoms.u32(0x00010000), Atoms.u16(0x0100), new byte[10], Atoms.identityMatrix(),
                Atoms.u32(0), Atoms.u32(0), Atoms.u32(0), Atoms.u32(0), Atoms.u32(0), Atoms.u32(0), Atoms.u32(2)));
        byte[] tkhd = Atoms.full("tkhd", 0, 3, Atoms.concat(
                Atoms.u32(qtTime), Atoms.u32(qtTime), Atoms.u32(1), Atoms.u32(0), Atoms.u32(duration), new byte[8],
                Atoms.u16(0), Atoms.u16(0), Atoms.u16(0), Atoms.u16(0), Atoms.identityMatrix(),
                Atoms.u32((long) spec.width() << 16), Atoms.u32((long) spec.height() << 16)));
        byte[] mdhd = Atoms.full("mdhd", 0, 0, Atoms.concat(
                Atoms.u32(qtTime), Atoms.u32(qtTime), Atoms.u32(timescale), Atoms.u32(duration),
                Atoms.u16(mp4 ? 0x55C4 : 0), Atoms.u16(0)));
        byte[] hdlr = mp4
                ? Atoms.full("hdlr", 0, 0, Atoms.concat(Atoms.u32(0), Atoms.fourcc("vide"), new byte[12],
                        "VideoHandler\0".getBytes(StandardCharsets.US_ASCII)))
                : Atoms.full("hdlr", 0, 0, Atoms.concat(Atoms.fourcc("mhlr"), Atoms.fourcc("vide"),
                        Atoms.fourcc("appl"), Atoms.u32(0), Atoms.u32(0), Atoms.pascal("Core Media Video")));
        byte[] vmhd = Atoms.full("vmhd", 0, 1, Atoms.concat(Atoms.u16(0x40), Atoms.u16(0x8000), Atoms.u16(0x8000),
                Atoms.u16(0x8000)));
        String codec = mp4 ? "avc1" : "hvc1";
        byte[] compressor = new byte[32];
        byte[] cname = (mp4 ? "H.264" : "HEVC").getBytes(StandardCharsets.US_ASCII);
        compressor[0] = (byte) cname.length;
        System.arraycopy(cname, 0, compressor, 1, cname.length);
        byte[] sampleEntry = Atoms.concat(new byte[6], Atoms.u16(1),
                Atoms.u16(0), Atoms.u16(0), mp4 ? Atoms.u32(0) : Atoms.fourcc("appl"), Atoms.u32(0), Atoms.u32(512),
                Atoms.u16(spec.width()), Atoms.u16(spec.height()), Atoms.u32(72L << 16), Atoms.u32(72L << 16),
                Atoms.u32(0), Atoms.u16(1), compressor, Atoms.u16(24), Atoms.u16(0xFFFF));
        byte[] stsd = Atoms.full("stsd", 0, 0, Atoms.concat(Atoms.u32(1), Atoms.atom(codec, sampleEntry)));
        byte[] stts = Atoms.full("stts", 0, 0, Atoms.concat(Atoms.u32(1), Atoms.u32(frames),
                Atoms.u32(Math.max(1, duration / frames))));
        byte[] stsc = Atoms.full("stsc", 0, 0, Atoms.concat(Atoms.u32(1), Atoms.u32(1), Atoms.u32(frames),
                Atoms.u32(1)));
        byte[] stsz = Atoms.full("stsz", 0, 0, Atoms.concat(Atoms.u32(frameSize), Atoms.u32(frames)));
        byte[] stco = Atoms.full("stco", 0, 0, Atoms.concat(Atoms.u32(1), Atoms.u32(mdatDataOffset)));
        byte[] stbl = Atoms.atom("stbl", Atoms.concat(stsd, stts, stsc, stsz, stco));
        byte[] dinf = Atoms.atom("dinf", Atoms.full("dref", 0, 0, Atoms.concat(Atoms.u32(1),
                Atoms.full("url ", 0, 1, new byte[0]))));
        byte[] minf = Atoms.atom("minf", Atoms.concat(vmhd, dinf, stbl));
        byte[] mdia = Atoms.atom("mdia", Atoms.concat(mdhd, hdlr, minf));
        byte[] trak = Atoms.atom("trak", Atoms.concat(tkhd, mdia));

        byte[] meta = appleMetadata(spec, mp4);
        byte[] udta = new byte[0];
        if (mp4 && spec.latitude() != null) {
            byte[] iso = iso6709(spec).getBytes(StandardCharsets.UTF_8);
            udta = Atoms.atom("udta", Atoms.atom("\u00A9xyz", Atoms.concat(Atoms.u16(iso.length), Atoms.u16(0x15C7),
                    iso)));
        }
        byte[] moov = Atoms.atom("moov", Atoms.concat(mvhd, trak, udta, meta));
        return Atoms.concat(ftyp, mdat, moov);
    }

    /** The QuickTime metadata block: meta { hdlr "mdta", keys, ilst } with Apple's keys. */
    private static byte[] appleMetadata(MediaSpec spec, boolean mp4) {
        if (mp4 && spec.contentId() == null) return new byte[0];
        java.util.LinkedHashMap<String, String> keys = new java.util.LinkedHashMap<>();
        if (spec.latitude() != null) keys.put("com.apple.quicktime.location.ISO6709", iso6709(spec));
        keys.put("com.apple.quicktime.make", spec.make());
        keys.put("com.apple.quicktime.model", spec.model());
        keys.put("com.apple.quicktime.software", spec.software());
        ZoneOffset off = spec.offset() == null ? ZoneOffset.UTC : spec.offset();
        keys.put("com.apple.quicktime.creationdate", QT_TIME.format(spec.captured().withNano(0).atOffset(off)));
        keys.put("com.apple.quicktime.content.identifier", spec.contentId());
        keys.values().removeIf(java.util.Objects::isNull);
        if (keys.isEmpty()) return new byte[0];

        ByteArrayOutputStream keyList = new ByteArrayOutputStream();
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        int index = 1;
        for (var e : keys.entrySet()) {
            byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
            keyList.writeBytes(Atoms.u32(8 + k.length));
            keyList.writeBytes(Atoms.fourcc("mdta"));
            keyList.writeBytes(k);
            byte[] data = Atoms.atom("data", Atoms.concat(Atoms.u32(1), Atoms.u32(0),
                    e.getValue().getBytes(StandardCharsets.UTF_8)));
            items.writeBytes(Atoms.atomInt(index++, data));
        }
        byte[] hdlr = Atoms.full("hdlr", 0, 0, Atoms.concat(Atoms.u32(0), Atoms.fourcc("mdta"), new byte[12],
                new byte[] { 0 }));
        byte[] keysAtom = Atoms.full("keys", 0, 0, Atoms.concat(Atoms.u32(keys.size()), keyList.toByteArray()));
        byte[] ilst = Atoms.atom("ilst", items.toByteArray());
        // QuickTime's moov/meta is a plain atom (no version/flags), unlike ISO's.
        return Atoms.atom("meta", Atoms.concat(hdlr, keysAtom, ilst));
    }

    /** ISO 6709 as Apple writes it: +DD.DDDD+DDD.DDDD+AAA.AAA/ */
    static String iso6709(MediaSpec spec) {
        return String.format(Locale.ROOT, "%+08.4f%+09.4f+035.000/", spec.latitude(), spec.longitude());
    }

    // ---------------------------------------------------------------- AAE

    /**
     * An AAE adjustment sidecar (the XML property list Photos writes next to an edited original). The adjustment
     * data is seeded filler, base64 as in real files.
     */
    public static byte[] aae(LocalDateTime editedAt, long seed) {
        byte[] blob = new byte[96];
        new Random(seed).nextBytes(blob);
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                \t<key>adjustmentBaseVersion</key>
                \t<integer>0</integer>
                \t<key>adjustmentData</key>
                \t<data>
                \t%s
                \t</data>
                \t<key>adjustmentEditorBundleID</key>
                \t<string>com.apple.mobileslideshow</string>
                \t<key>adjustmentFormatIdentifier</key>
                \t<string>com.apple.photo</string>
                \t<key>adjustmentFormatVersion</key>
                \t<string>1.6</string>
                \t<key>adjustmentTimestamp</key>
                \t<date>%sZ</date>
                </dict>
                </plist>
                """.formatted(Base64.getEncoder().encodeToString(blob), editedAt.withNano(0));
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
