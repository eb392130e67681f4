package org.photoparity.evidence.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.sources.ios.EncryptedBackupException;
import org.photoparity.sources.ios.IosBackup;
import org.photoparity.evidence.BackupEvidence;
import org.photoparity.evidence.EnableLog;
import org.photoparity.evidence.PhotosLibraryStats;

/**
 * What one look at the device's files gave: an iOS backup folder (Info.plist, Manifest.plist, its Photos.sqlite
 * and cloudServiceEnableLog.plist), or just a Photos.sqlite (a file, or a folder holding one, e.g. an extracted
 * PhotoData folder). Each part is null when the input does not have it; warnings say what could not be read.
 */
public record DeviceSnapshot(String input, BackupEvidence backup, PhotosLibraryStats photos, EnableLog enableLog,
        List<String> warnings) {

    private static final String ENABLE_LOG = "Media/PhotoData/private/com.apple.assetsd/cloudServiceEnableLog.plist";

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
        if (looksLikeBackup(path)) return readBackup(path, warnings, sub);

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

    /** Cheap, by names only: what IosBackup opens, or the plists of a backup it cannot open (device facts only). */
    private static boolean looksLikeBackup(Path dir) {
        return IosBackup.looksLikeBackup(dir)
                || (Files.isRegularFile(dir.resolve("Manifest.plist")) && Files.isRegularFile(dir.resolve("Info.plist")));
    }

    private static DeviceSnapshot readBackup(Path dir, List<String> warnings, SubMonitor sub) throws IOException {
        IosBackup opened = null;
        Map<String, Object> infoPlist;
        Map<String, Object> manifest;
        try {
            opened = IosBackup.open(dir);
            infoPlist = opened.info();
            manifest = opened.manifest();
        } catch (EncryptedBackupException e) {
            // its Info.plist and Manifest.plist are plain: the device facts are still there
            infoPlist = e.info();
            manifest = e.manifest();
        } catch (IOException e) {
            // not openable (no Manifest.db, iOS 9 or older, a damaged plist): keep what its plists say
            warnings.add(e.getMessage());
            infoPlist = plist(dir.resolve("Info.plist"));
            manifest = plist(dir.resolve("Manifest.plist"));
        }
        try {
            BackupEvidence backup = evidence(dir, infoPlist, manifest);
            sub.worked(10);
            if (backup.encrypted()) {
                warnings.add(dir + " is an encrypted backup: its Photos.sqlite cannot be read without the password."
                        + " Make an unencrypted backup (Finder: untick Encrypt local backup) or give Photos.sqlite itself.");
                return new DeviceSnapshot(dir.toString(), backup, null, null, warnings);
            }
            if (opened == null) return new DeviceSnapshot(dir.toString(), backup, null, null, warnings);
            PhotosLibraryStats stats = null;
            var db = opened.locate(IosBackup.CAMERA_ROLL_DOMAIN, IosBackup.PHOTOS_SQLITE);
            if (db.isPresent()) {
                Path wal = opened.locate(IosBackup.CAMERA_ROLL_DOMAIN, IosBackup.PHOTOS_SQLITE + "-wal").orElse(null);
                try {
                    stats = PhotosDbReader.read(db.get(), wal, "backup " + dir.getFileName() + " Photos.sqlite",
                            backup.lastBackup() != null ? backup.lastBackup() : modified(db.get()), sub.split(80));
                } catch (IOException e) {
                    warnings.add(e.getMessage());
                }
            } else {
                warnings.add(dir + " holds no CameraRollDomain " + IosBackup.PHOTOS_SQLITE
                        + " (a partial or iCloud-only backup?). Make a full local backup to read cloud states.");
            }
            EnableLog log = null;
            var logFile = opened.locate(IosBackup.CAMERA_ROLL_DOMAIN, ENABLE_LOG);
            if (logFile.isPresent()) log = readLog(logFile.get(), "backup " + dir.getFileName()
                    + " cloudServiceEnableLog.plist", warnings);
            return new DeviceSnapshot(dir.toString(), backup, stats, log, warnings);
        } finally {
            if (opened != null) opened.close();
        }
    }

    /** Device facts: Info.plist first, Manifest.plist's Lockdown and Date where Info.plist is silent. */
    private static BackupEvidence evidence(Path dir, Map<String, Object> infoPlist, Map<String, Object> manifest) {
        Map<String, String> info = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : infoPlist.entrySet()) {
            String v = text(e.getValue());
            if (v != null) info.put(e.getKey(), v);
        }
        String productType = info.get("Product Type");
        String productVersion = info.get("Product Version");
        String deviceName = info.get("Device Name");
        Instant last = infoPlist.get("Last Backup Date") instanceof Date d ? d.toInstant() : null;
        if (manifest.get("Lockdown") instanceof Map<?, ?> lockdown) {
            if (productType == null) productType = text(lockdown.get("ProductType"));
            if (productVersion == null) productVersion = text(lockdown.get("ProductVersion"));
            if (deviceName == null) deviceName = text(lockdown.get("DeviceName"));
        }
        if (last == null && manifest.get("Date") instanceof Date d) last = d.toInstant();
        return new BackupEvidence(dir.toString(), info, productType, productVersion, deviceName, last,
                Boolean.TRUE.equals(manifest.get("IsEncrypted")));
    }

    /** A plist value as ideviceinfo prints it; null for app lists, iTunes files and blobs (not needed). */
    private static String text(Object v) {
        return switch (v) {
            case null -> null;
            case Map<?, ?> m -> null;
            case List<?> l -> null;
            case byte[] b -> null;
            case Date d -> DateTimeFormatter.ISO_INSTANT.format(d.toInstant());
            default -> v.toString();
        };
    }

    /** A plist of a backup that would not open; empty when it cannot be read either (the open error said why). */
    private static Map<String, Object> plist(Path file) {
        try {
            return IosBackup.readPlist(file);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static EnableLog readLog(Path file, String label, List<String> warnings) {
        try {
            return EnableLogReader.read(file, label);
        } catch (IOException e) {
            warnings.add(e.getMessage());
            return null;
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return null;
        }
    }
}
