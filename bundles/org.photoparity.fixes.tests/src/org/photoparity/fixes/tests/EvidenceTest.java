package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.evidence.readers.AnswersFile;
import org.photoparity.evidence.BackupEvidence;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.readers.DeviceSnapshot;
import org.photoparity.evidence.EnableLog;
import org.photoparity.evidence.readers.EvidenceLoader;
import org.photoparity.evidence.readers.EvidenceOptions;
import org.photoparity.evidence.readers.EvidenceSources;
import org.photoparity.evidence.IcloudPlan;
import org.photoparity.evidence.readers.PhotosDbReader;
import org.photoparity.evidence.PhotosLibraryStats;
import org.photoparity.evidence.SnapshotComparison;

class EvidenceTest {

    @TempDir
    Path dir;

    private static final Instant T1 = Instant.parse("2025-11-20T09:00:00Z");
    private static final Instant T2 = Instant.parse("2025-11-21T09:00:00Z");

    @Test
    void answersAreNormalizedAndBadValuesWarned() throws IOException {
        Path f = Fixtures.write(dir, "answers.properties", """
                # seen on the phone
                apple_id_matches = Yes
                icloud_photos_on=on
                wifi_connected=
                mobile_data_for_photos=maybe
                low_power_mode=TRUE
                icloud_plan=200 gb
                icloud_other_usage_gb=12,5
                photos_status_text=Saving Battery Power \\u2013 1 234 items paused
                checklist.strategy.charging.1=done
                favourite_colour=blue
                """);
        AnswersFile.Loaded a = AnswersFile.read(f);
        assertEquals("yes", a.answers().get("apple_id_matches"));
        assertEquals("yes", a.answers().get("icloud_photos_on"));
        assertFalse(a.answers().containsKey("wifi_connected"), "empty = unanswered");
        assertFalse(a.answers().containsKey("mobile_data_for_photos"));
        assertEquals("yes", a.answers().get("low_power_mode"));
        assertEquals("200GB", a.answers().get("icloud_plan"));
        assertEquals("12.5", a.answers().get("icloud_other_usage_gb"));
        assertEquals("Saving Battery Power \u2013 1 234 items paused", a.answers().get("photos_status_text"));
        assertEquals("done", a.answers().get("checklist.strategy.charging.1"));
        assertEquals(2, a.warnings().size(), a.warnings().toString());
        assertTrue(a.warnings().get(0).contains("mobile_data_for_photos=maybe"), a.warnings().get(0));
        assertTrue(a.warnings().get(1).contains("favourite_colour"), a.warnings().get(1));
    }

    @Test
    void answersWrittenByTheWorkbenchReadBackTheSame() throws IOException {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("apple_id_matches", "no");
        in.put("icloud_plan", "2TB");
        in.put("photos_status_text", "Waiting to Sync\nline two: ø \\ = #1");
        in.put("checklist.strategy.restart.3", "done");
        Path f = dir.resolve("case/answers.properties");
        AnswersFile.write(f, in);
        String text = Files.readString(f);
        assertTrue(text.contains("# The Apple ID signed in"), text);
        assertTrue(text.contains("\nlow_power_mode=\n"), "unanswered keys are written empty: " + text);
        AnswersFile.Loaded back = AnswersFile.read(f);
        assertEquals(in, back.answers());
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
        assertEquals(List.of("answers.properties"), Files.list(f.getParent()).map(p -> p.getFileName().toString())
                .toList(), "no temporary file left behind");
    }

    @Test
    void plansParseAndTheSmallestFittingIsFound() {
        assertEquals(IcloudPlan.PLUS_50GB, IcloudPlan.parse("50").orElseThrow());
        assertEquals(IcloudPlan.FREE_5GB, IcloudPlan.parse("free").orElseThrow());
        assertEquals(IcloudPlan.PLUS_12TB, IcloudPlan.parse("12 TB").orElseThrow());
        assertEquals(IcloudPlan.PLUS_200GB, IcloudPlan.smallestFitting(50_000_000_001L).orElseThrow());
        assertEquals(IcloudPlan.PLUS_50GB, IcloudPlan.smallestFitting(50_000_000_000L).orElseThrow());
        assertTrue(IcloudPlan.smallestFitting(12_000_000_000_001L).isEmpty());
    }

