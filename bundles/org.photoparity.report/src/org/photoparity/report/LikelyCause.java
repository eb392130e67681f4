package org.photoparity.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.photoparity.core.model.Category;
import org.photoparity.core.model.ProbeStatus;

/**
 * One fix ranked as a likely cause of the mismatches found.
 *
 * @param rank        1 for the most likely
 * @param fix         the fix number (1-7)
 * @param title       the fix's title
 * @param score       the ranking score (see {@link LikelyCauses} for how it is computed)
 * @param probeStatus the worst status among the fix's probes, null when no probe ran for it
 * @param probeIds    the probes that ran for this fix
 * @param explains    mismatch counts of the categories this fix can explain (only those found)
 * @param explanation one or two sentences a technician can read out
 */
public record LikelyCause(int rank, int fix, String title, double score, ProbeStatus probeStatus,
        List<String> probeIds, Map<Category, Long> explains, String explanation) {

    public LikelyCause {
        probeIds = List.copyOf(probeIds);
        // keep the category order for display
        EnumMap<Category, Long> m = new EnumMap<>(Category.class);
        m.putAll(explains);
        explains = Collections.unmodifiableMap(m);
    }
}
