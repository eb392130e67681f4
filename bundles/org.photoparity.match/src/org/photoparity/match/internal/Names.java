package org.photoparity.match.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Original file names normalised across the naming schemes that rename a photo on its way out of Photos:
 * <ul>
 * <li>DCIM and the privacy export keep {@code IMG_1234.HEIC};</li>
 * <li>iCloud for Windows converts to {@code IMG_1234.JPG} and names clashes {@code IMG_1234 (1).JPG};</li>
 * <li>icloudpd writes {@code IMG_1234-67890.JPG} on clashes (the number is the file size), {@code IMG_1234_ABCDEFG.JPG}
 * with the name-id7 policy, {@code IMG_1234-medium.JPG}, {@code -thumb}, {@code -adjusted}, and Live videos as
 * {@code IMG_1234_HEVC.MOV}, {@code IMG_1234-medium-12345.JPG} (size suffix after the version suffix),
 * {@code -alternative} (the RAW/JPEG twin) and legacy {@code -original};</li>
 * <li>Photos itself names edit renders {@code IMG_E1234.JPG}.</li>
 * </ul>
 * The key is the upper-case stem without those decorations: {@code IMG_1234}.
 */
public final class Names {

    private static final Pattern COPY = Pattern.compile("\\s*\\(\\d{1,4}\\)$");
    private static final Pattern HEVC = Pattern.compile("_HEVC$");
    private static final Pattern SIZE_SUFFIX = Pattern.compile("-(ADJUSTED|MEDIUM|THUMB|ORIGINAL|ALTERNATIVE)$");
    /** icloudpd's size de-duplication suffix after a version suffix: IMG_1234-medium-12345. */
    private static final Pattern VERSION_THEN_SIZE =
            Pattern.compile("-(ADJUSTED|MEDIUM|THUMB|ORIGINAL|ALTERNATIVE)-\\d{1,12}$");
    private static final Pattern NUMBER_SUFFIX = Pattern.compile("-(\\d{1,12})$");
    private static final Pattern ID7_SUFFIX = Pattern.compile("_[A-Z0-9+/=]{7}$");
    /** Camera names: IMG_1234, IMG_E1234, DSC_1234, DSCF1234, PXL_... only the Apple-style ones matter here. */
    private static final Pattern CAMERA = Pattern.compile("^[A-Z]{3,4}_E?\\d{4}$");
    private static final Pattern EDIT = Pattern.compile("^([A-Z]{3,4})_E(\\d{4})$");

    private Names() {
    }

    /** The extension-less, upper-case stem with exporters' decorations removed; null for a null name. */
    public static String key(String fileName, long size) {
        if (fileName == null) return null;
        String n = fileName;
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (slash >= 0) n = n.substring(slash + 1);
        int dot = n.lastIndexOf('.');
        String stem = (dot > 0 ? n.substring(0, dot) : n).trim().toUpperCase(Locale.ROOT);
        for (int round = 0; round < 4; round++) {
            String before = stem;
            stem = COPY.matcher(stem).replaceFirst("");
            stem = HEVC.matcher(stem).replaceFirst("");
            stem = VERSION_THEN_SIZE.matcher(stem).replaceFirst("");
            stem = SIZE_SUFFIX.matcher(stem).replaceFirst("");
            Matcher num = NUMBER_SUFFIX.matcher(stem);
            if (num.find()) {
                String base = stem.substring(0, num.start());
                // strip "-67890" only where it cannot be part of a real name: after a camera name, or equal to the size
                if (CAMERA.matcher(base).matches() || (size > 0 && num.group(1).equals(Long.toString(size)))) {
                    stem = base;
                }
            }
            Matcher id7 = ID7_SUFFIX.matcher(stem);
            if (id7.find() && CAMERA.matcher(stem.substring(0, id7.start())).matches()) {
                stem = stem.substring(0, id7.start());
            }
            if (stem.equals(before)) break;
        }
        Matcher e = EDIT.matcher(stem);
        if (e.matches()) stem = e.group(1) + "_" + e.group(2);
        return stem;
    }

    /**
     * IMG_E1234.JPG, IMG_E1234 (1).JPG or IMG_1234-adjusted.JPG: a render of an edit. Checked by hand, not by a
     * regular expression: the pair classifier asks it for every file of every pair.
     */
    public static boolean isEditName(String fileName) {
        return fileName != null && isEditName(fileName, 0);
    }

    /** As {@link #isEditName(String)} for the file name of a path (after its last '/'), without cutting it out. */
    public static boolean isEditPath(String path) {
        return path != null && isEditName(path, path.lastIndexOf('/') + 1);
    }

    private static boolean isEditName(String s, int start) {
        int n = s.length() - start;
        int letters = 0;
        while (letters < n && letters < 5 && Character.isLetter(s.charAt(start + letters))) letters++;
        if ((letters == 3 || letters == 4) && n >= letters + 6 && s.charAt(start + letters) == '_'
                && (s.charAt(start + letters + 1) == 'E' || s.charAt(start + letters + 1) == 'e')) {
            boolean digits = true;
            for (int i = letters + 2; i < letters + 6; i++) digits &= Character.isDigit(s.charAt(start + i));
            if (digits && (n == letters + 6 || ".( ".indexOf(s.charAt(start + letters + 6)) >= 0)) return true;
        }
        int dot = s.lastIndexOf('.') - start; // a dot before the name (in a folder) is no extension of it
        return dot >= 9 && s.regionMatches(true, start + dot - 9, "-adjusted", 0, 9);
    }
}
