package org.photoparity.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.photoparity.core.model.Category;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.ContributionKind;
import org.photoparity.core.registry.ContributionProblem;
import org.photoparity.core.registry.FixDescriptor;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.registry.SettingDescriptor;
import org.photoparity.core.registry.SettingType;
import org.photoparity.core.registry.Settings;
import org.photoparity.core.registry.StrategyDescriptor;
import org.photoparity.core.spi.IComparator;

class RegistryTest {
    private static final String BUNDLE = "org.photoparity.core.tests";

    private final PhotoParityRegistry registry = PhotoParityRegistry.load(Platform.getExtensionRegistry());

    @Test
    void runsInsideOsgi() {
        assertNotNull(FrameworkUtil.getBundle(RegistryTest.class), "test must run inside OSGi");
    }

    @Test
    void findsWorkingContributionsWithTheirBundle() {
        Contribution<?> probe = registry.probes().stream().filter(c -> c.id().equals("test.probe.ok")).findFirst()
                .orElseThrow();
        assertEquals(BUNDLE, probe.bundle());
        assertEquals("Test probe", probe.name());
        assertEquals(ContributionKind.PROBE, probe.kind());
        assertEquals("3", probe.attribute("fix"));
        assertTrue(probe.version().startsWith("1.0.0"), probe.version());
        assertTrue(registry.all().contains(probe));
    }

    @Test
    void brokenContributionsAreReportedWithTheirBundleAndSkipped() {
        Map<String, ContributionProblem> problems = registry.problems().stream()
                .filter(p -> p.bundle().equals(BUNDLE))
                .collect(Collectors.toMap(ContributionProblem::id, p -> p));
        assertEquals(
                List.of("test.baddefault", "test.badtype", "test.cmp.badorder", "test.count", "test.probe.badfix",
                        "test.probe.missingclass", "test.probe.ok", "test.probe.throws", "test.probe.wrongtype",
                        "test.strategy.badcategory", "test.strategy.empty", "test.strategy.notext",
                        "test.strategy.ok", "test.strategy.samefix"),
                problems.keySet().stream().sorted().toList());
        assertTrue(problems.get("test.probe.missingclass").message().contains("NoSuchProbe"),
                problems.get("test.probe.missingclass").message());
        assertTrue(problems.get("test.probe.throws").message().contains("boom from constructor"),
                problems.get("test.probe.throws").message());
        assertTrue(problems.get("test.probe.badfix").message().contains("1 or more"));
        assertTrue(problems.get("test.probe.wrongtype").message().contains("does not implement"));
        assertTrue(problems.get("test.strategy.notext").message().contains("strategy/missing.properties"));
        for (String id : List.of("test.probe.badfix", "test.probe.missingclass", "test.probe.throws",
                "test.probe.wrongtype", "test.strategy.empty", "test.strategy.notext", "test.strategy.badcategory",
                "test.strategy.samefix", "test.baddefault", "test.badtype")) {
            assertTrue(registry.all().stream().noneMatch(c -> c.id().equals(id)), id + " must be skipped");
        }
    }

    @Test
    void duplicateIdsAreRefusedAndReportedTheFirstKept() {
        Map<String, ContributionProblem> problems = registry.problems().stream()
                .filter(p -> p.bundle().equals(BUNDLE) && p.message().contains("duplicate"))
                .collect(Collectors.toMap(p -> p.kind() + " " + p.id(), p -> p));
        assertEquals(List.of("PROBE test.probe.ok", "SETTING test.count", "STRATEGY test.strategy.ok"),
                problems.keySet().stream().sorted().toList());
        assertTrue(problems.get("PROBE test.probe.ok").message().contains("bundle " + BUNDLE + " already"),
                problems.get("PROBE test.probe.ok").message());
        assertEquals("3", registry.probes().stream().filter(c -> c.id().equals("test.probe.ok")).findFirst()
                .orElseThrow().attribute("fix"), "the first declaration is kept");
        assertEquals(1, registry.probes().stream().filter(c -> c.id().equals("test.probe.ok")).count());
        assertTrue(registry.problems().stream().anyMatch(p -> p.id().equals("test.strategy.samefix")
                && p.message().contains("fix 3 is already the strategy test.strategy.ok")));
    }

