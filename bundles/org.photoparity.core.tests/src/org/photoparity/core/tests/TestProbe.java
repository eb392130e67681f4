package org.photoparity.core.tests;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;

public class TestProbe implements IProbe {
    @Override
    public ProbeResult run(CaseEvidence evidence, IProgressMonitor monitor) {
        return new ProbeResult(3, "test.probe.ok", ProbeStatus.UNKNOWN, "test", List.of());
    }
}
