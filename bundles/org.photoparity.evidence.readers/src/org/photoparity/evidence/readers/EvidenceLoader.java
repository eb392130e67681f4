package org.photoparity.evidence.readers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.evidence.AnswersSource;
import org.photoparity.evidence.BackupEvidence;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.EnableLog;
import org.photoparity.evidence.PhotosLibraryStats;
import org.photoparity.evidence.Provenance;
import org.photoparity.evidence.SnapshotComparison;

/**
 * Builds a case's {@link CaseEvidence} from {@link EvidenceOptions}: the one entry point the command line and the
 * workbench call. Nothing here fails the whole load: a file that cannot be read becomes a warning naming it and
 * what to do, and the probes answer UNKNOWN for what is missing.
 *
 * <p>Records put into the evidence (by type): {@link DeviceInfo}, {@link DeviceSnapshot} (the current look at the
 * device), {@link BackupEvidence}, {@link PhotosLibraryStats}, {@link EnableLog}, {@link SnapshotComparison} (when
 * a previous snapshot was given) and {@link EvidenceSources} (what was read, for reports).
 */
public final class EvidenceLoader {

    /** Setting naming the ideviceinfo program to run for live reads (default: found on PATH). */
    public static final String IDEVICEINFO_PATH = "ideviceinfo.path";

    /** The evidence, and what the technician should know about how it was read. */
    public record Loaded(CaseEvidence evidence, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    private EvidenceLoader() {
    }

    /**
     * @param options where the evidence comes from
     * @param result  the last analysis, or null when none ran
     */
    public static Loaded load(EvidenceOptions options, ReconcileResult result, IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, "Reading case evidence", 100);
        List<String> warnings = new ArrayList<>();
        List<String> read = new ArrayList<>();

        Map<String, String> answers = Map.of();
        java.time.Instant saved = null;
        if (options.answers() != null) {
            try {
                AnswersFile.Loaded a = AnswersFile.read(options.answers());
                answers = a.answers();
                warnings.addAll(a.warnings());
                saved = java.nio.file.Files.getLastModifiedTime(options.answers()).toInstant();
                read.add("answers " + options.answers() + ", saved " + Provenance.time(saved));
            } catch (IOException e) {
                warnings.add(e.getMessage());
            }
        }
        CaseEvidence evidence = new CaseEvidence(result, answers, options.settings());
        if (options.answers() != null && !answers.isEmpty()) {
            evidence.with(AnswersSource.class, new AnswersSource(options.answers().toString(), saved,
                    java.time.Instant.now()));
        }

        DeviceInfo info = new DeviceInfo(Map.of());
        for (EvidenceOptions.DeviceInfoInput in : options.deviceInfo()) {
            try {
                info = info.merge(DeviceInfo.of(List.of(DeviceInfoReader.read(in.file(), in.domain()))));
                read.add("ideviceinfo " + in.file());
            } catch (IOException e) {
                warnings.add(e.getMessage());
            }
        }
        sub.worked(10);
        if (options.live()) {
            String exe = options.settings().get(IDEVICEINFO_PATH);
            IdeviceinfoRunner.Outcome live = new IdeviceinfoRunner(exe == null || exe.isBlank() ? null : Path.of(exe.trim()),
                    options.liveTimeout()).read(sub.split(20));
            warnings.addAll(live.messages());
            if (!live.info().isEmpty()) {
                // the live read is the freshest look at the device: it wins over files for the same key (a re-run
                // with the device attached must not re-read a stale file's values)
                info = info.merge(live.info());
                read.add("ideviceinfo live (" + String.join(", ", live.info().domains().keySet()) + "), read "
                        + Provenance.time(java.time.Instant.now()));
            }
        }
        sub.setWorkRemaining(70);
        if (!info.isEmpty()) evidence.with(DeviceInfo.class, info);

        DeviceSnapshot current = null;
        if (options.backup() != null) {
            try {
                current = DeviceSnapshot.read(options.backup(), sub.split(40));
                warnings.addAll(current.warnings());
                read.add("device files " + options.backup());
                evidence.with(DeviceSnapshot.class, current);
                if (current.backup() != null) evidence.with(BackupEvidence.class, current.backup());
                if (current.photos() != null) evidence.with(PhotosLibraryStats.class, current.photos());
                if (current.enableLog() != null) evidence.with(EnableLog.class, current.enableLog());
            } catch (IOException e) {
                warnings.add(e.getMessage());
            }
        }
        sub.setWorkRemaining(30);
        if (options.previous() != null) {
            try {
                DeviceSnapshot previous = DeviceSnapshot.read(options.previous(), sub.split(30));
                warnings.addAll(previous.warnings());
                read.add("previous snapshot " + options.previous());
                if (previous.photos() == null) {
                    warnings.add(options.previous() + " has no readable Photos.sqlite to compare pending uploads with.");
                } else if (current == null || current.photos() == null) {
                    warnings.add("A previous snapshot was given but no current one (--backup) with a Photos.sqlite:"
                            + " nothing to compare it with.");
                } else {
                    evidence.with(SnapshotComparison.class,
                            SnapshotComparison.compare(previous.photos(), current.photos()));
                }
            } catch (IOException e) {
                warnings.add(e.getMessage());
            }
        }
        evidence.with(EvidenceSources.class, new EvidenceSources(read, warnings));
        sub.done();
        return new Loaded(evidence, warnings);
    }
}
