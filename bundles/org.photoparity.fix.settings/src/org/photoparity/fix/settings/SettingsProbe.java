package org.photoparity.fix.settings;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;
import org.photoparity.evidence.AnswerKey;
import org.photoparity.evidence.EnableLog;
import org.photoparity.evidence.Findings;
import org.photoparity.evidence.PhotosLibraryStats;
import org.photoparity.evidence.ResultFacts;
import org.photoparity.evidence.StatusText;

/**
 * Fix 1: is this iPhone syncing its library with the expected Apple ID's iCloud Photos? Photos.sqlite answers
 * part of it (ZCLOUDLOCALSTATE 0 on every asset means iCloud Photos is off for the library), the enable log says
 * when it was switched, and only the technician can say which Apple ID is signed in.
 */
public final class SettingsProbe implements IProbe {

    public static final String ID = "probe.settings";

    /** Share of unsynced assets above which a library that does sync is still worth a warning. */
    private static final double UNSYNCED_WARN_SHARE = 0.10;

    @Override
    public ProbeResult run(CaseEvidence e, IProgressMonitor monitor) {
        Findings f = new Findings(1, ID);

        Optional<Boolean> appleId = f.answer(e, AnswerKey.APPLE_ID_MATCHES);
        appleId.ifPresent(match -> {
            if (!match) f.verdict(ProbeStatus.FAIL, "The iPhone is signed in with a different Apple ID than the"
                    + " iCloud library compared: sign in with the right one");
        });
        Optional<Boolean> toggle = f.answer(e, AnswerKey.ICLOUD_PHOTOS_ON);
        toggle.ifPresent(on -> f.verdict(on ? ProbeStatus.PASS : ProbeStatus.FAIL,
                on ? "iCloud Photos is on (answer)" : "iCloud Photos is off on the iPhone (answer)"));

        e.get(PhotosLibraryStats.class).ifPresent(s -> judge(s, f));
        if (e.get(PhotosLibraryStats.class).isEmpty()) e.result().ifPresent(r -> {
            ResultFacts.ListingStates l = ResultFacts.deviceListings(r);
            if (l.listed() == 0 || l.cloudStates().isEmpty()) return;
            long notSynced = l.cloudStates().getOrDefault(CloudState.NOT_SYNCED, 0L);
            f.evidence("analysis: device listing of " + l.listed() + " library assets, cloud states " + l.cloudStates()
                    + sharedNote(l.shared()));
            if (notSynced == l.listed()) {
                f.verdict(ProbeStatus.FAIL, "Photos.sqlite marks all " + l.listed()
                        + " device assets as not synced: iCloud Photos is off for this library");
            } else if (notSynced > l.listed() * UNSYNCED_WARN_SHARE) {
                f.verdict(ProbeStatus.WARN, notSynced + " of " + l.listed() + " device assets are not synced");
            } else {
                f.verdict(ProbeStatus.PASS, "the device listing shows the library syncing");
            }
        });

        e.get(EnableLog.class).ifPresent(log -> {
            log.last().ifPresent(last -> {
                f.evidence(log.source() + ": last switch " + (last.enabled() ? "ON" : "OFF")
                        + (last.timestamp() == null ? "" : " at " + DateTimeFormatter.ISO_INSTANT.format(last.timestamp()))
                        + (last.type() == null ? "" : " (type " + last.type() + ")") + ", " + log.icloudPhotos().size()
                        + " switches logged, " + log.timesTurnedOff() + " off");
                if (!last.enabled()) {
                    f.verdict(ProbeStatus.FAIL, "the enable log shows iCloud Photos was last turned off");
                } else if (log.timesTurnedOff() > 0) {
                    f.verdict(ProbeStatus.WARN, "iCloud Photos was turned off " + log.timesTurnedOff()
                            + " time(s) before being turned on again: photos taken while off upload only after a"
                            + " full re-sync");
                } else {
                    f.verdict(ProbeStatus.PASS, "the enable log shows iCloud Photos on");
                }
            });
        });

        StatusText.line(e).ifPresent(f::evidence);
        if (StatusText.SIGNED_OUT.in(e)) f.verdict(ProbeStatus.FAIL, "Photos' status line says iCloud Photos is off");

        boolean sameLibrary = e.result().map(r -> oneLibrary(r, appleId, f)).orElse(false);
        if (f.hasVerdict() && appleId.isEmpty() && !sameLibrary) {
            f.evidence("apple_id_matches not answered: check Settings > [your name] against the iCloud account");
        }
        return f.result("No evidence on iCloud Photos: give a backup (--backup) with Photos.sqlite, or answer"
                + " icloud_photos_on and apple_id_matches in the answers file");
    }

    /** Fewer assets than this on a side say nothing by sharing none with the other. */
    static final int APART_MIN = 3;

    /**
     * What the analysis says of the Apple ID: assets on both sides show one library (true); two sides of some size
     * with not one asset in common are likely two libraries, another Apple ID on the iPhone (WARN unless the
     * technician answered that the Apple ID matches).
     */
    private static boolean oneLibrary(org.photoparity.core.model.ReconcileResult r, Optional<Boolean> appleId,
            Findings f) {
        long dev = r.device().assets().size(), cloud = r.cloud().assets().size();
        if (dev == 0 || cloud == 0) return false;
        long both = r.identical();
        for (org.photoparity.core.model.Mismatch m : r.mismatches()) {
            if (!m.deviceAssets().isEmpty() && !m.cloudAssets().isEmpty()) both++;
        }
        if (both > 0) {
            f.evidence("analysis: " + both + (both == 1 ? " asset" : " assets") + " on both sides: the same library");
            return true;
        }
        f.evidence("analysis: no asset on both sides (" + dev + " on the device, " + cloud + " in the cloud)");
        if (dev >= APART_MIN && cloud >= APART_MIN && !appleId.orElse(false)) {
            f.verdict(ProbeStatus.WARN, "none of the " + dev + " device assets is in the iCloud library compared, nor"
                    + " any of its " + cloud + " on the device: the iPhone may use another Apple ID than that library"
                    + " (check Settings > [your name]), or the sources are of two libraries");
        }
        return false;
    }

    /** Shared content is left out of every count: iCloud Photos does not sync it, so it is never "not synced". */
    static String sharedNote(long shared) {
        return shared == 0 ? "" : "; " + shared + " shared items (shared albums, iCloud links, Shared with You) not"
                + " counted";
    }

    private static void judge(PhotosLibraryStats s, Findings f) {
        f.evidence(s.describe());
        if (s.assets() == 0) {
            if (s.shared() > 0) f.evidence(s.source() + ": only shared items, no library asset to judge");
            return;
        }
        if (s.noneSynced()) {
            f.verdict(ProbeStatus.FAIL, "Photos.sqlite marks all " + s.assets() + " assets as not synced"
                    + " (ZCLOUDLOCALSTATE 0): iCloud Photos is off for this library");
        } else if (s.notSynced() > s.assets() * UNSYNCED_WARN_SHARE) {
            f.verdict(ProbeStatus.WARN, s.notSynced() + " of " + s.assets() + " assets are not synced yet"
                    + " (ZCLOUDLOCALSTATE 0): iCloud Photos was turned on recently or is not finishing");
        } else {
            f.verdict(ProbeStatus.PASS, "Photos.sqlite shows the library syncing with iCloud Photos ("
                    + (s.assets() - s.notSynced()) + " of " + s.assets() + " assets)");
        }
    }
}
