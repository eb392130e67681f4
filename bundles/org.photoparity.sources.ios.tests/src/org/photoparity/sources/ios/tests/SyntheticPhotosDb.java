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
                        + " '4E1A1B89-CE70-4FF8-873B-E4470B839314', 700000500, 0)",
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
}
