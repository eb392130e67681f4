package org.photoparity.core.model;

import java.util.Locale;

/**
 * Container format of a resource, by content where it was read, by extension otherwise. RAW is a camera maker's own
 * RAW format (Canon CR2 / CR3, Nikon NEF, Sony ARW, Fujifilm RAF, Olympus ORF, Panasonic RW2 ...), which Photos
 * imports from a camera's card as it does DNG.
 */
public enum MediaFormat {
    HEIC(true, false), JPEG(true, false), PNG(true, false), GIF(true, false), TIFF(true, false), DNG(true, false),
    RAW(true, false), WEBP(true, false), MOV(false, true), MP4(false, true), M4V(false, true), AAE(false, false),
    UNKNOWN(false, false);

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
            // the camera makers' own RAW formats Photos imports (Canon, Nikon, Sony, Fujifilm, Olympus / OM System,
            // Panasonic / Leica, Pentax, Samsung, Hasselblad, Phase One, Leaf, Mamiya, Kodak, Sigma, Epson)
            case "cr2", "cr3", "crw", "nef", "nrw", "arw", "srf", "sr2", "raf", "orf", "rw2", "rwl", "pef", "srw",
                    "3fr", "fff", "iiq", "mos", "mef", "dcr", "kdc", "x3f", "erf" -> RAW;
            case "webp" -> WEBP;
            case "mov", "qt" -> MOV;
            case "mp4" -> MP4;
            case "m4v" -> M4V;
            case "aae" -> AAE;
            default -> UNKNOWN;
        };
    }
}
