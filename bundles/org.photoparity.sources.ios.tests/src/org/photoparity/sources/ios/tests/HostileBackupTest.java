package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.FileIssue;
import org.photoparity.sources.ios.IosBackup;
import org.photoparity.sources.ios.IosBackupSource;

/** Issue 12 item 10: a Manifest.db row can only ever name a file inside its backup folder. */
class HostileBackupTest {

    @TempDir
    Path tmp;

    @Test
    void fileIdsThatAreNot40HexDigitsOrLeaveTheBackupAreNeverRead() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path secret = outside.resolve("IMG_0001.JPG");
        Files.copy(Fixtures.real("photos/IMG_4120.JPG"), secret);
        String linkedId = "cd" + "1".repeat(38);
        Files.copy(Fixtures.real("photos/IMG_4120.JPG"), outside.resolve(linkedId));

        Path backup = tmp.resolve("backup");
        SyntheticBackup b = SyntheticBackup.create(backup, false);
        String dcim = "Media/DCIM/100APPLE/";
        b.addFile(SyntheticBackup.CAMERA, dcim + "IMG_4120.JPG", Fixtures.real("photos/IMG_4120.JPG"), null);
        b.addRow(secret.toString(), SyntheticBackup.CAMERA, dcim + "IMG_0001.JPG");
        b.addRow("../../outside/IMG_0001.JPG", SyntheticBackup.CAMERA, dcim + "IMG_0002.JPG");
        b.addRow(linkedId, SyntheticBackup.CAMERA, dcim + "IMG_0003.JPG");
        b.close();
        // a hash folder that is a link out of the backup
        Files.createSymbolicLink(backup.resolve("cd"), outside);

        CollectingContext ctx = new CollectingContext(true);
        new IosBackupSource().scan(backup, ctx);
        assertEquals(1, ctx.files.size(), "only the real camera roll file: " + ctx.filesByPath().keySet());
        assertTrue(ctx.filesByPath().containsKey(dcim + "IMG_4120.JPG"));
        for (String n : new String[] { "IMG_0001.JPG", "IMG_0002.JPG", "IMG_0003.JPG" }) {
            FileIssue f = ctx.unreadable.stream().filter(u -> u.path().equals(dcim + n)).findFirst().orElseThrow(
                    () -> new AssertionError(n + " must be listed unreadable: " + ctx.unreadable));
            assertTrue(f.reason().contains("not 40 hex digits inside the backup folder"), f.reason());
        }
        assertFalse(IosBackup.validFileId("../../etc/shadow"));
        assertFalse(IosBackup.validFileId("/etc/shadow"));
        assertTrue(IosBackup.validFileId("0123456789abcdef0123456789ABCDEF01234567"));
        try (IosBackup opened = IosBackup.open(backup)) {
            assertTrue(opened.locate(SyntheticBackup.CAMERA, dcim + "IMG_0001.JPG").isEmpty());
            assertTrue(opened.locate(SyntheticBackup.CAMERA, dcim + "IMG_0003.JPG").isEmpty());
        }
    }

    /** Item 7: a Photos.sqlite whose ZASSET is a recursive view is refused at once, not queried forever. */
    @Test
    void aRecursiveViewInPlaceOfTheAssetTableIsRefused() throws Exception {
        Path db = tmp.resolve("Photos.sqlite");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE VIEW ZASSET AS WITH RECURSIVE r(Z_PK) AS (SELECT 1 UNION ALL SELECT Z_PK + 1 FROM r)"
                    + " SELECT Z_PK FROM r");
        }
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> org.junit.jupiter.api.Assertions.assertThrows(
                        java.io.IOException.class, () -> new org.photoparity.sources.ios.PhotosSqliteSource()
                                .scan(db, new CollectingContext(true))));
        assertTrue(e.getMessage().contains("ZASSET"), e.getMessage());
    }

    /** Item 7: a private copy left by a killed run (its lock free) is deleted when the next copy is made. */
    @Test
    void staleCopiesOfAKilledRunAreCleanedAtTheNextOpen() throws Exception {
        Path stale = Files.createTempDirectory("photoparity-sqlite-");
        Files.writeString(stale.resolve("lock"), "");
        Files.writeString(stale.resolve("db.sqlite"), "a customer's library copy");
        Path db = SyntheticPhotosDb.ios17(tmp.resolve("Photos.sqlite"));
        new org.photoparity.sources.ios.PhotosSqliteSource().scan(db, new CollectingContext(true));
        assertFalse(Files.exists(stale), "the stale copy is gone");
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("photoparity-sqlite-")
                    && Files.exists(p.resolve("db.sqlite"))), "and this run left none behind");
        }
    }

    /** Item 20: an impossible Core Data date is "invalid date", never the year -292275024. */
    @Test
    void anImpossibleDateIsSaidToBeInvalid() throws Exception {
        Path db = SyntheticPhotosDb.ios17(tmp.resolve("Photos.sqlite"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement st = c.createStatement()) {
            st.execute("UPDATE ZASSET SET ZDATECREATED = -1e30, ZCLOUDBATCHPUBLISHDATE = 1e300 WHERE Z_PK = 1");
        }
        CollectingContext ctx = new CollectingContext(true);
        new org.photoparity.sources.ios.PhotosSqliteSource().scan(db, ctx);
        var l = ctx.listings.stream().filter(x -> "B2222222-0000-0000-0000-000000000001".equals(x.cloudGuid())
                || x.extra().toString().contains("invalid date")).findFirst().orElseThrow();
        assertEquals(null, l.created());
        assertTrue(l.extra().get("dateCreated").startsWith("invalid date"), l.extra().toString());
        assertTrue(l.extra().get("cloudBatchPublishDate").startsWith("invalid date"), l.extra().toString());
        for (var x : ctx.listings) {
            assertFalse(String.valueOf(x.created()).contains("-292275"), x.toString());
            assertFalse(x.extra().toString().contains("-292275"), x.toString());
        }
    }
}
