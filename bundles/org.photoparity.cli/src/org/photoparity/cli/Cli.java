package org.photoparity.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.photoparity.core.io.ConsoleText;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.ContributionProblem;
import org.photoparity.core.registry.PhotoParityRegistry;

/**
 * The PhotoParity command line. Exit codes: 0 the command completed (whatever it found), 1 it could not run
 * (one line on stderr, also for an OutOfMemoryError), 2 bad usage (one line on stderr), 130 stopped by Ctrl-C.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;
    private CommandRegistry commands;

    public Cli(PrintStream out, PrintStream err) {
        // names of files and entries come from the inputs: never let them drive the terminal
        this.out = ConsoleText.stream(out, false);
        this.err = ConsoleText.stream(err, true);
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
                default -> {
                    CommandDescriptor c = commands().find(command);
                    if (c == null) {
                        throw new UsageException("unknown command '" + command + "' (see photoparity --help)");
                    }
                    yield c.command().run(rest, new CommandContext(out, err));
                }
            };
        } catch (UsageException e) {
            err.println("photoparity: " + e.getMessage());
            return USAGE;
        } catch (org.eclipse.core.runtime.OperationCanceledException e) {
            err.println("photoparity: " + command + " cancelled; nothing was changed in the sources.");
            return FAILED;
        } catch (java.io.IOException e) {
            err.println("photoparity: " + command + " could not run: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("photoparity: " + command + " failed: " + e);
            if (Boolean.getBoolean("photoparity.debug")) e.printStackTrace(err);
            return FAILED;
        } catch (OutOfMemoryError e) {
            err.println("photoparity: " + command + " ran out of memory (" + e.getMessage() + "): an input is larger"
                    + " than the heap allows; give more with PHOTOPARITY_JAVA_OPTS=-Xmx4g, or check the inputs.");
            return FAILED;
        } catch (StackOverflowError e) {
            err.println("photoparity: " + command + " failed: an input nests too deeply to be read.");
            return FAILED;
        } catch (Error e) {
            err.println("photoparity: " + command + " failed: " + e);
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private CommandRegistry commands() {
        if (commands == null) commands = CommandRegistry.load();
        return commands;
    }

    /** The installed commands, each with its usage and help as its plugin.xml declares them. */
    private int help() {
        StringBuilder b = new StringBuilder();
        b.append("PhotoParity ").append(versionString())
                .append(": reconcile an iPhone/iPad photo library with its iCloud library.\n\n");
        b.append("Usage: photoparity [command] [options]\n");
        b.append(entry("(no command)", "open the workbench on the last case, or the demo case (needs a display)"));
        b.append(entry("workbench [-data DIR] [-clean] [-clearPersistedState]",
                "the same, with Eclipse's options: -data DIR keeps the workbench's layout in DIR\n"
                        + "(default: the user's data folder), -clearPersistedState restores the default\n"
                        + "layout; the options may also come first, without the word workbench"));
        for (CommandDescriptor c : commands().commands()) b.append(entry(c.usage(), c.help()));
        b.append(entry("--help", "this help"));
        b.append(entry("--version", "the version"));
        b.append("""

                Evidence options (analyze, probes):
                  --device-info [DOMAIN=]FILE  ideviceinfo output, text or -x XML, one file per domain (repeatable)
                  --backup DIR          an unencrypted iOS backup (Info.plist, Manifest.db, Photos.sqlite)
                  --previous DIR        an earlier backup of the same device (are pending uploads moving?)
                  --answers FILE        the technician's answers (answers.properties)
                  --live                also read an attached device with ideviceinfo

                A PATH may start with a kind to skip auto-detection: folder:, zip:, privacy-export:,
                ios-backup:, photos-sqlite: (see `photoparity plugins` for every source).

                Exit codes: 0 done (whatever was found), 1 could not run, 2 bad usage, 130 stopped by Ctrl-C.""");
        out.println(b);
        return OK;
    }

    /** "  usage   first help line", further help lines under it, indented. */
    private static String entry(String usage, String help) {
        String indent = " ".repeat(24);
        List<String> lines = help == null || help.isBlank() ? List.of() : help.strip().lines().toList();
        StringBuilder b = new StringBuilder("  ").append(usage);
        if (usage.length() <= 20 && !lines.isEmpty()) {
            b.append(" ".repeat(22 - usage.length())).append(lines.get(0).strip()).append('\n');
            lines = lines.subList(1, lines.size());
        } else {
            b.append('\n');
        }
        for (String l : lines) b.append(indent).append(l.stripTrailing()).append('\n');
        return b.toString();
    }

    private int version() {
        out.println("PhotoParity " + versionString());
        return OK;
    }

    static String versionString() {
        Bundle b = Platform.getBundle("org.photoparity.core");
        return b == null ? "unknown" : b.getVersion().toString();
    }

    int plugins(List<String> rest) throws UsageException {
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
        for (CommandDescriptor c : commands().commands()) {
            Bundle b = Platform.getBundle(c.bundle());
            out.printf(Locale.ROOT, fmt, "command", c.name(), c.usage(), c.bundle(),
                    b == null ? "?" : b.getVersion().toString());
        }
        for (ContributionProblem p : r.problems()) {
            out.printf(Locale.ROOT, "BROKEN %s %s from bundle %s: %s%n", p.kind().label(), p.id(), p.bundle(),
                    p.message());
        }
        for (String p : commands().problems()) out.printf(Locale.ROOT, "BROKEN %s%n", p);
        return OK;
    }
}
