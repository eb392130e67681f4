package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photoparity.fixes.tests.Probes.anyContains;
import static org.photoparity.fixes.tests.Probes.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.readers.EvidenceLoader;
import org.photoparity.evidence.readers.EvidenceOptions;

/** Evidence lines name their source and its time; a live read of an attached device wins over a stale file. */
class ProvenanceTest {

    @TempDir
    Path dir;

    private static final String TIME = "\\d\\d:\\d\\d";

    @Test
    void evidenceLinesNameTheirSourceAndTime() throws IOException {
        Path root = Fixtures.write(dir, "root.txt", Fixtures.rootText("iPhone12,1", "26.1"));
        Path answers = Fixtures.write(dir, "answers.properties", "wifi_connected=yes\nicloud_plan=50GB\n");
        // the technician saved the answers at 20:20 today
        Files.setLastModifiedTime(answers, FileTime.from(LocalDate.now().atTime(LocalTime.of(20, 20))
                .atZone(ZoneId.systemDefault()).toInstant()));
        EvidenceOptions o = EvidenceOptions.builder().setting("network.endpoints", "none").deviceInfo(root.toString())
                .answers(answers).build();

        ProbeResult update = run("probe.update", o, null);
        assertTrue(update.evidence().stream().anyMatch(l -> l.matches(
                "ideviceinfo root ProductVersion = 26\\.1 \\(ideviceinfo file root\\.txt, read " + TIME + "\\)")),
                update.evidence().toString());
        ProbeResult network = run("probe.network", o, null);
        assertTrue(anyContains(network.evidence(), "answer wifi_connected = yes (answer, 20:20)"),
                network.evidence().toString());
        ProbeResult plan = run("probe.icloudstorage", o, null);
        assertTrue(anyContains(plan.evidence(), "answer icloud_plan = 50GB (answer, 20:20)"), plan.evidence().toString());
    }

    @Test
    void aLiveReadOfTheAttachedDeviceWinsOverTheFileReadBefore() throws IOException {
        Path root = Fixtures.write(dir, "root.txt", Fixtures.rootText("iPhone12,1", "26.1"));
        Files.writeString(dir.resolve("live-root.xml"), Fixtures.rootXml("iPhone12,1", "27.1"));
        Path exe = dir.resolve("ideviceinfo");
        Files.writeString(exe, "#!/bin/sh\ncase \"$*\" in\n  \"-x\") cat \"" + dir + "/live-root.xml\" ;;\n"
                + "  *) echo \"ERROR: Could not get value for domain\" >&2; exit 1 ;;\nesac\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));

        // what the analysis read: the file
        CaseEvidence before = EvidenceLoader.load(EvidenceOptions.builder().deviceInfo(root.toString()).build(), null,
                new NullProgressMonitor()).evidence();
        assertEquals("26.1", before.get(DeviceInfo.class).orElseThrow().value(DeviceInfo.ROOT, "ProductVersion")
                .orElseThrow());
        // what a re-run reads with the device attached (the workbench's Re-run loads the case again with live on)
        CaseEvidence again = EvidenceLoader.load(EvidenceOptions.builder().deviceInfo(root.toString())
                .setting(EvidenceLoader.IDEVICEINFO_PATH, exe.toString()).live(true, java.time.Duration.ofSeconds(10))
                .build(), null, new NullProgressMonitor()).evidence();
        DeviceInfo info = again.get(DeviceInfo.class).orElseThrow();
        assertEquals("27.1", info.value(DeviceInfo.ROOT, "ProductVersion").orElseThrow());
        String line = info.line(DeviceInfo.ROOT, "ProductVersion").orElseThrow();
        assertTrue(line.matches("ideviceinfo root ProductVersion = 27\\.1 \\(ideviceinfo live \\(over root\\.txt\\),"
                + " read " + TIME + "\\)"), line);
    }
}
