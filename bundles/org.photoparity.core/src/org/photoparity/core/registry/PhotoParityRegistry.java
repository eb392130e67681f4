package org.photoparity.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

import org.eclipse.core.runtime.IExtensionRegistry;
import org.photoparity.core.model.Category;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.IProbe;
import org.photoparity.core.spi.ISource;

/**
 * The one place that reads PhotoParity's extension points. Every contribution is loaded once, eagerly, so that a
 * broken one (class missing, constructor throwing, bad attribute, text file missing, an id another bundle already
 * took) is found at start-up, reported with the bundle that made it, and skipped: it never takes the application
 * down. Inside the product it reads the platform's extension registry; on a plain class path (benchmarks) it
 * parses the same plugin.xml files, so there is no Java copy of them.
 */
public final class PhotoParityRegistry {

    private final List<Contribution<ISource>> sources = new ArrayList<>();
    private final List<Contribution<IComparator>> comparators = new ArrayList<>();
    private final List<Contribution<IProbe>> probes = new ArrayList<>();
    private final List<Contribution<StrategyDescriptor>> strategies = new ArrayList<>();
    private final List<Contribution<SettingDescriptor>> settingContributions = new ArrayList<>();
    private final List<FixDescriptor> fixes = new ArrayList<>();
    private final List<ContributionProblem> problems = new ArrayList<>();
    private Settings settings = new Settings(List.of());

    private static volatile PhotoParityRegistry shared;

    private PhotoParityRegistry() {
    }

    /**
     * The registry of the running platform, loaded on first use; outside OSGi, the plugin.xml files on this
     * bundle's class path.
     */
    public static PhotoParityRegistry get() {
        PhotoParityRegistry r = shared;
        if (r == null) {
            synchronized (PhotoParityRegistry.class) {
                r = shared;
                if (r == null) shared = r = loadRunning();
            }
        }
        return r;
    }

    private static PhotoParityRegistry loadRunning() {
        IExtensionRegistry running = null;
        try {
            running = PlatformDeclarations.running();
        } catch (LinkageError | RuntimeException e) {
            // no OSGi platform on this class path: plain Java
        }
        if (running != null) return load(running);
        return fromClassPath(PhotoParityRegistry.class.getClassLoader());
    }

    /** Forgets the loaded registry, e.g. after p2 installed a new bundle. */
    public static synchronized void reset() {
        shared = null;
    }

    public static PhotoParityRegistry load(IExtensionRegistry registry) {
        if (registry == null) {
            PhotoParityRegistry r = new PhotoParityRegistry();
            r.problems.add(new ContributionProblem(ContributionKind.SOURCE, "-", "-",
                    "No extension registry: PhotoParity must run inside its OSGi product."));
            return r;
        }
        return load(point -> PlatformDeclarations.of(registry, point));
    }

    /** The contributions declared by the plugin.xml files (of bundle jars or folders) that {@code loader} sees. */
    public static PhotoParityRegistry fromClassPath(ClassLoader loader) {
        try {
            Map<String, List<Declaration>> byPoint = PluginXmlDeclaration.scan(loader);
            return load(point -> byPoint.getOrDefault(point, List.of()));
        } catch (IOException e) {
            PhotoParityRegistry r = new PhotoParityRegistry();
            r.problems.add(new ContributionProblem(ContributionKind.SOURCE, "-", "-", e.getMessage()));
            return r;
        }
    }

    private static PhotoParityRegistry load(Function<String, List<Declaration>> declared) {
        PhotoParityRegistry r = new PhotoParityRegistry();
        r.loadSettings(declared.apply(ContributionKind.SETTING.pointId()));
        r.loadExecutables(declared.apply(ContributionKind.SOURCE.pointId()), ContributionKind.SOURCE, ISource.class,
                r.sources);
        r.loadExecutables(declared.apply(ContributionKind.COMPARATOR.pointId()), ContributionKind.COMPARATOR,
                IComparator.class, r.comparators);
        r.loadExecutables(declared.apply(ContributionKind.PROBE.pointId()), ContributionKind.PROBE, IProbe.class,
                r.probes);
        r.loadStrategies(declared.apply(ContributionKind.STRATEGY.pointId()));
        r.comparators.sort(Comparator.comparingInt((Contribution<IComparator> c) -> c.intAttribute("order", 1000))
                .thenComparing(Contribution::id));
        r.probes.sort(Comparator.comparingInt((Contribution<IProbe> c) -> c.intAttribute("fix", 0))
                .thenComparing(Contribution::id));
        r.strategies.sort(Comparator.comparingInt((Contribution<StrategyDescriptor> c) -> c.instance().fix())
                .thenComparing(Contribution::id));
        r.sources.sort(Comparator.comparing(Contribution::id));
        r.buildFixes();
        return r;
    }

