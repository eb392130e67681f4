package org.photoparity.core.model;

/**
 * Whether an asset belongs to the user's own iCloud Photos library or is shared content that iCloud Photos does not
 * sync (Photos.sqlite ZSAVEDASSETTYPE / ZBUNDLESCOPE / ZCLOUDBATCHPUBLISHDATE, a privacy export's shared-album zips),
 * and whether it is in an iCloud Shared Photo Library (ZACTIVELIBRARYSCOPEPARTICIPATIONSTATE / ZLIBRARYSCOPE), whose
 * content uses only its creator's iCloud storage.
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
    /**
     * An item in an iCloud Shared Photo Library not known to be another participant's (this user added it, or the
     * database names no contributor): synced by iCloud Photos like library content, but it uses the Shared Library
     * creator's iCloud storage.
     */
    SHARED_LIBRARY(null),
    /** Another participant's item in an iCloud Shared Photo Library. */
    SHARED_LIBRARY_OTHER("another participant's Shared Library item, not downloaded with the personal library");

    private final String reason;

    Sharing(String reason) {
        this.reason = reason;
    }

    /** Why such an item is not part of iCloud Photos sync, or null for content iCloud Photos syncs as this user's. */
    public String reason() {
        return reason;
    }

    /** Shared content that iCloud Photos does not sync as this user's: it has a {@link #reason()}. */
    public boolean isShared() {
        return reason != null;
    }

    /** In an iCloud Shared Photo Library, whoever added it: in the plan of the Shared Library's creator only. */
    public boolean inSharedLibrary() {
        return this == SHARED_LIBRARY || this == SHARED_LIBRARY_OTHER;
    }
}