    @Test
    void syntheticPhotosSqliteIsCounted() throws IOException {
        List<Fixtures.Row> rows = Fixtures.rows(5, 2, 4, 3);
        rows.add(new Fixtures.Row("T-1", 1, 3, 0, true, true)); // in Recently Deleted
        rows.add(new Fixtures.Row("N-1", 1, 3, 0, false, false)); // original only in iCloud
        Path db = Fixtures.photosDb(dir.resolve("Photos.sqlite"), rows);
        PhotosLibraryStats s = PhotosDbReader.read(db, "Photos.sqlite", T1, new NullProgressMonitor());
        assertEquals(11, s.assets());
        assertEquals(1, s.trashed());
        assertEquals(Map.of(0, 3L, 1, 8L), s.assetCloudStates());
        assertEquals(Map.of(1, 2L, 3, 6L), s.masterCloudStates());
        assertEquals(2, s.pendingUploads());
        assertEquals(2, s.withUploadAttempts());
        assertEquals(4, s.maxUploadAttempts());
        assertEquals(10, s.originalsLocal());
        assertEquals(1, s.originalsNotLocal());
        assertEquals(Instant.ofEpochSecond(978_307_200L + 750_000_000L + 4 * 3600L), s.lastUploadAttempt());
        assertEquals(Map.of(Fixtures.uuid("P", 0), 4, Fixtures.uuid("P", 1), 4), s.pending());
        assertFalse(s.noneSynced());
    }

    @Test
    void realPhotosSqliteIsCounted() throws IOException {
        Path db = Fixtures.copyRealPhotosSqlite(dir);
        PhotosLibraryStats s = PhotosDbReader.read(db, "Photos.sqlite", null, new NullProgressMonitor());
        // 32 rows: 23 library assets and 9 shared album items, counted apart (iCloud Photos does not sync them)
        assertEquals(23, s.assets());
        assertEquals(9, s.shared());
        assertEquals(Map.of(1, 23L), s.assetCloudStates());
        assertEquals(Map.of(3, 23L), s.masterCloudStates());
        assertEquals(0, s.pendingUploads());
        assertEquals(0, s.withUploadAttempts());
        assertEquals(23, s.synced());
    }

    @Test
    void notAPhotosDatabaseIsExplained() throws IOException {
        Path junk = Fixtures.write(dir, "Photos.sqlite", "not a database at all, just text");
        IOException e = assertThrows(IOException.class,
                () -> PhotosDbReader.read(junk, "junk Photos.sqlite", null, new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("junk Photos.sqlite"), e.getMessage());
    }

    @Test
    void backupFolderGivesDeviceFactsStatsAndEnableLog() throws Exception {
        Path b = Fixtures.backup(dir.resolve("00008110-001A2B3C4D5E6F7A"), "iPhone14,5", "17.5.1", T1,
                Fixtures.rows(3, 1, 2, 0), Fixtures.enableLog(Instant.parse("2024-01-02T10:00:00Z"), true,
                        Instant.parse("2024-06-01T10:00:00Z"), false, Instant.parse("2024-06-03T10:00:00Z"), true));
        DeviceSnapshot s = DeviceSnapshot.read(b, new NullProgressMonitor());
        assertTrue(s.warnings().isEmpty(), s.warnings().toString());
        BackupEvidence be = s.backup();
        assertEquals("iPhone14,5", be.productType());
        assertEquals("17.5.1", be.productVersion());
        assertEquals("Anna's iPhone", be.deviceName());
        assertEquals(T1, be.lastBackup());
        assertFalse(be.encrypted());
        assertEquals("F2LXK0ABCDEF", be.info().get("Serial Number"));
        assertFalse(be.info().containsKey("iTunes Files"));
        assertEquals(4, s.photos().assets());
        assertEquals(1, s.photos().pendingUploads());
        assertEquals(T1, s.photos().takenAt());
        EnableLog log = s.enableLog();
        assertEquals(3, log.entries().size());
        assertEquals(true, log.lastEnabled().orElseThrow());
        assertEquals(1, log.timesTurnedOff());
        assertEquals("CPL", log.entries().get(0).type());
    }

    @Test
    void encryptedBackupSaysWhatToDo() throws Exception {
        Path b = Fixtures.backup(dir.resolve("enc"), "iPhone14,5", "17.5.1", T1, Fixtures.rows(1, 0, 0, 0), null);
        com.dd.plist.NSDictionary m = (com.dd.plist.NSDictionary) com.dd.plist.PropertyListParser
                .parse(b.resolve("Manifest.plist").toFile());
        m.put("IsEncrypted", true);
        com.dd.plist.BinaryPropertyListWriter.write(b.resolve("Manifest.plist").toFile(), m);
        DeviceSnapshot s = DeviceSnapshot.read(b, new NullProgressMonitor());
        assertTrue(s.backup().encrypted());
        assertNull(s.photos());
        assertEquals("17.5.1", s.backup().productVersion());
        assertTrue(s.warnings().get(0).contains("unencrypted backup"), s.warnings().toString());
    }

    @Test
    void backupWithoutManifestDbStillGivesDeviceFacts() throws Exception {
        Path b = Fixtures.backup(dir.resolve("nodb"), "iPhone14,5", "17.5.1", T1, Fixtures.rows(1, 0, 0, 0), null);
        Files.delete(b.resolve("Manifest.db"));
        DeviceSnapshot s = DeviceSnapshot.read(b, new NullProgressMonitor());
        assertEquals("iPhone14,5", s.backup().productType());
        assertEquals(T1, s.backup().lastBackup());
        assertFalse(s.backup().encrypted());
        assertNull(s.photos());
        assertEquals(1, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).contains("has no Manifest.db"), s.warnings().get(0));
    }

