package org.photoparity.core.model;

/**
 * Whether an asset belongs to the user's own iCloud Photos library or is shared content that iCloud Photos does not
 * sync (Photos.sqlite ZSAVEDASSETTYPE / ZBUNDLESCOPE / ZCLOUDBATCHPUBLISHDATE, a privacy export's shared-album zips).
 */
public enum Sharing {
    /** The user's own library: synced by iCloud Photos. */
    LIBRARY(null),
    /** A shared album item (ZSAVEDASSETTYPE 4, ZBUNDLESCOPE 2, ZCLOUDBATCHPUBLISHDATE set, PhotoCloudSharingData). */
    SHARED_ALBUM("shared album item, not synced by iCloud Photos"),
    /** An iCloud link item (ZSAVEDASSETTYPE 8, ZBUNDLESCOPE 1). */
    ICLOUD_LINK("iCloud link item, not synced by iCloud Photos"),
    /** Shared with You (ZSAVEDASSETTYPE 12, ZBUNDLESCOPE 3). */
    SHARED_WITH_YOU("Shared with You item, not synced by iCloud Photos"),
    /** Another participant's item in an iCloud Shared Photo Library. */
    SHARED_LIBRARY_OTHER("another participant's Shared Library item, not downloaded with the personal library");

    private final String reason;

    Sharing(String reason) {
        this.reason = reason;
    }

    /** Why such an item is not part of iCloud Photos sync, or null for library content. */
    public String reason() {
        return reason;
    }

    public boolean isShared() {
        return this != LIBRARY;
    }
}
