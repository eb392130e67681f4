package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a headless command starts (issue 15): no UI bundle, no declarative services, no p2; and --version answered
 * without OSGi says exactly what the OSGi command says.
 */
class StartupPathTest {

    private static final Pattern PLUGIN_SOURCE = Pattern.compile("source: .*/plugins/([^/_]+)_[^/]*\\.jar");
    /** Bundles a headless command never needs: SWT, JFace, the e4 workbench and its model, DS, SPI Fly, p2. */
    private static final List<String> NOT_HEADLESS = List.of("org.eclipse.swt", "org.eclipse.jface", "org.eclipse.ui",
            "org.eclipse.e4.ui", "org.eclipse.emf", "org.apache.felix.scr", "org.apache.aries.spifly",
            "org.eclipse.equinox.p2", "org.eclipse.equinox.frameworkadmin", "org.photoparity.ui");

    @TempDir
    Path work;

    @Test
    void aHeadlessCommandLoadsNoUiBundleAndNoDeclarativeServices() throws Exception {
        Path log = work.resolve("classes.txt");
        Product.Run r = Product.run(Product.home(), work,
                // without the class-data cache: classes it restores (bundles' too) are logged as "shared objects file"
                Map.of("PHOTOPARITY_JAVA_OPTS", (Runtime.version().feature() >= 24 ? "-XX:AOTMode=off" : "-Xshare:off")
                        + " -Xlog:class+load=info:file=" + log), "plugins");
        assertEquals(0, r.exit(), r.err());
        Set<String> bundles = new TreeSet<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = PLUGIN_SOURCE.matcher(line);
            if (m.find()) bundles.add(m.group(1));
        }
        assertTrue(bundles.contains("org.photoparity.cli") && bundles.contains("org.photoparity.core"),
                "the log shows the headless bundles: " + bundles);
        List<String> ui = bundles.stream().filter(b -> NOT_HEADLESS.stream().anyMatch(b::startsWith)).toList();
        assertTrue(ui.isEmpty(), "a headless command loaded classes from " + ui + "; all: " + bundles);
    }

    /**
     * The Equinox launcher and the framework are signed jars; a URLClassLoader would check their signatures before
     * the first class (about 0.4 s on a cold JVM) and a JDK 25 AOT cache skips signed classes. org.photoparity.launcher
     * loads them without: no PKCS#7 signature is parsed on the way to the framework.
     */
    @Test
    void theFrameworkStartsWithoutCheckingJarSignatures() throws Exception {
        Path framework;
        try (var s = Files.list(Product.home().resolve("plugins"))) {
            framework = s.filter(p -> p.getFileName().toString().startsWith("org.eclipse.osgi_")).findFirst().orElseThrow();
        }
        try (var jar = new java.util.jar.JarFile(framework.toFile(), false)) {
            assertTrue(jar.stream().anyMatch(e -> e.getName().matches("META-INF/[^/]+\\.(RSA|DSA|EC)")),
                    "the framework jar is signed (else this test proves nothing): " + framework);
        }
        Path log = work.resolve("classes.txt");
        Product.Run r = Product.run(Product.home(), work,
                Map.of("PHOTOPARITY_NO_FAST_PATH", "1", "PHOTOPARITY_JAVA_OPTS",
                        (Runtime.version().feature() >= 24 ? "-XX:AOTMode=off" : "-Xshare:off")
                                + " -Xlog:class+load=info:file=" + log), "--version");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.stream().anyMatch(l -> l.contains(" org.eclipse.core.runtime.adaptor.EclipseStarter ")
                && l.contains("/plugins/org.eclipse.osgi_")), "the framework started from its jar");
        List<String> verified = lines.stream().filter(l -> l.contains(" sun.security.pkcs.PKCS7 ")).toList();
        assertTrue(verified.isEmpty(), "a jar signature was checked: " + verified);
    }

    @Test
    void versionWithoutOsgiPrintsWhatTheOsgiCommandPrints() throws Exception {
        Product.Run fast = Product.run(Product.home(), work, "--version");
        Product.Run osgi = Product.run(Product.home(), work, Map.of("PHOTOPARITY_NO_FAST_PATH", "1"), "--version");
        assertEquals(0, fast.exit(), fast.err());
        assertEquals(0, osgi.exit(), osgi.err());
        assertTrue(osgi.out().startsWith("PhotoParity 1.0.0."), osgi.out());
        assertEquals(osgi.out(), fast.out());
    }

    /**
     * The product's start script runs org.photoparity.launcher with -jar: its manifest enables native access for the
     * bundles, so Java 24+ prints no "restricted method" warning when SWT loads its libraries (nor when sqlite-jdbc
     * loads its own for a backup's databases) and will not block them in a later release.
     */
    @Test
    void theWorkbenchStartsWithNativeAccessForTheBundles() throws Exception {
        String display = System.getenv("DISPLAY");
        org.junit.jupiter.api.Assumptions.assumeTrue(display != null && !display.isBlank(),
                "the workbench needs a display (./mvnw starts Xvfb when DISPLAY is unset)");
        Path home = Product.copy(work.resolve("photoparity"));
        ProcessBuilder pb = new ProcessBuilder(List.of(home.resolve("photoparity").toString())).directory(work.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("DISPLAY", display);
        pb.environment().put("HOME", Files.createDirectories(work.resolve("home")).toString());
        pb.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        pb.environment().put("XDG_DATA_HOME", work.resolve("data").toString());
        pb.environment().put("XDG_CONFIG_HOME", work.resolve("config").toString());
        pb.environment().put("PHOTOPARITY_JAVA_OPTS", "-Dphotoparity.printStartup=true");
        String printed = Product.workbenchUntilUsable(pb);
        assertFalse(printed.contains(Product.RESTRICTED_WARNING), printed);
    }

    @Test
    void withoutADisplayTheWorkbenchSaysSoAndExitsWithUsage() throws Exception {
        Product.Run r = Product.run(Product.home(), work); // Product removes DISPLAY
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("no display"), r.err());
    }
}