    @Test
    void snapshotsComparedOnPendingAssets() throws IOException {
        List<Fixtures.Row> before = Fixtures.rows(5, 3, 2, 0);
        List<Fixtures.Row> after = Fixtures.rows(5, 3, 5, 0);
        PhotosLibraryStats a = PhotosDbReader.read(Fixtures.photosDb(dir.resolve("a/Photos.sqlite"), before), "a", T1,
                new NullProgressMonitor());
        PhotosLibraryStats b = PhotosDbReader.read(Fixtures.photosDb(dir.resolve("b/Photos.sqlite"), after), "b", T2,
                new NullProgressMonitor());
        SnapshotComparison c = SnapshotComparison.compare(b, a); // order given wrong: sorted by time
        assertEquals("a", c.earlier());
        assertEquals(3, c.stillPending());
        assertEquals(3, c.attemptsGrew());
        assertEquals(0, c.cleared());
        assertTrue(c.stalled());
        assertEquals(24, c.between().toHours());

        List<Fixtures.Row> moved = Fixtures.rows(7, 1, 1, 0); // P0, P1 went up... as S5, S6
        PhotosLibraryStats m = PhotosDbReader.read(Fixtures.photosDb(dir.resolve("c/Photos.sqlite"), moved), "c", T2,
                new NullProgressMonitor());
        SnapshotComparison c2 = SnapshotComparison.compare(a, m);
        assertEquals(2, c2.cleared());
        assertEquals(1, c2.stillPending());
        assertFalse(c2.stalled());
        assertTrue(c2.moving());
    }

    @Test
    void loaderBuildsTheCaseEvidenceAndCarriesOnPastBadFiles() throws Exception {
        Path old = Fixtures.backup(dir.resolve("old"), "iPhone14,5", "17.5.1", T1, Fixtures.rows(5, 3, 2, 0), null);
        Path now = Fixtures.backup(dir.resolve("now"), "iPhone14,5", "17.5.1", T2, Fixtures.rows(5, 3, 3, 0), null);
        Path disk = Fixtures.write(dir, "disk.txt", Fixtures.diskText(4_000_000_000L, 111_000_000_000L, 50_000_000_000L));
        Path bat = Fixtures.write(dir, "bat.plist", Fixtures.batteryXml(80, true, true));
        Path answers = Fixtures.write(dir, "answers.properties", "low_power_mode=no\nicloud_plan=50GB\n");
        EvidenceOptions o = EvidenceOptions.builder().deviceInfo(disk.toString()).deviceInfo("battery=" + bat)
                .deviceInfo(dir.resolve("missing.txt").toString()).backup(now).previous(old).answers(answers)
                .setting("network.endpoints", "none").build();
        EvidenceLoader.Loaded l = EvidenceLoader.load(o, null, new NullProgressMonitor());
        CaseEvidence e = l.evidence();
        assertEquals(1, l.warnings().size(), l.warnings().toString());
        assertTrue(l.warnings().get(0).contains("missing.txt"), l.warnings().get(0));
        assertEquals("no", e.answer("low_power_mode").orElseThrow());
        assertEquals("none", e.settings().get("network.endpoints"));
        DeviceInfo info = e.get(DeviceInfo.class).orElseThrow();
        assertEquals(List.of(DeviceInfo.DISK_USAGE, DeviceInfo.BATTERY), List.copyOf(info.domains().keySet()));
        assertEquals("iPhone14,5", e.get(BackupEvidence.class).orElseThrow().productType());
        assertEquals(3, e.get(PhotosLibraryStats.class).orElseThrow().pendingUploads());
        assertTrue(e.get(SnapshotComparison.class).orElseThrow().stalled());
        assertTrue(e.get(EnableLog.class).isEmpty());
        assertEquals(5, e.get(EvidenceSources.class).orElseThrow().read().size());
    }
}
