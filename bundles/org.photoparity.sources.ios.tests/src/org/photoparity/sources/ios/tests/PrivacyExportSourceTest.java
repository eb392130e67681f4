package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.sources.export.PrivacyExportSource;
import org.photoparity.sources.ios.IosBackupSource;
import org.photoparity.sources.ios.PhotosSqliteSource;

class PrivacyExportSourceTest {

    private static final String Z1 = SyntheticExport.P1_ZIP + "/" + SyntheticExport.P1 + "/";
    private static final String F2 = SyntheticExport.P2 + "/";
    private static final Instant JUNE_4 = Instant.parse("2022-06-04T12:11:00Z");

    @TempDir
    Path tmp;

    private Path export;
    private final PrivacyExportSource source = new PrivacyExportSource();

    @BeforeEach
    void build() throws IOException {
        export = SyntheticExport.create(tmp.resolve("Apple privacy export"));
    }

    @Test
    void scansAFolderHoldingAZipPartAndAFolderPart() throws Exception {
        Map<String, String> before = Fixtures.snapshot(export);
        CollectingContext ctx = new CollectingContext(false);
        source.scan(export, ctx);
        assertEquals(before, Fixtures.snapshot(export));

        Map<String, MediaFile> files = ctx.filesByPath();
        String shared = Z1 + "iCloud Shared Albums.zip/Family/";
        assertEquals(new TreeSet<>(List.of(Z1 + "Photos/IMG_4580.HEIC", Z1 + "Photos/IMG_4580.MOV",
                Z1 + "Photos/IMG_4120.JPG", shared + "train.jpg", shared + "train.mov", F2 + "Photos/IMG_0658.JPG",
                F2 + "Photos/IMG_4580.HEIC", F2 + "Recently Deleted/IMG_0001.JPG",
                F2 + "Recently Deleted/IMG_0002.JPG")), files.keySet());
        for (MediaFile f : files.values()) {
            assertTrue(f.readable(), f.path() + ": " + f.unreadableReason());
            assertTrue(f.fingerprint() != null, f.path());
        }
        // zip entries, nested zip entries and plain files all read whole, byte for byte
        assertEquals(Fixtures.sha256Base64(Fixtures.real("photos/IMG_4580.HEIC")),
                files.get(Z1 + "Photos/IMG_4580.HEIC").extra().get("sha256"));
        assertEquals(1812022L, files.get(Z1 + "Photos/IMG_4580.HEIC").size());
        assertEquals(Fixtures.sha256Base64(Fixtures.real("photos/train.mov")),
                files.get(shared + "train.mov").extra().get("sha256"));
        assertEquals(1509892L, files.get(shared + "train.mov").size());
        assertEquals(Fixtures.sha256Base64(Fixtures.real("photos/iphone_7.heic")),
                files.get(F2 + "Photos/IMG_4580.HEIC").extra().get("sha256"));

        Map<String, Listing> byPath = new TreeMap<>();
        for (Listing l : ctx.listings) byPath.put(l.path(), l);
        assertEquals(9, ctx.listings.size());
        assertEquals(files.keySet(), byPath.keySet());

        Listing live = byPath.get(Z1 + "Photos/IMG_4580.HEIC");
        assertEquals(3, live.source());
        assertEquals(Z1 + "Photos/Photo Details.csv", live.origin());
        assertEquals("IMG_4580.HEIC", live.originalFilename());
        assertEquals("AfQj57ORF2JIumUCjO+PawZ9nqPg", live.fingerprint());
        assertEquals(JUNE_4, live.created());
        assertEquals(AssetKind.PHOTO, live.kind());
        assertEquals(CloudState.SYNCED, live.cloudState());
        assertTrue(live.favorite());
        assertFalse(live.hidden() || live.trashed() || live.recentlyDeleted());
        assertEquals(Map.of("part", SyntheticExport.P1_ZIP, "viewCount", "10", "importDate", JUNE_4.toString(),
                "albums", "Holiday 2022"), live.extra());

        // the same base name in part 2 is another asset, linked to part 2's file
        Listing other = byPath.get(F2 + "Photos/IMG_4580.HEIC");
        assertEquals(F2 + "Photos/Photo Details-2.csv", other.origin());
        assertEquals("AR+EBsqiK/ZDwaYWNlhjg+1C8N93", other.fingerprint());
        assertEquals(Instant.parse("2023-03-10T23:59:00Z"), other.created());
        assertEquals(SyntheticExport.P2, other.extra().get("part"));

        Listing hidden = byPath.get(Z1 + "Photos/IMG_4120.JPG");
        assertTrue(hidden.hidden());
        assertEquals(Instant.parse("2023-01-02T08:05:00Z"), hidden.created());
        assertEquals("Best of June", hidden.extra().get("memories"));
        assertNull(hidden.extra().get("albums"));

        Listing video = byPath.get(Z1 + "Photos/IMG_4580.MOV");
        assertEquals(AssetKind.VIDEO, video.kind());

        // album CSV of part 1 names a photo stored in part 2; the split CSV's first file has a BOM
        Listing split = byPath.get(F2 + "Photos/IMG_0658.JPG");
        assertEquals(F2 + "Photos/Photo Details-1.csv", split.origin());
        assertEquals("Holiday 2022", split.extra().get("albums"));
        assertEquals("AVz9rBg6dj545oO5JYFJqHkczrcc", split.fingerprint());

        Listing deleted = byPath.get(F2 + "Recently Deleted/IMG_0001.JPG");
        assertTrue(deleted.trashed());
        assertTrue(deleted.recentlyDeleted());
        assertNull(deleted.created());
        assertEquals("not a date", deleted.extra().get("originalCreationDate"));

        Listing unlisted = byPath.get(F2 + "Recently Deleted/IMG_0002.JPG");
        assertTrue(unlisted.recentlyDeleted());
        assertEquals(F2 + "Recently Deleted", unlisted.origin());
        assertNull(unlisted.fingerprint());

        Listing sharedPhoto = byPath.get(shared + "train.jpg");
        assertEquals(Z1 + "iCloud Shared Albums.zip", sharedPhoto.origin());
        assertEquals("Family", sharedPhoto.extra().get("album"));
        assertEquals(CloudState.UNKNOWN, sharedPhoto.cloudState());
        assertEquals(org.photoparity.core.model.Sharing.SHARED_ALBUM, sharedPhoto.sharing());
        assertEquals(org.photoparity.core.model.Sharing.SHARED_ALBUM, byPath.get(shared + "train.mov").sharing());
        assertEquals(org.photoparity.core.model.Sharing.LIBRARY, live.sharing());
        assertFalse(sharedPhoto.recentlyDeleted());

        Map<String, String> ignored = new TreeMap<>();
        ignored.put(Z1 + "Photos/Photo Details.csv", "listing, read as 3 photo details rows");
        ignored.put(Z1 + "Albums/Holiday 2022.csv", "album listing, read as 2 names");
        ignored.put(Z1 + "Memories/Best of June.csv", "memory listing, read as 1 names");
        ignored.put(F2 + "Photos/Photo Details-1.csv", "listing, read as 1 photo details rows");
        ignored.put(F2 + "Photos/Photo Details-2.csv", "listing, read as 2 photo details rows; 1 originalCreationDate"
                + " value could not be read as a date: IMG_0001.JPG (\"not a date\")");
        ignored.put(F2 + ".DS_Store", "operating system helper file");
        ignored.put("README.txt", "not a photo, video or listing of the export (.txt)");
        assertEquals(ignored, ctx.ignoredByPath());
        assertTrue(ctx.unreadable.isEmpty());
    }

