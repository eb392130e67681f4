package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.sources.ios.BackupEntry;
import org.photoparity.sources.ios.EncryptedBackupException;
import org.photoparity.sources.ios.IosBackup;
import org.photoparity.sources.ios.IosBackupSource;
import org.photoparity.sources.ios.PhotosSqliteSource;

class IosBackupTest {

    private static final String DCIM = "Media/DCIM/100APPLE/";
    private static final String CPL = "Media/PhotoData/CPLAssets/group338/B2222222-0000-0000-0000-000000000003.JPG";

    @TempDir
    Path tmp;

    private Path backup;
    private String strayId;

    @BeforeEach
    void build() throws Exception {
        backup = tmp.resolve("00008120-001A2B3C4D5E6F70");
        SyntheticBackup b = SyntheticBackup.create(backup, false);
        b.addDirectory(SyntheticBackup.CAMERA, "Media");
        b.addDirectory(SyntheticBackup.CAMERA, "Media/DCIM");
        b.addDirectory(SyntheticBackup.CAMERA, "Media/DCIM/100APPLE");
        b.addFile(SyntheticBackup.CAMERA, DCIM + "IMG_4580.HEIC", Fixtures.real("photos/IMG_4580.HEIC"), 1_700_000_000L);
        b.addFile(SyntheticBackup.CAMERA, DCIM + "IMG_4580.MOV", Fixtures.real("photos/IMG_4580.mov"), 1_700_000_001L);
        b.addFile(SyntheticBackup.CAMERA, DCIM + "IMG_4120.JPG", Fixtures.real("photos/IMG_4120.JPG"), null);
        b.addFile(SyntheticBackup.CAMERA, DCIM + "IMG_4120.AAE", Fixtures.real("photos/IMG_4120.AAE"), null);
        b.addFile(SyntheticBackup.CAMERA, DCIM + "IMG_E4120.JPG", Fixtures.real("photos/IMG_E4120.JPG"), null);
        b.addBytes(SyntheticBackup.CAMERA, DCIM + ".MISC/Info.plist", "<plist/>".getBytes());
        b.addMissing(SyntheticBackup.CAMERA, DCIM + "IMG_9999.JPG");
        b.addFile(SyntheticBackup.CAMERA, CPL, Fixtures.real("photos/train.jpg"), 1_650_000_000L);
        Path photos = SyntheticPhotosDb.ios17(tmp.resolve("Photos.sqlite"));
        b.addFile(SyntheticBackup.CAMERA, IosBackup.PHOTOS_SQLITE, photos, null);
        b.addBytes(SyntheticBackup.CAMERA, "Media/PhotoData/Thumbnails/V2/DCIM/100APPLE/IMG_4580.HEIC/5005.JPG",
                new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
        b.addBytes(SyntheticBackup.CAMERA, "Media/PhotoData/Mutations/DCIM/100APPLE/IMG_4120/Adjustments/FullSizeRender.jpg",
                new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff});
        b.addBytes("HomeDomain", "Library/Preferences/com.apple.mobileslideshow.plist", "<plist/>".getBytes());
        b.close();
        strayId = "ab" + "0".repeat(38);
        Files.createDirectories(backup.resolve("ab"));
        Files.writeString(backup.resolve("ab").resolve(strayId), "left over");
    }

