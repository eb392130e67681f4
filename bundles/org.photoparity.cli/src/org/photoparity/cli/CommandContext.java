package org.photoparity.cli;

import java.io.PrintStream;

/** Where a command writes: results to {@code out}, progress and messages to {@code err}. */
public record CommandContext(PrintStream out, PrintStream err) {
}
