package org.photoparity.sources.export;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.photoparity.core.spi.MediaReader.Content;

/**
 * Walks an export wherever its files live: in folders, in zips, in zips inside zips. Nothing is extracted to disk:
 * a zip file is read through its central directory, a zip inside it as a stream. An entry of a nested zip small
 * enough is kept in memory once read; a larger one is reopened by streaming the outer zip up to it.
 */
final class ExportWalker {

    /** Entries of nested zips up to this size are held in memory rather than streamed again. */
    static final int BUFFER_LIMIT = 32 * 1024 * 1024;

    /** One file of the export. {@code nestedZip} is the path of the innermost zip inside a zip holding it, or null. */
    record Entry(String path, long size, long modified, Content content, String nestedZip) {
    }

    interface Visitor {
        void entry(Entry e) throws IOException;

        /** A container (zip, nested zip) or folder that could not be read at all. */
        void unreadable(String path, String reason);
    }

    private final IProgressMonitor monitor;
    private final Visitor visitor;

    ExportWalker(IProgressMonitor monitor, Visitor visitor) {
        this.monitor = monitor;
        this.visitor = visitor;
    }

    static boolean isZipName(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** Walks a folder or a zip; paths are relative to {@code root} (a zip's own entries when root is a zip). */
    void walk(Path root) throws IOException {
        if (Files.isDirectory(root)) walkFolder(root, root);
        else walkZipFile(root, "");
    }

    private void walkFolder(Path root, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        for (Path f : files) {
            checkCanceled();
            String rel = slashes(root.relativize(f).toString());
            if (isZipName(rel)) {
                walkZipFile(f, rel + "/");
            } else {
                visitor.entry(new Entry(rel, Files.size(f), Files.getLastModifiedTime(f).toMillis(),
                        () -> Files.newInputStream(f), null));
            }
        }
    }

    private void walkZipFile(Path zip, String prefix) throws IOException {
        String shown = prefix.isEmpty() ? zip.getFileName().toString() : prefix.substring(0, prefix.length() - 1);
        ZipFile zf;
        try {
            zf = new ZipFile(zip.toFile());
        } catch (IOException e) {
            visitor.unreadable(shown, "not a readable zip (" + e.getMessage() + "); download this part again");
            return;
        }
        try (zf) {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                checkCanceled();
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) continue;
                String path = prefix + e.getName();
                Content content = () -> zf.getInputStream(e);
                if (isZipName(e.getName())) {
                    walkNested(content, path + "/");
                } else {
                    visitor.entry(new Entry(path, e.getSize(), Math.max(0, e.getTime()), content, null));
                }
            }
        } catch (IllegalStateException | java.util.zip.ZipException e) {
            visitor.unreadable(shown, "the zip is damaged (" + e.getMessage() + "); download this part again");
        }
    }

    /** A zip inside a zip, read as a stream; {@code zipContent} reopens it from the start. */
    private void walkNested(Content zipContent, String prefix) throws IOException {
        String zipPath = prefix.substring(0, prefix.length() - 1);
        try (InputStream in = zipContent.open(); ZipInputStream zis = new ZipInputStream(in)) {
            int found = 0;
            for (ZipEntry e; (e = zis.getNextEntry()) != null;) {
                checkCanceled();
                if (e.isDirectory()) continue;
                found++;
                String name = e.getName();
                String path = prefix + name;
                Content reopen = entryOf(zipContent, name);
                if (isZipName(name)) {
                    walkNested(reopen, path + "/");
                    continue;
                }
                byte[] head = zis.readNBytes(BUFFER_LIMIT + 1);
                if (head.length <= BUFFER_LIMIT) {
                    visitor.entry(new Entry(path, head.length, Math.max(0, e.getTime()),
                            () -> new ByteArrayInputStream(head), zipPath));
                } else {
                    long size = head.length + zis.transferTo(java.io.OutputStream.nullOutputStream());
                    visitor.entry(new Entry(path, size, Math.max(0, e.getTime()), reopen, zipPath));
                }
            }
            if (found == 0) visitor.unreadable(zipPath, "a zip inside the export with no files in it, or not a zip");
        } catch (java.util.zip.ZipException e) {
            visitor.unreadable(zipPath, "a zip inside the export is damaged (" + e.getMessage()
                    + "); download this part again");
        }
    }

    /** Opens the named entry of a zip given as a stream, by reading the zip up to it. */
    static Content entryOf(Content zip, String name) {
        return () -> {
            InputStream in = zip.open();
            ZipInputStream zis = new ZipInputStream(in);
            try {
                for (ZipEntry e; (e = zis.getNextEntry()) != null;) {
                    if (e.getName().equals(name)) {
                        return new FilterInputStream(zis) {
                            @Override
                            public void close() throws IOException {
                                zis.close();
                            }
                        };
                    }
                }
            } catch (IOException | RuntimeException e) {
                zis.close();
                throw e;
            }
            zis.close();
            throw new IOException(name + " is no longer in its zip");
        };
    }

    private void checkCanceled() {
        if (monitor.isCanceled()) throw new OperationCanceledException();
    }

    static String slashes(String p) {
        return p.replace('\\', '/');
    }
}
