package org.photoparity.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Finds a file of an unencrypted iOS backup (iOS 10+ layout: Manifest.db Files(fileID, domain, relativePath),
 * content at {@code <first two hex>/<fileID>}). Kept small on purpose: replaceable by the iOS source bundle's
 * IosBackup once that is shared.
 */
final class BackupFiles {

    static final String CAMERA_ROLL = "CameraRollDomain";
    static final String PHOTOS_DB = "Media/PhotoData/Photos.sqlite";
    static final String ENABLE_LOG = "Media/PhotoData/private/com.apple.assetsd/cloudServiceEnableLog.plist";

    private BackupFiles() {
    }

    static boolean looksLikeBackup(Path dir) {
        return Files.isRegularFile(dir.resolve("Manifest.plist"))
                && (Files.isRegularFile(dir.resolve("Manifest.db")) || Files.isRegularFile(dir.resolve("Info.plist")));
    }

    /**
     * The content file of domain + relativePath: by Manifest.db when it can be read, else by the fileID rule
     * (SHA-1 of "domain-relativePath") that the backup uses to name its files.
     */
    static Optional<Path> locate(Path backup, String domain, String relativePath) throws IOException {
        Path manifest = backup.resolve("Manifest.db");
        if (Files.isRegularFile(manifest)) {
            Optional<String> id = fileId(manifest, domain, relativePath);
            if (id.isPresent()) {
                Path f = backup.resolve(id.get().substring(0, 2)).resolve(id.get());
                if (Files.isRegularFile(f)) return Optional.of(f);
            }
        }
        String id = sha1(domain + "-" + relativePath);
        for (Path f : new Path[] { backup.resolve(id.substring(0, 2)).resolve(id), backup.resolve(id) }) {
            if (Files.isRegularFile(f)) return Optional.of(f);
        }
        return Optional.empty();
    }

    private static Optional<String> fileId(Path manifest, String domain, String relativePath) throws IOException {
        Path tmp = Files.createTempFile("photoparity-manifest", ".db");
        try {
            Files.copy(manifest, tmp, StandardCopyOption.REPLACE_EXISTING);
            SQLiteDataSource ds = new SQLiteDataSource(new SQLiteConfig());
            ds.setUrl("jdbc:sqlite:" + tmp);
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement(
                            "SELECT fileID FROM Files WHERE domain = ? AND relativePath = ?")) {
                ps.setString(1, domain);
                ps.setString(2, relativePath);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                // an encrypted backup's Manifest.db is not SQLite: fall back to the fileID rule
                return Optional.empty();
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