    @Test
    void noFixNumberBoundFixesComeFromStrategiesAndProbes() {
        FixDescriptor three = registry.fixes().stream().filter(f -> f.number() == 3).findFirst().orElseThrow();
        assertEquals("Test strategy", three.title());
        assertEquals(Map.of(Category.REDUCED, 1.0, Category.EDITED, 0.25), three.explains());
        assertEquals(List.of("test.probe.ok", "other"), three.probeIds());
        FixDescriptor eleven = registry.fixes().stream().filter(f -> f.number() == 11).findFirst().orElseThrow();
        assertEquals("Eleventh fix", eleven.title(), "a probe without a strategy names its fix");
        assertEquals(Map.of(), eleven.explains());
        assertTrue(registry.problems().stream().anyMatch(p -> p.id().equals("test.strategy.badcategory")
                && p.message().contains("LOST_SOCKS")));
    }

    @Test
    void settingsAreDeclaredOnceWithTypeDefaultRangeLabelAndHelp() {
        Settings s = registry.settings();
        SettingDescriptor count = s.get("test.count");
        assertEquals(SettingType.INTEGER, count.type());
        assertEquals("5", count.defaultValue());
        assertEquals("Test count", count.label());
        assertEquals("A test setting.", count.help());
        assertEquals("Tests", count.group());
        assertEquals(BUNDLE, count.bundle());
        assertEquals("5", s.defaults().get("test.count"));
        assertEquals(7, s.longValue(Map.of("test.count", "7"), "test.count"));
        assertEquals(5, s.longValue(Map.of(), "test.count"));
        assertEquals(List.of(), s.problems(Map.of("test.count", "10", "test.flag", "TRUE")));
        assertEquals(List.of("setting test.count must be a whole number from 1 to 10 (default 5), was '11'"),
                s.problems(Map.of("test.count", "11")));
        String unknown = s.problems(Map.of("test.cuont", "3")).get(0);
        assertTrue(unknown.startsWith("unknown setting 'test.cuont'; valid keys: "), unknown);
        assertTrue(unknown.contains("test.count") && unknown.contains("test.flag"), unknown);
        assertThrows(IllegalArgumentException.class, () -> s.resolve(Map.of("test.flag", "maybe")));
        assertEquals("7", s.resolve(Map.of("test.count", " 7 ")).get("test.count"));
        assertNull(s.get("test.baddefault"), "a default outside its own range is refused");
        assertNull(s.get("test.badtype"));
        assertTrue(registry.all().stream().anyMatch(c -> c.kind() == ContributionKind.SETTING
                && c.id().equals("test.count")), "settings are listed with the contributions");
    }

    /** Outside OSGi the registry parses the same plugin.xml files; here through this bundle's class loader. */
    @Test
    void plainClassPathGivesTheSameDeclarations() {
        PhotoParityRegistry parsed = PhotoParityRegistry.fromClassPath(RegistryTest.class.getClassLoader());
        assertEquals(registry.settings().get("test.count"), parsed.settings().get("test.count"));
        assertEquals(ids(registry.comparators()), ids(parsed.comparators()));
        StrategyDescriptor s = parsed.strategies().stream().map(Contribution::instance)
                .filter(d -> d.id().equals("test.strategy.ok")).findFirst().orElseThrow();
        assertEquals(List.of("First step", "Second step"), s.steps());
        assertEquals(registry.fixes(), parsed.fixes());
    }

    private static List<String> ids(List<? extends Contribution<?>> cs) {
        return cs.stream().filter(c -> c.bundle().equals(BUNDLE)).map(Contribution::id).toList();
    }

    @Test
    void comparatorsRunInDeclaredOrder() {
        List<String> ids = registry.comparators().stream().map(Contribution::id)
                .filter(id -> id.startsWith("test.")).toList();
        assertEquals(List.of("test.cmp.early", "test.cmp.late"), ids);
        for (Contribution<IComparator> c : registry.comparators()) assertNotNull(c.instance());
    }

    @Test
    void strategyTextComesFromTheContributingBundle() {
        StrategyDescriptor s = registry.strategies().stream().map(Contribution::instance)
                .filter(d -> d.id().equals("test.strategy.ok")).findFirst().orElseThrow();
        assertEquals(3, s.fix());
        assertEquals("Test strategy", s.title());
        assertEquals(List.of("First step", "Second step"), s.steps());
        assertEquals("Both steps done", s.confirm());
        assertEquals(List.of("test.probe.ok", "other"), s.probeIds());
        assertTrue(s.why().startsWith("A test strategy"));
    }
}
