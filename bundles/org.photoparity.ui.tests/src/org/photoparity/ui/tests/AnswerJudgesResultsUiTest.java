package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.cases.CaseFolder;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.session.CaseSession;

/**
 * An answer that changes how a difference is judged changes the results shown at once, as the next analysis would:
 * optimize_storage = yes explains what the cloud holds and the device's copy of files lacks; no takes it back.
 */
class AnswerJudgesResultsUiTest {

    @TempDir
    Path tmp;

    /** Lets the case's jobs (report, saved results) settle and closes it before the temp folder goes. */
    @org.junit.jupiter.api.extension.RegisterExtension
    final AnalysesSeen seen = new AnalysesSeen();

    private static Mismatch missingOnDevice(ReconcileResult r) {
        List<Mismatch> ms = r.mismatches().stream().filter(m -> m.category() == Category.MISSING_ON_DEVICE).toList();
        assertEquals(1, ms.size(), "the demo plants one: " + ms);
        return ms.get(0);
    }

    /** Seen: an answer corrected in the fix view kept its "is not understood" note (Summary, Export) until the next analysis. */
    @Test
    void correctingAnAnswerTakesItsNoteAway() throws Exception {
        CaseFolder c = Ui.demoCase(tmp, "notes");
        java.nio.file.Files.writeString(c.answersFile(), "icloud_plan=7GB\nlow_power_mode=maybe\n");
        AnalyzeJob job = CaseActions.open(c, true);
        job.join(60_000, null);
        Ui.waitUntil("the analysis to reach the session", 30_000, job::delivered);
        Ui.drain();
        CaseSession s = Ui.session();
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("icloud_plan=7GB is not understood")),
                s.warnings().toString());
        s.setAnswer("icloud_plan", "50GB");
        assertFalse(s.warnings().stream().anyMatch(w -> w.contains("icloud_plan")), s.warnings().toString());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("low_power_mode=maybe")),
                "the other answer's note stays: " + s.warnings());
    }

    @Test
    void answeringOptimizeStorageJudgesTheMissingPhotoAgain() throws Exception {
        CaseFolder c = Ui.demoCase(tmp, "optimize"); // the demo's sources, no answers
        AnalyzeJob job = CaseActions.open(c, true);
        assertNotNull(job);
        job.join(60_000, null);
        Ui.waitUntil("the analysis to reach the session", 30_000, job::delivered);
        Ui.drain();
        CaseSession s = Ui.session();
        assertTrue(missingOnDevice(s.result()).loss(), "no answer: a loss");

        List<CaseSession.Change> seen = new java.util.ArrayList<>();
        CaseSession.Listener l = seen::add;
        s.addListener(l);
        try {
            s.setAnswer("optimize_storage", "yes");
            Mismatch m = missingOnDevice(s.result());
            assertFalse(m.loss(), "Optimize iPhone Storage on: " + m);
            assertTrue(m.explanation().startsWith(org.photoparity.evidence.OptimizedOriginals.PREFIX), m.explanation());
            assertTrue(seen.contains(CaseSession.Change.RESULT), "the views are told: " + seen);
            assertEquals(s.result(), s.evidence().result().orElseThrow(), "the probes see the same judgement");

            s.setAnswer("optimize_storage", "no");
            assertTrue(missingOnDevice(s.result()).loss(), "Download and Keep Originals: a loss again");
        } finally {
            s.removeListener(l);
        }
    }
}
