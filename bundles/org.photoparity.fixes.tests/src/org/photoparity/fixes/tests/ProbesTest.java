package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photoparity.core.model.ProbeStatus.FAIL;
import static org.photoparity.core.model.ProbeStatus.PASS;
import static org.photoparity.core.model.ProbeStatus.UNKNOWN;
import static org.photoparity.core.model.ProbeStatus.WARN;
import static org.photoparity.fixes.tests.Probes.anyContains;
import static org.photoparity.fixes.tests.Probes.expect;
import static org.photoparity.fixes.tests.Probes.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.evidence.readers.EvidenceOptions;
import org.photoparity.evidence.readers.PhotosDbReader;
import org.photoparity.evidence.PhotosLibraryStats;

/** Each probe on realistic evidence: a PASS, a WARN or FAIL, and UNKNOWN without evidence. */
class ProbesTest {

    @TempDir
    Path dir;

    private static final Instant T1 = Instant.parse("2025-11-20T09:00:00Z");
    private static final Instant T2 = Instant.parse("2025-11-20T13:00:00Z");
    /** A backup taken while the customer waits: recent enough to speak for the iPhone now. */
    private static final Instant RECENT = Instant.now().minus(java.time.Duration.ofHours(1));
    private static final long GB = 1_000_000_000L;

    private EvidenceOptions.Builder opts() {
        return EvidenceOptions.builder().setting("network.endpoints", "none");
    }

    private Path answers(String text) throws IOException {
        return Fixtures.write(dir, "answers-" + Math.abs(text.hashCode()) + ".properties", text);
    }

    // ---- 1 settings ----

    @Test
    void settingsPassWhenTheLibrarySyncsAndTheLogShowsItOn() throws Exception {
        Path b = Fixtures.backup(dir.resolve("b"), "iPhone14,5", "17.5.1", T1, Fixtures.rows(40, 1, 0, 2),
                Fixtures.enableLog(Instant.parse("2023-03-01T08:00:00Z"), true));
        ProbeResult r = expect(PASS, run("probe.settings", opts().backup(b)
                .answers(answers("apple_id_matches=yes\n")).build(), null));
        assertEquals(1, r.fix());
        assertEquals("probe.settings", r.id());
        assertTrue(anyContains(r.evidence(), "ZCLOUDLOCALSTATE {0=2, 1=41}"), r.evidence().toString());
        assertTrue(anyContains(r.evidence(), "last switch ON at 2023-03-01T08:00:00Z"), r.evidence().toString());
        assertTrue(anyContains(r.evidence(), "answer apple_id_matches = yes"), r.evidence().toString());
    }

    @Test
    void settingsFailWhenNoAssetIsSyncedOrTheToggleWasTurnedOff() throws Exception {
        Path off = Fixtures.backup(dir.resolve("off"), "iPhone14,5", "17.5.1", T1, Fixtures.rows(0, 0, 0, 25), null);
        ProbeResult r = expect(FAIL, run("probe.settings", opts().backup(off).build(), null));
        assertTrue(r.summary().contains("all 25 assets as not synced"), r.summary());
        assertTrue(anyContains(r.evidence(), "apple_id_matches not answered"), r.evidence().toString());

        Path log = Fixtures.backup(dir.resolve("log"), "iPhone14,5", "17.5.1", T1, null, Fixtures.enableLog(
                Instant.parse("2023-03-01T08:00:00Z"), true, Instant.parse("2025-10-01T08:00:00Z"), false));
        expect(FAIL, run("probe.settings", opts().backup(log).build(), null));

        expect(FAIL, run("probe.settings", Probes.answers(Map.of("apple_id_matches", "no", "icloud_photos_on", "yes"))));
    }

    @Test
    void settingsUnknownWithoutEvidence() {
        ProbeResult r = expect(UNKNOWN, run("probe.settings", Probes.empty()));
        assertTrue(r.summary().contains("--backup"), r.summary());
        assertTrue(r.evidence().isEmpty());
    }

