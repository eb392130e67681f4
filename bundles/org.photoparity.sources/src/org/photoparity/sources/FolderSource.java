package org.photoparity.sources;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;

import org.eclipse.core.runtime.OperationCanceledException;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.spi.ISource;
import org.photoparity.core.spi.MediaReader;
import org.photoparity.core.spi.ScanContext;
import org.photoparity.media.ContentSniffer;
import org.photoparity.media.FileContent;

/**
 * A plain folder tree: a DCIM copy (100APPLE/IMG_1234.HEIC), an icloudpd download ({yyyy}/{mm}/{dd}), iCloud for
 * Windows' "iCloud Photos/Photos" folder, any export. Files are read in parallel while the walk goes on. Symbolic
 * links are followed while they stay inside the folder; links that lead out of it are listed as ignored with where
 * they lead (the system property {@value #FOLLOW_LINKS_PROPERTY}, the command line's --follow-links, follows them),
 * loops are reported and skipped. Files are opened read-only and nothing is ever written, renamed or touched under
 * the folder.
 */
public final class FolderSource implements ISource {

    /**
     * System property: "true" follows symbolic links that lead out of the source folder (the command line's
     * --follow-links). By default they are listed as ignored, with where they lead.
     */
    public static final String FOLLOW_LINKS_PROPERTY = "photoparity.followLinks";

    @Override
    public int recognize(Path path) {
        return Files.isDirectory(path) ? 10 : 0;
    }

