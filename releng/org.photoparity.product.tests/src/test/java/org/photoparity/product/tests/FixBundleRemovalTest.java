package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fix is a plug-in: the product lists seven, and without one fix bundle it still runs and lists six. */
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

    @Test
    void withoutTheChargingBundleEverythingElseStillWorks() throws Exception {
        Path home = Product.copy(tmp.resolve("photoparity"));
        Path info = home.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        List<String> lines = Files.readAllLines(info);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("org.photoparity.fix.charging,")));
        Files.write(info, lines.stream().filter(l -> !l.startsWith("org.photoparity.fix.charging,"))
                .collect(Collectors.toList()));
        try (Stream<Path> s = Files.list(home.resolve("plugins"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("org.photoparity.fix.charging_")).toList()) {
                Files.delete(p);
            }
        }

        Product.Run plugins = Product.run(home, tmp, "plugins");
        assertEquals(0, plugins.exit(), plugins.err());
        assertEquals(6, count(plugins.out(), "probe"), plugins.out());
        assertEquals(6, count(plugins.out(), "strategy"), plugins.out());
        assertTrue(plugins.out().lines().noneMatch(l -> l.startsWith("BROKEN")), plugins.out());

        Path out = tmp.resolve("report");
        Product.Run analyze = Product.run(home, tmp, "analyze", "--out", out.toString(), "--no-cache", "--set",
                "network.endpoints=none");
        assertEquals(0, analyze.exit(), analyze.out() + analyze.err());
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("probe.settings") && !json.contains("probe.charging"), json);
    }
}
