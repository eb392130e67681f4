package org.photoparity.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.io.OutputGuard;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SourceRef;
import org.photoparity.core.spi.PhaseProgress;

/** Writes report.json, report.html and mismatches.csv for one analysis into a folder. */
public final class ReportWriter {

    public static final String JSON = "report.json";
    public static final String HTML = "report.html";
    public static final String CSV = "mismatches.csv";

    /** The files written. */
    public record Written(Path json, Path html, Path csv) {
    }

    private ReportWriter() {
    }

    /**
     * @param result  the analysis
     * @param probes  probe results (may be empty)
     * @param causes  likely causes, ranked; null ranks them with {@link LikelyCauses#rank}
     * @param options report options
     * @param dir     output folder (created when missing); must not lie inside a scanned source
     * @throws IOException when the folder is inside a source or a file cannot be written (the message says which)
     */
    public static Written write(ReconcileResult result, List<ProbeResult> probes, List<LikelyCause> causes,
            ReportOptions options, Path dir, IProgressMonitor monitor) throws IOException {
        return write(result, probes, causes, options, dir, null, monitor);
    }

    /**
     * As above, telling {@code progress} "Writing the report" and "Thumbnails 12 of 40" as the previews are made,
     * with how far the report is (the previews are nearly all of its work). A report with no notes: an analysis's
     * report goes through {@link #write(ReconcileResult, List, List, List, ReportOptions, Path, PhaseProgress,
     * IProgressMonitor)} with its notes.
     */
    public static Written write(ReconcileResult result, List<ProbeResult> probes, List<LikelyCause> causes,
            ReportOptions options, Path dir, PhaseProgress progress, IProgressMonitor monitor) throws IOException {
        return write(result, probes, causes, List.of(), options, dir, progress, monitor);
    }

    /**
     * As above, with the analysis's notes on the evidence (an answer not understood, a backup that could not be
     * read: {@code AnalysisResult.warnings()}, what the command line prints as "note: ..."): report.json lists them
     * in "notes", report.html shows them under the summary figures. Null or empty: no notes.
     */
    public static Written write(ReconcileResult result, List<ProbeResult> probes, List<LikelyCause> causes,
            List<String> notes, ReportOptions options, Path dir, PhaseProgress progress, IProgressMonitor monitor)
            throws IOException {
        PhaseProgress out = PhaseProgress.orNone(progress);
        PhaseProgress phases = s -> out.step(s.withFraction(switch (s.phase()) {
            case THUMBNAILS -> 0.02 + 0.96 * (s.total() > 0 ? (double) s.done() / s.total() : 0);
            case REPORT -> s.done() > 0 ? 1 : 0;
            default -> 0;
        }));
        phases.step(PhaseProgress.Step.of(PhaseProgress.Phase.REPORT, null, 0, -1));
        List<ProbeResult> ps = probes == null ? List.of() : probes;
        List<LikelyCause> cs = causes == null ? LikelyCauses.rank(result, ps) : causes;
        List<String> ns = notes == null ? List.of() : notes.stream().filter(n -> n != null).toList();
        ReportOptions opts = options == null ? ReportOptions.defaults() : options;
        refuseInsideSource(dir, result.device());
        refuseInsideSource(dir, result.cloud());
        Files.createDirectories(dir);
        SubMonitor sub = SubMonitor.convert(monitor, "Writing the report", 10);
        Written w = new Written(dir.resolve(JSON), dir.resolve(HTML), dir.resolve(CSV));
        ReportJson.write(result, ps, cs, ns, opts, w.json(), sub.split(3));
        ReportCsv.write(result, w.csv(), sub.split(2));
        ReportHtml.write(result, ps, cs, ns, opts, w.html(), phases, sub.split(5));
        phases.step(PhaseProgress.Step.of(PhaseProgress.Phase.REPORT, null, 1, 1));
        return w;
    }

    /**
     * Never write under a customer's source: a report inside a scanned folder would be scanned next time, and a
     * report file named like a source file would replace it. Real paths are compared (links resolved).
     */
    static void refuseInsideSource(Path dir, SideInventory side) throws IOException {
        OutputGuard g = new OutputGuard();
        for (SourceRef s : side.sources()) g.input(side.role().key() + " source", Path.of(s.path()));
        g.output("The report folder", dir);
        for (String f : new String[] { JSON, HTML, CSV }) g.output("The report file", dir.resolve(f));
        g.check();
    }
}
