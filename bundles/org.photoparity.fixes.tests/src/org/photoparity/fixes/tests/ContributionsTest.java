package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.StrategyDescriptor;
import org.photoparity.core.spi.IProbe;

/** Seven fixes, seven bundles, each with one probe, one strategy and one workbench view. */
class ContributionsTest {

    private static final List<String> FIXES = List.of("settings", "network", "icloudstorage", "devicestorage",
            "restart", "update", "charging");

    @Test
    void sevenProbesAndSevenStrategiesFromSevenBundles() {
        PhotoParityRegistry reg = PhotoParityRegistry.get();
        assertTrue(reg.problems().stream().noneMatch(p -> p.bundle().startsWith("org.photoparity.fix")),
                reg.problems().toString());
        List<Contribution<IProbe>> probes = reg.probes().stream()
                .filter(c -> c.bundle().startsWith("org.photoparity.fix.")).toList();
        List<Contribution<StrategyDescriptor>> strategies = reg.strategies().stream()
                .filter(c -> c.bundle().startsWith("org.photoparity.fix.")).toList();
        assertEquals(7, probes.size());
        assertEquals(7, strategies.size());
        for (int i = 0; i < 7; i++) {
            String name = FIXES.get(i);
            Contribution<IProbe> p = probes.get(i);
            Contribution<StrategyDescriptor> s = strategies.get(i);
            assertEquals("probe." + name, p.id());
            assertEquals(i + 1, p.intAttribute("fix", 0));
            assertEquals("org.photoparity.fix." + name, p.bundle());
            assertEquals("strategy." + name, s.id());
            assertEquals(p.bundle(), s.bundle(), "probe and strategy of a fix live in one bundle");
            StrategyDescriptor d = s.instance();
            assertEquals(i + 1, d.fix());
            assertEquals(List.of(p.id()), d.probeIds());
            assertTrue(d.steps().size() >= 4 && d.steps().size() <= 8, d.id() + " has " + d.steps().size() + " steps");
            assertTrue(d.why().length() > 200, d.id() + " why is too short");
            assertFalse(d.confirm().isBlank(), d.id() + " says how to confirm");
            assertTrue(d.steps().stream().allMatch(st -> st.length() > 40 && !st.contains("  ")),
                    d.id() + ": steps are full sentences without continuation gaps");
            // people read the categories' labels, never their ids (the text files may hold ids: they are replaced)
            for (String text : concat(d.why(), d.confirm(), d.steps())) {
                for (org.photoparity.core.model.Category c : org.photoparity.core.model.Category.values()) {
                    assertFalse(text.matches("(?s).*\\b" + c.name() + "\\b.*"), d.id() + " shows " + c.name() + ": " + text);
                }
            }
        }
        Set<String> bundles = probes.stream().map(Contribution::bundle).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(7, bundles.size());
    }

    private static List<String> concat(String why, String confirm, List<String> steps) {
        List<String> all = new java.util.ArrayList<>(steps);
        all.add(why);
        all.add(confirm);
        return all;
    }

    @Test
    void theSettingsFixSaysWhichCategoriesItCausesInWords() {
        StrategyDescriptor d = PhotoParityRegistry.get().strategies().stream()
                .filter(c -> c.id().equals("strategy.settings")).findFirst().orElseThrow().instance();
        assertTrue(d.why().contains("never reach the cloud (\u201cMissing in iCloud\u201d)"), d.why());
        assertTrue(d.why().contains("(\u201cMissing on the device\u201d)"), d.why());
    }

    @Test
    void eachFixDeclaresItsWorkbenchView() {
        // org.eclipse.ui is not in this test runtime: read the declarations from the contributing bundles
        List<String> declared = FIXES.stream().map(n -> {
            var entry = Platform.getBundle("org.photoparity.fix." + n).getEntry("plugin.xml");
            try (var in = entry.openStream()) {
                String xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(xml.contains("class=\"org.photoparity.ui.views.StrategyViewFactory:strategy." + n + "\""), n);
                assertTrue(xml.contains("category=\"org.photoparity.ui.category.fixes\""), n);
                return xml.contains("id=\"org.photoparity.fix." + n + ".view\"") ? n : null;
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }).filter(java.util.Objects::nonNull).toList();
        assertEquals(FIXES, declared);
    }
}
