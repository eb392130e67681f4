package org.photoparity.core.registry;

import java.util.Locale;

/** The extension points of org.photoparity.core. */
public enum ContributionKind {
    SOURCE("sources", "source"),
    COMPARATOR("comparators", "comparator"),
    PROBE("probes", "probe"),
    STRATEGY("strategies", "strategy"),
    SETTING("settings", "setting");

    private final String point;
    private final String element;

    ContributionKind(String point, String element) {
        this.point = point;
        this.element = element;
    }

    /** Full extension point id. */
    public String pointId() {
        return "org.photoparity.core." + point;
    }

    public String element() {
        return element;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
