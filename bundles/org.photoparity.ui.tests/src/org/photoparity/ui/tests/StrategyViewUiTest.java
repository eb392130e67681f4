package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.ui.IViewPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.ui.session.CaseSession;
import org.photoparity.ui.views.ProbesView;
import org.photoparity.ui.views.StrategyView;
import org.photoparity.ui.views.StrategyViewFactory;

/** A strategy view contributed through StrategyViewFactory, as fix bundles do: text, checklist, probes, Re-run. */
class StrategyViewUiTest {

    static final String VIEW = "org.photoparity.ui.tests.strategyView";
    static final String STRATEGY = "org.photoparity.ui.tests.strategy";
    static final String PROBE = "org.photoparity.ui.tests.probe.answer";

    @TempDir
    Path tmp;

    @AfterEach
    void closeView() {
        IViewPart v = Ui.page().findView(VIEW);
        if (v != null) Ui.page().hideView(v);
    }

    private CaseFolder caseWithAnswer(String state) throws Exception {
        CaseFolder c = CaseFolder.create(tmp.resolve("case"), CaseData.named("Strategy test"));
        Files.writeString(c.answersFile(), "test.state=" + state + "\n");
        Ui.session().open(c);
        return c;
    }

    @Test
    void factoryFindsTheViewOfAStrategy() {
        assertEquals(VIEW, StrategyViewFactory.viewIdFor(STRATEGY));
        assertNull(StrategyViewFactory.viewIdFor("no.such.strategy"));
    }

    @Test
    void showsTheStrategyTextAndStepsAsAChecklist() throws Exception {
        caseWithAnswer("FAIL");
        StrategyView v = Ui.show(VIEW, StrategyView.class);
        assertEquals(STRATEGY, v.strategyId());
        assertEquals("Test strategy", v.strategy().title());
        assertEquals("Test strategy", v.getPartName());
        List<Button> steps = v.stepButtons();
        assertEquals(3, steps.size());
        assertEquals("1. Open Settings > General.", steps.get(0).getText());
        assertEquals("3. Check the result.", steps.get(2).getText());
        assertTrue((steps.get(0).getStyle() & SWT.CHECK) != 0);
        // nothing has run yet: the probe is listed without a result
        assertEquals(1, v.shownResults().size());
        assertNull(v.shownResults().get(0));
    }

    @Test
    void tickingAStepSavesItInCaseJson() throws Exception {
        CaseFolder c = caseWithAnswer("PASS");
        StrategyView v = Ui.show(VIEW, StrategyView.class);
        Button second = v.stepButtons().get(1);
        second.setSelection(true);
        second.notifyListeners(SWT.Selection, null);
        assertEquals(List.of(1), CaseFolder.open(c.dir()).data().ticked(STRATEGY));
        assertTrue(Files.readString(c.caseFile()).contains("\"" + STRATEGY + "\" : [ 1 ]"));

        // closed and reopened, the view shows the tick from the case
        Ui.page().hideView(Ui.page().findView(VIEW));
        StrategyView again = Ui.show(VIEW, StrategyView.class);
        assertEquals(Set.of(1), again.tickedSteps());
        assertFalse(again.stepButtons().get(0).getSelection());
    }

    @Test
    void rerunRunsTheStrategysProbesInAJobAndShowsTheResult() throws Exception {
        caseWithAnswer("FAIL");
        StrategyView v = Ui.show(VIEW, StrategyView.class);
        Job job = v.rerun();
        assertNotNull(job);
        job.join(10_000, null);
        Ui.waitUntil("the probe result", 5_000, () -> v.shownResults().get(0) != null);
        ProbeResult r = v.shownResults().get(0);
        assertEquals(ProbeStatus.FAIL, r.status());
        assertEquals("Answer test.state is FAIL", r.summary());
        assertEquals(PROBE, r.id());
        // the Probes view shows the same result
        ProbesView probes = Ui.show(ProbesView.ID, ProbesView.class);
        Ui.drain();
        assertTrue(probes.shownResults().contains(r));
    }
}
