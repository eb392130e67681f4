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
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.photoparity.core.io.InputFiles;
import org.photoparity.core.io.ZipGuard;
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

        /** Something seen and skipped on purpose (a pipe, a link loop), with why. */
        void ignored(String path, String why);
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
        if (Files.isDirectory(root)) {
            walkFolder(root, root);
        } else {
            InputFiles.requireRegular(root, "privacy export part");
            walkZipFile(root, "");
        }
    }

    /** Every entry of the folder is accounted for, as the folder source does: pipes, broken links, locked folders. */
    private void walkFolder(Path root, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dir, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path f,
                            java.nio.file.attribute.BasicFileAttributes attrs) {
                        String rel = slashes(root.relativize(f).toString());
                        if (attrs.isRegularFile()) files.add(f);
                        else if (attrs.isSymbolicLink()) visitor.unreadable(rel, "broken symbolic link");
                        else visitor.ignored(rel, "not a regular file (device, socket or pipe)");
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                        String rel = slashes(root.relativize(f).toString());
                        if (e instanceof java.nio.file.FileSystemLoopException) {
                            visitor.ignored(rel, "symbolic link loop: not followed");
                        } else if (e instanceof java.nio.file.AccessDeniedException) {
                            visitor.unreadable(rel, "permission denied: give the user running PhotoParity read access");
                        } else {
                            visitor.unreadable(rel, "cannot be read: " + e.getMessage());
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                });
        files.sort(null);
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
        ZipGuard.Directory dir;
        try {
            dir = ZipGuard.read(zip);
        } catch (IOException e) {
            dir = null; // java.util.zip says why below
        }
        if (dir != null && dir.refusal() != null) {
            visitor.unreadable(shown, dir.refusal());
            return;
        }
        ZipGuard.Budget budget = new ZipGuard.Budget(zip.toString(), Files.size(zip));
        if (dir != null && dir.hasEncrypted()) {
            // java.util.zip refuses a whole zip for one encrypted entry: read the others from the directory
            walkAround(dir, prefix, budget);
            return;
        }
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
                if (!admit(path, e.getName(), e.getSize(), e.getCompressedSize())) continue;
                Content content = () -> budget.wrap(zf.getInputStream(e));
                if (isZipName(e.getName())) {
                    walkNested(content, path + "/", 2, budget);
                } else {
                    visitor.entry(new Entry(path, e.getSize(), Math.max(0, e.getTime()), content, null));
                }
            }
        } catch (IllegalStateException | java.util.zip.ZipException e) {
            visitor.unreadable(shown, "the zip is damaged (" + e.getMessage() + "); download this part again");
        }
    }

    private void walkAround(ZipGuard.Directory dir, String prefix, ZipGuard.Budget budget) throws IOException {
        for (ZipGuard.Entry e : dir.entries()) {
            checkCanceled();
            if (e.isDirectory()) continue;
            String path = prefix + e.name();
            if (e.encrypted()) {
                visitor.unreadable(path, "encrypted (password-protected) in the zip: PhotoParity cannot read it; the"
                        + " other entries were read");
                continue;
            }
            if (!admit(path, e.name(), e.size(), e.compressed())) continue;
            Content content = () -> budget.wrap(ZipGuard.open(dir, e));
            if (isZipName(e.name())) walkNested(content, path + "/", 2, budget);
            else visitor.entry(new Entry(path, e.size(), 0, content, null));
        }
    }

    /** The zip source's limits, for an entry of any zip of the export: unsafe names and bombs are not read. */
    private boolean admit(String path, String name, long size, long packed) {
        String unsafe = ZipGuard.unsafeName(name);
        if (unsafe != null) {
            visitor.unreadable(path, unsafe);
            return false;
        }
        String bomb = ZipGuard.ratioProblem(size, packed);
        if (bomb != null) {
            visitor.unreadable(path, bomb);
            return false;
        }
        return true;
    }

    /**
     * A zip inside a zip, read as a stream; {@code zipContent} reopens it from the start. {@code depth} counts the
     * zips around its entries (2 for a zip in a part zip); beyond {@link ZipGuard#MAX_DEPTH} it is not opened.
     */
    private void walkNested(Content zipContent, String prefix, int depth, ZipGuard.Budget budget) throws IOException {
        String zipPath = prefix.substring(0, prefix.length() - 1);
        if (depth > ZipGuard.MAX_DEPTH) {
            visitor.unreadable(zipPath, "a zip nested more than " + ZipGuard.MAX_DEPTH + " zips deep: not opened"
                    + " (a possible zip bomb)");
            return;
        }
        try (InputStream in = zipContent.open(); ZipInputStream zis = new ZipInputStream(in)) {
            InputStream counted = budget.wrap(zis);
            int found = 0;
            for (ZipEntry e; (e = zis.getNextEntry()) != null;) {
                checkCanceled();
                if (e.isDirectory()) continue;
                found++;
                String name = e.getName();
                String path = prefix + name;
                if (!admit(path, name, e.getSize(), e.getCompressedSize())) continue;
                Content reopen = budgeted(entryOf(zipContent, name), budget);
                if (isZipName(name)) {
                    walkNested(reopen, path + "/", depth + 1, budget);
                    continue;
                }
                byte[] head = counted.readNBytes(BUFFER_LIMIT + 1);
                if (head.length <= BUFFER_LIMIT) {
                    visitor.entry(new Entry(path, head.length, Math.max(0, e.getTime()),
                            () -> new ByteArrayInputStream(head), zipPath));
                } else {
                    long size = head.length + counted.transferTo(java.io.OutputStream.nullOutputStream());
                    visitor.entry(new Entry(path, size, Math.max(0, e.getTime()), reopen, zipPath));
                }
            }
            if (found == 0) visitor.unreadable(zipPath, "a zip inside the export with no files in it, or not a zip");
        } catch (java.util.zip.ZipException e) {
            visitor.unreadable(zipPath, "a zip inside the export is damaged (" + e.getMessage()
                    + "); download this part again");
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("zip bomb")) throw e;
            visitor.unreadable(zipPath, e.getMessage());
        }
    }

    private static Content budgeted(Content c, ZipGuard.Budget budget) {
        return () -> budget.wrap(c.open());
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
