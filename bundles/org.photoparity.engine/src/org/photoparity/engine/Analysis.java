package org.photoparity.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;
import org.photoparity.core.spi.PhaseProgress;
import org.photoparity.core.spi.PhaseProgress.Phase;
import org.photoparity.core.spi.PhaseProgress.Step;
import org.photoparity.evidence.OptimizedOriginals;
import org.photoparity.evidence.readers.EvidenceLoader;
import org.photoparity.evidence.readers.EvidenceOptions;
import org.photoparity.match.Reconciler;
import org.photoparity.report.ReportOptions;
import org.photoparity.report.ReportWriter;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/**
 * One analysis, the same for the command line and the workbench: scan both sides (with the scan cache), reconcile
 * them through the comparator chain, load the device evidence, run every contributed probe.
 */
public final class Analysis {

    private Analysis() {
    }

    public static AnalysisResult run(CaseSpec spec, IProgressMonitor monitor) throws IOException {
        return run(spec, AnalysisOptions.defaults(), monitor);
    }

    public static AnalysisResult run(CaseSpec spec, AnalysisOptions options, IProgressMonitor monitor)
            throws IOException {
        if (spec.deviceSources().isEmpty()) throw new IOException("No device-side source given: add at least one.");
        if (spec.cloudSources().isEmpty()) throw new IOException("No cloud-side source given: add at least one.");
        checkSettings(spec);
        SubMonitor sub = SubMonitor.convert(monitor, "Analysing " + spec.name(), 100);
        PhaseBudget budget = new PhaseBudget(options.progress());
        long deviceFiles = -1;
        long cloudFiles = -1;
        if (options.progress() != null) {
            // names only, before any file is opened: "Scanning 45 of 86 files" needs the 86
            budget.step(Step.of(Phase.COUNTING, SideRole.DEVICE.key(), 0, -1));
            deviceFiles = count(spec.deviceSources(), sub);
            budget.step(Step.of(Phase.COUNTING, SideRole.CLOUD.key(), 0, -1));
            cloudFiles = count(spec.cloudSources(), sub);
            budget.counted(deviceFiles, cloudFiles, PhotoParityRegistry.get().probes().size());
        }
        SideInventory device = scan(SideRole.DEVICE, spec.deviceSources(), spec, options, budget, deviceFiles,
                sub.split(40));
        SideInventory cloud = scan(SideRole.CLOUD, spec.cloudSources(), spec, options, budget, cloudFiles,
                sub.split(40));
        sub.subTask("Reconciling");
        budget.step(Step.of(Phase.MATCHING, null, device.assets().size() + cloud.assets().size(), -1));
        ReconcileResult result = new Reconciler().reconcile(device, cloud, spec.settings(), sub.split(8));
        budget.step(Step.of(Phase.EVIDENCE, null, 0, -1));
        EvidenceLoader.Loaded loaded = loadEvidence(spec, options, result, sub.split(4));
        // the device evidence may explain a difference (Optimize iPhone Storage and a copy of the device's files), or
        // take back an explanation a pattern gave (a backup's upload queue against a download that looks cut short)
        ReconcileResult judged = PendingUploads.apply(OptimizedOriginals.apply(result, loaded.evidence()),
                loaded.evidence());
        CaseEvidence evidence = judged == result ? loaded.evidence() : loaded.evidence().withResult(judged);
        List<ProbeResult> probes = runProbes(null, evidence, budget, sub.split(8));
        List<String> notes = new ArrayList<>(loaded.warnings());
        notes.addAll(CutShortNotes.of(judged));
        return new AnalysisResult(judged, probes, evidence, notes);
    }

