package org.photoparity.ui.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.spi.CaseEvidence;

/**
 * The case the workbench shows and what is known about it: the last reconciliation, probe results, evidence, the
 * state of a running analysis. One instance lives in the workbench's application context ({@link #current()}); parts
 * get it injected and listen to it. It is confined to the UI thread: background jobs hand their results over with
 * {@code Display.asyncExec}.
 */
public final class CaseSession {

    /** What changed. */
    public enum Change {
        CASE, RESULT, PROBES, CHECKLIST, ANALYSIS, ANSWERS, CATEGORY_REQUEST,
        /** Whether the sources changed since the saved results shown ({@link #sourcesChangedSince()}). */
        SOURCES
    }

    /** Where an analysis of the open case stands. */
    public enum Phase {
        IDLE, RUNNING, FAILED, CANCELLED
    }

    /**
     * The analysis state shown by the Summary: {@code text} is the current step while running, the reason when it
     * failed.
     */
    public record AnalysisState(Phase phase, String text) {
        public static final AnalysisState IDLE = new AnalysisState(Phase.IDLE, "");
    }

    @FunctionalInterface
    public interface Listener {
        void sessionChanged(Change change);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private CaseFolder caseFolder;
    private ReconcileResult result;
    private CaseEvidence evidence;
    private List<String> warnings = List.of();
    private final Map<String, ProbeResult> probes = new LinkedHashMap<>();
    /** Ticks made while no case is open: kept for the session only. */
    private final Map<String, Set<Integer>> unsavedChecklist = new HashMap<>();

    private AnalysisState analysis = AnalysisState.IDLE;
    /** When the results shown were analysed, if they were read back from the case's saved results; else null. */
    private java.time.Instant savedAt;
    /** Set when the sources changed since the saved results shown: the time of that analysis. */
    private java.time.Instant sourcesChangedSince;
    private org.photoparity.core.model.Category requestedCategory;

