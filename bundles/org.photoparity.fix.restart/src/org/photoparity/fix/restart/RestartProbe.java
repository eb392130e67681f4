package org.photoparity.fix.restart;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;
import org.photoparity.evidence.Findings;
import org.photoparity.evidence.PhotosLibraryStats;
import org.photoparity.evidence.ResultFacts;
import org.photoparity.evidence.SnapshotComparison;
import org.photoparity.evidence.StatusText;

/**
 * Fix 5: is the upload queue stuck? The strongest sign is two snapshots of the same device (two backups, or two
 * copies of Photos.sqlite) where the assets pending upload are the same and none went up; a single snapshot with
 * assets tried several times is a weaker one. Without either, the probe cannot tell, and says to restart and look
 * again.
 */
public final class RestartProbe implements IProbe {

    public static final String ID = "probe.restart";

    /** Upload attempts on one asset from which a single snapshot counts as stuck. */
    public static final String ATTEMPTS_WARN = "restart.attempts.warn";

    @Override
    public ProbeResult run(CaseEvidence e, IProgressMonitor monitor) {
        Findings f = new Findings(5, ID);
        int attemptsWarn = attemptsWarn(e);

        String[] stale = new String[1]; // what a PASS was withheld for: the snapshot is too old to speak for now
        Optional<SnapshotComparison> cmp = e.get(SnapshotComparison.class);
        cmp.ifPresent(c -> {
            f.evidence(c.describe());
            if (c.stalled()) {
                f.verdict(ProbeStatus.FAIL, c.stillPending() + " assets stayed pending upload between the two"
                        + " snapshots and none went up" + (c.attemptsGrew() > 0 ? " (" + c.attemptsGrew()
                                + " were retried and failed again)" : "") + ": the sync is stalled, restart the iPhone");
            } else if (c.moving() && c.stillPending() > 0) {
                f.verdict(ProbeStatus.WARN, c.cleared() + " pending assets uploaded between the snapshots, "
                        + c.stillPending() + " still wait: the queue moves slowly; keep it on power and Wi-Fi");
            } else if ((stale[0] = org.photoparity.evidence.Freshness.tooOld(c.later(), c.laterAt(), e)) == null) {
                f.verdict(ProbeStatus.PASS, "no asset stayed pending between the two snapshots: uploads are moving");
            } else {
                f.evidence(stale[0]);
                stale[0] = "No asset stayed pending between the two snapshots, but " + stale[0];
            }
        });

        Optional<PhotosLibraryStats> stats = e.get(PhotosLibraryStats.class);
        // with an empty queue, assets never synced while the rest of the library is: new photos, or a sync that
        // stopped taking them; one snapshot cannot tell which
        long outside = stats.filter(s -> s.synced() > 0 && s.pendingUploads() == 0)
                .map(PhotosLibraryStats::notSynced).orElse(0L);
        stats.ifPresent(s -> {
            f.evidence(s.describe());
            if (s.lastUploadAttempt() != null) {
                f.evidence(s.source() + ": last upload attempt " + DateTimeFormatter.ISO_INSTANT.format(s.lastUploadAttempt()));
            }
            if (outside > 0) {
                f.evidence(s.source() + ": " + outside + " library assets are not synced and not waiting in the upload"
                        + " queue (ZCLOUDLOCALSTATE 0, no upload attempt): new, or not taken by the sync");
            }
            if (cmp.isPresent()) return; // the comparison decides
            if (s.maxUploadAttempts() >= attemptsWarn && s.pendingUploads() > 0) {
                f.verdict(ProbeStatus.WARN, s.pendingUploads() + " assets wait to upload and some were tried up to "
                        + s.maxUploadAttempts() + " times: likely stalled; restart, then compare with a second snapshot");
            } else if (s.pendingUploads() == 0 && s.synced() > 0 && outside == 0) {
                String old = org.photoparity.evidence.Freshness.tooOld(s.source(), s.takenAt(), e);
                if (old == null) {
                    f.verdict(ProbeStatus.PASS, "nothing is waiting to upload (" + s.synced() + " assets synced)");
                } else {
                    f.evidence(old);
                    stale[0] = "Nothing was waiting to upload (" + s.synced() + " assets synced), but " + old;
                }
            }
        });

        if (stats.isEmpty() && cmp.isEmpty()) e.result().ifPresent(r -> {
            ResultFacts.ListingStates l = ResultFacts.deviceListings(r);
            if (l.listed() == 0) return;
            long pending = l.cloudStates().getOrDefault(CloudState.PENDING_UPLOAD, 0L);
            f.evidence("analysis: device listing " + l.listed() + " library assets, " + pending + " pending upload, "
                    + l.withAttempts() + " with upload attempts" + (l.shared() == 0 ? "" : "; " + l.shared()
                            + " shared items (shared albums, iCloud links, Shared with You) not counted"));
            if (pending > 0 && l.withAttempts() > 0) {
                f.verdict(ProbeStatus.WARN, pending + " assets wait to upload after failed attempts: likely stalled");
            }
        });

        StatusText.line(e).ifPresent(f::evidence);
        if (StatusText.STUCK.in(e)) {
            f.verdict(ProbeStatus.WARN, "Photos' status line shows the sync waiting or paused");
        }
        String restart = "restart the iPhone (side button + volume, slide to power off, wait 30 s), then compare two"
                + " backups taken an hour apart (--backup NEW --previous OLD)";
        if (stale[0] != null) {
            return f.result(stale[0] + ": take a new backup (Finder, iTunes or idevicebackup2) and analyse again; if"
                    + " uploads still wait, " + restart);
        }
        return f.result(outside > 0
                ? outside + " library assets are neither synced nor queued for upload (new, or not taken by the sync): "
                        + restart
                : "No sign either way: " + restart);
    }

    private static int attemptsWarn(CaseEvidence e) {
        return (int) PhotoParityRegistry.get().settings().longValue(e.settings(), ATTEMPTS_WARN); // default: plugin.xml
    }
}
