package org.photoparity.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.photoparity.cases.CaseFolder;
import org.photoparity.core.io.OutputGuard;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.present.Vocabulary;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.engine.Analysis;
import org.photoparity.engine.AnalysisOptions;
import org.photoparity.engine.AnalysisResult;
import org.photoparity.engine.CaseAnalysis;
import org.photoparity.engine.CaseSpec;
import org.photoparity.engine.DemoCases;
import org.photoparity.engine.Preflight;
import org.photoparity.evidence.readers.EvidenceLoader;
import org.photoparity.report.InventoryJson;
import org.photoparity.report.ReportJson;
import org.photoparity.report.ReportOptions;
import org.photoparity.report.ReportWriter;

/** The commands that do the work: scan, analyze, probes, demo. */
final class Commands {

    private static final Set<String> EVIDENCE_OPTIONS = Set.of("device-info", "backup", "previous", "answers");

    private final PrintStream out;
    private final PrintStream err;

    Commands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int scan(List<String> rest) throws UsageException, IOException {
        Args a = Args.parse("scan", rest, Set.of("json", "side", "cache-dir"), Set.of("metadata-only", "no-cache",
                "follow-links", "progress"));
        followLinks(a);
        if (a.positional().isEmpty()) throw new UsageException("scan needs at least one PATH (see photoparity --help)");
        SideRole side = switch (String.valueOf(a.one("side")).toLowerCase(Locale.ROOT)) {
            case "null", "device" -> SideRole.DEVICE;
            case "cloud" -> SideRole.CLOUD;
            default -> throw new UsageException("--side is device or cloud, not " + a.one("side"));
        };
        CaseSpec spec = new CaseSpec("scan", a.positional(), a.positional(), List.of(), null, null, Map.of(),
                cacheDir(a));
        List<OutputGuard.Output> outputs = new ArrayList<>();
        if (a.one("json") != null) outputs.add(new OutputGuard.Output("--json", Paths.get(a.one("json"))));
        Preflight.check(spec, null, outputs);
        ConsoleProgress progress = cancellable(ConsoleProgress.forConsole(err, a.flag("progress")));
        long t0 = System.nanoTime();
        SideInventory inv = Analysis.scan(side, a.positional(), spec,
                new AnalysisOptions(a.flag("metadata-only"), null, false, progress), progress);
        progress.done();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (a.one("json") != null) InventoryJson.write(inv, Paths.get(a.one("json")));
        printSide(inv);
        out.printf(Locale.ROOT, "Scanned in %.2f s (%.0f files/s)%s%n", secs, inv.filesSeen() / Math.max(secs, 1e-9),
                a.one("json") == null ? "" : "; inventory written to " + a.one("json"));
        return Cli.OK;
    }

    int analyze(List<String> rest) throws UsageException, IOException {
        Set<String> valued = new java.util.HashSet<>(Set.of("device", "cloud", "out", "cache-dir", "set", "name",
                "case"));
        valued.addAll(EVIDENCE_OPTIONS);
        Args a = Args.parse("analyze", rest, valued, Set.of("metadata-only", "no-cache", "no-thumbnails", "live",
                "follow-links", "progress"));
        followLinks(a);
        if (!a.positional().isEmpty()) {
            throw new UsageException("analyze takes its paths after --device and --cloud, not " + a.positional().get(0));
        }
        if (a.one("case") != null) return analyzeCase(a);
        CaseSpec spec;
        if (a.all("device").isEmpty() && a.all("cloud").isEmpty()) {
            Path demo = DemoCases.ensure(DemoCases.defaultFolder());
            out.println("No --device/--cloud given: analysing the bundled demo case in " + demo);
            spec = DemoCases.spec(demo, cacheDir(a), settings(a));
        } else {
            if (a.all("device").isEmpty()) throw new UsageException("analyze needs --device PATH (the device side)");
            if (a.all("cloud").isEmpty()) throw new UsageException("analyze needs --cloud PATH (the cloud side)");
            spec = new CaseSpec(a.one("name") == null ? "analysis" : a.one("name"), a.all("device"), a.all("cloud"),
                    paths(a.all("device-info")), path(a.one("backup")), path(a.one("answers")), settings(a),
                    cacheDir(a));
        }
        Path outDir = Paths.get(a.one("out") == null ? "photoparity-report" : a.one("out"));
        AnalysisOptions options = new AnalysisOptions(a.flag("metadata-only"), path(a.one("previous")), a.flag("live"));
        // every output against every input, before hours of scanning
        Preflight.check(spec, options, Preflight.reportFolder("--out", outDir));
        ConsoleProgress progress = cancellable(ConsoleProgress.forConsole(err, a.flag("progress")));
        AnalysisResult r = Analysis.run(spec, options.withProgress(progress), progress);
        ReportOptions ro = ReportOptions.of(spec.settings());
        if (a.flag("no-thumbnails")) ro = ro.withThumbnails(false);
        ReportWriter.Written w = Analysis.writeReports(r, outDir, ro, progress, progress);
        progress.done();
        printResult(r);
        out.println("Reports: " + w.html() + ", " + w.json() + ", " + w.csv());
        return Cli.OK;
    }

