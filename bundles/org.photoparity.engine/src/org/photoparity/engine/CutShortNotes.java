package org.photoparity.engine;

import java.util.ArrayList;
import java.util.List;

import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.match.comparators.MissingClassifier;

/**
 * One note for the whole analysis when a side looks like a download or copy of only its newest items (each photo's
 * own explanation says it too, but a technician reads the counts first): the command line prints it, the Summary and
 * the reports show it.
 */
public final class CutShortNotes {

    private CutShortNotes() {
    }

    public static List<String> of(ReconcileResult r) {
        List<String> out = new ArrayList<>();
        note(r, Category.MISSING_IN_CLOUD, "cloud", "device", "download the whole library", out);
        note(r, Category.MISSING_ON_DEVICE, "device", "cloud", "copy the whole DCIM folder", out);
        return out;
    }

    private static void note(ReconcileResult r, Category c, String cut, String other, String todo, List<String> out) {
        int n = 0;
        String day = null;
        for (Mismatch m : r.mismatches()) {
            String e = m.explanation();
            if (m.category() != c || m.loss() || e == null || !e.startsWith(MissingClassifier.OLDER_THAN_THE_CLOUD)) {
                continue;
            }
            n++;
            if (day == null) {
                int end = e.indexOf(',', MissingClassifier.OLDER_THAN_THE_CLOUD.length());
                day = end < 0 ? null : e.substring(MissingClassifier.OLDER_THAN_THE_CLOUD.length(), end);
            }
        }
        if (n == 0) return;
        out.add("The " + cut + " side holds only photos taken from " + day + " on, and all " + n + " " + other
                + " photos missing from it are older: a " + cut + " side of only the newest items looks like this."
                + " They are not shown lost: " + todo + " and analyse again; still missing then, they are lost");
    }
}
