package org.photoparity.match;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The thresholds of the comparator chain, read from the settings map with documented defaults. Unknown keys are
 * ignored (other comparators may read their own); a known key with a value that is not a number is an error that
 * names the key and the expected form.
 */
public record MatchSettings(
        long captureTimeToleranceMs,
        boolean captureTimeRequiresSubSeconds,
        double aspectTolerance,
        long nameTimeToleranceMs,
        long listingTimeToleranceMs,
        double reducedRatio,
        long driftTimeToleranceMs,
        double driftLocationMeters) {

    public static final String CAPTURE_TIME_TOLERANCE_MS = "capture-time.tolerance-ms";
    public static final String CAPTURE_TIME_SUBSECONDS = "capture-time.require-subseconds";
    public static final String ASPECT_TOLERANCE = "aspect.tolerance";
    public static final String NAME_TIME_TOLERANCE_MS = "file-name.time-tolerance-ms";
    public static final String LISTING_TIME_TOLERANCE_MS = "listing.time-tolerance-ms";
    public static final String REDUCED_RATIO = "reduced.ratio";
    public static final String DRIFT_TIME_TOLERANCE_MS = "drift.time-tolerance-ms";
    public static final String DRIFT_LOCATION_METERS = "drift.location-meters";

    /** Every key with its default, in documentation order. */
    public static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(CAPTURE_TIME_TOLERANCE_MS, "0");
        m.put(CAPTURE_TIME_SUBSECONDS, "true");
        m.put(ASPECT_TOLERANCE, "0.02");
        m.put(NAME_TIME_TOLERANCE_MS, "2000");
        m.put(LISTING_TIME_TOLERANCE_MS, "60000");
        m.put(REDUCED_RATIO, "0.9");
        m.put(DRIFT_TIME_TOLERANCE_MS, "1000");
        m.put(DRIFT_LOCATION_METERS, "50");
        return m;
    }

    public static MatchSettings of(Map<String, String> settings) {
        Map<String, String> m = defaults();
        if (settings != null) {
            settings.forEach((k, v) -> {
                if (v != null && m.containsKey(k)) m.put(k, v.trim());
            });
        }
        MatchSettings s = new MatchSettings(
                nonNegativeLong(m, CAPTURE_TIME_TOLERANCE_MS),
                bool(m, CAPTURE_TIME_SUBSECONDS),
                fraction(m, ASPECT_TOLERANCE),
                nonNegativeLong(m, NAME_TIME_TOLERANCE_MS),
                nonNegativeLong(m, LISTING_TIME_TOLERANCE_MS),
                fraction(m, REDUCED_RATIO),
                nonNegativeLong(m, DRIFT_TIME_TOLERANCE_MS),
                nonNegativeDouble(m, DRIFT_LOCATION_METERS));
        return s;
    }

    private static long nonNegativeLong(Map<String, String> m, String key) {
        try {
            long v = Long.parseLong(m.get(key));
            if (v >= 0) return v;
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        throw new IllegalArgumentException("Setting " + key + " must be a whole number of 0 or more, was '"
                + m.get(key) + "'; default " + defaults().get(key));
    }

    private static double nonNegativeDouble(Map<String, String> m, String key) {
        try {
            double v = Double.parseDouble(m.get(key));
            if (v >= 0 && !Double.isNaN(v) && !Double.isInfinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        throw new IllegalArgumentException("Setting " + key + " must be a number of 0 or more, was '"
                + m.get(key) + "'; default " + defaults().get(key));
    }

    private static double fraction(Map<String, String> m, String key) {
        double v = nonNegativeDouble(m, key);
        if (v > 1) {
            throw new IllegalArgumentException("Setting " + key + " must be between 0 and 1, was '" + m.get(key)
                    + "'; default " + defaults().get(key));
        }
        return v;
    }

    private static boolean bool(Map<String, String> m, String key) {
        String v = m.get(key);
        if ("true".equalsIgnoreCase(v)) return true;
        if ("false".equalsIgnoreCase(v)) return false;
        throw new IllegalArgumentException("Setting " + key + " must be true or false, was '" + v + "'; default "
                + defaults().get(key));
    }
}
