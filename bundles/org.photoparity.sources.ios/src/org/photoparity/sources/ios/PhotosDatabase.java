package org.photoparity.sources.ios;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.Sharing;

/**
 * A Photos.sqlite (iOS 11-13 ZGENERICASSET, iOS 14+ and macOS ZASSET) read as a listing of assets. The database is
 * never opened in place: a private copy of it and its -wal is opened read-only (see {@link SqliteSnapshot}), so a
 * database in use or locked by another process can be read and its files keep their bytes and times. Every column
 * is checked with PRAGMA table_info before it is used: a column missing from an older schema reads as null.
 */
public final class PhotosDatabase implements AutoCloseable {

    /** Core Data stores dates as seconds since 2001-01-01T00:00:00Z. */
    static final long APPLE_EPOCH_OFFSET_SECONDS = 978_307_200L;

    private static final String ADDITIONAL = "ZADDITIONALASSETATTRIBUTES";
    private static final String MASTER = "ZCLOUDMASTER";
    private static final String RESOURCE = "ZINTERNALRESOURCE";
    private static final String CONTRIBUTOR = "ZASSETCONTRIBUTOR";
    private static final String PARTICIPANT = "ZSHAREPARTICIPANT";
    private static final String SHARE = "ZSHARE";
    /**
     * ZSHAREPARTICIPANT.ZROLE of a Shared Library participant (iLEAPP Ph031/Ph032, Scott Koenig's Photos.sqlite
     * queries: 1 owner, 2 invitee); ZSHARE.ZSCOPETYPE 4 and 5 are Shared Library scopes there.
     */
    private static final int ROLE_OWNER = 1;
    private static final int ROLE_INVITEE = 2;
    /** Core Data names the contributor's link column after the owning entity's number: Z3LIBRARYSCOPEASSETCONTRIBUTORS. */
    private static final java.util.regex.Pattern CONTRIBUTOR_LINK =
            java.util.regex.Pattern.compile("Z(\\d+)LIBRARYSCOPEASSETCONTRIBUTORS");

    private final SqliteSnapshot db;
    private final String assetTable;

    private PhotosDatabase(SqliteSnapshot db, String assetTable) {
        this.db = db;
        this.assetTable = assetTable;
    }

    /** Opens {@code file} safely, with its -wal (or -journal) beside it when there is one. */
    public static PhotosDatabase open(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        return open(file, dir.resolve(name + "-wal"), dir.resolve(name + "-journal"));
    }

    /**
     * Opens a Photos.sqlite whose -wal is stored under another name (an iOS backup stores both under hashed names).
     *
     * @param wal the write-ahead log to include, or null
     */
    public static PhotosDatabase open(Path file, Path wal) throws IOException {
        return open(file, wal, null);
    }

