package org.photoparity.core.registry;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.Platform;

/** Reads the running platform's extension registry; kept apart so plain Java never loads platform classes. */
final class PlatformDeclarations {

    private PlatformDeclarations() {
    }

    /** The platform's registry, or null when there is none. */
    static IExtensionRegistry running() {
        return Platform.getExtensionRegistry();
    }

    static List<Declaration> of(IExtensionRegistry registry, String pointId) {
        List<Declaration> out = new ArrayList<>();
        for (IConfigurationElement e : registry.getConfigurationElementsFor(pointId)) {
            out.add(new PlatformDeclaration(e));
        }
        return out;
    }
}