    @Test
    void scansCameraRollFilesUnderTheirDevicePathsAndPhotosSqliteAsListings() throws Exception {
        Map<String, String> before = Fixtures.snapshot(backup);
        CollectingContext ctx = new CollectingContext(false);
        new IosBackupSource().scan(backup, ctx);
        assertEquals(before, Fixtures.snapshot(backup));

        Map<String, MediaFile> files = ctx.filesByPath();
        assertEquals(new TreeSet<>(List.of(DCIM + "IMG_4580.HEIC", DCIM + "IMG_4580.MOV", DCIM + "IMG_4120.JPG",
                DCIM + "IMG_4120.AAE", DCIM + "IMG_E4120.JPG", CPL)), files.keySet());
        for (MediaFile f : files.values()) {
            assertTrue(f.readable(), f.path() + ": " + f.unreadableReason());
            assertEquals(3, f.source());
            assertNotNull(f.fingerprint(), f.path());
        }
        MediaFile heic = files.get(DCIM + "IMG_4580.HEIC");
        assertEquals(1812022L, heic.size());
        assertEquals(1_700_000_000_000L, heic.modified()); // the device's time, from the manifest's MBFile record
        assertEquals(Fixtures.sha256Base64(Fixtures.real("photos/IMG_4580.HEIC")), heic.extra().get("sha256"));
        assertEquals(3404730L, files.get(DCIM + "IMG_4580.MOV").size());
        assertEquals(Fixtures.sha256Base64(Fixtures.real("photos/train.jpg")), files.get(CPL).extra().get("sha256"));
        assertEquals(1_650_000_000_000L, files.get(CPL).modified());
        assertEquals(ResourceRole.ADJUSTMENT_SIDECAR, files.get(DCIM + "IMG_4120.AAE").role());
        assertEquals(ResourceRole.EDITED_RENDER, files.get(DCIM + "IMG_E4120.JPG").role());
        assertEquals(ResourceRole.ORIGINAL, files.get(DCIM + "IMG_4120.JPG").role());

        assertEquals(3, ctx.listings.size());
        Map<String, Listing> byPath = ctx.listings.stream().collect(Collectors.toMap(Listing::path, l -> l));
        assertEquals(Set.of(DCIM + "IMG_4580.HEIC", DCIM + "IMG_4120.JPG", CPL), byPath.keySet());
        assertTrue(files.keySet().containsAll(byPath.keySet()), "every listing points at a file read");
        Listing live = byPath.get(DCIM + "IMG_4580.HEIC");
        assertEquals("Media/PhotoData/Photos.sqlite ZASSET", live.origin());
        assertEquals(AssetKind.LIVE_PHOTO, live.kind());
        assertEquals(CloudState.SYNCED, live.cloudState());
        assertEquals("CLOUD-4580", live.cloudGuid());
        assertEquals("AFP4580", live.fingerprint());
        assertEquals("4E1A1B89-CE70-4FF8-873B-E4470B839314", live.mediaGroup());
        assertEquals(Instant.parse("2023-03-08T20:26:40Z"), live.created());
        assertTrue(live.favorite());
        assertEquals("2023-03-08T20:33:20Z", live.extra().get("lastUploadAttemptDate"));
        Listing local = byPath.get(DCIM + "IMG_4120.JPG");
        assertEquals(CloudState.NOT_SYNCED, local.cloudState());
        assertEquals(3, local.uploadAttempts());
        assertNull(local.cloudGuid());
        Listing pending = byPath.get(CPL);
        assertEquals(CloudState.PENDING_UPLOAD, pending.cloudState());
        assertEquals("train.jpg", pending.originalFilename());
        assertEquals(Boolean.TRUE, pending.locallyAvailable());

        assertEquals(List.of(new FileIssue(3, DCIM + "IMG_9999.JPG", "listed in Manifest.db as "
                + SyntheticBackup.fileId(SyntheticBackup.CAMERA, DCIM + "IMG_9999.JPG") + " but "
                + Path.of(SyntheticBackup.fileId(SyntheticBackup.CAMERA, DCIM + "IMG_9999.JPG").substring(0, 2),
                        SyntheticBackup.fileId(SyntheticBackup.CAMERA, DCIM + "IMG_9999.JPG"))
                + " is missing from the backup folder; the backup is incomplete: make a new one")), ctx.unreadable);

        Map<String, String> expectedIgnored = new TreeMap<>();
        expectedIgnored.put(DCIM + ".MISC/Info.plist", "not a photo or video by its name");
        expectedIgnored.put(IosBackup.PHOTOS_SQLITE, "library database, read as listings");
        expectedIgnored.put("Media/PhotoData/Thumbnails/V2/DCIM/100APPLE/IMG_4580.HEIC/5005.JPG", "thumbnail cache");
        expectedIgnored.put("Media/PhotoData/Mutations/DCIM/100APPLE/IMG_4120/Adjustments/FullSizeRender.jpg",
                "edit data of an asset (Mutations), not an original");
        expectedIgnored.put("HomeDomain/Library/Preferences/com.apple.mobileslideshow.plist",
                "not part of the photo library (HomeDomain)");
        expectedIgnored.put("ab/" + strayId, "stored file not listed in Manifest.db");
        for (String m : List.of("Info.plist", "Manifest.plist", "Manifest.db")) {
            expectedIgnored.put(m, "backup metadata, read for the device and the file index");
        }
        assertEquals(expectedIgnored, ctx.ignoredByPath());

        // every stored file and every listed file is accounted for exactly once
        long storedOrListed;
        try (var s = Files.walk(backup)) {
            storedOrListed = s.filter(Files::isRegularFile).count() + 1; // + the listed-but-missing file
        }
        assertEquals(storedOrListed, ctx.files.size() + ctx.unreadable.size() + ctx.ignored.size());
    }

