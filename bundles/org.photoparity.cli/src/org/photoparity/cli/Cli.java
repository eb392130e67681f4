package org.photoparity.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.ContributionProblem;
import org.photoparity.core.registry.PhotoParityRegistry;

/**
 * The PhotoParity command line. Exit codes: 0 the command completed (whatever it found), 1 it could not run,
 * 2 bad usage (one line on stderr).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String[] argv) {
        List<String> args = Arrays.asList(argv);
        if (args.isEmpty()) {
            err.println("photoparity: no command given (see photoparity --help)");
            return USAGE;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "--help", "-h", "help" -> help();
                case "--version", "version" -> version();
                case "plugins" -> plugins(rest);
                default -> throw new UsageException("unknown command '" + command + "' (see photoparity --help)");
            };
        } catch (UsageException e) {
            err.println("photoparity: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("photoparity: " + command + " failed: " + e);
            return FAILED;
        }
    }

    private int help() {
        out.println("""
                PhotoParity %s: reconcile an iPhone/iPad photo library with its iCloud library.

                Usage: photoparity [command] [options]
                  (no command)          open the workbench on the demo case (needs a display)
                  plugins               list every contribution: kind, id, name, bundle, version
                  --help                this help
                  --version             the version

                Exit codes: 0 done (whatever was found), 1 could not run, 2 bad usage.""".formatted(versionString()));
        return OK;
    }

    private int version() {
        out.println("PhotoParity " + versionString());
        return OK;
    }

    static String versionString() {
        Bundle b = Platform.getBundle("org.photoparity.core");
        return b == null ? "unknown" : b.getVersion().toString();
    }

    private int plugins(List<String> rest) throws UsageException {
        Args a = Args.parse("plugins", rest, Set.of(), Set.of());
        if (!a.positional().isEmpty()) throw new UsageException("plugins takes no arguments");
        PhotoParityRegistry r = PhotoParityRegistry.get();
        List<Contribution<?>> all = r.all();
        String fmt = "%-11s %-28s %-40s %-34s %s%n";
        out.printf(Locale.ROOT, fmt, "KIND", "ID", "NAME", "BUNDLE", "VERSION");
        for (Contribution<?> c : all) {
            out.printf(Locale.ROOT, fmt, c.kind().label(), c.id(), c.name(), c.bundle(), c.version());
        }
        out.printf(Locale.ROOT, "%d contributions: %d sources, %d comparators, %d probes, %d strategies%n", all.size(),
                r.sources().size(), r.comparators().size(), r.probes().size(), r.strategies().size());
        for (ContributionProblem p : r.problems()) {
            out.printf(Locale.ROOT, "BROKEN %s %s from bundle %s: %s%n", p.kind().label(), p.id(), p.bundle(),
                    p.message());
        }
        return OK;
    }
}