    /** The files a side's scan will report, or -1 (not known, or a source the scan will refuse with its reason). */
    private static long count(List<String> sources, IProgressMonitor monitor) {
        try {
            return Scanner.standard().count(sources, monitor);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Refuses settings no installed bundle declares, or values outside their declared type and range, before any
     * work starts (a misspelt key must not be silently ignored).
     */
    public static void checkSettings(CaseSpec spec) {
        List<String> problems = PhotoParityRegistry.get().settings().problems(spec.settings());
        if (!problems.isEmpty()) throw new IllegalArgumentException(problems.get(0));
    }

    /** Scans one side; the cache (when the case has a cache folder) makes a rescan of an unchanged library fast. */
    public static SideInventory scan(SideRole side, List<String> sources, CaseSpec spec, AnalysisOptions options,
            IProgressMonitor monitor) throws IOException {
        return scan(side, sources, spec, options, options.progress(), -1, monitor);
    }

    private static SideInventory scan(SideRole side, List<String> sources, CaseSpec spec, AnalysisOptions options,
            PhaseProgress progress, long expectedFiles, IProgressMonitor monitor) throws IOException {
        ScanOptions so = ScanOptions.defaults().withMetadataOnly(options.metadataOnly());
        if (options.progress() != null) so = so.withProgress(progress, expectedFiles);
        so = spec.cacheDir() == null ? so.withoutCache() : so.withCacheFile(spec.cacheDir().resolve(side.key() + ".cache"));
        Scanner.Result r = Scanner.standard().run(side, sources, so, monitor);
        String unreadable = r.unreadableSide();
        if (unreadable != null) {
            // comparing against nothing would report every asset of the other side as missing
            throw new IOException("The " + side.key() + " side could not be read, so there is nothing to compare: "
                    + unreadable);
        }
        return r.inventory();
    }

    /** The evidence a case holds, for probes run without a new analysis. */
    public static EvidenceLoader.Loaded loadEvidence(CaseSpec spec, AnalysisOptions options, ReconcileResult result,
            IProgressMonitor monitor) {
        EvidenceOptions.Builder b = EvidenceOptions.builder();
        for (Path p : spec.deviceInfo()) b.deviceInfo(p.toString());
        if (spec.backup() != null) b.backup(spec.backup());
        if (spec.answers() != null) b.answers(spec.answers());
        if (options.previous() != null) b.previous(options.previous());
        if (options.live()) b.live(true, java.time.Duration.ofSeconds(10));
        b.settings(spec.settings());
        return EvidenceLoader.load(b.build(), result, monitor);
    }

    /**
     * Runs every contributed probe. A probe that throws does not stop the others: its result is UNKNOWN and says
     * which bundle failed.
     */
    public static List<ProbeResult> runProbes(CaseEvidence evidence, IProgressMonitor monitor) {
        return runProbes(null, evidence, monitor);
    }

    /**
     * The one probe runner (command line and workbench): runs the probes whose ids are listed (every probe when
     * {@code ids} is null), in registry order, and stamps each result with the fix and id its plugin.xml declares.
     */
    public static List<ProbeResult> runProbes(Collection<String> ids, CaseEvidence evidence,
            IProgressMonitor monitor) {
        return runProbes(ids, evidence, null, monitor);
    }

    /** As {@link #runProbes(Collection, CaseEvidence, IProgressMonitor)}, telling {@code progress} each check. */
    public static List<ProbeResult> runProbes(Collection<String> ids, CaseEvidence evidence, PhaseProgress progress,
            IProgressMonitor monitor) {
        PhaseProgress phases = PhaseProgress.orNone(progress);
        List<Contribution<IProbe>> probes = new ArrayList<>();
        for (Contribution<IProbe> c : PhotoParityRegistry.get().probes()) {
            if (ids == null || ids.contains(c.id())) probes.add(c);
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Running probes", Math.max(1, probes.size()));
        List<ProbeResult> results = new ArrayList<>();
        for (Contribution<IProbe> c : probes) {
            if (sub.isCanceled()) throw new OperationCanceledException();
            sub.subTask(c.name());
            phases.step(Step.of(Phase.PROBES, null, results.size(), probes.size()));
            results.add(runOne(c, evidence, sub.split(1)));
        }
        phases.step(Step.of(Phase.PROBES, null, results.size(), probes.size()));
        return results;
    }

    private static ProbeResult runOne(Contribution<IProbe> c, CaseEvidence evidence, IProgressMonitor monitor) {
        int fix = c.intAttribute("fix", 0);
        try {
            ProbeResult r = c.instance().run(evidence, monitor);
            // the fix and id are what plugin.xml declares, whatever the probe put in its result
            return r != null ? new ProbeResult(fix, c.id(), r.status(), r.summary(), r.evidence())
                    : new ProbeResult(fix, c.id(), ProbeStatus.UNKNOWN, "The probe returned nothing.",
                            List.of("bundle " + c.bundle() + " " + c.version()));
        } catch (OperationCanceledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            return new ProbeResult(fix, c.id(), ProbeStatus.UNKNOWN,
                    "The probe failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    List.of("bundle " + c.bundle() + " " + c.version()));
        }
    }

    /**
     * Writes report.json, report.html and mismatches.csv into {@code dir}, with the analysis's notes on the evidence
     * ({@link AnalysisResult#warnings()}: what the command line prints as "note: ...").
     */
    public static void writeReports(AnalysisResult r, Path dir) throws IOException {
        writeReports(r, dir, ReportOptions.defaults(), null);
    }

    public static ReportWriter.Written writeReports(AnalysisResult r, Path dir, ReportOptions options,
            IProgressMonitor monitor) throws IOException {
        return writeReports(r, dir, options, null, monitor);
    }

    /** As above, telling {@code progress} "Thumbnails 12 of 40" and "Writing the report". */
    public static ReportWriter.Written writeReports(AnalysisResult r, Path dir, ReportOptions options,
            PhaseProgress progress, IProgressMonitor monitor) throws IOException {
        return ReportWriter.write(r.result(), r.probes(), null, r.warnings(), options, dir, progress, monitor);
    }
}
