package org.photoparity.core.model;

/** How an asset differs between the device and the cloud. The names are used as-is in JSON and CSV. */
public enum Category {
    MISSING_IN_CLOUD("On the device, not in the cloud"),
    MISSING_ON_DEVICE("In the cloud, not on the device"),
    CONVERTED("Same asset in another format"),
    REDUCED("Same asset at a lower resolution on one side"),
    EDITED("Same asset, edited on one side"),
    DUPLICATE("The same asset more than once on one side"),
    LIVE_PHOTO_INCOMPLETE("Live Photo with its still or video missing on one side"),
    METADATA_DRIFT("Same content, different capture time or location"),
    /**
     * The same asset, its file unreadable on one side (a copy or download cut short, a damaged file): not a loss
     * while the other side's copy is readable; a loss when neither is.
     */
    UNREADABLE_COPY("Same asset, its file unreadable on one side");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a difference of this category is a loss unless the evidence explains it. */
    public boolean lossByDefault() {
        return this == MISSING_IN_CLOUD || this == MISSING_ON_DEVICE || this == LIVE_PHOTO_INCOMPLETE;
    }
}
