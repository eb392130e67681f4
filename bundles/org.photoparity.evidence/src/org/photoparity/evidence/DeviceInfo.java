package org.photoparity.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What ideviceinfo said about the device, one entry per lockdown domain ({@link #ROOT}, {@link #DISK_USAGE},
 * {@link #BATTERY}, {@link #FMIP}...). Values are kept as the text ideviceinfo printed (numbers in decimal,
 * booleans as true/false) whether they came from the plain output or the -x XML plist.
 *
 * @param domains by domain name, in the order they were read
 */
public record DeviceInfo(Map<String, Domain> domains) {

    /** The default domain (ideviceinfo without -q): ProductType, ProductVersion, BuildVersion, DeviceName... */
    public static final String ROOT = "root";
    public static final String DISK_USAGE = "com.apple.disk_usage";
    public static final String BATTERY = "com.apple.mobile.battery";
    public static final String FMIP = "com.apple.fmip";

    /**
     * One domain's values and where they came from.
     *
     * @param name   the domain
     * @param values top-level keys and their values; nested dicts and arrays are flattened to Parent.Child keys
     * @param source the file (or {@link #LIVE}) they were read from
     * @param readAt when they were read, null when unknown
     * @param takenAt when ideviceinfo wrote them: the output file's modification time, the read time of a live read;
     *                null when unknown. What {@link Freshness} judges: a dump of last week is last week's iPhone
     */
    public record Domain(String name, Map<String, String> values, String source, java.time.Instant readAt,
            java.time.Instant takenAt) {
        public Domain {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        public Domain(String name, Map<String, String> values, String source) {
            this(name, values, source, null, null);
        }

        public Domain(String name, Map<String, String> values, String source, java.time.Instant readAt) {
            this(name, values, source, readAt, readAt);
        }

        /** "ideviceinfo file root.txt, read 20:14" or "ideviceinfo live, read 20:31". */
        public String provenance() {
            return (source.startsWith(LIVE) ? source : "ideviceinfo file " + source)
                    + (readAt == null ? "" : ", read " + Provenance.time(readAt));
        }
    }

    /** The source of domains read from an attached device. */
    public static final String LIVE = "ideviceinfo live";

    public DeviceInfo {
        domains = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(domains));
    }

    public static DeviceInfo of(List<Domain> list) {
        Map<String, Domain> m = new LinkedHashMap<>();
        for (Domain d : list) m.merge(d.name(), d, DeviceInfo::combine);
        return new DeviceInfo(m);
    }

    /** This and {@code other}; where both have a domain, the values are combined and the later file wins a key. */
    public DeviceInfo merge(DeviceInfo other) {
        Map<String, Domain> m = new LinkedHashMap<>(domains);
        for (Domain d : other.domains.values()) m.merge(d.name(), d, DeviceInfo::combine);
        return new DeviceInfo(m);
    }

    private static Domain combine(Domain a, Domain b) {
        Map<String, String> v = new LinkedHashMap<>(a.values());
        v.putAll(b.values());
        java.time.Instant at = later(a.readAt(), b.readAt());
        String source = a.source().equals(b.source()) ? a.source()
                : b.source().startsWith(LIVE) ? LIVE + " (over " + a.source() + ")" : a.source() + ", " + b.source();
        // the later file wins a key: the newer of the two is when the combined values were taken
        return new Domain(a.name(), v, source, at, later(a.takenAt(), b.takenAt()));
    }

    private static java.time.Instant later(java.time.Instant a, java.time.Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** When ideviceinfo wrote {@code domain}'s values, or null (no such domain, or not known). */
    public java.time.Instant takenAt(String domain) {
        Domain d = domains.get(domain);
        return d == null ? null : d.takenAt();
    }

    public Optional<Domain> domain(String name) {
        return Optional.ofNullable(domains.get(name));
    }

    public Optional<String> value(String domain, String key) {
        Domain d = domains.get(domain);
        String v = d == null ? null : d.values().get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public OptionalLong longValue(String domain, String key) {
        Optional<String> v = value(domain, key);
        if (v.isEmpty()) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(v.get()));
        } catch (NumberFormatException e) {
            try {
                return OptionalLong.of((long) Double.parseDouble(v.get()));
            } catch (NumberFormatException e2) {
                return OptionalLong.empty();
            }
        }
    }

    public Optional<Boolean> boolValue(String domain, String key) {
        return value(domain, key).map(s -> s.toLowerCase(Locale.ROOT)).flatMap(s -> switch (s) {
            case "true", "yes", "1" -> Optional.of(Boolean.TRUE);
            case "false", "no", "0" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        });
    }

    /** An evidence line naming the domain, key, value and where and when it was read; empty when absent. */
    public Optional<String> line(String domain, String key) {
        return value(domain, key).map(v -> "ideviceinfo " + domain + " " + key + " = " + v + " ("
                + domains.get(domain).provenance() + ")");
    }

    public List<String> sources() {
        List<String> s = new ArrayList<>();
        for (Domain d : domains.values()) if (!s.contains(d.source())) s.add(d.source());
        return s;
    }

    public boolean isEmpty() {
        return domains.isEmpty();
    }
}
