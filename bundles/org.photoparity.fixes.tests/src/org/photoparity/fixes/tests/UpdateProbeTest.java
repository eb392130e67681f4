package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photoparity.core.model.ProbeStatus.FAIL;
import static org.photoparity.core.model.ProbeStatus.PASS;
import static org.photoparity.core.model.ProbeStatus.UNKNOWN;
import static org.photoparity.core.model.ProbeStatus.WARN;
import static org.photoparity.fixes.tests.Probes.anyContains;
import static org.photoparity.fixes.tests.Probes.expect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.evidence.readers.EvidenceLoader;
import org.photoparity.evidence.readers.EvidenceOptions;
import org.photoparity.fix.update.UpdateProbe;

/**
 * Fix 6 on the installed data plug-in (org.photoparity.fix.update.data), with a clock fixed in the tests so that the
 * data's age is what the test says, and with a newer data plug-in installed at run time.
 */
class UpdateProbeTest {

    @TempDir
    Path dir;

    /** Ten days after the bundled data's as_of. */
    private static final Clock FRESH = Clock.fixed(Instant.parse("2026-12-11T10:00:00Z"), ZoneOffset.UTC);

    private ProbeResult update(Clock clock, String type, String version) throws IOException {
        Path root = Fixtures.write(dir, "root-" + type + "-" + version + ".txt", Fixtures.rootText(type, version));
        CaseEvidence e = EvidenceLoader.load(EvidenceOptions.builder().setting("network.endpoints", "none")
                .deviceInfo(root.toString()).build(), null, new NullProgressMonitor()).evidence();
        return new UpdateProbe(clock).run(e, new NullProgressMonitor());
    }

    @Test
    void theIssuesTwoDevices() throws IOException {
        // iPhone 11 on 26.1: iOS 27 runs on every iOS 26 iPhone
        ProbeResult eleven = update(FRESH, "iPhone12,1", "26.1");
        assertTrue(eleven.status() != PASS, eleven.summary());
        expect(FAIL, eleven);
        assertTrue(eleven.summary().contains("can run iOS 27.1"), eleven.summary());
        // iPhone 5c on 10.3.3: its newest (10.3.4 went to the iPhone 5 and the iPad 4 cellular only)
        ProbeResult fiveC = expect(PASS, update(FRESH, "iPhone5,3", "10.3.3"));
        assertEquals("iOS 10.3.3 is the newest this iPhone 5c runs", fiveC.summary());
        assertTrue(anyContains(fiveC.evidence(), "iPhone5,3 is iPhone 5c: runs up to iOS 10, newest 10.3.3"),
                fiveC.evidence().toString());
        assertTrue(anyContains(fiveC.evidence(), "plug-in org.photoparity.fix.update.data 2026.12.1"),
                fiveC.evidence().toString());
        expect(PASS, update(FRESH, "iPhone5,1", "10.3.4"));
    }

    @Test
    void currentAsOfDecember2026() throws IOException {
        expect(PASS, update(FRESH, "iPhone18,5", "27.1")); // iPhone 17e
        expect(PASS, update(FRESH, "iPhone11,8", "18.7.9")); // XR: capped at 18
        expect(WARN, update(FRESH, "iPhone11,8", "18.7.2"));
        expect(PASS, update(FRESH, "iPad8,1", "26.6.2")); // A12X iPad Pro: iPadOS 27 dropped it
        expect(FAIL, update(FRESH, "iPad8,9", "26.6.2")); // A12Z: runs 27
        expect(PASS, update(FRESH, "iPad17,3", "27.1")); // iPad Pro 13-inch (M5)
        expect(PASS, update(FRESH, "iPad16,8", "27.1")); // iPad Air 11-inch (M4)
        expect(PASS, update(FRESH, "iPod9,1", "15.8.8")); // iPod touch 7
        expect(PASS, update(FRESH, "iPod7,1", "12.5.8")); // iPod touch 6
    }

