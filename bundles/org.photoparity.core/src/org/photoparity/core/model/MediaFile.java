package org.photoparity.core.model;

import java.util.Map;

/**
 * One file of a library, as read from its bytes (or, when {@code unreadableReason} is set, as far as it could be
 * read). Fields that the file does not carry are null (objects) or 0 (dimensions).
 *
 * @param source      index of the source in its side's source list
 * @param path        path relative to the source root, '/'-separated (inside a zip: the entry name)
 * @param format      container format, by content where known
 * @param role        the part the file plays in its asset
 * @param size        bytes
 * @param modified    last-modified time in epoch millis (0 when unknown)
 * @param captured    capture time from EXIF / QuickTime, null when absent
 * @param contentIdentifier Live Photo content identifier (MakerNote 0x0011 / com.apple.quicktime.content.identifier)
 * @param imageUniqueId Apple MakerNote image unique id (0x0015)
 * @param burstId     Apple MakerNote burst UUID (0x000B)
 * @param fingerprint content fingerprint of the whole file (null in metadata-only scans)
 * @param payloadKey  hash of the encoded image or video payload alone, metadata excluded (JPEG entropy-coded data and
 *                    tables, HEIC primary item data, MOV/MP4 media data), computed in the same read pass as the
 *                    fingerprint; two files differing only in metadata share it. Null when not computed.
 * @param screenshot  the file says it is a screenshot (EXIF UserComment "Screenshot" or PNG from the device)
 * @param unreadableReason why the file could not be parsed, null when it was
 * @param extra       further fields worth showing (e.g. QuickTime codec), never used for matching
 */
public record MediaFile(
        int source,
        String path,
        MediaFormat format,
        ResourceRole role,
        long size,
        long modified,
        CaptureTime captured,
        String make,
        String model,
        int width,
        int height,
        int orientation,
        Double latitude,
        Double longitude,
        String contentIdentifier,
        String imageUniqueId,
        String burstId,
        String fingerprint,
        String payloadKey,
        boolean screenshot,
        String unreadableReason,
        Map<String, String> extra) {

    public MediaFile {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** A file without a payload key (listings, metadata-only scans, formats without one). */
    public MediaFile(int source, String path, MediaFormat format, ResourceRole role, long size, long modified,
            CaptureTime captured, String make, String model, int width, int height, int orientation, Double latitude,
            Double longitude, String contentIdentifier, String imageUniqueId, String burstId, String fingerprint,
            boolean screenshot, String unreadableReason, Map<String, String> extra) {
        this(source, path, format, role, size, modified, captured, make, model, width, height, orientation, latitude,
                longitude, contentIdentifier, imageUniqueId, burstId, fingerprint, null, screenshot, unreadableReason,
                extra);
    }

    /** The file name without folders. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public boolean readable() {
        return unreadableReason == null;
    }

    public long pixels() {
        return (long) width * height;
    }

    public MediaFile withRole(ResourceRole newRole) {
        return new MediaFile(source, path, format, newRole, size, modified, captured, make, model, width, height,
                orientation, latitude, longitude, contentIdentifier, imageUniqueId, burstId, fingerprint, payloadKey,
                screenshot, unreadableReason, extra);
    }
}
