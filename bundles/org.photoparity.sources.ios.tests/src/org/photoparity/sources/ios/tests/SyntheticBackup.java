package org.photoparity.sources.ios.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Date;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;
import com.dd.plist.UID;

/**
 * An iOS 10+ backup folder built to its documented layout: Info.plist, Manifest.plist, Manifest.db (Files: fileID,
 * domain, relativePath, flags, file) and each file at &lt;2 hex&gt;/&lt;fileID&gt;, fileID = SHA-1("domain-path").
 */
final class SyntheticBackup {

    static final String CAMERA = "CameraRollDomain";

    final Path dir;
    private final Connection db;

    private SyntheticBackup(Path dir, Connection db) {
        this.dir = dir;
        this.db = db;
    }

    static SyntheticBackup create(Path dir, boolean encrypted) throws Exception {
        Files.createDirectories(dir);
        NSDictionary info = new NSDictionary();
        info.put("Device Name", "Anna's iPhone");
        info.put("Display Name", "Anna's iPhone");
        info.put("Product Type", "iPhone15,2");
        info.put("Product Version", "17.5.1");
        info.put("Build Version", "21F90");
        info.put("Serial Number", "F2LXK0AAAAAA");
        info.put("Unique Identifier", "00008120-001A2B3C4D5E6F70");
        info.put("Last Backup Date", new NSDate(new Date(1_717_243_200_000L)));
        info.put("iTunes Version", "12.13.2.3");
        PropertyListParser.saveAsXML(info, dir.resolve("Info.plist").toFile());

        NSDictionary lockdown = new NSDictionary();
        lockdown.put("ProductType", "iPhone15,2");
        lockdown.put("ProductVersion", "17.5.1");
        lockdown.put("BuildVersion", "21F90");
        lockdown.put("DeviceName", "Anna's iPhone");
        lockdown.put("SerialNumber", "F2LXK0AAAAAA");
        NSDictionary manifest = new NSDictionary();
        manifest.put("IsEncrypted", encrypted);
        manifest.put("Version", "10.0");
        manifest.put("WasPasscodeSet", true);
        manifest.put("Lockdown", lockdown);
        manifest.put("Date", new NSDate(new Date(1_717_243_200_000L)));
        BinaryPropertyListWriter.write(dir.resolve("Manifest.plist").toFile(), manifest);

        if (encrypted) {
            // an encrypted backup's Manifest.db is itself encrypted: not SQLite at all
            byte[] noise = new byte[4096];
            new java.util.Random(7).nextBytes(noise);
            Files.write(dir.resolve("Manifest.db"), noise);
            return new SyntheticBackup(dir, null);
        }
        Connection c = SyntheticPhotosDb.connect(dir.resolve("Manifest.db"));
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER,"
                    + " file BLOB)");
            st.execute("CREATE INDEX FilesDomainIdx ON Files(domain)");
            st.execute("CREATE INDEX FilesRelativePathIdx ON Files(relativePath)");
            st.execute("CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)");
        }
        return new SyntheticBackup(dir, c);
    }

    static String fileId(String domain, String relativePath) {
        return Fixtures.sha1Hex(domain + "-" + relativePath);
    }

    /** Stores a copy of {@code content} and lists it; returns the fileID. */
    String addFile(String domain, String relativePath, Path content, Long lastModifiedSeconds) throws Exception {
        String id = fileId(domain, relativePath);
        Path stored = dir.resolve(id.substring(0, 2)).resolve(id);
        Files.createDirectories(stored.getParent());
        Files.copy(content, stored);
        row(id, domain, relativePath, 1, lastModifiedSeconds == null ? null : mbFile(relativePath,
                lastModifiedSeconds, Files.size(content)));
        return id;
    }

    String addBytes(String domain, String relativePath, byte[] bytes) throws Exception {
        Path t = Files.createTempFile("pp-backup", ".bin");
        Files.write(t, bytes);
        try {
            return addFile(domain, relativePath, t, null);
        } finally {
            Files.delete(t);
        }
    }

    /** Lists a file without storing it, as in a backup that was cut short. */
    String addMissing(String domain, String relativePath) throws Exception {
        String id = fileId(domain, relativePath);
        row(id, domain, relativePath, 1, null);
        return id;
    }

    /** A row with any fileID at all, as a damaged or crafted Manifest.db may hold. */
    void addRow(String fileId, String domain, String relativePath) throws Exception {
        row(fileId, domain, relativePath, 1, null);
    }

    void addDirectory(String domain, String relativePath) throws Exception {
        row(fileId(domain, relativePath), domain, relativePath, 2, null);
    }

    private void row(String id, String domain, String path, int flags, byte[] blob) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO Files VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, domain);
            ps.setString(3, path);
            ps.setInt(4, flags);
            ps.setBytes(5, blob);
            ps.executeUpdate();
        }
    }

    /** The NSKeyedArchiver MBFile record a real Manifest.db keeps in its file column. */
    static byte[] mbFile(String relativePath, long lastModifiedSeconds, long size) throws IOException {
        NSDictionary file = new NSDictionary();
        file.put("$class", new UID("class", new byte[] {3}));
        file.put("LastModified", new NSNumber(lastModifiedSeconds));
        file.put("LastStatusChange", new NSNumber(lastModifiedSeconds));
        file.put("Birth", new NSNumber(lastModifiedSeconds));
        file.put("Size", new NSNumber(size));
        file.put("Mode", new NSNumber(33188));
        file.put("RelativePath", new UID("path", new byte[] {2}));
        file.put("Flags", new NSNumber(0));
        NSDictionary clazz = new NSDictionary();
        clazz.put("$classname", "MBFile");
        clazz.put("$classes", new NSArray(new NSString("MBFile"), new NSString("NSObject")));
        NSDictionary top = new NSDictionary();
        top.put("root", new UID("root", new byte[] {1}));
        NSDictionary root = new NSDictionary();
        root.put("$version", 100000);
        root.put("$archiver", "NSKeyedArchiver");
        root.put("$top", top);
        root.put("$objects", new NSArray(new NSString("$null"), file, new NSString(relativePath), clazz));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryPropertyListWriter.write(out, root);
        return out.toByteArray();
    }

    void close() throws Exception {
        if (db != null) db.close();
    }
}
