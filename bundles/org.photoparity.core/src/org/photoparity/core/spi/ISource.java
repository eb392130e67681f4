package org.photoparity.core.spi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input format, contributed under {@code org.photoparity.core.sources}. The same instance serves the workbench,
 * the command line and the reports. A source never writes under the path it reads.
 */
public interface ISource {

    /**
     * How sure this source is that it reads {@code path}: 0 when it does not, higher for more specific formats
     * (a privacy export beats a plain zip, an iOS backup beats a plain folder). Must be cheap: look at names and a
     * few bytes, never scan.
     */
    int recognize(Path path);

    /**
     * Streams what the path holds into {@code context}: each file read (or unreadable, with the reason), each
     * listing row, each file ignored on purpose. Checks {@code context.monitor().isCanceled()} often and throws
     * {@link org.eclipse.core.runtime.OperationCanceledException} when asked to stop.
     *
     * @throws IOException when the path as a whole cannot be read (the message names the path and what to do)
     */
    void scan(Path path, ScanContext context) throws IOException;

    /**
     * How many files {@link #scan} would report for {@code path} (each file, unreadable or ignored entry counts one),
     * from names only, or -1 when this source cannot tell cheaply. Progress shows "Scanning 45 of 86 files" with it.
     * Stops with {@link org.eclipse.core.runtime.OperationCanceledException} when {@code monitor} is canceled.
     */
    default long count(Path path, org.eclipse.core.runtime.IProgressMonitor monitor) throws IOException {
        return -1;
    }
}
