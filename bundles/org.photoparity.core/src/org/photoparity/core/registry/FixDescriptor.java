package org.photoparity.core.registry;

import java.util.List;
import java.util.Map;

import org.photoparity.core.model.Category;

/**
 * A fix as the installed bundles declare it: its number and title (from its strategy, or its probe when it has no
 * strategy), the mismatch categories it can explain and how strongly (0-1, from the strategy's
 * {@code <explains>} elements), and the probes that inform it. What the likely-cause ranking, its titles and its
 * table are built from; a fix whose bundle is not installed is not here.
 */
public record FixDescriptor(int number, String title, Map<Category, Double> explains, List<String> probeIds,
        String bundle) {

    public FixDescriptor {
        explains = Map.copyOf(explains);
        probeIds = List.copyOf(probeIds);
    }

    /** How strongly this fix explains a category, 0 when it does not. */
    public double strength(Category c) {
        return explains.getOrDefault(c, 0.0);
    }
}
