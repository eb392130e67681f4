package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;

/**
 * Photos whose names do not say what they are: a picture saved from a browser on Windows as .jfif, a photo with no
 * extension at all (a messaging app's save), an AVIF. The folder and zip sources read such a file by its content; the
 * privacy export took files by extension only and ignored them ("not a photo, video or listing of the export") while
 * its Photo Details.csv listed them, so the same photo on both sides was "missing in iCloud": a false loss. A file in
 * the export that is not a photo by its content is still ignored, with its reason.
 */
class ExportContentTest {

    @TempDir
    Path tmp;

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

    /** The export of {@code files}, each listed, and two files that are not photos whatever their names. */
    private Path export(Map<String, byte[]> files) throws Exception {
        StringBuilder csv = new StringBuilder(DeviceAndExport.DETAILS_HEADER);
        for (String name : files.keySet()) {
            csv.append(DeviceAndExport.row(name, "AAAA" + Math.abs(name.hashCode()),
                    "Sunday October 9,2016 2:44 PM GMT"));
        }
        Path export = DeviceAndExport.export(tmp, files, csv.toString());
        Path photos = DeviceAndExport.photos(tmp);
        Files.writeString(photos.resolve("notes.json"), "{\"not\": \"a photo\"}");
        Files.write(photos.resolve("IMG_9999"), "plain text, no picture".getBytes(StandardCharsets.UTF_8));
        return export;
    }

    /**
     * A Live Photo whose video has no extension (a messaging app's save of both halves), its still and video each
     * with a row, as the export lists Live Photos: the video's row joins its still by content identifier, so the
     * pair is one Live Photo on both sides, not a still plus a separate "photo" with no picture.
     */
    @Test
    void aLivePhotoVideoWithoutExtensionJoinsItsStill() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("IMG_4580.HEIC", real("IMG_4580.HEIC"));
        files.put("IMG_4580", real("IMG_4580.mov"));
        ReconcileResult r = DeviceAndExport.analyse(DeviceAndExport.device(tmp, Map.of("IMG_4580.HEIC",
                files.get("IMG_4580.HEIC"), "IMG_4580_video", files.get("IMG_4580"))), export(files));
        assertEquals(List.of(), r.mismatches(), "one Live Photo on both sides");
        assertEquals(1, r.identical());
        assertEquals(1, r.cloud().assets().size(), "the video's row folded into its still's: " + r.cloud().assets());
        assertEquals(org.photoparity.core.model.AssetKind.LIVE_PHOTO, r.cloud().assets().get(0).kind());
    }

    @Test
    void photosNamedWithoutAKnownExtensionAreReadByTheirContentInTheExportToo() throws Exception {
        Map<String, byte[]> files = photos();
        ReconcileResult r = DeviceAndExport.analyse(DeviceAndExport.device(tmp, files), export(files));
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
