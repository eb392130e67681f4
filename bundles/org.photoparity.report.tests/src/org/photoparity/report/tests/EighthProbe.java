package org.photoparity.report.tests;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;

/** The test-only eighth fix's probe: always WARN. */
public final class EighthProbe implements IProbe {

    @Override
    public ProbeResult run(CaseEvidence evidence, IProgressMonitor monitor) {
        return new ProbeResult(0, "set-by-the-engine", ProbeStatus.WARN, "test warning", List.of("test evidence"));
    }
}
