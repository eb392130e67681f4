package org.photoparity.sources.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;

/** The folder layouts of DCIM copies, icloudpd and iCloud for Windows, and the same trees zipped. */
class LayoutsTest {

    @TempDir
    Path tmp;

    private Path dcim() throws IOException {
        Path root = Fixtures.copy(tmp.resolve("iPhone"), "IMG_4580.HEIC=>DCIM/100APPLE/IMG_4580.HEIC",
                "IMG_4580.mov=>DCIM/100APPLE/IMG_4580.MOV", "IMG_4120.JPG=>DCIM/101APPLE/IMG_4120.JPG",
                "IMG_E4120.JPG=>DCIM/101APPLE/IMG_E4120.JPG", "IMG_4120.AAE=>DCIM/101APPLE/IMG_4120.AAE");
        Files.writeString(root.resolve("DCIM/.DS_Store"), "junk");
        Files.writeString(root.resolve("DCIM/100APPLE/._IMG_4580.HEIC"), "fork");
        return root;
    }

    private static void assertDcim(SideInventory inv) {
        assertEquals(7, inv.filesSeen());
        assertEquals(5, inv.filesRead());
        assertEquals(2, inv.ignored().size());
        assertTrue(inv.countsAddUp());
        assertEquals(2, inv.assets().size());
        Asset live = Fixtures.assetWith(inv, "DCIM/100APPLE/IMG_4580.HEIC");
        assertEquals(AssetKind.LIVE_PHOTO, live.kind());
        assertEquals("DCIM/100APPLE/IMG_4580.MOV", live.file(ResourceRole.LIVE_VIDEO).path());
        Asset edited = Fixtures.assetWith(inv, "DCIM/101APPLE/IMG_4120.JPG");
        assertEquals(3, edited.files().size());
        assertEquals("DCIM/101APPLE/IMG_E4120.JPG", edited.file(ResourceRole.EDITED_RENDER).path());
        assertEquals("DCIM/101APPLE/IMG_4120.AAE", edited.file(ResourceRole.ADJUSTMENT_SIDECAR).path());
        List<String> ignored = inv.ignored().stream().map(FileIssue::path).sorted().toList();
        assertEquals(List.of("DCIM/.DS_Store", "DCIM/100APPLE/._IMG_4580.HEIC"), ignored);
        assertTrue(inv.ignored().stream().anyMatch(i -> i.reason().contains(".DS_Store")));
        assertTrue(inv.ignored().stream().anyMatch(i -> i.reason().contains("AppleDouble")));
    }

