package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.Sharing;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/**
 * Privacy exports as real ones come (issue 10 item 5): Live Photos whose MOV has its own Photo Details row or none,
 * with still and MOV in different parts; Hidden.csv / Favorites.csv as flags; lenient dates, unreadable ones
 * reported; shared albums zips as shared content. Scanned with the platform's scanner and real media reader, so the
 * assets are what reconciliation sees.
 */
class ExportTruthTest {

    private static final String H = SyntheticExport.HEADER;
    private static final String P1 = "iCloud Photos Part 1 of 2";
    private static final String P2 = "iCloud Photos Part 2 of 2";

    @TempDir
    Path tmp;

    private static String row(String name, String checksum, String date) {
        return name + "," + checksum + ",no,no,no,\"" + date + "\",0,\"" + date + "\"\n";
    }

    private SideInventory scan(Path export) throws Exception {
        return Scanner.scan(SideRole.CLOUD, List.of("privacy-export:" + export), ScanOptions.defaults().withoutCache()
                .withThreads(1), new NullProgressMonitor());
    }

    private Path livePhotosAcrossParts() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("export"));
        Map<String, byte[]> p1 = new LinkedHashMap<>();
        p1.put(P1 + "/Photos/IMG_4580.HEIC", SyntheticExport.read("photos/IMG_4580.HEIC"));
        p1.put(P1 + "/Photos/train.jpg", SyntheticExport.read("photos/train.jpg"));
        p1.put(P1 + "/Photos/IMG_4120.JPG", SyntheticExport.read("photos/IMG_4120.JPG"));
        // the MOV of IMG_4580 has its own row (in part 1's CSV) but sits in part 2; train.mov has no row at all
        p1.put(P1 + "/Photos/Photo Details.csv", (H + row("IMG_4580.HEIC", "AAAA4580", "Saturday June 4,2022 14:00 PM GMT")
                + row("IMG_4580.MOV", "BBBB4580", "Saturday June 4,2022 14:00 PM GMT")
                + row("train.jpg", "AAAATRAIN", "March 3, 2021 9:15 AM GMT")
                + row("IMG_4120.JPG", "AAAA4120", "Sunday 4 Juni 2022 klokka 12")).getBytes(StandardCharsets.UTF_8));
        p1.put(P1 + "/Albums/Hidden.csv", "imgName\nIMG_4120.JPG\n".getBytes(StandardCharsets.UTF_8));
        p1.put(P1 + "/Albums/Favorites.csv", "imgName\ntrain.jpg\n".getBytes(StandardCharsets.UTF_8));
        p1.put(P1 + "/Albums/Trip.csv", "imgName\ntrain.jpg\n".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> sharedAlbums = new LinkedHashMap<>();
        sharedAlbums.put("My Albums/Family/IMG_0658.JPG", SyntheticExport.read("photos/IMG_0658.JPG"));
        sharedAlbums.put("My Albums/Family/AlbumInfo.json", "{\"name\":\"Family\"}".getBytes(StandardCharsets.UTF_8));
        p1.put(P1 + "/iCloud Shared Albums-1.zip", SyntheticExport.zip(sharedAlbums));
        SyntheticExport.write(dir.resolve(P1 + ".zip"), p1);
        SyntheticExport.copy("photos/IMG_4580.mov", dir.resolve(P2 + "/Photos/IMG_4580.MOV"));
        SyntheticExport.copy("photos/train.mov", dir.resolve(P2 + "/Photos/train.mov"));
        Files.writeString(dir.resolve(P2 + "/Photos/Photo Details.csv"), H);
        return dir;
    }

    @Test
    void livePhotoMovJoinsItsStillByContentIdentifierAcrossPartsWithOrWithoutItsOwnRow() throws Exception {
        SideInventory side = scan(livePhotosAcrossParts());
        Map<String, Asset> byName = new TreeMap<>();
        for (Asset a : side.assets()) byName.put(a.displayName(), a);
        assertEquals(List.of("IMG_0658.JPG", "IMG_4120.JPG", "IMG_4580.HEIC", "train.jpg"),
                List.copyOf(byName.keySet()), "one asset per photo, no listing-only MOV");
        for (String live : List.of("IMG_4580.HEIC", "train.jpg")) {
            Asset a = byName.get(live);
            assertEquals(AssetKind.LIVE_PHOTO, a.kind(), live);
            assertEquals(2, a.files().size(), live);
            assertNotNull(a.listing(), live);
        }
        Listing still = byName.get("IMG_4580.HEIC").listing();
        assertEquals("AAAA4580", still.fingerprint());
        assertEquals(AssetKind.LIVE_PHOTO, still.kind());
        assertEquals(P2 + "/Photos/IMG_4580.MOV", still.extra().get("liveVideo"));
        assertTrue(side.assets().stream().allMatch(Asset::hasFiles), "no asset known only from a row");
    }

    @Test
    void hiddenAndFavoritesCsvAreFlagsNotAlbums() throws Exception {
        SideInventory side = scan(livePhotosAcrossParts());
        Map<String, Listing> byName = new TreeMap<>();
        for (Asset a : side.assets()) if (a.listing() != null) byName.put(a.displayName(), a.listing());
        assertTrue(byName.get("IMG_4120.JPG").hidden());
        assertFalse(byName.get("IMG_4120.JPG").favorite());
        assertNull(byName.get("IMG_4120.JPG").extra().get("albums"));
        assertTrue(byName.get("train.jpg").favorite());
        assertEquals("Trip", byName.get("train.jpg").extra().get("albums"));
        assertFalse(byName.get("IMG_4580.HEIC").hidden() || byName.get("IMG_4580.HEIC").favorite());
    }

    @Test
    void datesParseLenientlyAndAnUnreadableDateIsReported() throws Exception {
        SideInventory side = scan(livePhotosAcrossParts());
        Map<String, Listing> byName = new TreeMap<>();
        for (Asset a : side.assets()) if (a.listing() != null) byName.put(a.displayName(), a.listing());
        assertEquals(Instant.parse("2022-06-04T14:00:00Z"), byName.get("IMG_4580.HEIC").created()); // "14:00 PM"
        assertEquals(Instant.parse("2021-03-03T09:15:00Z"), byName.get("train.jpg").created()); // no weekday
        assertNull(byName.get("IMG_4120.JPG").created());
        assertEquals("Sunday 4 Juni 2022 klokka 12", byName.get("IMG_4120.JPG").extra().get("originalCreationDate"));
        FileIssue csv = side.ignored().stream().filter(f -> f.path().endsWith(P1 + "/Photos/Photo Details.csv"))
                .findFirst().orElseThrow();
        assertTrue(csv.reason().contains("1 originalCreationDate value could not be read as a date: IMG_4120.JPG"
                + " (\"Sunday 4 Juni 2022 klokka 12\")"), csv.reason());
        assertTrue(side.countsAddUp());
    }

    @Test
    void sharedAlbumsZipIsSharedContentNotTheCloudLibrary() throws Exception {
        SideInventory side = scan(livePhotosAcrossParts());
        Asset shared = side.assets().stream().filter(a -> a.displayName().equals("IMG_0658.JPG")).findFirst()
                .orElseThrow();
        assertEquals(Sharing.SHARED_ALBUM, shared.listing().sharing());
        for (Asset a : side.assets()) {
            if (a != shared) assertEquals(Sharing.LIBRARY, a.listing().sharing(), a.displayName());
        }
    }

    /**
     * Only some parts of a privacy export given (seen: "Part 2 of 2" alone gave 18 "Missing in iCloud" losses for the
     * photos of part 1): the source says which parts are missing, and what the device holds that the parts given do
     * not is not shown lost. With every part the export is complete and a photo it lacks is a loss again.
     */
    @Test
    void aPartMissingFromTheExportIsNamedAndWhatItMayHoldIsNotShownLost() throws Exception {
        Path export = livePhotosAcrossParts();
        Path device = Files.createDirectories(tmp.resolve("device/DCIM/100APPLE"));
        SyntheticExport.copy("photos/train.jpg", device.resolve("IMG_0002.JPG"));
        SyntheticExport.copy("photos/train.mov", device.resolve("IMG_0002.MOV"));
        SyntheticExport.copy("photos/Apple iPhone 4.jpg", device.resolve("IMG_0003.JPG"));
        SideInventory d = Scanner.scan(SideRole.DEVICE, List.of(tmp.resolve("device").toString()),
                ScanOptions.defaults().withoutCache().withThreads(1), new NullProgressMonitor());

        SideInventory part2 = scan(export.resolve(P2));
        assertEquals("Part 1 of 2 not given (iCloud Photos Part 1 of 2)", part2.sources().get(0).incomplete());
        org.photoparity.core.model.ReconcileResult r = new org.photoparity.match.Reconciler().reconcile(d, part2,
                Map.of(), new NullProgressMonitor());
        // IMG_0003 is in no part; train.jpg's still is in part 1, its video in part 2
        List<org.photoparity.core.model.Mismatch> inCloud = r.mismatches().stream()
                .filter(m -> m.category() == org.photoparity.core.model.Category.MISSING_IN_CLOUD
                        || m.category() == org.photoparity.core.model.Category.LIVE_PHOTO_INCOMPLETE).toList();
        assertEquals(2, inCloud.size(), r.mismatches().toString());
        for (org.photoparity.core.model.Mismatch m : inCloud) {
            assertFalse(m.loss(), m.toString());
            assertTrue(m.explanation().startsWith("not shown lost: the cloud privacy export given is incomplete:"
                    + " Part 1 of 2 not given (iCloud Photos Part 1 of 2); "), m.explanation());
        }

        SideInventory whole = scan(export);
        assertNull(whole.sources().get(0).incomplete(), "every part given");
        // the two parts given as two sources of the side: complete too
        SideInventory two = Scanner.scan(SideRole.CLOUD, List.of("privacy-export:" + export.resolve(P1 + ".zip"),
                "privacy-export:" + export.resolve(P2)), ScanOptions.defaults().withoutCache().withThreads(1),
                new NullProgressMonitor());
        assertEquals(2, two.sources().size());
        for (var s : two.sources()) assertNull(s.incomplete(), s.toString());
        // a part downloaded twice keeps the browser's " (1)": still part 1
        Files.move(export.resolve(P1 + ".zip"), export.resolve(P1 + " (1).zip"));
        assertNull(scan(export).sources().get(0).incomplete(), "part 1 as a second download");
        SideInventory renamed = Scanner.scan(SideRole.CLOUD, List.of("privacy-export:" + export.resolve(P1
                + " (1).zip"), "privacy-export:" + export.resolve(P2)), ScanOptions.defaults().withoutCache()
                .withThreads(1), new NullProgressMonitor());
        for (var s : renamed.sources()) assertNull(s.incomplete(), s.toString());
        r = new org.photoparity.match.Reconciler().reconcile(d, whole, Map.of(), new NullProgressMonitor());
        org.photoparity.core.model.Mismatch lost = r.mismatches().stream()
                .filter(m -> m.category() == org.photoparity.core.model.Category.MISSING_IN_CLOUD).findFirst()
                .orElseThrow(() -> new AssertionError("IMG_0003 is in no part"));
        assertEquals(List.of("DCIM/100APPLE/IMG_0003.JPG"), lost.device());
        assertTrue(lost.loss(), lost.toString());
    }
}
