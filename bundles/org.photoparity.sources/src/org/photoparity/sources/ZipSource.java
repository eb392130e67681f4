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

import org.photoparity.core.io.ZipGuard;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.spi.ISource;
import org.photoparity.core.spi.MediaReader;
import org.photoparity.core.spi.ScanContext;
import org.photoparity.media.ContentSniffer;

/**
 * A zip archive (an iCloud.com download, or any folder layout zipped), read in place with {@link ZipFile}: nothing
 * is extracted, so an entry named ../x can never be written anywhere; such entries are reported and not read.
 * Reading is bounded against zip bombs with {@link ZipGuard}'s limits: an entry may not inflate beyond the size its
 * header declares, an entry that claims to shrink more than {@value #MAX_RATIO}:1 is refused (photos and videos
 * barely compress), overlapping entries refuse the archive, and the archive's total expansion is capped. An
 * encrypted entry is listed unreadable and the others are read.
 */
public final class ZipSource implements ISource {

    /** Compression ratio beyond which an entry is refused. JPEG, HEIC and MOV compress less than 1.2:1. */
    public static final long MAX_RATIO = ZipGuard.MAX_RATIO;

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

    /** The entries that are not folders, from the central directory; -1 when it cannot be read. */
    @Override
    public long count(Path path, org.eclipse.core.runtime.IProgressMonitor monitor) {
        try {
            ZipGuard.Directory dir = ZipGuard.read(path);
            if (dir == null || dir.refusal() != null) return -1;
            return dir.entries().stream().filter(e -> !e.isDirectory()).count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void scan(Path path, ScanContext context) throws IOException {
        org.photoparity.core.io.InputFiles.requireRegular(path, "zip");
        ZipGuard.Directory dir;
        try {
            dir = ZipGuard.read(path);
        } catch (IOException e) {
            dir = null; // java.util.zip says why below
        }
        if (dir != null && dir.refusal() != null) throw new IOException(path + ": " + dir.refusal());
        ZipGuard.Budget budget = new ZipGuard.Budget(path.toString(), Files.size(path));
        if (dir != null && dir.hasEncrypted()) {
            // java.util.zip refuses the whole archive for one encrypted entry: read the others from the directory
            scanAround(dir, budget, context);
            return;
        }
        ZipFile zip = open(path);
        try (zip; ParallelReads reads = ParallelReads.open(context)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) continue;
                long modified = e.getLastModifiedTime() == null ? 0 : e.getLastModifiedTime().toMillis();
                if (!admit(e.getName(), e.getSize(), e.getCompressedSize(), context)) continue;
                long size = e.getSize();
                String name = e.getName();
                MediaReader.Content content = () -> budget.wrap(new Bounded(zip.getInputStream(e), size, name));
                reads.submit(() -> readOne(name, content, size, modified, context));
            }
        }
    }

    private static void scanAround(ZipGuard.Directory dir, ZipGuard.Budget budget, ScanContext context)
            throws IOException {
        try (ParallelReads reads = ParallelReads.open(context)) {
            for (ZipGuard.Entry e : dir.entries()) {
                if (e.isDirectory()) continue;
                if (e.encrypted()) {
                    context.unreadable(e.name(), "encrypted (password-protected) in the zip: PhotoParity cannot read"
                            + " it; the other entries were read. Zip the file again without a password to include it");
                    continue;
                }
                if (!admit(e.name(), e.size(), e.compressed(), context)) continue;
                String name = e.name();
                MediaReader.Content content = () -> budget.wrap(ZipGuard.open(dir, e));
                reads.submit(() -> readOne(name, content, e.size(), dosTime(e.dosTime()), context));
            }
        }
    }

    /** Whether an entry is read: unsafe names, helper files, nested zips and bombs are reported instead. */
    private static boolean admit(String name, long size, long packed, ScanContext context) {
        String unsafe = unsafeName(name);
        if (unsafe != null) {
            context.unreadable(name, unsafe);
            return false;
        }
        String why = FileNames.ignoreReason(name);
        if (why != null) {
            context.ignored(name, why);
            return false;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            context.ignored(name, "a zip inside the zip: PhotoParity does not extract it; unzip the outer "
                    + "archive to a folder of your choice and scan that zip on its own");
            return false;
        }
        String bomb = ZipGuard.ratioProblem(size, packed);
        if (bomb != null) {
            context.unreadable(name, bomb);
            return false;
        }
        return true;
    }

    private static long dosTime(long dos) {
        if (dos == 0) return 0;
        try {
            return java.time.LocalDateTime.of((int) ((dos >> 25) & 0x7f) + 1980, (int) ((dos >> 21) & 0x0f),
                    (int) ((dos >> 16) & 0x1f), (int) ((dos >> 11) & 0x1f), (int) ((dos >> 5) & 0x3f),
                    (int) ((dos << 1) & 0x3e)).atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
        } catch (java.time.DateTimeException e) {
            return 0;
        }
    }

    private static void readOne(String name, MediaReader.Content content, long size, long modified,
            ScanContext context) {
        String base = FileNames.baseName(name);
        if (MediaFormat.fromFileName(base) == MediaFormat.UNKNOWN) {
            String not = ContentSniffer.whyNotMedia(base, content, size);
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
        return ZipGuard.unsafeName(name);
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
