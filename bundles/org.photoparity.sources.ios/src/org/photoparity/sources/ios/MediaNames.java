package org.photoparity.sources.ios;

import java.util.Locale;

import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;

/** What a file name says about a media file, before its bytes are read. */
final class MediaNames {

    private MediaNames() {
    }

    static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    static boolean isMedia(String path) {
        return MediaFormat.fromFileName(baseName(path)) != MediaFormat.UNKNOWN;
    }

    /** The role the name suggests; the assembler refines it (a video beside a still becomes its Live video). */
    static ResourceRole role(String path) {
        String name = baseName(path);
        if (MediaFormat.fromFileName(name) == MediaFormat.AAE) return ResourceRole.ADJUSTMENT_SIDECAR;
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.startsWith("IMG_E") && upper.length() > 5 && Character.isDigit(upper.charAt(5))) {
            return ResourceRole.EDITED_RENDER;
        }
        if (upper.startsWith("FULLSIZERENDER")) return ResourceRole.EDITED_RENDER;
        return ResourceRole.ORIGINAL;
    }
}
