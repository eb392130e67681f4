package org.photoparity.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.registry.PhotoParityRegistry;

/**
 * Everything known about a case that a probe may use: the reconciliation result (when an analysis ran), the
 * technician's answers (documented keys), probe settings, and typed evidence records contributed by readers
 * (ideviceinfo domains, backup facts, Photos.sqlite statistics...).
 */
public final class CaseEvidence {

    private final ReconcileResult result;
    private final Map<String, String> answers;
    private final Map<String, String> settings;
    private final Map<Class<?>, Object> records = new LinkedHashMap<>();

    public CaseEvidence(ReconcileResult result, Map<String, String> answers, Map<String, String> settings) {
        this.result = result;
        this.answers = answers == null ? Map.of() : Map.copyOf(answers);
        this.settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    /** The last analysis, when there is one. */
    public Optional<ReconcileResult> result() {
        return Optional.ofNullable(result);
    }

    /** The technician's answers, by the keys documented in the answers file format. */
    public Map<String, String> answers() {
        return answers;
    }

    public Optional<String> answer(String key) {
        String v = answers.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** Probe settings (endpoints, timeouts, plan sizes), by key. */
    public Map<String, String> settings() {
        return settings;
    }

    /**
     * A setting's value: as given, else the default its owning bundle declares (org.photoparity.core.settings);
     * null for a key no installed bundle declares.
     */
    public String setting(String key) {
        return PhotoParityRegistry.get().settings().value(settings, key);
    }

    /** The same answers, settings and records with another result (the same analysis, judged with the evidence). */
    public CaseEvidence withResult(ReconcileResult other) {
        CaseEvidence copy = new CaseEvidence(other, answers, settings);
        copy.records.putAll(records);
        return copy;
    }

    public <T> CaseEvidence with(Class<T> type, T record) {
        records.put(type, type.cast(record));
        return this;
    }

    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(type.cast(records.get(type)));
    }

    public Map<Class<?>, Object> records() {
        return Collections.unmodifiableMap(records);
    }
}
