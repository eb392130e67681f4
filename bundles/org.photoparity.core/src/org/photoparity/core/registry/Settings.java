package org.photoparity.core.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings the installed bundles declare: defaults, checking of given values, typed reads. A key no installed
 * bundle declares is refused (a misspelt key must not be silently ignored).
 */
public final class Settings {

    private final Map<String, SettingDescriptor> byKey = new LinkedHashMap<>();

    Settings(List<SettingDescriptor> declared) {
        for (SettingDescriptor d : declared) byKey.put(d.key(), d);
    }

    /** In declaration order, grouped as declared. */
    public List<SettingDescriptor> all() {
        return List.copyOf(byKey.values());
    }

    public SettingDescriptor get(String key) {
        return byKey.get(key);
    }

    public List<String> keys() {
        return List.copyOf(byKey.keySet());
    }

    /** Every declared key with its default. */
    public Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        for (SettingDescriptor d : byKey.values()) m.put(d.key(), d.defaultValue());
        return m;
    }

    /** The problems with {@code given} (unknown keys, invalid values), each a sentence; empty when all is well. */
    public List<String> problems(Map<String, String> given) {
        List<String> out = new ArrayList<>();
        if (given == null) return out;
        for (var e : given.entrySet()) {
            SettingDescriptor d = byKey.get(e.getKey());
            if (d == null) {
                out.add("unknown setting '" + e.getKey() + "'; valid keys: " + String.join(", ", byKey.keySet()));
            } else {
                String p = d.check(e.getValue());
                if (p != null) out.add(p);
            }
        }
        return out;
    }

    /**
     * The defaults overlaid with {@code given}, every value checked.
     *
     * @throws IllegalArgumentException naming the first bad key and the valid ones
     */
    public Map<String, String> resolve(Map<String, String> given) {
        List<String> p = problems(given);
        if (!p.isEmpty()) throw new IllegalArgumentException(p.get(0));
        Map<String, String> m = defaults();
        if (given != null) given.forEach((k, v) -> m.put(k, v.trim()));
        return m;
    }

    /** The given value, else the declared default; null for a key nobody declares. */
    public String value(Map<String, String> given, String key) {
        String v = given == null ? null : given.get(key);
        if (v != null) return v.trim();
        SettingDescriptor d = byKey.get(key);
        return d == null ? null : d.defaultValue();
    }

    private String checked(Map<String, String> given, String key) {
        SettingDescriptor d = byKey.get(key);
        if (d == null) {
            throw new IllegalArgumentException("setting " + key + " is not declared by any installed bundle");
        }
        String v = value(given, key);
        String p = d.check(v);
        if (p != null) throw new IllegalArgumentException(p);
        return v.trim();
    }

    public long longValue(Map<String, String> given, String key) {
        return Long.parseLong(checked(given, key));
    }

    public double doubleValue(Map<String, String> given, String key) {
        return Double.parseDouble(checked(given, key));
    }

    public boolean booleanValue(Map<String, String> given, String key) {
        return Boolean.parseBoolean(checked(given, key));
    }

    public String textValue(Map<String, String> given, String key) {
        return checked(given, key);
    }
}
