package org.photoparity.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IContributor;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.IProbe;
import org.photoparity.core.spi.ISource;

/**
 * The one place that reads PhotoParity's extension points. Every contribution is loaded once, eagerly, so that a
 * broken one (class missing, constructor throwing, bad attribute, text file missing) is found at start-up,
 * reported with the bundle that made it, and skipped: it never takes the application down.
 */
public final class PhotoParityRegistry {

    private final List<Contribution<ISource>> sources = new ArrayList<>();
    private final List<Contribution<IComparator>> comparators = new ArrayList<>();
    private final List<Contribution<IProbe>> probes = new ArrayList<>();
    private final List<Contribution<StrategyDescriptor>> strategies = new ArrayList<>();
    private final List<ContributionProblem> problems = new ArrayList<>();

    private static volatile PhotoParityRegistry shared;

    private PhotoParityRegistry() {
    }

    /** The registry of the running platform, loaded on first use. */
    public static PhotoParityRegistry get() {
        PhotoParityRegistry r = shared;
        if (r == null) {
            synchronized (PhotoParityRegistry.class) {
                r = shared;
                if (r == null) shared = r = load(Platform.getExtensionRegistry());
            }
        }
        return r;
    }

    /** Forgets the loaded registry, e.g. after p2 installed a new bundle. */
    public static synchronized void reset() {
        shared = null;
    }

    public static PhotoParityRegistry load(IExtensionRegistry registry) {
        PhotoParityRegistry r = new PhotoParityRegistry();
        if (registry == null) {
            r.problems.add(new ContributionProblem(ContributionKind.SOURCE, "-", "-",
                    "No extension registry: PhotoParity must run inside its OSGi product."));
            return r;
        }
        r.loadExecutables(registry, ContributionKind.SOURCE, ISource.class, r.sources);
        r.loadExecutables(registry, ContributionKind.COMPARATOR, IComparator.class, r.comparators);
        r.loadExecutables(registry, ContributionKind.PROBE, IProbe.class, r.probes);
        r.loadStrategies(registry);
        r.comparators.sort(Comparator.comparingInt((Contribution<IComparator> c) -> c.intAttribute("order", 1000))
                .thenComparing(Contribution::id));
        r.probes.sort(Comparator.comparingInt((Contribution<IProbe> c) -> c.intAttribute("fix", 99))
                .thenComparing(Contribution::id));
        r.strategies.sort(Comparator.comparingInt((Contribution<StrategyDescriptor> c) -> c.instance().fix())
                .thenComparing(Contribution::id));
        r.sources.sort(Comparator.comparing(Contribution::id));
        return r;
    }

    public List<Contribution<ISource>> sources() {
        return List.copyOf(sources);
    }

    /** Comparators in chain order. */
    public List<Contribution<IComparator>> comparators() {
        return List.copyOf(comparators);
    }

    /** Probes by fix number. */
    public List<Contribution<IProbe>> probes() {
        return List.copyOf(probes);
    }

    /** Strategies by fix number. */
    public List<Contribution<StrategyDescriptor>> strategies() {
        return List.copyOf(strategies);
    }

    public List<ContributionProblem> problems() {
        return List.copyOf(problems);
    }

    /** Every working contribution, grouped by kind: what `photoparity plugins` and the Plug-ins view list. */
    public List<Contribution<?>> all() {
        List<Contribution<?>> all = new ArrayList<>();
        all.addAll(sources);
        all.addAll(comparators);
        all.addAll(probes);
        all.addAll(strategies);
        return all;
    }

