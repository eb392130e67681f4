package org.photoparity.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.ContributionKind;
import org.photoparity.core.registry.ContributionProblem;
import org.photoparity.core.registry.PhotoParityRegistry;
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
                List.of("test.cmp.badorder", "test.probe.badfix", "test.probe.missingclass", "test.probe.throws",
                        "test.probe.wrongtype", "test.strategy.empty", "test.strategy.notext"),
                problems.keySet().stream().sorted().toList());
        assertTrue(problems.get("test.probe.missingclass").message().contains("NoSuchProbe"),
                problems.get("test.probe.missingclass").message());
        assertTrue(problems.get("test.probe.throws").message().contains("boom from constructor"),
                problems.get("test.probe.throws").message());
        assertTrue(problems.get("test.probe.badfix").message().contains("1 to 7"));
        assertTrue(problems.get("test.probe.wrongtype").message().contains("does not implement"));
        assertTrue(problems.get("test.strategy.notext").message().contains("strategy/missing.properties"));
        for (String id : problems.keySet()) {
            assertTrue(registry.all().stream().noneMatch(c -> c.id().equals(id)), id + " must be skipped");
        }
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
