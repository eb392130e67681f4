package org.photoparity.sources.ios.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.match.Reconciler;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/**
 * The same files as a DCIM copy (the device) and as a one-part privacy export whose Photo Details.csv lists them
 * (the cloud), scanned by the platform's scanner and real media reader, then reconciled end to end.
 */
final class DeviceAndExport {

    /** Photo Details.csv's header, as Apple writes it. */
    static final String DETAILS_HEADER = "imgName,fileChecksum,favorite,hidden,deleted,originalCreationDate,"
            + "viewCount,importDate\n";

    private DeviceAndExport() {
    }

    /** A Photo Details.csv row: not hidden, not a favourite, created and imported at {@code date}. */
    static String row(String name, String checksum, String date) {
        return name + "," + checksum + ",no,no,no,\"" + date + "\",0,\"" + date + "\"\n";
    }

    /** {@code files} in {@code tmp}/device/DCIM/100APPLE; returns the device folder. */
    static Path device(Path tmp, Map<String, byte[]> files) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("device/DCIM/100APPLE"));
        for (var e : files.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
        return tmp.resolve("device");
    }

    /** {@code files} and {@code details} (Photo Details.csv) in a one-part export's Photos folder; returns the export. */
    static Path export(Path tmp, Map<String, byte[]> files, String details) throws Exception {
        Files.writeString(photos(tmp).resolve("Photo Details.csv"), details, StandardCharsets.UTF_8);
        for (var e : files.entrySet()) Files.write(photos(tmp).resolve(e.getKey()), e.getValue());
        return tmp.resolve("export");
    }

    /** The export's Photos folder, made when missing. */
    static Path photos(Path tmp) throws Exception {
        return Files.createDirectories(tmp.resolve("export/iCloud Photos Part 1 of 1/Photos"));
    }

    /** Both sides scanned (no cache, one thread), then reconciled. */
    static ReconcileResult analyse(Path device, Path export) throws Exception {
        ScanOptions o = ScanOptions.defaults().withoutCache().withThreads(1);
        SideInventory d = Scanner.scan(SideRole.DEVICE, List.of("folder:" + device), o, new NullProgressMonitor());
        SideInventory c = Scanner.scan(SideRole.CLOUD, List.of("privacy-export:" + export), o,
                new NullProgressMonitor());
        return new Reconciler().reconcile(d, c, Map.of(), new NullProgressMonitor());
    }
}
