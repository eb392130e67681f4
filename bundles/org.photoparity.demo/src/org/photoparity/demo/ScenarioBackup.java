package org.photoparity.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sqlite.SQLiteConfig;

/**
 * Writes the device side of a {@link RealScenario} as an unencrypted iOS 10+ backup, to the documented layout
 * (docs/formats.md) the project's synthetic backup test fixtures use: Info.plist and Manifest.plist (XML), Manifest.db
 * (Files: fileID = SHA-1("domain-relativePath"), domain, relativePath, flags 1 file / 2 folder) and each file at
 * &lt;first 2 hex&gt;/&lt;fileID&gt;; the camera roll's Photos.sqlite in the iOS 17/18 shape (ZASSET,
 * ZADDITIONALASSETATTRIBUTES, ZCLOUDMASTER, ZINTERNALRESOURCE) with the rows a real library would hold for each
 * planted asset: synced state, Live Photo media group, burst UUID and pick type, hidden and trashed flags, shared
 * album items (saved type 4, bundle scope 2, batch publish date) whose media sit under PhotoCloudSharingData.
 */
final class ScenarioBackup {

    static final String CAMERA = "CameraRollDomain";
    static final String SHARING_DIR = "17058154511/9F9A2608-AFE0-4232-A0DC-5ABA7317B978";
    private static final long APPLE_EPOCH = 978_307_200L;

    private final List<RealScenario.Planted> assets;

