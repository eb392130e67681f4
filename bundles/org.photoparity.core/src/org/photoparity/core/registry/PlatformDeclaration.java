package org.photoparity.core.registry;

import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/** A plugin.xml element as the running platform's extension registry holds it. */
record PlatformDeclaration(IConfigurationElement e) implements Declaration {

    @Override
    public String element() {
        return e.getName();
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : e.getAttributeNames()) {
            String v = e.getAttribute(n);
            if (v != null) m.put(n, v);
        }
        return m;
    }

    @Override
    public List<Declaration> children(String element) {
        List<Declaration> out = new ArrayList<>();
        for (IConfigurationElement c : e.getChildren(element)) out.add(new PlatformDeclaration(c));
        return out;
    }

    @Override
    public String bundle() {
        return e.getContributor() == null ? "?" : e.getContributor().getName();
    }

    @Override
    public String version() {
        Bundle b = Platform.getBundle(bundle());
        return b == null ? "?" : b.getVersion().toString();
    }

    @Override
    public Object createInstance(String attribute) throws Exception {
        return e.createExecutableExtension(attribute);
    }

    @Override
    public URL entry(String path) {
        Bundle b = Platform.getBundle(bundle());
        return b == null ? null : b.getEntry(path);
    }
}