    /** {@code analyze --case DIR}: what the workbench runs for the case, results written into the case. */
    private int analyzeCase(Args a) throws UsageException, IOException {
        for (String o : List.of("device", "cloud", "out", "name", "cache-dir", "device-info", "backup", "answers")) {
            if (!a.all(o).isEmpty()) {
                throw new UsageException("analyze --case takes the sources, evidence and results folder from the case;"
                        + " leave out --" + o + " (edit the case instead)");
            }
        }
        if (a.flag("no-cache")) throw new UsageException("analyze --case uses the case's own scan cache; leave out --no-cache");
        Path dir = Paths.get(a.one("case"));
        if (!CaseFolder.isCase(dir)) {
            throw new IOException(dir + " is not a case folder (no " + CaseFolder.CASE_FILE + "): give the folder made by"
                    + " File > New Case");
        }
        CaseFolder c = CaseFolder.open(dir);
        Map<String, String> settings = settings(a);
        if (a.flag("no-thumbnails")) settings.put(ReportOptions.THUMBNAILS, "false");
        ConsoleProgress progress = cancellable(ConsoleProgress.forConsole(err, a.flag("progress")));
        CaseAnalysis.Done done = CaseAnalysis.analyze(c, settings,
                new AnalysisOptions(a.flag("metadata-only"), path(a.one("previous")), a.flag("live"), progress),
                progress);
        progress.done();
        printResult(done.result());
        out.println("Reports: " + done.reports().html() + ", " + done.reports().json() + ", " + done.reports().csv());
        return Cli.OK;
    }

    int probes(List<String> rest) throws UsageException, IOException {
        Set<String> valued = new java.util.HashSet<>(EVIDENCE_OPTIONS);
        valued.add("json");
        valued.add("set");
        Args a = Args.parse("probes", rest, valued, Set.of("live"));
        if (!a.positional().isEmpty()) throw new UsageException("probes takes no PATH, only evidence options");
        CaseSpec spec = new CaseSpec("probes", List.of(), List.of(), paths(a.all("device-info")),
                path(a.one("backup")), path(a.one("answers")), settings(a), null);
        if (spec.backup() != null && !Files.isDirectory(spec.backup())) {
            throw new IOException("--backup " + spec.backup() + " is not a folder: give the backup's folder "
                    + "(the one holding Manifest.db)");
        }
        AnalysisOptions options = new AnalysisOptions(false, path(a.one("previous")), a.flag("live"));
        List<OutputGuard.Output> outputs = new ArrayList<>();
        if (a.one("json") != null) outputs.add(new OutputGuard.Output("--json", Paths.get(a.one("json"))));
        Preflight.check(spec, options, outputs);
        ConsoleProgress progress = cancellable(ConsoleProgress.forConsole(err));
        EvidenceLoader.Loaded loaded = Analysis.loadEvidence(spec, options, null, progress);
        List<ProbeResult> results = Analysis.runProbes(loaded.evidence(), progress);
        progress.done();
        for (String w : loaded.warnings()) out.println("note: " + w);
        printProbes(results);
        if (a.one("json") != null) {
            ReportJson.writeProbes(results, Paths.get(a.one("json")));
            out.println("Probe results written to " + a.one("json"));
        }
        return Cli.OK;
    }

