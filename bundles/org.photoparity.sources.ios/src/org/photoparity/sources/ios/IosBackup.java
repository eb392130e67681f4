package org.photoparity.sources.ios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;

/**
 * An unencrypted iOS (Finder/iTunes) backup folder: Info.plist and Manifest.plist describe the device, Manifest.db
 * indexes every file by domain and relative path, and each file is stored as &lt;2 hex&gt;/&lt;fileID&gt;. Nothing in
 * the folder is ever written: Manifest.db is read from a private copy.
 */
public final class IosBackup implements AutoCloseable {

    public static final String CAMERA_ROLL_DOMAIN = "CameraRollDomain";
    public static final String PHOTOS_SQLITE = "Media/PhotoData/Photos.sqlite";

    private final Path dir;
    private final Map<String, Object> info;
    private final Map<String, Object> manifest;
    private final SqliteSnapshot db;

    private IosBackup(Path dir, Map<String, Object> info, Map<String, Object> manifest, SqliteSnapshot db) {
        this.dir = dir;
        this.info = info;
        this.manifest = manifest;
        this.db = db;
    }

    /** A folder with Manifest.db beside an Info.plist or Manifest.plist. Cheap: looks at names only. */
    public static boolean looksLikeBackup(Path dir) {
        return dir != null && Files.isDirectory(dir) && Files.isRegularFile(dir.resolve("Manifest.db"))
                && (Files.isRegularFile(dir.resolve("Manifest.plist")) || Files.isRegularFile(dir.resolve("Info.plist")));
    }

