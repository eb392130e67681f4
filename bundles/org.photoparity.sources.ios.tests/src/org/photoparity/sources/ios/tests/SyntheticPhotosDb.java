package org.photoparity.sources.ios.tests;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteConfig;

/** Photos.sqlite files built to the documented schemas (docs/formats.md), small enough to assert every value. */
final class SyntheticPhotosDb {

    private SyntheticPhotosDb() {
    }

    static Connection connect(Path db) throws SQLException {
        return new SQLiteConfig().createConnection("jdbc:sqlite:" + db.toAbsolutePath());
    }

    static void exec(Path db, String... sql) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            for (String s : sql) st.execute(s);
        }
    }

    /**
     * iOS 11-13: assets in ZGENERICASSET; this one links the asset to its attributes (ZADDITIONALATTRIBUTES) and
     * lacks ZUPLOADATTEMPTS, to prove missing columns read as null.
     */
    static Path ios13(Path db) throws SQLException {
        exec(db,
                "CREATE TABLE ZGENERICASSET (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZUUID VARCHAR, ZKIND INTEGER,"
                        + " ZKINDSUBTYPE INTEGER, ZCLOUDLOCALSTATE INTEGER, ZDIRECTORY VARCHAR, ZFILENAME VARCHAR,"
                        + " ZCLOUDASSETGUID VARCHAR, ZWIDTH INTEGER, ZHEIGHT INTEGER, ZDATECREATED TIMESTAMP,"
                        + " ZTRASHEDSTATE INTEGER, ZHIDDEN INTEGER, ZFAVORITE INTEGER, ZSAVEDASSETTYPE INTEGER,"
                        + " ZMASTER INTEGER, ZMEDIAGROUPUUID VARCHAR, ZADDITIONALATTRIBUTES INTEGER)",
                "CREATE TABLE ZADDITIONALASSETATTRIBUTES (Z_PK INTEGER PRIMARY KEY, ZORIGINALFILENAME VARCHAR,"
                        + " ZMASTERFINGERPRINT VARCHAR, ZORIGINALFILESIZE INTEGER, ZORIGINALWIDTH INTEGER,"
                        + " ZORIGINALHEIGHT INTEGER)",
                "CREATE TABLE ZCLOUDMASTER (Z_PK INTEGER PRIMARY KEY, ZCLOUDLOCALSTATE INTEGER,"
                        + " ZCLOUDMASTERGUID VARCHAR, ZORIGINALFILENAME VARCHAR)",
                "CREATE TABLE ZINTERNALRESOURCE (Z_PK INTEGER PRIMARY KEY, ZASSET INTEGER, ZDATASTORESUBTYPE INTEGER,"
                        + " ZLOCALAVAILABILITY INTEGER, ZREMOTEAVAILABILITY INTEGER)",
                // a Live Photo waiting to upload
                "INSERT INTO ZGENERICASSET VALUES (1, 33, 'A1111111-0000-0000-0000-000000000001', 0, 2, 1,"
                        + " 'DCIM/100APPLE', 'IMG_0001.HEIC', 'GUID-0001', 3024, 4032, 600000000.5, 0, 0, 0, 3, 1,"
                        + " 'MG-0001', 11)",
                // a screenshot, synced, only an optimized copy on the device, hidden
                "INSERT INTO ZGENERICASSET VALUES (2, 33, 'A1111111-0000-0000-0000-000000000002', 0, 10, 1,"
                        + " 'DCIM/100APPLE', 'IMG_0002.PNG', 'GUID-0002', 1170, 2532, 600000100, 0, 1, 0, 6, 2,"
                        + " NULL, 12)",
                // a video never synced (iCloud Photos off), trashed and favourite
                "INSERT INTO ZGENERICASSET VALUES (3, 33, 'A1111111-0000-0000-0000-000000000003', 1, 0, 0,"
                        + " 'DCIM/101APPLE', 'IMG_0003.MOV', NULL, 1920, 1080, 600000200, 1, 0, 1, 3, NULL, NULL, 13)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (11, 'IMG_0001.HEIC', 'AFP0000000000000000000000001',"
                        + " 1812022, 4032, 3024)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (12, 'IMG_0002.PNG', 'AFP0000000000000000000000002',"
                        + " 250000, 1170, 2532)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (13, 'IMG_0003.MOV', NULL, 9000000, 1920, 1080)",
                "INSERT INTO ZCLOUDMASTER VALUES (1, 1, 'AFP0000000000000000000000001', 'IMG_0001.HEIC')",
                "INSERT INTO ZCLOUDMASTER VALUES (2, 3, 'AFP0000000000000000000000002', 'IMG_0002.PNG')",
                "INSERT INTO ZINTERNALRESOURCE VALUES (1, 1, 1, 1, 0)",
                "INSERT INTO ZINTERNALRESOURCE VALUES (2, 1, 3, 1, 0)",
                "INSERT INTO ZINTERNALRESOURCE VALUES (3, 2, 1, -1, 1)",
                "INSERT INTO ZINTERNALRESOURCE VALUES (4, 2, 13, 1, 1)");
        return db;
    }

    /** iOS 14+: ZASSET, attributes pointing at their asset, upload attempts; paths of the synthetic backup. */
    static Path ios17(Path db) throws SQLException {
        exec(db,
                "CREATE TABLE ZASSET (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZUUID VARCHAR, ZKIND INTEGER,"
                        + " ZKINDSUBTYPE INTEGER, ZCLOUDLOCALSTATE INTEGER, ZDIRECTORY VARCHAR, ZFILENAME VARCHAR,"
                        + " ZCLOUDASSETGUID VARCHAR, ZWIDTH INTEGER, ZHEIGHT INTEGER, ZDATECREATED TIMESTAMP,"
                        + " ZTRASHEDSTATE INTEGER, ZHIDDEN INTEGER, ZFAVORITE INTEGER, ZSAVEDASSETTYPE INTEGER,"
                        + " ZMASTER INTEGER, ZMEDIAGROUPUUID VARCHAR, ZCLOUDBATCHPUBLISHDATE TIMESTAMP,"
                        + " ZBUNDLESCOPE INTEGER)",
                "CREATE TABLE ZADDITIONALASSETATTRIBUTES (Z_PK INTEGER PRIMARY KEY, ZASSET INTEGER,"
                        + " ZORIGINALFILENAME VARCHAR, ZMASTERFINGERPRINT VARCHAR, ZORIGINALFILESIZE INTEGER,"
                        + " ZORIGINALWIDTH INTEGER, ZORIGINALHEIGHT INTEGER, ZUPLOADATTEMPTS INTEGER,"
                        + " ZLASTUPLOADATTEMPTDATE TIMESTAMP)",
                "CREATE TABLE ZCLOUDMASTER (Z_PK INTEGER PRIMARY KEY, ZCLOUDLOCALSTATE INTEGER,"
                        + " ZCLOUDMASTERGUID VARCHAR)",
                "CREATE TABLE ZINTERNALRESOURCE (Z_PK INTEGER PRIMARY KEY, ZASSET INTEGER, ZDATASTORESUBTYPE INTEGER,"
                        + " ZLOCALAVAILABILITY INTEGER, ZREMOTEAVAILABILITY INTEGER)",
                "INSERT INTO ZASSET VALUES (1, 3, 'B2222222-0000-0000-0000-000000000001', 0, 2, 1, 'DCIM/100APPLE',"
                        + " 'IMG_4580.HEIC', 'CLOUD-4580', 4032, 3024, 700000000, 0, 0, 1, 3, 1,"
                        + " '4E1A1B89-CE70-4FF8-873B-E4470B839314', NULL, 0)",
                "INSERT INTO ZASSET VALUES (2, 3, 'B2222222-0000-0000-0000-000000000002', 0, 0, 0, 'DCIM/100APPLE',"
                        + " 'IMG_4120.JPG', NULL, 3264, 2448, 500000000, 0, 0, 0, 3, NULL, NULL, NULL, 0)",
                "INSERT INTO ZASSET VALUES (3, 3, 'B2222222-0000-0000-0000-000000000003', 0, 2, 1,"
                        + " 'PhotoData/CPLAssets/group338', 'B2222222-0000-0000-0000-000000000003.JPG', 'CLOUD-TRAIN',"
                        + " 3264, 2448, 640000000, 0, 0, 0, 6, 2, 'E905E6C6-C747-4805-942F-9904A0281F02', NULL, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (11, 1, 'IMG_4580.HEIC', 'AFP4580', 1812022, 4032,"
                        + " 3024, 1, 700000400)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (12, 2, 'IMG_4120.JPG', NULL, 59059, 3264, 2448, 3,"
                        + " 700001000)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (13, 3, 'train.jpg', 'AFPTRAIN', 3478530, 3264, 2448,"
                        + " 0, NULL)",
                "INSERT INTO ZCLOUDMASTER VALUES (1, 3, 'AFP4580')",
                "INSERT INTO ZCLOUDMASTER VALUES (2, 1, 'AFPTRAIN')",
                "INSERT INTO ZINTERNALRESOURCE VALUES (1, 1, 1, 1, 1)",
                "INSERT INTO ZINTERNALRESOURCE VALUES (2, 2, 1, 1, 0)",
                "INSERT INTO ZINTERNALRESOURCE VALUES (3, 3, 1, 1, 0)");
        return db;
    }

    /**
     * iOS 18 / 26 shape: no ZMASTERFINGERPRINT for videos and imported images (the original resource's
     * ZINTERNALRESOURCE.ZFINGERPRINT carries it), shared content of every kind, an iCloud Shared Library with one
     * item of this user and one of another participant, a burst of three frames, and an asset whose own
     * ZCLOUDLOCALSTATE is 1 without a cloud master.
     */
    static Path ios18(Path db) throws SQLException {
        exec(db,
                "CREATE TABLE Z_PRIMARYKEY (Z_ENT INTEGER PRIMARY KEY, Z_NAME VARCHAR, Z_SUPER INTEGER, Z_MAX INTEGER)",
                "INSERT INTO Z_PRIMARYKEY VALUES (1, 'AdditionalAssetAttributes', 0, 20)",
                "INSERT INTO Z_PRIMARYKEY VALUES (3, 'Asset', 0, 20)",
                "CREATE TABLE ZASSET (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZUUID VARCHAR, ZKIND INTEGER,"
                        + " ZKINDSUBTYPE INTEGER, ZCLOUDLOCALSTATE INTEGER, ZDIRECTORY VARCHAR, ZFILENAME VARCHAR,"
                        + " ZCLOUDASSETGUID VARCHAR, ZWIDTH INTEGER, ZHEIGHT INTEGER, ZDATECREATED TIMESTAMP,"
                        + " ZTRASHEDSTATE INTEGER, ZHIDDEN INTEGER, ZFAVORITE INTEGER, ZSAVEDASSETTYPE INTEGER,"
                        + " ZMASTER INTEGER, ZMEDIAGROUPUUID VARCHAR, ZCLOUDBATCHPUBLISHDATE TIMESTAMP,"
                        + " ZBUNDLESCOPE INTEGER, ZAVALANCHEUUID VARCHAR, ZAVALANCHEPICKTYPE INTEGER,"
                        + " ZACTIVELIBRARYSCOPEPARTICIPATIONSTATE INTEGER, ZLIBRARYSCOPE INTEGER)",
                "CREATE TABLE ZADDITIONALASSETATTRIBUTES (Z_PK INTEGER PRIMARY KEY, ZASSET INTEGER,"
                        + " ZORIGINALFILENAME VARCHAR, ZMASTERFINGERPRINT VARCHAR, ZORIGINALFILESIZE INTEGER,"
                        + " ZORIGINALWIDTH INTEGER, ZORIGINALHEIGHT INTEGER, ZUPLOADATTEMPTS INTEGER)",
                "CREATE TABLE ZCLOUDMASTER (Z_PK INTEGER PRIMARY KEY, ZCLOUDLOCALSTATE INTEGER,"
                        + " ZCLOUDMASTERGUID VARCHAR)",
                "CREATE TABLE ZINTERNALRESOURCE (Z_PK INTEGER PRIMARY KEY, ZASSET INTEGER, ZDATASTORESUBTYPE INTEGER,"
                        + " ZRESOURCETYPE INTEGER, ZVERSION INTEGER, ZFINGERPRINT VARCHAR, ZLOCALAVAILABILITY INTEGER,"
                        + " ZREMOTEAVAILABILITY INTEGER)",
                "CREATE TABLE ZASSETCONTRIBUTOR (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZPARTICIPANT INTEGER,"
                        + " Z3LIBRARYSCOPEASSETCONTRIBUTORS INTEGER, ZISCURRENTUSER INTEGER)",
                "CREATE TABLE ZSHAREPARTICIPANT (Z_PK INTEGER PRIMARY KEY, ZISCURRENTUSER INTEGER, ZSHARE INTEGER)",
                "INSERT INTO ZSHAREPARTICIPANT VALUES (1, 1, 9)",
                "INSERT INTO ZSHAREPARTICIPANT VALUES (2, 0, 9)",
                // 1: a video of the library, synced: no master fingerprint, the resource's own
                "INSERT INTO ZASSET VALUES (1, 3, 'C0000000-0000-0000-0000-000000000001', 1, 0, 1, 'DCIM/100APPLE',"
                        + " 'IMG_0001.MOV', 'CLOUD-0001', 1920, 1080, 750000000, 0, 0, 0, 3, 1, NULL, NULL, 0,"
                        + " NULL, 0, 0, NULL)",
                // 2: an image, asset state 1 without any cloud master: can be synced, not known to be
                "INSERT INTO ZASSET VALUES (2, 3, 'C0000000-0000-0000-0000-000000000002', 0, 0, 1, 'DCIM/100APPLE',"
                        + " 'IMG_0002.HEIC', 'CLOUD-0002', 4032, 3024, 750000100, 0, 0, 0, 3, NULL, NULL, NULL, 0,"
                        + " NULL, 0, 0, NULL)",
                // 3-5: shared album (saved type 4), iCloud link (8), Shared with You (12)
                "INSERT INTO ZASSET VALUES (3, 3, 'C0000000-0000-0000-0000-000000000003', 0, 0, 0,"
                        + " 'PhotoData/PhotoCloudSharingData/1234/ALBUM-1/100CLOUD', 'IMG_0003.JPG', NULL, 2048, 1536,"
                        + " 750000200, 0, 0, 0, 4, NULL, NULL, 750000300, 2, NULL, 0, 0, NULL)",
                "INSERT INTO ZASSET VALUES (4, 3, 'C0000000-0000-0000-0000-000000000004', 0, 0, 0, 'DCIM/100APPLE',"
                        + " 'IMG_0004.JPG', NULL, 2048, 1536, 750000400, 0, 0, 0, 8, NULL, NULL, NULL, 1, NULL, 0, 0,"
                        + " NULL)",
                "INSERT INTO ZASSET VALUES (5, 3, 'C0000000-0000-0000-0000-000000000005', 0, 0, 0, 'DCIM/100APPLE',"
                        + " 'IMG_0005.JPG', NULL, 2048, 1536, 750000500, 0, 0, 0, 12, NULL, NULL, NULL, 3, NULL, 0, 0,"
                        + " NULL)",
                // 6: only the bundle scope says shared (saved type 6); 7: only the publish date says so
                "INSERT INTO ZASSET VALUES (6, 3, 'C0000000-0000-0000-0000-000000000006', 0, 0, 0, 'DCIM/100APPLE',"
                        + " 'IMG_0006.JPG', NULL, 2048, 1536, 750000600, 0, 0, 0, 6, NULL, NULL, NULL, 2, NULL, 0, 0,"
                        + " NULL)",
                "INSERT INTO ZASSET VALUES (7, 3, 'C0000000-0000-0000-0000-000000000007', 0, 0, 0, 'DCIM/100APPLE',"
                        + " 'IMG_0007.JPG', NULL, 2048, 1536, 750000700, 0, 0, 0, 0, NULL, NULL, 750000800, 0, NULL,"
                        + " 0, 0, NULL)",
                // 8: Shared Library, contributed by this user; 9: by another participant
                "INSERT INTO ZASSET VALUES (8, 3, 'C0000000-0000-0000-0000-000000000008', 0, 0, 1, 'DCIM/100APPLE',"
                        + " 'IMG_0008.HEIC', 'CLOUD-0008', 4032, 3024, 750000900, 0, 0, 0, 6, 8, NULL, NULL, 0, NULL,"
                        + " 0, 1, 9)",
                "INSERT INTO ZASSET VALUES (9, 3, 'C0000000-0000-0000-0000-000000000009', 0, 0, 1,"
                        + " 'PhotoData/CPLAssets/group9', 'C0000000-0000-0000-0000-000000000009.HEIC', 'CLOUD-0009',"
                        + " 4032, 3024, 750001000, 0, 0, 0, 6, 9, NULL, NULL, 0, NULL, 0, 1, 9)",
                // 10-12: a burst: the key photo, a selected frame, a frame not selected
                "INSERT INTO ZASSET VALUES (10, 3, 'C0000000-0000-0000-0000-000000000010', 0, 0, 1, 'DCIM/100APPLE',"
                        + " 'IMG_0010.JPG', 'CLOUD-0010', 4032, 3024, 750002000, 0, 0, 0, 3, 10, NULL, NULL, 0,"
                        + " 'BURST-A', 52, 0, NULL)",
                "INSERT INTO ZASSET VALUES (11, 3, 'C0000000-0000-0000-0000-000000000011', 0, 0, 1, 'DCIM/100APPLE',"
                        + " 'IMG_0011.JPG', 'CLOUD-0011', 4032, 3024, 750002000.1, 0, 0, 0, 3, 11, NULL, NULL, 0,"
                        + " 'BURST-A', 8, 0, NULL)",
                "INSERT INTO ZASSET VALUES (12, 3, 'C0000000-0000-0000-0000-000000000012', 0, 0, 0, 'DCIM/100APPLE',"
                        + " 'IMG_0012.JPG', NULL, 4032, 3024, 750002000.2, 0, 0, 0, 3, NULL, NULL, NULL, 0,"
                        + " 'BURST-A', 2, 0, NULL)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (101, 1, 'IMG_0001.MOV', NULL, 9000000, 1920, 1080, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (102, 2, 'IMG_0002.HEIC', NULL, 1800000, 4032, 3024, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (103, 3, 'IMG_0003.JPG', NULL, 500000, 2048, 1536, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (104, 4, 'IMG_0004.JPG', NULL, 500000, 2048, 1536, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (105, 5, 'IMG_0005.JPG', NULL, 500000, 2048, 1536, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (106, 6, 'IMG_0006.JPG', NULL, 500000, 2048, 1536, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (107, 7, 'IMG_0007.JPG', NULL, 500000, 2048, 1536, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (108, 8, 'IMG_0008.HEIC', 'AFP0008', 1800000, 4032,"
                        + " 3024, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (109, 9, 'IMG_9999.HEIC', 'AFP0009', 1800000, 4032,"
                        + " 3024, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (110, 10, 'IMG_0010.JPG', 'AFP0010', 3000000, 4032,"
                        + " 3024, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (111, 11, 'IMG_0011.JPG', 'AFP0011', 3000000, 4032,"
                        + " 3024, 0)",
                "INSERT INTO ZADDITIONALASSETATTRIBUTES VALUES (112, 12, 'IMG_0012.JPG', 'AFP0012', 3000000, 4032,"
                        + " 3024, 0)",
                "INSERT INTO ZCLOUDMASTER VALUES (1, 3, 'MASTER-GUID-0001')",
                "INSERT INTO ZCLOUDMASTER VALUES (8, 3, 'MASTER-GUID-0008')",
                "INSERT INTO ZCLOUDMASTER VALUES (9, 3, 'MASTER-GUID-0009')",
                "INSERT INTO ZCLOUDMASTER VALUES (10, 3, 'MASTER-GUID-0010')",
                "INSERT INTO ZCLOUDMASTER VALUES (11, 3, 'MASTER-GUID-0011')",
                // the video's original (subtype 1, type 1, version 0) and a derivative with its own fingerprint
                "INSERT INTO ZINTERNALRESOURCE VALUES (1, 1, 1, 1, 0, 'AFPVIDEO0001', 1, 1)",
                "INSERT INTO ZINTERNALRESOURCE VALUES (2, 1, 5, 0, 0, 'AFPTHUMB0001', 1, 1)",
                "INSERT INTO ZINTERNALRESOURCE VALUES (3, 1, 1, 1, 2, 'AFPADJUSTED0001', 1, 1)",
                // the image's original without a fingerprint, and a derivative: no fingerprint taken
                "INSERT INTO ZINTERNALRESOURCE VALUES (4, 2, 1, 0, 0, NULL, 1, 0)",
                "INSERT INTO ZINTERNALRESOURCE VALUES (5, 2, 4, 0, 0, 'AFPDERIVATIVE0002', 1, 0)",
                "INSERT INTO ZASSETCONTRIBUTOR VALUES (1, 5, 1, 8, 1)",
                "INSERT INTO ZASSETCONTRIBUTOR VALUES (2, 5, 2, 9, 0)");
        return db;
    }

    /**
     * {@link #ios18} with the iCloud Shared Library's ZSHARE row (Z_PK 9, ZSCOPETYPE {@code scopeType}) and the
     * participants' ZROLE: {@code myRole} for this user's row, the other role (1 owner, 2 invitee) for the other's.
     */
    static Path ios18WithRoles(Path db, int scopeType, int myRole) throws SQLException {
        ios18(db);
        exec(db, "ALTER TABLE ZSHAREPARTICIPANT ADD COLUMN ZROLE INTEGER",
                "CREATE TABLE ZSHARE (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZSCOPETYPE INTEGER)",
                "INSERT INTO ZSHARE VALUES (9, 55, " + scopeType + ")",
                "UPDATE ZSHAREPARTICIPANT SET ZROLE = CASE ZISCURRENTUSER WHEN 1 THEN " + myRole + " ELSE "
                        + (3 - myRole) + " END");
        return db;
    }
}