    /**
     * Fix 1 is the right Apple ID and iCloud Photos on: a library syncing with some account is half of it. Photos.sqlite
     * alone said PASS "Photos.sqlite shows the library syncing with iCloud Photos (41 of 43 assets)" with nothing saying
     * the account was the one whose library was compared; now it says what is known and asks apple_id_matches.
     */
    @Test
    void settingsDoesNotPassOnPhotosSqliteAloneWhileTheAppleIdIsNotKnown() throws Exception {
        Path b = Fixtures.backup(dir.resolve("b"), "iPhone14,5", "17.5.1", T1, Fixtures.rows(40, 1, 0, 2), null);
        ProbeResult u = expect(UNKNOWN, run("probe.settings", opts().backup(b).build(), null));
        assertEquals("iCloud Photos is on for this library (Photos.sqlite: 41 of 43 assets syncing); whether it syncs"
                + " with the Apple ID whose library was compared is not known: answer apple_id_matches (Settings >"
                + " [your name] against the account whose iCloud library was compared), or compare the cloud side"
                + " (analyze with the iCloud library: assets on both sides show one library)", u.summary());
        assertTrue(anyContains(u.evidence(), "ZCLOUDLOCALSTATE {0=2, 1=41}"), u.evidence().toString());
        assertTrue(anyContains(u.evidence(), "apple_id_matches not answered"), u.evidence().toString());

        // the technician checked the Apple ID: both halves are known
        ProbeResult p = expect(PASS, run("probe.settings", opts().backup(b)
                .answers(answers("apple_id_matches=yes\n")).build(), null));
        assertTrue(p.summary().startsWith("Photos.sqlite shows the library syncing with iCloud Photos (41 of 43"
                + " assets)"), p.summary());
        assertTrue(p.summary().contains("the Apple ID is the one whose library was compared (answer"
                + " apple_id_matches)"), p.summary());
        assertFalse(anyContains(p.evidence(), "apple_id_matches not answered"), p.evidence().toString());

        // or the analysis finds the device's assets in the iCloud library compared: one library
        List<Asset> device = Fixtures.assets("dev", 4, 3_000_000), cloud = Fixtures.assets("cloud", 4, 3_000_000);
        List<Mismatch> mm = List.of(Fixtures.mismatch(Category.METADATA_DRIFT, List.of(device.get(0)),
                List.of(cloud.get(0))), Fixtures.mismatch(Category.MISSING_IN_CLOUD, List.of(device.get(1)), List.of()));
        ProbeResult same = expect(PASS, run("probe.settings", opts().backup(b).build(),
                Fixtures.result(device, cloud, mm)));
        assertTrue(same.summary().contains("the analysis finds 1 asset on both sides: the iPhone syncs with the"
                + " library compared"), same.summary());
        assertTrue(anyContains(same.evidence(), "analysis: 1 asset on both sides: the same library"),
                same.evidence().toString());
        // identical assets are on both sides too
        ProbeResult identical = expect(PASS, run("probe.settings", opts().backup(b).build(), new ReconcileResult(
                Fixtures.side(org.photoparity.core.model.SideRole.DEVICE, device),
                Fixtures.side(org.photoparity.core.model.SideRole.CLOUD, cloud), 3, List.of(), Map.of())));
        assertTrue(identical.summary().contains("3 assets on both sides"), identical.summary());

        // an analysis of the device alone says nothing of the Apple ID: the question stays, the cloud side is named
        ProbeResult deviceOnly = expect(UNKNOWN, run("probe.settings", opts().backup(b).build(),
                Fixtures.result(device, List.of(), List.of())));
        assertTrue(deviceOnly.summary().contains("answer apple_id_matches"), deviceOnly.summary());
        assertTrue(deviceOnly.summary().contains("add the iCloud library to the analysis"), deviceOnly.summary());
    }

    /** The enable log's last switch ON, or the icloud_photos_on answer, is iCloud Photos on, not the Apple ID. */
    @Test
    void settingsDoesNotPassOnTheEnableLogOrTheToggleAnswerAlone() throws Exception {
        Path log = Fixtures.backup(dir.resolve("log"), "iPhone14,5", "17.5.1", T1, null,
                Fixtures.enableLog(Instant.parse("2023-03-01T08:00:00Z"), true));
        ProbeResult u = expect(UNKNOWN, run("probe.settings", opts().backup(log).build(), null));
        assertTrue(u.summary().startsWith("iCloud Photos is on for this library (cloudServiceEnableLog.plist: last"
                + " switched on at 2023-03-01T08:00:00Z)"), u.summary());
        assertTrue(u.summary().contains("answer apple_id_matches"), u.summary());
        assertTrue(anyContains(u.evidence(), "last switch ON at 2023-03-01T08:00:00Z"), u.evidence().toString());
        expect(PASS, run("probe.settings", opts().backup(log).answers(answers("apple_id_matches=yes\n")).build(), null));

        ProbeResult toggle = expect(UNKNOWN, run("probe.settings", Probes.answers(Map.of("icloud_photos_on", "yes"))));
        assertTrue(toggle.summary().startsWith("iCloud Photos is on for this library (answer icloud_photos_on = yes);"),
                toggle.summary());
        assertTrue(toggle.summary().contains("answer apple_id_matches"), toggle.summary());
        ProbeResult both = expect(PASS, run("probe.settings", Probes.answers(Map.of("icloud_photos_on", "yes",
                "apple_id_matches", "yes"))));
        assertEquals("iCloud Photos is on (answer); the Apple ID is the one whose library was compared (answer"
                + " apple_id_matches)", both.summary());

        // the Apple ID alone says nothing of iCloud Photos
        ProbeResult idOnly = expect(UNKNOWN, run("probe.settings", Probes.answers(Map.of("apple_id_matches", "yes"))));
        assertTrue(idOnly.summary().startsWith("No evidence on iCloud Photos"), idOnly.summary());
    }

