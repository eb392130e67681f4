package org.photoparity.engine;

import java.util.List;

import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.spi.CaseEvidence;

/** The whole outcome of one analysis: the reconciliation, the probes, the evidence they used, and warnings. */
public record AnalysisResult(ReconcileResult result, List<ProbeResult> probes, CaseEvidence evidence,
        List<String> warnings) {

    public AnalysisResult {
        probes = List.copyOf(probes);
        warnings = List.copyOf(warnings);
    }
}
