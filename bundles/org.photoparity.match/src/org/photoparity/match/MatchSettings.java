package org.photoparity.match;

import java.util.Map;

import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.Settings;

/**
 * The thresholds of the comparator chain, read from the settings map; the keys, defaults and ranges are declared
 * in this bundle's plugin.xml. Keys of other bundles are theirs to read.
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

    /**
     * The thresholds for the given settings. Defaults, types and ranges are declared once, in this bundle's
     * plugin.xml (org.photoparity.core.settings); a bad value is an error naming the key and what it expects.
     */
    public static MatchSettings of(Map<String, String> settings) {
        Settings d = PhotoParityRegistry.get().settings();
        return new MatchSettings(
                d.longValue(settings, CAPTURE_TIME_TOLERANCE_MS),
                d.booleanValue(settings, CAPTURE_TIME_SUBSECONDS),
                d.doubleValue(settings, ASPECT_TOLERANCE),
                d.longValue(settings, NAME_TIME_TOLERANCE_MS),
                d.longValue(settings, LISTING_TIME_TOLERANCE_MS),
                d.doubleValue(settings, REDUCED_RATIO),
                d.longValue(settings, DRIFT_TIME_TOLERANCE_MS),
                d.doubleValue(settings, DRIFT_LOCATION_METERS));
    }
}
