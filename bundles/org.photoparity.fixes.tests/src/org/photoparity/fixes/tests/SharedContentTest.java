package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.photoparity.core.model.ProbeStatus.PASS;
import static org.photoparity.core.model.ProbeStatus.UNKNOWN;
import static org.photoparity.fixes.tests.Probes.anyContains;
import static org.photoparity.fixes.tests.Probes.expect;
import static org.photoparity.fixes.tests.Probes.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.Sharing;
import org.photoparity.evidence.readers.EvidenceOptions;
import org.photoparity.evidence.readers.PhotosDbReader;
import org.photoparity.evidence.PhotosLibraryStats;
import org.photoparity.sources.ios.PhotosDatabase;

/**
 * Fix 1 (settings) and fix 5 (restart) count library assets only: shared album items, iCloud links and Shared with
 * You items are not synced by iCloud Photos, so they are never "not synced" or "pending upload".
 */
class SharedContentTest {

    @TempDir
    Path dir;

    private static Asset listed(String name, CloudState state, int attempts, Sharing sharing) {
        Listing l = new Listing(0, "Photos.sqlite ZASSET", name, "DCIM/100APPLE/" + name, null, null, 2_400_000L, 4032,
                3024, Instant.parse("2025-06-01T10:00:00Z"), AssetKind.PHOTO, state, true, attempts, null, false, false,
                false, false, Map.of(), sharing, null, null);
        return new Asset("0:" + name, AssetKind.PHOTO, List.of(), l);
    }

