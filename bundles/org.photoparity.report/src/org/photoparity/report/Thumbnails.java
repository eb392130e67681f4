package org.photoparity.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideRole;

/**
 * Small previews for the HTML report: JPEG and PNG files are decoded with ImageIO, turned upright, scaled down and
 * embedded as data: URIs; every other case gets a placeholder that says why there is no picture. The number of
 * previews is capped so a report with thousands of mismatches stays a reasonable size.
 */
final class Thumbnails implements AutoCloseable {

    sealed interface Thumb permits Picture, Placeholder {
    }

    record Picture(String dataUri, int width, int height) implements Thumb {
    }

    record Placeholder(String text) implements Thumb {
    }

    private final ReportOptions options;
    private final SourceFiles device;
    private final SourceFiles cloud;
    private int made;

    Thumbnails(ReconcileResult result, ReportOptions options) {
        this.options = options;
        this.device = new SourceFiles(result.device().sources());
        this.cloud = new SourceFiles(result.cloud().sources());
    }

    int made() {
        return made;
    }

    /** A preview of {@code f}, one of the asset's files (its primary when null). */
    Thumb of(SideRole side, Asset asset, MediaFile file) {
        if (asset == null) return new Placeholder("no asset");
        MediaFile f = file != null ? file : asset.primary();
        if (f == null) return new Placeholder("listed only: no file was scanned for it");
        if (!options.thumbnails()) return new Placeholder("thumbnails switched off");
        switch (f.format()) {
            case JPEG, PNG -> {
                // decodable below
            }
            case HEIC -> {
                return new Placeholder("HEIC: Java has no HEIC decoder; open it on the iPhone or a Mac");
            }
            case MOV, MP4, M4V -> {
                return new Placeholder("video: no preview in the report");
            }
            default -> {
                return new Placeholder(f.format() + ": no preview for this format");
            }
        }
        if (made >= options.maxThumbnails()) {
            return new Placeholder("preview limit (" + options.maxThumbnails() + ") reached");
        }
        if (f.size() > options.maxThumbnailSourceBytes()) return new Placeholder("file too large to preview");
        SourceFiles files = side == SideRole.DEVICE ? device : cloud;
        SourceFiles.Opened opened = files.open(f);
        if (opened instanceof SourceFiles.NotFound nf) return new Placeholder("no preview: " + nf.why());
        SourceFiles.Found found = (SourceFiles.Found) opened;
        try (InputStream in = found.stream()) {
            BufferedImage img = ImageIO.read(in);
            if (img == null) return new Placeholder("no preview: ImageIO cannot decode this file");
            img = upright(img, f.orientation());
            BufferedImage small = scale(img, options.thumbnailSize());
            String uri = "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg(small));
            made++;
            return new Picture(uri, small.getWidth(), small.getHeight());
        } catch (IOException | RuntimeException e) {
            return new Placeholder("no preview: " + e.getMessage());
        }
    }

    private static BufferedImage upright(BufferedImage img, int orientation) {
        int w = img.getWidth();
        int h = img.getHeight();
        AffineTransform t;
        int nw = w;
        int nh = h;
        switch (orientation) {
            case 3 -> t = new AffineTransform(-1, 0, 0, -1, w, h);
            case 6 -> {
                t = new AffineTransform(0, 1, -1, 0, h, 0);
                nw = h;
                nh = w;
            }
            case 8 -> {
                t = new AffineTransform(0, -1, 1, 0, 0, w);
                nw = h;
                nh = w;
            }
            default -> {
                return img;
            }
        }
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    private static BufferedImage scale(BufferedImage img, int box) {
        double f = Math.min(1.0, (double) box / Math.max(img.getWidth(), img.getHeight()));
        int w = Math.max(1, (int) Math.round(img.getWidth() * f));
        int h = Math.max(1, (int) Math.round(img.getHeight() * f));
        // Halve step by step first: one bilinear jump from 4000 px to 160 px aliases badly.
        BufferedImage cur = img;
        while (cur.getWidth() / 2 >= w && cur.getHeight() / 2 >= h) {
            cur = draw(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        }
        return draw(cur, w, h);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static byte[] jpeg(BufferedImage img) throws IOException {
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) throw new IOException("no JPEG writer in this Java runtime");
        ImageWriter w = it.next();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(bos)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.8f);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return bos.toByteArray();
    }

    @Override
    public void close() {
        device.close();
        cloud.close();
    }
}
