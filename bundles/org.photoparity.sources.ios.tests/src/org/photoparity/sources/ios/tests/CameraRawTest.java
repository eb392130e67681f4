package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photoparity.sources.ios.tests.DeviceAndExport.analyse;
import static org.photoparity.sources.ios.tests.DeviceAndExport.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.demo.CameraRaw;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/**
 * Camera RAW files imported into the iPhone's library (Fujifilm RAF, Olympus ORF, Panasonic RW2, Canon CR3, and the
 * TIFF-based CR2 / NEF / ARW): the same files on both sides, the cloud side a privacy export whose Photo Details.csv
 * lists them. Before, the scanner ignored RAF, ORF and RW2 ("not a photo or video"), read a CR3 as an MPEG-4 video
 * and a NEF as a TIFF without its capture time, and the export ignored every one of them while listing them: a RAW
 * on both sides could be shown lost, sometimes twice ("missing in iCloud" for the file, "missing on the device" for
 * the listed row). Formats.md lists RAW among the causes of count mismatches.
 */
class CameraRawTest {

    @TempDir
    Path tmp;

    private Map<String, byte[]> raws() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] preview = Files.readAllBytes(real("Apple iPhone 4.jpg"));
        files.put("IMG_0658.JPG", Files.readAllBytes(real("IMG_0658.JPG")));
        files.put("DSC_0001.NEF", CameraRaw.tiffRaw("NIKON CORPORATION", "NIKON D750", "2023:01:02 08:05:00", preview));
        files.put("P1010001.ORF", CameraRaw.orf("2023:01:03 09:10:00"));
        files.put("P1000001.RW2", CameraRaw.rw2("2023:01:04 10:15:00", preview));
        files.put("DSCF0001.RAF", CameraRaw.raf(preview));
        files.put("IMG_0001.CR3", CameraRaw.cr3("2023:01:05 11:20:00", preview));
        return files;
    }

    private static Path real(String name) {
        return Fixtures.real("photos/" + name);
    }

    private Path device(Map<String, byte[]> files) throws Exception {
        return DeviceAndExport.device(tmp, files);
    }

    private Path export(Map<String, byte[]> files) throws Exception {
        return DeviceAndExport.export(tmp, files, DeviceAndExport.DETAILS_HEADER
                + row("IMG_0658.JPG", "AVz9rBg6dj545oO5JYFJqHkczrcc", "Sunday October 9,2016 2:44 PM GMT")
                + row("DSC_0001.NEF", "ANEF0000000000000000000000001", "Monday January 2,2023 8:05 AM GMT")
                + row("P1010001.ORF", "AORF0000000000000000000000001", "Tuesday January 3,2023 9:10 AM GMT")
                + row("P1000001.RW2", "ARW20000000000000000000000001", "Wednesday January 4,2023 10:15 AM GMT")
                + row("DSCF0001.RAF", "ARAF0000000000000000000000001", "Thursday January 13,2011 2:33 PM GMT")
                + row("IMG_0001.CR3", "ACR30000000000000000000000001", "Thursday January 5,2023 11:20 AM GMT"));
    }

    @Test
    void cameraRawFilesOnBothSidesAreNoLoss() throws Exception {
        Map<String, byte[]> files = raws();
        ReconcileResult r = analyse(device(files), export(files));
        List<Mismatch> losses = r.mismatches().stream().filter(Mismatch::loss).toList();
        assertEquals(List.of(), losses, "the same RAW files on both sides");
        assertEquals(files.size(), r.identical(), "each one paired: " + r.mismatches());
        for (SideInventory side : List.of(r.device(), r.cloud())) {
            assertEquals(List.of(), side.unreadable(), side.role() + ": every RAW read");
            for (String name : files.keySet()) {
                if (!name.endsWith(".JPG")) assertRaw(side, name);
            }
            // the RAW's own Exif, not that of the JPEG preview it embeds (here another photo's)
            Map<String, String> captured = Map.of("DSC_0001.NEF", "2023-01-02T08:05", "P1010001.ORF",
                    "2023-01-03T09:10", "P1000001.RW2", "2023-01-04T10:15", "IMG_0001.CR3", "2023-01-05T11:20",
                    "DSCF0001.RAF", "2011-01-13T14:33:39");
            Map<String, String> makes = Map.of("DSC_0001.NEF", "NIKON CORPORATION", "P1010001.ORF",
                    "OLYMPUS IMAGING CORP.", "P1000001.RW2", "Panasonic", "IMG_0001.CR3", "Canon", "DSCF0001.RAF",
                    "Apple");
            for (Asset a : side.assets()) {
                MediaFile f = a.primary();
                if (f == null) continue;
                String name = f.path().substring(f.path().lastIndexOf('/') + 1);
                if (!captured.containsKey(name)) continue;
                assertTrue(f.captured().toString().startsWith(captured.get(name)), name + ": " + f.captured());
                assertEquals(makes.get(name), f.make(), name);
            }
        }
    }

    @Test
    void damagedRawFilesAreUnreadableWithTheirReasonAndNothingElse() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("damaged/DCIM/100APPLE"));
        byte[] cr3 = CameraRaw.cr3("2023:01:05 11:20:00", null);
        Files.write(dir.resolve("IMG_0002.CR3"), java.util.Arrays.copyOf(cr3, 60)); // cut inside moov
        byte[] raf = CameraRaw.raf(Files.readAllBytes(real("Apple iPhone 4.jpg")));
        java.nio.ByteBuffer.wrap(raf).putInt(84, Integer.MAX_VALUE); // the JPEG's offset beyond the file
        Files.write(dir.resolve("DSCF0002.RAF"), raf);
        byte[] huge = CameraRaw.cr3("2023:01:05 11:20:00", null);
        java.nio.ByteBuffer.wrap(huge).putInt(24, Integer.MAX_VALUE); // moov claims 2 GB of metadata
        Files.write(dir.resolve("IMG_0003.CR3"), huge);
        SideInventory side = Scanner.scan(SideRole.DEVICE, List.of("folder:" + tmp.resolve("damaged")),
                ScanOptions.defaults().withoutCache().withThreads(1), new NullProgressMonitor());
        assertTrue(side.countsAddUp(), "every file accounted for");
        assertEquals(3, side.unreadable().size(), "each damaged RAW is unreadable, with its reason: "
                + side.unreadable());
        for (var u : side.unreadable()) {
            assertTrue(u.reason() != null && u.reason().contains("RAW"), "says which format failed: " + u);
        }
        assertTrue(side.unreadable().stream().anyMatch(u -> u.reason().contains("metadata")),
                "the oversized moov is refused by its bound, not read: " + side.unreadable());
    }

    @Test
    void aRawAndItsJpegTwinAreOneAssetBothOriginals() throws Exception {
        // before, a NEF read as a TIFF was the JPEG's "edited render" (shown as edited on the device)
        byte[] jpeg = Files.readAllBytes(real("Apple iPhone 4.jpg"));
        Path dir = Files.createDirectories(tmp.resolve("twins/DCIM/100APPLE"));
        Files.write(dir.resolve("IMG_0001.JPG"), jpeg);
        Files.write(dir.resolve("IMG_0001.NEF"), CameraRaw.tiffRaw("Apple", "iPhone 4", "2011:01:13 14:33:39", jpeg));
        SideInventory side = Scanner.scan(SideRole.DEVICE, List.of("folder:" + tmp.resolve("twins")),
                ScanOptions.defaults().withoutCache().withThreads(1), new NullProgressMonitor());
        assertEquals(1, side.assets().size(), "one asset: " + side.assets());
        Asset a = side.assets().get(0);
        assertEquals(2, a.files().size());
        for (MediaFile f : a.files()) {
            assertEquals(org.photoparity.core.model.ResourceRole.ORIGINAL, f.role(), "the RAW/JPEG twin: " + f.path());
        }
        assertEquals(MediaFormat.JPEG, a.primary().format(), "the JPEG is the asset's still");
    }

    @Test
    void aProRawDngLaidOutWithSubIfdsKeepsItsCaptureTime() throws Exception {
        // an iPhone ProRAW DNG has IFD0, SubIFDs (the raw image, previews) and the Exif IFD, as a NEF has
        Path dir = Files.createDirectories(tmp.resolve("proraw/DCIM/100APPLE"));
        Files.write(dir.resolve("IMG_0002.DNG"), CameraRaw.tiffRaw("Apple", "iPhone 15 Pro", "2024:05:06 07:08:09",
                Files.readAllBytes(real("IMG_0658.JPG"))));
        SideInventory side = Scanner.scan(SideRole.DEVICE, List.of("folder:" + tmp.resolve("proraw")),
                ScanOptions.defaults().withoutCache().withThreads(1), new NullProgressMonitor());
        MediaFile f = side.assets().get(0).primary();
        assertEquals(MediaFormat.DNG, f.format());
        assertNotNull(f.captured(), "its Exif IFD, not the first SubIFD");
        assertTrue(f.captured().toString().startsWith("2024-05-06T07:08:09"), String.valueOf(f.captured()));
    }

    @Test
    void aScanCacheOfTheReaderBeforeRawSupportIsNotTrusted() throws Exception {
        // reader version 2 held a CR3 as an MP4 video and a NEF without its capture time: after an update, a case's
        // scan cache of version 2 must be read again, not believed
        Path dir = Files.createDirectories(tmp.resolve("cached/DCIM/100APPLE"));
        byte[] jpeg = Files.readAllBytes(real("Apple iPhone 4.jpg"));
        Files.write(dir.resolve("DSC_0001.NEF"), CameraRaw.tiffRaw("NIKON CORPORATION", "NIKON D750",
                "2023:01:02 08:05:00", jpeg));
        Files.write(dir.resolve("IMG_0001.CR3"), CameraRaw.cr3("2023:01:05 11:20:00", jpeg));
        Path cache = tmp.resolve("cache/scan-cache.bin");
        ScanOptions o = new ScanOptions(false, 1, cache);
        Scanner.Result first = Scanner.standard().run(SideRole.DEVICE, List.of("folder:" + tmp.resolve("cached")), o,
                new NullProgressMonitor());
        assertEquals(2, first.cacheMisses());
        Scanner.Result again = Scanner.standard().run(SideRole.DEVICE, List.of("folder:" + tmp.resolve("cached")), o,
                new NullProgressMonitor());
        assertEquals(2, again.cacheHits(), "the same reader trusts its own cache");
        // the cache as the reader of version 2 wrote it: magic, format, then the reader's version
        byte[] b = Files.readAllBytes(cache);
        java.nio.ByteBuffer.wrap(b).putInt(8, 2);
        Files.write(cache, b);
        Scanner.Result old = Scanner.standard().run(SideRole.DEVICE, List.of("folder:" + tmp.resolve("cached")), o,
                new NullProgressMonitor());
        assertEquals(0, old.cacheHits(), "a cache of reader version 2 is read again");
        assertEquals(2, old.cacheMisses());
        for (Asset a : old.inventory().assets()) {
            assertEquals(MediaFormat.RAW, a.primary().format(), a.primary().path());
            assertNotNull(a.primary().captured(), a.primary().path());
        }
    }

    /** A photo read from its file (not only listed): format RAW, a capture time, the camera's make. */
    private static void assertRaw(SideInventory side, String name) {
        Asset a = side.assets().stream()
                .filter(x -> x.files().stream().anyMatch(f -> f.path().endsWith(name))).findFirst()
                .orElseThrow(() -> new AssertionError(side.role() + ": no asset read from " + name + " in "
                        + side.assets()));
        assertEquals(AssetKind.PHOTO, a.kind(), name);
        MediaFile f = a.primary();
        assertEquals(MediaFormat.RAW, f.format(), name);
        assertNotNull(f.captured(), name + ": its capture time");
        assertTrue(f.make() != null && !f.make().isBlank(), name + ": its camera");
    }
}
