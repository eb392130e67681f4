package org.photoparity.core.model;

import java.util.List;

/**
 * What a probe concluded.
 *
 * @param fix      the fix (1-7) it informs
 * @param id       the probe's id
 * @param status   PASS / WARN / FAIL / UNKNOWN
 * @param summary  one line
 * @param evidence the evidence lines it used, each naming where it came from
 */
public record ProbeResult(int fix, String id, ProbeStatus status, String summary, List<String> evidence) {
    public ProbeResult {
        evidence = List.copyOf(evidence);
    }
}
