package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.readers.DeviceInfoReader;
import org.photoparity.evidence.readers.EvidenceOptions;

class DeviceInfoReaderTest {

    @TempDir
    Path dir;

    @Test
    void plainRootOutputGivesTopLevelKeysAndDetectsRootDomain() throws IOException {
        DeviceInfo.Domain d = DeviceInfoReader.read(Fixtures.write(dir, "root.txt", Fixtures.ROOT_TEXT), null);
        assertEquals(DeviceInfo.ROOT, d.name());
        assertEquals("iPhone14,5", d.values().get("ProductType"));
        assertEquals("17.5.1", d.values().get("ProductVersion"));
        assertEquals("21F90", d.values().get("BuildVersion"));
        assertEquals("Anna's iPhone", d.values().get("DeviceName"));
        assertEquals("1", d.values().get("SupportedDeviceFamilies"));
        assertEquals("Europe/Oslo", d.values().get("TimeZone"));
        assertFalse(d.values().containsKey("backlight-level"), "nested members are not top-level keys");
        assertEquals("root.txt", d.source());
    }

    @Test
    void olderPlainOutputWithIndentedDictIsFlattened() throws IOException {
        String old = "ProductType: iPhone10,3\nNonVolatileRAM: \n auto-boot: dHJ1ZQ==\n backlight-level: MTUyOA==\n"
                + "SupportedDeviceFamilies[1]: \n 0: 1\nProductVersion: 16.7.10\n";
        DeviceInfo.Domain d = DeviceInfoReader.read(Fixtures.write(dir, "old.txt", old), null);
        assertEquals("dHJ1ZQ==", d.values().get("NonVolatileRAM.auto-boot"));
        assertEquals("1", d.values().get("SupportedDeviceFamilies"));
        assertEquals("16.7.10", d.values().get("ProductVersion"));
    }

    @Test
    void diskUsageTextAndXmlGiveTheSameNumbers() throws IOException {
        DeviceInfo.Domain text = DeviceInfoReader.read(Fixtures.write(dir, "disk.txt",
                Fixtures.diskText(4_032_106_496L, 111_981_416_448L, 52_345_678_912L)), null);
        DeviceInfo.Domain xml = DeviceInfoReader.read(Fixtures.write(dir, "disk.plist",
                Fixtures.diskXml(4_032_106_496L, 111_981_416_448L, 52_345_678_912L)), null);
        for (DeviceInfo.Domain d : List.of(text, xml)) {
            assertEquals(DeviceInfo.DISK_USAGE, d.name());
            assertEquals("4032106496", d.values().get("TotalDataAvailable"));
            assertEquals("111981416448", d.values().get("TotalDataCapacity"));
            assertEquals("52345678912", d.values().get("PhotoUsage"));
            assertEquals("3822391296", d.values().get("AmountDataAvailable"));
        }
    }

    @Test
    void batteryXmlBooleansAndRootXmlNesting() throws IOException {
        DeviceInfo info = DeviceInfo.of(List.of(
                DeviceInfoReader.read(Fixtures.write(dir, "bat.xml", Fixtures.batteryXml(14, false, true)), null),
                DeviceInfoReader.read(Fixtures.write(dir, "root.xml", Fixtures.rootXml("iPhone12,8", "18.1")), null)));
        assertEquals(14, info.longValue(DeviceInfo.BATTERY, "BatteryCurrentCapacity").getAsLong());
        assertEquals(false, info.boolValue(DeviceInfo.BATTERY, "BatteryIsCharging").orElseThrow());
        assertEquals(true, info.boolValue(DeviceInfo.BATTERY, "ExternalConnected").orElseThrow());
        assertEquals("iPhone12,8", info.value(DeviceInfo.ROOT, "ProductType").orElseThrow());
        assertEquals("Ola\u2019s iPhone", info.value(DeviceInfo.ROOT, "DeviceName").orElseThrow());
        assertEquals("dHJ1ZQ==", info.value(DeviceInfo.ROOT, "NonVolatileRAM.auto-boot").orElseThrow());
        assertEquals("true", info.value(DeviceInfo.ROOT, "PasswordProtected").orElseThrow());
        String line = info.line(DeviceInfo.BATTERY, "BatteryCurrentCapacity").orElseThrow();
        assertTrue(line.matches("ideviceinfo com\\.apple\\.mobile\\.battery BatteryCurrentCapacity = 14"
                + " \\(ideviceinfo file bat\\.xml, read \\d\\d:\\d\\d\\)"), line);
    }

    @Test
    void hintNamesTheDomainAndFmipNeedsNoHint() throws IOException {
        Path f = Fixtures.write(dir, "fmip.txt", "IsAssociated: true\n");
        assertEquals(DeviceInfo.FMIP, DeviceInfoReader.read(f, null).name());
        Path custom = Fixtures.write(dir, "intl.txt", "Locale: nb_NO\nLanguage: nb\n");
        assertEquals("com.apple.international", DeviceInfoReader.read(custom, "com.apple.international").name());
        EvidenceOptions.DeviceInfoInput in = EvidenceOptions.DeviceInfoInput.parse("battery=" + custom);
        assertEquals(DeviceInfo.BATTERY, in.domain());
        assertEquals(custom, in.file());
        assertEquals(null, EvidenceOptions.DeviceInfoInput.parse(dir.resolve("a=b.txt").toString()).domain());
    }

    @Test
    void errorsNameTheFileAndSayWhatToDo() throws IOException {
        Path noDevice = Fixtures.write(dir, "nodevice.txt", "ERROR: No device found!\n");
        IOException e = assertThrows(IOException.class, () -> DeviceInfoReader.read(noDevice, null));
        assertTrue(e.getMessage().contains("nodevice.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("ideviceinfo"), e.getMessage());

        Path unknown = Fixtures.write(dir, "intl.txt", "Locale: nb_NO\nLanguage: nb\n");
        IOException e2 = assertThrows(IOException.class, () -> DeviceInfoReader.read(unknown, null));
        assertTrue(e2.getMessage().contains("--device-info com.apple.xxx="), e2.getMessage());

        Path broken = Fixtures.write(dir, "broken.plist", "<?xml version=\"1.0\"?><plist><dict><key>A</key>");
        IOException e3 = assertThrows(IOException.class, () -> DeviceInfoReader.read(broken, null));
        assertTrue(e3.getMessage().contains("broken.plist"), e3.getMessage());
    }
}
