package org.photoparity.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.photoparity.core.io.InputFiles;
import org.photoparity.core.io.OutputGuard;
import org.photoparity.evidence.readers.EvidenceOptions;
import org.photoparity.report.ReportWriter;

/**
 * What every entry point (the command line's analyze, scan and probes, the workbench's analysis and exports) checks
 * before any work starts: every evidence file named exists and is a regular file, and no output lies in or is one
 * of the sources and evidence paths. Failing here costs nothing; failing after a scan of a whole library costs hours.
 */
public final class Preflight {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]+");

    private Preflight() {
    }

    /** The path a source spec names, without its {@code kind:} prefix. */
    public static Path sourcePath(String spec) {
        int colon = spec.indexOf(':');
        if (colon > 1 && KIND.matcher(spec.substring(0, colon)).matches() && !Files.exists(Path.of(spec))) {
            return Path.of(spec.substring(colon + 1));
        }
        return Path.of(spec);
    }

    /** Every path the case reads, labelled as the technician gave it. */
    public static OutputGuard inputs(CaseSpec spec, AnalysisOptions options) {
        OutputGuard g = new OutputGuard();
        for (String s : spec.deviceSources()) g.input("device source", sourcePath(s));
        for (String s : spec.cloudSources()) g.input("cloud source", sourcePath(s));
        for (Path p : spec.deviceInfo()) g.input("--device-info file", deviceInfoFile(p));
        g.input("--backup", spec.backup());
        g.input("--answers file", spec.answers());
        if (options != null) g.input("--previous", options.previous());
        return g;
    }

    /**
     * Checks the evidence inputs and that none of {@code outputs} (label, path pairs) writes into an input.
     *
     * @throws IOException naming the file and what to do
     */
    public static void check(CaseSpec spec, AnalysisOptions options, List<OutputGuard.Output> outputs)
            throws IOException {
        for (Path p : spec.deviceInfo()) requireEvidence(deviceInfoFile(p), "--device-info");
        if (spec.answers() != null) requireEvidence(spec.answers(), "--answers");
        requireExists(spec.backup(), "--backup");
        if (options != null) requireExists(options.previous(), "--previous");
        OutputGuard g = inputs(spec, options);
        for (OutputGuard.Output o : outputs) g.output(o.label(), o.path());
        if (spec.cacheDir() != null) {
            g.output("the scan cache folder", spec.cacheDir());
        }
        g.check();
    }

    /**
     * Only the output check, for writing again what an analysis already produced (a workbench export): the evidence
     * files need not still be there.
     */
    public static void checkOutputs(CaseSpec spec, AnalysisOptions options, List<OutputGuard.Output> outputs)
            throws IOException {
        OutputGuard g = inputs(spec, options);
        for (OutputGuard.Output o : outputs) g.output(o.label(), o.path());
        g.check();
    }

    /** The outputs of a report folder: the folder and the three files written into it. */
    public static List<OutputGuard.Output> reportFolder(String label, Path dir) {
        return List.of(new OutputGuard.Output(label, dir),
                new OutputGuard.Output(label, dir.resolve(ReportWriter.JSON)),
                new OutputGuard.Output(label, dir.resolve(ReportWriter.HTML)),
                new OutputGuard.Output(label, dir.resolve(ReportWriter.CSV)));
    }

    private static void requireEvidence(Path file, String what) throws IOException {
        long size = InputFiles.requireRegular(file, what).size();
        if (size > InputFiles.EVIDENCE_MAX) throw InputFiles.tooBig(file, size, InputFiles.EVIDENCE_MAX, what);
    }

    private static Path deviceInfoFile(Path p) {
        return EvidenceOptions.DeviceInfoInput.parse(p.toString()).file();
    }

    private static void requireExists(Path p, String what) throws IOException {
        if (p == null) return;
        if (!Files.exists(p)) {
            throw new IOException(what + " " + p + ": no such folder or file. Check the path (and that the disk is"
                    + " mounted).");
        }
        if (!Files.isDirectory(p)) InputFiles.requireRegular(p, what);
    }
}
