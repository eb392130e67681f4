package org.photoparity.core.spi;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.ProbeResult;

/**
 * A check for one of the seven fixes, contributed under {@code org.photoparity.core.probes}. With no evidence at
 * all it answers UNKNOWN, never PASS. Network or device access is bounded by timeouts and honours cancellation.
 */
public interface IProbe {

    ProbeResult run(CaseEvidence evidence, IProgressMonitor monitor);
}
