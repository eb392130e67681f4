package org.photoparity.sources;

import org.photoparity.core.spi.ISource;

/**
 * A source the scanner may use: its id (the kind: prefix), its tie-break priority and the implementation.
 */
public record SourceEntry(String id, String name, int priority, ISource source) {
}
