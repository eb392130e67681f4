package org.photoparity.ui.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.Platform;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
import org.photoparity.cases.LastAnalysis;
import org.photoparity.cases.RecentCases;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.engine.AnalysisResult;
import org.photoparity.engine.CaseSpec;
import org.photoparity.engine.DemoCases;
import org.photoparity.ui.prefs.UiPrefs;

/** Turns case folders into engine specs, remembers recent cases, and makes the demo case. */
public final class Cases {

    /** A source spec with a {@code kind:} prefix (export:..., ios:...), which is passed on untouched. */
    private static final Pattern KIND_PREFIX = Pattern.compile("^[a-z][a-z0-9.-]+:(?!/|\\\\).*");

    private static RecentCases recent;

    private Cases() {
    }

    /** The recent-cases list of this workbench instance. */
    public static synchronized RecentCases recent() {
        if (recent == null) {
            Path state = Platform.getStateLocation(Platform.getBundle(UiPrefs.BUNDLE)).toFile().toPath();
            recent = new RecentCases(state.resolve("recent-cases.txt"));
        }
        return recent;
    }

    /** What the engine needs to analyse {@code c}: workbench settings, overridden by the case's own. */
    public static CaseSpec spec(CaseFolder c, Map<String, String> workbenchSettings) {
        CaseData d = c.data();
        Map<String, String> settings = new LinkedHashMap<>(workbenchSettings);
        settings.putAll(d.settings());
        List<Path> info = new ArrayList<>();
        for (String s : d.deviceInfo()) {
            int eq = s.indexOf('=');
            // DOMAIN=FILE keeps its domain; the engine parses it
            info.add(eq > 0 && !s.substring(0, eq).contains("/") ? Path.of(s.substring(0, eq) + "="
                    + c.resolve(s.substring(eq + 1))) : c.resolve(s));
        }
        Path answers = Files.isRegularFile(c.answersFile()) ? c.answersFile() : null;
        return new CaseSpec(d.name(), sources(c, d.deviceSources()), sources(c, d.cloudSources()), info,
                d.backup() == null ? null : c.resolve(d.backup()), answers, settings, c.cacheDir());
    }

    private static List<String> sources(CaseFolder c, List<String> specs) {
        List<String> out = new ArrayList<>();
        for (String s : specs) out.add(KIND_PREFIX.matcher(s).matches() ? s : c.resolve(s).toString());
        return out;
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

    /**
     * Generates the demo data when missing and returns its case folder, creating the case the first time. Does
     * I/O: call it from a job.
     */
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
