package org.photoparity.cli;

import java.util.List;

/**
 * A command as plugin.xml declares it.
 *
 * @param name    what the user types
 * @param aliases other spellings (e.g. analyse)
 * @param usage   one line: the name and its arguments
 * @param help    what it does, one or more lines
 * @param order   place in --help
 * @param bundle  the contributing bundle
 * @param command the implementation
 */
public record CommandDescriptor(String name, List<String> aliases, String usage, String help, int order,
        String bundle, ICommand command) {

    public CommandDescriptor {
        aliases = List.copyOf(aliases);
    }

    public boolean answersTo(String typed) {
        return name.equals(typed) || aliases.contains(typed);
    }
}
