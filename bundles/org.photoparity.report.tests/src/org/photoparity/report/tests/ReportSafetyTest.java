package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.model.SourceRef;
import org.photoparity.report.ReportCsv;
import org.photoparity.report.ReportOptions;
import org.photoparity.report.ReportWriter;

/** Issue 12 items 2, 3 and 12: cells that are formulas, a report folder reached through a link, a failed write. */
class ReportSafetyTest {

    @TempDir
    Path tmp;

    private static ReconcileResult result(Path deviceSource, String... devicePaths) {
        SideInventory device = new SideInventory(SideRole.DEVICE, List.of(new SourceRef(deviceSource.toString(),
                "folder")), List.of(), List.of(), List.of(), 0, 0, 0);
        SideInventory cloud = new SideInventory(SideRole.CLOUD, List.of(), List.of(), List.of(), List.of(), 0, 0, 0);
        List<Mismatch> ms = new java.util.ArrayList<>();
        for (String p : devicePaths) {
            ms.add(new Mismatch(Category.MISSING_IN_CLOUD, List.of(p), List.of(), null, "-1 day", Set.of(), List.of(),
                    List.of()));
        }
        return new ReconcileResult(device, cloud, 0, ms, Map.of());
    }

    @Test
    void formulaCellsAreNeutralisedAsOwaspAdvises() throws Exception {
        ReconcileResult r = result(tmp.resolve("src"), "=HYPERLINK(\"http://x\",\"y\").jpg", "+1.jpg", "@SUM(A1).jpg",
                "\t=cmd|' /C calc'!A0.jpg", "IMG_0001.JPG");
        Path csv = tmp.resolve("m.csv");
        ReportCsv.write(r, csv, new NullProgressMonitor());
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(csv)) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
        assertEquals("'=HYPERLINK(\"http://x\",\"y\").jpg", rows.get(0).get("device"));
        assertEquals("'+1.jpg", rows.get(1).get("device"));
        assertEquals("'@SUM(A1).jpg", rows.get(2).get("device"));
        assertEquals("'\t=cmd|' /C calc'!A0.jpg", rows.get(3).get("device"));
        assertEquals("IMG_0001.JPG", rows.get(4).get("device"));
        assertEquals("'-1 day", rows.get(0).get("detail"));
    }

    @Test
    void aReportFolderReachedThroughALinkIntoASourceIsRefused() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("photos"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), source);
        IOException e = assertThrows(IOException.class, () -> ReportWriter.write(result(source), List.of(), null,
                ReportOptions.defaults(), link.resolve("report"), null));
        assertTrue(e.getMessage().contains(source.toString()), e.getMessage());
        assertTrue(Files.notExists(source.resolve("report")));
    }

    @Test
    void aReportThatCannotBeWrittenLeavesThePreviousOneWhole() throws Exception {
        Path out = tmp.resolve("out");
        ReportWriter.write(result(tmp.resolve("src"), "IMG_0001.JPG"), List.of(), null, ReportOptions.defaults(), out,
                null);
        String before = Files.readString(out.resolve("report.json"));
        // a cancel once report.json is being written (its temp file exists, or the file itself was cut open):
        // before, the file was left cut short but closed as valid JSON
        long beforeSize = Files.size(out.resolve("report.json"));
        NullProgressMonitor cancelled = new NullProgressMonitor() {
            @Override
            public boolean isCanceled() {
                try (var s = Files.list(out)) {
                    return s.anyMatch(p -> p.getFileName().toString().startsWith(".report.json."))
                            || Files.size(out.resolve("report.json")) != beforeSize;
                } catch (IOException e) {
                    return true;
                }
            }
        };
        String[] many = new String[3000];
        for (int i = 0; i < many.length; i++) many[i] = "IMG_" + i + ".JPG";
        assertThrows(RuntimeException.class, () -> ReportWriter.write(result(tmp.resolve("src"), many), List.of(),
                null, ReportOptions.defaults(), out, cancelled));
        assertEquals(before, Files.readString(out.resolve("report.json")));
        try (var s = Files.list(out)) {
            assertEquals(3, s.count(), "no temp file left: " + out);
        }
    }
}
