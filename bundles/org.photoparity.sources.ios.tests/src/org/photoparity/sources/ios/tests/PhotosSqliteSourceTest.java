package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.Sharing;
import org.photoparity.sources.ios.PhotosDatabase;
import org.photoparity.sources.ios.PhotosSqliteSource;

class PhotosSqliteSourceTest {

    @TempDir
    Path tmp;

    private Path realDb() throws IOException {
        Path db = Fixtures.copy("photos-sqlite/Photos.sqlite", tmp.resolve("library/Photos.sqlite"));
        // a fixed, old mtime: a write of any kind would move it
        Files.setLastModifiedTime(db, FileTime.fromMillis(1_600_000_000_000L));
        return db;
    }

    @Test
    void readsTheRealMacLibraryDatabaseWithExactValues() throws Exception {
        Path db = realDb();
        CollectingContext ctx = new CollectingContext(false);
        new PhotosSqliteSource().scan(db, ctx);

        assertEquals(32, ctx.listings.size());
        assertTrue(ctx.files.isEmpty());
        assertEquals(Map.of("Photos.sqlite", "library database, read as 32 listings (ZASSET); it holds no media"),
                ctx.ignoredByPath());

        // a shared-album asset (saved type 4): no cloud master, no resources
        Listing first = ctx.listingByExtra("pk", "1");
        assertEquals(3, first.source());
        assertEquals("Photos.sqlite ZASSET", first.origin());
        assertEquals("IMG_0006.JPG", first.originalFilename());
        assertEquals("17058154511/9F9A2608-AFE0-4232-A0DC-5ABA7317B978/9D20FDD6-8152-4733-9EEC-3B6C104196AA.JPG",
                first.path());
        assertEquals("3E0EFA07-3D43-4830-A594-97D139A567EE", first.cloudGuid());
        assertNull(first.fingerprint());
        assertEquals(133373L, first.size());
        assertEquals(701, first.width());
        assertEquals(903, first.height());
        assertEquals(Instant.parse("2020-03-08T02:18:11Z"), first.created());
        assertEquals(AssetKind.PHOTO, first.kind());
        assertEquals(CloudState.NOT_SYNCED, first.cloudState());
        assertNull(first.locallyAvailable());
        assertNull(first.extra().get("originalLocalAvailabilityMax")); // no original resource row either
        assertEquals(0, first.uploadAttempts());
        assertEquals("4", first.extra().get("savedAssetType"));
        assertEquals("9D20FDD6-8152-4733-9EEC-3B6C104196AA", first.extra().get("uuid"));
        assertEquals("2020-08-18T02:39:50Z", first.extra().get("cloudBatchPublishDate"));

        // the Live Photo: synced, original local, paired by its media group
        Listing live = ctx.listing("IMG_0728.JPG").orElseThrow();
        assertEquals(AssetKind.LIVE_PHOTO, live.kind());
        assertEquals("C3754624-A05F-474D-9F16-E9C47B5F892D", live.mediaGroup());
        assertEquals("51F2BEF7-431A-4D31-8AC1-3284A57826AE", live.cloudGuid());
        assertEquals("AassrAHEfFwrix1d31zw6cwttTSg", live.fingerprint());
        assertEquals(CloudState.SYNCED, live.cloudState());
        assertEquals(Boolean.TRUE, live.locallyAvailable());
        assertEquals(2502386L, live.size());
        assertEquals(4032, live.width());
        assertEquals(3024, live.height());
        assertEquals(Instant.parse("2019-12-30T03:01:15.505Z"), live.created());
        assertEquals("0/0FFBE909-7142-4299-BA6F-9B6E7E8FB338.jpeg", live.path());
        assertEquals("3", live.extra().get("masterCloudLocalState"));
        assertEquals("1", live.extra().get("originalLocalAvailabilityMax"));
        assertEquals("6", live.extra().get("savedAssetType"));

        Listing tokyo = ctx.listing("AFTERNOON WALK IN TOKYO.jpeg").orElseThrow();
        assertEquals("33000A44-E4BA-43A3-9304-62A0195AB4D9", tokyo.cloudGuid());
        assertEquals("AYcYVRxcGDHwvvcWrEKAL4RrKwZI", tokyo.fingerprint());

        Listing slomo = ctx.listing("IMG_0029.MOV").orElseThrow();
        assertEquals(AssetKind.VIDEO, slomo.kind());
        assertEquals("102", slomo.extra().get("kindSubtype"));
        assertEquals(1280973L, slomo.size());

        Map<CloudState, Long> states = ctx.listings.stream()
                .collect(Collectors.groupingBy(Listing::cloudState, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(CloudState.SYNCED, 23L, CloudState.NOT_SYNCED, 9L), states);
        Map<AssetKind, Long> kinds = ctx.listings.stream()
                .collect(Collectors.groupingBy(Listing::kind, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(AssetKind.PHOTO, 23L, AssetKind.VIDEO, 8L, AssetKind.LIVE_PHOTO, 1L), kinds);
        assertEquals(23, ctx.listings.stream().filter(l -> Boolean.TRUE.equals(l.locallyAvailable())).count());
        assertTrue(ctx.listings.stream().noneMatch(l -> l.trashed() || l.hidden() || l.favorite()));
        assertEquals(32, ctx.listings.stream().map(Listing::cloudGuid).distinct().count());
    }

    @Test
    void readingLeavesTheDatabaseFolderUntouched() throws Exception {
        Path db = realDb();
        Map<String, String> before = Fixtures.snapshot(db.getParent());
        new PhotosSqliteSource().scan(db, new CollectingContext(true));
        try (PhotosDatabase pdb = PhotosDatabase.open(db)) {
            assertEquals(32, pdb.count());
        }
        assertEquals(before, Fixtures.snapshot(db.getParent()));
        assertEquals(List.of("Photos.sqlite"), before.keySet().stream().toList());
    }

    @Test
    void includesAWalBesideItAndLeavesDbWalAndShmUnchanged() throws Exception {
        Path db = realDb();
        // a writer that keeps the database open: its commit stays in Photos.sqlite-wal, not checkpointed
        try (Connection writer = SyntheticPhotosDb.connect(db); Statement st = writer.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA wal_autocheckpoint = 0");
            st.executeUpdate("UPDATE ZADDITIONALASSETATTRIBUTES SET ZORIGINALFILENAME = 'IMG_WAL1.JPG' WHERE ZASSET = 11");
            assertTrue(Files.size(db.resolveSibling("Photos.sqlite-wal")) > 0);
            assertTrue(Files.exists(db.resolveSibling("Photos.sqlite-shm")));
            // and it holds a write lock while we read
            st.execute("BEGIN IMMEDIATE");
            st.executeUpdate("UPDATE ZADDITIONALASSETATTRIBUTES SET ZORIGINALFILENAME = 'UNCOMMITTED.JPG' WHERE ZASSET = 12");
            Map<String, String> before = Fixtures.snapshot(db.getParent());

            CollectingContext ctx = new CollectingContext(true);
            new PhotosSqliteSource().scan(db, ctx);

            assertEquals(32, ctx.listings.size());
            assertEquals("IMG_WAL1.JPG", ctx.listingByExtra("pk", "11").originalFilename());
            assertEquals("IMG_0004.JPG", ctx.listingByExtra("pk", "12").originalFilename());
            assertEquals(before, Fixtures.snapshot(db.getParent()));
            st.execute("ROLLBACK");
        }
    }

    @Test
    void readsADatabaseLockedExclusivelyWithAHotJournal() throws Exception {
        Path db = realDb();
        SyntheticPhotosDb.exec(db, "PRAGMA journal_mode = DELETE");
        try (Connection writer = SyntheticPhotosDb.connect(db); Statement st = writer.createStatement()) {
            st.execute("PRAGMA cache_size = 1"); // spill: uncommitted pages reach the main file, originals the journal
            st.execute("BEGIN EXCLUSIVE");
            st.executeUpdate("UPDATE ZADDITIONALASSETATTRIBUTES SET ZORIGINALFILENAME = 'UNCOMMITTED_' || Z_PK");
            assertTrue(Files.exists(db.resolveSibling("Photos.sqlite-journal")));
            Map<String, String> before = Fixtures.snapshot(db.getParent());

            CollectingContext ctx = new CollectingContext(true);
            new PhotosSqliteSource().scan(db, ctx);

            assertEquals(32, ctx.listings.size());
            assertEquals("IMG_0728.JPG", ctx.listingByExtra("pk", "17").originalFilename());
            assertTrue(ctx.listings.stream().noneMatch(l -> l.originalFilename().startsWith("UNCOMMITTED")));
            assertEquals(before, Fixtures.snapshot(db.getParent()));
            st.execute("ROLLBACK");
        }
    }

    @Test
    void readsTheOlderIos13GenericAssetSchema() throws Exception {
        Path db = SyntheticPhotosDb.ios13(tmp.resolve("Photos.sqlite"));
        try (PhotosDatabase pdb = PhotosDatabase.open(db)) {
            assertEquals("ZGENERICASSET", pdb.assetTable());
            List<Listing> l = pdb.listings(0);
            assertEquals(3, l.size());

            Listing live = l.get(0);
            assertEquals("Photos.sqlite ZGENERICASSET", live.origin());
            assertEquals("IMG_0001.HEIC", live.originalFilename());
            assertEquals("DCIM/100APPLE/IMG_0001.HEIC", live.path());
            assertEquals(AssetKind.LIVE_PHOTO, live.kind());
            assertEquals(CloudState.PENDING_UPLOAD, live.cloudState());
            assertEquals("GUID-0001", live.cloudGuid());
            assertEquals("AFP0000000000000000000000001", live.fingerprint());
            assertEquals(1812022L, live.size());
            assertEquals(4032, live.width());
            assertEquals(3024, live.height());
            assertEquals(Instant.parse("2020-01-06T10:40:00.500Z"), live.created());
            assertEquals("MG-0001", live.mediaGroup());
            assertEquals(Boolean.TRUE, live.locallyAvailable());
            assertNull(live.uploadAttempts()); // no ZUPLOADATTEMPTS column in this schema

            Listing shot = l.get(1);
            assertEquals(AssetKind.SCREENSHOT, shot.kind());
            assertEquals(CloudState.SYNCED, shot.cloudState());
            assertEquals(Boolean.FALSE, shot.locallyAvailable()); // Optimize Storage: only a derivative is local
            assertTrue(shot.hidden());
            assertFalse(shot.trashed());

            Listing video = l.get(2);
            assertEquals(AssetKind.VIDEO, video.kind());
            assertEquals(CloudState.NOT_SYNCED, video.cloudState());
            assertNull(video.cloudGuid());
            assertNull(video.fingerprint());
            assertNull(video.locallyAvailable());
            assertTrue(video.trashed());
            assertTrue(video.favorite());
            assertEquals("DCIM/101APPLE/IMG_0003.MOV", video.path());
        }
    }

    @Test
    void recognizesPhotosDatabasesOnly() throws Exception {
        PhotosSqliteSource s = new PhotosSqliteSource();
        Path db = realDb();
        Map<String, String> before = Fixtures.snapshot(db.getParent());
        assertEquals(90, s.recognize(db));
        assertEquals(before, Fixtures.snapshot(db.getParent()));
        Path renamed = Files.copy(db, tmp.resolve("copy-of-library.db"));
        assertEquals(90, s.recognize(renamed));
        assertEquals(90, s.recognize(SyntheticPhotosDb.ios13(tmp.resolve("old.sqlite"))));

        Path other = tmp.resolve("other.sqlite");
        SyntheticPhotosDb.exec(other, "CREATE TABLE t (x)");
        assertEquals(0, s.recognize(other));
        assertEquals(0, s.recognize(Fixtures.copy("photos/IMG_4120.JPG", tmp.resolve("IMG_4120.JPG"))));
        assertEquals(0, s.recognize(tmp));
        assertEquals(0, s.recognize(tmp.resolve("missing.sqlite")));
    }

    @Test
    void notAPhotosDatabaseIsAClearError() throws Exception {
        Path other = tmp.resolve("Photos.sqlite");
        SyntheticPhotosDb.exec(other, "CREATE TABLE t (x)");
        IOException e = assertThrows(IOException.class, () -> new PhotosSqliteSource().scan(other, new CollectingContext(true)));
        assertTrue(e.getMessage().contains("not a Photos library database"), e.getMessage());
        Path junk = Files.writeString(tmp.resolve("junk.sqlite"), "not a database at all");
        IOException e2 = assertThrows(IOException.class, () -> PhotosDatabase.open(junk));
        assertTrue(e2.getMessage().startsWith(junk.toString()), e2.getMessage());
    }

    @Test
    void cancellationStopsTheScan() throws Exception {
        Path db = realDb();
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        assertThrows(OperationCanceledException.class,
                () -> new PhotosSqliteSource().scan(db, new CollectingContext(true, cancelled)));
    }

    @Test
    void theRealLibrarysSharedAlbumItemsAreSharedContentAndTheRestLibrary() throws Exception {
        CollectingContext ctx = new CollectingContext(true);
        new PhotosSqliteSource().scan(realDb(), ctx);
        Map<Sharing, Long> sharing = ctx.listings.stream()
                .collect(Collectors.groupingBy(Listing::sharing, TreeMap::new, Collectors.counting()));
        assertEquals(Map.of(Sharing.SHARED_ALBUM, 9L, Sharing.LIBRARY, 23L), sharing);
        for (Listing l : ctx.listings) {
            boolean sharedRow = "4".equals(l.extra().get("savedAssetType"));
            assertEquals(sharedRow, l.sharing() == Sharing.SHARED_ALBUM, l.extra().get("pk"));
            assertEquals(sharedRow ? "SHARED_ALBUM" : null, l.extra().get("sharing"));
        }
        assertEquals("shared album item, not synced by iCloud Photos", ctx.listingByExtra("pk", "1").sharing().reason());
        // no burst in this library
        assertTrue(ctx.listings.stream().allMatch(l -> l.burstId() == null && l.burstPicked() == null));
    }

    @Test
    void theRealLibrarysVideosKeepTheirResourceFingerprint() throws Exception {
        CollectingContext ctx = new CollectingContext(true);
        new PhotosSqliteSource().scan(realDb(), ctx);
        // pk 14, a video: its original resource (subtype 1, type 1) has the same fingerprint as the master's
        assertEquals("ATvoa4jHrGa5y8CMuvH/PH7FrwUE", ctx.listingByExtra("pk", "14").fingerprint());
        // shared album items have neither a fingerprint nor a cloud master
        assertNull(ctx.listingByExtra("pk", "7").fingerprint());
    }

    @Test
    void ios18SchemaFingerprintsComeFromTheOriginalResourceNeverFromTheCloudMaster() throws Exception {
        Path db = SyntheticPhotosDb.ios18(tmp.resolve("Photos.sqlite"));
        try (PhotosDatabase pdb = PhotosDatabase.open(db)) {
            Map<String, Listing> byName = pdb.listings(0).stream()
                    .collect(Collectors.toMap(Listing::originalFilename, l -> l));
            Listing video = byName.get("IMG_0001.MOV");
            assertEquals("AFPVIDEO0001", video.fingerprint()); // the original resource, not a derivative or edit
            assertEquals("MASTER-GUID-0001", video.extra().get("cloudMasterGuid")); // kept as its own key
            assertEquals("CLOUD-0001", video.cloudGuid());
            assertEquals(CloudState.SYNCED, video.cloudState());

            Listing noFingerprint = byName.get("IMG_0002.HEIC");
            assertNull(noFingerprint.fingerprint()); // a derivative's fingerprint is not the original's
            // ZCLOUDLOCALSTATE 1 on the asset without a cloud master in state 3: can be synced, not SYNCED
            assertEquals(CloudState.UNKNOWN, noFingerprint.cloudState());

            // a master GUID never stands in for a missing fingerprint
            assertEquals("AFP0008", byName.get("IMG_0008.HEIC").fingerprint());
            for (Listing l : byName.values()) {
                String fp = l.fingerprint();
                assertTrue(fp == null || !fp.startsWith("MASTER-GUID"), l.originalFilename());
            }
        }
    }

    @Test
    void ios18SchemaSharedContentOfEveryKindAndOtherParticipantsSharedLibraryItems() throws Exception {
        Path db = SyntheticPhotosDb.ios18(tmp.resolve("Photos.sqlite"));
        try (PhotosDatabase pdb = PhotosDatabase.open(db)) {
            Map<String, Sharing> sharing = new TreeMap<>();
            for (Listing l : pdb.listings(0)) sharing.put(l.originalFilename(), l.sharing());
            Map<String, Sharing> expected = new TreeMap<>(Map.ofEntries(
                    Map.entry("IMG_0001.MOV", Sharing.LIBRARY),
                    Map.entry("IMG_0002.HEIC", Sharing.LIBRARY),
                    Map.entry("IMG_0003.JPG", Sharing.SHARED_ALBUM), // saved type 4
                    Map.entry("IMG_0004.JPG", Sharing.ICLOUD_LINK), // saved type 8
                    Map.entry("IMG_0005.JPG", Sharing.SHARED_WITH_YOU), // saved type 12
                    Map.entry("IMG_0006.JPG", Sharing.SHARED_ALBUM), // bundle scope 2 alone
                    Map.entry("IMG_0007.JPG", Sharing.SHARED_ALBUM), // cloud batch publish date alone
                    Map.entry("IMG_0008.HEIC", Sharing.SHARED_LIBRARY), // Shared Library, this user's own contribution
                    Map.entry("IMG_9999.HEIC", Sharing.SHARED_LIBRARY_OTHER), // another participant's
                    Map.entry("IMG_0010.JPG", Sharing.LIBRARY),
                    Map.entry("IMG_0011.JPG", Sharing.LIBRARY),
                    Map.entry("IMG_0012.JPG", Sharing.LIBRARY)));
            assertEquals(expected, sharing);
        }
    }

    /**
     * This user's own Shared Library items stay synced content (never "shared" for the not-synced counts and loss
     * explanations) yet are known to be in the Shared Library; whether this user created it is read off the current
     * user's ZSHAREPARTICIPANT row (ZROLE 1 owner, 2 invitee, iLEAPP) and never guessed.
     */
    @Test
    void sharedLibraryItemsSayWhetherThisUserCreatedTheSharedLibrary() throws Exception {
        Map<String, String> owner = new TreeMap<>();
        try (PhotosDatabase pdb = PhotosDatabase.open(SyntheticPhotosDb.ios18(tmp.resolve("none-Photos.sqlite")))) {
            for (Listing l : pdb.listings(0)) {
                if (l.sharing() == Sharing.SHARED_LIBRARY) assertFalse(l.sharing().isShared());
                assertEquals(l.originalFilename().equals("IMG_0008.HEIC") || l.originalFilename().equals("IMG_9999.HEIC"),
                        l.sharing().inSharedLibrary(), l.originalFilename());
                // no ZROLE column: not known
                assertNull(l.sharedLibraryOwner(), l.originalFilename());
                assertNull(l.extra().get(Listing.SHARED_LIBRARY_OWNER), l.originalFilename());
            }
        }
        for (int[] c : new int[][] { { 4, 1 }, { 4, 2 }, { 5, 1 }, { 2, 1 } }) {
            Path db = SyntheticPhotosDb.ios18WithRoles(tmp.resolve("role" + c[0] + c[1] + "-Photos.sqlite"), c[0], c[1]);
            try (PhotosDatabase pdb = PhotosDatabase.open(db)) {
                for (Listing l : pdb.listings(0)) {
                    Boolean expected = !l.sharing().inSharedLibrary() || c[0] == 2 ? null : c[1] == 1;
                    assertEquals(expected, l.sharedLibraryOwner(), l.originalFilename() + " scope " + c[0] + " role " + c[1]);
                    owner.put(c[0] + "/" + c[1] + " " + l.originalFilename(), l.extra().get(Listing.SHARED_LIBRARY_OWNER));
                }
            }
        }
        assertEquals("yes", owner.get("4/1 IMG_9999.HEIC"));
        assertEquals("yes", owner.get("4/1 IMG_0008.HEIC"));
        assertEquals("no", owner.get("4/2 IMG_0008.HEIC"));
        assertNull(owner.get("4/2 IMG_0002.HEIC")); // library items carry no Shared Library role
        assertNull(owner.get("2/1 IMG_0008.HEIC")); // an iCloud link's share (scope type 2) is no Shared Library
    }

    @Test
    void burstFramesCarryTheirBurstIdAndWhetherTheyArePicked() throws Exception {
        Path db = SyntheticPhotosDb.ios18(tmp.resolve("Photos.sqlite"));
        try (PhotosDatabase pdb = PhotosDatabase.open(db)) {
            Map<String, Listing> byName = pdb.listings(0).stream()
                    .collect(Collectors.toMap(Listing::originalFilename, l -> l));
            assertEquals("BURST-A", byName.get("IMG_0010.JPG").burstId());
            assertEquals(Boolean.TRUE, byName.get("IMG_0010.JPG").burstPicked()); // key + default pick
            assertEquals(Boolean.TRUE, byName.get("IMG_0011.JPG").burstPicked()); // selected
            assertEquals(Boolean.FALSE, byName.get("IMG_0012.JPG").burstPicked()); // not selected
            assertEquals("2", byName.get("IMG_0012.JPG").extra().get("burstPickType"));
            assertNull(byName.get("IMG_0001.MOV").burstId());
            assertNull(byName.get("IMG_0001.MOV").burstPicked());
        }
    }
}
