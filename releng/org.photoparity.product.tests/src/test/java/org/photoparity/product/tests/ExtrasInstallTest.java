package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extras feature is not in the product but on the update site that releng builds. Installing it with p2 (the
 * same engine as Help > Install New Software, driven headless by the p2 director) adds its comparator to the
 * registry after the restart.
 */
class ExtrasInstallTest {

    @TempDir
    Path tmp;

    @Test
    void installingTheExtrasFeatureFromTheUpdateSiteAddsItsComparator() throws Exception {
        Path home = Product.copy(tmp.resolve("photoparity"));
        Path site = Paths.get(System.getProperty("photoparity.updatesite")).toAbsolutePath();
        assertTrue(Files.isRegularFile(site.resolve("content.jar")), "update site built at " + site);

        Product.Run before = Product.run(home, tmp, "plugins");
        assertEquals(0, before.exit(), before.err());
        assertFalse(before.out().contains("perceptual-hash"), "extras are not in the default product");

        Product.Run install = Product.runApplication(home, tmp, "org.eclipse.equinox.p2.director", "-repository",
                site.toUri().toString(), "-installIU", "org.photoparity.extras.feature.feature.group");
        assertEquals(0, install.exit(), install.out() + install.err());
        assertTrue(install.out().contains("Operation completed"), install.out());

        Product.Run after = Product.run(home, tmp, "plugins");
        assertEquals(0, after.exit(), after.err());
        assertTrue(after.out().lines().anyMatch(l -> l.startsWith("comparator") && l.contains("perceptual-hash")
                && l.contains("org.photoparity.extras.perceptual")), after.out());

        // the example fix of the extras feature: an eighth fix, in every surface
        String fixBundle = "org.photoparity.extras.fix.datetime";
        for (String kind : List.of("probe ", "strategy ", "setting ")) {
            assertTrue(after.out().lines().anyMatch(l -> l.startsWith(kind) && l.contains(fixBundle)),
                    kind + "of the example fix:\n" + after.out());
        }
        assertTrue(after.out().lines().noneMatch(l -> l.startsWith("BROKEN")), after.out());
        Product.Run probes = Product.run(home, tmp, "probes", "--set", "network.endpoints=none");
        assertEquals(0, probes.exit(), probes.err());
        assertTrue(probes.out().lines().anyMatch(l -> l.contains("fix 8") && l.contains("Date & Time set automatically")),
                probes.out());
        Product.Run badValue = Product.run(home, tmp, "probes", "--set", "datetime.drift-share.warn=2");
        assertEquals(2, badValue.exit(), badValue.out() + badValue.err());
        assertTrue(badValue.err().contains("datetime.drift-share.warn must be a number from 0 to 1"), badValue.err());

        Path out = tmp.resolve("report");
        Product.Run analyze = Product.run(home, tmp, "analyze", "--out", out.toString(), "--no-cache", "--set",
                "network.endpoints=none", "--set", "datetime.drift-share.warn=0");
        assertEquals(0, analyze.exit(), analyze.out() + analyze.err());
        assertTrue(analyze.out().lines().anyMatch(l -> l.contains("fix 8") && l.contains("Date & Time set automatically")),
                analyze.out());
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("\"id\" : \"probe.datetime\""), json);
        assertTrue(json.contains("\"title\" : \"Date & Time set automatically\""), "ranked with its title: " + json);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Fix 8</span> <b>Date &amp; Time set automatically"), "report.html ranks fix 8");
    }
}
