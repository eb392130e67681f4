package org.photoparity.core.spi;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * One step of the reconciliation chain, contributed under {@code org.photoparity.core.comparators} and run in
 * ascending {@code order}. A matcher pairs still-unmatched device and cloud assets by one key (never overriding a
 * stronger contradiction); a classifier looks at the pairs and the leftovers and reports mismatches, each with the
 * evidence that decided it.
 */
public interface IComparator {

    void run(Reconciliation reconciliation, IProgressMonitor monitor);
}
