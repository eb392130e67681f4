package org.photoparity.core.registry;

import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * One element of a plugin.xml, wherever it was read: from the running platform's extension registry, or parsed
 * from the plugin.xml files on a plain class path (benchmarks and tools that run without OSGi). The registry
 * reads both the same way, so there is no Java copy of what plugin.xml declares.
 */
interface Declaration {

    /** The element's name (probe, strategy, setting...). */
    String element();

    /** Every attribute declared, in declaration order. */
    Map<String, String> attributes();

    default String attribute(String name) {
        return attributes().get(name);
    }

    List<Declaration> children(String element);

    /** Symbolic name of the contributing bundle. */
    String bundle();

    /** Version of the contributing bundle, "?" when unknown. */
    String version();

    /** An instance of the class named by the attribute, created the way the platform creates executables. */
    Object createInstance(String attribute) throws Exception;

    /** A file of the contributing bundle, or null. */
    URL entry(String path);
}