    public Contribution<ISource> source(String id) {
        return sources.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    private <T> void loadExecutables(IExtensionRegistry registry, ContributionKind kind, Class<T> type,
            List<Contribution<T>> into) {
        for (IConfigurationElement e : registry.getConfigurationElementsFor(kind.pointId())) {
            String bundle = bundleOf(e.getContributor());
            String id = e.getAttribute("id");
            try {
                if (!kind.element().equals(e.getName())) {
                    problems.add(new ContributionProblem(kind, String.valueOf(id), bundle,
                            "unexpected element <" + e.getName() + ">, expected <" + kind.element() + ">"));
                    continue;
                }
                Map<String, String> attrs = attributes(e);
                String problem = validate(kind, attrs);
                if (problem != null) {
                    problems.add(new ContributionProblem(kind, String.valueOf(id), bundle, problem));
                    continue;
                }
                Object o = e.createExecutableExtension("class");
                if (!type.isInstance(o)) {
                    problems.add(new ContributionProblem(kind, id, bundle,
                            o.getClass().getName() + " does not implement " + type.getName()));
                    continue;
                }
                into.add(new Contribution<>(kind, id, nameOf(attrs, id), bundle, versionOf(bundle), attrs,
                        type.cast(o)));
            } catch (Throwable t) { // CoreException, LinkageError, anything a constructor throws
                problems.add(new ContributionProblem(kind, String.valueOf(id), bundle, describe(t)));
            }
        }
    }

    private void loadStrategies(IExtensionRegistry registry) {
        ContributionKind kind = ContributionKind.STRATEGY;
        for (IConfigurationElement e : registry.getConfigurationElementsFor(kind.pointId())) {
            String bundle = bundleOf(e.getContributor());
            String id = e.getAttribute("id");
            try {
                Map<String, String> attrs = attributes(e);
                String problem = validate(kind, attrs);
                if (problem != null) {
                    problems.add(new ContributionProblem(kind, String.valueOf(id), bundle, problem));
                    continue;
                }
                Properties text = readText(bundle, attrs.get("text"));
                List<String> steps = new ArrayList<>();
                for (int i = 1; text.getProperty("step." + i) != null; i++) steps.add(text.getProperty("step." + i));
                String why = text.getProperty("why");
                if (why == null || steps.isEmpty()) {
                    problems.add(new ContributionProblem(kind, id, bundle,
                            attrs.get("text") + " must define why and step.1"));
                    continue;
                }
                List<String> probeIds = attrs.get("probes") == null ? List.of()
                        : Arrays.stream(attrs.get("probes").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                                .toList();
                StrategyDescriptor d = new StrategyDescriptor(id, Integer.parseInt(attrs.get("fix").trim()),
                        nameOf(attrs, id), why, steps, text.getProperty("confirm", ""), probeIds, bundle);
                strategies.add(new Contribution<>(kind, id, d.title(), bundle, versionOf(bundle), attrs, d));
            } catch (Throwable t) {
                problems.add(new ContributionProblem(kind, String.valueOf(id), bundle, describe(t)));
            }
        }
    }

    private static String validate(ContributionKind kind, Map<String, String> attrs) {
        if (blank(attrs.get("id"))) return "missing id";
        if (blank(attrs.get("name"))) return "missing name";
        switch (kind) {
            case PROBE, STRATEGY -> {
                String fix = attrs.get("fix");
                int n;
                try {
                    n = Integer.parseInt(String.valueOf(fix).trim());
                } catch (NumberFormatException ex) {
                    return "fix must be a number from 1 to 7, was " + fix;
                }
                if (n < 1 || n > 7) return "fix must be a number from 1 to 7, was " + n;
            }
            case COMPARATOR -> {
                try {
                    Integer.parseInt(String.valueOf(attrs.get("order")).trim());
                } catch (NumberFormatException ex) {
                    return "order must be a whole number, was " + attrs.get("order");
                }
            }
            default -> { }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Properties readText(String bundleName, String path) throws IOException {
        Bundle b = Platform.getBundle(bundleName);
        URL url = b == null ? null : b.getEntry(path);
        if (url == null) throw new IOException("text file " + path + " not found in bundle " + bundleName);
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Map<String, String> attributes(IConfigurationElement e) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : e.getAttributeNames()) {
            String v = e.getAttribute(n);
            if (v != null) m.put(n, v);
        }
        return m;
    }

    private static String nameOf(Map<String, String> attrs, String id) {
        String n = attrs.get("name");
        return n == null ? id : n;
    }

    private static String bundleOf(IContributor c) {
        return c == null ? "?" : c.getName();
    }

    private static String versionOf(String bundleName) {
        Bundle b = Platform.getBundle(bundleName);
        return b == null ? "?" : b.getVersion().toString();
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = t.getClass().getSimpleName() + ": " + t.getMessage();
        if (root != t) msg += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return msg;
    }
}
