package org.photoparity.cases;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last analysis of a case found, in figures: enough for the Case Explorer and for a report header without
 * re-reading the results folder. The full results are in {@code results/report.json}.
 *
 * @param analyzedAt   ISO-8601 instant the analysis finished
 * @param millis       how long it took
 * @param deviceAssets assets scanned on the device side
 * @param cloudAssets  assets scanned on the cloud side
 * @param identical    assets on both sides unchanged
 * @param counts       mismatch count per category name
 * @param probes       probe id to status name (PASS, WARN, FAIL, UNKNOWN)
 * @param warnings     warnings the analysis raised
 */
public record LastAnalysis(String analyzedAt, long millis, long deviceAssets, long cloudAssets, long identical,
        Map<String, Long> counts, Map<String, String> probes, List<String> warnings) {

    public LastAnalysis {
        counts = counts == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
        probes = probes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(probes));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public long mismatches() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
