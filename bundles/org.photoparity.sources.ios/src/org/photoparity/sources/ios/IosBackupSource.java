package org.photoparity.sources.ios;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.Sharing;
import org.photoparity.core.spi.ISource;
import org.photoparity.core.spi.MediaReader;
import org.photoparity.core.spi.ScanContext;

/**
 * Source {@code ios-backup}: an unencrypted Finder/iTunes backup. The camera roll's originals (CameraRollDomain
 * Media/DCIM/... and, with iCloud Photos on, Media/PhotoData/CPLAssets/...) are read as media files under their
 * device paths; its Photos.sqlite is read as listings whose paths match those files; shared album media
 * (Media/PhotoData/PhotoCloudSharingData/...) is read too, and every such file carries a listing marked as shared
 * content (from its Photos.sqlite row, or made for it); every other file of the backup is accounted for as ignored,
 * with why.
 */
public final class IosBackupSource implements ISource {

    private static final String DCIM = "Media/DCIM/";
    private static final String CPL_ASSETS = "Media/PhotoData/CPLAssets/";
    /** Shared album media (iLEAPP icloudSharedalbums): read, but never library content. */
    public static final String CLOUD_SHARING = "Media/PhotoData/PhotoCloudSharingData/";
    private static final Set<String> BACKUP_METADATA = Set.of("Info.plist", "Manifest.plist", "Manifest.db",
            "Status.plist", "Manifest.db-wal", "Manifest.db-shm");
    private static final Pattern HASH_DIR = Pattern.compile("[0-9a-f]{2}");

    @Override
    public int recognize(Path path) {
        return IosBackup.looksLikeBackup(path) ? 95 : 0;
    }

    @Override
    public void scan(Path path, ScanContext context) throws IOException {
        try (IosBackup backup = IosBackup.open(path)) {
            List<BackupEntry> entries = backup.list(null, "");
            SubMonitor progress = SubMonitor.convert(context.monitor(), "Reading backup " + path.getFileName(),
                    entries.size() + 1000);
            MediaReader reader = context.reader();
            boolean fingerprint = !context.metadataOnly();
            Set<String> listed = new HashSet<>();
            Map<String, BackupEntry> byPath = new HashMap<>();
            int n = 0;
            for (BackupEntry e : entries) {
                if (progress.isCanceled()) throw new OperationCanceledException();
                progress.worked(1);
                if (++n % 200 == 0) progress.subTask(n + " of " + entries.size() + " backup entries");
                listed.add(e.fileId());
                if (!e.isFile()) continue; // folders and links have no stored content
                boolean cameraRoll = IosBackup.CAMERA_ROLL_DOMAIN.equals(e.domain());
                String shown = cameraRoll ? e.relativePath() : e.domain() + "/" + e.relativePath();
                if (e.file() == null) {
                    context.unreadable(shown, "Manifest.db gives it the fileID '" + e.fileId() + "', which is not 40 hex"
                            + " digits inside the backup folder (a damaged or crafted manifest): not read");
                    continue;
                }
                if (cameraRoll) byPath.put(e.relativePath(), e);
                if (!Files.isRegularFile(e.file())) {
                    context.unreadable(shown, "listed in Manifest.db as " + e.fileId() + " but "
                            + path.relativize(e.file()) + " is missing from the backup folder; the backup is"
                            + " incomplete: make a new one");
                    continue;
                }
                String why = whyIgnored(e);
                if (why != null) {
                    context.ignored(shown, why);
                    continue;
                }
                long size = Files.size(e.file());
                long modified = backup.lastModified(e.fileId()).map(Date::getTime)
                        .orElseGet(() -> lastModifiedOnDisk(e.file()));
                Path stored = e.file();
                MediaFile file = reader.read(context.sourceIndex(), e.relativePath(), size, modified,
                        MediaNames.role(e.relativePath()), () -> Files.newInputStream(stored), fingerprint);
                context.file(file);
            }
            readPhotosDatabase(byPath, sharedMedia(byPath), context, progress.split(1000));
            accountForUnlisted(path, listed, context);
        }
    }

    /** Why a manifest file is not read as media, or null when it is a camera roll original. */
    static String whyIgnored(BackupEntry e) {
        if (!IosBackup.CAMERA_ROLL_DOMAIN.equals(e.domain())) {
            return "not part of the photo library (" + e.domain() + ")";
        }
        String p = e.relativePath();
        if (p.equals(IosBackup.PHOTOS_SQLITE)) return "library database, read as listings";
        if (p.startsWith(IosBackup.PHOTOS_SQLITE + "-")) return "library database journal, read with Photos.sqlite";
        boolean original = p.startsWith(DCIM) || p.startsWith(CPL_ASSETS) || p.startsWith(CLOUD_SHARING);
        if (!original) {
            if (p.startsWith("Media/PhotoData/Mutations/")) return "edit data of an asset (Mutations), not an original";
            if (p.startsWith("Media/PhotoData/Thumbnails/")) return "thumbnail cache";
            return "camera roll support file outside DCIM, CPLAssets and PhotoCloudSharingData";
        }
        if (!MediaNames.isMedia(p)) return "not a photo or video by its name";
        return null;
    }

