package org.photoparity.core.model;

/** What a listing (Photos.sqlite) says about an asset's place in iCloud Photos. */
public enum CloudState {
    /** ZCLOUDLOCALSTATE 0: not synced, iCloud Photos off for it. */
    NOT_SYNCED,
    /** Waiting to upload (ZCLOUDMASTER state 1). */
    PENDING_UPLOAD,
    /** Synced with the cloud library. */
    SYNCED,
    /** The listing does not say. */
    UNKNOWN
}
