package org.photoparity.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.spi.CaseEvidence;

/**
 * Collects a probe's evidence lines and verdicts and makes its {@link ProbeResult}: the worst verdict wins
 * (FAIL over WARN over PASS) and, when nothing gave a verdict, the status is UNKNOWN, never PASS.
 */
public final class Findings {

    private final int fix;
    private final String id;
    private final List<String> evidence = new ArrayList<>();
    private ProbeStatus status;
    private final List<String> summaries = new ArrayList<>();

    public Findings(int fix, String id) {
        this.fix = fix;
        this.id = id;
    }

    /** An evidence line; each names where it came from and when (see {@link Provenance}). */
    public Findings evidence(String line) {
        evidence.add(line);
        return this;
    }

    public Findings evidence(Optional<String> line) {
        line.ifPresent(evidence::add);
        return this;
    }

    /** A conclusion from the evidence; the worst one decides the status, its reasons make the summary. */
    public Findings verdict(ProbeStatus s, String summary) {
        if (s == ProbeStatus.UNKNOWN) return this;
        if (status == null || rank(s) > rank(status)) {
            status = s;
            summaries.clear();
        }
        if (s == status && !summaries.contains(summary)) summaries.add(summary);
        return this;
    }

    public boolean hasVerdict() {
        return status != null;
    }

    public boolean hasEvidence() {
        return !evidence.isEmpty();
    }

    /** The technician's answer to a yes/no key, with its evidence line added when answered. */
    public Optional<Boolean> answer(CaseEvidence e, AnswerKey key) {
        Optional<String> v = e.answer(key.key());
        if (v.isEmpty()) return Optional.empty();
        evidence.add("answer " + key.key() + " = " + v.get() + " (" + Provenance.answer(e) + ")");
        return switch (v.get()) {
            case "yes" -> Optional.of(true);
            case "no" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** @param unknownSummary what is missing and the step to take, used when no verdict was reached */
    public ProbeResult result(String unknownSummary) {
        if (status == null) return new ProbeResult(fix, id, ProbeStatus.UNKNOWN, unknownSummary, evidence);
        return new ProbeResult(fix, id, status, String.join("; ", summaries), evidence);
    }

    private static int rank(ProbeStatus s) {
        return switch (s) {
            case PASS -> 1;
            case WARN -> 2;
            case FAIL -> 3;
            case UNKNOWN -> 0;
        };
    }
}
