package org.photoparity.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.demo.DemoCase;
import org.photoparity.report.LikelyCause;
import org.photoparity.report.LikelyCauses;
import org.photoparity.report.ReportOptions;
import org.photoparity.report.ReportWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 10 item 6 in the report files: every mismatch says whether it is a loss and, when it is not, why; the CSV
 * and the HTML list losses first; the likely causes count losses only.
 */
class LossReportTest {

    private static final String HIDDEN = "hidden item: iCloud downloads (icloudpd) skip hidden items unless asked";

    /** The demo result with its MISSING_ON_DEVICE explained (as the missing classifier does for a hidden item). */
    private static ReconcileResult explained(ReconcileResult r) {
        List<Mismatch> ms = new ArrayList<>();
        for (Mismatch m : r.mismatches()) ms.add(m.category() == Category.MISSING_ON_DEVICE ? m.explained(HIDDEN) : m);
        return new ReconcileResult(r.device(), r.cloud(), r.identical(), ms, r.matchedBy());
    }

    @Test
    void jsonCsvAndHtmlSayWhatIsALossAndWhy(@TempDir Path tmp) throws Exception {
        ReconcileResult r = explained(DemoResult.of(DemoCase.create(tmp.resolve("demo"))));
        long losses = r.mismatches().stream().filter(Mismatch::loss).count();
        assertTrue(losses >= 2 && losses < r.mismatches().size());
        ReportWriter.Written w = ReportWriter.write(r, List.of(), null, ReportOptions.defaults(), tmp.resolve("out"),
                null);

        JsonNode root = new ObjectMapper().readTree(w.json().toFile());
        assertEquals(losses, root.get("summary").get("losses").asLong());
        assertEquals(r.mismatches().size() - losses, root.get("summary").get("explained").asLong());
        for (JsonNode m : root.get("mismatches")) {
            String cat = m.get("category").asText();
            if (cat.equals("MISSING_ON_DEVICE")) {
                assertFalse(m.get("loss").asBoolean());
                assertEquals(HIDDEN, m.get("explanation").asText());
            } else {
                assertEquals(Category.valueOf(cat).lossByDefault(), m.get("loss").asBoolean(), cat);
                assertTrue(m.get("explanation").isNull(), cat);
            }
        }

        try (Reader in = Files.newBufferedReader(w.csv(), StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<CSVRecord> rows = p.getRecords();
            boolean seenNonLoss = false;
            for (CSVRecord row : rows) {
                boolean loss = row.get("loss").equals("loss");
                assertFalse(loss && seenNonLoss, "a loss after a difference that is not one: " + row);
                seenNonLoss |= !loss;
                if (row.get("category").equals("MISSING_ON_DEVICE")) assertEquals(HIDDEN, row.get("explanation"));
            }
            assertEquals("loss", rows.get(0).get("loss"));
        }

        String html = Files.readString(w.html(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<b id=\"count-losses\">" + losses + "</b>"), html);
        assertTrue(html.contains("not a loss: " + HIDDEN));
        assertTrue(html.contains("<td class=\"loss\">loss</td>"));
    }

    @Test
    void likelyCausesCountLossesOnly(@TempDir Path tmp) throws Exception {
        ReconcileResult plain = DemoResult.of(DemoCase.create(tmp.resolve("demo")));
        ReconcileResult r = explained(plain);
        LikelyCause optimize = find(LikelyCauses.rank(plain, List.of()), 4);
        assertTrue(optimize != null && optimize.explains().containsKey(Category.MISSING_ON_DEVICE));
        LikelyCause after = find(LikelyCauses.rank(r, List.of()), 4);
        assertTrue(after == null || !after.explains().containsKey(Category.MISSING_ON_DEVICE),
                "an explained difference is no sign that a fix is needed");
        for (LikelyCause c : LikelyCauses.rank(r, List.of())) {
            for (Category cat : c.explains().keySet()) assertTrue(cat.lossByDefault(), cat + " is not a loss");
        }
    }

    private static LikelyCause find(List<LikelyCause> causes, int fix) {
        for (LikelyCause c : causes) if (c.fix() == fix) return c;
        return null;
    }
}
