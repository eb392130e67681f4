package org.photoparity.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed options of one command: repeatable {@code --name value} options, {@code --flag} switches and positional
 * arguments. Unknown options are a usage error naming the option.
 */
public final class Args {
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /**
     * @param valued options that take a value (without the leading --)
     * @param flags  options that take none
     */
    public static Args parse(String command, List<String> raw, Set<String> valued, Set<String> flags)
            throws UsageException {
        Args a = new Args();
        for (int i = 0; i < raw.size(); i++) {
            String s = raw.get(i);
            if (s.startsWith("--") && s.length() > 2) {
                String name = s.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= raw.size()) throw new UsageException(command + ": --" + name + " needs a value");
                        value = raw.get(++i);
                    }
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    throw new UsageException(command + ": unknown option --" + name + " (see photoparity --help)");
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    public String one(String name) throws UsageException {
        List<String> v = all(name);
        if (v.size() > 1) throw new UsageException("--" + name + " given more than once");
        return v.isEmpty() ? null : v.get(0);
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public List<String> positional() {
        return positional;
    }
}
