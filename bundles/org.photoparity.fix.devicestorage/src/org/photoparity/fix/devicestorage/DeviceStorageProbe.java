package org.photoparity.fix.devicestorage;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;
import org.photoparity.evidence.AnswerKey;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.Findings;
import org.photoparity.evidence.PhotosLibraryStats;
import org.photoparity.evidence.ResultFacts;
import org.photoparity.evidence.StatusText;

/**
 * Fix 4: is there room on the iPhone for what it must download, and is Optimize iPhone Storage why originals are
 * missing? Free space comes from ideviceinfo com.apple.disk_usage; what must come down from the analysis
 * (MISSING_ON_DEVICE in full, REDUCED as the difference to the original); Optimize Storage shows as REDUCED assets
 * and as originals Photos.sqlite marks not local.
 */
public final class DeviceStorageProbe implements IProbe {

    public static final String ID = "probe.devicestorage";

    /** Gigabytes iOS needs free beyond the downloads before it lets Photos keep originals. */
    public static final String RESERVE_GB = "devicestorage.reserve.gb";
    /** Below this share of capacity free, iOS starts offloading and pausing downloads. */
    private static final double LOW_SHARE = 0.10;

    @Override
    public ProbeResult run(CaseEvidence e, IProgressMonitor monitor) {
        Findings f = new Findings(4, ID);
        long reserve = Math.round(reserveGb(e) * 1e9);
        String staleRoom = null; // the PASS an old disk_usage reading could not give

        OptionalLong free = OptionalLong.empty(), capacity = OptionalLong.empty();
        Optional<DeviceInfo> info = e.get(DeviceInfo.class);
        if (info.isPresent()) {
            DeviceInfo i = info.get();
            free = i.longValue(DeviceInfo.DISK_USAGE, "TotalDataAvailable");
            String freeKey = "TotalDataAvailable";
            if (free.isEmpty()) {
                free = i.longValue(DeviceInfo.DISK_USAGE, "AmountDataAvailable");
                freeKey = "AmountDataAvailable";
            }
            capacity = i.longValue(DeviceInfo.DISK_USAGE, "TotalDataCapacity");
            f.evidence(i.line(DeviceInfo.DISK_USAGE, freeKey));
            f.evidence(i.line(DeviceInfo.DISK_USAGE, "TotalDataCapacity"));
            f.evidence(i.line(DeviceInfo.DISK_USAGE, "PhotoUsage"));
        }

        Long needed = null;
        long reduced = 0;
        Optional<ReconcileResult> r = e.result();
        if (r.isPresent()) {
            // only losses must come down: what the evidence explains (a shared-album item, one in Recently Deleted)
            // is not on its way to the iPhone
            List<Asset> missing = ResultFacts.assets(r.get(), Category.MISSING_ON_DEVICE, false, true);
            int explained = ResultFacts.assets(r.get(), Category.MISSING_ON_DEVICE, false).size() - missing.size();
            long missingBytes = ResultFacts.bytes(missing);
            long reducedBytes = 0;
            for (Mismatch m : r.get().mismatches()) {
                if (m.category() != Category.REDUCED) continue;
                long cloud = 0, device = 0;
                for (Asset a : m.cloudAssets()) cloud += ResultFacts.bytes(a);
                for (Asset a : m.deviceAssets()) device += ResultFacts.bytes(a);
                if (cloud > device) {
                    reduced++;
                    reducedBytes += cloud - device;
                }
            }
            f.evidence("analysis: " + missing.size() + " assets " + org.photoparity.core.present.Vocabulary.quoted(Category.MISSING_ON_DEVICE) + " (" + ResultFacts.size(missingBytes)
                    + (explained > 0 ? "; " + explained + " more explained (not a loss) left out" : "")
                    + "), " + reduced + " " + org.photoparity.core.present.Vocabulary.quoted(Category.REDUCED) + " on the device (" + ResultFacts.size(reducedBytes) + " more as originals)");
            needed = missingBytes + reducedBytes;
            ResultFacts.ListingStates l = ResultFacts.deviceListings(r.get());
            if (l.notLocal() > 0) {
                f.evidence("analysis: device listing marks " + l.notLocal() + " of " + l.listed()
                        + " originals as not on the device");
                reduced = Math.max(reduced, l.notLocal());
            }
        }

        long notLocal = 0;
        Optional<PhotosLibraryStats> stats = e.get(PhotosLibraryStats.class);
        if (stats.isPresent() && stats.get().originalsNotLocal() >= 0) {
            notLocal = stats.get().originalsNotLocal();
            f.evidence(stats.get().source() + ": " + stats.get().originalsLocal() + " originals on the device, "
                    + notLocal + " only in iCloud (ZINTERNALRESOURCE.ZLOCALAVAILABILITY)");
        }
        Optional<Boolean> optimize = f.answer(e, AnswerKey.OPTIMIZE_STORAGE);
        boolean optimized = reduced > 0 || notLocal > 0 || optimize.orElse(false);

        if (free.isPresent()) {
            long fr = free.getAsLong();
            long need = needed == null ? 0 : needed;
            if (fr < need + reserve) {
                f.verdict(ProbeStatus.FAIL, "the iPhone has " + ResultFacts.size(fr) + " free but needs "
                        + ResultFacts.size(need) + " for downloads plus " + ResultFacts.size(reserve)
                        + " headroom: free space first");
            } else if (capacity.isPresent() && fr - need < capacity.getAsLong() * LOW_SHARE) {
                f.verdict(ProbeStatus.WARN, "after the downloads less than 10 % of the iPhone would be free ("
                        + ResultFacts.size(fr - need) + " of " + ResultFacts.size(capacity.getAsLong())
                        + "): iOS will keep optimizing");
            } else {
                String room = "the iPhone has room: " + ResultFacts.size(fr) + " free"
                        + (needed == null ? "" : " for " + ResultFacts.size(need) + " of downloads");
                String old = org.photoparity.evidence.Freshness.tooOld(info.orElse(null), DeviceInfo.DISK_USAGE, e);
                if (old == null) {
                    f.verdict(ProbeStatus.PASS, room);
                } else {
                    f.evidence(old);
                    staleRoom = org.photoparity.evidence.Freshness.readAgain(room, old, DeviceInfo.DISK_USAGE);
                }
            }
        }
        if (optimized) {
            long seen = Math.max(reduced, notLocal);
            f.verdict(ProbeStatus.WARN, "Optimize iPhone Storage is keeping originals in iCloud ("
                    + (seen > 0 ? seen + " assets reduced or not local" : "answer optimize_storage = yes")
                    + "): choose Download and Keep Originals if there is room");
        } else if (optimize.isPresent() && !optimize.get() && free.isEmpty() && needed != null && needed == 0) {
            // nothing must come down: with originals kept, the iPhone's free space does not matter to the photos
            f.verdict(ProbeStatus.PASS, "Download and Keep Originals is set and no asset is reduced");
        }
        StatusText.line(e).ifPresent(f::evidence);
        if (StatusText.DEVICE_FULL.in(e)) f.verdict(ProbeStatus.FAIL, "Photos' status line says the iPhone is full");
        // ask only for what is not known: a backup's Photos.sqlite or the answer already tells about Optimize Storage
        boolean optimizeKnown = optimized || optimize.isPresent()
                || (stats.isPresent() && stats.get().originalsNotLocal() >= 0);
        String ask = "give ideviceinfo -q com.apple.disk_usage output (--device-info)" + (optimizeKnown ? ""
                : "; a backup with Photos.sqlite or the answer optimize_storage tells whether Optimize iPhone Storage"
                        + " is on");
        if (staleRoom != null) return f.result(staleRoom);
        if (needed == null) {
            return f.result("No storage evidence: " + ask + "; an analysis adds what must come down to the iPhone");
        }
        return f.result((needed > 0 ? ResultFacts.size(needed) + " must come down to the iPhone"
                : "Nothing has to come down to the iPhone") + ", but its free space is unknown: " + ask);
    }

    private static double reserveGb(CaseEvidence e) {
        return PhotoParityRegistry.get().settings().doubleValue(e.settings(), RESERVE_GB); // default: plugin.xml
    }
}