    private static PhotosDatabase open(Path file, Path wal, Path journal) throws IOException {
        SqliteSnapshot snapshot = SqliteSnapshot.open(file, wal, journal, "Photos.sqlite");
        try {
            String table;
            if (snapshot.hasTable("ZASSET")) table = "ZASSET";
            else if (snapshot.hasTable("ZGENERICASSET")) table = "ZGENERICASSET";
            else {
                throw new IOException(file + " is an SQLite database but not a Photos library database (it has no"
                        + " ZASSET or ZGENERICASSET table). Give the Photos.sqlite from PhotoData/ (iPhone) or"
                        + " database/ (Mac library).");
            }
            Set<String> cols = snapshot.columns(table);
            if (!cols.contains("Z_PK")) {
                throw new IOException(file + ": table " + table + " has no Z_PK column; this is not a Photos.sqlite.");
            }
            return new PhotosDatabase(snapshot, table);
        } catch (SQLException e) {
            snapshot.close();
            throw new IOException(file + " could not be read as a Photos.sqlite: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    /** The user's file that was copied and read. */
    public Path file() {
        return db.original();
    }

    /** ZASSET (iOS 14+, macOS) or ZGENERICASSET (iOS 11-13). */
    public String assetTable() {
        return assetTable;
    }

    /** Number of assets (rows of the asset table). */
    public int count() throws IOException {
        try (Statement st = db.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + assetTable)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IOException(file() + ": counting " + assetTable + " failed: " + e.getMessage(), e);
        }
    }

    /** Every asset as a Listing, in Z_PK order; paths are ZDIRECTORY/ZFILENAME as stored. */
    public List<Listing> listings(int source) throws IOException {
        List<Listing> all = new ArrayList<>();
        forEach(source, null, "", new NullProgressMonitor(), all::add);
        return all;
    }

    /**
     * Streams every asset as a Listing, in Z_PK order.
     *
     * @param source     index of the source in its side
     * @param origin     the listing's origin; null for "&lt;file name&gt; &lt;table&gt;"
     * @param pathPrefix put before ZDIRECTORY/ZFILENAME so the path is relative to the source root (an iOS
     *                   backup's database names files relative to Media/)
     */
    public void forEach(int source, String origin, String pathPrefix, IProgressMonitor monitor, Consumer<Listing> sink)
            throws IOException {
        String from = origin != null ? origin : file().getFileName() + " " + assetTable;
        String prefix = pathPrefix == null ? "" : pathPrefix;
        try {
            int total = count();
            SubMonitor progress = SubMonitor.convert(monitor, "Reading " + file().getFileName(), total);
            try (PreparedStatement ps = db.connection().prepareStatement(query());
                    ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    if (progress.isCanceled()) throw new OperationCanceledException();
                    sink.accept(toListing(rs, source, from, prefix));
                    progress.worked(1);
                    if (++n % 200 == 0) progress.subTask(n + " of " + total + " assets");
                }
            }
        } catch (SQLException e) {
            throw new IOException(file() + ": reading " + assetTable + " failed: " + e.getMessage()
                    + ". The database may be damaged: copy it again from the device or library.", e);
        }
    }

    /** The SELECT, with NULL in place of every column this schema lacks. */
    private String query() throws SQLException {
        Set<String> a = db.columns(assetTable);
        Set<String> aa = db.columns(ADDITIONAL);
        Set<String> cm = db.columns(MASTER);
        Set<String> ir = db.columns(RESOURCE);
        List<String> sel = new ArrayList<>();
        for (String c : List.of("Z_PK", "ZUUID", "ZKIND", "ZKINDSUBTYPE", "ZCLOUDLOCALSTATE", "ZDIRECTORY", "ZFILENAME",
                "ZCLOUDASSETGUID", "ZWIDTH", "ZHEIGHT", "ZDATECREATED", "ZADDEDDATE", "ZTRASHEDSTATE", "ZTRASHEDDATE",
                "ZHIDDEN", "ZFAVORITE", "ZSAVEDASSETTYPE", "ZBUNDLESCOPE", "ZMEDIAGROUPUUID",
                "ZCLOUDBATCHPUBLISHDATE", "ZCLOUDSERVERPUBLISHDATE", "ZAVALANCHEUUID", "ZAVALANCHEPICKTYPE",
                "ZACTIVELIBRARYSCOPEPARTICIPATIONSTATE", "ZLIBRARYSCOPE")) {
            sel.add(column(a, "a", c, "a_" + c));
        }
        for (String c : List.of("ZORIGINALFILENAME", "ZMASTERFINGERPRINT", "ZORIGINALFILESIZE", "ZORIGINALWIDTH",
                "ZORIGINALHEIGHT", "ZUPLOADATTEMPTS", "ZLASTUPLOADATTEMPTDATE")) {
            sel.add(column(aa, "aa", c, "aa_" + c));
        }
        boolean masterJoin = !cm.isEmpty() && a.contains("ZMASTER");
        for (String c : List.of("ZCLOUDLOCALSTATE", "ZCLOUDMASTERGUID", "ZORIGINALFILENAME")) {
            sel.add(masterJoin ? column(cm, "cm", c, "cm_" + c) : "NULL AS cm_" + c);
        }
        boolean resourceJoin = ir.contains("ZASSET") && ir.contains("ZDATASTORESUBTYPE")
                && ir.contains("ZLOCALAVAILABILITY");
        sel.add(resourceJoin ? "ir.local AS ir_local" : "NULL AS ir_local");
        sel.add(resourceJoin && ir.contains("ZREMOTEAVAILABILITY") ? "ir.remote AS ir_remote" : "NULL AS ir_remote");
        sel.add(resourceJoin ? "ir.anyLocal AS ir_anyLocal" : "NULL AS ir_anyLocal");
        // the original resource's own fingerprint: photos (resource type 0) and videos (1), version 0 (unadjusted)
        boolean resourceFingerprint = resourceJoin && ir.contains("ZFINGERPRINT");
        sel.add(resourceFingerprint ? "irf.fp AS ir_fingerprint" : "NULL AS ir_fingerprint");
        String contributorColumn = contributorColumn();
        sel.add(contributorColumn != null ? "ct.n AS ct_n" : "NULL AS ct_n");
        sel.add(contributorColumn != null ? "ct.mine AS ct_mine" : "NULL AS ct_mine");
        Set<String> sp = db.columns(PARTICIPANT);
        boolean roleJoin = a.contains("ZLIBRARYSCOPE") && sp.contains("ZSHARE") && sp.contains("ZISCURRENTUSER")
                && sp.contains("ZROLE");
        sel.add(roleJoin ? "me.lo AS me_lo" : "NULL AS me_lo");
        sel.add(roleJoin ? "me.hi AS me_hi" : "NULL AS me_hi");

        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", sel))
                .append(" FROM ").append(assetTable).append(" a");
        if (!aa.isEmpty()) {
            // iOS 14+/macOS link the attributes to the asset; older stores only link the asset to the attributes
            if (aa.contains("ZASSET")) sql.append(" LEFT JOIN ").append(ADDITIONAL).append(" aa ON aa.ZASSET = a.Z_PK");
            else if (a.contains("ZADDITIONALATTRIBUTES"))
                sql.append(" LEFT JOIN ").append(ADDITIONAL).append(" aa ON aa.Z_PK = a.ZADDITIONALATTRIBUTES");
            else sql.append(" LEFT JOIN ").append(ADDITIONAL).append(" aa ON 0");
        }
        if (masterJoin) sql.append(" LEFT JOIN ").append(MASTER).append(" cm ON cm.Z_PK = a.ZMASTER");
        if (resourceJoin) {
            // the original (data store subtype 1) is local only when every original resource of the asset is
            // anyLocal: whether at least one original resource is on the device (what the evidence probes count)
            sql.append(" LEFT JOIN (SELECT ZASSET, MIN(ZLOCALAVAILABILITY) AS local, MAX(ZLOCALAVAILABILITY) AS anyLocal, ")
                    .append(ir.contains("ZREMOTEAVAILABILITY") ? "MAX(ZREMOTEAVAILABILITY)" : "NULL")
                    .append(" AS remote FROM ").append(RESOURCE)
                    .append(" WHERE ZDATASTORESUBTYPE = 1 GROUP BY ZASSET) ir ON ir.ZASSET = a.Z_PK");
        }
        if (resourceFingerprint) {
            String typeFilter = ir.contains("ZRESOURCETYPE") ? " AND ZRESOURCETYPE IN (0, 1)" : "";
            String versionFilter = ir.contains("ZVERSION") ? " AND ZVERSION = 0" : "";
            sql.append(" LEFT JOIN (SELECT ZASSET, MIN(ZFINGERPRINT) AS fp FROM ").append(RESOURCE)
                    .append(" WHERE ZDATASTORESUBTYPE = 1 AND ZFINGERPRINT IS NOT NULL AND ZFINGERPRINT <> ''")
                    .append(typeFilter).append(versionFilter).append(" GROUP BY ZASSET) irf ON irf.ZASSET = a.Z_PK");
        }
        if (contributorColumn != null) {
            // iCloud Shared Library contributors (iLEAPP Ph-SPL queries): an asset whose every contributor is
            // another participant was not added by this user
            Set<String> c = db.columns(CONTRIBUTOR);
            Set<String> p = db.columns(PARTICIPANT);
            String mineExpr = c.contains("ZISCURRENTUSER") && p.contains("ZISCURRENTUSER")
                    ? "COALESCE(p.ZISCURRENTUSER, c.ZISCURRENTUSER, 0)"
                    : p.contains("ZISCURRENTUSER") ? "COALESCE(p.ZISCURRENTUSER, 0)"
                    : c.contains("ZISCURRENTUSER") ? "COALESCE(c.ZISCURRENTUSER, 0)" : "NULL";
            boolean participantJoin = !p.isEmpty() && c.contains("ZPARTICIPANT") && p.contains("ZISCURRENTUSER");
            String owner = contributorOwnerIsAttributes(contributorColumn) ? "aa.Z_PK" : "a.Z_PK";
            if (owner.equals("aa.Z_PK") && aa.isEmpty()) owner = "NULL";
            sql.append(" LEFT JOIN (SELECT c.").append(contributorColumn).append(" AS owner, COUNT(*) AS n, MAX(")
                    .append(mineExpr).append(") AS mine FROM ").append(CONTRIBUTOR).append(" c");
            if (participantJoin) sql.append(" LEFT JOIN ").append(PARTICIPANT).append(" p ON p.Z_PK = c.ZPARTICIPANT");
            sql.append(" GROUP BY c.").append(contributorColumn).append(") ct ON ct.owner = ").append(owner);
        }
        if (roleJoin) {
            // this user's role in the Shared Library the asset is in (ZLIBRARYSCOPE names its ZSHARE row)
            boolean scopeType = db.columns(SHARE).contains("ZSCOPETYPE");
            sql.append(" LEFT JOIN (SELECT p.ZSHARE AS share, MIN(p.ZROLE) AS lo, MAX(p.ZROLE) AS hi FROM ")
                    .append(PARTICIPANT).append(" p");
            if (scopeType) sql.append(" JOIN ").append(SHARE).append(" s ON s.Z_PK = p.ZSHARE AND s.ZSCOPETYPE IN (4, 5)");
            sql.append(" WHERE p.ZISCURRENTUSER = 1 GROUP BY p.ZSHARE) me ON me.share = a.ZLIBRARYSCOPE");
        }
        sql.append(" ORDER BY a.Z_PK");
        return sql.toString();
    }

    /** The contributor table's link column to its asset (or attributes), or null when the schema has none. */
    private String contributorColumn() throws SQLException {
        for (String c : db.columns(CONTRIBUTOR)) {
            if (CONTRIBUTOR_LINK.matcher(c).matches()) return c;
        }
        return null;
    }

    /** Whether the link column's entity number names AdditionalAssetAttributes rather than Asset (Z_PRIMARYKEY). */
    private boolean contributorOwnerIsAttributes(String column) throws SQLException {
        java.util.regex.Matcher m = CONTRIBUTOR_LINK.matcher(column);
        if (!m.matches() || !db.hasTable("Z_PRIMARYKEY")) return false;
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT Z_NAME FROM Z_PRIMARYKEY WHERE Z_ENT = ?")) {
            ps.setInt(1, Integer.parseInt(m.group(1)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "AdditionalAssetAttributes".equals(rs.getString(1));
            }
        }
    }

    private static String column(Set<String> present, String alias, String column, String as) {
        return present.contains(column) ? alias + "." + column + " AS " + as : "NULL AS " + as;
    }

    private static Listing toListing(ResultSet rs, int source, String origin, String prefix) throws SQLException {
        String dir = rs.getString("a_ZDIRECTORY");
        String name = rs.getString("a_ZFILENAME");
        String path = name == null ? null : prefix + (dir == null || dir.isEmpty() ? "" : dir + "/") + name;

        // a fingerprint is a content hash; the cloud master GUID is an id and stays its own key (extra cloudMasterGuid)
        String fingerprint = emptyToNull(rs.getString("aa_ZMASTERFINGERPRINT"));
        if (fingerprint == null) fingerprint = emptyToNull(rs.getString("ir_fingerprint"));
        String masterGuid = rs.getString("cm_ZCLOUDMASTERGUID");

        String original = rs.getString("aa_ZORIGINALFILENAME");
        if (original == null) original = rs.getString("cm_ZORIGINALFILENAME");

        Integer width = integer(rs, "aa_ZORIGINALWIDTH");
        Integer height = integer(rs, "aa_ZORIGINALHEIGHT");
        if (width == null || height == null || width == 0 || height == 0) {
            width = integer(rs, "a_ZWIDTH");
            height = integer(rs, "a_ZHEIGHT");
        }

        Integer assetState = integer(rs, "a_ZCLOUDLOCALSTATE");
        Integer masterState = integer(rs, "cm_ZCLOUDLOCALSTATE");
        Integer local = integer(rs, "ir_local");
        Integer remote = integer(rs, "ir_remote");
        Integer kindSubtype = integer(rs, "a_ZKINDSUBTYPE");

        Map<String, String> extra = new LinkedHashMap<>();
        put(extra, "uuid", rs.getString("a_ZUUID"));
        put(extra, "pk", rs.getString("a_Z_PK"));
        put(extra, "savedAssetType", rs.getString("a_ZSAVEDASSETTYPE"));
        put(extra, "bundleScope", rs.getString("a_ZBUNDLESCOPE"));
        put(extra, "kindSubtype", kindSubtype == null ? null : kindSubtype.toString());
        put(extra, "assetCloudLocalState", assetState == null ? null : assetState.toString());
        put(extra, "masterCloudLocalState", masterState == null ? null : masterState.toString());
        put(extra, "cloudMasterGuid", masterGuid);
        put(extra, "originalLocalAvailability", local == null ? null : local.toString());
        put(extra, "originalRemoteAvailability", remote == null ? null : remote.toString());
        put(extra, "originalLocalAvailabilityMax", string(integer(rs, "ir_anyLocal")));
        put(extra, "cloudBatchPublishDate", dateText(rs, "a_ZCLOUDBATCHPUBLISHDATE"));
        put(extra, "cloudServerPublishDate", dateText(rs, "a_ZCLOUDSERVERPUBLISHDATE"));
        put(extra, "lastUploadAttemptDate", dateText(rs, "aa_ZLASTUPLOADATTEMPTDATE"));
        put(extra, "addedDate", dateText(rs, "a_ZADDEDDATE"));
        String created = dateText(rs, "a_ZDATECREATED");
        if (created != null && created.startsWith("invalid")) extra.put("dateCreated", created);
        put(extra, "trashedDate", dateText(rs, "a_ZTRASHEDDATE"));

        Integer savedType = integer(rs, "a_ZSAVEDASSETTYPE");
        Integer bundleScope = integer(rs, "a_ZBUNDLESCOPE");
        Instant batchPublished = date(rs, "a_ZCLOUDBATCHPUBLISHDATE");
        Integer participation = integer(rs, "a_ZACTIVELIBRARYSCOPEPARTICIPATIONSTATE");
        Integer libraryScope = integer(rs, "a_ZLIBRARYSCOPE");
        Integer contributors = integer(rs, "ct_n");
        Integer contributorIsMe = integer(rs, "ct_mine");
        put(extra, "libraryScopeParticipation", string(participation));
        put(extra, "libraryScope", string(libraryScope));
        Sharing sharing = sharing(savedType, bundleScope, batchPublished != null, participation, libraryScope,
                contributors, contributorIsMe);
        if (sharing != Sharing.LIBRARY) extra.put("sharing", sharing.name());
        if (sharing.inSharedLibrary()) {
            Integer lo = integer(rs, "me_lo");
            Integer hi = integer(rs, "me_hi");
            Integer role = lo != null && lo.equals(hi) ? lo : null;
            put(extra, "sharedLibraryRole", string(role));
            if (role != null && role == ROLE_OWNER) extra.put(Listing.SHARED_LIBRARY_OWNER, "yes");
            else if (role != null && role == ROLE_INVITEE) extra.put(Listing.SHARED_LIBRARY_OWNER, "no");
        }

        String burstId = emptyToNull(rs.getString("a_ZAVALANCHEUUID"));
        Integer pickType = integer(rs, "a_ZAVALANCHEPICKTYPE");
        put(extra, "burstPickType", string(pickType));

        Integer trashed = integer(rs, "a_ZTRASHEDSTATE");
        Integer hidden = integer(rs, "a_ZHIDDEN");
        Integer favorite = integer(rs, "a_ZFAVORITE");
        Long size = longValue(rs, "aa_ZORIGINALFILESIZE");

        return new Listing(source, origin, original, path, rs.getString("a_ZCLOUDASSETGUID"), fingerprint, size,
                width, height, date(rs, "a_ZDATECREATED"), kind(integer(rs, "a_ZKIND"), kindSubtype),
                cloudState(assetState, masterState), local == null ? null : local > 0,
                integer(rs, "aa_ZUPLOADATTEMPTS"), rs.getString("a_ZMEDIAGROUPUUID"),
                trashed != null && trashed != 0, hidden != null && hidden != 0, favorite != null && favorite != 0,
                false, extra, sharing, burstId, burstId == null ? null : burstPicked(pickType));
    }

    /**
     * Shared content that iCloud Photos does not sync (docs/formats.md, "Shared content"): ZSAVEDASSETTYPE 4 shared
     * album, 8 iCloud link, 12 Shared with You; ZBUNDLESCOPE 2 / 1 / 3 the same (any other non-zero scope: shared
     * album); ZCLOUDBATCHPUBLISHDATE set: published to a shared album (osxphotos); an asset in an active iCloud Shared
     * Library whose every contributor is another participant. Any other asset in the Shared Library is
     * {@link Sharing#SHARED_LIBRARY}; everything else is the user's library.
     */
    static Sharing sharing(Integer savedType, Integer bundleScope, boolean batchPublished, Integer participation,
            Integer libraryScope, Integer contributors, Integer contributorIsMe) {
        if (savedType != null) {
            switch (savedType) {
                case 4: return Sharing.SHARED_ALBUM;
                case 8: return Sharing.ICLOUD_LINK;
                case 12: return Sharing.SHARED_WITH_YOU;
                default: break;
            }
        }
        if (bundleScope != null && bundleScope != 0) {
            return switch (bundleScope) {
                case 1 -> Sharing.ICLOUD_LINK;
                case 3 -> Sharing.SHARED_WITH_YOU;
                default -> Sharing.SHARED_ALBUM;
            };
        }
        if (batchPublished) return Sharing.SHARED_ALBUM;
        boolean inSharedLibrary = (participation != null && participation != 0)
                || (libraryScope != null && libraryScope != 0);
        if (!inSharedLibrary) return Sharing.LIBRARY;
        if (contributors != null && contributors > 0 && contributorIsMe != null && contributorIsMe == 0) {
            return Sharing.SHARED_LIBRARY_OTHER;
        }
        return Sharing.SHARED_LIBRARY;
    }

    /**
     * Whether a burst frame is one iCloud downloads keep (ZAVALANCHEPICKTYPE bits, osxphotos _constants: 2 not
     * selected, 4 default pick, 8 selected, 16 key photo); null when the bits do not say.
     */
    static Boolean burstPicked(Integer pickType) {
        if (pickType == null) return null;
        if ((pickType & (4 | 8 | 16)) != 0) return Boolean.TRUE;
        if ((pickType & 2) != 0) return Boolean.FALSE;
        return null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static AssetKind kind(Integer kind, Integer subtype) {
        if (kind == null) return AssetKind.UNKNOWN;
        return switch (kind) {
            case 0 -> subtype == null ? AssetKind.PHOTO : switch (subtype) {
                case 2 -> AssetKind.LIVE_PHOTO;
                case 10 -> AssetKind.SCREENSHOT;
                default -> AssetKind.PHOTO;
            };
            case 1 -> AssetKind.VIDEO;
            default -> AssetKind.UNKNOWN;
        };
    }

    /**
     * The cloud master, when there is one, says most: 0 not synced, 1 waiting to upload, 3 synced (2 is not
     * documented). Without one the asset's own flag says only 0 not synced (in an album or conversation, or iCloud
     * Photos off) or 1 "can be or has been synced": that is not proof of SYNCED, so it reads as UNKNOWN.
     */
    static CloudState cloudState(Integer assetState, Integer masterState) {
        if (masterState != null) {
            return switch (masterState) {
                case 0 -> CloudState.NOT_SYNCED;
                case 1 -> CloudState.PENDING_UPLOAD;
                case 3 -> CloudState.SYNCED;
                default -> CloudState.UNKNOWN;
            };
        }
        if (assetState == null) return CloudState.UNKNOWN;
        return switch (assetState) {
            case 0 -> CloudState.NOT_SYNCED;
            default -> CloudState.UNKNOWN;
        };
    }

    /** A Core Data timestamp (seconds since 2001, fractional) as an Instant, millisecond precision. */
    static Instant appleDate(double seconds) {
        // a crafted or damaged value (1e300, NaN) is no date: null, never the year -292275024
        if (Double.isNaN(seconds) || Math.abs(seconds) > MAX_APPLE_SECONDS) return null;
        return Instant.ofEpochMilli(Math.round(seconds * 1000d) + APPLE_EPOCH_OFFSET_SECONDS * 1000L);
    }

    /** About 300 years either side of 2001: anything further is not a date a photo library holds. */
    private static final double MAX_APPLE_SECONDS = 300 * 366 * 86_400d;

    private static Instant date(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : appleDate(v);
    }

    /** A date column as text: ISO-8601, "invalid date (raw value)" for an impossible one, null when unset. */
    private static String dateText(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        if (rs.wasNull()) return null;
        Instant i = appleDate(v);
        return i == null ? "invalid date (" + v + ")" : i.toString();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Long longValue(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static String string(Integer i) {
        return i == null ? null : i.toString();
    }

    private static String string(Instant i) {
        return i == null ? null : i.toString();
    }

    private static void put(Map<String, String> extra, String key, String value) {
        if (value != null && !value.isEmpty()) extra.put(key, value);
    }

    @Override
    public void close() {
        db.close();
    }
}
