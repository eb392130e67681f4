package org.photoparity.core.registry;

import java.util.List;
import java.util.Map;

import org.photoparity.core.model.Category;

/**
 * One fix as the technician works it: why it causes mismatches, the ordered steps, how to confirm it worked, which
 * probes inform it, and which mismatch categories it can explain and how strongly (0-1). The text comes from a
 * properties file in the contributing bundle, the rest from its plugin.xml.
 */
public record StrategyDescriptor(String id, int fix, String title, String why, List<String> steps, String confirm,
        List<String> probeIds, String bundle, Map<Category, Double> explains) {

    public StrategyDescriptor {
        steps = List.copyOf(steps);
        probeIds = List.copyOf(probeIds);
        explains = Map.copyOf(explains);
    }

    public StrategyDescriptor(String id, int fix, String title, String why, List<String> steps, String confirm,
            List<String> probeIds, String bundle) {
        this(id, fix, title, why, steps, confirm, probeIds, bundle, Map.of());
    }
}
