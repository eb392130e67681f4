package org.photoparity.match;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.IComparator;

/**
 * Reconciles a device side with a cloud side asset by asset: runs the comparator chain (matchers, strongest key
 * first, then classifiers) over one {@link MatchState} and returns every difference with the key that decided it.
 */
public final class Reconciler {

    /** Runs the given chain in the given order. */
    public ReconcileResult reconcile(SideInventory device, SideInventory cloud, List<IComparator> chain,
            Map<String, String> settings, IProgressMonitor monitor) {
        check(device, SideRole.DEVICE);
        check(cloud, SideRole.CLOUD);
        SubMonitor sm = SubMonitor.convert(monitor, "Reconciling " + device.assets().size() + " device assets with "
                + cloud.assets().size() + " cloud assets", chain.size() + 1);
        MatchState state = new MatchState(device, cloud, settings);
        for (IComparator c : chain) {
            c.run(state, sm.split(1));
        }
        ReconcileResult result = state.result();
        sm.done();
        return result;
    }

    /** Runs the chain contributed to org.photoparity.core.comparators, in its declared order. */
    public ReconcileResult reconcile(SideInventory device, SideInventory cloud, Map<String, String> settings,
            IProgressMonitor monitor) {
        return reconcile(device, cloud, registryChain(), settings, monitor);
    }

    /**
     * The comparators of the registry, in chain order: the only chain there is (outside OSGi the registry parses
     * the plugin.xml files on the class path).
     */
    public static List<IComparator> registryChain() {
        return PhotoParityRegistry.get().chain();
    }

    private static void check(SideInventory side, SideRole expected) {
        if (side == null) throw new IllegalArgumentException("The " + expected.key() + " side is missing: scan it first");
        if (side.role() != expected) {
            throw new IllegalArgumentException("The " + expected.key() + " side was scanned as the " + side.role().key()
                    + " side: swap the two sources");
        }
    }
}
