package org.photoparity.sources.ios;

import java.nio.file.Path;

/**
 * One row of an iOS backup's Manifest.db Files table.
 *
 * @param fileId       SHA-1 of "domain-relativePath", the stored file's name
 * @param domain       e.g. CameraRollDomain, HomeDomain, AppDomain-com.example
 * @param relativePath path on the device relative to the domain's root, e.g. Media/DCIM/100APPLE/IMG_0001.HEIC
 * @param flags        1 file, 2 directory, 4 symbolic link
 * @param file         where the content is stored in the backup folder (&lt;2 hex&gt;/&lt;fileId&gt;), whether or not
 *                     it is there; null when the fileID is not 40 hex digits inside the folder (never read)
 */
public record BackupEntry(String fileId, String domain, String relativePath, int flags, Path file) {

    public static final int FLAG_FILE = 1;
    public static final int FLAG_DIRECTORY = 2;
    public static final int FLAG_SYMLINK = 4;

    public boolean isFile() {
        return flags == FLAG_FILE;
    }
}
