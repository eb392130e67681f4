package org.photoparity.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.Platform;

/**
 * The commands contributed to {@code org.photoparity.cli.commands}. A broken contribution (class missing, no name,
 * a name another bundle already took) is kept as a problem line for {@code plugins} and skipped.
 */
public final class CommandRegistry {

    public static final String POINT = "org.photoparity.cli.commands";

    private final List<CommandDescriptor> commands = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private CommandRegistry() {
    }

    public static CommandRegistry load() {
        return load(Platform.getExtensionRegistry());
    }

    public static CommandRegistry load(IExtensionRegistry registry) {
        CommandRegistry r = new CommandRegistry();
        if (registry == null) return r;
        for (IConfigurationElement e : registry.getConfigurationElementsFor(POINT)) {
            String bundle = e.getContributor() == null ? "?" : e.getContributor().getName();
            String name = e.getAttribute("name");
            try {
                if (name == null || name.isBlank()) {
                    r.problems.add("command from bundle " + bundle + ": missing name");
                    continue;
                }
                List<String> aliases = e.getAttribute("aliases") == null ? List.of()
                        : Arrays.stream(e.getAttribute("aliases").split(",")).map(String::trim)
                                .filter(s -> !s.isEmpty()).toList();
                String taken = r.firstTaken(name, aliases);
                if (taken != null) {
                    r.problems.add("command " + name + " from bundle " + bundle + ": the name " + taken
                            + " is already taken by bundle " + r.find(taken).bundle());
                    continue;
                }
                Object o = e.createExecutableExtension("class");
                if (!(o instanceof ICommand c)) {
                    r.problems.add("command " + name + " from bundle " + bundle + ": " + o.getClass().getName()
                            + " does not implement " + ICommand.class.getName());
                    continue;
                }
                StringBuilder help = new StringBuilder();
                for (IConfigurationElement h : e.getChildren("help")) {
                    if (h.getValue() != null) help.append(h.getValue().strip());
                }
                int order;
                try {
                    order = e.getAttribute("order") == null ? 1000 : Integer.parseInt(e.getAttribute("order").trim());
                } catch (NumberFormatException ex) {
                    order = 1000;
                }
                String usage = e.getAttribute("usage") == null ? name : e.getAttribute("usage");
                r.commands.add(new CommandDescriptor(name, aliases, usage, help.toString(), order, bundle, c));
            } catch (Throwable t) { // CoreException, LinkageError, anything a constructor throws
                r.problems.add("command " + name + " from bundle " + bundle + ": " + t);
            }
        }
        r.commands.sort(Comparator.comparingInt(CommandDescriptor::order).thenComparing(CommandDescriptor::name));
        return r;
    }

    private String firstTaken(String name, List<String> aliases) {
        if (find(name) != null) return name;
        for (String a : aliases) {
            if (find(a) != null) return a;
        }
        return null;
    }

    /** The command answering to what the user typed, or null. */
    public CommandDescriptor find(String typed) {
        for (CommandDescriptor c : commands) {
            if (c.answersTo(typed)) return c;
        }
        return null;
    }

    /** In --help order. */
    public List<CommandDescriptor> commands() {
        return List.copyOf(commands);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
