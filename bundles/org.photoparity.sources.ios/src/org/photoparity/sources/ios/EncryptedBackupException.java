package org.photoparity.sources.ios;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The backup is encrypted. Its Info.plist and Manifest.plist are not encrypted, so what they say about the device
 * is still available here.
 */
public final class EncryptedBackupException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Object> info;
    private final transient Map<String, Object> manifest;

    public EncryptedBackupException(Path dir, Map<String, Object> info, Map<String, Object> manifest) {
        super(dir + " is an encrypted backup: PhotoParity cannot read it; make an unencrypted backup in Finder/iTunes"
                + " (uncheck Encrypt local backup) and try again");
        this.info = info == null ? Map.of() : info;
        this.manifest = manifest == null ? Map.of() : manifest;
    }

    /** Info.plist (device name, product type and version, last backup date...). */
    public Map<String, Object> info() {
        return info;
    }

    /** Manifest.plist, including its Lockdown dictionary. */
    public Map<String, Object> manifest() {
        return manifest;
    }
}