    /**
     * The session of the running workbench, kept in its application context (created there on first use). For
     * handlers and start-up code; parts get it injected.
     */
    public static CaseSession current() {
        org.eclipse.e4.core.contexts.IEclipseContext ctx = org.eclipse.ui.PlatformUI.getWorkbench()
                .getService(org.eclipse.e4.core.contexts.IEclipseContext.class);
        CaseSession s = ctx.get(CaseSession.class);
        if (s == null) {
            s = new CaseSession();
            ctx.set(CaseSession.class, s);
        }
        return s;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    private void fire(Change c) {
        for (Listener l : listeners) l.sessionChanged(c);
    }

    public CaseFolder caseFolder() {
        return caseFolder;
    }

    public boolean hasCase() {
        return caseFolder != null;
    }

    /** Shows {@code c}; forgets the previous case's results. */
    public void open(CaseFolder c) {
        caseFolder = c;
        result = null;
        evidence = null;
        warnings = List.of();
        probes.clear();
        analysis = AnalysisState.IDLE;
        savedAt = null;
        sourcesChangedSince = null;
        fire(Change.CASE);
        fire(Change.RESULT);
        fire(Change.PROBES);
        fire(Change.CHECKLIST);
    }

    public ReconcileResult result() {
        return result;
    }

    public CaseEvidence evidence() {
        return evidence;
    }

    public List<String> warnings() {
        return warnings;
    }

    public AnalysisState analysis() {
        return analysis;
    }

    /** Records where the analysis of the open case stands (running with its step, failed with the reason...). */
    public void setAnalysis(AnalysisState state) {
        analysis = state == null ? AnalysisState.IDLE : state;
        fire(Change.ANALYSIS);
    }

    /** Asks whoever lists mismatches to show {@code c} only (a click on a Summary bar); null shows all. */
    public void requestCategory(org.photoparity.core.model.Category c) {
        requestedCategory = c;
        fire(Change.CATEGORY_REQUEST);
    }

    /** The category asked for by the last {@link #requestCategory}, once. */
    public org.photoparity.core.model.Category takeRequestedCategory() {
        org.photoparity.core.model.Category c = requestedCategory;
        requestedCategory = null;
        return c;
    }

    /**
     * Shows the case's saved last results (read back from its results folder, no analysis run): the probes run on
     * them later use the case's answers and the settings, as before any analysis.
     */
    public void showSaved(org.photoparity.engine.SavedResults.Saved saved) {
        analysed(saved.result(), saved.probes(), null, saved.warnings());
        savedAt = saved.analyzedAt();
        fire(Change.SOURCES);
    }

    /** When the results shown were analysed if they are the case's saved ones (no analysis since the case opened). */
    public java.time.Instant savedAt() {
        return savedAt;
    }

    /** Null, or the analysis time of the saved results shown when the sources changed since then. */
    public java.time.Instant sourcesChangedSince() {
        return sourcesChangedSince;
    }

    /** Records that the sources changed since the saved results shown (their analysis time), or not (null). */
    public void setSourcesChangedSince(java.time.Instant since) {
        sourcesChangedSince = since;
        fire(Change.SOURCES);
    }

    /** Installs a finished analysis. */
    public void analysed(ReconcileResult r, List<ProbeResult> probeResults, CaseEvidence e, List<String> w) {
        boolean wasStale = sourcesChangedSince != null;
        savedAt = null;
        sourcesChangedSince = null;
        result = r;
        evidence = e;
        warnings = w == null ? List.of() : List.copyOf(w);
        probes.clear();
        for (ProbeResult p : probeResults) probes.put(p.id(), p);
        fire(Change.RESULT);
        fire(Change.PROBES);
        if (wasStale) fire(Change.SOURCES);
    }

    /** Probe results, in the order they were run. */
    public List<ProbeResult> probes() {
        return new ArrayList<>(probes.values());
    }

    public ProbeResult probe(String id) {
        return probes.get(id);
    }

    /** Replaces the results of the probes that were re-run, keeps the others. */
    public void probesRerun(Collection<ProbeResult> rerun) {
        for (ProbeResult p : rerun) probes.put(p.id(), p);
        fire(Change.PROBES);
    }

    /**
     * The evidence probes run on: the last analysis's, or when there is none yet, the case's answers and the
     * workbench settings.
     */
    public CaseEvidence evidenceForProbes(Map<String, String> settings) {
        if (evidence != null) return evidence;
        return new CaseEvidence(result, canonicalAnswers(), settings);
    }

    /** The answers as the probes read them (yes/no, 50GB...), from the case's answers file. */
    private Map<String, String> canonicalAnswers() {
        if (caseFolder == null || !Files.isRegularFile(caseFolder.answersFile())) return Map.of();
        try {
            return org.photoparity.evidence.readers.AnswersFile.read(caseFolder.answersFile()).answers();
        } catch (IOException e) {
            return answers();
        }
    }

    /** The same evidence records with other answers. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    static CaseEvidence withAnswers(CaseEvidence e, Map<String, String> answers) {
        CaseEvidence copy = new CaseEvidence(e.result().orElse(null), answers, e.settings());
        for (Map.Entry<Class<?>, Object> r : e.records().entrySet()) copy.with((Class) r.getKey(), r.getValue());
        return copy;
    }

    /**
     * Saves the technician's answer to {@code key} in the case's answers file (blank removes the answer; the
     * checklist ticks and other answers are kept) and tells listeners.
     */
    public void setAnswer(String key, String value) throws IOException {
        if (caseFolder == null) throw new IOException("No case is open: open or create a case to keep answers.");
        Map<String, String> all = new LinkedHashMap<>(answers());
        if (value == null || value.isBlank()) all.remove(key);
        else all.put(key, value.trim());
        org.photoparity.evidence.readers.AnswersFile.write(caseFolder.answersFile(), all);
        if (evidence != null) evidence = withAnswers(evidence, canonicalAnswers());
        renoteAnswers();
        boolean rejudged = key.equals(org.photoparity.evidence.AnswerKey.OPTIMIZE_STORAGE.key()) && rejudge(value);
        fire(Change.ANSWERS);
        if (rejudged) fire(Change.RESULT);
    }

    /**
     * The notes on the answers file said again from the file as saved now: an answer corrected in the workbench
     * takes its "is not understood" note away at once (the Summary and an Export show the notes), not at the next
     * analysis. Notes on other evidence stay.
     */
    private void renoteAnswers() {
        if (warnings.isEmpty() && !Files.isRegularFile(caseFolder.answersFile())) return;
        String prefix = caseFolder.answersFile().getFileName() + ": ";
        List<String> next = new ArrayList<>();
        for (String w : warnings) if (!w.startsWith(prefix)) next.add(w);
        try {
            next.addAll(org.photoparity.evidence.readers.AnswersFile.read(caseFolder.answersFile()).warnings());
        } catch (IOException e) {
            next.add(prefix + "could not be read again: " + e.getMessage());
        }
        warnings = List.copyOf(next);
    }

    /**
     * Judges the results shown again with the answer just given, as an analysis would (Optimize iPhone Storage
     * explains what a copy of the device's files lacks): true when a difference changed. Saved results carry no
     * evidence records (a backup's counts), so there an answer taken away changes nothing until the next analysis.
     */
    private boolean rejudge(String value) {
        if (result == null) return false;
        if (evidence == null && (value == null || value.isBlank())) return false;
        CaseEvidence e = evidence != null ? evidence : new CaseEvidence(result, canonicalAnswers(), Map.of());
        ReconcileResult judged = org.photoparity.evidence.OptimizedOriginals.apply(result, e);
        if (judged == result) return false;
        result = judged;
        if (evidence != null) evidence = evidence.withResult(judged);
        return true;
    }

    /**
     * The evidence a Re-run uses: with a case open, the case's evidence loaded again (answers re-read) with a live read
     * of an attached device, which wins over the ideviceinfo files read at analysis time; without a case, the same as
     * {@link #evidenceForProbes}. Runs ideviceinfo: call it from a job, not the UI thread.
     */
    public CaseEvidence evidenceForRerun(Map<String, String> settings, org.eclipse.core.runtime.IProgressMonitor monitor) {
        CaseFolder c = caseFolder;
        if (c == null) return evidenceForProbes(settings);
        return org.photoparity.engine.Analysis.loadEvidence(org.photoparity.engine.CaseAnalysis.spec(c, settings),
                new org.photoparity.engine.AnalysisOptions(false, null, true), result, monitor).evidence();
    }

    /** The case's answers file, read as properties; empty when there is no case or no file. */
    public Map<String, String> answers() {
        Map<String, String> m = new LinkedHashMap<>();
        if (caseFolder == null) return m;
        Path f = caseFolder.answersFile();
        if (!Files.isRegularFile(f)) return m;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return m;
        }
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k));
        return m;
    }

    /** The steps of {@code strategyId} ticked in this case. */
    public Set<Integer> checklist(String strategyId) {
        if (caseFolder == null) return new TreeSet<>(unsavedChecklist.getOrDefault(strategyId, Set.of()));
        return new TreeSet<>(caseFolder.data().ticked(strategyId));
    }

    /**
     * Records the ticked steps; with a case open they are saved in its case.json at once (atomically).
     *
     * @return true when saved in a case, false when kept for this session only
     */
    public boolean setChecklist(String strategyId, Set<Integer> ticked) throws IOException {
        boolean saved;
        if (caseFolder == null) {
            unsavedChecklist.put(strategyId, new TreeSet<>(ticked));
            saved = false;
        } else {
            caseFolder.update(d -> d.withChecklist(strategyId, ticked));
            saved = true;
        }
        fire(Change.CHECKLIST);
        return saved;
    }

    /** Tells listeners that case.json changed (e.g. new figures after an analysis). */
    public void caseChanged() {
        fire(Change.CASE);
    }

    /** Saves a change to the case data (e.g. the last analysis figures). */
    public void updateCase(java.util.function.UnaryOperator<CaseData> change) throws IOException {
        if (caseFolder == null) return;
        caseFolder.update(change);
        fire(Change.CASE);
    }
}
