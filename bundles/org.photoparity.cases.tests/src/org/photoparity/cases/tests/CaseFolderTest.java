package org.photoparity.cases.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.cases.CaseFormatException;
import org.photoparity.cases.LastAnalysis;
import org.photoparity.cases.RecentCases;
import org.photoparity.core.io.AtomicWriter;

class CaseFolderTest {

    @TempDir
    Path tmp;

    private static CaseData sample() {
        return new CaseData("Anna's iPhone", List.of("/media/anna/DCIM", "backup"), List.of("iCloud Photos Part 1 of 2.zip"),
                List.of("evidence/ideviceinfo.txt"), "/backups/0000-1111", null,
                Map.of("match.timeToleranceSeconds", "3"), Map.of("fix.storage", List.of(2, 0, 2)),
                "2025-06-01T10:00:00Z",
                new LastAnalysis("2025-06-01T10:05:00Z", 1234, 120, 117, 98,
                        Map.of("MISSING_IN_CLOUD", 3L, "CONVERTED", 1L), Map.of("storage", "FAIL"),
                        List.of("1 file unreadable")));
    }

    @Test
    void createsTheFolderLayoutAndRoundTripsEveryField() throws IOException {
        Path dir = tmp.resolve("cases/anna");
        CaseFolder c = CaseFolder.create(dir, sample());
        assertTrue(Files.isDirectory(dir.resolve("cache")));
        assertTrue(Files.isDirectory(dir.resolve("results")));
        assertEquals(dir.resolve("answers.properties"), c.answersFile());
        CaseData back = CaseFolder.open(dir).data();
        assertEquals(sample(), back);
        assertEquals(List.of(0, 2), back.ticked("fix.storage"), "ticks are kept sorted and without repeats");
        assertEquals(4, back.lastAnalysis().mismatches());
        assertEquals(dir.resolve("backup"), c.resolve("backup"), "relative paths are relative to the case");
        assertEquals(Path.of("/media/anna/DCIM"), c.resolve("/media/anna/DCIM"));
        String json = Files.readString(dir.resolve("case.json"));
        assertTrue(json.contains("\"formatVersion\" : 1"), json);
    }

    @Test
    void refusesToCreateOverAnExistingCase() throws IOException {
        CaseFolder.create(tmp, CaseData.named("one"));
        IOException e = assertThrows(IOException.class, () -> CaseFolder.create(tmp, CaseData.named("two")));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("one", CaseFolder.open(tmp).data().name());
    }

    @Test
    void checklistUpdatesAreSaved() throws IOException {
        CaseFolder c = CaseFolder.create(tmp, CaseData.named("c"));
        c.update(d -> d.withChecklist("s1", List.of(3, 1)));
        c.update(d -> d.withChecklist("s2", List.of(0)));
        c.update(d -> d.withChecklist("s2", List.of()));
        CaseData back = CaseFolder.open(tmp).data();
        assertEquals(Map.of("s1", List.of(1, 3)), back.checklist());
    }

    @Test
    void aSaveThatDiesHalfWayLeavesTheOldCaseIntact() throws IOException {
        CaseFolder c = CaseFolder.create(tmp, sample());
        byte[] before = Files.readAllBytes(c.caseFile());
        // the writer dies after half the new content, as a kill during the write would
        IOException crash = assertThrows(IOException.class, () -> AtomicWriter.write(c.caseFile(), out -> {
            byte[] next = CaseFolder.toJson(CaseData.named("half-written"));
            out.write(next, 0, next.length / 2);
            throw new IOException("killed");
        }));
        assertTrue(crash.getMessage().contains("killed") && crash.getMessage().contains("kept as it was"),
                crash.getMessage());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(c.caseFile()));
        assertEquals(sample(), CaseFolder.open(tmp).data());
    }

    @Test
    void aTempFileLeftByAKilledProcessIsIgnoredAndCleanedUp() throws IOException {
        CaseFolder.create(tmp, sample());
        // what a process killed between write and rename leaves: a truncated temp file beside case.json
        Path stale = tmp.resolve(".case.json.0b7e1c2a-dead-beef-0000-000000000000.photoparity-tmp");
        Files.writeString(stale, "{\"formatVersion\": 1, \"name\": \"trunc");
        // and one of the suffix older versions wrote
        Path legacy = tmp.resolve(".case.json.0b7e1c2a-dead-beef-0000-000000000001.tmp-photoparity");
        Files.writeString(legacy, "{\"formatVersion\": 1, \"name\": \"tr");
        assertEquals(sample(), CaseFolder.open(tmp).data());
        assertFalse(Files.exists(stale), "the stale temp file is removed on open");
        assertFalse(Files.exists(legacy), "the legacy-suffix temp file is removed on open");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("cache", "case.json", "results"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aCaseFromANewerVersionIsRefusedWithAClearMessage() throws IOException {
        Files.writeString(tmp.resolve("case.json"), "{\"formatVersion\": 2, \"name\": \"future\", \"newThing\": {}}");
        CaseFormatException e = assertThrows(CaseFormatException.class, () -> CaseFolder.open(tmp));
        assertEquals(tmp.toAbsolutePath().resolve("case.json"), e.file());
        assertTrue(e.getMessage().contains("newer PhotoParity (case format version 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("Update PhotoParity"), e.getMessage());
    }

    @Test
    void unknownFieldsOfTheSameVersionAreIgnored() throws IOException {
        Files.writeString(tmp.resolve("case.json"),
                "{\"formatVersion\": 1, \"name\": \"x\", \"later\": [1,2], \"deviceSources\": [\"a\"]}");
        CaseData d = CaseFolder.open(tmp).data();
        assertEquals("x", d.name());
        assertEquals(List.of("a"), d.deviceSources());
        assertNull(d.lastAnalysis());
        assertEquals("answers.properties", d.answers());
    }

    @Test
    void brokenOrMissingCaseFilesAreExplained() throws IOException {
        CaseFormatException none = assertThrows(CaseFormatException.class, () -> CaseFolder.open(tmp));
        assertTrue(none.getMessage().contains("no case.json here"), none.getMessage());
        Files.writeString(tmp.resolve("case.json"), "{\"formatVersion\": 1, \"name\": ");
        CaseFormatException bad = assertThrows(CaseFormatException.class, () -> CaseFolder.open(tmp));
        assertTrue(bad.getMessage().contains("not valid JSON"), bad.getMessage());
        Files.writeString(tmp.resolve("case.json"), "{\"name\": \"x\"}");
        CaseFormatException noVersion = assertThrows(CaseFormatException.class, () -> CaseFolder.open(tmp));
        assertTrue(noVersion.getMessage().contains("no formatVersion"), noVersion.getMessage());
    }

    @Test
    void recentCasesAreNewestFirstWithoutRepeats() throws IOException {
        RecentCases r = new RecentCases(tmp.resolve("state/recent-cases.txt"));
        assertEquals(List.of(), r.list());
        r.add(tmp.resolve("a"));
        r.add(tmp.resolve("b"));
        r.add(tmp.resolve("a"));
        assertEquals(List.of(tmp.resolve("a"), tmp.resolve("b")), r.list());
        for (int i = 0; i < 20; i++) r.add(tmp.resolve("c" + i));
        assertEquals(RecentCases.MAX, r.list().size());
        assertEquals(tmp.resolve("c19"), r.list().get(0));
        r.remove(tmp.resolve("c19"));
        assertEquals(tmp.resolve("c18"), r.list().get(0));
    }
}
