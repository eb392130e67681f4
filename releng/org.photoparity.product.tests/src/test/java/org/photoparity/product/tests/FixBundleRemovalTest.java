package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fix is a plug-in: the product lists seven, and without two fix bundles they are gone from every surface. */
class FixBundleRemovalTest {

    @TempDir
    Path tmp;

    private static long count(String out, String kind) {
        return out.lines().filter(l -> l.startsWith(kind + " ")).count();
    }

    @Test
    void sevenProbesAndSevenStrategiesFromSevenBundles() throws Exception {
        Product.Run r = Product.run(Product.home(), tmp, "plugins");
        assertEquals(0, r.exit(), r.err());
        assertEquals(7, count(r.out(), "probe"), r.out());
        assertEquals(7, count(r.out(), "strategy"), r.out());
        long bundles = r.out().lines().filter(l -> l.startsWith("probe ") || l.startsWith("strategy "))
                .map(l -> l.split("\\s+")).map(f -> f[f.length - 2]).distinct().count();
        assertEquals(7, bundles, r.out());
    }

    /**
     * Removes the charging fix (no setting) and the restart fix (one setting): their probes, strategies, numbers,
     * titles and settings appear nowhere (plugins, probes, --set, report.json, report.html), and the rest works.
     */
    @Test
    void withoutTwoFixBundlesTheyAppearNowhereAndEverythingElseStillWorks() throws Exception {
        Path home = Product.copy(tmp.resolve("photoparity"));
        Product.Run before = Product.run(home, tmp, "plugins");
        assertTrue(before.out().contains("restart.attempts.warn"), "the restart fix declares its setting");
        for (String bundle : List.of("org.photoparity.fix.charging", "org.photoparity.fix.restart")) Product.removeBundle(home, bundle);

        Product.Run plugins = Product.run(home, tmp, "plugins");
        assertEquals(0, plugins.exit(), plugins.err());
        assertEquals(5, count(plugins.out(), "probe"), plugins.out());
        assertEquals(5, count(plugins.out(), "strategy"), plugins.out());
        assertTrue(plugins.out().lines().noneMatch(l -> l.startsWith("BROKEN")), plugins.out());
        for (String gone : List.of("charging", "restart", "Charge, and Low Power Mode off",
                "Restart to clear a stalled sync")) {
            assertFalse(plugins.out().contains(gone), gone + " in plugins:\n" + plugins.out());
        }

        Product.Run unknown = Product.run(home, tmp, "probes", "--set", "restart.attempts.warn=3");
        assertEquals(2, unknown.exit(), unknown.out() + unknown.err());
        assertTrue(unknown.err().contains("unknown setting 'restart.attempts.warn'; valid keys: ")
                && unknown.err().contains("network.endpoints"), unknown.err());

        Product.Run probes = Product.run(home, tmp, "probes", "--set", "network.endpoints=none");
        assertEquals(0, probes.exit(), probes.out() + probes.err());
        assertFalse(probes.out().contains("fix 7") || probes.out().contains("fix 5"), probes.out());

        Path out = tmp.resolve("report");
        Product.Run analyze = Product.run(home, tmp, "analyze", "--out", out.toString(), "--no-cache", "--set",
                "network.endpoints=none");
        assertEquals(0, analyze.exit(), analyze.out() + analyze.err());
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("probe.settings"), json);
        String html = Files.readString(out.resolve("report.html"));
        for (String text : List.of(json, html)) {
            for (String gone : List.of("probe.charging", "probe.restart", "Charge, and Low Power Mode off",
                    "Restart to clear a stalled sync", "Fix 7", "Fix 5", "\"fix\" : 7", "\"fix\" : 5")) {
                assertFalse(text.contains(gone), gone);
            }
        }
        assertTrue(html.contains("Fix 2"), "the remaining fixes are still ranked");
    }
}
