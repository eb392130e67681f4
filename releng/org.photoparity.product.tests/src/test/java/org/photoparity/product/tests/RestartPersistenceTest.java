package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: the real product's workbench, started twice on one workspace under the build's X display. The first run
 * (driven by the test-only bundle org.photoparity.ui.restarttest, added to a private copy of the product) waits
 * for the demo case's analysis, filters the Mismatches table, minimizes Compare, closes Probes, opens the
 * "Apple ID and iCloud Photos" fix view and ticks its step 1, then closes the workbench normally. The second run
 * must show exactly that. A third run with -clearPersistedState gets the default layout back but still the filter
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
        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display != null && !display.isBlank(),
                "skipped: no DISPLAY, and the workbench needs one (./mvnw starts Xvfb when DISPLAY is unset)");
        Path home = Product.copy(tmp.resolve("photoparity"));
        install(home, scenarioJar());
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

    /** The scenario bundle as the reactor built it (its module comes before this one). */
    private static Path scenarioJar() throws IOException {
        Path target = Paths.get(System.getProperty("photoparity.restarttest.target",
                "../../bundles/" + BUNDLE + "/target"));
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> p.getFileName().toString().startsWith(BUNDLE)
                    && p.getFileName().toString().endsWith(".jar") && !p.getFileName().toString().contains("-sources"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + BUNDLE + " jar in " + target
                            + ": build the reactor (mvn verify -DskipTests) first"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("no " + target + ": build the reactor (mvn verify -DskipTests) first", e);
        }
    }

    /** Adds the scenario bundle to the product copy's plugins and simpleconfigurator list. */
    private static void install(Path home, Path jar) throws IOException {
        String version;
        try (JarFile j = new JarFile(jar.toFile())) {
            version = j.getManifest().getMainAttributes().getValue("Bundle-Version").trim();
        }
        String name = BUNDLE + "_" + version + ".jar";
        Files.copy(jar, home.resolve("plugins").resolve(name));
        Path info = home.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        List<String> lines = new ArrayList<>(Files.readAllLines(info));
        lines.add(BUNDLE + "," + version + ",plugins/" + name + ",4,false");
        Files.write(info, lines);
    }

    private Map<String, String> phase(Path home, Path ws, String phase, String... args) throws Exception {
        Path out = tmp.resolve(phase + ".txt");
        Path log = tmp.resolve(phase + ".log");
        Path userHome = Files.createDirectories(tmp.resolve("home"));
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx1g", "-Dphotoparity.restarttest=" + phase,
                "-Dphotoparity.restarttest.out=" + out, "-Duser.home=" + userHome, "-jar",
                Product.launcherJar(home).toString(), "-nosplash", "-consoleLog", "-data", ws.toString()));
        if (phase.equals("phase1")) cmd.add("-clean"); // the copied configuration must see the added bundle
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the demo data, caches and any dot-folder go under the test's folder, not the user's home
        pb.environment().put("HOME", userHome.toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", tmp.resolve("data").toString());
        Process p = pb.start();
        if (!p.waitFor(PHASE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail(phase + " did not finish in " + PHASE_TIMEOUT_SECONDS + " s; output:\n" + tail(log));
        }
        assertEquals(0, p.exitValue(), phase + " exit code; output:\n" + tail(log));
        if (!Files.isRegularFile(out)) fail(phase + " wrote no " + out + "; output:\n" + tail(log));
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n").replace("\\\\", "\\"));
            }
        }
        if (!"true".equals(facts.get("ok"))) fail(phase + " failed: " + facts.get("error") + "\noutput:\n" + tail(log));
        return facts;
    }

    private static String tail(Path log) throws IOException {
        if (!Files.isRegularFile(log)) return "(none)";
        String s = Files.readString(log, StandardCharsets.UTF_8);
        return s.length() > 8000 ? s.substring(s.length() - 8000) : s;
    }
}
