package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: the real product's workbench, started twice on one workspace under the build's X display. The first run
 * (driven by the test-only bundle org.photoparity.ui.restarttest, added to a private copy of the product) waits
 * for the demo case's analysis, filters the Mismatches table, minimizes Compare, closes Probes, opens the
 * "Apple ID and iCloud Photos" fix view and ticks its step 1, then closes the workbench normally. The second run
 * must show exactly that, painting its window before it shows the case's saved results, without analysing it
 * again. A third run with -clearPersistedState gets the default layout back but still the filter
 * (from the preferences) and the tick (from case.json).
 */
class RestartPersistenceTest {

    private static final String BUNDLE = "org.photoparity.ui.restarttest";
    private static final String STRATEGY_VIEW = "org.photoparity.fix.settings.view";
    private static final long PHASE_TIMEOUT_SECONDS = 120;
    /** What phase 2 must read back exactly as phase 1 left it. */
    private static final List<String> KEPT = List.of("filter.text", "filter.category", "filter.shown", "filter.state",
            "layout.compare", "layout.probes.open", "layout.views", "layout.strategy.stack", "layout.strategy.visible",
            "checklist.step1", "checklist.ticked");

    @TempDir
    Path tmp;

    @Test
    void filterLayoutAndChecklistSurviveARestart() throws Exception {
        Path home = WorkbenchRun.productCopy(tmp);
        Product.addBundle(home, Product.builtJar(BUNDLE));
        Path ws = Files.createDirectories(tmp.resolve("workspace"));

        long t0 = System.nanoTime();
        Map<String, String> one = phase(home, ws, "phase1");
        long t1 = System.nanoTime();
        assertEquals("minimized", one.get("layout.compare"), one.toString());
        assertEquals("false", one.get("layout.probes.open"), one.toString());
        // the fix view opens beside the Summary (its placeholder's stack in the E4 model)
        assertTrue(one.get("layout.strategy.stack").contains(STRATEGY_VIEW)
                && one.get("layout.strategy.stack").contains("org.photoparity.ui.views.summary"), one.toString());
        assertEquals("true", one.get("layout.strategy.visible"), one.toString());
        assertTrue(!one.get("layout.views").contains("org.photoparity.ui.views.probes")
                && one.get("layout.views").contains(STRATEGY_VIEW), one.toString());
        assertEquals("true", one.get("checklist.step1"), one.toString());
        assertEquals("[0]", one.get("checklist.ticked"), one.toString());
        assertEquals("[0]", one.get("case.checklist"), one.toString());
        assertNotEquals("All categories", one.get("filter.category"), one.toString());
        assertTrue(!one.get("filter.text").isBlank(), one.toString());
        int shown = Integer.parseInt(one.get("filter.shown"));
        int before = Integer.parseInt(one.get("before.shown"));
        assertTrue(shown >= 1 && shown < before, "the filter shows " + shown + " of " + before + ": " + one);
        assertTrue(Files.isRegularFile(ws.resolve(".metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi")),
                "phase 1 closed without saving the workbench state");

        Map<String, String> two = phase(home, ws, "phase2");
        long t2 = System.nanoTime();
        for (String k : KEPT) {
            assertEquals(one.get(k), two.get(k), k + " after the restart; phase 1: " + one + "; phase 2: " + two);
        }
        // issue 14: phase 1 analysed the new demo case; the restart paints its window first, then shows the case's
        // saved results without analysing it again (its sources did not change)
        String log1 = Files.readString(tmp.resolve("phase1.log"), StandardCharsets.UTF_8);
        String log2 = Files.readString(tmp.resolve("phase2.log"), StandardCharsets.UTF_8);
        assertTrue(log1.contains("photoparity: analysis done after"), log1);
        int paintedAt = log2.indexOf("photoparity: window painted after");
        int resultsAt = log2.indexOf("photoparity: results shown after");
        assertTrue(paintedAt >= 0 && resultsAt > paintedAt, "paint first, then the results:\n" + log2);
        assertTrue(!log2.contains("photoparity: analysis done after"), "the restart analysed again:\n" + log2);

        // Window > Reset Perspective's big brother: the layout goes back to the perspective's, while the filter
        // comes back from the preferences (no memento now) and the ticks from the case
        Map<String, String> three = phase(home, ws, "phase3", "-clearPersistedState");
        long t3 = System.nanoTime();
        for (String k : List.of("filter.text", "filter.category", "filter.shown", "filter.state", "checklist.step1",
                "checklist.ticked")) {
            assertEquals(one.get(k), three.get(k),
                    k + " after a layout reset; phase 1: " + one + "; phase 3: " + three);
        }
        assertEquals("restored", three.get("layout.compare"), three.toString());
        assertEquals("true", three.get("layout.probes.open"), three.toString());
        assertEquals("not open", three.get("layout.strategy.stack"), three.toString());
        System.out.printf("RestartPersistenceTest: phase 1 %d ms (analysis ready after %s ms), phase 2 %d ms "
                + "(%s ms), phase 3 %d ms (%s ms)%n", (t1 - t0) / 1_000_000, one.get("wait.analysis.ms"),
                (t2 - t1) / 1_000_000, two.get("wait.analysis.ms"), (t3 - t2) / 1_000_000,
                three.get("wait.analysis.ms"));
    }

    private Map<String, String> phase(Path home, Path ws, String phase, String... args) throws Exception {
        List<String> launcher = new java.util.ArrayList<>();
        if (phase.equals("phase1")) launcher.add("-clean"); // the copied configuration must see the added bundle
        launcher.addAll(List.of(args));
        return WorkbenchRun.run(home, tmp, ws, phase, "photoparity.restarttest.out",
                List.of("photoparity.restarttest=" + phase, "photoparity.printStartup=true"), launcher,
                PHASE_TIMEOUT_SECONDS);
    }
}
