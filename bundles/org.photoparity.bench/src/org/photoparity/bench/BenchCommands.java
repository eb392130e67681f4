package org.photoparity.bench;

import java.util.List;

import org.photoparity.cli.CommandContext;
import org.photoparity.cli.NamedCommand;

/** bench-scan and bench-match as command-line contributions, for a product with the benchmark feature installed. */
public final class BenchCommands extends NamedCommand {

    @Override
    public int run(List<String> args, CommandContext context) {
        String[] a = args.toArray(String[]::new);
        return switch (which()) {
            case "scan" -> ScanBench.run(a, context.out());
            case "match" -> MatchBench.run(a, context.out());
            default -> throw new IllegalStateException("plugin.xml names an unknown benchmark: " + which());
        };
    }
}