    @Test
    void scansOnePartZipOnItsOwn() throws Exception {
        CollectingContext ctx = new CollectingContext(true);
        source.scan(export.resolve(SyntheticExport.P1_ZIP), ctx);
        String root = SyntheticExport.P1 + "/";
        assertEquals(Set.of(root + "Photos/IMG_4580.HEIC", root + "Photos/IMG_4580.MOV", root + "Photos/IMG_4120.JPG",
                root + "iCloud Shared Albums.zip/Family/train.jpg", root + "iCloud Shared Albums.zip/Family/train.mov"),
                ctx.filesByPath().keySet());
        assertTrue(ctx.files.stream().allMatch(f -> f.fingerprint() == null)); // metadata-only
        assertEquals(5, ctx.listings.size());
        Listing live = ctx.listings.stream().filter(l -> (root + "Photos/IMG_4580.HEIC").equals(l.path()))
                .findFirst().orElseThrow();
        assertFalse(live.extra().containsKey("part")); // a single part has no part key
        assertEquals("Holiday 2022", live.extra().get("albums"));
    }

    @Test
    void scansOnePartFolderWithALocalisedName() throws Exception {
        CollectingContext ctx = new CollectingContext(true);
        source.scan(export.resolve(SyntheticExport.P2), ctx);
        assertEquals(Set.of("Photos/IMG_0658.JPG", "Photos/IMG_4580.HEIC", "Recently Deleted/IMG_0001.JPG",
                "Recently Deleted/IMG_0002.JPG"), ctx.filesByPath().keySet());
        assertEquals(4, ctx.listings.size());
        assertEquals(2, ctx.listings.stream().filter(Listing::recentlyDeleted).count());
        assertEquals(1, ctx.listings.stream().filter(Listing::trashed).count());
        assertEquals(Set.of("Photos/Photo Details-1.csv", "Photos/Photo Details-2.csv", ".DS_Store"),
                ctx.ignoredByPath().keySet());
    }

