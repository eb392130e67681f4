package org.photoparity.core.model;

import java.util.Locale;

/** Container format of a resource, by content where it was read, by extension otherwise. */
public enum MediaFormat {
    HEIC(true, false), JPEG(true, false), PNG(true, false), GIF(true, false), TIFF(true, false), DNG(true, false),
    WEBP(true, false), MOV(false, true), MP4(false, true), M4V(false, true), AAE(false, false), UNKNOWN(false, false);

    private final boolean image;
    private final boolean video;

    MediaFormat(boolean image, boolean video) {
        this.image = image;
        this.video = video;
    }

    public boolean isImage() { return image; }
    public boolean isVideo() { return video; }

    /** Format guessed from a file name's extension; UNKNOWN when it names nothing we know. */
    public static MediaFormat fromFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) return UNKNOWN;
        return switch (name.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "heic", "heif", "hif" -> HEIC;
            case "jpg", "jpeg", "jpe" -> JPEG;
            case "png" -> PNG;
            case "gif" -> GIF;
            case "tif", "tiff" -> TIFF;
            case "dng" -> DNG;
            case "webp" -> WEBP;
            case "mov", "qt" -> MOV;
            case "mp4" -> MP4;
            case "m4v" -> M4V;
            case "aae" -> AAE;
            default -> UNKNOWN;
        };
    }
}