    @Test
    void whatTheDataDoesNotKnowIsUnknownWithItsDate() throws IOException {
        ProbeResult model = expect(UNKNOWN, update(FRESH, "iPhone99,1", "30.0"));
        assertTrue(model.summary().contains("iPhone99,1 is not in the iOS support data"), model.summary());
        assertTrue(model.summary().contains("as of 2026-12-01"), model.summary());
        ProbeResult release = expect(UNKNOWN, update(FRESH, "iPhone18,3", "27.3"));
        assertTrue(release.summary().startsWith("iOS 27.3 is newer than the iOS support data"), release.summary());
        assertTrue(release.summary().contains("as of 2026-12-01"), release.summary());
        expect(UNKNOWN, update(FRESH, "iPhone11,2", "27.0")); // a major the data says the XS does not run
    }

    @Test
    void dataOlderThan120DaysTurnsAPassIntoAWarn() throws IOException {
        Clock later = Clock.fixed(Instant.parse("2027-05-01T10:00:00Z"), ZoneOffset.UTC);
        ProbeResult w = expect(WARN, update(later, "iPhone5,3", "10.3.3"));
        assertTrue(w.summary().contains("update data is 151 days old"), w.summary());
        expect(PASS, update(Clock.fixed(Instant.parse("2027-03-31T10:00:00Z"), ZoneOffset.UTC), "iPhone5,3", "10.3.3"));
        // a FAIL stays a FAIL whatever the age
        expect(FAIL, update(later, "iPhone12,1", "26.1"));
    }

    @Test
    void aNewerDataPlugInWins() throws Exception {
        Path jar = dir.resolve("newer-data.jar");
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.photoparity.fix.update.data.test2027;singleton:=true");
        a.putValue("Bundle-Version", "2027.1.15");
        a.putValue("Require-Bundle", "org.photoparity.fix.update");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            j.putNextEntry(new JarEntry("plugin.xml"));
            j.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?eclipse version=\"3.4\"?>\n<plugin><extension"
                    + " point=\"org.photoparity.fix.update.supportData\"><data file=\"data/support.properties\"/>"
                    + "</extension></plugin>\n").getBytes(StandardCharsets.UTF_8));
            j.putNextEntry(new JarEntry("data/support.properties"));
            j.write("as_of = 2027-01-15\nlatest.27 = 27.3\niPhone18,3 = 27, iPhone 17\n".getBytes(StandardCharsets.UTF_8));
        }
        BundleContext ctx = FrameworkUtil.getBundle(getClass()).getBundleContext();
        Bundle b = ctx.installBundle(jar.toUri().toString());
        try {
            FrameworkWiring wiring = ctx.getBundle(0).adapt(FrameworkWiring.class);
            assertTrue(wiring.resolveBundles(Set.of(b)), "the test data plug-in resolves");
            Clock jan = Clock.fixed(Instant.parse("2027-01-20T10:00:00Z"), ZoneOffset.UTC);
            ProbeResult r = update(jan, "iPhone18,3", "27.1");
            expect(WARN, r);
            assertTrue(r.summary().contains("behind 27.3"), r.summary());
            assertTrue(anyContains(r.evidence(), "plug-in org.photoparity.fix.update.data.test2027 2027.1.15, as of"
                    + " 2027-01-15"), r.evidence().toString());
        } finally {
            b.uninstall();
            ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(Set.of(b));
        }
        // gone again: the bundled data decides
        ProbeResult back = update(FRESH, "iPhone18,3", "27.1");
        expect(PASS, back);
    }

    @Test
    void aDataFileGivenInTheSettingsReplacesThePlugIn() throws IOException {
        Path data = Fixtures.write(dir, "support.properties", "as_of=2026-12-20\nlatest.27=27.2\niPhone14,5=27, iPhone 13\n");
        Path root = Fixtures.write(dir, "root.txt", Fixtures.rootText("iPhone14,5", "27.1"));
        CaseEvidence e = EvidenceLoader.load(EvidenceOptions.builder().setting("network.endpoints", "none")
                .setting(UpdateProbe.DATA, data.toString()).deviceInfo(root.toString()).build(), null,
                new NullProgressMonitor()).evidence();
        ProbeResult r = expect(WARN, new UpdateProbe(FRESH).run(e, new NullProgressMonitor()));
        assertTrue(r.summary().contains("behind 27.2"), r.summary());
    }
}
