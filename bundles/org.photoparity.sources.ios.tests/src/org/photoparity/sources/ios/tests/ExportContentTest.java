package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.match.Reconciler;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/**
 * Photos whose names do not say what they are: a picture saved from a browser on Windows as .jfif, a photo with no
 * extension at all (a messaging app's save), an AVIF. The folder and zip sources read such a file by its content; the
 * privacy export took files by extension only and ignored them ("not a photo, video or listing of the export") while
 * its Photo Details.csv listed them, so the same photo on both sides was "missing in iCloud": a false loss. A file in
 * the export that is not a photo by its content is still ignored, with its reason.
 */
class ExportContentTest {

    private static final String H = "imgName,fileChecksum,favorite,hidden,deleted,originalCreationDate,viewCount,"
            + "importDate\n";

    @TempDir
    Path tmp;

    private static String row(String name, String date) {
        return name + ",AAAA" + Math.abs(name.hashCode()) + ",no,no,no,\"" + date + "\",0,\"" + date + "\"\n";
    }

    private static byte[] real(String name) throws Exception {
        return Files.readAllBytes(Fixtures.real("photos/" + name));
    }

    private Map<String, byte[]> photos() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("IMG_0658.JPG", real("IMG_0658.JPG"));
        files.put("saved from the web.jfif", real("Apple iPhone 4.jpg"));
        files.put("IMG_4580", real("IMG_4580.HEIC"));
        files.put("train.avif", real("iphone_7.heic"));
        return files;
    }

    private Path device(Map<String, byte[]> files) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("device/DCIM/100APPLE"));
        for (var e : files.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
        return tmp.resolve("device");
    }

    private Path export(Map<String, byte[]> files) throws Exception {
        Path photos = Files.createDirectories(tmp.resolve("export/iCloud Photos Part 1 of 1/Photos"));
        StringBuilder csv = new StringBuilder(H);
        for (var e : files.entrySet()) {
            Files.write(photos.resolve(e.getKey()), e.getValue());
            csv.append(row(e.getKey(), "Sunday October 9,2016 2:44 PM GMT"));
        }
        Files.writeString(photos.resolve("Photo Details.csv"), csv, StandardCharsets.UTF_8);
        // not photos, whatever their names: still ignored, each with why
        Files.writeString(photos.resolve("notes.json"), "{\"not\": \"a photo\"}");
        Files.write(photos.resolve("IMG_9999"), "plain text, no picture".getBytes(StandardCharsets.UTF_8));
        return tmp.resolve("export");
    }

    private static ReconcileResult analyse(Path device, Path cloud) throws Exception {
        ScanOptions o = ScanOptions.defaults().withoutCache().withThreads(1);
        SideInventory d = Scanner.scan(SideRole.DEVICE, List.of("folder:" + device), o, new NullProgressMonitor());
        SideInventory c = Scanner.scan(SideRole.CLOUD, List.of("privacy-export:" + cloud), o,
                new NullProgressMonitor());
        return new Reconciler().reconcile(d, c, Map.of(), new NullProgressMonitor());
    }

    @Test
    void photosNamedWithoutAKnownExtensionAreReadByTheirContentInTheExportToo() throws Exception {
        Map<String, byte[]> files = photos();
        ReconcileResult r = analyse(device(files), export(files));
        List<Mismatch> losses = r.mismatches().stream().filter(Mismatch::loss).toList();
        assertEquals(List.of(), losses, "the same photos on both sides");
        assertEquals(files.size(), r.identical(), "each one paired: " + r.mismatches());
        Map<String, MediaFormat> formats = Map.of("IMG_0658.JPG", MediaFormat.JPEG, "saved from the web.jfif",
                MediaFormat.JPEG, "IMG_4580", MediaFormat.HEIC, "train.avif", MediaFormat.HEIC);
        for (SideInventory side : List.of(r.device(), r.cloud())) {
            for (var e : formats.entrySet()) {
                assertTrue(side.assets().stream().flatMap(a -> a.files().stream())
                        .anyMatch(f -> f.path().endsWith("/" + e.getKey()) && f.readable()
                                && f.format() == e.getValue()),
                        side.role() + ": " + e.getKey() + " read as " + e.getValue() + " in " + side.assets());
            }
        }
        // the listing is accounted for as read ("listing, read as 4 photo details rows"); the rest are not photos
        List<FileIssue> notPhotos = r.cloud().ignored().stream().filter(i -> !i.path().endsWith(".csv")).toList();
        List<String> ignored = notPhotos.stream().map(FileIssue::path).sorted().toList();
        assertEquals(List.of("iCloud Photos Part 1 of 1/Photos/IMG_9999", "iCloud Photos Part 1 of 1/Photos/notes.json"),
                ignored.stream().map(p -> p.substring(p.indexOf("iCloud Photos"))).toList(), "only the non-photos");
        for (FileIssue i : notPhotos) {
            assertTrue(i.reason().startsWith("not a photo, video or listing of the export ("), i.path() + ": " + i.reason());
        }
        assertEquals(List.of(), r.cloud().unreadable());
    }
}