    /**
     * The entries {@link #scan} reports, walked the same way (names and attributes only, nothing is opened): every
     * file or link, every entry that cannot be listed, every folder link left unfollowed.
     */
    @Override
    public long count(Path root, org.eclipse.core.runtime.IProgressMonitor monitor) throws IOException {
        if (!Files.isDirectory(root)) return -1;
        boolean followOutside = Boolean.getBoolean(FOLLOW_LINKS_PROPERTY);
        Path realRoot = root.toRealPath();
        long[] n = { 0 };
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (monitor != null && monitor.isCanceled()) throw new OperationCanceledException();
                        if (!followOutside && !dir.equals(root) && leadsOutside(dir, realRoot) != null) {
                            n[0]++;
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        n[0]++;
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        n[0]++;
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) n[0]++;
                        return FileVisitResult.CONTINUE;
                    }
                });
        return n[0];
    }

    @Override
    public void scan(Path root, ScanContext context) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException(root + " is not a folder; give a folder of photos, or a zip with zip:" + root);
        }
        boolean followOutside = Boolean.getBoolean(FOLLOW_LINKS_PROPERTY);
        Path realRoot = root.toRealPath();
        try (ParallelReads reads = ParallelReads.open(context)) {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (context.monitor().isCanceled()) throw new OperationCanceledException();
                            if (!followOutside && !dir.equals(root)) {
                                String out = leadsOutside(dir, realRoot);
                                if (out != null) {
                                    context.ignored(relative(root, dir) + "/", out);
                                    return FileVisitResult.SKIP_SUBTREE;
                                }
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!followOutside && !attrs.isSymbolicLink()) {
                                String out = leadsOutside(file, realRoot);
                                if (out != null) {
                                    context.ignored(relative(root, file), out);
                                    return FileVisitResult.CONTINUE;
                                }
                            }
                            visit(root, file, attrs, context, reads);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String rel = relative(root, file);
                            if (e instanceof FileSystemLoopException) {
                                context.ignored(rel, "symbolic link loop: it leads back to a folder already being "
                                        + "scanned, so it was not followed");
                            } else if (e instanceof AccessDeniedException) {
                                context.unreadable(rel, "permission denied: cannot be opened or listed; give the "
                                        + "user running PhotoParity read access");
                            } else {
                                context.unreadable(rel, "cannot be read: " + e);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                            if (e != null) {
                                context.unreadable(relative(root, dir) + "/",
                                        "the folder could not be listed completely: " + e.getMessage());
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        }
    }

    /**
     * Why a path reached through a symbolic link is not read: it resolves outside the source folder. Null for a path
     * that is no link, or whose link stays inside. Only the path itself is looked at: its parents were checked when
     * the walk entered them.
     */
    static String leadsOutside(Path p, Path realRoot) {
        if (!Files.isSymbolicLink(p)) return null;
        try {
            Path real = p.toRealPath();
            if (real.startsWith(realRoot)) return null;
            return "symbolic link to " + real + ", outside the source folder: not followed (give --follow-links to"
                    + " read what links lead to)";
        } catch (IOException e) {
            return null; // a broken link: reported as such by visit
        }
    }

    private static void visit(Path root, Path file, BasicFileAttributes attrs, ScanContext context,
            ParallelReads reads) {
        String rel = relative(root, file);
        if (attrs.isSymbolicLink()) {
            // the walker hands over the link itself only when its target cannot be reached
            String target;
            try {
                target = String.valueOf(Files.readSymbolicLink(file));
            } catch (IOException e) {
                target = "?";
            }
            if (loops(file)) {
                context.ignored(rel, "symbolic link loop: " + rel + " -> " + target + " leads back to itself, so it"
                        + " was not followed");
            } else {
                context.unreadable(rel, "broken symbolic link to " + target);
            }
            return;
        }
        if (!attrs.isRegularFile()) {
            context.ignored(rel, "not a regular file (device, socket or pipe)");
            return;
        }
        String why = FileNames.ignoreReason(rel);
        if (why != null) {
            context.ignored(rel, why);
            return;
        }
        long size = attrs.size();
        long modified = attrs.lastModifiedTime().toMillis();
        long change = FileStamp.of(file, attrs);
        if (context.reader() instanceof CachingReader cr) {
            // a rescan of an unchanged file is a map lookup: answering it here costs less than a hand-off to the pool
            String name = FileNames.baseName(rel);
            MediaFile hit = cr.cached(context.sourceIndex(), rel, size, modified, change, FileNames.roleOf(name),
                    !context.metadataOnly());
            if (hit != null) {
                reads.answered();
                context.file(hit);
                return;
            }
        }
        reads.submit(() -> readOne(file, rel, size, modified, change, context));
    }

    /** True when following {@code link} comes back to a link already passed (a loop, not a broken link). */
    static boolean loops(Path link) {
        java.util.Set<Path> seen = new java.util.HashSet<>();
        Path cur = link.toAbsolutePath().normalize();
        for (int i = 0; i < 40 && Files.isSymbolicLink(cur); i++) {
            if (!seen.add(cur)) return true;
            try {
                Path parent = cur.getParent();
                cur = (parent == null ? cur : parent).resolve(Files.readSymbolicLink(cur)).normalize();
            } catch (IOException e) {
                return false;
            }
        }
        return Files.isSymbolicLink(cur);
    }

    static void readOne(Path file, String rel, long size, long modified, ScanContext context) {
        readOne(file, rel, size, modified, 0, context);
    }

    static void readOne(Path file, String rel, long size, long modified, long change, ScanContext context) {
        String name = FileNames.baseName(rel);
        MediaReader.Content content = new FileContent(file);
        if (MediaFormat.fromFileName(name) == MediaFormat.UNKNOWN) {
            String not = ContentSniffer.whyNotMedia(name, content, size);
            if (not != null) {
                if (not.startsWith("cannot")) context.unreadable(rel, not);
                else context.ignored(rel, not);
                return;
            }
        }
        MediaFile f = context.reader() instanceof CachingReader cr
                ? cr.read(context.sourceIndex(), rel, size, modified, change, FileNames.roleOf(name), content,
                        !context.metadataOnly())
                : context.reader().read(context.sourceIndex(), rel, size, modified, FileNames.roleOf(name), content,
                        !context.metadataOnly());
        context.file(f);
    }

    static String relative(Path root, Path file) {
        String s = root.relativize(file).toString();
        return file.getFileSystem().getSeparator().equals("/") ? s : s.replace(file.getFileSystem().getSeparator(), "/");
    }
}
