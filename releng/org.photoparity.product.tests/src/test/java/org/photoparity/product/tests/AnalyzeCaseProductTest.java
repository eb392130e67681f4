package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine owns cases: {@code analyze --case DIR} runs what the workbench's Analyze runs for a case folder (its
 * sources, evidence, answers and settings) and writes the reports into the case's results folder.
 */
class AnalyzeCaseProductTest {

    @TempDir
    Path work;

    @Test
    void analyzeCaseRunsTheCaseAndWritesIntoItsResults() throws Exception {
        Path demo = work.resolve("demo");
        assertEquals(0, Product.run(Product.home(), work, "demo", demo.toString()).exit());
        Path caseDir = work.resolve("case");
        Files.createDirectories(caseDir);
        Files.copy(demo.resolve("evidence/answers.properties"), caseDir.resolve("answers.properties"));
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> c = new TreeMap<>();
        c.put("formatVersion", 1);
        c.put("name", "Counter 3");
        c.put("deviceSources", List.of(demo.resolve("device").toString()));
        c.put("cloudSources", List.of(demo.resolve("cloud").toString()));
        c.put("evidence", Map.of("deviceInfo", List.of(demo.resolve("evidence/ideviceinfo.txt").toString(),
                demo.resolve("evidence/ideviceinfo-disk_usage.txt").toString(),
                demo.resolve("evidence/ideviceinfo-battery.txt").toString()), "answers", "answers.properties"));
        c.put("settings", Map.of("network.endpoints", "none", "report.title", "Shop report"));
        json.writerWithDefaultPrettyPrinter().writeValue(caseDir.resolve("case.json").toFile(), c);

        Product.Run r = Product.run(Product.home(), work, "analyze", "--case", caseDir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        Path results = caseDir.resolve("results");
        for (String f : List.of("report.json", "report.html", "mismatches.csv")) {
            assertTrue(Files.size(results.resolve(f)) > 0, f);
        }
        JsonNode report = json.readTree(results.resolve("report.json").toFile());
        assertEquals(6, report.get("summary").get("identical").asInt());
        // the case's evidence and answers reached the probes: the demo's battery file makes charging FAIL
        Map<String, String> probes = new TreeMap<>();
        for (JsonNode p : report.get("probes")) probes.put(p.get("id").asText(), p.get("status").asText());
        assertEquals("FAIL", probes.get("probe.charging"), probes.toString());
        assertTrue(Files.readString(results.resolve("report.html")).contains("Shop report - Counter 3"),
                "the case's report settings and name");
        JsonNode last = json.readTree(caseDir.resolve("case.json").toFile()).get("lastAnalysis");
        assertEquals(6, last.get("identical").asInt(), "case.json keeps the figures, as after the workbench's run");
        assertEquals("FAIL", last.get("probes").get("probe.charging").asText());

        // the same case given as options gives the same figures
        Path out = work.resolve("out");
        List<String> args = new ArrayList<>(List.of("analyze", "--device", demo.resolve("device").toString(),
                "--cloud", demo.resolve("cloud").toString()));
        args.addAll(Product.demoEvidence(demo, caseDir.resolve("answers.properties")));
        args.addAll(List.of("--out", out.toString(), "--set", "network.endpoints=none"));
        Product.Run direct = Product.run(Product.home(), work, args.toArray(String[]::new));
        assertEquals(0, direct.exit(), direct.out() + direct.err());
        JsonNode same = json.readTree(out.resolve("report.json").toFile());
        assertEquals(same.get("summary"), report.get("summary"));
        // the evidence says when each file was read: two runs a minute apart differ only there
        assertEquals(withoutReadTimes(same.get("probes")), withoutReadTimes(report.get("probes")));
        assertTrue(withoutReadTimes(report.get("probes")).contains("(ideviceinfo file ideviceinfo.txt, read HH:MM)"),
                "the read time is in the evidence, in the form the comparison leaves out");
    }

    /** The probes as text, each "read HH:MM" of an evidence line made the same (the runs may straddle a minute). */
    static String withoutReadTimes(JsonNode probes) {
        return probes.toString().replaceAll("read \\d\\d:\\d\\d", "read HH:MM");
    }

    @Test
    void analyzeCaseRefusesOptionsTheCaseOwnsAndFoldersThatAreNotCases() throws Exception {
        Product.Run mixed = Product.run(Product.home(), work, "analyze", "--case", work.toString(), "--device", "x");
        assertEquals(2, mixed.exit(), mixed.out() + mixed.err());
        assertTrue(mixed.err().contains("leave out --device"), mixed.err());
        Product.Run notCase = Product.run(Product.home(), work, "analyze", "--case", work.toString());
        assertEquals(1, notCase.exit(), notCase.out() + notCase.err());
        assertTrue(notCase.err().contains("is not a case folder"), notCase.err());
    }
}