    /**
     * Opens a backup folder.
     *
     * @throws EncryptedBackupException when Manifest.plist says IsEncrypted
     * @throws IOException              when the folder is not a readable iOS 10+ backup (the message says why)
     */
    public static IosBackup open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a folder. Give the backup folder itself (the one holding"
                    + " Manifest.db, Info.plist and the 00..ff folders).");
        }
        Map<String, Object> info = Plists.readDictionary(dir.resolve("Info.plist"));
        Map<String, Object> manifest = Plists.readDictionary(dir.resolve("Manifest.plist"));
        if (Boolean.TRUE.equals(manifest.get("IsEncrypted"))) {
            throw new EncryptedBackupException(dir, info, manifest);
        }
        Path manifestDb = dir.resolve("Manifest.db");
        if (!Files.isRegularFile(manifestDb)) {
            if (Files.isRegularFile(dir.resolve("Manifest.mbdb"))) {
                throw new IOException(dir + " is an iOS 9 or older backup (Manifest.mbdb); PhotoParity reads"
                        + " iOS 10 and later backups: update the device and make a new backup.");
            }
            throw new IOException(dir + " has no Manifest.db: it is not an iOS backup folder, or the backup did not"
                    + " finish. Make a new backup in Finder/iTunes and give its folder.");
        }
        SqliteSnapshot db = SqliteSnapshot.open(manifestDb, dir.resolve("Manifest.db-wal"), null, "Manifest.db");
        try {
            Set<String> cols = db.columns("Files");
            for (String c : List.of("FILEID", "DOMAIN", "RELATIVEPATH", "FLAGS")) {
                if (!cols.contains(c)) {
                    throw new IOException(manifestDb + " has no Files table with fileID, domain, relativePath and"
                            + " flags; it is not an iOS backup manifest (or it is encrypted).");
                }
            }
        } catch (SQLException e) {
            db.close();
            throw new IOException(manifestDb + " could not be read: " + e.getMessage(), e);
        } catch (IOException e) {
            db.close();
            throw e;
        }
        return new IosBackup(dir, info, manifest, db);
    }

    /**
     * A dictionary plist of a backup folder (Info.plist, Manifest.plist) as plain Java values, for callers that want
     * what it says about the device even when the folder does not {@link #open} (no Manifest.db, iOS 9 or older);
     * empty when the file is absent.
     */
    public static Map<String, Object> readPlist(Path file) throws IOException {
        return Plists.readDictionary(file);
    }

    public Path dir() {
        return dir;
    }

    /** Always false for an opened backup (an encrypted one throws in {@link #open}); kept for callers' clarity. */
    public boolean encrypted() {
        return Boolean.TRUE.equals(manifest.get("IsEncrypted"));
    }

    /** Info.plist as plain Java values (String, Long, Boolean, Date, byte[], List, Map); empty when absent. */
    public Map<String, Object> info() {
        return info;
    }

    /** Manifest.plist as plain Java values, including its Lockdown dictionary; empty when absent. */
    public Map<String, Object> manifest() {
        return manifest;
    }

    /** Where a device file is stored in the backup, when the manifest lists it as a file and it is there. */
    public Optional<Path> locate(String domain, String relativePath) {
        try (PreparedStatement ps = db.connection()
                .prepareStatement("SELECT fileID, flags FROM Files WHERE domain = ? AND relativePath = ?")) {
            ps.setString(1, domain);
            ps.setString(2, relativePath);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getInt(2) != BackupEntry.FLAG_FILE) continue;
                    Path p = stored(rs.getString(1));
                    if (p != null && Files.isRegularFile(p)) return Optional.of(p);
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(dir.resolve("Manifest.db") + ": lookup failed: " + e.getMessage(), e);
        }
    }

    /**
     * The manifest rows of a domain (null: every domain) whose relative path starts with a prefix ("" or null: all),
     * files, folders and links alike, ordered by domain and path.
     */
    public List<BackupEntry> list(String domain, String relativePathPrefix) {
        String prefix = relativePathPrefix == null ? "" : relativePathPrefix;
        // substr instead of LIKE: relative paths hold '_' and '%', which LIKE would read as wildcards
        String sql = "SELECT fileID, domain, relativePath, flags FROM Files WHERE (? IS NULL OR domain = ?)"
                + " AND substr(relativePath, 1, ?) = ? ORDER BY domain, relativePath";
        try (PreparedStatement ps = db.connection().prepareStatement(sql)) {
            ps.setString(1, domain);
            ps.setString(2, domain);
            ps.setInt(3, prefix.length());
            ps.setString(4, prefix);
            List<BackupEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    out.add(new BackupEntry(id, rs.getString(2), nonNull(rs.getString(3)), rs.getInt(4), stored(id)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(dir.resolve("Manifest.db") + ": listing failed: " + e.getMessage(), e);
        }
    }

    /**
     * The device's last-modified time of a file, from the MBFile archive in the manifest's file column; empty when
     * the row carries none (the stored copy's own time is the backup's, not the device's).
     */
    public Optional<Date> lastModified(String fileId) {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT file FROM Files WHERE fileID = ?")) {
            ps.setString(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                byte[] blob = rs.getBytes(1);
                if (blob == null || blob.length == 0) return Optional.empty();
                return mbFileLastModified(blob);
            }
        } catch (SQLException | IOException e) {
            return Optional.empty();
        }
    }

    /** LastModified (seconds since 1970) of the MBFile object in an NSKeyedArchiver plist. */
    static Optional<Date> mbFileLastModified(byte[] blob) throws IOException {
        NSObject root = Plists.parse(blob, "Manifest.db file record");
        if (!(root instanceof NSDictionary d) || !(d.get("$objects") instanceof NSArray objects)) return Optional.empty();
        for (NSObject o : objects.getArray()) {
            if (o instanceof NSDictionary file && file.get("LastModified") instanceof NSNumber n) {
                return Optional.of(new Date(n.longValue() * 1000L));
            }
        }
        return Optional.empty();
    }

    /**
     * Where a row's content is stored: &lt;2 hex&gt;/&lt;fileID&gt; inside the backup folder. Null when the fileID is
     * not 40 hex digits (a crafted manifest may say ../../etc/shadow or an absolute path) or when the stored file
     * resolves outside the backup folder through a link: such rows are never read.
     */
    Path stored(String fileId) {
        if (!validFileId(fileId)) return null;
        Path p = dir.resolve(fileId.substring(0, 2)).resolve(fileId);
        if (Files.exists(p)) {
            try {
                if (!p.toRealPath().startsWith(dir.toRealPath())) return null;
            } catch (IOException e) {
                return p; // unreadable: reported as such where it is read
            }
        }
        return p;
    }

    /** A Manifest.db fileID is the SHA-1 of domain-relativePath: 40 hex digits. */
    public static boolean validFileId(String fileId) {
        if (fileId == null || fileId.length() != 40) return false;
        for (int i = 0; i < 40; i++) {
            char c = fileId.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
        }
        return true;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        db.close();
    }
}
