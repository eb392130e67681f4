package org.photoparity.core.registry;

import java.util.List;

/**
 * One of the seven fixes as the technician works it: why it causes mismatches, the ordered steps, how to confirm
 * it worked, and which probes inform it. The text comes from a properties file in the contributing bundle.
 */
public record StrategyDescriptor(String id, int fix, String title, String why, List<String> steps, String confirm,
        List<String> probeIds, String bundle) {

    public StrategyDescriptor {
        steps = List.copyOf(steps);
        probeIds = List.copyOf(probeIds);
    }
}
