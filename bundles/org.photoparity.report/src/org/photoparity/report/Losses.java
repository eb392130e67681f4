package org.photoparity.report;

import java.util.ArrayList;
import java.util.List;

import org.photoparity.core.model.Mismatch;

/** Real losses before the differences the evidence explains, as the report files and views list them. */
public final class Losses {

    private Losses() {
    }

    /** The mismatches with every loss first, each group in its original order (a stable partition). */
    public static List<Mismatch> first(List<Mismatch> mismatches) {
        List<Mismatch> out = new ArrayList<>(mismatches.size());
        for (Mismatch m : mismatches) if (m.loss()) out.add(m);
        for (Mismatch m : mismatches) if (!m.loss()) out.add(m);
        return out;
    }

    /** How many of the mismatches are losses. */
    public static long count(List<Mismatch> mismatches) {
        long n = 0;
        for (Mismatch m : mismatches) if (m.loss()) n++;
        return n;
    }

    /** What the reports show for a mismatch: "loss", or "not a loss: " and the reason when one is known. */
    public static String verdict(Mismatch m) {
        if (m.loss()) return "loss";
        return m.explanation() == null ? "not a loss" : "not a loss: " + m.explanation();
    }
}