    @Test
    void recognizesExportsByStructureAheadOfPlainFoldersAndZips() throws Exception {
        assertEquals(80, source.recognize(export));
        assertEquals(80, source.recognize(export.resolve(SyntheticExport.P1_ZIP)));
        assertEquals(80, source.recognize(export.resolve(SyntheticExport.P2)));
        // a part renamed to anything at all is still a part
        Path renamed = Files.copy(export.resolve(SyntheticExport.P1_ZIP), tmp.resolve("download (3).zip"));
        assertEquals(80, source.recognize(renamed));

        Path plainDir = tmp.resolve("plain");
        SyntheticExport.copy("photos/IMG_4120.JPG", plainDir.resolve("Photos/IMG_4120.JPG"));
        assertEquals(0, source.recognize(plainDir));
        Path plainZip = tmp.resolve("photos.zip");
        SyntheticExport.write(plainZip, Map.of("Photos/IMG_4120.JPG", SyntheticExport.read("photos/IMG_4120.JPG"),
                "Photos/notes.csv", "a,b\n".getBytes()));
        assertEquals(0, source.recognize(plainZip));
        assertEquals(0, source.recognize(tmp.resolve("missing.zip")));
        assertEquals(0, source.recognize(Fixtures.real("photos/IMG_4120.JPG")));
        assertEquals(0, new IosBackupSource().recognize(export));
        assertEquals(0, new PhotosSqliteSource().recognize(export.resolve(SyntheticExport.P1_ZIP)));
    }

    @Test
    void aDamagedPartIsReportedNotThrown() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("parts"));
        Files.copy(export.resolve(SyntheticExport.P1_ZIP), dir.resolve("iCloud Photos Part 1 of 2.zip"));
        Files.write(dir.resolve("iCloud Photos Part 2 of 2.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2});
        assertEquals(80, source.recognize(dir));
        CollectingContext ctx = new CollectingContext(true);
        source.scan(dir, ctx);
        assertEquals(5, ctx.files.size());
        assertEquals(1, ctx.unreadable.size());
        FileIssue bad = ctx.unreadable.get(0);
        assertEquals("iCloud Photos Part 2 of 2.zip", bad.path());
        assertTrue(bad.reason().startsWith("not a readable zip"), bad.reason());
    }

    @Test
    void notAnExportIsAClearError() {
        IOException e = assertThrows(IOException.class,
                () -> source.scan(Fixtures.real("photos/IMG_4120.JPG"), new CollectingContext(true)));
        assertTrue(e.getMessage().contains("is neither a folder nor a zip"), e.getMessage());
    }

    @Test
    void cancellationStopsTheScan() {
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        assertThrows(OperationCanceledException.class,
                () -> source.scan(export, new CollectingContext(true, cancelled)));
    }
}
