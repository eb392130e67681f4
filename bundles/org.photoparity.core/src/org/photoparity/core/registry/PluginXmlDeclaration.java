package org.photoparity.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A plugin.xml element parsed from a bundle jar or folder on a plain class path, for running without OSGi (the
 * benchmarks measure the registry's real chain this way). Classes are loaded with the given class loader.
 */
record PluginXmlDeclaration(Element e, String bundle, String version, URL base, ClassLoader loader)
        implements Declaration {

    /** Every extension element under {@code pointId} in the plugin.xml files the class loader sees. */
    static Map<String, List<Declaration>> scan(ClassLoader loader) throws IOException {
        Map<String, List<Declaration>> byPoint = new LinkedHashMap<>();
        Enumeration<URL> xmls = loader.getResources("plugin.xml");
        while (xmls.hasMoreElements()) {
            URL xml = xmls.nextElement();
            URL base = parent(xml);
            String[] nameVersion = bundleOf(base);
            if (nameVersion == null) continue; // not a bundle
            Element root;
            try (InputStream in = xml.openStream()) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                DocumentBuilder b = f.newDocumentBuilder();
                root = b.parse(in).getDocumentElement();
            } catch (Exception ex) {
                throw new IOException("cannot read " + xml + ": " + ex.getMessage(), ex);
            }
            for (Element ext : elements(root, "extension")) {
                String point = ext.getAttribute("point");
                for (Element c : elements(ext, null)) {
                    byPoint.computeIfAbsent(point, k -> new ArrayList<>())
                            .add(new PluginXmlDeclaration(c, nameVersion[0], nameVersion[1], base, loader));
                }
            }
        }
        return byPoint;
    }

    private static URL parent(URL xml) throws MalformedURLException {
        String s = xml.toString();
        return URI.create(s.substring(0, s.length() - "plugin.xml".length())).toURL();
    }

    private static String[] bundleOf(URL base) {
        try (InputStream in = new URL(base, "META-INF/MANIFEST.MF").openStream()) {
            Manifest m = new Manifest(in);
            String name = m.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null) return null;
            int semi = name.indexOf(';');
            String version = m.getMainAttributes().getValue("Bundle-Version");
            return new String[] {(semi < 0 ? name : name.substring(0, semi)).trim(), version == null ? "?" : version};
        } catch (IOException ex) {
            return null;
        }
    }

    private static List<Element> elements(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && (name == null || name.equals(el.getTagName()))) out.add(el);
        }
        return out;
    }

    @Override
    public String element() {
        return e.getTagName();
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> m = new LinkedHashMap<>();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) m.put(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
        return m;
    }

    @Override
    public List<Declaration> children(String element) {
        List<Declaration> out = new ArrayList<>();
        for (Element c : elements(e, element)) out.add(new PluginXmlDeclaration(c, bundle, version, base, loader));
        return out;
    }

    @Override
    public Object createInstance(String attribute) throws Exception {
        String name = e.getAttribute(attribute);
        int colon = name.indexOf(':');
        if (colon >= 0) name = name.substring(0, colon); // initialization data is for the platform only
        return Class.forName(name.trim(), true, loader).getConstructor().newInstance();
    }

    @Override
    public URL entry(String path) {
        try {
            URL u = new URL(base, path);
            try (InputStream in = u.openStream()) {
                return u;
            }
        } catch (IOException ex) {
            return null;
        }
    }
}
