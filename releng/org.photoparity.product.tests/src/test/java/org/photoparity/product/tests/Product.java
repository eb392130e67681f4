package org.photoparity.product.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The materialized product, started headless as a separate process, the way a technician's shell does. */
final class Product {

    record Run(int exit, String out, String err) {
    }

    /**
     * What Java 24+ prints when a class without native access calls System.loadLibrary (SWT) or System.load
     * (sqlite-jdbc, for a backup's databases): the launchers enable native access for the bundles (unnamed modules).
     */
    static final String RESTRICTED_WARNING = "WARNING: A restricted method";

    static Path home() {
        Path p = Paths.get(System.getProperty("photoparity.product", "missing"));
        if (!Files.isDirectory(p.resolve("plugins"))) {
            throw new IllegalStateException("no materialized product at " + p + ": build the reactor first");
        }
        return p;
    }

    static Path launcherJar(Path home) throws IOException {
        try (Stream<Path> s = Files.list(home.resolve("plugins"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_")
                    && p.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no equinox launcher in " + home));
        }
    }

    /**
     * Runs a headless command through the product's own start script (the shell script in its root, which starts
     * org.photoparity.launcher.Main: headless start level, version without OSGi), with this JVM as JAVA_HOME.
     */
    static Run run(Path home, Path workDir, String... args) throws Exception {
        return run(home, workDir, java.util.Map.of(), args);
    }

    /** The same with extra environment variables (PHOTOPARITY_JAVA_OPTS, PHOTOPARITY_NO_FAST_PATH). */
    static Run run(Path home, Path workDir, java.util.Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("photoparity").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        return exec(pb, workDir, cmd);
    }

    /** Runs any Equinox application of the product, e.g. the p2 director. */
    static Run runApplication(Path home, Path workDir, String application, String... args) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx1g", "-jar", launcherJar(home).toString(),
                "-nosplash", "-consoleLog", "-data", "@none", "-application", application));
        cmd.addAll(List.of(args));
        return exec(new ProcessBuilder(cmd).directory(workDir.toFile()), workDir, cmd);
    }

    /**
     * Starts the workbench ({@code pb}'s command, its environment set by the caller, PHOTOPARITY_JAVA_OPTS with
     * -Dphotoparity.printStartup=true) and returns everything it printed, stdout and stderr, until the line
     * "photoparity: workbench usable after N ms" (the last line returned), then stops it. Fails after 3 minutes or
     * when it ends without a window.
     */
    static String workbenchUntilUsable(ProcessBuilder pb) throws Exception {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        java.util.concurrent.CompletableFuture<String> shown = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (java.io.BufferedReader r = new java.io.BufferedReader(
                    new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder all = new StringBuilder();
                for (String line; (line = r.readLine()) != null;) {
                    all.append(line).append('\n');
                    if (line.startsWith("photoparity: workbench usable after")) return all.toString();
                }
                throw new IllegalStateException("ended without a window:\n" + all);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return shown.get(3, TimeUnit.MINUTES);
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        }
    }

    static Run exec(ProcessBuilder pb, Path workDir, List<String> cmd) throws Exception {
        pb.environment().remove("DISPLAY");
        // the demo case and scan caches go under the test's folder, not the user's home
        pb.environment().put("XDG_CACHE_HOME", workDir.resolve(".cache").toString());
        pb.environment().put("PHOTOPARITY_NO_PROGRESS", "1");
        Path out = Files.createTempFile("pp-out", ".txt");
        Path err = Files.createTempFile("pp-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("product did not finish in 5 minutes: " + cmd);
        }
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    /** Starts the command line without waiting (output discarded), for tests that stop it. */
    static Process start(Path home, Path workDir, String... args) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx1g", "-jar", launcherJar(home).toString(),
                "-nosplash", "-consoleLog", "-data", "@none", "-application", "org.photoparity.cli.app"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().put("XDG_CACHE_HOME", workDir.resolve(".cache").toString());
        pb.environment().put("PHOTOPARITY_NO_PROGRESS", "1");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    /** A private copy of the product that a test may change (install into, remove bundles from). */
    static Path copy(Path target) throws IOException {
        Path home = home();
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path to = target.resolve(home.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return target;
    }

    /** The jar of a project bundle as the reactor built it (its module comes before this one). */
    static Path builtJar(String bundle) throws IOException {
        Path target = Paths.get("../../bundles/" + bundle + "/target");
        if (!Files.isDirectory(target)) {
            throw new IllegalStateException("no " + target + ": build the reactor (mvn verify -DskipTests) first");
        }
        try (Stream<Path> s = Files.list(target)) {
            return s.filter(p -> p.getFileName().toString().startsWith(bundle + "-")
                    && p.getFileName().toString().endsWith(".jar") && !p.getFileName().toString().contains("-sources"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no " + bundle + " jar in " + target
                            + ": build the reactor (mvn verify -DskipTests) first"));
        }
    }

    /** Adds a bundle jar to a product copy's plugins and its simpleconfigurator list (start with -clean after). */
    static void addBundle(Path home, Path jar) throws IOException {
        String name, version;
        try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
            var attrs = j.getManifest().getMainAttributes();
            name = attrs.getValue("Bundle-SymbolicName").split(";")[0].trim();
            version = attrs.getValue("Bundle-Version").trim();
        }
        String file = name + "_" + version + ".jar";
        Files.copy(jar, home.resolve("plugins").resolve(file));
        Path info = home.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        List<String> lines = new ArrayList<>(Files.readAllLines(info));
        lines.add(name + "," + version + ",plugins/" + file + ",4,false");
        Files.write(info, lines);
    }

    /** Removes a bundle from a product copy: its jar and its simpleconfigurator line. */
    static void removeBundle(Path home, String bundle) throws IOException {
        Path info = home.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        List<String> lines = Files.readAllLines(info);
        if (lines.stream().noneMatch(l -> l.startsWith(bundle + ","))) {
            throw new IllegalStateException(bundle + " is not in " + info);
        }
        Files.write(info, lines.stream().filter(l -> !l.startsWith(bundle + ",")).toList());
        try (Stream<Path> s = Files.list(home.resolve("plugins"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(bundle + "_")).toList()) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> w = Files.walk(p)) {
                        for (Path q : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
                    }
                } else {
                    Files.delete(p);
                }
            }
        }
    }

    /** The evidence options of the demo case that `photoparity demo DIR` writes, with the given answers file. */
    static List<String> demoEvidence(Path demo, Path answers) {
        return List.of("--device-info", demo.resolve("evidence/ideviceinfo.txt").toString(), "--device-info",
                demo.resolve("evidence/ideviceinfo-disk_usage.txt").toString(), "--device-info",
                demo.resolve("evidence/ideviceinfo-battery.txt").toString(), "--answers", answers.toString());
    }
}
