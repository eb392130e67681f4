package org.photoparity.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.IComparator;
import org.photoparity.match.comparators.CaptureTimeMatcher;
import org.photoparity.match.comparators.CloudGuidMatcher;
import org.photoparity.match.comparators.ContentHashMatcher;
import org.photoparity.match.comparators.ContentIdentifierMatcher;
import org.photoparity.match.comparators.DuplicateClassifier;
import org.photoparity.match.comparators.FileNameMatcher;
import org.photoparity.match.comparators.FingerprintMatcher;
import org.photoparity.match.comparators.ImageUniqueIdMatcher;
import org.photoparity.match.comparators.MissingClassifier;
import org.photoparity.match.comparators.PairClassifier;
import org.photoparity.match.comparators.PayloadKeyMatcher;
import org.photoparity.match.comparators.ShiftedClockMatcher;

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

    /** The comparators of the running platform's registry, in chain order. */
    public static List<IComparator> registryChain() {
        List<IComparator> chain = new ArrayList<>();
        for (Contribution<IComparator> c : PhotoParityRegistry.get().comparators()) chain.add(c.instance());
        return chain;
    }

    /**
     * This bundle's own chain, in the order its plugin.xml declares, for callers outside a running platform (the
     * benchmark, plain unit tests). Inside the product the registry chain is the one to use: it includes
     * comparators other bundles contribute.
     */
    public static List<IComparator> defaultChain() {
        return List.of(new CloudGuidMatcher(), new FingerprintMatcher(), new ContentHashMatcher(),
                new PayloadKeyMatcher(), new ContentIdentifierMatcher(), new ImageUniqueIdMatcher(),
                new CaptureTimeMatcher(), new FileNameMatcher(), new ShiftedClockMatcher(), new DuplicateClassifier(),
                new PairClassifier(), new MissingClassifier());
    }

    /** Ids of {@link #defaultChain()}, in order: the ids plugin.xml declares. */
    public static List<String> defaultChainIds() {
        return List.of(CloudGuidMatcher.ID, FingerprintMatcher.ID, ContentHashMatcher.ID, PayloadKeyMatcher.ID,
                ContentIdentifierMatcher.ID, ImageUniqueIdMatcher.ID, CaptureTimeMatcher.ID, FileNameMatcher.ID,
                ShiftedClockMatcher.ID, DuplicateClassifier.ID, PairClassifier.ID, MissingClassifier.ID);
    }

    private static void check(SideInventory side, SideRole expected) {
        if (side == null) throw new IllegalArgumentException("The " + expected.key() + " side is missing: scan it first");
        if (side.role() != expected) {
            throw new IllegalArgumentException("The " + expected.key() + " side was scanned as the " + side.role().key()
                    + " side: swap the two sources");
        }
    }
}
