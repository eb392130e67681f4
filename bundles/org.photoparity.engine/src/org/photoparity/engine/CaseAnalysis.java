package org.photoparity.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.cases.LastAnalysis;
import org.photoparity.core.io.OutputGuard;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.report.ReportOptions;
import org.photoparity.report.ReportWriter;

/**
 * A case folder analysed: what the workbench's Analyze and {@code photoparity analyze --case DIR} both run. The
 * case's sources, evidence, answers and settings become one engine spec; the reports go to the case's results
 * folder and the figures to case.json; the whole results to {@code results/last-results.json} ({@link SavedResults}),
 * which opening the case shows at once.
 */
public final class CaseAnalysis {

    /** A source spec with a {@code kind:} prefix (export:..., ios:...), which is passed on untouched. */
    private static final Pattern KIND_PREFIX = Pattern.compile("^[a-z][a-z0-9.-]+:(?!/|\\\\).*");

    private CaseAnalysis() {
    }

    /**
     * What the engine needs to analyse {@code c}.
     *
     * @param settings the caller's settings (workbench preferences, or {@code --set}); the case's own win
     */
    public static CaseSpec spec(CaseFolder c, Map<String, String> settings) {
        CaseData d = c.data();
        Map<String, String> merged = new LinkedHashMap<>(settings == null ? Map.of() : settings);
        merged.putAll(d.settings());
        List<Path> info = new ArrayList<>();
        for (String s : d.deviceInfo()) {
            int eq = s.indexOf('=');
            // DOMAIN=FILE keeps its domain; the engine parses it
            info.add(eq > 0 && !s.substring(0, eq).contains("/") ? Path.of(s.substring(0, eq) + "="
                    + c.resolve(s.substring(eq + 1))) : c.resolve(s));
        }
        Path answers = Files.isRegularFile(c.answersFile()) ? c.answersFile() : null;
        return new CaseSpec(d.name(), sources(c, d.deviceSources()), sources(c, d.cloudSources()), info,
                d.backup() == null ? null : c.resolve(d.backup()), answers, merged, c.cacheDir());
    }

    private static List<String> sources(CaseFolder c, List<String> specs) {
        List<String> out = new ArrayList<>();
        for (String s : specs) out.add(KIND_PREFIX.matcher(s).matches() ? s : c.resolve(s).toString());
        return out;
    }

    /**
     * The report options of a case: the report settings (the caller's, overridden by the case's), titled with the
     * case's name, thumbnails cached in the case's cache folder between reports.
     */
    public static ReportOptions reportOptions(CaseFolder c, Map<String, String> settings) {
        CaseSpec spec = spec(c, settings);
        ReportOptions o = ReportOptions.of(spec.settings());
        return o.withTitle(o.title() + " - " + spec.name()).withThumbnailCache(c.cacheDir().resolve("previews"));
    }

    /** What an analysis of a case wrote. */
    public record Done(AnalysisResult result, ReportWriter.Written reports) {
    }

    /**
     * Analyses the case (what the workbench's Analyze runs, before it shows the results): the inputs and the case
     * folder checked before any work, then scan, reconcile, evidence and probes; the figures go to case.json.
     */
    public static AnalysisResult run(CaseFolder c, Map<String, String> settings, AnalysisOptions options,
            IProgressMonitor monitor) throws IOException {
        long start = System.currentTimeMillis();
        CaseSpec spec = spec(c, settings);
        // the case folder (results, case.json) must not lie in a source or the evidence: checked before any work
        List<OutputGuard.Output> outputs = new ArrayList<>(
                Preflight.reportFolder("The case's results folder", c.resultsDir()));
        outputs.add(new OutputGuard.Output("The case folder", c.dir()));
        Preflight.check(spec, options, outputs);
        // the sources' stamp before the scan: a file changed while it runs makes the saved results look stale
        String stamp;
        try {
            stamp = SavedResults.stamp(c);
        } catch (IOException | RuntimeException e) {
            stamp = null; // cannot tell later whether the sources changed: save no results to show at open
        }
        AnalysisResult r = Analysis.run(spec, options, monitor);
        if (monitor != null && monitor.isCanceled()) throw new OperationCanceledException();
        LastAnalysis figures = figures(r, System.currentTimeMillis() - start);
        c.update(d -> d.withLastAnalysis(figures));
        if (stamp != null) SavedResults.write(c, r, stamp, java.time.Instant.parse(figures.analyzedAt()));
        else Files.deleteIfExists(SavedResults.file(c));
        return r;
    }

    /**
     * {@link #run} and the reports (report.json, report.html and mismatches.csv in the case's results folder, with
     * {@link #reportOptions}): {@code photoparity analyze --case DIR}; the workbench writes the same reports in a job
     * of their own once the results are on screen.
     */
    public static Done analyze(CaseFolder c, Map<String, String> settings, AnalysisOptions options,
            IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, "Analysing " + c.data().name(), 100);
        AnalysisResult r = run(c, settings, options, sub.split(90));
        sub.subTask("Writing the reports to " + c.resultsDir());
        ReportWriter.Written w = Analysis.writeReports(r, c.resultsDir(), reportOptions(c, settings),
                options.progress(), sub.split(10));
        return new Done(r, w);
    }

    /** The figures case.json keeps of an analysis. */
    public static LastAnalysis figures(AnalysisResult r, long millis) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<Category, Long> e : r.result().counts().entrySet()) {
            if (e.getValue() > 0) counts.put(e.getKey().name(), e.getValue());
        }
        Map<String, String> probes = new LinkedHashMap<>();
        for (ProbeResult p : r.probes()) probes.put(p.id(), p.status().name());
        return new LastAnalysis(java.time.Instant.now().toString(), millis, r.result().device().assets().size(),
                r.result().cloud().assets().size(), r.result().identical(), counts, probes, r.warnings());
    }

    /** The folder of the demo case (beside the generated demo data, never inside its sources). */
    public static Path demoCaseFolder() {
        return DemoCases.defaultFolder().resolveSibling("demo-case");
    }

    /** Generates the demo data when missing and returns its case folder, creating the case the first time. */
    public static CaseFolder ensureDemoCase() throws IOException {
        Path data = DemoCases.ensure(DemoCases.defaultFolder());
        Path dir = demoCaseFolder();
        if (CaseFolder.isCase(dir)) return CaseFolder.open(dir);
        CaseSpec demo = DemoCases.spec(data, null, Map.of());
        List<String> info = demo.deviceInfo().stream().map(Path::toString).toList();
        CaseData d = CaseData.named("Demo: iPhone vs iCloud").withSources(demo.deviceSources(), demo.cloudSources())
                .withEvidence(info, null);
        CaseFolder c = CaseFolder.create(dir, d);
        if (demo.answers() != null) Files.copy(demo.answers(), c.answersFile());
        return c;
    }
}
