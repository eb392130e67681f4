package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The headless commands that do the work, run as a process on the demo case the product generates itself. */
class AnalyzeProductTest {

    private static final List<String> CATEGORIES = List.of("MISSING_IN_CLOUD", "MISSING_ON_DEVICE", "CONVERTED",
            "REDUCED", "EDITED", "DUPLICATE", "LIVE_PHOTO_INCOMPLETE", "METADATA_DRIFT", "UNREADABLE_COPY");

    @TempDir
    Path work;

    private Path demo() throws Exception {
        Path dir = work.resolve("demo");
        Product.Run r = Product.run(Product.home(), work, "demo", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(Files.isDirectory(dir.resolve("device")) && Files.isDirectory(dir.resolve("cloud")), r.out());
        return dir;
    }

    @Test
    void analyzeWritesTheThreeReportsWithTheFixedJsonShape() throws Exception {
        Path dir = demo();
        Path out = work.resolve("out");
        List<String> args = new ArrayList<>(List.of("analyze", "--device", dir.resolve("device").toString(),
                "--cloud", dir.resolve("cloud").toString()));
        args.addAll(Product.demoEvidence(dir, dir.resolve("evidence/answers.properties")));
        args.addAll(List.of("--out", out.toString(), "--no-cache", "--set", "network.endpoints=none"));
        Product.Run r = Product.run(Product.home(), work, args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.out() + r.err());
        for (String f : List.of("report.json", "report.html", "mismatches.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        // the terminal speaks the report's words: labels, losses and probe titles, not enum names or probe ids
        // the demo answers optimize_storage=yes and its device side is a copy of files: what the cloud holds and the
        // copy lacks is explained, not lost (OptimizedOriginals)
        assertTrue(r.out().contains("Missing in iCloud") && r.out().contains("Differences: 9 (2 losses, 7 explained)"),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.contains("Missing on the device") && l.contains("none a loss")),
                r.out());
        for (String id : List.of("MISSING_IN_CLOUD", "METADATA_DRIFT", "probe.network", "probe.charging")) {
            assertFalse(r.out().contains(id), id + " in:\n" + r.out());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.contains("fix 7") && l.contains("Charge, and Low Power Mode off")),
                r.out());
        JsonNode j = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(1, j.get("schema").asInt());
        for (String side : List.of("device", "cloud")) {
            JsonNode s = j.get("sides").get(side);
            assertEquals("folder", s.get("sources").get(0).get("kind").asText());
            assertTrue(s.get("assets").asInt() > 0);
            assertTrue(s.get("files").asInt() >= s.get("assets").asInt());
            assertTrue(s.get("bytes").asLong() > 0);
            assertTrue(s.get("unreadable").isArray());
        }
        JsonNode summary = j.get("summary");
        assertEquals(6, summary.get("identical").asInt());
        Set<String> planted = new HashSet<>();
        for (JsonNode m : j.get("mismatches")) {
            planted.add(m.get("category").asText());
            assertTrue(m.get("device").isArray() && m.get("cloud").isArray());
            assertTrue(m.has("matchedBy") && m.has("detail"));
            for (JsonNode p : m.get("device")) assertFalse(p.asText().startsWith("/"), "paths relative to the source");
        }
        for (String c : CATEGORIES) {
            assertEquals(1, summary.get(c).asInt(), c);
            assertTrue(planted.contains(c), c);
        }
        List<Integer> fixes = new ArrayList<>();
        for (JsonNode p : j.get("probes")) {
            fixes.add(p.get("fix").asInt());
            assertTrue(List.of("PASS", "WARN", "FAIL", "UNKNOWN").contains(p.get("status").asText()));
            assertTrue(p.get("evidence").isArray());
        }
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), fixes);
        // the notes on the evidence: every "note: " line the terminal printed, none for the demo's own answers
        List<String> printed = r.out().lines().filter(l -> l.startsWith("note: ")).map(l -> l.substring(6)).toList();
        assertTrue(j.get("notes").isArray(), j.toString());
        List<String> notes = new ArrayList<>();
        for (JsonNode n : j.get("notes")) notes.add(n.asText());
        assertEquals(printed, notes);
        assertFalse(notes.stream().anyMatch(n -> n.contains("not understood")), notes.toString());
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "report.html must need no network");
        String csv = Files.readString(out.resolve("mismatches.csv"));
        assertEquals(1 + CATEGORIES.size(), csv.lines().filter(l -> !l.isBlank()).count(), csv);
    }

    /**
     * An answer the technician typed that is not understood (icloud_plan=7GB) is a note on the terminal and in what is
     * handed on: report.json's "notes" and report.html's notice, so the checks that went without it do not look
     * better founded than they are.
     */
    @Test
    void anAnswerNotUnderstoodIsANoteInReportJsonAndReportHtml() throws Exception {
        Path dir = demo();
        Path answers = work.resolve("answers-7gb.properties");
        String demoAnswers = Files.readString(dir.resolve("evidence/answers.properties"));
        assertTrue(demoAnswers.contains("icloud_plan=5GB"), demoAnswers);
        Files.writeString(answers, demoAnswers.replace("icloud_plan=5GB", "icloud_plan=7GB"));
        Path out = work.resolve("out");
        List<String> args = new ArrayList<>(List.of("analyze", "--device", dir.resolve("device").toString(),
                "--cloud", dir.resolve("cloud").toString()));
        args.addAll(Product.demoEvidence(dir, answers));
        args.addAll(List.of("--out", out.toString(), "--no-cache", "--no-thumbnails", "--set",
                "network.endpoints=none"));
        Product.Run r = Product.run(Product.home(), work, args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.out() + r.err());
        String note = "answers-7gb.properties: icloud_plan=7GB is not understood";
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("note: " + note)), r.out());
        JsonNode j = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(1, j.get("schema").asInt());
        List<String> notes = new ArrayList<>();
        for (JsonNode n : j.get("notes")) notes.add(n.asText());
        assertEquals(1, notes.stream().filter(n -> n.startsWith(note)).count(), j.get("notes").toString());
        String html = Files.readString(out.resolve("report.html"));
        int at = html.indexOf("id=\"notes\"");
        assertTrue(at > 0 && html.contains("Notes on the evidence") && html.indexOf(note) > at, "the notice");
        assertTrue(at < html.indexOf("id=\"mismatches\""), "above the differences");
    }

    /**
     * A bench PC without internet (here: the only endpoint is a closed port on 127.0.0.1): the network probe says so as
     * a precondition and does not rank fix 2 on it; the report names probes by their titles.
     */
    @Test
    void aWorkstationWithoutInternetIsNotBlamedForTheIphonesMismatches() throws Exception {
        Path dir = demo();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        Path out = work.resolve("out");
        Product.Run r = Product.run(Product.home(), work, "analyze", "--device", dir.resolve("device").toString(),
                "--cloud", dir.resolve("cloud").toString(), "--answers",
                dir.resolve("evidence/answers.properties").toString(), "--out", out.toString(), "--no-cache",
                "--set", "network.endpoints=127.0.0.1:" + closed, "--set", "network.timeout.ms=1000");
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode network = null;
        for (JsonNode p : j.get("probes")) if (p.get("fix").asInt() == 2) network = p;
        assertTrue(network != null, j.get("probes").toString());
        assertEquals("UNKNOWN", network.get("status").asText(), network.toString()); // the demo never answers wifi
        assertTrue(network.get("evidence").toString().contains("precondition, this computer"), network.toString());
        for (JsonNode c : j.get("likelyCauses")) {
            if (c.get("fix").asInt() != 2) continue;
            assertEquals("UNKNOWN", c.get("probeStatus").asText(), c.toString());
            assertFalse(c.get("explanation").asText().contains("this computer"), c.toString());
        }
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("Probe probe."), "probes are named by their titles");
        assertTrue(html.contains("Probe Network and iCloud reachability: unknown"), "fix 2's cause names its probe");
    }

    @Test
    void badUsageIsExit2AndAMissingSourceIsExit1() throws Exception {
        Product.Run onlyDevice = Product.run(Product.home(), work, "analyze", "--device", work.toString());
        assertEquals(2, onlyDevice.exit(), onlyDevice.err());
        assertTrue(onlyDevice.err().contains("--cloud"), onlyDevice.err());

        Product.Run missing = Product.run(Product.home(), work, "analyze", "--device", work.resolve("nope").toString(),
                "--cloud", work.resolve("nope2").toString(), "--no-cache");
        assertEquals(1, missing.exit(), missing.out() + missing.err());
        assertTrue(missing.err().contains("nope"), "the message names the path: " + missing.err());
    }

    /**
     * Issue 14 item 1 on the command line: --progress prints the phases with their counts on stderr even where
     * stderr is no terminal (here a pipe); stdout stays what scripts read. Without it a pipe gets no progress.
     */
    @Test
    void progressByPhaseOnStderrOnlyWhenAsked() throws Exception {
        Path dir = demo();
        List<String> args = new ArrayList<>(List.of("analyze", "--device", dir.resolve("device").toString(),
                "--cloud", dir.resolve("cloud").toString(), "--no-cache", "--set", "network.endpoints=none"));
        List<String> with = new ArrayList<>(args);
        with.addAll(List.of("--out", work.resolve("out1").toString(), "--progress"));
        Product.Run r = Product.run(Product.home(), work, with.toArray(String[]::new));
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("photoparity: ")).toList();
        assertTrue(lines.stream().anyMatch(l -> l.matches("photoparity: Scanning \\d+ of \\d+ files \\(device\\).*")),
                r.err());
        assertTrue(lines.stream().anyMatch(l -> l.matches("photoparity: Scanning \\d+ of \\d+ files \\(cloud\\).*")),
                r.err());
        for (String phase : List.of("Matching", "Checking the fixes", "Thumbnails", "Writing the report")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("photoparity: " + phase)), phase + " in:\n" + r.err());
        }
        assertFalse(r.out().contains("Scanning") || r.out().contains("Thumbnails"), "stdout stays clean:\n" + r.out());
        List<String> without = new ArrayList<>(args);
        without.addAll(List.of("--out", work.resolve("out2").toString()));
        Product.Run quiet = Product.run(Product.home(), work, without.toArray(String[]::new));
        assertEquals(0, quiet.exit(), quiet.out() + quiet.err());
        assertFalse(quiet.err().contains("Scanning"), "no progress into a pipe unless asked:\n" + quiet.err());
    }

    @Test
    void scanWritesAnInventoryWhoseCountsAddUp() throws Exception {
        Path dir = demo();
        Path json = work.resolve("inv.json");
        Product.Run r = Product.run(Product.home(), work, "scan", dir.resolve("device").toString(), "--json",
                json.toString(), "--no-cache");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("files seen"), r.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertTrue(j.toString().contains("IMG_"), "inventory lists the files");
    }

    @Test
    void probesRunOnEvidenceAloneAndWithoutEvidenceAreUnknown() throws Exception {
        Product.Run none = Product.run(Product.home(), work, "probes", "--set", "network.endpoints=none");
        assertEquals(0, none.exit(), none.out() + none.err());
        long unknown = none.out().lines().filter(l -> l.trim().startsWith("fix ") && l.contains("UNKNOWN")).count();
        assertEquals(7, unknown, "no evidence at all is UNKNOWN, never PASS:\n" + none.out());

        Path dir = demo();
        Product.Run some = Product.run(Product.home(), work, "probes", "--device-info",
                dir.resolve("evidence/ideviceinfo-battery.txt").toString(), "--set", "network.endpoints=none");
        assertEquals(0, some.exit(), some.out() + some.err());
        assertTrue(some.out().lines().anyMatch(l -> l.contains("fix 7") && l.contains("FAIL")), some.out());
    }
}
