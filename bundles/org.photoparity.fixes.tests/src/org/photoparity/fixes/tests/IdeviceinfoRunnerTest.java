package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.readers.IdeviceinfoRunner;

/** The live runner against stand-in ideviceinfo scripts that print what the real tool prints. */
class IdeviceinfoRunnerTest {

    @TempDir
    Path dir;

    private Path script(String body) throws IOException {
        Path p = dir.resolve("ideviceinfo");
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void withoutTheToolItSaysWhichDebianPackageToInstall() {
        IdeviceinfoRunner.Outcome o = new IdeviceinfoRunner(dir.resolve("missing/ideviceinfo"), Duration.ofSeconds(2))
                .read(new NullProgressMonitor());
        assertTrue(o.info().isEmpty());
        assertEquals(1, o.messages().size());
        assertTrue(o.messages().get(0).contains("libimobiledevice-utils"), o.messages().get(0));
        assertTrue(IdeviceinfoRunner.findOnPath(dir.toString()).isEmpty());
    }

    @Test
    void readsEveryDomainFromTheXmlOutput() throws IOException {
        Files.writeString(dir.resolve("root.xml"), Fixtures.rootXml("iPhone11,8", "18.7.2"));
        Files.writeString(dir.resolve("disk.xml"), Fixtures.diskXml(9_000_000_000L, 60_000_000_000L, 20_000_000_000L));
        Files.writeString(dir.resolve("bat.xml"), Fixtures.batteryXml(55, true, true));
        Path exe = script("""
                case "$*" in
                  "-x") cat "%1$s/root.xml" ;;
                  "-x -q com.apple.disk_usage") cat "%1$s/disk.xml" ;;
                  "-x -q com.apple.mobile.battery") cat "%1$s/bat.xml" ;;
                  *) echo "ERROR: Could not get value for domain" >&2; exit 1 ;;
                esac
                """.formatted(dir));
        assertEquals(exe, IdeviceinfoRunner.findOnPath("/nonexistent:" + dir).orElseThrow());
        IdeviceinfoRunner.Outcome o = new IdeviceinfoRunner(exe, Duration.ofSeconds(5)).read(new NullProgressMonitor());
        assertEquals("iPhone11,8", o.info().value(DeviceInfo.ROOT, "ProductType").orElseThrow());
        assertEquals(9_000_000_000L, o.info().longValue(DeviceInfo.DISK_USAGE, "TotalDataAvailable").getAsLong());
        assertEquals(true, o.info().boolValue(DeviceInfo.BATTERY, "BatteryIsCharging").orElseThrow());
        assertEquals(1, o.messages().size(), o.messages().toString()); // fmip failed, said so, carried on
        assertTrue(o.messages().get(0).contains("com.apple.fmip"), o.messages().get(0));
    }

    @Test
    void noDeviceAndHangingToolAreReportedWithinTheTimeout() throws IOException {
        Path none = script("echo 'ERROR: No device found!' >&2\nexit 1\n");
        IdeviceinfoRunner.Outcome o = new IdeviceinfoRunner(none, Duration.ofSeconds(5)).read(new NullProgressMonitor());
        assertTrue(o.info().isEmpty());
        assertEquals(1, o.messages().size());
        assertTrue(o.messages().get(0).contains("No device found"), o.messages().get(0));

        Path hang = script("exec sleep 30\n");
        long t0 = System.nanoTime();
        IdeviceinfoRunner.Outcome h = new IdeviceinfoRunner(hang, Duration.ofMillis(700)).read(new NullProgressMonitor());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 5000, "took " + ms + " ms");
        assertTrue(h.info().isEmpty());
        assertTrue(h.messages().get(0).contains("no answer within 700 ms"), h.messages().get(0));
    }
}
