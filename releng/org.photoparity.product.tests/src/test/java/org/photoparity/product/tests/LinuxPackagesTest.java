package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux packages (issue 15, profile linux-packages): the .deb unpacked with dpkg-deb -x and the .tar.gz
 * unpacked with tar each carry a runtime, a native launcher (bin/photoparity-desktop, the menu entry's), a start
 * script (bin/photoparity, what a technician types), a desktop entry and an icon, and both launchers run with
 * JAVA_HOME unset and no java on the PATH: --version, analyze on the demo case, and the workbench window.
 */
class LinuxPackagesTest {

    @TempDir
    Path tmp;

    static Path packages() throws IOException {
        Path p = Paths.get(System.getProperty("photoparity.packages", "missing"));
        if (!Files.isDirectory(p)) throw new IllegalStateException("no packages folder " + p + ": build with -Plinux-packages");
        return p;
    }

    static Path one(String glob) throws IOException {
        try (Stream<Path> s = Files.list(packages())) {
            List<Path> l = s.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                    .toList();
            assertEquals(1, l.size(), glob + " in " + packages() + ": " + l);
            return l.get(0);
        }
    }

    @Test
    void theDebUnpackedRunsWithoutAnyJava() throws Exception {
        Path deb = one("photoparity_*_amd64.deb");
        Path root = Files.createDirectories(tmp.resolve("deb"));
        run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
        Path app = root.resolve("opt/photoparity");
        Path desktop;
        try (Stream<Path> s = Files.list(app.resolve("lib"))) {
            desktop = s.filter(p -> p.getFileName().toString().endsWith(".desktop")).findFirst()
                    .orElseThrow(() -> new AssertionError("no desktop entry in " + app.resolve("lib")));
        }
        String entry = Files.readString(desktop);
        assertTrue(entry.contains("Name=PhotoParity"), entry);
        assertTrue(entry.contains("Exec=/opt/photoparity/bin/photoparity-desktop\n"), entry);
        assertTrue(entry.contains("Icon=/opt/photoparity/lib/photoparity.png"), entry);
        assertTrue(Files.size(app.resolve("lib/photoparity.png")) > 0, "icon");
        exercise(app);
    }

    @Test
    void theTarGzUnpackedRunsWithoutAnyJava() throws Exception {
        Path tgz = one("photoparity-*-linux-x86_64.tar.gz");
        Path root = Files.createDirectories(tmp.resolve("tar"));
        run(List.of("tar", "-xzf", tgz.toString(), "-C", root.toString()));
        Path app = root.resolve("photoparity");
        String entry = Files.readString(app.resolve("photoparity.desktop"));
        assertTrue(entry.contains("Exec=/opt/photoparity/bin/photoparity-desktop\n"), entry);
        assertTrue(Files.size(app.resolve("lib/photoparity.png")) > 0, "icon");
        exercise(app);
    }

    /**
     * Both launchers: the start script (--version without and with OSGi, analyze on the demo case, the workbench
     * window) and the native launcher the menu entry starts (--version through OSGi, the workbench window), both on
     * the same class path with the AOT cache the build trained, under the build's Xvfb.
     */
    private void exercise(Path app) throws Exception {
        Path script = app.resolve("bin/photoparity");
        Path nativeLauncher = app.resolve("bin/photoparity-desktop");
        assertTrue(Files.isExecutable(script), "start script " + script);
        assertTrue(Files.readString(script).startsWith("#!/bin/sh\n"), "a POSIX sh script");
        assertTrue(Files.isExecutable(nativeLauncher), "native launcher " + nativeLauncher);
        assertTrue(Files.isRegularFile(app.resolve("lib/app/photoparity-desktop.cfg")), "the native launcher's options");
        assertTrue(Files.isExecutable(app.resolve("lib/runtime/bin/java")), "bundled runtime");
        assertTrue(Files.isRegularFile(app.resolve("lib/app/photoparity.aot")), "the AOT cache the build trained");
        Path home = Files.createDirectories(tmp.resolve("home-" + app.getParent().getFileName()));

        Product.Run fast = launch(script, home, Map.of(), "--version");
        assertEquals(0, fast.exit(), fast.err());
        assertTrue(fast.out().startsWith("PhotoParity 1.0.0."), fast.out());
        for (Path launcher : List.of(script, nativeLauncher)) {
            Product.Run osgi = launch(launcher, home, Map.of("PHOTOPARITY_NO_FAST_PATH", "1"), "--version");
            assertEquals(0, osgi.exit(), launcher + ": " + osgi.err());
            assertEquals(fast.out(), osgi.out(), launcher.toString());
            assertTrue(osgi.err().isBlank() || !osgi.err().contains("aot"), "a silent AOT cache: " + osgi.err());
        }
        // the script gives PHOTOPARITY_JAVA_OPTS to the JVM itself: the AOT cache is mapped, the bundles' classes too
        Product.Run logged = launch(script, home, Map.of("PHOTOPARITY_NO_FAST_PATH", "1", "PHOTOPARITY_JAVA_OPTS",
                "-Xlog:class+load=info"), "--version");
        assertEquals(0, logged.exit(), logged.err());
        assertTrue(logged.out().lines().filter(l -> l.contains("source: shared objects file")).count() > 1000,
                "classes from the AOT cache: " + logged.out().lines().limit(5).toList());

        Path report = home.resolve("report");
        Product.Run analyze = launch(script, home, Map.of(), "analyze", "--out", report.toString());
        assertEquals(0, analyze.exit(), analyze.out() + analyze.err());
        assertTrue(Files.size(report.resolve("report.json")) > 0 && Files.size(report.resolve("report.html")) > 0,
                analyze.out());

        String display = System.getenv("DISPLAY");
        Assumptions.assumeTrue(display != null && !display.isBlank(),
                "the workbench part needs a display (./mvnw starts Xvfb when DISPLAY is unset)");
        for (Path launcher : List.of(nativeLauncher, script)) workbenchWindow(app, launcher, home, display);
    }

    private void workbenchWindow(Path app, Path launcher, Path home, String display) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(launcher.toString())).directory(home.toFile());
        environment(pb, home, Map.of("PHOTOPARITY_JAVA_OPTS", "-Dphotoparity.printStartup=true"));
        pb.environment().put("DISPLAY", display);
        String printed = Product.workbenchUntilUsable(pb);
        assertFalse(printed.contains(Product.RESTRICTED_WARNING), launcher + ":\n" + printed);
        System.out.println("LinuxPackagesTest " + app.getParent().getFileName() + " " + launcher.getFileName() + ": "
                + printed.lines().reduce((a, b) -> b).orElse(""));
    }

    private static Product.Run launch(Path launcher, Path home, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        environment(pb, home, env);
        return Product.exec(pb, home, cmd);
    }

    /** No JAVA_HOME, a PATH without java, HOME and data under the test's folder. */
    private static void environment(ProcessBuilder pb, Path home, Map<String, String> env) throws IOException {
        Path bin = Files.createDirectories(home.resolve("empty-bin"));
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("PHOTOPARITY_JAVA_OPTS");
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().putAll(env);
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, String.join(" ", cmd));
    }
}