    @Test
    void metadataOnlyScanDoesNotFingerprint() throws Exception {
        CollectingContext ctx = new CollectingContext(true);
        new IosBackupSource().scan(backup, ctx);
        assertEquals(6, ctx.files.size());
        assertTrue(ctx.files.stream().allMatch(f -> f.fingerprint() == null));
    }

    @Test
    void publicApiGivesDeviceFactsAndLocatesFiles() throws Exception {
        assertTrue(IosBackup.looksLikeBackup(backup));
        assertFalse(IosBackup.looksLikeBackup(tmp));
        try (IosBackup b = IosBackup.open(backup)) {
            assertFalse(b.encrypted());
            assertEquals("Anna's iPhone", b.info().get("Device Name"));
            assertEquals("iPhone15,2", b.info().get("Product Type"));
            assertEquals("17.5.1", b.info().get("Product Version"));
            assertEquals(new Date(1_717_243_200_000L), b.info().get("Last Backup Date"));
            @SuppressWarnings("unchecked")
            Map<String, Object> lockdown = (Map<String, Object>) b.manifest().get("Lockdown");
            assertEquals("17.5.1", lockdown.get("ProductVersion"));
            assertEquals(Boolean.FALSE, b.manifest().get("IsEncrypted"));
            assertEquals(Boolean.TRUE, b.manifest().get("WasPasscodeSet"));
            // the same plists for a folder that does not open; a missing one is empty, not an error
            assertEquals(b.info(), IosBackup.readPlist(backup.resolve("Info.plist")));
            assertEquals(b.manifest(), IosBackup.readPlist(backup.resolve("Manifest.plist")));
            assertEquals(Map.of(), IosBackup.readPlist(backup.resolve("Nothing.plist")));

            String dbId = "12b144c0bd44f2b3dffd9186d3f9c05b917cee25"; // the documented fileID of Photos.sqlite
            assertEquals(dbId, SyntheticBackup.fileId(SyntheticBackup.CAMERA, IosBackup.PHOTOS_SQLITE));
            assertEquals(Optional.of(backup.resolve("12").resolve(dbId)),
                    b.locate(SyntheticBackup.CAMERA, IosBackup.PHOTOS_SQLITE));
            assertEquals(Optional.empty(), b.locate(SyntheticBackup.CAMERA, DCIM + "IMG_9999.JPG")); // not stored
            assertEquals(Optional.empty(), b.locate(SyntheticBackup.CAMERA, "Media/DCIM")); // a folder
            assertEquals(Optional.empty(), b.locate("HomeDomain", IosBackup.PHOTOS_SQLITE));

            List<BackupEntry> dcim = b.list(SyntheticBackup.CAMERA, DCIM);
            assertEquals(List.of(DCIM + ".MISC/Info.plist", DCIM + "IMG_4120.AAE", DCIM + "IMG_4120.JPG",
                    DCIM + "IMG_4580.HEIC", DCIM + "IMG_4580.MOV", DCIM + "IMG_9999.JPG", DCIM + "IMG_E4120.JPG"),
                    dcim.stream().map(BackupEntry::relativePath).toList());
            BackupEntry heic = dcim.get(3);
            assertEquals(1, heic.flags());
            assertEquals(SyntheticBackup.fileId(SyntheticBackup.CAMERA, DCIM + "IMG_4580.HEIC"), heic.fileId());
            assertEquals(backup.resolve(heic.fileId().substring(0, 2)).resolve(heic.fileId()), heic.file());
            // '_' is not a wildcard
            assertEquals(4, b.list(SyntheticBackup.CAMERA, DCIM + "IMG_4").size());
            assertEquals(0, b.list(SyntheticBackup.CAMERA, DCIM + "IMG%").size());
            assertEquals(15, b.list(null, "").size());
            assertEquals(1, b.list("HomeDomain", null).size());
        }
    }

