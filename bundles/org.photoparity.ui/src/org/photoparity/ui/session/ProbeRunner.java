package org.photoparity.ui.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;

/** Runs some or all registered probes on a case's evidence; a probe that throws is reported UNKNOWN, not fatal. */
public final class ProbeRunner {

    private ProbeRunner() {
    }

    /** Runs the probes whose ids are listed (every probe when {@code ids} is null), in registry order. */
    public static List<ProbeResult> run(Collection<String> ids, CaseEvidence evidence, IProgressMonitor monitor) {
        List<Contribution<IProbe>> probes = new ArrayList<>();
        for (Contribution<IProbe> c : PhotoParityRegistry.get().probes()) {
            if (ids == null || ids.contains(c.id())) probes.add(c);
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Running probes", probes.size());
        List<ProbeResult> out = new ArrayList<>();
        for (Contribution<IProbe> c : probes) {
            if (sub.isCanceled()) throw new OperationCanceledException();
            sub.subTask(c.name());
            out.add(runOne(c, evidence, sub.split(1)));
        }
        return out;
    }

    static ProbeResult runOne(Contribution<IProbe> c, CaseEvidence evidence, IProgressMonitor monitor) {
        int fix = c.intAttribute("fix", 0);
        try {
            ProbeResult r = c.instance().run(evidence, monitor);
            if (r == null) {
                return new ProbeResult(fix, c.id(), ProbeStatus.UNKNOWN, "The probe returned nothing.",
                        List.of("bundle " + c.bundle() + " " + c.version()));
            }
            return r;
        } catch (OperationCanceledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            return new ProbeResult(fix, c.id(), ProbeStatus.UNKNOWN,
                    "The probe failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                    List.of("bundle " + c.bundle() + " " + c.version()
                            + " threw it; see the Error Log or run `photoparity probes` for details"));
        }
    }
}
