package org.photoparity.cli;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;

/**
 * A class serving several commands, told which one by its plugin.xml ({@code class="x.Commands:scan"}): the text
 * after the colon reaches {@link #which()}.
 */
public abstract class NamedCommand implements ICommand, IExecutableExtension {

    private String which = "";

    @Override
    public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
        which = data == null ? "" : data.toString().trim();
    }

    /** The name after the colon in plugin.xml's class attribute. */
    protected String which() {
        return which;
    }
}
