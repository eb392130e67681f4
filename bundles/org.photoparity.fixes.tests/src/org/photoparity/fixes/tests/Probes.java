package org.photoparity.fixes.tests;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;
import org.photoparity.evidence.readers.EvidenceLoader;
import org.photoparity.evidence.readers.EvidenceOptions;

/** Runs probes the way the CLI and the workbench do: the instance the registry loaded from the fix's bundle. */
final class Probes {

    private Probes() {
    }

    static IProbe probe(String id) {
        return PhotoParityRegistry.get().probes().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("probe " + id + " not contributed; problems: "
                        + PhotoParityRegistry.get().problems()))
                .instance();
    }

    static ProbeResult run(String id, CaseEvidence e) {
        return probe(id).run(e, new NullProgressMonitor());
    }

    static ProbeResult run(String id, EvidenceOptions o, ReconcileResult r) {
        // warnings (e.g. a backup without Photos.sqlite) are the loader's business, tested in EvidenceTest
        return run(id, EvidenceLoader.load(o, r, new NullProgressMonitor()).evidence());
    }

    static CaseEvidence answers(Map<String, String> answers) {
        return new CaseEvidence(null, answers, Map.of("network.endpoints", "none"));
    }

    static CaseEvidence empty() {
        return new CaseEvidence(null, Map.of(), Map.of("network.endpoints", "none"));
    }

    /** Asserts the status, and that a PASS/WARN/FAIL names its evidence while an UNKNOWN says what to give. */
    static ProbeResult expect(ProbeStatus status, ProbeResult r) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but was " + r.status() + ": " + r.summary() + "\n  "
                    + String.join("\n  ", r.evidence()));
        }
        if (status != ProbeStatus.UNKNOWN && r.evidence().isEmpty()) {
            throw new AssertionError(status + " without evidence lines: " + r.summary());
        }
        if (r.summary() == null || r.summary().isBlank()) throw new AssertionError("no summary");
        return r;
    }

    static boolean anyContains(List<String> lines, String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }
}
