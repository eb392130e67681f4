package org.photoparity.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.spi.CaseEvidence;

/**
 * What the cloud holds and a copy of the iPhone's files lacks is not shown missing from the device when Optimize
 * iPhone Storage is on: the iPhone then keeps the originals of many photos in iCloud only (its library shows them
 * from a smaller version), and a copy of its files (DCIM over USB, an import) holds only the originals on the
 * device; Apple asks for the originals to be downloaded to the iPhone before importing them to a computer.
 * <p>
 * Applied only when the device side is a copy of files: a device side that lists the library (Photos.sqlite, in a
 * backup) lists optimized assets too, so what it lacks is really not in the library. The evidence is the answer
 * {@code optimize_storage} or the device backup's count of originals only in iCloud; with that count, never more
 * missing photos are explained than it counts. An answer of no (Download and Keep Originals) explains nothing.
 * Applying it again with other evidence (an answer changed) first takes back what it explained before.
 */
public final class OptimizedOriginals {

    /** How each explanation it gives begins: what it takes back when applied again. */
    public static final String PREFIX = "not shown lost: Optimize iPhone Storage is on";

    private OptimizedOriginals() {
    }

    /** The result with what the evidence explains explained, and nothing else changed. */
    public static ReconcileResult apply(ReconcileResult r, CaseEvidence e) {
        if (r == null) return null;
        List<Integer> candidates = new ArrayList<>();
        List<Mismatch> ms = r.mismatches();
        for (int i = 0; i < ms.size(); i++) {
            Mismatch m = ms.get(i);
            if (m.category() == Category.MISSING_ON_DEVICE && m.deviceAssets().isEmpty()
                    && (m.explanation() == null || m.explanation().startsWith(PREFIX))) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) return r;
        String why = listsTheLibrary(r) ? null : reason(e, candidates.size());
        List<Mismatch> out = new ArrayList<>(ms);
        boolean changed = false;
        for (int i : candidates) {
            Mismatch m = ms.get(i);
            Mismatch n = why != null ? m.explained(why)
                    : m.explanation() == null ? m : unexplained(m);
            if (!n.equals(m)) {
                out.set(i, n);
                changed = true;
            }
        }
        return changed ? new ReconcileResult(r.device(), r.cloud(), r.identical(), out, r.matchedBy()) : r;
    }

    /** A device side that lists the library (Photos.sqlite) lists an optimized asset too. */
    private static boolean listsTheLibrary(ReconcileResult r) {
        for (Asset a : r.device().assets()) if (a.listing() != null) return true;
        return false;
    }

    /** Why {@code missing} photos may be on the iPhone without their original, or null when nothing says so. */
    static String reason(CaseEvidence e, int missing) {
        Optional<String> answer = e.answer(AnswerKey.OPTIMIZE_STORAGE.key())
                .flatMap(AnswerKey.OPTIMIZE_STORAGE::normalize);
        if (answer.isPresent() && answer.get().equals("no")) return null;
        boolean yes = answer.isPresent() && answer.get().equals("yes");
        Optional<PhotosLibraryStats> stats = e.get(PhotosLibraryStats.class);
        String basis;
        if (stats.isPresent() && stats.get().originalsNotLocal() >= 0) {
            long counted = stats.get().originalsNotLocal();
            if (counted == 0 || missing > counted) return null;
            basis = stats.get().source() + ": " + counted + " originals only in iCloud"
                    + (yes ? "; answer optimize_storage = yes" : "");
        } else if (yes) {
            basis = "answer optimize_storage = yes";
        } else {
            return null;
        }
        return PREFIX + " (" + basis + ") and the device side is a copy of its files: the iPhone keeps the"
                + " originals of such photos in iCloud only, and a copy of its files holds only the originals on the"
                + " device. To tell, give a backup with Photos.sqlite as the device side, or download the originals"
                + " first (Settings > Apps > Photos > Download and Keep Originals) and copy again";
    }

    private static Mismatch unexplained(Mismatch m) {
        return new Mismatch(m.category(), m.device(), m.cloud(), m.matchedBy(), m.detail(), m.states(),
                m.deviceAssets(), m.cloudAssets(), m.category().lossByDefault(), null);
    }
}