    @Test
    void encryptedBackupIsAClearErrorNotACrash() throws Exception {
        Path enc = tmp.resolve("encrypted");
        SyntheticBackup.create(enc, true);
        String expected = enc + " is an encrypted backup: PhotoParity cannot read it; make an unencrypted backup in"
                + " Finder/iTunes (uncheck Encrypt local backup) and try again";
        EncryptedBackupException e = assertThrows(EncryptedBackupException.class, () -> IosBackup.open(enc));
        assertEquals(expected, e.getMessage());
        assertEquals("iPhone15,2", e.info().get("Product Type"));
        assertEquals(Boolean.TRUE, e.manifest().get("IsEncrypted"));

        IosBackupSource source = new IosBackupSource();
        assertEquals(95, source.recognize(enc));
        CollectingContext ctx = new CollectingContext(true);
        IOException scan = assertThrows(IOException.class, () -> source.scan(enc, ctx));
        assertInstanceOf(EncryptedBackupException.class, scan);
        assertEquals(expected, scan.getMessage());
        assertTrue(ctx.files.isEmpty() && ctx.listings.isEmpty() && ctx.ignored.isEmpty());
    }

    @Test
    void recognizesBackupsAheadOfOtherSources() throws Exception {
        IosBackupSource source = new IosBackupSource();
        assertEquals(95, source.recognize(backup));
        assertEquals(0, source.recognize(tmp));
        assertEquals(0, source.recognize(backup.resolve("Manifest.db")));
        assertEquals(0, new PhotosSqliteSource().recognize(backup)); // a folder is not a database
        Files.delete(backup.resolve("Info.plist"));
        assertEquals(95, source.recognize(backup)); // Manifest.plist + Manifest.db suffice
        Files.delete(backup.resolve("Manifest.plist"));
        assertEquals(0, source.recognize(backup));
    }

    @Test
    void aFolderWithoutManifestIsAClearError() throws Exception {
        Path notBackup = Files.createDirectories(tmp.resolve("photos"));
        IOException e = assertThrows(IOException.class, () -> IosBackup.open(notBackup));
        assertTrue(e.getMessage().startsWith(notBackup + " has no Manifest.db"), e.getMessage());
    }

    @Test
    void sharedAlbumMediaInPhotoCloudSharingDataIsReadAsSharedContentNeverAsLibrary() throws Exception {
        Path dir = tmp.resolve("shared-backup");
        SyntheticBackup b = SyntheticBackup.create(dir, false);
        String sharing = "Media/PhotoData/PhotoCloudSharingData/1234/ALBUM-1/100CLOUD/";
        b.addFile(SyntheticBackup.CAMERA, sharing + "IMG_0003.JPG", Fixtures.real("photos/IMG_0658.JPG"), null);
        // a shared album file that no Photos.sqlite row names
        b.addFile(SyntheticBackup.CAMERA, sharing + "IMG_0777.JPG", Fixtures.real("photos/Apple iPhone 4.jpg"), null);
        b.addFile(SyntheticBackup.CAMERA, DCIM + "IMG_0010.JPG", Fixtures.real("photos/Apple iPhone 6.jpg"), null);
        b.addFile(SyntheticBackup.CAMERA, IosBackup.PHOTOS_SQLITE,
                SyntheticPhotosDb.ios18(tmp.resolve("ios18-Photos.sqlite")), null);
        b.close();

        CollectingContext ctx = new CollectingContext(true);
        new IosBackupSource().scan(dir, ctx);
        assertEquals(Set.of(sharing + "IMG_0003.JPG", sharing + "IMG_0777.JPG", DCIM + "IMG_0010.JPG"),
                ctx.filesByPath().keySet());
        Map<String, Listing> byPath = ctx.listings.stream().filter(l -> l.path() != null)
                .collect(Collectors.toMap(Listing::path, l -> l, (x, y) -> x));
        Listing row = byPath.get(sharing + "IMG_0003.JPG");
        assertEquals(org.photoparity.core.model.Sharing.SHARED_ALBUM, row.sharing());
        assertEquals("3", row.extra().get("pk")); // the row's own facts, its path pointed at the stored file
        Listing made = byPath.get(sharing + "IMG_0777.JPG");
        assertEquals(org.photoparity.core.model.Sharing.SHARED_ALBUM, made.sharing());
        assertEquals(IosBackupSource.CLOUD_SHARING, made.origin());
        assertEquals(org.photoparity.core.model.Sharing.LIBRARY, byPath.get(DCIM + "IMG_0010.JPG").sharing());
        // every shared file carries a shared listing
        for (String p : ctx.filesByPath().keySet()) {
            if (p.startsWith(IosBackupSource.CLOUD_SHARING)) assertTrue(byPath.get(p).sharing().isShared(), p);
        }
    }
}
