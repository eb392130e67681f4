package org.photoparity.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * A file's change stamp for the scan cache: its inode change time (ctime, which no tool can set back: rewriting a file
 * and restoring its modified time still moves it) and its file key (device and inode: a file replaced by another
 * one). Where the platform has no ctime (Windows), the creation time stands in.
 */
final class FileStamp {

    private static volatile boolean unixView = true;

    private FileStamp() {
    }

    static long of(Path file, BasicFileAttributes attrs) {
        long stamp = attrs.fileKey() == null ? 0 : attrs.fileKey().hashCode();
        FileTime changed = null;
        if (unixView) {
            try {
                changed = (FileTime) Files.getAttribute(file, "unix:ctime");
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                unixView = false;
            } catch (IOException | ClassCastException e) {
                changed = null;
            }
        }
        if (changed == null) changed = attrs.creationTime();
        long t = changed == null ? 0 : changed.to(TimeUnit.NANOSECONDS);
        long v = stamp * 0x9E3779B97F4A7C15L + t;
        return v == 0 ? 1 : v;
    }
}
