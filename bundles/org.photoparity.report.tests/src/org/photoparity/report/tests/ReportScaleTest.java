package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.model.SourceRef;
import org.photoparity.report.InventoryJson;
import org.photoparity.report.ReportOptions;
import org.photoparity.report.ReportWriter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/** 100k assets and 100k mismatches: every row in JSON and CSV, a bounded HTML, in seconds. */
class ReportScaleTest {

    private static final int N = 100_000;

    @Test
    void hundredThousandMismatches(@TempDir Path tmp) throws Exception {
        List<Asset> assets = new ArrayList<>(N);
        List<Mismatch> ms = new ArrayList<>(N);
        Category[] cats = Category.values();
        for (int i = 0; i < N; i++) {
            String path = String.format(Locale.ROOT, "DCIM/%03dAPPLE/IMG_%04d.HEIC", 100 + i / 1000, i % 9999 + 1);
            MediaFile f = new MediaFile(0, path, MediaFormat.HEIC, ResourceRole.ORIGINAL, 2_000_000, 0, null, "Apple",
                    "iPhone 11", 4032, 3024, 1, null, null, null, "UID" + i, null, null, false, null, Map.of());
            Asset a = new Asset("0:" + path, AssetKind.PHOTO, List.of(f), null);
            assets.add(a);
            ms.add(new Mismatch(cats[i % cats.length], List.of(path), List.of(), null, "detail " + i, Set.of(),
                    List.of(a), List.of()));
        }
        SideInventory device = new SideInventory(SideRole.DEVICE, List.of(new SourceRef(tmp.resolve("src").toString(),
                "folder")), assets, List.of(new FileIssue(0, "x.HEIC", "truncated")), List.of(), N + 1, N,
                2_000_000L * N);
        SideInventory cloud = new SideInventory(SideRole.CLOUD, List.of(), List.of(), List.of(), List.of(), 0, 0, 0);
        ReconcileResult r = new ReconcileResult(device, cloud, 0, ms, Map.of());

        long t0 = System.nanoTime();
        ReportWriter.Written w = ReportWriter.write(r, List.of(), null, ReportOptions.defaults(), tmp.resolve("out"),
                new NullProgressMonitor());
        long reportMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        Path inv = tmp.resolve("inventory.json");
        InventoryJson.write(device, inv);
        long invMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "report for %d mismatches: %d ms (json %d kB, csv %d kB, html %d kB); "
                + "inventory of %d assets: %d ms (%d kB)%n", N, reportMs, Files.size(w.json()) / 1024,
                Files.size(w.csv()) / 1024, Files.size(w.html()) / 1024, N, invMs, Files.size(inv) / 1024);

        // JSON: count mismatches with the streaming parser (the file is too big to be worth a tree)
        int count = 0;
        try (JsonParser p = new ObjectMapper().getFactory().createParser(w.json().toFile())) {
            int depth = 0;
            boolean inMismatches = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && depth == 1 && p.currentName().equals("mismatches")) {
                    inMismatches = true;
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (inMismatches && depth == 2 && t == JsonToken.START_OBJECT) count++;
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                    if (inMismatches && depth == 1) inMismatches = false;
                }
            }
        }
        assertEquals(N, count);
        long lines;
        try (BufferedReader br = Files.newBufferedReader(w.csv(), StandardCharsets.UTF_8)) {
            lines = br.lines().count();
        }
        assertEquals(N + 1, lines, "header + one line per mismatch");
        String html = Files.readString(w.html());
        assertTrue(html.contains((N / cats.length - 500) + " more in mismatches.csv"), "rows are capped per category");
        assertTrue(Files.size(w.html()) < 5_000_000, "HTML stays small: " + Files.size(w.html()));
        assertTrue(html.contains("no preview: "), "a file the report cannot open says why");
        assertTrue(!html.contains("Java has no HEIC decoder"), "HEIC goes through the preview pipeline");
        assertTrue(reportMs < 60_000, "report took " + reportMs + " ms");
    }

    @Test
    void cancellationStopsTheReport(@TempDir Path tmp) {
        List<Mismatch> ms = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ms.add(new Mismatch(Category.MISSING_IN_CLOUD, List.of("p" + i), List.of(), null, "d", Set.of(),
                    List.of(), List.of()));
        }
        SideInventory d = new SideInventory(SideRole.DEVICE, List.of(), List.of(), List.of(), List.of(), 0, 0, 0);
        SideInventory c = new SideInventory(SideRole.CLOUD, List.of(), List.of(), List.of(), List.of(), 0, 0, 0);
        NullProgressMonitor m = new NullProgressMonitor();
        m.setCanceled(true);
        assertThrows(OperationCanceledException.class, () -> ReportWriter.write(new ReconcileResult(d, c, 0, ms,
                Map.of()), List.of(), null, ReportOptions.defaults(), tmp.resolve("out"), m));
    }
}
