package org.photoparity.match.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.SettingDescriptor;
import org.photoparity.core.spi.IComparator;
import org.photoparity.match.MatchSettings;
import org.photoparity.match.Reconciler;

/** The chain as the product sees it: read from plugin.xml through the registry, the only chain there is. */
class RegistryChainTest {

    private static final String MATCH = "org.photoparity.match";

    @Test
    void registryHoldsTheChainInDeclaredOrder() {
        List<String> ids = new ArrayList<>();
        List<Integer> orders = new ArrayList<>();
        for (Contribution<IComparator> c : PhotoParityRegistry.get().comparators()) {
            if (c.bundle().equals(MATCH)) {
                ids.add(c.id());
                orders.add(c.intAttribute("order", -1));
            }
        }
        assertEquals(List.of("cloud-guid", "fingerprint", "content-hash", "payload-key", "content-identifier",
                "image-unique-id", "capture-time", "file-name", "shifted-clock", "same-side-duplicates",
                "pair-differences", "missing"), ids);
        assertEquals(List.of(100, 110, 200, 210, 300, 310, 400, 500, 510, 600, 700, 800), orders);
        assertTrue(PhotoParityRegistry.get().problems().stream().noneMatch(p -> p.bundle().equals(MATCH)),
                () -> PhotoParityRegistry.get().problems().toString());
        assertEquals(PhotoParityRegistry.get().comparators().size(), Reconciler.registryChain().size());
    }

    /** What benchmarks and tools without OSGi get: the same plugin.xml, parsed from the class path. */
    @Test
    void plainClassPathReadsTheSameChain() {
        PhotoParityRegistry parsed = PhotoParityRegistry.fromClassPath(Reconciler.class.getClassLoader());
        List<String> platform = PhotoParityRegistry.get().comparators().stream().filter(c -> c.bundle().equals(MATCH))
                .map(Contribution::id).toList();
        List<String> fromXml = parsed.comparators().stream().filter(c -> c.bundle().equals(MATCH))
                .map(Contribution::id).toList();
        assertEquals(platform, fromXml, parsed.problems().toString());
        assertEquals(PhotoParityRegistry.get().settings().get(MatchSettings.REDUCED_RATIO),
                parsed.settings().get(MatchSettings.REDUCED_RATIO));
    }

    @Test
    void matchingSettingsAreDeclaredOnceByThisBundle() {
        List<SettingDescriptor> ours = PhotoParityRegistry.get().settings().all().stream()
                .filter(s -> s.bundle().equals(MATCH)).toList();
        assertEquals(8, ours.size());
        SettingDescriptor r = PhotoParityRegistry.get().settings().get(MatchSettings.REDUCED_RATIO);
        assertEquals("0.9", r.defaultValue());
        assertEquals(0.9, MatchSettings.of(Map.of()).reducedRatio(), 1e-12);
        assertEquals(1.0, r.max(), 0);
        assertTrue(r.label().contains("fraction"), r.label());
    }

    @Test
    void registryChainReconciles() {
        List<Asset> device = List.of(
                Lib.photo("d1", Lib.f("DCIM/IMG_0001.HEIC").fp("a")),
                Lib.photo("d2", Lib.f("DCIM/IMG_0002.HEIC").fp("b").uid("U2")));
        List<Asset> cloud = List.of(
                Lib.photo("c2", Lib.f("x/IMG_0002.JPG").fp("c").uid("U2")),
                Lib.photo("c3", Lib.f("x/IMG_0003.HEIC").fp("d")));
        ReconcileResult viaRegistry = new Reconciler().reconcile(Lib.side(SideRole.DEVICE, device),
                Lib.side(SideRole.CLOUD, cloud), Map.of(), new NullProgressMonitor());
        assertEquals(List.of("MISSING_IN_CLOUD [DCIM/IMG_0001.HEIC] [] by null",
                "MISSING_ON_DEVICE [] [x/IMG_0003.HEIC] by null",
                "CONVERTED [DCIM/IMG_0002.HEIC] [x/IMG_0002.JPG] by image-unique-id"),
                ReconcilerTest.lines(viaRegistry));
    }
}
