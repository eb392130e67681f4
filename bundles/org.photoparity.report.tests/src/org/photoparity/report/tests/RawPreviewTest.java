package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.demo.CameraRaw;
import org.photoparity.report.preview.PreviewMaker;

/**
 * A camera RAW file's preview in the report and Compare (one pipeline) is the JPEG its camera embedded: found where
 * each maker puts it (a TIFF's JPEGInterchangeFormat, a RW2's JpgFromRaw, a RAF's header, a CR3's PRVW box, an ORF's
 * maker notes), read without the sensor data, decoded as a JPEG. Before, every RAW (and DNG) said "no preview for ...
 * files", and later an ORF still did (its preview is in the maker notes). The
 * embedded JPEG here is a real iPhone JPEG, so the preview must show the same picture as that JPEG decoded alone.
 */
class RawPreviewTest {

    @TempDir
    Path tmp;

    private static MediaFile raw(String path, long size) {
        return new MediaFile(0, path, MediaFormat.fromFileName(path), ResourceRole.ORIGINAL, size, 0, null, "Canon",
                null, 0, 0, 1, null, null, null, null, null, null, null, false, null, Map.of());
    }

    private static PreviewMaker.Preview preview(Path file) throws Exception {
        return new PreviewMaker(null, 160).make(raw(file.getFileName().toString(), Files.size(file)),
                ReportPreviewTest.source(file, new java.util.concurrent.atomic.AtomicInteger()));
    }

    @Test
    void eachMakersEmbeddedJpegIsTheRawFilesPreview() throws Exception {
        byte[] jpeg = Files.readAllBytes(ReportPreviewTest.real("Apple iPhone 4.jpg"));
        Path alone = tmp.resolve("alone.jpg");
        Files.write(alone, jpeg);
        // the same JPEG through the JPEG path (its EXIF thumbnail or its decoded picture), and another photo
        PreviewMaker.Preview reference = new PreviewMaker(null, 160).make(ReportPreviewTest.file("alone.jpg",
                jpeg.length, null), ReportPreviewTest.source(alone, new java.util.concurrent.atomic.AtomicInteger()));
        Path other = ReportPreviewTest.real("Apple iPhone 6.jpg");
        PreviewMaker.Preview another = new PreviewMaker(null, 160).make(ReportPreviewTest.file("other.jpg",
                Files.size(other), null),
                ReportPreviewTest.source(other, new java.util.concurrent.atomic.AtomicInteger()));
        assertTrue(reference.ok() && another.ok(), reference.error() + " / " + another.error());
        Map<String, byte[]> raws = new LinkedHashMap<>();
        raws.put("DSC_0001.NEF", CameraRaw.tiffRaw("NIKON CORPORATION", "NIKON D750", "2023:01:02 08:05:00", jpeg));
        raws.put("P1000001.RW2", CameraRaw.rw2("2023:01:04 10:15:00", jpeg));
        raws.put("P1010001.ORF", CameraRaw.orf("2023:01:03 09:10:00", jpeg));
        raws.put("P1010002.ORF", CameraRaw.orfOldLayout("2004:01:03 09:10:00", jpeg)); // an E-1's maker note
        raws.put("DSCF0001.RAF", CameraRaw.raf(jpeg));
        raws.put("IMG_0001.CR3", CameraRaw.cr3("2023:01:05 11:20:00", jpeg));
        PreviewMaker.Preview first = null;
        for (var e : raws.entrySet()) {
            Path f = tmp.resolve(e.getKey());
            Files.write(f, e.getValue());
            PreviewMaker.Preview p = preview(f);
            assertTrue(p.ok(), e.getKey() + ": " + p.error());
            assertTrue(p.via().contains("inside the RAW"), e.getKey() + " via " + p.via());
            assertEquals(160, Math.max(p.width(), p.height()), e.getKey() + ": the preview's size");
            if (first == null) first = p;
            double d = ReportPreviewTest.meanDifference(first.jpeg(), p.jpeg());
            assertTrue(d < 1.0, e.getKey() + ": the same picture in every container (mean difference " + d + ")");
        }
        double same = ReportPreviewTest.meanDifference(reference.jpeg(), first.jpeg());
        System.out.printf(java.util.Locale.ROOT, "raw previews: against the JPEG's own preview %.2f%n", same);
        assertTrue(same < 8.0, "the embedded JPEG's own picture (mean difference " + same + ")");
        if (another.width() == first.width() && another.height() == first.height()) {
            double diff = ReportPreviewTest.meanDifference(another.jpeg(), first.jpeg());
            System.out.printf(java.util.Locale.ROOT, "raw previews: against another photo %.2f%n", diff);
            assertTrue(diff > 3 * same, "a bound that tells pictures apart: " + diff + " against " + same);
        }
    }

    @Test
    void aRawWithoutAFoundPreviewSaysSoAndADamagedOneFailsQuietly() throws Exception {
        Path orf = tmp.resolve("P1010001.ORF");
        Files.write(orf, CameraRaw.orf("2023:01:03 09:10:00"));
        PreviewMaker.Preview p = preview(orf);
        assertFalse(p.ok());
        assertNotNull(p.error());
        assertTrue(p.error().contains("no JPEG preview found inside this RAW file"), p.error());

        byte[] raf = CameraRaw.raf(Files.readAllBytes(ReportPreviewTest.real("Apple iPhone 4.jpg")));
        ByteBuffer.wrap(raf).putInt(84, raf.length - 10); // the JPEG's offset near the end: its length runs past it
        Path bad = tmp.resolve("DSCF0002.RAF");
        Files.write(bad, raf);
        PreviewMaker.Preview q = preview(bad);
        assertFalse(q.ok());
        assertTrue(q.error().contains("no JPEG preview found"), q.error());

        byte[] notJpeg = CameraRaw.raf(Files.readAllBytes(ReportPreviewTest.real("Apple iPhone 4.jpg")));
        ByteBuffer.wrap(notJpeg).putInt(84, 8).putInt(88, 64); // points into the header: not a JPEG
        Path wrong = tmp.resolve("DSCF0003.RAF");
        Files.write(wrong, notJpeg);
        PreviewMaker.Preview w = preview(wrong);
        assertFalse(w.ok());
        assertTrue(w.error().contains("is not a JPEG"), w.error());
    }
}
