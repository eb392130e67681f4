package org.photoparity.engine;

import java.util.ArrayList;
import java.util.List;

import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
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
        note(r, Category.MISSING_IN_CLOUD, r.cloud(), "cloud", "device", "download the whole library", out);
        note(r, Category.MISSING_ON_DEVICE, r.device(), "device", "cloud", "copy the whole DCIM folder", out);
        return out;
    }

    private static void note(ReconcileResult r, Category c, SideInventory cutSide, String cut, String other,
            String todo, List<String> out) {
        int n = 0;
        for (Mismatch m : r.mismatches()) {
            String e = m.explanation();
            if (m.category() == c && !m.loss() && e != null
                    && e.startsWith(MissingClassifier.OLDER_THAN_THE_OTHER_SIDE)) {
                n++;
            }
        }
        if (n == 0) return;
        out.add("The " + cut + " side holds only photos taken from " + MissingClassifier.oldestCaptured(cutSide)
                + " on, and all " + n + " " + other + " photos missing from it are older: a " + cut + " side of only"
                + " the newest items looks like this. They are not shown lost: " + todo + " and analyse again; still"
                + " missing then, they are lost");
    }
}
