package org.photoparity.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The iCloud storage tiers (free and iCloud+), in decimal bytes as Apple counts them. */
public enum IcloudPlan {
    FREE_5GB("5GB", 5L), PLUS_50GB("50GB", 50L), PLUS_200GB("200GB", 200L), PLUS_2TB("2TB", 2_000L),
    PLUS_6TB("6TB", 6_000L), PLUS_12TB("12TB", 12_000L);

    private static final long GB = 1_000_000_000L;

    private final String label;
    private final long bytes;

    IcloudPlan(String label, long gigabytes) {
        this.label = label;
        this.bytes = gigabytes * GB;
    }

    public String label() {
        return label;
    }

    public long bytes() {
        return bytes;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(IcloudPlan::label).toList();
    }

    /** Accepts "50GB", "50 GB", "50", "2TB", "2 tb", "free"... */
    public static Optional<IcloudPlan> parse(String raw) {
        String v = raw.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (v.equals("FREE")) return Optional.of(FREE_5GB);
        if (v.matches("\\d+")) v = v + (Long.parseLong(v) <= 200 ? "GB" : "");
        for (IcloudPlan p : values()) if (p.label.equals(v)) return Optional.of(p);
        return Optional.empty();
    }

    /** The smallest plan holding {@code needed} bytes, or empty when even the largest does not. */
    public static Optional<IcloudPlan> smallestFitting(long needed) {
        for (IcloudPlan p : values()) if (p.bytes >= needed) return Optional.of(p);
        return Optional.empty();
    }
}
