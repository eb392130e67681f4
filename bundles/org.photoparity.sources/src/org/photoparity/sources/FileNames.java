package org.photoparity.sources;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;

/**
 * What a file's name says in the layouts Apple and its tools write: DCIM (IMG_1234.HEIC, IMG_E1234.JPG edits,
 * IMG_1234.AAE sidecars), icloudpd (-medium / -thumb / -adjusted suffixes, IMG_1234_HEVC.MOV Live halves,
 * IMG_1234-67890.JPG collision names), iCloud for Windows and the junk that operating systems leave in folders.
 */
public final class FileNames {

    private static final Pattern EDIT_PREFIX = Pattern.compile("^(.*_)E(\\d+)$", Pattern.CASE_INSENSITIVE);
    private static final String[] EDIT_SUFFIXES = {"-adjusted"};
    private static final String[] DERIVATIVE_SUFFIXES = {"-medium", "-thumb"};
    /**
     * icloudpd's names for another original of the same asset: -alternative is the RAW/JPEG twin (resOriginalAlt),
     * -original the legacy name of the original itself. Neither is an edit.
     */
    private static final String[] ORIGINAL_SUFFIXES = {"-alternative", "-original"};
    /** icloudpd's size de-duplication suffix comes after the version suffix: IMG_1234-medium-12345.JPG. */
    private static final Pattern VERSION_THEN_SIZE = Pattern.compile(
            "(?i)^(.*-(?:medium|thumb|adjusted|alternative|original))-\\d+$");
    private static final String LIVE_SUFFIX = "_HEVC";

    private FileNames() {
    }

    /** The name without its folders. */
    public static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The folder part of a '/'-separated path, "" at the root. */
    public static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The name without its extension. */
    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /**
     * Why a path is skipped on purpose, or null when it should be read. Looks at every folder on the way: files under
     * .Spotlight-V100 or __MACOSX are not photos whatever they are called.
     */
    public static String ignoreReason(String path) {
        String[] parts = path.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            String why = ignoredFolder(parts[i]);
            if (why != null) return why;
        }
        String name = parts[parts.length - 1];
        if (name.equals(".DS_Store")) return "macOS folder view settings (.DS_Store), not a photo";
        if (name.equalsIgnoreCase("Thumbs.db")) return "Windows thumbnail cache (Thumbs.db), not a photo";
        if (name.equalsIgnoreCase("desktop.ini")) return "Windows folder settings (desktop.ini), not a photo";
        if (name.startsWith("._")) return "AppleDouble resource fork written by macOS (._ file), not a photo";
        if (name.equalsIgnoreCase(".picasa.ini")) return "Picasa folder settings, not a photo";
        if (name.equals("Icon\r")) return "macOS custom folder icon, not a photo";
        return null;
    }

    private static String ignoredFolder(String dir) {
        return switch (dir) {
            case ".Spotlight-V100", ".fseventsd", ".Trashes", ".TemporaryItems", ".DocumentRevisions-V100" ->
                    "inside the macOS system folder " + dir;
            case "__MACOSX" -> "inside __MACOSX, the resource forks macOS adds to zips";
            case "@eaDir" -> "inside @eaDir, a Synology thumbnail folder";
            case "$RECYCLE.BIN", "System Volume Information" -> "inside the Windows system folder " + dir;
            default -> null;
        };
    }

    /** The part a file plays in its asset, judged by its name alone (the assembler refines it). */
    public static ResourceRole roleOf(String name) {
        if (MediaFormat.fromFileName(name) == MediaFormat.AAE) return ResourceRole.ADJUSTMENT_SIDECAR;
        String stem = withoutSizeSuffix(stem(name));
        String lower = stem.toLowerCase(Locale.ROOT);
        for (String s : DERIVATIVE_SUFFIXES) {
            if (lower.endsWith(s)) return ResourceRole.DERIVATIVE;
        }
        for (String s : EDIT_SUFFIXES) {
            if (lower.endsWith(s)) return ResourceRole.EDITED_RENDER;
        }
        if (lower.startsWith("fullsizerender")) return ResourceRole.EDITED_RENDER;
        if (EDIT_PREFIX.matcher(stem).matches()) return ResourceRole.EDITED_RENDER;
        return ResourceRole.ORIGINAL;
    }

    /** IMG_1234-medium-12345 to IMG_1234-medium: the size suffix icloudpd adds on a clash, after a version suffix. */
    private static String withoutSizeSuffix(String stem) {
        Matcher m = VERSION_THEN_SIZE.matcher(stem);
        return m.matches() ? m.group(1) : stem;
    }

    /** icloudpd's -alternative (RAW/JPEG twin) or legacy -original name: another original of the asset. */
    public static boolean isOtherOriginalName(String name) {
        String lower = withoutSizeSuffix(stem(name)).toLowerCase(Locale.ROOT);
        for (String s : ORIGINAL_SUFFIXES) {
            if (lower.endsWith(s)) return true;
        }
        return false;
    }

    /** True for icloudpd's name for the video half of a Live Photo (IMG_1234_HEVC.MOV). */
    public static boolean isLiveVideoName(String name) {
        return stem(name).toUpperCase(Locale.ROOT).endsWith(LIVE_SUFFIX);
    }

    /**
     * The name shared by every file of one asset, upper-cased: IMG_1234.HEIC, IMG_1234.MOV, IMG_1234_HEVC.MOV,
     * IMG_E1234.JPG, IMG_1234.AAE, IMG_1234-medium.JPG, IMG_1234-medium-12345.JPG (icloudpd's size suffix after the
     * version suffix), IMG_1234-adjusted.JPG, IMG_1234-alternative.JPG and IMG_1234-original.JPG all give IMG_1234.
     * A collision suffix on an original (IMG_1234-67890.JPG) is kept: icloudpd adds it because it is a different
     * asset.
     */
    public static String assetStem(String name) {
        String stem = withoutSizeSuffix(stem(name));
        String lower = stem.toLowerCase(Locale.ROOT);
        for (String s : DERIVATIVE_SUFFIXES) {
            if (lower.endsWith(s)) {
                stem = stem.substring(0, stem.length() - s.length());
                lower = stem.toLowerCase(Locale.ROOT);
            }
        }
        for (String s : EDIT_SUFFIXES) {
            if (lower.endsWith(s)) {
                stem = stem.substring(0, stem.length() - s.length());
                lower = stem.toLowerCase(Locale.ROOT);
            }
        }
        for (String s : ORIGINAL_SUFFIXES) {
            if (lower.endsWith(s)) {
                stem = stem.substring(0, stem.length() - s.length());
                lower = stem.toLowerCase(Locale.ROOT);
            }
        }
        if (lower.endsWith(LIVE_SUFFIX.toLowerCase(Locale.ROOT))) {
            stem = stem.substring(0, stem.length() - LIVE_SUFFIX.length());
        }
        Matcher m = EDIT_PREFIX.matcher(stem);
        if (m.matches()) stem = m.group(1) + m.group(2);
        return stem.toUpperCase(Locale.ROOT);
    }

    /** The format a name promises, with image-ness and video-ness. */
    public static MediaFormat formatOf(String name) {
        return MediaFormat.fromFileName(name);
    }
}
