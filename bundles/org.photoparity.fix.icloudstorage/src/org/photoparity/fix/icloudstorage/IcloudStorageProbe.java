package org.photoparity.fix.icloudstorage;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;
import org.photoparity.evidence.AnswerKey;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.Findings;
import org.photoparity.evidence.IcloudPlan;
import org.photoparity.evidence.Provenance;
import org.photoparity.evidence.ResultFacts;
import org.photoparity.evidence.StatusText;

/**
 * Fix 3: does the library fit the iCloud plan? What the cloud holds (from the scan) plus what is MISSING_IN_CLOUD
 * (from the device side) plus the rest of the account's use is what the plan must hold; the plan comes from the
 * answers. Without a scan, the device's PhotoUsage (ideviceinfo com.apple.disk_usage) stands in for the library.
 * PASS needs both answers, the plan and the other usage: a small library says nothing about a plan that backups
 * already fill.
 */
public final class IcloudStorageProbe implements IProbe {

    public static final String ID = "probe.icloudstorage";

    private static final String READ_PLAN = "read the plan off Settings > [name] > iCloud (the plan above the storage"
            + " bar) and answer icloud_plan";
    private static final String READ_OTHER = "read what Backups, Drive, Messages and Mail use off Settings > [name] >"
            + " iCloud and answer icloud_other_usage_gb";

    /** Share of the plan above which the probe warns: a few days of photos fill the rest. */
    private static final double WARN_SHARE = 0.90;

