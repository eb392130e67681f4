package org.photoparity.core.registry;

import java.util.Locale;

/** The kinds of value a declared setting takes; each checks a value and says what it expects. */
public enum SettingType {
    BOOLEAN("true or false"),
    INTEGER("a whole number"),
    DECIMAL("a number"),
    TEXT("text"),
    /** Comma-separated text items. */
    LIST("a comma-separated list");

    private final String expects;

    SettingType(String expects) {
        this.expects = expects;
    }

    public String expects() {
        return expects;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named in plugin.xml (boolean, integer, decimal, text, list), or null. */
    public static SettingType of(String name) {
        if (name == null) return null;
        for (SettingType t : values()) {
            if (t.label().equals(name.trim().toLowerCase(Locale.ROOT))) return t;
        }
        return null;
    }
}
