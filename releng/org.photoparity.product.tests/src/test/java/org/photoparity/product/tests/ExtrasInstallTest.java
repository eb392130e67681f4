package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

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
    }
}
