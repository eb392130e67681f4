package org.photoparity.core.registry;

import java.util.Map;

/**
 * One working contribution: its declared metadata and, for sources, comparators and probes, the object that does
 * the work. The same object serves the workbench, the command line and the reports.
 *
 * @param kind       which extension point
 * @param id         the id declared in plugin.xml
 * @param name       the name declared in plugin.xml
 * @param bundle     symbolic name of the contributing bundle
 * @param version    version of the contributing bundle
 * @param attributes every attribute declared (order, fix, priority, description...)
 * @param instance   the implementation (for strategies: the {@link StrategyDescriptor})
 */
public record Contribution<T>(ContributionKind kind, String id, String name, String bundle, String version,
        Map<String, String> attributes, T instance) {

    public Contribution {
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String key) {
        return attributes.get(key);
    }

    public int intAttribute(String key, int fallback) {
        String v = attributes.get(key);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
