package org.photoparity.core.model;

/** Which library a source describes. */
public enum SideRole {
    DEVICE, CLOUD;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
