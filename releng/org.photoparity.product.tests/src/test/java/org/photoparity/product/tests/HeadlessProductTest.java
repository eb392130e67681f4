package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the materialized product headless as a process: help, version, plugins, usage errors. */
class HeadlessProductTest {

    @TempDir
    Path work;

    @Test
    void helpListsTheCommands() throws Exception {
        Product.Run r = Product.run(Product.home(), work, "--help");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Usage: photoparity"), r.out());
        assertTrue(r.out().contains("plugins"), r.out());
        // the commands are contributions: --help lists what is installed, the benchmarks are not in the product
        for (String c : List.of("analyze --device", "scan PATH", "probes [", "demo [DIR]", "plugins",
                "workbench [-data DIR]")) {
            assertTrue(r.out().contains("\n  " + c), c + " in:\n" + r.out());
        }
        assertFalse(r.out().contains("bench-"), r.out());
        Product.Run plugins = Product.run(Product.home(), work, "plugins");
        assertTrue(plugins.out().lines().anyMatch(l -> l.startsWith("command ") && l.contains("analyze")
                && l.contains("org.photoparity.cli")), plugins.out());
    }

    /**
     * Issue 14: Eclipse's own options open the workbench, with or without the word workbench (no display here, so
     * the launcher says that, instead of "no command given").
     */
    @Test
    void eclipseOptionsOpenTheWorkbench() throws Exception {
        for (List<String> args : List.of(List.of("-data", work.resolve("ws").toString()), List.of("workbench", "-data",
                work.resolve("ws").toString()), List.of("-clearPersistedState"))) {
            Product.Run r = Product.run(Product.home(), work, args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r.out() + r.err());
            assertTrue(r.err().contains("no display") && !r.err().contains("no command given"), args + ": " + r.err());
        }
    }

    @Test
    void aMisspeltOrInvalidSettingIsAUsageErrorNamingTheValidKeys() throws Exception {
        Product.Run r = Product.run(Product.home(), work, "probes", "--set", "reduced.ration=0.5");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("unknown setting 'reduced.ration'; valid keys: "), r.err());
        assertTrue(r.err().contains("reduced.ratio") && r.err().contains("network.timeout.ms")
                && r.err().contains("report.title"), r.err());
        Product.Run bad = Product.run(Product.home(), work, "analyze", "--set", "reduced.ratio=1.5");
        assertEquals(2, bad.exit(), bad.out() + bad.err());
        assertTrue(bad.err().contains("setting reduced.ratio must be a number from 0 to 1 (default 0.9), was '1.5'"),
                bad.err());
    }

    @Test
    void versionNamesTheProduct() throws Exception {
        Product.Run r = Product.run(Product.home(), work, "--version");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s)PhotoParity 1\\.0\\.0\\..*"), r.out());
    }

    @Test
    void pluginsListsEveryContributionWithItsBundle() throws Exception {
        Product.Run r = Product.run(Product.home(), work, "plugins");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("KIND"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("source ")), r.out());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("BROKEN")), r.out());
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() throws Exception {
        Product.Run r = Product.run(Product.home(), work, "frobnicate");
        assertEquals(2, r.exit(), r.out() + r.err());
        List<String> errLines = r.err().lines().filter(l -> l.startsWith("photoparity:")).toList();
        assertEquals(1, errLines.size(), r.err());
        assertTrue(errLines.get(0).contains("unknown command 'frobnicate'"), r.err());
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        Product.Run r = Product.run(Product.home(), work, "plugins", "--bogus");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("unknown option --bogus"), r.err());
    }
}
