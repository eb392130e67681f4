package org.photoparity.core.tests;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.Reconciliation;

public class TestComparator implements IComparator {
    @Override
    public void run(Reconciliation reconciliation, IProgressMonitor monitor) {
        // order-only contribution
    }
}
