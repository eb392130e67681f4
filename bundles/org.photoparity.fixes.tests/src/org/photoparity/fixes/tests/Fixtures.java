package org.photoparity.fixes.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.model.SourceRef;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSString;

/**
 * Test inputs written to the formats the real tools produce: ideviceinfo's plain and -x output, a Photos.sqlite
 * with the iOS 14+ tables, an iOS backup folder (Info.plist XML, Manifest.plist binary, Manifest.db, hashed file
 * names), cloudServiceEnableLog.plist (binary), and reconcile results built in memory.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** The shared folder with real iPhone files (read-only; copy before use). */
    static Path shared() {
        Path p = Path.of(System.getProperty("photoparity.shared", "/work/shared"));
        // from a git worktree the build's ../shared does not exist: use the machine's shared folder
        return Files.isDirectory(p) ? p : Path.of("/work/shared");
    }

    static Path copyRealPhotosSqlite(Path dir) throws IOException {
        Path src = shared().resolve("fixtures/real/photos-sqlite/Photos.sqlite");
        Path dst = dir.resolve("Photos.sqlite");
        Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
        dst.toFile().setWritable(true);
        return dst;
    }

    // ---- ideviceinfo, plain output (libplist "limd" format as printed by ideviceinfo 1.3) ----

    static final String ROOT_TEXT = """
            ActivationState: Activated
            ActivationStateAcknowledged: true
            BasebandStatus: BBInfoAvailable
            BluetoothAddress: a4:83:e7:12:34:56
            BuildVersion: 21F90
            CPUArchitecture: arm64e
            DeviceClass: iPhone
            DeviceColor: 1
            DeviceName: Anna's iPhone
            FirmwareVersion: iBoot-10151.122.1
            HardwareModel: D17AP
            HardwarePlatform: t8110
            NonVolatileRAM: auto-boot: dHJ1ZQ==
             backlight-level: MTUyOA==
            PasswordProtected: true
            ProductName: iPhone OS
            ProductType: iPhone14,5
            ProductVersion: 17.5.1
            SerialNumber: F2LXK0ABCDEF
            SupportedDeviceFamilies[1]:
             0: 1
            TimeZone: Europe/Oslo
            UniqueDeviceID: 00008110-001A2B3C4D5E6F7A
            """;

    static String rootText(String productType, String productVersion) {
        return ROOT_TEXT.replace("iPhone14,5", productType).replace("17.5.1", productVersion);
    }

    static String diskText(long available, long capacity, long photoUsage) {
        return """
                AmountDataAvailable: %d
                AmountDataReserved: 209715200
                AmountRestoreAvailable: 116050780160
                CalculateDiskUsage: OkilyDokily
                CameraUsage: 4096
                NANDInfo: AAAAAA==
                PhotoUsage: %d
                TotalDataAvailable: %d
                TotalDataCapacity: %d
                TotalDiskCapacity: 128000000000
                TotalSystemAvailable: 0
                TotalSystemCapacity: 8589934592
                """.formatted(available - 209715200, photoUsage, available, capacity);
    }

    static String batteryText(int level, boolean charging, boolean external) {
        return """
                BatteryCurrentCapacity: %d
                BatteryIsCharging: %s
                ExternalChargeCapable: %s
                ExternalConnected: %s
                FullyCharged: false
                GasGaugeCapability: true
                HasBattery: true
                """.formatted(level, charging, external, external);
    }

    // ---- ideviceinfo -x (libplist XML writer: tab indentation, <true/>, <integer>) ----

    static String plistXml(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                + "<plist version=\"1.0\">\n<dict>\n" + body + "</dict>\n</plist>\n";
    }

    static String diskXml(long available, long capacity, long photoUsage) {
        return plistXml("""
                \t<key>AmountDataAvailable</key>
                \t<integer>%d</integer>
                \t<key>AmountDataReserved</key>
                \t<integer>209715200</integer>
                \t<key>CalculateDiskUsage</key>
                \t<string>OkilyDokily</string>
                \t<key>PhotoUsage</key>
                \t<integer>%d</integer>
                \t<key>TotalDataAvailable</key>
                \t<integer>%d</integer>
                \t<key>TotalDataCapacity</key>
                \t<integer>%d</integer>
                \t<key>TotalDiskCapacity</key>
                \t<integer>128000000000</integer>
                """.formatted(available - 209715200, photoUsage, available, capacity));
    }

    static String batteryXml(int level, boolean charging, boolean external) {
        return plistXml("""
                \t<key>BatteryCurrentCapacity</key>
                \t<integer>%d</integer>
                \t<key>BatteryIsCharging</key>
                \t<%s/>
                \t<key>ExternalChargeCapable</key>
                \t<%s/>
                \t<key>ExternalConnected</key>
                \t<%s/>
                \t<key>FullyCharged</key>
                \t<false/>
                \t<key>HasBattery</key>
                \t<true/>
                """.formatted(level, charging, external, external));
    }

    static String rootXml(String productType, String productVersion) {
        return plistXml("""
                \t<key>ActivationState</key>
                \t<string>Activated</string>
                \t<key>BuildVersion</key>
                \t<string>22B83</string>
                \t<key>DeviceClass</key>
                \t<string>iPhone</string>
                \t<key>DeviceName</key>
                \t<string>Ola’s iPhone</string>
                \t<key>NonVolatileRAM</key>
                \t<dict>
                \t\t<key>auto-boot</key>
                \t\t<data>
                \t\tdHJ1ZQ==
                \t\t</data>
                \t</dict>
                \t<key>PasswordProtected</key>
                \t<true/>
                \t<key>ProductType</key>
                \t<string>%s</string>
                \t<key>ProductVersion</key>
                \t<string>%s</string>
                \t<key>SupportedDeviceFamilies</key>
                \t<array>
                \t\t<integer>1</integer>
                \t</array>
                \t<key>UniqueDeviceID</key>
                \t<string>00008030-000A1B2C3D4E5F60</string>
                """.formatted(productType, productVersion));
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    // ---- Photos.sqlite (iOS 14+ tables, the columns the probes read and a few around them) ----

    /**
     * One asset row: cloud states, upload attempts, whether the original is on the device, and what kind of row it is
     * (ZSAVEDASSETTYPE 3 camera / 6 cloud library, 4 shared album, 8 iCloud link, 12 Shared with You; ZBUNDLESCOPE).
     */
    record Row(String uuid, int assetState, Integer masterState, int attempts, Boolean originalLocal, boolean trashed,
            int savedType, int bundleScope) {
        Row(String uuid, int assetState, Integer masterState, int attempts, Boolean originalLocal, boolean trashed) {
            this(uuid, assetState, masterState, attempts, originalLocal, trashed, 3, 0);
        }

        /** A shared album item as Photos stores it: never synced by iCloud Photos (state 0), no cloud master. */
        static Row sharedAlbum(String uuid, int attempts) {
            return new Row(uuid, 0, null, attempts, true, false, 4, 2);
        }

        /** A Shared with You item (from Messages). */
        static Row sharedWithYou(String uuid) {
            return new Row(uuid, 0, null, 0, true, false, 12, 3);
        }

        static Row synced(String uuid) {
            return new Row(uuid, 1, 3, 0, true, false);
        }

        static Row pending(String uuid, int attempts) {
            return new Row(uuid, 1, 1, attempts, true, false);
        }

        static Row off(String uuid) {
            return new Row(uuid, 0, null, 0, true, false);
        }
    }

    static Path photosDb(Path file, List<Row> rows) throws IOException {
        Files.createDirectories(file.getParent());
        SQLiteDataSource ds = new SQLiteDataSource(new SQLiteConfig());
        ds.setUrl("jdbc:sqlite:" + file);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false); // one transaction: thousands of rows in milliseconds
            st.executeUpdate("CREATE TABLE ZASSET (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER,"
                    + " ZBUNDLESCOPE INTEGER, ZCLOUDLOCALSTATE INTEGER, ZKIND INTEGER, ZKINDSUBTYPE INTEGER,"
                    + " ZSAVEDASSETTYPE INTEGER, ZTRASHEDSTATE INTEGER, ZMASTER INTEGER, ZADDITIONALATTRIBUTES INTEGER,"
                    + " ZDATECREATED TIMESTAMP, ZTRASHEDDATE TIMESTAMP, ZCLOUDBATCHPUBLISHDATE TIMESTAMP,"
                    + " ZCLOUDASSETGUID VARCHAR, ZDIRECTORY VARCHAR,"
                    + " ZFILENAME VARCHAR, ZMEDIAGROUPUUID VARCHAR, ZUUID VARCHAR)");
            st.executeUpdate("CREATE TABLE ZCLOUDMASTER (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER,"
                    + " ZCLOUDLOCALSTATE INTEGER, ZCREATIONDATE TIMESTAMP, ZCLOUDMASTERGUID VARCHAR,"
                    + " ZORIGINALFILENAME VARCHAR)");
            st.executeUpdate("CREATE TABLE ZADDITIONALASSETATTRIBUTES (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER,"
                    + " Z_OPT INTEGER, ZORIGINALFILESIZE INTEGER, ZUPLOADATTEMPTS INTEGER, ZASSET INTEGER,"
                    + " ZLASTUPLOADATTEMPTDATE TIMESTAMP, ZMASTERFINGERPRINT VARCHAR, ZORIGINALFILENAME VARCHAR)");
            st.executeUpdate("CREATE TABLE ZINTERNALRESOURCE (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER,"
                    + " ZDATASTORESUBTYPE INTEGER, ZLOCALAVAILABILITY INTEGER, ZREMOTEAVAILABILITY INTEGER,"
                    + " ZRESOURCETYPE INTEGER, ZASSET INTEGER, ZDATALENGTH INTEGER)");
            try (PreparedStatement a = c.prepareStatement("INSERT INTO ZASSET (Z_PK, Z_ENT, Z_OPT, ZBUNDLESCOPE,"
                    + " ZCLOUDLOCALSTATE, ZKIND, ZKINDSUBTYPE, ZSAVEDASSETTYPE, ZTRASHEDSTATE, ZMASTER,"
                    + " ZADDITIONALATTRIBUTES, ZDATECREATED, ZDIRECTORY, ZFILENAME, ZUUID, ZCLOUDBATCHPUBLISHDATE)"
                    + " VALUES (?, 3, 1, ?, ?, 0, 0, ?, ?, ?, ?, ?, 'DCIM/100APPLE', ?, ?, ?)");
                    PreparedStatement m = c.prepareStatement("INSERT INTO ZCLOUDMASTER (Z_PK, Z_ENT, Z_OPT,"
                            + " ZCLOUDLOCALSTATE, ZCLOUDMASTERGUID, ZORIGINALFILENAME) VALUES (?, 9, 1, ?, ?, ?)");
                    PreparedStatement x = c.prepareStatement("INSERT INTO ZADDITIONALASSETATTRIBUTES (Z_PK, Z_ENT,"
                            + " Z_OPT, ZORIGINALFILESIZE, ZUPLOADATTEMPTS, ZASSET, ZLASTUPLOADATTEMPTDATE,"
                            + " ZORIGINALFILENAME) VALUES (?, 2, 1, 2400000, ?, ?, ?, ?)");
                    PreparedStatement r = c.prepareStatement("INSERT INTO ZINTERNALRESOURCE (Z_ENT, Z_OPT,"
                            + " ZDATASTORESUBTYPE, ZLOCALAVAILABILITY, ZREMOTEAVAILABILITY, ZRESOURCETYPE, ZASSET,"
                            + " ZDATALENGTH) VALUES (21, 1, ?, ?, 1, 0, ?, 2400000)")) {
                int pk = 0;
                for (Row row : rows) {
                    pk++;
                    String name = String.format("IMG_%04d.HEIC", pk);
                    a.setInt(1, pk);
                    a.setInt(2, row.bundleScope());
                    a.setInt(3, row.assetState());
                    a.setInt(4, row.savedType());
                    a.setInt(5, row.trashed() ? 1 : 0);
                    if (row.masterState() == null) a.setNull(6, java.sql.Types.INTEGER);
                    else a.setInt(6, pk);
                    a.setInt(7, pk);
                    a.setDouble(8, 700_000_000 + pk * 60.0);
                    a.setString(9, name);
                    a.setString(10, row.uuid());
                    if (row.savedType() == 4) a.setDouble(11, 700_000_100 + pk * 60.0); // published to the album
                    else a.setNull(11, java.sql.Types.DOUBLE);
                    a.executeUpdate();
                    if (row.masterState() != null) {
                        m.setInt(1, pk);
                        m.setInt(2, row.masterState());
                        m.setString(3, "A" + row.uuid().replace("-", ""));
                        m.setString(4, name);
                        m.executeUpdate();
                    }
                    x.setInt(1, pk);
                    x.setInt(2, row.attempts());
                    x.setInt(3, pk);
                    if (row.attempts() > 0) x.setDouble(4, 750_000_000 + row.attempts() * 3600.0);
                    else x.setNull(4, java.sql.Types.DOUBLE);
                    x.setString(5, name);
                    x.executeUpdate();
                    if (row.originalLocal() != null) {
                        r.setInt(1, 1); // original
                        r.setInt(2, row.originalLocal() ? 1 : -1);
                        r.setInt(3, pk);
                        r.executeUpdate();
                        r.setInt(1, 5); // a thumbnail, always local: must not count
                        r.setInt(2, 1);
                        r.setInt(3, pk);
                        r.executeUpdate();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IOException(e);
        }
        return file;
    }

    static List<Row> rows(int synced, int pending, int pendingAttempts, int off) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < synced; i++) rows.add(Row.synced(uuid("S", i)));
        for (int i = 0; i < pending; i++) rows.add(Row.pending(uuid("P", i), pendingAttempts));
        for (int i = 0; i < off; i++) rows.add(Row.off(uuid("O", i)));
        return rows;
    }

    static String uuid(String kind, int i) {
        return String.format("%s%07X-1C2B-4D3E-9F10-%012X", kind, i, i * 7919L);
    }

    // ---- iOS backup folder ----

    static final String PHOTOS_DB_FILE_ID = "12b144c0bd44f2b3dffd9186d3f9c05b917cee25";

    static Path backup(Path dir, String productType, String productVersion, Instant date, List<Row> rows,
            NSArray enableLog) throws Exception {
        Files.createDirectories(dir);
        NSDictionary info = new NSDictionary();
        info.put("Build Version", "21F90");
        info.put("Device Name", "Anna's iPhone");
        info.put("Display Name", "Anna's iPhone");
        info.put("GUID", "4F1C2B3D4E5F60718293A4B5C6D7E8F9");
        info.put("Last Backup Date", new NSDate(Date.from(date)));
        info.put("Product Name", "iPhone 13");
        info.put("Product Type", productType);
        info.put("Product Version", productVersion);
        info.put("Serial Number", "F2LXK0ABCDEF");
        info.put("Target Identifier", "00008110-001A2B3C4D5E6F7A");
        info.put("Target Type", "Device");
        info.put("Unique Identifier", "00008110-001A2B3C4D5E6F7A");
        info.put("iTunes Version", "12.13.2.3");
        NSDictionary itunesFiles = new NSDictionary();
        itunesFiles.put("IC-Info.sidv", new com.dd.plist.NSData(new byte[] { 1, 2, 3 }));
        info.put("iTunes Files", itunesFiles);
        Files.writeString(dir.resolve("Info.plist"), info.toXMLPropertyList(), StandardCharsets.UTF_8);

        NSDictionary manifest = new NSDictionary();
        manifest.put("BackupKeyBag", new com.dd.plist.NSData(new byte[] { 0x56, 0x45, 0x52, 0x53 }));
        manifest.put("Date", new NSDate(Date.from(date)));
        manifest.put("IsEncrypted", new NSNumber(false));
        manifest.put("SystemDomainsVersion", "24.0");
        manifest.put("Version", "10.0");
        manifest.put("WasPasscodeSet", new NSNumber(true));
        NSDictionary lockdown = new NSDictionary();
        lockdown.put("BuildVersion", "21F90");
        lockdown.put("DeviceName", "Anna's iPhone");
        lockdown.put("ProductType", productType);
        lockdown.put("ProductVersion", productVersion);
        lockdown.put("SerialNumber", "F2LXK0ABCDEF");
        lockdown.put("UniqueDeviceID", "00008110-001A2B3C4D5E6F7A");
        manifest.put("Lockdown", lockdown);
        BinaryPropertyListWriter.write(dir.resolve("Manifest.plist").toFile(), manifest);
        Files.write(dir.resolve("Status.plist"), plistXml("\t<key>IsFullBackup</key>\n\t<false/>\n")
                .getBytes(StandardCharsets.UTF_8));

        SQLiteDataSource ds = new SQLiteDataSource(new SQLiteConfig());
        ds.setUrl("jdbc:sqlite:" + dir.resolve("Manifest.db"));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT,"
                    + " flags INTEGER, file BLOB)");
            st.executeUpdate("CREATE INDEX FilesDomainIdx ON Files(domain)");
            st.executeUpdate("CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)");
            addFile(c, "CameraRollDomain", "Media/PhotoData", 2);
            if (rows != null) {
                addFile(c, "CameraRollDomain", "Media/PhotoData/Photos.sqlite", 1);
                photosDb(dir.resolve(PHOTOS_DB_FILE_ID.substring(0, 2)).resolve(PHOTOS_DB_FILE_ID), rows);
            }
            if (enableLog != null) {
                String id = addFile(c, "CameraRollDomain",
                        "Media/PhotoData/private/com.apple.assetsd/cloudServiceEnableLog.plist", 1);
                Path f = dir.resolve(id.substring(0, 2)).resolve(id);
                Files.createDirectories(f.getParent());
                BinaryPropertyListWriter.write(f.toFile(), enableLog);
            }
        }
        return dir;
    }

    private static String addFile(Connection c, String domain, String path, int flags) throws Exception {
        String id = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest((domain + "-" + path).getBytes(StandardCharsets.UTF_8)));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO Files VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, domain);
            ps.setString(3, path);
            ps.setInt(4, flags);
            ps.setBytes(5, new byte[] { 0x62, 0x70, 0x6c, 0x69, 0x73, 0x74 }); // an NSKeyedArchiver blob in reality
            ps.executeUpdate();
        }
        return id;
    }

    /** cloudServiceEnableLog.plist entries as Photos writes them: {enabled, type, reason, timestamp}. */
    static NSArray enableLog(Object... entries) {
        List<NSDictionary> list = new ArrayList<>();
        for (int i = 0; i < entries.length; i += 2) {
            NSDictionary d = new NSDictionary();
            d.put("enabled", new NSNumber((Boolean) entries[i + 1]));
            d.put("type", new NSString("CPL"));
            d.put("reason", new NSString(((Boolean) entries[i + 1]) ? "user enabled" : "user disabled"));
            d.put("timestamp", new NSDate(Date.from((Instant) entries[i])));
            list.add(d);
        }
        return new NSArray(list.toArray(new NSDictionary[0]));
    }

    // ---- reconcile results in memory ----

    static MediaFile file(String path, long size) {
        return new MediaFile(0, path, MediaFormat.fromFileName(path), ResourceRole.ORIGINAL, size, 0, null, "Apple",
                "iPhone 13", 4032, 3024, 1, null, null, null, null, null, null, false, null, Map.of());
    }

    static Asset asset(String path, long size) {
        return new Asset("0:" + path, AssetKind.PHOTO, List.of(file(path, size)), null);
    }

    static Mismatch mismatch(Category c, List<Asset> device, List<Asset> cloud) {
        return new Mismatch(c, device.stream().map(a -> a.primary().path()).toList(),
                cloud.stream().map(a -> a.primary().path()).toList(), null, c.label(), Set.of(), device, cloud);
    }

    static SideInventory side(SideRole role, List<Asset> assets) {
        long bytes = assets.stream().mapToLong(Asset::bytes).sum();
        return new SideInventory(role, List.of(new SourceRef("/cases/anna/" + role.key(), "folder")), assets,
                List.of(), List.of(), assets.size(), assets.size(), bytes);
    }

    static ReconcileResult result(List<Asset> device, List<Asset> cloud, List<Mismatch> mismatches) {
        return new ReconcileResult(side(SideRole.DEVICE, device), side(SideRole.CLOUD, cloud), 0, mismatches, Map.of());
    }

    static List<Asset> assets(String prefix, int n, long size) {
        List<Asset> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(asset(String.format("%s/IMG_%04d.HEIC", prefix, i), size));
        return out;
    }
}
