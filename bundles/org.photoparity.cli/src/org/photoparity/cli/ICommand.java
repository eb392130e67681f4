package org.photoparity.cli;

import java.io.IOException;
import java.util.List;

/**
 * One command of the {@code photoparity} command line, contributed under {@code org.photoparity.cli.commands}
 * (name, usage and help are declared in plugin.xml, as MAT declares its named queries), so that {@code --help}
 * lists what is installed. Returns the exit code: {@link Cli#OK} when the command completed.
 */
public interface ICommand {

    int run(List<String> args, CommandContext context) throws UsageException, IOException;
}