    int demo(List<String> rest) throws UsageException, IOException {
        Args a = Args.parse("demo", rest, Set.of(), Set.of());
        if (a.positional().size() > 1) throw new UsageException("demo takes at most one folder");
        Path dir = a.positional().isEmpty() ? DemoCases.defaultFolder() : Paths.get(a.positional().get(0));
        if (Files.exists(dir) && !DemoCases.isDemo(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(dir + " exists and is not empty: give a new or empty folder for the demo");
                }
            }
        }
        Path made = DemoCases.ensure(dir);
        CaseSpec spec = DemoCases.spec(made, null, Map.of());
        out.println("Demo case in " + made);
        out.println("  device side: " + String.join(", ", spec.deviceSources()));
        out.println("  cloud side:  " + String.join(", ", spec.cloudSources()));
        out.println("  evidence:    " + spec.deviceInfo().size() + " ideviceinfo files, answers " + spec.answers());
        out.println("Analyse it with: photoparity analyze   (or --device/--cloud on these folders)");
        return Cli.OK;
    }

    /** --follow-links: read what symbolic links lead to outside a source folder (by default they are ignored). */
    private static void followLinks(Args a) {
        if (a.flag("follow-links")) System.setProperty(org.photoparity.sources.FolderSource.FOLLOW_LINKS_PROPERTY, "true");
    }

    private ConsoleProgress cancellable(ConsoleProgress p) {
        Thread hook = new Thread(() -> p.setCanceled(true), "photoparity-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        return p;
    }

    private static Path cacheDir(Args a) throws UsageException {
        if (a.flag("no-cache")) return null;
        String dir = a.one("cache-dir");
        if (dir != null) return Paths.get(dir);
        String base = System.getenv("XDG_CACHE_HOME");
        Path root = base == null || base.isBlank() ? Paths.get(System.getProperty("user.home"), ".cache") : Paths.get(base);
        return root.resolve("photoparity").resolve("scan");
    }

    private static Map<String, String> settings(Args a) throws UsageException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : a.all("set")) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new UsageException("--set takes KEY=VALUE, not " + kv);
            m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        // every key and value checked against what the installed bundles declare
        List<String> problems = PhotoParityRegistry.get().settings().problems(m);
        if (!problems.isEmpty()) throw new UsageException("--set: " + problems.get(0));
        return m;
    }

    private static Path path(String s) {
        return s == null ? null : Paths.get(s);
    }

    private static List<Path> paths(List<String> s) {
        List<Path> out = new ArrayList<>();
        for (String x : s) out.add(Paths.get(x));
        return out;
    }

    private void printSide(SideInventory inv) {
        out.printf(Locale.ROOT, "%s side: %d assets, %d files seen = %d read + %d unreadable + %d ignored, %s%n",
                cap(inv.role().key()), inv.assets().size(), inv.filesSeen(), inv.filesRead(), inv.unreadable().size(),
                inv.ignored().size(), Vocabulary.bytes(inv.bytes()));
        for (var s : inv.sources()) {
            out.println("  source: " + s.kind() + " " + s.path());
            if (s.incomplete() != null) out.println("  INCOMPLETE: " + s.incomplete());
        }
        int shown = 0;
        for (FileIssue f : inv.unreadable()) {
            if (shown++ == 10) {
                out.println("  ... " + (inv.unreadable().size() - 10) + " more unreadable (see the JSON)");
                break;
            }
            out.println("  unreadable: " + f.path() + ": " + f.reason());
        }
    }

    private void printResult(AnalysisResult r) {
        ReconcileResult rr = r.result();
        printSide(rr.device());
        printSide(rr.cloud());
        out.println("Identical: " + rr.identical());
        Map<Category, Long> counts = rr.counts();
        Map<Category, Long> losses = new java.util.EnumMap<>(Category.class);
        for (var m : rr.mismatches()) if (m.loss()) losses.merge(m.category(), 1L, Long::sum);
        long lost = losses.values().stream().mapToLong(Long::longValue).sum();
        out.printf(Locale.ROOT, "Differences: %d (%d %s, %d explained)%n", rr.mismatches().size(), lost,
                lost == 1 ? "loss" : "losses", rr.mismatches().size() - lost);
        // the words people read (Vocabulary); the ids stay in report.json and mismatches.csv
        for (Category c : Category.values()) {
            long n = counts.get(c), l = losses.getOrDefault(c, 0L);
            out.printf(Locale.ROOT, "  %-22s %6d  %s%s%n", Vocabulary.label(c), n, Vocabulary.phrase(c),
                    n == 0 ? "" : l == n ? " (all losses)" : l == 0 ? " (none a loss)" : " (" + l + " losses)");
        }
        for (String w : r.warnings()) out.println("note: " + w);
        printProbes(r.probes());
    }

    private void printProbes(List<ProbeResult> results) {
        if (results.isEmpty()) {
            out.println("Probes: none installed");
            return;
        }
        out.println("Probes:");
        for (ProbeResult p : results) {
            out.printf(Locale.ROOT, "  fix %d %-7s %-40s %s%n", p.fix(), p.status(),
                    Vocabulary.probeTitle(p), p.summary());
        }
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
