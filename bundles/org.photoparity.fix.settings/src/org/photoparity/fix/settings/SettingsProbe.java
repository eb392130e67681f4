package org.photoparity.fix.settings;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
 * <p>
 * A library syncing with <em>an</em> account is half of the fix: PASS needs iCloud Photos on (Photos.sqlite, the
 * device listing, the enable log or the answer icloud_photos_on) and the Apple ID established, by the answer
 * apple_id_matches=yes or by an analysis with assets on both sides (one library). With the first half alone the
 * probe is UNKNOWN, says what is known and asks apple_id_matches; a FAIL or WARN still wins.
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
        // what says iCloud Photos is on: a PASS only once the Apple ID is known to be the one compared
        List<On> on = new ArrayList<>();
        Optional<Boolean> toggle = f.answer(e, AnswerKey.ICLOUD_PHOTOS_ON);
        toggle.ifPresent(yes -> {
            if (yes) on.add(new On("iCloud Photos is on (answer)", "answer icloud_photos_on = yes"));
            else f.verdict(ProbeStatus.FAIL, "iCloud Photos is off on the iPhone (answer)");
        });

        e.get(PhotosLibraryStats.class).ifPresent(s -> judge(s, f, on));
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
                on.add(new On("the device listing shows the library syncing", "the device listing: "
                        + (l.listed() - notSynced) + " of " + l.listed() + " library assets syncing"));
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
                    on.add(new On("the enable log shows iCloud Photos on", "cloudServiceEnableLog.plist: last switched"
                            + " on" + (last.timestamp() == null ? ""
                                    : " at " + DateTimeFormatter.ISO_INSTANT.format(last.timestamp()))));
                }
            });
        });

        StatusText.line(e).ifPresent(f::evidence);
        if (StatusText.SIGNED_OUT.in(e)) f.verdict(ProbeStatus.FAIL, "Photos' status line says iCloud Photos is off");

        long both = e.result().map(r -> onBothSides(r, appleId, f)).orElse(0L);
        if ((f.hasVerdict() || !on.isEmpty()) && appleId.isEmpty() && both == 0) {
            f.evidence("apple_id_matches not answered: check Settings > [your name] against the iCloud account");
        }
        if (!on.isEmpty()) {
            if (appleId.orElse(false)) {
                on.forEach(o -> f.verdict(ProbeStatus.PASS, o.pass()));
                f.verdict(ProbeStatus.PASS, "the Apple ID is the one whose library was compared (answer "
                        + AnswerKey.APPLE_ID_MATCHES.key() + ")");
            } else if (both > 0) {
                on.forEach(o -> f.verdict(ProbeStatus.PASS, o.pass()));
                f.verdict(ProbeStatus.PASS, "the analysis finds " + both + (both == 1 ? " asset" : " assets")
                        + " on both sides: the iPhone syncs with the library compared");
            }
            // else no verdict of its own: a FAIL or WARN above stands, and otherwise the probe is UNKNOWN and asks
            return f.result("iCloud Photos is on for this library ("
                    + String.join("; ", on.stream().map(On::known).toList()) + "); whether it syncs with the Apple ID"
                    + " whose library was compared is not known: " + askAppleId(e));
        }
        return f.result("No evidence on iCloud Photos: give a backup (--backup) with Photos.sqlite, or answer"
                + " icloud_photos_on and apple_id_matches in the answers file");
    }

    /**
     * Evidence that iCloud Photos is on: {@code pass} is its PASS summary once the Apple ID is established,
     * {@code known} what the UNKNOWN summary says is known without it.
     */
    private record On(String pass, String known) {
    }

    /** The step that establishes the Apple ID: the answer, or (when it can still tell) comparing the cloud side. */
    private static String askAppleId(CaseEvidence e) {
        String answer = "answer " + AnswerKey.APPLE_ID_MATCHES.key() + " (Settings > [your name] against the account"
                + " whose iCloud library was compared)";
        Optional<org.photoparity.core.model.ReconcileResult> r = e.result();
        if (r.isEmpty()) {
            return answer + ", or compare the cloud side (analyze with the iCloud library: assets on both sides show"
                    + " one library)";
        }
        if (r.get().cloud().assets().isEmpty()) {
            return answer + ", or add the iCloud library to the analysis (assets on both sides show one library)";
        }
        if (r.get().device().assets().isEmpty()) {
            return answer + ", or add the iPhone's library to the analysis (assets on both sides show one library)";
        }
        return answer; // both sides were compared and share no asset: only the technician can tell
    }

    /** Fewer assets than this on a side say nothing by sharing none with the other. */
    static final int APART_MIN = 3;

    /**
     * What the analysis says of the Apple ID: the assets on both sides, which show one library (above 0); two sides
     * of some size with not one asset in common are likely two libraries, another Apple ID on the iPhone (WARN unless
     * the technician answered that the Apple ID matches).
     */
    private static long onBothSides(org.photoparity.core.model.ReconcileResult r, Optional<Boolean> appleId,
            Findings f) {
        long dev = r.device().assets().size(), cloud = r.cloud().assets().size();
        if (dev == 0 || cloud == 0) return 0;
        long both = r.identical();
        for (org.photoparity.core.model.Mismatch m : r.mismatches()) {
            if (!m.deviceAssets().isEmpty() && !m.cloudAssets().isEmpty()) both++;
        }
        if (both > 0) {
            f.evidence("analysis: " + both + (both == 1 ? " asset" : " assets") + " on both sides: the same library");
            return both;
        }
        f.evidence("analysis: no asset on both sides (" + dev + " on the device, " + cloud + " in the cloud)");
        if (dev >= APART_MIN && cloud >= APART_MIN && !appleId.orElse(false)) {
            f.verdict(ProbeStatus.WARN, "none of the " + dev + " device assets is in the iCloud library compared, nor"
                    + " any of its " + cloud + " on the device: the iPhone may use another Apple ID than that library"
                    + " (check Settings > [your name]), or the sources are of two libraries");
        }
        return 0;
    }

    /** Shared content is left out of every count: iCloud Photos does not sync it, so it is never "not synced". */
    static String sharedNote(long shared) {
        return shared == 0 ? "" : "; " + shared + " shared items (shared albums, iCloud links, Shared with You) not"
                + " counted";
    }

    private static void judge(PhotosLibraryStats s, Findings f, List<On> on) {
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
            long syncing = s.assets() - s.notSynced();
            on.add(new On("Photos.sqlite shows the library syncing with iCloud Photos (" + syncing + " of " + s.assets()
                    + " assets)", "Photos.sqlite: " + syncing + " of " + s.assets() + " assets syncing"));
        }
    }
}
