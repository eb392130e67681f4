package org.photoparity.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Writes a large synthetic library for benchmarks: small JPEGs with unique EXIF and Apple identifiers, and every
 * n-th asset a Live Photo (JPEG + MOV sharing a content identifier). The same seed gives the same assets with the
 * same bytes in either layout, so a device tree and a cloud tree written with one seed are identical asset by
 * asset.
 */
public final class BulkLibrary {

    /** Where files go. */
    public enum Layout {
        /** DCIM/100APPLE/IMG_0001.JPG, a new folder every 1000 assets (as an iPhone does). */
        DCIM,
        /** {yyyy}/{mm}/{dd}/IMG_0001.JPG by capture date (icloudpd's default), Live videos as IMG_0001_HEVC.MOV. */
        ICLOUDPD
    }

    /**
     * @param layout          folder layout
     * @param width           JPEG width in pixels
     * @param height          JPEG height in pixels
     * @param livePhotoEvery  every n-th asset is a Live Photo (0: none)
     * @param start           capture time of the first asset; each next one is about 7 minutes later
     * @param offset          UTC offset written into the files
     */
    public record Options(Layout layout, int width, int height, int livePhotoEvery, LocalDateTime start,
            ZoneOffset offset) {

        public static Options defaults() {
            return new Options(Layout.DCIM, 160, 120, 10, LocalDateTime.of(2023, 1, 1, 9, 0), ZoneOffset.ofHours(1));
        }

        public Options withLayout(Layout l) {
            return new Options(l, width, height, livePhotoEvery, start, offset);
        }

        public Options withSize(int w, int h) {
            return new Options(layout, w, h, livePhotoEvery, start, offset);
        }

        public Options withLivePhotoEvery(int n) {
            return new Options(layout, width, height, n, start, offset);
        }
    }

    /** What was written. */
    public record Summary(int assets, int livePhotos, int files, long bytes) {
    }

    private BulkLibrary() {
    }

    public static Summary write(Path root, int assets, long seed) throws IOException {
        return write(root, assets, seed, Options.defaults(), null);
    }

    /**
     * Writes {@code assets} assets under {@code root}, which must be missing or empty (a generator never mixes its
     * files into someone's folder).
     *
     * @throws IOException when root is not empty or a file cannot be written (the message names it)
     */
    public static Summary write(Path root, int assets, long seed, Options options, IProgressMonitor monitor)
            throws IOException {
        if (assets < 0) throw new IllegalArgumentException("assets must be >= 0, got " + assets);
        if (Files.exists(root)) {
            if (!Files.isDirectory(root)) throw new IOException(root + " is a file; give a new or empty folder");
            try (Stream<Path> s = Files.list(root)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(root + " is not empty; give a new or empty folder for the generated library");
                }
            }
        }
        Files.createDirectories(root);
        SubMonitor sub = SubMonitor.convert(monitor, "Writing " + assets + " synthetic assets", assets);
        int files = 0;
        int live = 0;
        long bytes = 0;
        // Encoding dominates: encode a batch on all cores, then write it in order from this thread (which alone
        // touches the monitor).
        final int batch = 64;
        for (int from = 0; from < assets; from += batch) {
            if (sub.isCanceled()) throw new OperationCanceledException();
            int to = Math.min(assets, from + batch);
            List<Encoded> encoded = IntStream.range(from, to).parallel().mapToObj(i -> encode(asset(i, seed, options)))
                    .toList();
            for (Encoded e : encoded) {
                Asset a = e.asset();
                Path dir = root.resolve(a.folder());
                Files.createDirectories(dir);
                bytes += write(dir.resolve(a.stem() + ".JPG"), e.jpeg(), a.spec());
                files++;
                if (e.mov() != null) {
                    String movName = options.layout() == Layout.ICLOUDPD ? a.stem() + "_HEVC.MOV" : a.stem() + ".MOV";
                    bytes += write(dir.resolve(movName), e.mov(), a.spec());
                    files++;
                    live++;
                }
            }
            sub.worked(to - from);
        }
        return new Summary(assets, live, files, bytes);
    }

    private record Encoded(Asset asset, byte[] jpeg, byte[] mov) {
    }

    private static Encoded encode(Asset a) {
        byte[] mov = a.live() ? SyntheticMedia.mov(a.spec().toBuilder().durationMillis(2500).build()) : null;
        return new Encoded(a, SyntheticMedia.jpeg(a.spec()), mov);
    }

    private static long write(Path p, byte[] data, MediaSpec spec) throws IOException {
        Files.write(p, data);
        Files.setLastModifiedTime(p, FileTime.from(spec.captured().toInstant(spec.offset())));
        return data.length;
    }

    /** The i-th asset of a library: its folder, file stem and spec. */
    record Asset(String folder, String stem, MediaSpec spec, boolean live) {
    }

    static Asset asset(int i, long seed, Options o) {
        Random r = new Random(seed * 1_000_003L + i);
        LocalDateTime t = o.start().plusMinutes(7L * i).plusSeconds(r.nextInt(300))
                .withNano((r.nextInt(1000)) * 1_000_000);
        boolean live = o.livePhotoEvery() > 0 && i % o.livePhotoEvery() == 0;
        String stem = String.format(Locale.ROOT, "IMG_%04d", (i % 9999) + 1);
        String folder = switch (o.layout()) {
            case DCIM -> String.format(Locale.ROOT, "DCIM/%03dAPPLE", 100 + i / 1000);
            case ICLOUDPD -> String.format(Locale.ROOT, "%04d/%02d/%02d", t.getYear(), t.getMonthValue(),
                    t.getDayOfMonth());
        };
        MediaSpec spec = MediaSpec.builder()
                .size(o.width(), o.height())
                .captured(t)
                .offset(o.offset())
                .seed(seed * 7919 + i)
                .imageUniqueId(hex(r, 32))
                .contentId(live ? new UUID(r.nextLong(), r.nextLong()).toString().toUpperCase(Locale.ROOT) : null)
                .gps(47.0 + r.nextDouble() * 2, 7.0 + r.nextDouble() * 3)
                .build();
        return new Asset(folder, stem, spec, live);
    }

    private static String hex(Random r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) b.append("0123456789ABCDEF".charAt(r.nextInt(16)));
        return b.toString();
    }
}
