package org.photoparity.bench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.match.Reconciler;
import org.photoparity.bench.MatchBench;
import org.photoparity.bench.SyntheticSides;

/** The benchmark's sides are only worth timing if the chain finds exactly what they plant. */
class MatchBenchTest {

    @Test
    void syntheticSidesAreFoundExactly() {
        SyntheticSides s = SyntheticSides.generate(20_000);
        ReconcileResult r = new Reconciler().reconcile(s.device, s.cloud, Reconciler.registryChain(), Map.of(),
                new NullProgressMonitor());
        assertEquals(400L, s.planted.get(Category.MISSING_IN_CLOUD));
        assertEquals(200L, s.planted.get(Category.DUPLICATE));
        assertEquals(s.planted, r.counts());
        assertEquals(s.identical, r.identical());
        assertEquals(18_400, s.identical); // all but missing (2%), converted (2%), reduced, edited, Live, drift (1% each)
    }

    @Test
    void runPrintsTimingsAndChecksTheResult() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = MatchBench.run(new String[] {"--sizes", "1000,2000", "--runs", "2", "--warmup", "1"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("Every planted difference was found."), out);
        assertTrue(out.lines().anyMatch(l -> l.trim().startsWith("1000 ") && l.trim().endsWith("found")), out);
        assertEquals(2, MatchBench.run(new String[] {"--sizes", "many"}, new PrintStream(new ByteArrayOutputStream())));
    }
}
