package org.photoparity.cli;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.SettingDescriptor;

/**
 * The engine's own commands, one contribution each in this bundle's plugin.xml
 * ({@code class="org.photoparity.cli.BuiltInCommands:scan"}); the bodies are in {@link Commands}.
 */
public final class BuiltInCommands extends NamedCommand {

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException, IOException {
        Commands c = new Commands(context.out(), context.err());
        return switch (which()) {
            case "scan" -> c.scan(args);
            case "analyze" -> c.analyze(args);
            case "probes" -> c.probes(args);
            case "demo" -> c.demo(args);
            case "plugins" -> new Cli(context.out(), context.err()).plugins(args);
            case "settings" -> settings(args, context);
            default -> throw new IllegalStateException("plugin.xml names an unknown built-in command: " + which());
        };
    }

    /** Every declared setting, as its bundle declares it: the reference for --set and the Preferences. */
    private static int settings(List<String> args, CommandContext context) throws UsageException {
        Args a = Args.parse("settings", args, Set.of(), Set.of());
        if (!a.positional().isEmpty()) throw new UsageException("settings takes no arguments");
        String group = null;
        for (SettingDescriptor s : PhotoParityRegistry.get().settings().all().stream()
                .sorted(Comparator.comparing(SettingDescriptor::group)).toList()) {
            if (!s.group().equals(group)) {
                context.out().println((group == null ? "" : "\n") + s.group() + ":");
                group = s.group();
            }
            context.out().printf(Locale.ROOT, "  %s=%s%n      %s; %s%n      %s (bundle %s)%n", s.key(),
                    s.defaultValue(), s.label(), s.expected(), s.help(), s.bundle());
        }
        return Cli.OK;
    }
}
