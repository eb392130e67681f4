package org.photoparity.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.evidence.PhotosLibraryStats;
import org.photoparity.match.comparators.MissingClassifier;

/**
 * Device evidence over a pattern: device photos missing from a cloud download that holds only newer photos are not
 * shown lost (the download may have stopped early: {@link MissingClassifier}), unless the device's own library says
 * at least that many of its assets are not in iCloud yet (a backup's Photos.sqlite: waiting to upload, or never
 * synced). Then they may be exactly those, and each is a loss again, saying why.
 */
public final class PendingUploads {

    private PendingUploads() {
    }

    public static ReconcileResult apply(ReconcileResult r, CaseEvidence e) {
        if (r == null) return null;
        Optional<PhotosLibraryStats> stats = e.get(PhotosLibraryStats.class);
        if (stats.isEmpty()) return r;
        long notUp = stats.get().pendingUploads() + stats.get().notSynced();
        if (notUp == 0) return r;
        List<Integer> partial = new ArrayList<>();
        List<Mismatch> ms = r.mismatches();
        for (int i = 0; i < ms.size(); i++) {
            Mismatch m = ms.get(i);
            if (m.category() == Category.MISSING_IN_CLOUD && m.explanation() != null
                    && m.explanation().startsWith(MissingClassifier.OLDER_THAN_THE_OTHER_SIDE)) {
                partial.add(i);
            }
        }
        if (partial.isEmpty() || partial.size() > notUp) return r;
        String why = " [" + stats.get().source() + ": " + notUp + " library assets not in iCloud yet (waiting to"
                + " upload or never synced): this may be one of them, so it is shown lost although the cloud download"
                + " holds only newer photos]";
        List<Mismatch> out = new ArrayList<>(ms);
        for (int i : partial) {
            Mismatch m = ms.get(i);
            out.set(i, new Mismatch(m.category(), m.device(), m.cloud(), m.matchedBy(), m.detail() + why, m.states(),
                    m.deviceAssets(), m.cloudAssets(), true, null));
        }
        return new ReconcileResult(r.device(), r.cloud(), r.identical(), out, r.matchedBy());
    }
}