    @Override
    public ProbeResult run(CaseEvidence e, IProgressMonitor monitor) {
        Findings f = new Findings(3, ID);
        Long library = null; // what the photo library needs in iCloud once complete
        Optional<ReconcileResult> r = e.result();
        if (r.isPresent() && !r.get().cloud().assets().isEmpty()) {
            long used = ResultFacts.sideBytes(r.get().cloud());
            // hidden items, unpicked burst frames and Recently Deleted items are in iCloud, only not in a download:
            // they count; shared album, iCloud link and Shared with You items are not part of the library's storage
            List<Asset> missing = new java.util.ArrayList<>();
            int shared = 0;
            for (Asset a : ResultFacts.assets(r.get(), Category.MISSING_IN_CLOUD, true)) {
                if (notInThePlan(a)) shared++;
                else missing.add(a);
            }
            long missingBytes = ResultFacts.bytes(missing);
            f.evidence("analysis: cloud library " + ResultFacts.size(used) + " in " + r.get().cloud().assets().size()
                    + " assets (scanned)");
            f.evidence("analysis: " + missing.size() + " assets "
                    + org.photoparity.core.present.Vocabulary.quoted(Category.MISSING_IN_CLOUD) + " need "
                    + ResultFacts.size(missingBytes) + (shared == 0 ? "" : "; " + shared + " shared items (shared"
                            + " albums, iCloud links, Shared with You) left out: they do not count against the plan"));
            library = used + missingBytes;
        } else {
            Optional<DeviceInfo> info = e.get(DeviceInfo.class);
            OptionalLong photos = info.map(i -> i.longValue(DeviceInfo.DISK_USAGE, "PhotoUsage"))
                    .orElse(OptionalLong.empty());
            if (photos.isPresent()) {
                f.evidence(info.get().line(DeviceInfo.DISK_USAGE, "PhotoUsage"));
                f.evidence("no analysis: the device's PhotoUsage (" + ResultFacts.size(photos.getAsLong())
                        + ") stands in for the library; with Optimize Storage on it understates it");
                library = photos.getAsLong();
            }
        }

        Long other = null; // backups, Drive, Messages, Mail: only the technician can read it off the iPhone
        Optional<String> otherAnswer = e.answer(AnswerKey.ICLOUD_OTHER_USAGE_GB.key());
        if (otherAnswer.isPresent()) {
            try {
                other = Math.round(Double.parseDouble(otherAnswer.get()) * 1e9);
                f.evidence("answer icloud_other_usage_gb = " + otherAnswer.get() + " (" + Provenance.answer(e)
                        + "; backups, Drive, Mail)");
            } catch (NumberFormatException ex) {
                f.evidence("answer icloud_other_usage_gb = " + otherAnswer.get() + " is not a number; ignored");
            }
        }
        Optional<IcloudPlan> plan = e.answer(AnswerKey.ICLOUD_PLAN.key()).flatMap(IcloudPlan::parse);
        plan.ifPresent(p -> f.evidence("answer icloud_plan = " + p.label() + " (" + Provenance.answer(e) + ")"));

        if (library != null) {
            long needed = library + (other == null ? 0 : other);
            Optional<IcloudPlan> fits = IcloudPlan.smallestFitting(needed);
            f.evidence("needed in iCloud: " + ResultFacts.size(needed) + (other == null ? " for Photos alone (other"
                    + " iCloud usage not answered)" : " with the other usage") + "; smallest plan that fits: "
                    + fits.map(IcloudPlan::label).orElse("none (above 12 TB)"));
            if (plan.isPresent()) {
                long cap = plan.get().bytes();
                if (needed > cap) {
                    f.verdict(ProbeStatus.FAIL, "the library needs " + ResultFacts.size(needed) + " but the plan is "
                            + plan.get().label() + ": upgrade to " + fits.map(IcloudPlan::label).orElse("12TB")
                            + " or free space");
                } else if (needed > cap * WARN_SHARE) {
                    f.verdict(ProbeStatus.WARN, "the library needs " + ResultFacts.size(needed) + " of the "
                            + plan.get().label() + " plan (" + Math.round(100.0 * needed / cap) + " %): nearly full");
                } else if (other == null) {
                    f.verdict(ProbeStatus.WARN, "the photos (" + ResultFacts.size(needed) + ") fit the "
                            + plan.get().label() + " plan only if backups, iCloud Drive, Messages and Mail use less than "
                            + ResultFacts.size(cap - needed) + ": " + READ_OTHER);
                } else {
                    f.verdict(ProbeStatus.PASS, "the library and the other iCloud usage (" + ResultFacts.size(needed)
                            + ") fit the " + plan.get().label() + " plan");
                }
            } else if (fits.isPresent() && fits.get() == IcloudPlan.FREE_5GB) {
                // even the free plan would hold the photos, but what else fills the plan is not known: no verdict
                f.evidence("the photos (" + ResultFacts.size(needed) + ") would fit even the free 5 GB, but the plan"
                        + (other == null ? " and the other iCloud usage are" : " is") + " not known");
            } else {
                f.verdict(ProbeStatus.WARN, "the library needs " + ResultFacts.size(needed) + ": at least the "
                        + fits.map(IcloudPlan::label).orElse("12TB") + " plan; " + READ_PLAN);
            }
        }
        StatusText.line(e).ifPresent(f::evidence);
        if (StatusText.ICLOUD_FULL.in(e)) f.verdict(ProbeStatus.FAIL, "Photos' status line says iCloud storage is full");
        if (library != null && !f.hasVerdict()) {
            return f.result("The photos' size is known but not the plan" + (other == null ? " nor the other iCloud usage"
                    : "") + ": " + READ_PLAN + (other == null ? "; " + READ_OTHER : ""));
        }
        return f.result("No sizes to compare: run analyze (device and cloud sources) or give ideviceinfo"
                + " com.apple.disk_usage, and answer icloud_plan"
                + plan.map(p -> " (plan answered: " + p.label() + ")").orElse(""));
    }

    /** Shared album, iCloud link and Shared with You items: not stored in the user's iCloud Photos library. */
    private static boolean notInThePlan(Asset a) {
        org.photoparity.core.model.Listing l = a.listing();
        if (l == null) return false;
        return switch (l.sharing()) {
            case SHARED_ALBUM, ICLOUD_LINK, SHARED_WITH_YOU -> true;
            default -> false;
        };
    }
}
