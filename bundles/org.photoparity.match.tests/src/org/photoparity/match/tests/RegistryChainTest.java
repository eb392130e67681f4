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
import org.photoparity.core.spi.IComparator;
import org.photoparity.match.Reconciler;

/** The chain as the product sees it: read from the extension registry, in declared order. */
class RegistryChainTest {

    @Test
    void registryHoldsTheChainInOrder() {
        List<Contribution<IComparator>> all = PhotoParityRegistry.get().comparators();
        List<String> ours = new ArrayList<>();
        List<Integer> orders = new ArrayList<>();
        for (Contribution<IComparator> c : all) {
            if (c.bundle().equals("org.photoparity.match")) {
                ours.add(c.id());
                orders.add(c.intAttribute("order", -1));
            }
        }
        assertEquals(Reconciler.defaultChainIds(), ours);
        assertEquals(List.of(100, 110, 200, 210, 300, 310, 400, 500, 510, 600, 700, 800), orders);
        assertTrue(PhotoParityRegistry.get().problems().stream().noneMatch(p -> p.bundle().equals("org.photoparity.match")),
                () -> PhotoParityRegistry.get().problems().toString());
        // the instances are the classes the ids name
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(Reconciler.defaultChain().get(i).getClass(),
                    all.stream().filter(c -> c.bundle().equals("org.photoparity.match")).toList().get(i).instance()
                            .getClass());
        }
    }

    @Test
    void registryChainGivesTheSameResultAsTheDefaultChain() {
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
