package org.photoparity.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Counts a Photos.sqlite's cloud states with sqlite-jdbc. The database is copied (with its -wal and -shm) to a
 * temporary folder first: SQLite writes beside a database it opens, and nothing here may write under a user's path.
 * Works across schema versions by asking which tables and columns exist (ZASSET from iOS 14, ZGENERICASSET before).
 */
public final class PhotosDbReader {

    /** Seconds between 1970-01-01 and 2001-01-01, Core Data's epoch. */
    private static final long APPLE_EPOCH = 978_307_200L;

    private PhotosDbReader() {
    }

    public static PhotosLibraryStats read(Path db, String label, Instant takenAt, IProgressMonitor monitor)
            throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, "Reading " + label, 100);
        Path tmp = Files.createTempDirectory("photoparity-photosdb");
        try {
            Path copy = tmp.resolve("Photos.sqlite");
            Files.copy(db, copy, StandardCopyOption.REPLACE_EXISTING);
            for (String suffix : new String[] { "-wal", "-shm" }) {
                Path side = db.resolveSibling(db.getFileName() + suffix);
                if (Files.isRegularFile(side)) Files.copy(side, tmp.resolve("Photos.sqlite" + suffix));
            }
            sub.worked(10);
            SQLiteDataSource ds = new SQLiteDataSource(new SQLiteConfig());
            ds.setUrl("jdbc:sqlite:" + copy);
            try (Connection c = ds.getConnection()) {
                return count(c, label, takenAt, sub.split(90));
            } catch (SQLException e) {
                throw new IOException(label + " could not be read as a Photos database (" + e.getMessage()
                        + "). Give the Photos.sqlite of the iPhone (backup: CameraRollDomain"
                        + " Media/PhotoData/Photos.sqlite) or an unencrypted backup folder.", e);
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static PhotosLibraryStats count(Connection c, String label, Instant takenAt, IProgressMonitor parent)
            throws SQLException, IOException {
        SubMonitor monitor = SubMonitor.convert(parent, 100);
        String asset = hasTable(c, "ZASSET") ? "ZASSET" : hasTable(c, "ZGENERICASSET") ? "ZGENERICASSET" : null;
        if (asset == null) {
            throw new IOException(label + " has no ZASSET or ZGENERICASSET table: it is not a Photos library"
                    + " database. Give the iPhone's Media/PhotoData/Photos.sqlite.");
        }
        Set<String> a = columns(c, asset);
        boolean master = hasTable(c, "ZCLOUDMASTER") && a.contains("ZMASTER");
        boolean attrs = hasTable(c, "ZADDITIONALASSETATTRIBUTES")
                && columns(c, "ZADDITIONALASSETATTRIBUTES").contains("ZASSET");
        Set<String> aa = attrs ? columns(c, "ZADDITIONALASSETATTRIBUTES") : Set.of();

        String sql = "SELECT a.Z_PK, " + col(a, "a", "ZUUID") + ", " + col(a, "a", "ZCLOUDLOCALSTATE") + ", "
                + col(a, "a", "ZTRASHEDSTATE") + ", " + (master ? "m.ZCLOUDLOCALSTATE" : "NULL") + ", "
                + col(aa, "aa", "ZUPLOADATTEMPTS") + ", " + col(aa, "aa", "ZLASTUPLOADATTEMPTDATE")
                + " FROM " + asset + " a"
                + (master ? " LEFT JOIN ZCLOUDMASTER m ON m.Z_PK = a.ZMASTER" : "")
                + (attrs ? " LEFT JOIN ZADDITIONALASSETATTRIBUTES aa ON aa.ZASSET = a.Z_PK" : "");

        Map<Long, Integer> localByAsset = localAvailability(c);
        long assets = 0, trashed = 0, withAttempts = 0, maxAttempts = 0, local = 0, notLocal = 0;
        double lastAttempt = Double.NaN;
        Map<Integer, Long> assetStates = new HashMap<>();
        Map<Integer, Long> masterStates = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        int rows = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                if (++rows % 500 == 0) {
                    if (monitor.isCanceled()) throw new OperationCanceledException();
                    monitor.setWorkRemaining(100).worked(1); // row count unknown up front: creep forward
                }
                long pk = rs.getLong(1);
                String uuid = rs.getString(2);
                int trashedState = rs.getInt(4);
                if (trashedState != 0) {
                    trashed++;
                    continue;
                }
                assets++;
                int state = rs.getInt(3);
                if (!rs.wasNull()) assetStates.merge(state, 1L, Long::sum);
                int mState = rs.getInt(5);
                boolean hasMaster = !rs.wasNull();
                if (hasMaster) masterStates.merge(mState, 1L, Long::sum);
                int attempts = rs.getInt(6);
                if (attempts > 0) {
                    withAttempts++;
                    maxAttempts = Math.max(maxAttempts, attempts);
                }
                double last = rs.getDouble(7);
                if (!rs.wasNull() && last > 0 && (Double.isNaN(lastAttempt) || last > lastAttempt)) lastAttempt = last;
                if ((hasMaster && mState == 1) || (state == 0 && attempts > 0)) {
                    pending.put(uuid != null ? uuid : "Z_PK " + pk, attempts);
                }
                Integer avail = localByAsset.get(pk);
                if (avail != null) {
                    if (avail == 1) local++;
                    else notLocal++;
                }
            }
        }
        boolean resources = !localByAsset.isEmpty();
        Instant last = Double.isNaN(lastAttempt) ? null
                : Instant.ofEpochMilli(Math.round((lastAttempt + APPLE_EPOCH) * 1000));
        return new PhotosLibraryStats(label, takenAt, assets, trashed, assetStates, masterStates, withAttempts,
                maxAttempts, last, resources ? local : -1, resources ? notLocal : -1, pending);
    }

    /** Original resources (ZDATASTORESUBTYPE 1) by asset: 1 when any copy is on the device, -1 otherwise. */
    private static Map<Long, Integer> localAvailability(Connection c) throws SQLException {
        Map<Long, Integer> m = new HashMap<>();
        if (!hasTable(c, "ZINTERNALRESOURCE")) return m;
        Set<String> r = columns(c, "ZINTERNALRESOURCE");
        if (!r.containsAll(Set.of("ZASSET", "ZLOCALAVAILABILITY", "ZDATASTORESUBTYPE"))) return m;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT ZASSET, MAX(ZLOCALAVAILABILITY) FROM ZINTERNALRESOURCE WHERE ZDATASTORESUBTYPE = 1"
                        + " AND ZASSET IS NOT NULL GROUP BY ZASSET")) {
            while (rs.next()) m.put(rs.getLong(1), rs.getInt(2) == 1 ? 1 : -1);
        }
        return m;
    }

    private static String col(Set<String> cols, String alias, String name) {
        return cols.contains(name) ? alias + "." + name : "NULL";
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> s = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) s.add(rs.getString("name").toUpperCase(Locale.ROOT));
        }
        return s;
    }
}