    @Test
    void dcimCopy() throws IOException {
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), dcim().toString());
        assertDcim(inv);
        assertEquals("folder", inv.sources().get(0).kind());
    }

    @Test
    void dcimZippedReadsTheSameInPlace() throws IOException {
        Path folder = dcim();
        Path zip = zip(folder, tmp.resolve("iCloud Photos.zip"));
        SideInventory fromZip = Fixtures.scan(Fixtures.noCache(), zip.toString());
        assertEquals("zip", fromZip.sources().get(0).kind());
        assertDcim(fromZip);
        SideInventory fromFolder = Fixtures.scan(Fixtures.noCache(), folder.toString());
        for (String p : List.of("DCIM/100APPLE/IMG_4580.HEIC", "DCIM/100APPLE/IMG_4580.MOV",
                "DCIM/101APPLE/IMG_4120.AAE")) {
            assertEquals(Fixtures.file(fromFolder, p).fingerprint(), Fixtures.file(fromZip, p).fingerprint(), p);
            assertEquals(Fixtures.file(fromFolder, p).contentIdentifier(),
                    Fixtures.file(fromZip, p).contentIdentifier());
        }
        // read in place: nothing was extracted next to the zip
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("iCloud Photos.zip", "iPhone"), s.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
    }

    @Test
    void icloudpdLayout() throws IOException {
        Path root = Fixtures.copy(tmp.resolve("icloudpd"), "IMG_4580.HEIC=>2025/08/17/IMG_4580.HEIC",
                "IMG_4580.mov=>2025/08/17/IMG_4580_HEVC.MOV", "iphone_7.heic=>2025/08/17/IMG_4580-medium.HEIC",
                "IMG_4120.JPG=>2019/06/09/IMG_4120.JPG", "IMG_E4120.JPG=>2019/06/09/IMG_4120-adjusted.JPG",
                "IMG_0658.JPG=>2019/06/09/IMG_4120-67890.JPG", "train.jpg=>2021/04/10/IMG_7000-thumb.JPG");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), root.toString());
        assertEquals(7, inv.filesRead());
        assertEquals(4, inv.assets().size(), inv.assets().toString());

        Asset live = Fixtures.assetWith(inv, "2025/08/17/IMG_4580.HEIC");
        assertEquals(AssetKind.LIVE_PHOTO, live.kind());
        assertEquals("2025/08/17/IMG_4580_HEVC.MOV", live.file(ResourceRole.LIVE_VIDEO).path());
        assertEquals("2025/08/17/IMG_4580-medium.HEIC", live.file(ResourceRole.DERIVATIVE).path());

        Asset edited = Fixtures.assetWith(inv, "2019/06/09/IMG_4120.JPG");
        assertEquals("2019/06/09/IMG_4120-adjusted.JPG", edited.file(ResourceRole.EDITED_RENDER).path());
        assertEquals(2, edited.files().size());

        Asset collision = Fixtures.assetWith(inv, "2019/06/09/IMG_4120-67890.JPG");
        assertEquals(1, collision.files().size());
        assertEquals(AssetKind.PHOTO, collision.kind());
        assertEquals("D4E4B3D1-0E45-4987-BE12-76D604E25D2C", collision.primary().burstId());

        // a thumbnail whose original was not downloaded is an asset of its own, marked as a derivative
        Asset thumb = Fixtures.assetWith(inv, "2021/04/10/IMG_7000-thumb.JPG");
        assertEquals(ResourceRole.DERIVATIVE, thumb.primary().role());
        assertEquals(AssetKind.PHOTO, thumb.kind());
    }

    @Test
    void icloudForWindowsLayout() throws IOException {
        Path root = Fixtures.copy(tmp.resolve("Pictures"), "IMG_4580.HEIC=>iCloud Photos/Photos/IMG_4580.HEIC",
                "IMG_4580.mov=>iCloud Photos/Photos/IMG_4580.MOV", "train.jpg=>iCloud Photos/Photos/train.JPG");
        Files.writeString(root.resolve("iCloud Photos/Photos/Thumbs.db"), "x");
        Files.writeString(root.resolve("iCloud Photos/desktop.ini"), "x");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), root.resolve("iCloud Photos").toString());
        assertEquals(5, inv.filesSeen());
        assertEquals(3, inv.filesRead());
        assertEquals(2, inv.ignored().size());
        assertEquals(2, inv.assets().size());
        assertEquals(AssetKind.LIVE_PHOTO, Fixtures.assetWith(inv, "Photos/IMG_4580.MOV").kind());
        assertEquals(AssetKind.PHOTO, Fixtures.assetWith(inv, "Photos/train.JPG").kind());
    }

    @Test
    void severalSourcesKeepTheirIndex() throws IOException {
        Path a = Fixtures.copy(tmp.resolve("a"), "IMG_4120.JPG");
        Path b = Fixtures.copy(tmp.resolve("b"), "IMG_4120.JPG");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), a.toString(), "folder:" + b);
        assertEquals(2, inv.assets().size());
        assertEquals(0, inv.assets().get(0).primary().source());
        assertEquals(1, inv.assets().get(1).primary().source());
        assertEquals(2, inv.sources().size());
    }

    static Path zip(Path folder, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os);
                Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(folder.relativize(p).toString()));
                Files.copy(p, z);
                z.closeEntry();
            }
        }
        return zip;
    }
}