    /** Shared album media files of the backup (stored ones), by path. */
    private static Map<String, BackupEntry> sharedMedia(Map<String, BackupEntry> byPath) {
        Map<String, BackupEntry> shared = new TreeMap<>();
        for (Map.Entry<String, BackupEntry> e : byPath.entrySet()) {
            if (e.getKey().startsWith(CLOUD_SHARING) && MediaNames.isMedia(e.getKey())
                    && Files.isRegularFile(e.getValue().file())) {
                shared.put(e.getKey(), e.getValue());
            }
        }
        return shared;
    }

    private static void readPhotosDatabase(Map<String, BackupEntry> byPath, Map<String, BackupEntry> sharedMedia,
            ScanContext context, SubMonitor monitor) throws IOException {
        BackupEntry db = byPath.get(IosBackup.PHOTOS_SQLITE);
        Set<String> sharedListed = new HashSet<>();
        if (db != null && Files.isRegularFile(db.file())) { // a backup without a library has no listings
            BackupEntry wal = byPath.get(IosBackup.PHOTOS_SQLITE + "-wal");
            try (PhotosDatabase photos = PhotosDatabase.open(db.file(),
                    wal != null && Files.isRegularFile(wal.file()) ? wal.file() : null)) {
                // ZDIRECTORY is relative to the device's Media folder (DCIM/100APPLE); files here are named from its
                // parent. Shared album rows may name their folder relative to PhotoCloudSharingData or absolutely.
                photos.forEach(context.sourceIndex(), IosBackup.PHOTOS_SQLITE + " " + photos.assetTable(), "Media/",
                        monitor, l -> {
                            Listing fixed = l.sharing().isShared() ? sharedPath(l, byPath, sharedMedia) : l;
                            if (fixed.path() != null && sharedMedia.containsKey(fixed.path())) {
                                sharedListed.add(fixed.path());
                            }
                            context.listing(fixed);
                        });
            }
        }
        // a shared album file that no row names is still shared content, never a library original
        for (String path : sharedMedia.keySet()) {
            if (sharedListed.contains(path)) continue;
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("sharing", Sharing.SHARED_ALBUM.name());
            context.listing(new Listing(context.sourceIndex(), CLOUD_SHARING, MediaNames.baseName(path), path, null,
                    null, null, null, null, null, null, CloudState.UNKNOWN, null, null, null, false, false, false,
                    false, extra, Sharing.SHARED_ALBUM, null, null));
        }
    }

    /** A shared row's path, pointed at its file under PhotoCloudSharingData when the row names it another way. */
    static Listing sharedPath(Listing l, Map<String, BackupEntry> byPath, Map<String, BackupEntry> sharedMedia) {
        String path = l.path();
        if (path == null || byPath.containsKey(path)) return l;
        String relative = path.startsWith("Media/") ? path.substring("Media/".length()) : path;
        int media = relative.indexOf("/Media/"); // an absolute /var/mobile/Media/... folder
        if (media >= 0) relative = relative.substring(media + "/Media/".length());
        String found = null;
        for (String candidate : List.of(relative, "Media/" + relative, CLOUD_SHARING + relative)) {
            if (byPath.containsKey(candidate)) {
                found = candidate;
                break;
            }
        }
        if (found == null) {
            String suffix = "/" + relative;
            for (String p : sharedMedia.keySet()) {
                if (p.endsWith(suffix)) {
                    found = p;
                    break;
                }
            }
        }
        if (found == null) return l;
        return new Listing(l.source(), l.origin(), l.originalFilename(), found, l.cloudGuid(), l.fingerprint(),
                l.size(), l.width(), l.height(), l.created(), l.kind(), l.cloudState(), l.locallyAvailable(),
                l.uploadAttempts(), l.mediaGroup(), l.trashed(), l.hidden(), l.favorite(), l.recentlyDeleted(),
                l.extra(), l.sharing(), l.burstId(), l.burstPicked());
    }

    /** Files in the folder that the manifest does not list are accounted for too, so the counts add up. */
    private static void accountForUnlisted(Path dir, Set<String> listed, ScanContext context) throws IOException {
        try (DirectoryStream<Path> top = Files.newDirectoryStream(dir)) {
            for (Path p : top) {
                if (context.monitor().isCanceled()) throw new OperationCanceledException();
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && HASH_DIR.matcher(name).matches()) {
                    try (DirectoryStream<Path> inner = Files.newDirectoryStream(p)) {
                        for (Path f : inner) {
                            if (!listed.contains(f.getFileName().toString())) {
                                context.ignored(name + "/" + f.getFileName(), "stored file not listed in Manifest.db");
                            }
                        }
                    }
                } else if (BACKUP_METADATA.contains(name)) {
                    context.ignored(name, "backup metadata, read for the device and the file index");
                } else if (Files.isRegularFile(p)) {
                    context.ignored(name, "not part of the backup format");
                }
            }
        }
    }

    private static long lastModifiedOnDisk(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