    ScenarioBackup(List<RealScenario.Planted> assets) {
        this.assets = assets;
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        RealScenario.write(dir.resolve("Info.plist"), plist("""
                <key>Device Name</key><string>Scenario iPhone</string>
                <key>Display Name</key><string>Scenario iPhone</string>
                <key>Product Type</key><string>iPhone16,1</string>
                <key>Product Version</key><string>18.6.2</string>
                <key>Build Version</key><string>22G100</string>
                <key>Serial Number</key><string>F2LSCENARIO0</string>
                <key>Unique Identifier</key><string>00008130-000A1B2C3D4E5F60</string>
                <key>Last Backup Date</key><date>2026-11-30T12:00:00Z</date>
                """));
        RealScenario.write(dir.resolve("Manifest.plist"), plist("""
                <key>IsEncrypted</key><false/>
                <key>Version</key><string>10.0</string>
                <key>WasPasscodeSet</key><true/>
                <key>Date</key><date>2026-11-30T12:00:00Z</date>
                <key>Lockdown</key><dict>
                <key>ProductType</key><string>iPhone16,1</string>
                <key>ProductVersion</key><string>18.6.2</string>
                <key>BuildVersion</key><string>22G100</string>
                <key>DeviceName</key><string>Scenario iPhone</string>
                </dict>
                """));
        Path photosDb = dir.resolve("Photos.sqlite.building");
        Path manifest = dir.resolve("Manifest.db.building");
        Files.deleteIfExists(photosDb);
        Files.deleteIfExists(manifest);
        try (Connection m = new SQLiteConfig().createConnection("jdbc:sqlite:" + manifest.toAbsolutePath());
                Connection p = new SQLiteConfig().createConnection("jdbc:sqlite:" + photosDb.toAbsolutePath())) {
            try (Statement st = m.createStatement()) {
                st.execute("CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT,"
                        + " flags INTEGER, file BLOB)");
                st.execute("CREATE INDEX FilesDomainIdx ON Files(domain)");
                st.execute("CREATE INDEX FilesRelativePathIdx ON Files(relativePath)");
                st.execute("CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)");
            }
            createPhotosSchema(p);
            Set<String> folders = new LinkedHashSet<>(List.of("Media", "Media/DCIM", "Media/DCIM/100APPLE",
                    "Media/PhotoData", "Media/PhotoData/PhotoCloudSharingData"));
            int pk = 0;
            for (RealScenario.Planted a : assets) {
                pk++;
                String directory = a.shared ? SHARING_DIR : "DCIM/100APPLE";
                String folder = a.shared ? "Media/PhotoData/PhotoCloudSharingData/" + SHARING_DIR : "Media/DCIM/100APPLE";
                for (String f = folder; f.contains("/"); f = f.substring(0, f.lastIndexOf('/'))) folders.add(f);
                for (RealScenario.File f : a.files) store(dir, m, folder + "/" + f.name(), f.bytes());
                row(p, pk, a, directory);
            }
            for (String f : folders) entry(m, f, 2);
            // Photos.sqlite itself, stored like any other camera roll file
            p.close();
            store(dir, m, "Media/PhotoData/Photos.sqlite", Files.readAllBytes(photosDb));
        } catch (SQLException e) {
            throw new IOException("writing the scenario backup failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(photosDb);
        }
        Files.move(manifest, dir.resolve("Manifest.db"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] plist(String body) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
                + " \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n<dict>\n" + body
                + "</dict>\n</plist>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void store(Path dir, Connection m, String relativePath, byte[] bytes) throws IOException,
            SQLException {
        String id = fileId(relativePath);
        RealScenario.write(dir.resolve(id.substring(0, 2)).resolve(id), bytes);
        entry(m, relativePath, 1);
    }

    private static void entry(Connection m, String relativePath, int flags) throws SQLException {
        try (PreparedStatement ps = m.prepareStatement("INSERT INTO Files VALUES (?, ?, ?, ?, NULL)")) {
            ps.setString(1, fileId(relativePath));
            ps.setString(2, CAMERA);
            ps.setString(3, relativePath);
            ps.setInt(4, flags);
            ps.executeUpdate();
        }
    }

    static String fileId(String relativePath) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest((CAMERA + "-" + relativePath).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createPhotosSchema(Connection p) throws SQLException {
        try (Statement st = p.createStatement()) {
            st.execute("CREATE TABLE ZASSET (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZUUID VARCHAR, ZKIND INTEGER,"
                    + " ZKINDSUBTYPE INTEGER, ZCLOUDLOCALSTATE INTEGER, ZDIRECTORY VARCHAR, ZFILENAME VARCHAR,"
                    + " ZCLOUDASSETGUID VARCHAR, ZWIDTH INTEGER, ZHEIGHT INTEGER, ZDATECREATED TIMESTAMP,"
                    + " ZADDEDDATE TIMESTAMP, ZTRASHEDSTATE INTEGER, ZTRASHEDDATE TIMESTAMP, ZHIDDEN INTEGER,"
                    + " ZFAVORITE INTEGER, ZSAVEDASSETTYPE INTEGER, ZBUNDLESCOPE INTEGER, ZMASTER INTEGER,"
                    + " ZMEDIAGROUPUUID VARCHAR, ZCLOUDBATCHPUBLISHDATE TIMESTAMP, ZAVALANCHEUUID VARCHAR,"
                    + " ZAVALANCHEPICKTYPE INTEGER, ZACTIVELIBRARYSCOPEPARTICIPATIONSTATE INTEGER,"
                    + " ZLIBRARYSCOPE INTEGER)");
            st.execute("CREATE TABLE ZADDITIONALASSETATTRIBUTES (Z_PK INTEGER PRIMARY KEY, ZASSET INTEGER,"
                    + " ZORIGINALFILENAME VARCHAR, ZMASTERFINGERPRINT VARCHAR, ZORIGINALFILESIZE INTEGER,"
                    + " ZORIGINALWIDTH INTEGER, ZORIGINALHEIGHT INTEGER, ZUPLOADATTEMPTS INTEGER)");
            st.execute("CREATE TABLE ZCLOUDMASTER (Z_PK INTEGER PRIMARY KEY, ZCLOUDLOCALSTATE INTEGER,"
                    + " ZCLOUDMASTERGUID VARCHAR, ZORIGINALFILENAME VARCHAR)");
            st.execute("CREATE TABLE ZINTERNALRESOURCE (Z_PK INTEGER PRIMARY KEY, ZASSET INTEGER,"
                    + " ZDATASTORESUBTYPE INTEGER, ZRESOURCETYPE INTEGER, ZVERSION INTEGER, ZFINGERPRINT VARCHAR,"
                    + " ZLOCALAVAILABILITY INTEGER, ZREMOTEAVAILABILITY INTEGER)");
        }
    }

    private static void row(Connection p, int pk, RealScenario.Planted a, String directory) throws SQLException {
        RealScenario.File primary = a.primary();
        boolean video = primary.name().toUpperCase(java.util.Locale.ROOT).endsWith(".MOV");
        boolean live = a.mediaGroup != null && a.files.size() > 1;
        double created = RealScenario.epochSeconds(a.when) - APPLE_EPOCH;
        String uuid = ScenarioBytes.uuid("asset-" + primary.name() + "-" + pk);
        String fingerprint = "A" + ScenarioBytes.uuid("fp-" + pk).replace("-", "").substring(0, 27);
        boolean synced = !a.shared && !a.notSynced;
        try (PreparedStatement ps = p.prepareStatement("INSERT INTO ZASSET VALUES (?, 3, ?, ?, ?, ?, ?, ?, ?, NULL,"
                + " NULL, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, NULL)")) {
            int i = 1;
            ps.setInt(i++, pk);
            ps.setString(i++, uuid);
            ps.setInt(i++, video ? 1 : 0);
            ps.setInt(i++, live ? 2 : 0);
            ps.setInt(i++, synced ? 1 : 0);
            ps.setString(i++, directory);
            ps.setString(i++, primary.name());
            ps.setString(i++, synced ? ScenarioBytes.uuid("cloud-" + pk) : null);
            ps.setDouble(i++, created);
            ps.setDouble(i++, created + 5);
            ps.setInt(i++, a.deleted ? 1 : 0);
            if (a.deleted) ps.setDouble(i++, created + 86_400);
            else ps.setNull(i++, java.sql.Types.DOUBLE);
            ps.setInt(i++, a.hidden ? 1 : 0);
            ps.setInt(i++, a.shared ? 4 : 3);
            ps.setInt(i++, a.shared ? 2 : 0);
            if (synced) ps.setInt(i++, pk);
            else ps.setNull(i++, java.sql.Types.INTEGER);
            ps.setString(i++, live ? a.mediaGroup : null);
            if (a.shared) ps.setDouble(i++, created + 3600);
            else ps.setNull(i++, java.sql.Types.DOUBLE);
            ps.setString(i++, a.burstId);
            if (a.burstId != null) ps.setInt(i++, a.burstPickType);
            else ps.setInt(i++, 0);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = p.prepareStatement(
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (?, ?, ?, ?, ?, NULL, NULL, 0)")) {
            ps.setInt(1, 1000 + pk);
            ps.setInt(2, pk);
            // a shared album file is stored under a UUID name; the original name is the camera's
            ps.setString(3, a.shared ? "IMG_" + (9000 + pk) + ".JPG" : primary.name());
            ps.setString(4, a.shared ? null : fingerprint);
            ps.setLong(5, primary.bytes().length);
            ps.executeUpdate();
        }
        if (synced) {
            try (PreparedStatement ps = p.prepareStatement("INSERT INTO ZCLOUDMASTER VALUES (?, 3, ?, ?)")) {
                ps.setInt(1, pk);
                ps.setString(2, fingerprint);
                ps.setString(3, primary.name());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = p.prepareStatement(
                "INSERT INTO ZINTERNALRESOURCE VALUES (NULL, ?, 1, ?, 0, ?, 1, ?)")) {
            ps.setInt(1, pk);
            ps.setInt(2, video ? 1 : 0);
            ps.setString(3, a.shared ? null : fingerprint);
            ps.setInt(4, synced ? 1 : 0);
            ps.executeUpdate();
        }
    }
}
