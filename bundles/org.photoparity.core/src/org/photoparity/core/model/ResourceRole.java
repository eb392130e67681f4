package org.photoparity.core.model;

/** The part a file plays in its asset. */
public enum ResourceRole {
    /** The original still or video. */
    ORIGINAL,
    /** The video half of a Live Photo. */
    LIVE_VIDEO,
    /** A rendered edit: IMG_E1234.JPG, icloudpd -adjusted, a FullSizeRender. */
    EDITED_RENDER,
    /** Photos adjustment data: IMG_1234.AAE. */
    ADJUSTMENT_SIDECAR,
    /** A reduced copy: icloudpd -medium / -thumb, an optimized derivative. */
    DERIVATIVE
}