    public List<Contribution<ISource>> sources() {
        return List.copyOf(sources);
    }

    /** Comparators in chain order. */
    public List<Contribution<IComparator>> comparators() {
        return List.copyOf(comparators);
    }

    /** The comparator chain: what every reconciliation runs, in its declared order. */
    public List<IComparator> chain() {
        return comparators.stream().map(Contribution::instance).toList();
    }

    /** Probes by fix number. */
    public List<Contribution<IProbe>> probes() {
        return List.copyOf(probes);
    }

    /** Strategies by fix number. */
    public List<Contribution<StrategyDescriptor>> strategies() {
        return List.copyOf(strategies);
    }

    /** The installed fixes by number: titles, the categories each explains and how strongly, their probes. */
    public List<FixDescriptor> fixes() {
        return List.copyOf(fixes);
    }

    /** The settings every installed bundle declares. */
    public Settings settings() {
        return settings;
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
        all.addAll(settingContributions);
        return all;
    }

    public Contribution<ISource> source(String id) {
        return sources.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    private <T> void loadExecutables(List<Declaration> declared, ContributionKind kind, Class<T> type,
            List<Contribution<T>> into) {
        Map<String, String> taken = new HashMap<>();
        for (Declaration e : declared) {
            String bundle = e.bundle();
            String id = e.attribute("id");
            try {
                if (!kind.element().equals(e.element())) {
                    problems.add(new ContributionProblem(kind, String.valueOf(id), bundle,
                            "unexpected element <" + e.element() + ">, expected <" + kind.element() + ">"));
                    continue;
                }
                Map<String, String> attrs = e.attributes();
                String problem = validate(kind, attrs);
                if (problem == null) problem = duplicate(taken, id, bundle);
                if (problem != null) {
                    problems.add(new ContributionProblem(kind, String.valueOf(id), bundle, problem));
                    continue;
                }
                Object o = e.createInstance("class");
                if (!type.isInstance(o)) {
                    problems.add(new ContributionProblem(kind, id, bundle,
                            o.getClass().getName() + " does not implement " + type.getName()));
                    continue;
                }
                taken.put(id, bundle);
                into.add(new Contribution<>(kind, id, nameOf(attrs, id), bundle, e.version(), attrs, type.cast(o)));
            } catch (Throwable t) { // CoreException, LinkageError, anything a constructor throws
                problems.add(new ContributionProblem(kind, String.valueOf(id), bundle, describe(t)));
            }
        }
    }

    /** Null when the id is free, else the problem: the first bundle keeps it. */
    private static String duplicate(Map<String, String> taken, String id, String bundle) {
        String first = taken.get(id);
        return first == null ? null : "duplicate id " + id + ": bundle " + first + " already contributes it";
    }

    private void loadStrategies(List<Declaration> declared) {
        ContributionKind kind = ContributionKind.STRATEGY;
        Map<String, String> taken = new HashMap<>();
        Map<Integer, String> fixTaken = new HashMap<>();
        for (Declaration e : declared) {
            String bundle = e.bundle();
            String id = e.attribute("id");
            try {
                Map<String, String> attrs = e.attributes();
                String problem = validate(kind, attrs);
                if (problem == null) problem = duplicate(taken, id, bundle);
                int fix = problem == null ? Integer.parseInt(attrs.get("fix").trim()) : 0;
                Map<Category, Double> explains = new LinkedHashMap<>();
                if (problem == null) problem = explains(e, explains);
                if (problem != null) {
                    problems.add(new ContributionProblem(kind, String.valueOf(id), bundle, problem));
                    continue;
                }
                Properties text = readText(e, attrs.get("text"));
                List<String> steps = new ArrayList<>();
                // category ids in the text (MISSING_IN_CLOUD) are shown as their labels, declared once
                for (int i = 1; text.getProperty("step." + i) != null; i++) {
                    steps.add(org.photoparity.core.present.Vocabulary.withCategoryLabels(text.getProperty("step." + i)));
                }
                String why = org.photoparity.core.present.Vocabulary.withCategoryLabels(text.getProperty("why"));
                if (why == null || steps.isEmpty()) {
                    problems.add(new ContributionProblem(kind, id, bundle,
                            attrs.get("text") + " must define why and step.1"));
                    continue;
                }
                if (fixTaken.containsKey(fix)) {
                    problems.add(new ContributionProblem(kind, id, bundle,
                            "fix " + fix + " is already the strategy " + fixTaken.get(fix)));
                    continue;
                }
                List<String> probeIds = attrs.get("probes") == null ? List.of()
                        : Arrays.stream(attrs.get("probes").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                                .toList();
                StrategyDescriptor d = new StrategyDescriptor(id, fix, nameOf(attrs, id), why, steps,
                        org.photoparity.core.present.Vocabulary.withCategoryLabels(text.getProperty("confirm", "")),
                        probeIds, bundle, explains);
                taken.put(id, bundle);
                fixTaken.put(fix, id + " of bundle " + bundle);
                strategies.add(new Contribution<>(kind, id, d.title(), bundle, e.version(), attrs, d));
            } catch (Throwable t) {
                problems.add(new ContributionProblem(kind, String.valueOf(id), bundle, describe(t)));
            }
        }
    }

    /** Reads {@code <explains category strength>} children; null when they are well formed. */
    private static String explains(Declaration strategy, Map<Category, Double> into) {
        for (Declaration x : strategy.children("explains")) {
            String cat = x.attribute("category");
            Category c;
            try {
                c = Category.valueOf(String.valueOf(cat).trim());
            } catch (IllegalArgumentException ex) {
                return "explains an unknown category " + cat + "; known: " + Arrays.toString(Category.values());
            }
            String s = x.attribute("strength");
            double strength;
            try {
                strength = s == null ? 1.0 : Double.parseDouble(s.trim());
            } catch (NumberFormatException ex) {
                strength = Double.NaN;
            }
            if (!(strength > 0 && strength <= 1)) {
                return "strength of " + c + " must be a number above 0 and at most 1, was " + s;
            }
            if (into.put(c, strength) != null) return "explains " + c + " twice";
        }
        return null;
    }

    private void loadSettings(List<Declaration> declared) {
        ContributionKind kind = ContributionKind.SETTING;
        Map<String, String> taken = new HashMap<>();
        List<SettingDescriptor> list = new ArrayList<>();
        for (Declaration e : declared) {
            String bundle = e.bundle();
            Map<String, String> attrs = e.attributes();
            String key = attrs.get("key");
            try {
                String problem = null;
                SettingType type = SettingType.of(attrs.get("type"));
                if (blank(key)) problem = "missing key";
                else if (type == null) problem = "type must be boolean, integer, decimal, text or list, was "
                        + attrs.get("type");
                else if (attrs.get("default") == null) problem = "missing default";
                else if (blank(attrs.get("label"))) problem = "missing label";
                if (problem == null) problem = duplicate(taken, key, bundle);
                if (problem != null) {
                    problems.add(new ContributionProblem(kind, String.valueOf(key), bundle, problem));
                    continue;
                }
                SettingDescriptor d = new SettingDescriptor(key, type, attrs.get("default").trim(),
                        number(attrs.get("min")), number(attrs.get("max")), attrs.get("label"),
                        attrs.getOrDefault("help", ""), attrs.getOrDefault("group", "General"), bundle);
                String bad = d.check(d.defaultValue());
                if (bad != null) {
                    problems.add(new ContributionProblem(kind, key, bundle, "the default does not pass: " + bad));
                    continue;
                }
                taken.put(key, bundle);
                list.add(d);
                settingContributions.add(new Contribution<>(kind, key, d.label(), bundle, e.version(), attrs, d));
            } catch (RuntimeException ex) { // a bad min or max
                problems.add(new ContributionProblem(kind, String.valueOf(key), bundle, describe(ex)));
            }
        }
        settings = new Settings(list);
    }

    private static Double number(String s) {
        if (blank(s)) return null;
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("min and max must be numbers, was " + s);
        }
    }

    /** A fix for each strategy; a probe whose fix has no strategy gives its own number and name. */
    private void buildFixes() {
        Map<Integer, FixDescriptor> byNumber = new TreeMap<>();
        for (Contribution<StrategyDescriptor> c : strategies) {
            StrategyDescriptor s = c.instance();
            List<String> probeIds = new ArrayList<>(s.probeIds());
            for (Contribution<IProbe> p : probes) {
                if (p.intAttribute("fix", 0) == s.fix() && !probeIds.contains(p.id())) probeIds.add(p.id());
            }
            byNumber.put(s.fix(), new FixDescriptor(s.fix(), s.title(), s.explains(), probeIds, c.bundle()));
        }
        for (Contribution<IProbe> p : probes) {
            int n = p.intAttribute("fix", 0);
            if (!byNumber.containsKey(n)) {
                byNumber.put(n, new FixDescriptor(n, p.name(), Map.of(), List.of(p.id()), p.bundle()));
            }
        }
        fixes.addAll(byNumber.values());
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
                    return "fix must be a whole number of 1 or more, was " + fix;
                }
                if (n < 1) return "fix must be a whole number of 1 or more, was " + n;
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

    private static Properties readText(Declaration e, String path) throws IOException {
        URL url = e.entry(path);
        if (url == null) throw new IOException("text file " + path + " not found in bundle " + e.bundle());
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static String nameOf(Map<String, String> attrs, String id) {
        String n = attrs.get("name");
        return n == null ? id : n;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = t.getClass().getSimpleName() + ": " + t.getMessage();
        if (root != t) msg += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        return msg;
    }
}
