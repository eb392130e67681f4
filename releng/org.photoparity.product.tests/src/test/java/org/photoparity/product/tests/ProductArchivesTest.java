package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product archives the build makes for each platform (issue 15): each holds its platform's SWT fragment and no
 * other's, its start script (executable where that matters) starting org.photoparity.launcher, and a configuration
 * that lists them; the update site serves every platform's fragment; the Linux archive, unpacked, runs.
 */
class ProductArchivesTest {

    record Platform(String archive, String root, String swt, String script, String otherFragments) {
    }

    static final List<Platform> PLATFORMS = List.of(
            new Platform("photoparity-linux.gtk.x86_64.tar.gz", "photoparity/", "org.eclipse.swt.gtk.linux.x86_64_",
                    "photoparity", "win32|cocoa"),
            new Platform("photoparity-win32.win32.x86_64.zip", "photoparity/", "org.eclipse.swt.win32.win32.x86_64_",
                    "photoparity.cmd", "gtk|cocoa"),
            new Platform("photoparity-macosx.cocoa.aarch64.tar.gz", "photoparity.app/Contents/Eclipse/",
                    "org.eclipse.swt.cocoa.macosx.aarch64_", "PhotoParity.command", "gtk|win32"));

    @TempDir
    Path tmp;

    static Path products() {
        Path p = Paths.get(System.getProperty("photoparity.products", "missing"));
        if (!Files.isDirectory(p)) throw new IllegalStateException("no products folder " + p + ": build the reactor");
        return p;
    }

    @Test
    void eachArchiveHoldsItsPlatformsSwtFragmentAndStartScript() throws Exception {
        for (Platform pf : PLATFORMS) {
            Path archive = products().resolve(pf.archive());
            assertTrue(Files.isRegularFile(archive), "no archive " + archive);
            Map<String, Entry> entries = read(archive);
            String where = pf.archive() + ": ";

            List<String> swt = entries.keySet().stream().filter(n -> n.startsWith(pf.root() + "plugins/org.eclipse.swt."))
                    .filter(n -> !n.contains("org.eclipse.swt.svg_") && !n.matches(".*/org\\.eclipse\\.swt_[^/]*\\.jar"))
                    .toList();
            assertEquals(1, swt.size(), where + "exactly one platform SWT fragment: " + swt);
            assertTrue(swt.get(0).startsWith(pf.root() + "plugins/" + pf.swt()), where + swt);
            assertFalse(entries.keySet().stream().anyMatch(n -> n.matches(".*plugins/org\\.eclipse\\.swt\\.("
                    + pf.otherFragments() + ")\\..*")), where + "another platform's fragment is in the archive");

            Entry script = entries.get(pf.root() + pf.script());
            assertTrue(script != null, where + "no start script " + pf.script() + " in " + pf.root());
            String text = script.text();
            assertTrue(text.contains("org.photoparity.launcher_"), where + "the script starts the launcher jar");
            assertTrue(text.contains("JAVA_HOME") && text.contains("runtime"), where
                    + "the script looks for a bundled runtime and JAVA_HOME");
            if (pf.script().endsWith(".cmd")) {
                assertTrue(text.contains("\r\n") && !text.replace("\r\n", "").contains("\n"), where
                        + "CRLF line ends for cmd.exe");
            } else {
                assertTrue(text.startsWith("#!/bin/sh"), where + text);
                assertTrue((script.mode() & 0111) != 0, where + "the start script is not executable: "
                        + Integer.toOctalString(script.mode()));
            }
            if (pf.script().endsWith(".command")) {
                assertTrue(text.contains("-XstartOnFirstThread"), where + "SWT on macOS needs the first thread");
            }

            String ini = entries.get(pf.root() + "configuration/config.ini").text();
            assertTrue(ini.contains("eclipse.product=org.photoparity.ui.product"), where + ini);
            assertTrue(ini.contains("eclipse.application=org.photoparity.ui.workbench"), where + ini);
            String bundles = entries.get(pf.root()
                    + "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info").text();
            assertTrue(bundles.lines().anyMatch(l -> l.startsWith(pf.swt().replaceAll("_$", ","))), where
                    + "bundles.info lists the fragment");
            assertTrue(bundles.lines().anyMatch(l -> l.startsWith("org.photoparity.launcher,")), where);
            assertTrue(bundles.lines().anyMatch(l -> l.startsWith("org.apache.felix.scr,") && l.contains(",5,true")),
                    where + "declarative services start at level 5, above the headless level 4");
        }
    }

    @Test
    void theUpdateSiteServesEveryPlatformsFragment() throws Exception {
        Path site = Paths.get(System.getProperty("photoparity.updatesite"));
        try (Stream<Path> s = Files.list(site.resolve("plugins"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            for (Platform pf : PLATFORMS) {
                assertTrue(names.stream().anyMatch(n -> n.startsWith(pf.swt())), pf.swt() + " on the update site");
            }
            assertTrue(names.stream().anyMatch(n -> n.startsWith("org.photoparity.launcher_")), names.toString());
        }
    }

    @Test
    void theLinuxArchiveUnpackedRunsItsStartScript() throws Exception {
        Path archive = products().resolve(PLATFORMS.get(0).archive());
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", tmp.toString()).inheritIO().start();
        assertTrue(tar.waitFor(5, TimeUnit.MINUTES) && tar.exitValue() == 0, "tar -xzf " + archive);
        Path home = tmp.resolve("photoparity");
        Product.Run v = Product.run(home, tmp, Map.of("PHOTOPARITY_NO_FAST_PATH", "1"), "--version");
        assertEquals(0, v.exit(), v.err());
        assertTrue(v.out().startsWith("PhotoParity 1.0.0."), v.out());
        Product.Run p = Product.run(home, tmp, "plugins");
        assertEquals(0, p.exit(), p.err());
        assertTrue(p.out().lines().anyMatch(l -> l.startsWith("source ")), p.out());
    }

    record Entry(byte[] bytes, int mode) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Entries of a zip (java.util.zip; no modes) or a tar.gz (tar; with modes), small text files with content. */
    private Map<String, Entry> read(Path archive) throws Exception {
        Map<String, Entry> out = new HashMap<>();
        if (archive.toString().endsWith(".zip")) {
            try (ZipInputStream z = new ZipInputStream(Files.newInputStream(archive))) {
                for (ZipEntry e; (e = z.getNextEntry()) != null;) {
                    out.put(e.getName(), new Entry(wanted(e.getName()) ? z.readAllBytes() : new byte[0], 0644));
                }
            }
            return out;
        }
        Path dir = Files.createTempDirectory(tmp, "x");
        List<String> cmd = new ArrayList<>(List.of("tar", "-tvzf", archive.toString()));
        Process list = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String listing = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(list.waitFor(5, TimeUnit.MINUTES) && list.exitValue() == 0, listing);
        Process x = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString()).inheritIO().start();
        assertTrue(x.waitFor(5, TimeUnit.MINUTES) && x.exitValue() == 0, "tar -xzf " + archive);
        for (String line : listing.lines().toList()) {
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 6 || f[0].startsWith("d")) continue;
            String name = f[5];
            out.put(name, new Entry(wanted(name) ? Files.readAllBytes(dir.resolve(name)) : new byte[0], mode(f[0])));
        }
        return out;
    }

    private static boolean wanted(String name) {
        return !name.contains("/plugins/") && !name.contains("/features/") && !name.endsWith(".jar");
    }

    private static int mode(String perms) {
        int m = 0;
        for (int i = 1; i < 10 && i < perms.length(); i++) m = (m << 1) | (perms.charAt(i) == '-' ? 0 : 1);
        return m;
    }
}