    /** A FAIL or WARN still wins over the Apple ID not being known (fix 1's problems are stated whatever is asked). */
    @Test
    void settingsFailAndWarnStandWithoutTheAppleId() throws Exception {
        Path warn = Fixtures.backup(dir.resolve("w"), "iPhone14,5", "17.5.1", T1, Fixtures.rows(20, 0, 0, 10),
                Fixtures.enableLog(Instant.parse("2023-03-01T08:00:00Z"), true));
        ProbeResult w = expect(WARN, run("probe.settings", opts().backup(warn).build(), null));
        assertEquals("10 of 30 assets are not synced yet (ZCLOUDLOCALSTATE 0): iCloud Photos was turned on recently or"
                + " is not finishing", w.summary());
        assertTrue(anyContains(w.evidence(), "apple_id_matches not answered"), w.evidence().toString());
    }

    // ---- 3 iCloud storage ----

    private static ReconcileResult library(int cloud, long cloudSize, int missingInCloud, long missingSize) {
        List<Asset> cloudAssets = Fixtures.assets("cloud", cloud, cloudSize);
        List<Asset> onlyDevice = Fixtures.assets("device", missingInCloud, missingSize);
        List<Mismatch> mm = new ArrayList<>();
        for (Asset a : onlyDevice) mm.add(Fixtures.mismatch(Category.MISSING_IN_CLOUD, List.of(a), List.of()));
        return Fixtures.result(onlyDevice, cloudAssets, mm);
    }

    @Test
    void icloudStoragePassWhenTheLibraryFitsThePlan() throws IOException {
        ReconcileResult r = library(10, 2 * GB, 5, 2 * GB);
        ProbeResult p = expect(PASS, run("probe.icloudstorage",
                opts().answers(answers("icloud_plan=50GB\nicloud_other_usage_gb=2\n")).build(), r));
        assertEquals("the library and the other iCloud usage (32.00 GB) fit the 50GB plan", p.summary());
        assertTrue(anyContains(p.evidence(), "5 assets \u201cMissing in iCloud\u201d need 10.00 GB"), p.evidence().toString());
        assertTrue(anyContains(p.evidence(), "smallest plan that fits: 50GB"), p.evidence().toString());
    }

