package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * Starts a product copy's workbench under the build's X display with a test-only scenario bundle that writes what
 * it saw as key=value lines (newlines escaped) to a file and closes the workbench; returns those facts. Home, caches
 * and configuration go under the test's folder.
 */
final class WorkbenchRun {

    private WorkbenchRun() {
    }

    /**
     * A private copy of the product for a workbench run, or the test is skipped when there is no display to run it
     * on (./mvnw starts Xvfb when DISPLAY is unset).
     */
    static Path productCopy(Path tmp) throws java.io.IOException {
        String display = System.getenv("DISPLAY");
        org.junit.jupiter.api.Assumptions.assumeTrue(display != null && !display.isBlank(),
                "skipped: no DISPLAY, and the workbench needs one (./mvnw starts Xvfb when DISPLAY is unset)");
        return Product.copy(tmp.resolve("photoparity"));
    }

    /**
     * @param outProperty the system property naming the scenario's output file
     * @param props further {@code -D} options for the scenario
     * @param args further launcher arguments ({@code -clean}, {@code -clearPersistedState})
     */
    static Map<String, String> run(Path home, Path tmp, Path workspace, String name, String outProperty,
            List<String> props, List<String> args, long timeoutSeconds) throws Exception {
        Path out = tmp.resolve(name + ".txt");
        Path log = tmp.resolve(name + ".log");
        Path userHome = Files.createDirectories(tmp.resolve("home"));
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx1g", "-D" + outProperty + "=" + out,
                "-Duser.home=" + userHome));
        for (String p : props) cmd.add("-D" + p);
        cmd.addAll(List.of("-jar", Product.launcherJar(home).toString(), "-nosplash", "-consoleLog", "-data",
                workspace.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the demo data, caches and any dot-folder go under the test's folder, not the user's home
        pb.environment().put("HOME", userHome.toString());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", tmp.resolve("data").toString());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail(name + " did not finish in " + timeoutSeconds + " s; output:\n" + tail(log));
        }
        assertEquals(0, p.exitValue(), name + " exit code; output:\n" + tail(log));
        if (!Files.isRegularFile(out)) fail(name + " wrote no " + out + "; output:\n" + tail(log));
        Map<String, String> facts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                facts.put(line.substring(0, eq), line.substring(eq + 1).replace("\\n", "\n").replace("\\\\", "\\"));
            }
        }
        if (!"true".equals(facts.get("ok"))) fail(name + " failed: " + facts.get("error") + "\noutput:\n" + tail(log));
        // SWT loads its libraries through System.loadLibrary: on Java 24+ a JVM without native access for the
        // bundles prints four WARNING lines and says it will block that in a future release
        String all = Files.readString(log, StandardCharsets.UTF_8);
        if (all.contains(Product.RESTRICTED_WARNING)) fail(name + ": the JVM warned about native access:\n" + tail(log));
        return facts;
    }

    static String tail(Path log) throws IOException {
        if (!Files.isRegularFile(log)) return "(none)";
        String s = Files.readString(log, StandardCharsets.UTF_8);
        return s.length() > 8000 ? s.substring(s.length() - 8000) : s;
    }
}
