package org.photoparity.bench;

import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.photoparity.cli.CommandContext;
import org.photoparity.cli.ICommand;

/** bench-scan and bench-match as command-line contributions, for a product with the benchmark feature installed. */
public final class BenchCommands implements ICommand, IExecutableExtension {

    private String which = "";

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
        which = data == null ? "" : data.toString().trim();
    }

    @Override
    public int run(List<String> args, CommandContext context) {
        String[] a = args.toArray(String[]::new);
        return switch (which) {
            case "scan" -> ScanBench.run(a, context.out());
            case "match" -> MatchBench.run(a, context.out());
            default -> throw new IllegalStateException("plugin.xml names an unknown benchmark: " + which);
        };
    }
}