    /**
     * Wrong evidence: an icloudpd --size medium download holds 300 MB of copies of 3 GB of originals each... scaled
     * down here to ten assets. The plan holds the originals, so the library was understated tenfold and fix 3 judged
     * 3 GB against the 5GB plan for a library of 30 GB. What the device holds of an asset, iCloud holds at least: a copy smaller in the cloud counts at the
     * device's size.
     */
    @Test
    void icloudStorageCountsReducedCloudCopiesAtTheDevicesSize() throws IOException {
        List<Asset> device = Fixtures.assets("device", 10, 3 * GB);
        List<Asset> cloud = Fixtures.assets("cloud", 10, 300_000_000L);
        List<Mismatch> mm = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mm.add(Fixtures.mismatch(Category.REDUCED, List.of(device.get(i)), List.of(cloud.get(i))).explained(
                    "icloudpd --size medium"));
        }
        ReconcileResult r = Fixtures.result(device, cloud, mm);
        ProbeResult fail = expect(FAIL, run("probe.icloudstorage",
                opts().answers(answers("icloud_plan=5GB\nicloud_other_usage_gb=0\n")).build(), r));
        assertTrue(fail.summary().contains("30.00 GB"), fail.summary());
        assertTrue(anyContains(fail.evidence(), "10 assets smaller in the cloud copy than on the device"),
                fail.evidence().toString());
        // a cloud copy larger than the device's (Optimize Storage on the iPhone) adds nothing
        List<Mismatch> opt = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            opt.add(Fixtures.mismatch(Category.REDUCED, List.of(cloud.get(i)), List.of(device.get(i))));
        }
        ProbeResult big = expect(FAIL, run("probe.icloudstorage", opts().answers(answers(
                "icloud_plan=5GB\nicloud_other_usage_gb=0\n")).build(), Fixtures.result(cloud, device, opt)));
        assertTrue(big.summary().contains("30.00 GB"), big.summary());
    }

    @Test
    void icloudStorageFailOrWarnWhenThePlanIsTooSmallOrNearlyFull() throws IOException {
        ReconcileResult r = library(10, 2 * GB, 5, 2 * GB);
        ProbeResult fail = expect(FAIL, run("probe.icloudstorage", opts().answers(answers("icloud_plan=5GB\n")).build(), r));
        assertTrue(fail.summary().contains("upgrade to 50GB"), fail.summary());
        ProbeResult warn = expect(WARN, run("probe.icloudstorage",
                opts().answers(answers("icloud_plan=50GB\nicloud_other_usage_gb=16\n")).build(), r));
        assertTrue(warn.summary().contains("(92 %)"), warn.summary());
        ProbeResult noPlan = expect(WARN, run("probe.icloudstorage", opts().build(), r));
        assertTrue(noPlan.summary().contains("at least the 50GB plan"), noPlan.summary());
    }

    @Test
    void icloudStorageNeverPassesWithoutThePlanAndTheOtherUsage() throws IOException {
        // the case: a 101.7 MB library "fits even the free 5 GB", with nothing known about the plan
        ReconcileResult small = library(10, 10_170_000, 0, 0);
        ProbeResult u = expect(UNKNOWN, run("probe.icloudstorage", opts().build(), small));
        assertTrue(u.summary().contains("Settings > [name] > iCloud"), u.summary());
        assertTrue(u.summary().contains("icloud_plan") && u.summary().contains("icloud_other_usage_gb"), u.summary());
        assertTrue(anyContains(u.evidence(), "would fit even the free 5 GB"), u.evidence().toString());

        // the plan alone: the other usage could fill it
        ProbeResult w = expect(WARN, run("probe.icloudstorage", opts().answers(answers("icloud_plan=5GB\n")).build(),
                small));
        assertTrue(w.summary().contains("only if backups, iCloud Drive, Messages and Mail use less than 4.90 GB"),
                w.summary());
        assertTrue(w.summary().contains("Settings > [name] > iCloud"), w.summary());

        // both answered: now it can pass
        expect(PASS, run("probe.icloudstorage", opts().answers(answers("icloud_plan=5GB\nicloud_other_usage_gb=1.5\n"))
                .build(), small));
    }

    @Test
    void icloudStorageUsesPhotoUsageWithoutAnAnalysis() throws IOException {
        Path disk = Fixtures.write(dir, "disk.txt", Fixtures.diskText(20 * GB, 111 * GB, 52 * GB));
        ProbeResult p = expect(FAIL, run("probe.icloudstorage", opts().deviceInfo(disk.toString())
                .answers(answers("icloud_plan=50GB\n")).build(), null));
        assertTrue(anyContains(p.evidence(), "PhotoUsage = 52000000000 (ideviceinfo file disk.txt, read "),
                p.evidence().toString());
        assertTrue(p.summary().contains("upgrade to 200GB"), p.summary());
    }

    @Test
    void icloudStorageUnknownWithOnlyAPlan() {
        ProbeResult p = expect(UNKNOWN, run("probe.icloudstorage", Probes.answers(Map.of("icloud_plan", "200GB"))));
        assertTrue(p.summary().contains("plan answered: 200GB"), p.summary());
        expect(UNKNOWN, run("probe.icloudstorage", Probes.empty()));
    }

    // ---- 4 device storage ----

    private static ReconcileResult missingOnDevice(int n, long size) {
        List<Asset> cloud = Fixtures.assets("cloud", n, size);
        List<Mismatch> mm = new ArrayList<>();
        for (Asset a : cloud) mm.add(Fixtures.mismatch(Category.MISSING_ON_DEVICE, List.of(), List.of(a)));
        return Fixtures.result(List.of(), cloud, mm);
    }

    @Test
    void deviceStoragePassWithRoomForTheDownloads() throws IOException {
        Path disk = Fixtures.write(dir, "disk.plist", Fixtures.diskXml(40 * GB, 111 * GB, 30 * GB));
        ProbeResult p = expect(PASS, run("probe.devicestorage",
                opts().deviceInfo(disk.toString()).answers(answers("optimize_storage=no\n")).build(),
                missingOnDevice(2, 3 * GB)));
        assertEquals("the iPhone has room: 40.00 GB free for 6.00 GB of downloads", p.summary());
        assertTrue(anyContains(p.evidence(), "TotalDataAvailable = 40000000000 (ideviceinfo file disk.plist, read "),
                p.evidence().toString());
    }

    @Test
    void deviceStorageFailWhenFullAndWarnOnOptimizeStorage() throws Exception {
        Path disk = Fixtures.write(dir, "disk.txt", Fixtures.diskText(4 * GB, 111 * GB, 80 * GB));
        ProbeResult fail = expect(FAIL, run("probe.devicestorage", opts().deviceInfo(disk.toString()).build(),
                missingOnDevice(10, GB)));
        assertTrue(fail.summary().contains("needs 10.00 GB"), fail.summary());

        // REDUCED on the device: a 600 KB derivative against the 3 MB original
        Asset dev = Fixtures.asset("device/IMG_0001.HEIC", 600_000);
        Asset cl = Fixtures.asset("cloud/IMG_0001.HEIC", 3_000_000);
        ReconcileResult reduced = Fixtures.result(List.of(dev), List.of(cl),
                List.of(Fixtures.mismatch(Category.REDUCED, List.of(dev), List.of(cl))));
        Path roomy = Fixtures.write(dir, "roomy.txt", Fixtures.diskText(60 * GB, 111 * GB, 30 * GB));
        ProbeResult warn = expect(WARN, run("probe.devicestorage", opts().deviceInfo(roomy.toString()).build(), reduced));
        assertTrue(warn.summary().contains("Optimize iPhone Storage"), warn.summary());

        // originals Photos.sqlite marks not local
        List<Fixtures.Row> rows = Fixtures.rows(10, 0, 0, 0);
        rows.add(new Fixtures.Row("N-1", 1, 3, 0, false, false));
        Path b = Fixtures.backup(dir.resolve("b"), "iPhone14,5", "17.5.1", T1, rows, null);
        ProbeResult w2 = expect(WARN, run("probe.devicestorage", opts().backup(b).build(), null));
        assertTrue(anyContains(w2.evidence(), "10 originals on the device, 1 only in iCloud"), w2.evidence().toString());
    }

    @Test
    void deviceStorageUnknownWithoutEvidence() {
        ProbeResult u = expect(UNKNOWN, run("probe.devicestorage", Probes.empty()));
        assertTrue(u.summary().contains("--device-info") && u.summary().contains("optimize_storage"), u.summary());
    }

    /** Optimize Storage known from the answer alone: the summary says so, not "(0 assets reduced or not local)". */
    @Test
    void deviceStorageOptimizeFromTheAnswerSaysItCameFromTheAnswer() throws IOException {
        Path disk = Fixtures.write(dir, "disk4.plist", Fixtures.diskXml(40 * GB, 111 * GB, 30 * GB));
        ProbeResult w = expect(WARN, run("probe.devicestorage",
                opts().deviceInfo(disk.toString()).answers(answers("optimize_storage=yes\n")).build(),
                missingOnDevice(1, GB)));
        assertFalse(w.summary().contains("0 assets"), w.summary());
        assertTrue(w.summary().contains("(answer optimize_storage = yes)"), w.summary());
    }

    /**
     * Only losses must come down: an item the evidence explains (here a shared-album item of a privacy export, which
     * iCloud Photos does not sync to the iPhone) is left out of the download size, and the evidence says so.
     */
    @Test
    void deviceStorageCountsOnlyTheLossesAsDownloads() throws IOException {
        List<Asset> cloud = Fixtures.assets("cloud", 3, 2 * GB);
        List<Mismatch> mm = new ArrayList<>();
        mm.add(Fixtures.mismatch(Category.MISSING_ON_DEVICE, List.of(), List.of(cloud.get(0))));
        mm.add(Fixtures.mismatch(Category.MISSING_ON_DEVICE, List.of(), List.of(cloud.get(1)))
                .explained("shared album item, not synced by iCloud Photos"));
        mm.add(Fixtures.mismatch(Category.MISSING_ON_DEVICE, List.of(), List.of(cloud.get(2)))
                .explained("shared album item, not synced by iCloud Photos"));
        Path disk = Fixtures.write(dir, "disk3.plist", Fixtures.diskXml(40 * GB, 111 * GB, 30 * GB));
        ProbeResult p = expect(PASS, run("probe.devicestorage",
                opts().deviceInfo(disk.toString()).answers(answers("optimize_storage=no\n")).build(),
                Fixtures.result(List.of(), cloud, mm)));
        assertEquals("the iPhone has room: 40.00 GB free for 2.00 GB of downloads", p.summary());
        assertTrue(anyContains(p.evidence(), "2 more explained (not a loss) left out"), p.evidence().toString());
    }

    /** After an analysis, what must come down is known: the message asks only for what is not (it said "run analyze"). */
    @Test
    void deviceStorageUnknownAfterAnAnalysisAsksForTheFreeSpaceOnly() {
        ProbeResult u = expect(UNKNOWN, run("probe.devicestorage", opts().build(), missingOnDevice(2, 3 * GB)));
        assertFalse(u.summary().contains("run analyze"), u.summary());
        assertTrue(u.summary().startsWith("6.00 GB must come down to the iPhone, but its free space is unknown: give"
                + " ideviceinfo -q com.apple.disk_usage output (--device-info)"), u.summary());
        assertTrue(u.summary().contains("optimize_storage"), u.summary());
    }

    /**
     * With a backup whose Photos.sqlite shows every original on the iPhone, the message does not ask for a backup
     * (seen: "a backup with Photos.sqlite ... tells whether Optimize iPhone Storage is on" with --backup given).
     */
    @Test
    void deviceStorageWithABackupAsksOnlyForWhatTheBackupDoesNotTell() throws Exception {
        Path now = Fixtures.backup(dir.resolve("now"), "iPhone14,5", "17.5.1", T2, Fixtures.rows(22, 0, 0, 0), null);
        ProbeResult u = expect(UNKNOWN, run("probe.devicestorage", opts().backup(now).build(),
                missingOnDevice(2, 3 * GB)));
        assertEquals("6.00 GB must come down to the iPhone, but its free space is unknown: give ideviceinfo -q"
                + " com.apple.disk_usage output (--device-info)", u.summary());
        assertTrue(anyContains(u.evidence(), "0 only in iCloud"), u.evidence().toString());
        ProbeResult a = expect(UNKNOWN, run("probe.devicestorage", opts().answers(answers("optimize_storage=no\n"))
                .build(), missingOnDevice(2, 3 * GB)));
        assertFalse(a.summary().contains("optimize_storage"), "answered already: " + a.summary());
        // (it said PASS "Download and Keep Originals is set and no asset is reduced" with 6 GB to come down to an
        // iPhone of unknown free space); with nothing to come down it may
        expect(PASS, run("probe.devicestorage", opts().answers(answers("optimize_storage=no\n")).build(),
                missingOnDevice(0, 3 * GB)));
    }

    /**
     * A good battery alone does not pass fix 7 while Low Power Mode, which pauses iCloud Photos at any charge, is not
     * known (it said PASS "battery at 76 % and on power" with low_power_mode unanswered).
     */
    @Test
    void chargingDoesNotPassOnTheBatteryAloneWhileLowPowerModeIsUnknown() throws IOException {
        Path bat = Fixtures.write(dir, "bat2.txt", Fixtures.batteryText(76, true, true));
        ProbeResult u = expect(UNKNOWN, run("probe.charging", opts().deviceInfo(bat.toString()).build(), null));
        assertEquals("battery at 76 % and on power, but Low Power Mode is not known: answer low_power_mode (a yellow"
                + " battery icon, or Settings > Battery) or copy Photos' status line (photos_status_text)", u.summary());
        // Photos' status line says how the sync is doing: no word of Low Power Mode there is the evidence
        expect(PASS, run("probe.charging", opts().deviceInfo(bat.toString())
                .answers(answers("photos_status_text=Synced with iCloud 2 minutes ago\n")).build(), null));
    }

    /**
     * Two libraries without a single asset in common are not one library seen twice: the iPhone is likely signed in
     * with another Apple ID than the iCloud library compared (fix 1 said PASS "iCloud Photos is on (answer)" beside an
     * analysis in which none of 12 device photos was in the cloud and none of 9 cloud photos on the device).
     */
    @Test
    void settingsWarnsWhenTheTwoSidesShareNoAssetAtAll() throws IOException {
        List<Asset> device = Fixtures.assets("dev", 12, 3_000_000), cloud = Fixtures.assets("cloud", 9, 2_000_000);
        List<Mismatch> mm = new ArrayList<>();
        for (Asset a : device) mm.add(Fixtures.mismatch(Category.MISSING_IN_CLOUD, List.of(a), List.of()));
        for (Asset a : cloud) mm.add(Fixtures.mismatch(Category.MISSING_ON_DEVICE, List.of(), List.of(a)));
        ReconcileResult apart = Fixtures.result(device, cloud, mm);
        ProbeResult w = expect(WARN, run("probe.settings", opts().answers(answers("icloud_photos_on=yes\n")).build(),
                apart));
        assertEquals("none of the 12 device assets is in the iCloud library compared, nor any of its 9 on the device:"
                + " the iPhone may use another Apple ID than that library (check Settings > [your name]), or the"
                + " sources are of two libraries", w.summary());
        // the technician checked: the answer wins, and the evidence keeps what the analysis showed
        ProbeResult p = expect(PASS, run("probe.settings", opts().answers(answers(
                "icloud_photos_on=yes\napple_id_matches=yes\n")).build(), apart));
        assertTrue(anyContains(p.evidence(), "analysis: no asset on both sides"), p.evidence().toString());
        // one asset in common is the same library
        List<Mismatch> one = new ArrayList<>(mm);
        one.set(0, Fixtures.mismatch(Category.METADATA_DRIFT, List.of(device.get(0)), List.of(cloud.get(0))));
        ProbeResult same = expect(PASS, run("probe.settings", opts().answers(answers("icloud_photos_on=yes\n"))
                .build(), Fixtures.result(device, cloud, one)));
        assertTrue(anyContains(same.evidence(), "analysis: 1 asset on both sides: the same library"),
                same.evidence().toString());
    }

    // ---- 5 restart ----

    @Test
    void restartFailWhenThePendingQueueDoesNotMoveBetweenSnapshots() throws Exception {
        Path old = Fixtures.backup(dir.resolve("old"), "iPhone14,5", "17.5.1", T1, Fixtures.rows(20, 4, 2, 0), null);
        Path now = Fixtures.backup(dir.resolve("now"), "iPhone14,5", "17.5.1", T2, Fixtures.rows(22, 4, 3, 0), null);
        ProbeResult p = expect(FAIL, run("probe.restart", opts().backup(now).previous(old).build(), null));
        assertTrue(p.summary().startsWith("4 assets stayed pending upload"), p.summary());
        assertTrue(anyContains(p.evidence(), "(4 h apart): pending 4 -> 4, still pending 4 (attempts grew on 4)"),
                p.evidence().toString());
    }

    @Test
    void restartWarnOnRetriedUploadsAndPassWhenNothingWaits() throws Exception {
        Path stuck = Fixtures.backup(dir.resolve("stuck"), "iPhone14,5", "17.5.1", T1, Fixtures.rows(20, 2, 5, 0), null);
        ProbeResult w = expect(WARN, run("probe.restart", opts().backup(stuck).build(), null));
        assertTrue(w.summary().contains("tried up to 5 times"), w.summary());

        // a backup of the last hour: nothing waiting is a PASS (one of 2025 is not: restartDoesNotPassOnAnOldBackup)
        Path clean = Fixtures.backup(dir.resolve("clean"), "iPhone14,5", "17.5.1", RECENT, Fixtures.rows(20, 0, 0, 0),
                null);
        expect(PASS, run("probe.restart", opts().backup(clean).build(), null));

        // the queue moved: two of three pending went up
        PhotosLibraryStats a = PhotosDbReader.read(Fixtures.photosDb(dir.resolve("a.sqlite"), Fixtures.rows(5, 3, 1, 0)),
                "a", T1, new NullProgressMonitor());
        PhotosLibraryStats b = PhotosDbReader.read(Fixtures.photosDb(dir.resolve("b.sqlite"), Fixtures.rows(5, 1, 1, 0)),
                "b", T2, new NullProgressMonitor());
        CaseEvidence e = Probes.empty().with(PhotosLibraryStats.class, b)
                .with(org.photoparity.evidence.SnapshotComparison.class,
                        org.photoparity.evidence.SnapshotComparison.compare(a, b));
        ProbeResult moving = expect(WARN, run("probe.restart", e));
        assertTrue(moving.summary().startsWith("2 pending assets uploaded"), moving.summary());
    }

    /**
     * Two library photos never synced and not queued (ZCLOUDLOCALSTATE 0, no cloud master, no attempts) while the rest
     * is synced: one snapshot cannot tell new photos from a sync that stopped taking them, so no PASS (it said
     * "nothing is waiting to upload" beside two photos missing in iCloud).
     */
    @Test
    void restartDoesNotPassWhileLibraryPhotosAreNotSynced() throws Exception {
        Path b = Fixtures.backup(dir.resolve("unsynced"), "iPhone14,5", "17.5.1", T1, Fixtures.rows(23, 0, 0, 2), null);
        ProbeResult p = expect(UNKNOWN, run("probe.restart", opts().backup(b).build(), null));
        assertTrue(p.summary().startsWith("2 library assets are neither synced nor queued for upload (new, or not taken"
                + " by the sync): restart the iPhone"), p.summary());
        assertTrue(anyContains(p.evidence(), "2 library assets are not synced and not waiting in the upload queue"),
                p.evidence().toString());
    }

    /**
     * Stale evidence: a backup taken 12 days ago showed an empty upload queue, and the probe said PASS "nothing is
     * waiting to upload" about today's iPhone. Photos taken since, and a sync stopped since, are not in it.
     */
    @Test
    void restartDoesNotPassOnAnOldBackup() throws Exception {
        Instant old = Instant.now().minus(java.time.Duration.ofDays(12));
        Path clean = Fixtures.backup(dir.resolve("old-clean"), "iPhone14,5", "17.5.1", old, Fixtures.rows(20, 0, 0, 0),
                null);
        ProbeResult p = expect(UNKNOWN, run("probe.restart", opts().backup(clean).build(), null));
        assertTrue(p.summary().startsWith("Nothing was waiting to upload (20 assets synced), but "), p.summary());
        assertTrue(p.summary().contains("12 days ago"), p.summary());
        assertTrue(p.summary().contains("take a new backup"), p.summary());
        assertTrue(anyContains(p.evidence(), "evidence.maxAgeHours = 24"), p.evidence().toString());

        // the technician may allow an older backup (a setting, declared once in plugin.xml)
        expect(PASS, run("probe.restart", opts().backup(clean).setting("evidence.maxAgeHours", "720").build(),
                null));

        // two snapshots that show the queue moving, the newer of 2025: not a PASS either
        PhotosLibraryStats a = PhotosDbReader.read(Fixtures.photosDb(dir.resolve("c.sqlite"), Fixtures.rows(5, 0, 0, 0)),
                "c", T1, new NullProgressMonitor());
        PhotosLibraryStats b = PhotosDbReader.read(Fixtures.photosDb(dir.resolve("d.sqlite"), Fixtures.rows(5, 0, 0, 0)),
                "d", T2, new NullProgressMonitor());
        CaseEvidence e = Probes.empty().with(org.photoparity.evidence.SnapshotComparison.class,
                org.photoparity.evidence.SnapshotComparison.compare(a, b));
        ProbeResult two = expect(UNKNOWN, run("probe.restart", e));
        assertTrue(two.summary().startsWith("No asset stayed pending between the two snapshots, but d was taken"),
                two.summary());
        PhotosLibraryStats fresh = PhotosDbReader.read(dir.resolve("d.sqlite"), "d", RECENT, new NullProgressMonitor());
        expect(PASS, run("probe.restart", Probes.empty().with(org.photoparity.evidence.SnapshotComparison.class,
                org.photoparity.evidence.SnapshotComparison.compare(a, fresh))));
    }

    @Test
    void restartUnknownSaysWhatToTry() {
        ProbeResult p = expect(UNKNOWN, run("probe.restart", Probes.empty()));
        assertTrue(p.summary().startsWith("No sign either way: restart the iPhone"), p.summary());
    }

    // ---- 6 update: UpdateProbeTest ----

    @Test
    void updateUnknownWithoutVersion() {
        expect(UNKNOWN, run("probe.update", Probes.empty()));
    }

    // ---- 7 charging ----

    @Test
    void chargingPassOnPowerWithLowPowerModeOff() throws IOException {
        Path bat = Fixtures.write(dir, "bat.txt", Fixtures.batteryText(76, true, true));
        ProbeResult p = expect(PASS, run("probe.charging", opts().deviceInfo(bat.toString())
                .answers(answers("low_power_mode=no\n")).build(), null));
        assertEquals("battery at 76 % and on power", p.summary());
        assertTrue(anyContains(p.evidence(), "BatteryIsCharging = true (ideviceinfo file bat.txt, read "),
                p.evidence().toString());
    }

    /**
     * Stale evidence: ideviceinfo output written last week passed fix 4 ("the iPhone has room") and fix 7 ("battery at
     * 76 % and on power") about today's iPhone. Old evidence can still fail or warn, not pass.
     */
    @Test
    void anOldIdeviceinfoOutputPassesNoProbe() throws IOException {
        java.nio.file.attribute.FileTime lastWeek = java.nio.file.attribute.FileTime.from(
                Instant.now().minus(java.time.Duration.ofDays(8)));
        Path bat = Fixtures.write(dir, "old-bat.txt", Fixtures.batteryText(76, true, true));
        java.nio.file.Files.setLastModifiedTime(bat, lastWeek);
        ProbeResult c = expect(UNKNOWN, run("probe.charging", opts().deviceInfo(bat.toString())
                .answers(answers("low_power_mode=no\n")).build(), null));
        assertTrue(c.summary().startsWith("Battery at 76 % and on power, but ideviceinfo com.apple.mobile.battery was"
                + " taken "), c.summary());
        assertTrue(c.summary().contains("8 days ago (evidence.maxAgeHours = 24)"), c.summary());
        assertTrue(c.summary().endsWith("read it again (ideviceinfo -q com.apple.mobile.battery, or --live)"),
                c.summary());
        // old and low: it still fails
        Path low = Fixtures.write(dir, "old-low.txt", Fixtures.batteryText(14, false, false));
        java.nio.file.Files.setLastModifiedTime(low, lastWeek);
        expect(FAIL, run("probe.charging", opts().deviceInfo(low.toString()).build(), null));
        // the technician may accept older evidence: the one setting, declared once
        expect(PASS, run("probe.charging", opts().deviceInfo(bat.toString()).answers(answers("low_power_mode=no\n"))
                .setting("evidence.maxAgeHours", "720").build(), null));

        Path disk = Fixtures.write(dir, "old-disk.plist", Fixtures.diskXml(40 * GB, 111 * GB, 30 * GB));
        java.nio.file.Files.setLastModifiedTime(disk, lastWeek);
        ProbeResult d = expect(UNKNOWN, run("probe.devicestorage",
                opts().deviceInfo(disk.toString()).answers(answers("optimize_storage=no\n")).build(),
                missingOnDevice(2, 3 * GB)));
        assertTrue(d.summary().startsWith("The iPhone has room: 40.00 GB free for 6.00 GB of downloads, but ideviceinfo"
                + " com.apple.disk_usage was taken "), d.summary());
    }

    @Test
    void chargingFailBelowTwentyPercentOrInLowPowerModeAndWarnWhileCharging() throws IOException {
        Path low = Fixtures.write(dir, "low.txt", Fixtures.batteryText(14, false, false));
        ProbeResult f = expect(FAIL, run("probe.charging", opts().deviceInfo(low.toString()).build(), null));
        assertTrue(f.summary().startsWith("battery at 14 % and not charging"), f.summary());

        Path full = Fixtures.write(dir, "full.plist", Fixtures.batteryXml(90, false, false));
        ProbeResult lpm = expect(FAIL, run("probe.charging", opts().deviceInfo(full.toString())
                .answers(answers("low_power_mode=yes\n")).build(), null));
        assertTrue(lpm.summary().contains("Low Power Mode is on"), lpm.summary());

        Path charging = Fixtures.write(dir, "charging.txt", Fixtures.batteryText(12, true, true));
        expect(WARN, run("probe.charging", opts().deviceInfo(charging.toString()).build(), null));

        expect(FAIL, run("probe.charging", Probes.answers(Map.of("photos_status_text", "Saving Battery Power"))));
    }

    @Test
    void chargingUnknownWithoutEvidence() {
        expect(UNKNOWN, run("probe.charging", Probes.empty()));
    }
}
