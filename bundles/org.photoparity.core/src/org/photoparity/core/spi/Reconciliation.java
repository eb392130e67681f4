package org.photoparity.core.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;

/** The state of a reconciliation as the comparator chain works on it. */
public interface Reconciliation {

    SideInventory device();

    SideInventory cloud();

    /** Assets of the side not yet paired (and not yet reported as duplicates). */
    Collection<Asset> unmatched(SideRole side);

    /** Pairs a device asset with a cloud asset; {@code matchedBy} is the key that decided it. */
    void pair(Asset device, Asset cloud, String matchedBy);

    /** The pairs made so far. */
    List<Pair> pairs();

    /** Reports a difference. */
    void report(Mismatch mismatch);

    /** Marks an asset as a duplicate of another on the same side, so later matchers leave it alone. */
    void duplicate(SideRole side, Asset duplicate, Asset of);

    /** Matching thresholds and options (see the match bundle's documentation); never null. */
    Map<String, String> settings();

    /** A device asset and a cloud asset that are the same photo or video. */
    record Pair(Asset device, Asset cloud, String matchedBy) {
    }
}
