package org.photoparity.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;

/**
 * What one look at the device's files gave: an iOS backup folder (Info.plist, Manifest.plist, its Photos.sqlite
 * and cloudServiceEnableLog.plist), or just a Photos.sqlite (a file, or a folder holding one, e.g. an extracted
 * PhotoData folder). Each part is null when the input does not have it; warnings say what could not be read.
 */
public record DeviceSnapshot(String input, BackupEvidence backup, PhotosLibraryStats photos, EnableLog enableLog,
        List<String> warnings) {

    public DeviceSnapshot {
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads whatever of the above {@code path} holds.
     *
     * @throws IOException when the path does not exist or holds none of it
     */
    public static DeviceSnapshot read(Path path, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, "Reading " + path, 100);
        if (!Files.exists(path)) {
            throw new IOException(path + " does not exist. Give an iOS backup folder (the one holding Manifest.plist)"
                    + " or the iPhone's Photos.sqlite.");
        }
        List<String> warnings = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            PhotosLibraryStats s = PhotosDbReader.read(path, path.getFileName().toString(), modified(path),
                    sub.split(100));
            return new DeviceSnapshot(path.toString(), null, s, null, warnings);
        }
        if (BackupFiles.looksLikeBackup(path)) return readBackup(path, warnings, sub);

        // a plain folder: Photos.sqlite directly or under PhotoData / Media/PhotoData
        for (String rel : new String[] { "Photos.sqlite", "PhotoData/Photos.sqlite", "Media/PhotoData/Photos.sqlite" }) {
            Path db = path.resolve(rel);
            if (Files.isRegularFile(db)) {
                PhotosLibraryStats s = PhotosDbReader.read(db, rel, modified(db), sub.split(90));
                EnableLog log = null;
                Path logFile = db.resolveSibling("private/com.apple.assetsd/cloudServiceEnableLog.plist");
                if (Files.isRegularFile(logFile)) log = readLog(logFile, "cloudServiceEnableLog.plist", warnings);
                return new DeviceSnapshot(path.toString(), null, s, log, warnings);
            }
        }
        throw new IOException(path + " is neither an iOS backup (no Manifest.plist) nor a folder holding Photos.sqlite."
                + " Give the backup folder named by the device's UDID (Finder / iTunes / idevicebackup2 backup).");
    }

    private static DeviceSnapshot readBackup(Path dir, List<String> warnings, SubMonitor sub) throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        String productType = null, productVersion = null, deviceName = null;
        Instant last = null;
        boolean encrypted = false;
        Path infoPlist = dir.resolve("Info.plist");
        if (Files.isRegularFile(infoPlist)) {
            NSDictionary d = dict(infoPlist, warnings);
            if (d != null) {
                for (Map.Entry<String, NSObject> e : d.entrySet()) {
                    NSObject v = e.getValue();
                    if (v instanceof NSDictionary || v instanceof com.dd.plist.NSArray
                            || v instanceof com.dd.plist.NSData) continue; // app lists, iTunes files: not needed
                    info.put(e.getKey(), DeviceInfoReader.text(v));
                }
                productType = info.get("Product Type");
                productVersion = info.get("Product Version");
                deviceName = info.get("Device Name");
                if (d.get("Last Backup Date") instanceof NSDate date) last = date.getDate().toInstant();
            }
        }
        NSDictionary manifest = dict(dir.resolve("Manifest.plist"), warnings);
        if (manifest != null) {
            encrypted = manifest.get("IsEncrypted") instanceof NSNumber n && n.boolValue();
            if (manifest.get("Lockdown") instanceof NSDictionary lockdown) {
                if (productType == null && lockdown.get("ProductType") != null)
                    productType = DeviceInfoReader.text(lockdown.get("ProductType"));
                if (productVersion == null && lockdown.get("ProductVersion") != null)
                    productVersion = DeviceInfoReader.text(lockdown.get("ProductVersion"));
                if (deviceName == null && lockdown.get("DeviceName") != null)
                    deviceName = DeviceInfoReader.text(lockdown.get("DeviceName"));
            }
            if (last == null && manifest.get("Date") instanceof NSDate date) last = date.getDate().toInstant();
        }
        BackupEvidence backup = new BackupEvidence(dir.toString(), info, productType, productVersion, deviceName, last,
                encrypted);
        sub.worked(10);
        if (encrypted) {
            warnings.add(dir + " is an encrypted backup: its Photos.sqlite cannot be read without the password."
                    + " Make an unencrypted backup (Finder: untick Encrypt local backup) or give Photos.sqlite itself.");
            return new DeviceSnapshot(dir.toString(), backup, null, null, warnings);
        }
        PhotosLibraryStats stats = null;
        var db = BackupFiles.locate(dir, BackupFiles.CAMERA_ROLL, BackupFiles.PHOTOS_DB);
        if (db.isPresent()) {
            try {
                stats = PhotosDbReader.read(db.get(), "backup " + dir.getFileName() + " Photos.sqlite",
                        last != null ? last : modified(db.get()), sub.split(80));
            } catch (IOException e) {
                warnings.add(e.getMessage());
            }
        } else {
            warnings.add(dir + " holds no CameraRollDomain " + BackupFiles.PHOTOS_DB
                    + " (a partial or iCloud-only backup?). Make a full local backup to read cloud states.");
        }
        EnableLog log = null;
        var logFile = BackupFiles.locate(dir, BackupFiles.CAMERA_ROLL, BackupFiles.ENABLE_LOG);
        if (logFile.isPresent()) log = readLog(logFile.get(), "backup " + dir.getFileName()
                + " cloudServiceEnableLog.plist", warnings);
        return new DeviceSnapshot(dir.toString(), backup, stats, log, warnings);
    }

    private static EnableLog readLog(Path file, String label, List<String> warnings) {
        try {
            return EnableLog.read(file, label);
        } catch (IOException e) {
            warnings.add(e.getMessage());
            return null;
        }
    }

    private static NSDictionary dict(Path plist, List<String> warnings) {
        try {
            NSObject o = PropertyListParser.parse(Files.readAllBytes(plist));
            if (o instanceof NSDictionary d) return d;
            warnings.add(plist + " is not a dictionary plist; skipped.");
        } catch (Exception e) {
            warnings.add(plist + " could not be read (" + e.getMessage() + "); skipped.");
        }
        return null;
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}
