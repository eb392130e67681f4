package org.photoparity.evidence;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an iOS backup folder says about the device (Info.plist, Manifest.plist).
 *
 * @param folder         the backup folder as given
 * @param info           Info.plist's text values (Device Name, Product Type, Product Version, Build Version...)
 * @param productType    e.g. iPhone14,5 (Info.plist, else Manifest.plist Lockdown)
 * @param productVersion e.g. 17.5.1
 * @param deviceName     the name the owner gave the device
 * @param lastBackup     Info.plist Last Backup Date (else Manifest.plist Date), null when absent
 * @param encrypted      Manifest.plist IsEncrypted: its files cannot be read without the password
 */
public record BackupEvidence(String folder, Map<String, String> info, String productType, String productVersion,
        String deviceName, Instant lastBackup, boolean encrypted) {

    public BackupEvidence {
        info = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(info));
    }

    public Optional<String> product() {
        return Optional.ofNullable(productType);
    }

    public Optional<String> version() {
        return Optional.ofNullable(productVersion);
    }
}
