package org.photoparity.sources;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.spi.ISource;
import org.photoparity.core.spi.MediaReader;
import org.photoparity.core.spi.ScanContext;

/**
 * A zip archive (an iCloud.com download, or any folder layout zipped), read in place with {@link ZipFile}: nothing
 * is extracted, so an entry named ../x can never be written anywhere; such entries are reported and not read.
 * Reading is bounded against zip bombs: an entry may not inflate beyond the size its header declares, and an entry
 * that claims to shrink more than {@value #MAX_RATIO}:1 is refused (photos and videos barely compress).
 */
public final class ZipSource implements ISource {

    /** Compression ratio beyond which an entry is refused. JPEG, HEIC and MOV compress less than 1.2:1. */
    public static final long MAX_RATIO = 100;
    /** Entries up to this size are never refused for their ratio (an AAE plist compresses well). */
    private static final long RATIO_EXEMPT = 1 << 20;

    @Override
    public int recognize(Path path) {
        if (!Files.isRegularFile(path)) return 0;
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) return 50;
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(path)) {
            int n = in.readNBytes(head, 0, 4);
            if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) return 40;
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    @Override
    public void scan(Path path, ScanContext context) throws IOException {
        ZipFile zip = open(path);
        try (zip; ParallelReads reads = ParallelReads.open(context)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) continue;
                String name = e.getName();
                String unsafe = unsafeName(name);
                if (unsafe != null) {
                    context.unreadable(name, unsafe);
                    continue;
                }
                String why = FileNames.ignoreReason(name);
                if (why != null) {
                    context.ignored(name, why);
                    continue;
                }
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    context.ignored(name, "a zip inside the zip: PhotoParity does not extract it; unzip the outer "
                            + "archive to a folder of your choice and scan that zip on its own");
                    continue;
                }
                long size = e.getSize();
                long packed = e.getCompressedSize();
                if (size > RATIO_EXEMPT && packed > 0 && size / packed > MAX_RATIO) {
                    context.unreadable(name, "refused as a possible zip bomb: it declares " + size
                            + " bytes packed into " + packed + " (more than " + MAX_RATIO + ":1)");
                    continue;
                }
                long modified = e.getLastModifiedTime() == null ? 0 : e.getLastModifiedTime().toMillis();
                reads.submit(() -> readOne(zip, e, size, modified, context));
            }
        }
    }

    private static void readOne(ZipFile zip, ZipEntry e, long size, long modified, ScanContext context) {
        String name = e.getName();
        String base = FileNames.baseName(name);
        MediaReader.Content content = () -> new Bounded(zip.getInputStream(e), size, name);
        if (MediaFormat.fromFileName(base) == MediaFormat.UNKNOWN) {
            String not = FolderSource.notMedia(base, content, size);
            if (not != null) {
                if (not.startsWith("cannot")) context.unreadable(name, not);
                else context.ignored(name, not);
                return;
            }
        }
        context.file(context.reader().read(context.sourceIndex(), name, size, modified, FileNames.roleOf(base),
                content, !context.metadataOnly()));
    }

    /** Opens the archive; names are UTF-8, or IBM437 (the zip default) when they are not valid UTF-8. */
    static ZipFile open(Path path) throws IOException {
        ZipException first;
        try {
            return new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            first = e;
        }
        try {
            return new ZipFile(path.toFile(), Charset.forName("IBM437"));
        } catch (ZipException e) {
            throw new IOException(path + " is not a readable zip archive (" + first.getMessage()
                    + "). It may be incomplete or damaged: download it again, or check it with 'unzip -t'.", e);
        }
    }

    /** Why an entry name is unsafe (it would land outside the archive's folder if extracted), or null. */
    static String unsafeName(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':')) {
            return "unsafe entry name: an absolute path; not read, and nothing is ever extracted";
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return "unsafe entry name: it climbs out of the archive with ../; not read, and nothing is ever "
                        + "extracted";
            }
        }
        return null;
    }

    /** An entry stream that refuses to deliver more than the entry declared. */
    static final class Bounded extends FilterInputStream {
        private final long declared;
        private final String name;
        private long left;

        Bounded(InputStream in, long declared, String name) {
            super(in);
            this.declared = declared;
            this.left = declared < 0 ? Long.MAX_VALUE : declared;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] b = new byte[1];
            return read(b, 0, 1) < 0 ? -1 : b[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (left == 0) {
                if (in.read() >= 0) throw overflow();
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long done = in.skip(Math.min(n, left));
            if (done > 0) left -= done;
            return done;
        }

        private IOException overflow() {
            return new IOException(name + " inflates beyond the " + declared
                    + " bytes its header declares: reading stopped (possible zip bomb)");
        }
    }
}
