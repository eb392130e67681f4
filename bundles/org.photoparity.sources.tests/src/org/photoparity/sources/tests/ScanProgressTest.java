package org.photoparity.sources.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.PhaseProgress;
import org.photoparity.sources.Scanner;

/**
 * Issue 14 item 1: "Scanning 45 of 86 files" needs the 86 before the scan: a folder and a zip count exactly the files
 * their scan will report (read, unreadable and ignored ones alike), and the scan tells its progress against it.
 */
class ScanProgressTest {

    @Test
    void foldersAndZipsCountWhatTheirScanReports(@TempDir Path tmp) throws Exception {
        Path lib = tmp.resolve("lib");
        Fixtures.copy(lib, "IMG_0658.JPG", "IMG_4580.HEIC", "IMG_4580.mov");
        Files.createDirectories(lib.resolve("sub/deeper"));
        Files.copy(Fixtures.real("train.jpg"), lib.resolve("sub/deeper/train.jpg"));
        Files.writeString(lib.resolve(".DS_Store"), "x");
        Files.writeString(lib.resolve("sub/notes.txt"), "not a photo");
        Path zip = tmp.resolve("lib.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            z.putNextEntry(new ZipEntry("DCIM/"));
            z.closeEntry();
            for (String n : List.of("IMG_0658.JPG", "train.jpg")) {
                z.putNextEntry(new ZipEntry("DCIM/" + n));
                Files.copy(Fixtures.real(n), z);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("__MACOSX/._IMG_0658.JPG"));
            z.write(1);
            z.closeEntry();
        }
        for (String spec : List.of(lib.toString(), zip.toString())) {
            long counted = Scanner.standard().count(List.of(spec), null);
            List<PhaseProgress.Step> steps = new ArrayList<>();
            SideInventory inv = Scanner.standard().run(SideRole.DEVICE, List.of(spec),
                    Fixtures.noCache().withProgress(steps::add, -1), null).inventory();
            assertEquals(inv.filesSeen(), counted, spec);
            assertEquals(PhaseProgress.Phase.COUNTING, steps.get(0).phase());
            PhaseProgress.Step last = steps.get(steps.size() - 1);
            assertEquals(PhaseProgress.Phase.SCANNING, last.phase());
            assertEquals(counted, last.done(), steps.toString());
            assertEquals(counted, last.total(), steps.toString());
            assertEquals("Scanning " + counted + " of " + counted + " files (device)", last.text());
        }
    }
}
