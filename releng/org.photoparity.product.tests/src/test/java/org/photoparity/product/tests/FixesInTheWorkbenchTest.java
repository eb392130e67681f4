package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 1 in the workbench: the real product with the network fix's bundle removed and an eighth fix (the
 * example extras bundle org.photoparity.extras.fix.datetime) added. Driven by FixesScenario (test-only bundle
 * org.photoparity.ui.restarttest), the workbench must show the eighth fix in Preferences > Probes (its setting),
 * in Window > Show View > Fixes, and in the Summary, Probes and Plug-ins views after the demo's analysis; the
 * removed fix's title, view and settings must appear nowhere.
 */
class FixesInTheWorkbenchTest {

    private static final long TIMEOUT_SECONDS = 150;
    private static final List<String> NETWORK_TEXTS = List.of("Network and iCloud reachability",
            "Network timeout per step (ms)", "Endpoints this computer checks", "Trust store password",
            "Company TLS-inspection CA trust store", "probe.network", "org.photoparity.fix.network");

    @TempDir
    Path tmp;

    @Test
    void anEighthFixTakesPartAndARemovedFixIsGoneFromTheWorkbench() throws Exception {
        Path home = WorkbenchRun.productCopy(tmp);
        Product.removeBundle(home, "org.photoparity.fix.network");
        Product.addBundle(home, Product.builtJar("org.photoparity.extras.fix.datetime"));
        Product.addBundle(home, Product.builtJar("org.photoparity.ui.restarttest"));

        Map<String, String> seen = WorkbenchRun.run(home, tmp, Files.createDirectories(tmp.resolve("workspace")),
                "fixes", "photoparity.fixestest.out", List.of(), List.of("-clean"), TIMEOUT_SECONDS);

        String prefs = seen.get("prefs.probes").replace("&&", "&");
        assertTrue(prefs.contains("Date & Time: warn when this share of pairs drifted (fraction)"), prefs);
        assertTrue(prefs.contains("Upload attempts before a stalled sync is suspected"),
                "the other fixes' settings stay: " + prefs);
        String views = seen.get("views.fixes");
        assertTrue(views.contains("org.photoparity.extras.fix.datetime.view | 8. Date & Time set automatically"),
                views);
        assertEquals(7, views.lines().count(), "six of the seven fixes plus the eighth: " + views);
        String texts = seen.get("workbench.texts").replace("&&", "&");
        assertTrue(texts.contains("Date & Time set automatically"), "the eighth fix in the views:\n" + texts);
        for (String gone : NETWORK_TEXTS) {
            assertFalse(prefs.contains(gone), gone + " in Preferences > Probes:\n" + prefs);
            assertFalse(views.contains(gone), gone + " in Show View > Fixes:\n" + views);
            assertFalse(texts.contains(gone), gone + " in the workbench:\n" + texts);
        }
    }
}
