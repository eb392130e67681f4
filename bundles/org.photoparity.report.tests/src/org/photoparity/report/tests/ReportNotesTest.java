package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.demo.DemoCase;
import org.photoparity.engine.AnalysisOptions;
import org.photoparity.engine.AnalysisResult;
import org.photoparity.engine.Analysis;
import org.photoparity.engine.CaseAnalysis;
import org.photoparity.engine.SavedResults;
import org.photoparity.report.ReportOptions;
import org.photoparity.report.ReportWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The analysis's notes on the evidence ("icloud_plan=7GB is not understood", what the command line prints as
 * "note: ...") are in what the technician hands on: report.json's "notes" and a notice in report.html under the
 * summary figures, escaped. A report that dropped them would let a check's verdict look better founded than it is.
 */
class ReportNotesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PLAN = "answers.properties: icloud_plan=7GB is not understood; expected 5GB or 50GB"
            + " or 200GB or 2TB or 6TB or 12TB. Treated as unanswered.";
    /** A note quoting what was typed: markup and an ampersand must come out as text. */
    private static final String TYPED = "answers.properties: photos_status_text=<script>alert('x')</script> & <b>more"
            + "</b> is not understood";

    private static List<String> strings(JsonNode array) {
        assertNotNull(array);
        assertTrue(array.isArray(), array.toString());
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }

    @Test
    void twoNotesAreInReportJsonAndEscapedInReportHtmlAboveTheDifferences(@TempDir Path tmp) throws Exception {
        ReconcileResult r = DemoResult.of(DemoCase.create(tmp.resolve("demo")));
        ReportWriter.Written w = ReportWriter.write(r, DemoResult.probes(), null, List.of(PLAN, TYPED),
                ReportOptions.defaults().withThumbnails(false), tmp.resolve("out"), null, null);

        JsonNode root = JSON.readTree(w.json().toFile());
        assertEquals(1, root.get("schema").asInt(), "adding a field keeps schema 1");
        assertEquals(List.of(PLAN, TYPED), strings(root.get("notes")), "exactly as given, in order");

        String html = Files.readString(w.html(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<section id=\"notes\""), "a notice section");
        assertTrue(html.contains("Notes on the evidence"), "headed in words a technician reads");
        assertTrue(html.contains("<li>answers.properties: icloud_plan=7GB is not understood;"), html);
        assertTrue(html.contains("photos_status_text=&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                + "&lt;b&gt;more&lt;/b&gt; is not understood"), "escaped text");
        assertFalse(html.contains("<script"), "no markup from a note");
        assertFalse(html.contains("<b>more"), "no markup from a note");
        // near the top: under the summary figures of the lead line, before the devices, checks and differences
        int notes = html.indexOf("id=\"notes\"");
        assertTrue(html.indexOf("id=\"count-losses\"") < notes, "under the summary figures");
        for (String later : List.of("id=\"sides\"", "id=\"causes\"", "id=\"probes\"", "id=\"mismatches\"")) {
            assertTrue(notes < html.indexOf(later), "before " + later);
        }
        assertTrue(html.contains("<a href=\"#notes\">"), "the navigation leads to them");
    }

    @Test
    void noNotesGiveAnEmptyArrayAndNoNotice(@TempDir Path tmp) throws Exception {
        ReconcileResult r = DemoResult.of(DemoCase.create(tmp.resolve("demo")));
        ReportOptions o = ReportOptions.defaults().withThumbnails(false);
        ReportWriter.Written none = ReportWriter.write(r, List.of(), null, List.of(), o, tmp.resolve("none"), null,
                null);
        ReportWriter.Written nul = ReportWriter.write(r, List.of(), null, null, o, tmp.resolve("null"), null, null);
        // the older calls without notes write the same
        ReportWriter.Written old = ReportWriter.write(r, List.of(), null, o, tmp.resolve("old"), null);
        for (ReportWriter.Written w : List.of(none, nul, old)) {
            JsonNode notes = JSON.readTree(w.json().toFile()).get("notes");
            assertEquals(List.of(), strings(notes), w.json().toString());
            String html = Files.readString(w.html(), StandardCharsets.UTF_8);
            assertFalse(html.contains("id=\"notes\""), w.html().toString());
            assertFalse(html.contains("Notes on the evidence"), w.html().toString());
        }
    }

    /**
     * The demo case analysed with an answer that is not understood, as `photoparity analyze --case` and the
     * workbench run it: the note is in the case's report.json and report.html; the saved results keep it, and a
     * report written from them (the workbench's Export of results shown at open) carries it too.
     */
    @Test
    void anAnswerNotUnderstoodIsInTheReportsOfTheAnalysisAndOfItsSavedResults(@TempDir Path tmp) throws Exception {
        DemoCase.Demo demo = DemoCase.create(tmp.resolve("demo"));
        String answers = Files.readString(demo.answers(), StandardCharsets.UTF_8);
        assertTrue(answers.contains("icloud_plan=5GB"), answers);
        CaseData d = CaseData.named("notes").withSources(List.of(demo.device().toString()),
                List.of(demo.cloud().toString()));
        CaseFolder c = CaseFolder.create(tmp.resolve("case"), d);
        Files.writeString(c.answersFile(), answers.replace("icloud_plan=5GB", "icloud_plan=7GB"),
                StandardCharsets.UTF_8);
        Map<String, String> settings = Map.of("network.endpoints", "none");

        CaseAnalysis.Done done = CaseAnalysis.analyze(c, settings, AnalysisOptions.defaults(), null);
        List<String> warnings = done.result().warnings();
        assertEquals(1, warnings.stream().filter(n -> n.contains("icloud_plan=7GB is not understood")).count(),
                "the evidence reader's note: " + warnings);
        assertEquals(warnings, strings(JSON.readTree(done.reports().json().toFile()).get("notes")));
        String html = Files.readString(done.reports().html(), StandardCharsets.UTF_8);
        assertTrue(html.contains("Notes on the evidence") && html.contains("icloud_plan=7GB is not understood"), html);

        SavedResults.Saved saved = SavedResults.read(c);
        assertNotNull(saved, "the analysis saved its results");
        assertEquals(warnings, saved.warnings());
        AnalysisResult again = new AnalysisResult(saved.result(), saved.probes(), null, saved.warnings());
        ReportWriter.Written w = Analysis.writeReports(again, tmp.resolve("export"),
                ReportOptions.defaults().withThumbnails(false), null);
        assertEquals(warnings, strings(JSON.readTree(w.json().toFile()).get("notes")));
        assertTrue(Files.readString(w.html(), StandardCharsets.UTF_8).contains("icloud_plan=7GB is not understood"));
    }
}
