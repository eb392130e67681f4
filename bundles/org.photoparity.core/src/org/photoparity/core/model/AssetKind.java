package org.photoparity.core.model;

/** What an asset is, as a technician would name it. */
public enum AssetKind {
    PHOTO, VIDEO, LIVE_PHOTO, SCREENSHOT, SIDECAR, UNKNOWN
}