    /**
     * Fix 3 sizes the library in iCloud: shared album items, iCloud links and Shared with You items missing in the
     * cloud do not count against the plan (they were added to what the library "needs").
     */
    @Test
    void sharedItemsMissingInTheCloudDoNotCountAgainstThePlan() {
        List<Asset> device = new ArrayList<>();
        List<org.photoparity.core.model.Mismatch> mm = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Asset a = listed("IMG_" + i + ".HEIC", CloudState.NOT_SYNCED, 0, Sharing.LIBRARY);
            device.add(a);
            mm.add(missingInCloud(a));
        }
        for (Sharing sh : List.of(Sharing.SHARED_ALBUM, Sharing.ICLOUD_LINK, Sharing.SHARED_WITH_YOU)) {
            Asset a = listed("S_" + sh + ".JPG", CloudState.NOT_SYNCED, 0, sh);
            device.add(a);
            mm.add(missingInCloud(a).explained(sh.reason()));
        }
        ReconcileResult r = Fixtures.result(device, Fixtures.assets("cloud", 1, 1_000_000), mm);
        ProbeResult p = run("probe.icloudstorage",
                new org.photoparity.core.spi.CaseEvidence(r, Map.of(), Map.of("network.endpoints", "none")));
        assertTrue(anyContains(p.evidence(), "analysis: 2 assets \u201cMissing in iCloud\u201d need 4.8 MB; 3 shared"
                + " items (shared albums, iCloud links, Shared with You) left out: they do not count against the plan"),
                p.evidence().toString());
    }

    /**
     * Shared album items a cloud export carries (iCloud Shared Albums.zip, read as SHARED_ALBUM listings) are no
     * more in the plan than the device's: they leave the scanned cloud size (they made a 50GB plan look 97 % full).
     */
    @Test
    void sharedAlbumItemsInTheScannedCloudLibraryDoNotCountAgainstThePlan() {
        List<Asset> cloud = new ArrayList<>(Fixtures.assets("cloud", 10, 4_000_000_000L));
        for (int i = 0; i < 3; i++) {
            String name = "SA_" + i + ".JPG";
            Listing l = new Listing(0, "iCloud Shared Albums", name, "Shared/" + name, null, null, 2_500_000_000L, 4032,
                    3024, Instant.parse("2025-06-01T10:00:00Z"), AssetKind.PHOTO, null, null, null, null, false, false,
                    false, false, Map.of(), Sharing.SHARED_ALBUM, null, null);
            cloud.add(new Asset("1:" + name, AssetKind.PHOTO,
                    List.of(Fixtures.file("Shared/" + name, 2_500_000_000L)), l));
        }
        ReconcileResult r = Fixtures.result(List.of(), cloud, List.of());
        ProbeResult p = expect(PASS, run("probe.icloudstorage", new org.photoparity.core.spi.CaseEvidence(r,
                Map.of("icloud_plan", "50GB", "icloud_other_usage_gb", "1"), Map.of("network.endpoints", "none"))));
        assertEquals("the library and the other iCloud usage (41.00 GB) fit the 50GB plan", p.summary());
        assertTrue(anyContains(p.evidence(), "analysis: cloud library 47.50 GB in 13 assets (scanned); of it, 3 shared"
                + " items (shared albums, iCloud links, Shared with You), 7.50 GB, left out: they do not count against"
                + " the plan"), p.evidence().toString());
    }

    private static org.photoparity.core.model.Mismatch missingInCloud(Asset a) {
        return new org.photoparity.core.model.Mismatch(Category.MISSING_IN_CLOUD, List.of(a.listing().path()), List.of(),
                null, "only on the device", java.util.Set.of(), List.of(a), List.of());
    }

    @Test
    void theAnalysisListingCountsLibraryAssetsOnly() {
        List<Asset> device = new ArrayList<>();
        for (int i = 0; i < 20; i++) device.add(listed("IMG_" + i + ".HEIC", CloudState.SYNCED, 0, Sharing.LIBRARY));
        for (int i = 0; i < 6; i++) {
            device.add(listed("SA_" + i + ".JPG", CloudState.NOT_SYNCED, 0, Sharing.SHARED_ALBUM));
        }
        for (int i = 0; i < 3; i++) {
            device.add(listed("SWY_" + i + ".JPG", CloudState.NOT_SYNCED, 0, Sharing.SHARED_WITH_YOU));
        }
        for (int i = 0; i < 2; i++) {
            device.add(listed("LINK_" + i + ".JPG", CloudState.PENDING_UPLOAD, 4, Sharing.ICLOUD_LINK));
        }
        ReconcileResult r = Fixtures.result(device, List.of(), List.of());

        // iCloud Photos on, the Apple ID not known (no answer, no cloud side): UNKNOWN, the count in its summary
        ProbeResult settings = expect(UNKNOWN, run("probe.settings",
                new org.photoparity.core.spi.CaseEvidence(r, Map.of(), Map.of("network.endpoints", "none"))));
        assertTrue(settings.summary().startsWith("iCloud Photos is on for this library (the device listing: 20 of 20"
                + " library assets syncing)"), settings.summary());
        assertTrue(anyContains(settings.evidence(), "device listing of 20 library assets"), settings.evidence().toString());
        assertTrue(anyContains(settings.evidence(), "11 shared items"), settings.evidence().toString());

        ProbeResult restart = expect(UNKNOWN, run("probe.restart",
                new org.photoparity.core.spi.CaseEvidence(r, Map.of(), Map.of("network.endpoints", "none"))));
        assertTrue(anyContains(restart.evidence(), "0 pending upload"), restart.evidence().toString());
        assertTrue(anyContains(restart.evidence(), "11 shared items"), restart.evidence().toString());
    }

    /** Whether the iOS source marks shared rows (Listing.sharing), which this issue relies on. */
    private static boolean sourceMarksSharing(Path db) throws IOException {
        AtomicLong shared = new AtomicLong();
        try (PhotosDatabase p = PhotosDatabase.open(db)) {
            p.forEach(0, "probe", "", new NullProgressMonitor(), l -> {
                if (l.sharing().isShared()) shared.incrementAndGet();
            });
        }
        return shared.get() > 0;
    }

    @Test
    void photosSqliteSharedRowsAreNeitherNotSyncedNorPending() throws Exception {
        List<Fixtures.Row> rows = Fixtures.rows(20, 0, 0, 0);
        for (int i = 0; i < 5; i++) rows.add(Fixtures.Row.sharedAlbum(Fixtures.uuid("A", i), 4));
        for (int i = 0; i < 4; i++) rows.add(Fixtures.Row.sharedWithYou(Fixtures.uuid("W", i)));
        Path db = Fixtures.photosDb(dir.resolve("shared/Photos.sqlite"), rows);
        assumeTrue(sourceMarksSharing(db), "org.photoparity.sources.ios does not set Listing.sharing yet"
                + " (the truth-listings work): nothing to count apart");

        PhotosLibraryStats s = PhotosDbReader.read(db, "Photos.sqlite", Instant.now(), new NullProgressMonitor());
        assertEquals(20, s.assets());
        assertEquals(9, s.shared());
        assertEquals(0, s.notSynced());
        assertEquals(0, s.pendingUploads());

        // iCloud Photos on, the Apple ID not known: UNKNOWN (fix 1), the count in its summary
        ProbeResult settings = expect(UNKNOWN, run("probe.settings", EvidenceOptions.builder()
                .setting("network.endpoints", "none").backup(db).build(), null));
        assertTrue(settings.summary().contains("(Photos.sqlite: 20 of 20 assets syncing)"), settings.summary());
        ProbeResult restart = expect(PASS, run("probe.restart", EvidenceOptions.builder()
                .setting("network.endpoints", "none").backup(db).build(), null));
        assertTrue(restart.summary().startsWith("nothing is waiting to upload"), restart.summary());
        assertTrue(anyContains(restart.evidence(), "9 shared items"), restart.evidence().toString());
    }

    @Test
    void theRealLibrarysSharedAlbumItemsAreNotCountedAsNotSynced() throws Exception {
        Path db = Fixtures.copyRealPhotosSqlite(dir);
        assumeTrue(sourceMarksSharing(db), "org.photoparity.sources.ios does not set Listing.sharing yet"
                + " (the truth-listings work): nothing to count apart");
        // 23 library assets (ZSAVEDASSETTYPE 6) all syncing, 9 shared album items (type 4, scope 2, state 0)
        // iCloud Photos on, the Apple ID not known: UNKNOWN (fix 1), the count in its summary
        ProbeResult r = expect(UNKNOWN, run("probe.settings", EvidenceOptions.builder()
                .setting("network.endpoints", "none").backup(db).build(), null));
        assertTrue(r.summary().contains("(Photos.sqlite: 23 of 23 assets syncing)"), r.summary());
        assertTrue(anyContains(r.evidence(), "9 shared items"), r.evidence().toString());
    }
}
