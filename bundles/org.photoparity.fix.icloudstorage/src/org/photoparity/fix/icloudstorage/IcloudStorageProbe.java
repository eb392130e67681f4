package org.photoparity.fix.icloudstorage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.Mismatch;
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
 * <p>
 * An iCloud Shared Photo Library uses only its creator's iCloud storage (Apple, "How to use iCloud Shared Photo
 * Library"): its items count against the plan when this user created it, never when this user joined it. The answer
 * shared_library_owner says which, else the device listing when it names this user's role; when neither does, the
 * probe keeps only a verdict that holds with and without the Shared Library's items, and asks.
 */
public final class IcloudStorageProbe implements IProbe {

    public static final String ID = "probe.icloudstorage";

    private static final String READ_PLAN = "read the plan off Settings > [name] > iCloud (the plan above the storage"
            + " bar) and answer icloud_plan";
    private static final String READ_OTHER = "read what Backups, Drive, Messages and Mail use off Settings > [name] >"
            + " iCloud and answer icloud_other_usage_gb";
    private static final String ASK_OWNER = "ask whether this Apple ID created the Shared Library (Settings > Apps >"
            + " Photos > Shared Library offers Delete Shared Library to its creator, Leave Shared Library to the others)"
            + " and answer " + AnswerKey.SHARED_LIBRARY_OWNER.key();

    private static final String SHARED_ITEMS = " shared items (shared albums, iCloud links, Shared with You)";
    private static final String LEFT_OUT = " left out: they do not count against the plan";

    /** Share of the plan above which the probe warns: a few days of photos fill the rest. */
    private static final double WARN_SHARE = 0.90;

    /** A verdict on one figure, or (null status) an evidence line saying why there is none. */
    private record Verdict(ProbeStatus status, String text) {
        void apply(Findings f) {
            if (status == null) f.evidence(text);
            else f.verdict(status, text);
        }
    }

    @Override
    public ProbeResult run(CaseEvidence e, IProgressMonitor monitor) {
        Findings f = new Findings(3, ID);
        Long library = null; // what the photo library needs in iCloud once complete
        // Shared Library items whose place in the plan depends on who created it, not known: judged with and without
        int openItems = 0;
        long openBytes = 0;
        Optional<ReconcileResult> r = e.result();
        if (r.isPresent() && !r.get().cloud().assets().isEmpty()) {
            long scannedCloud = ResultFacts.sideBytes(r.get().cloud());
            // shared album items a cloud export carries (iCloud Shared Albums.zip) are in no one's plan either
            List<Asset> cloudShared = r.get().cloud().assets().stream().filter(IcloudStorageProbe::notInThePlan)
                    .toList();
            long cloudSharedBytes = ResultFacts.bytes(cloudShared);
            long used = scannedCloud - cloudSharedBytes;
            // hidden items, unpicked burst frames and Recently Deleted items are in iCloud, only not in a download:
            // they count; shared album, iCloud link and Shared with You items are not part of the library's storage
            List<Asset> missing = new ArrayList<>();
            List<Asset> sharedLibrary = new ArrayList<>();
            int shared = 0;
            for (Asset a : ResultFacts.assets(r.get(), Category.MISSING_IN_CLOUD, true)) {
                if (notInThePlan(a)) shared++;
                else if (inSharedLibrary(a)) sharedLibrary.add(a);
                else missing.add(a);
            }
            long missingBytes = ResultFacts.bytes(missing);
            f.evidence("analysis: cloud library " + ResultFacts.size(scannedCloud) + " in "
                    + r.get().cloud().assets().size() + " assets (scanned)" + (cloudShared.isEmpty() ? "" : "; of it, "
                            + cloudShared.size() + SHARED_ITEMS + ", " + ResultFacts.size(cloudSharedBytes) + ","
                            + LEFT_OUT));
            f.evidence("analysis: " + missing.size() + " assets "
                    + org.photoparity.core.present.Vocabulary.quoted(Category.MISSING_IN_CLOUD) + " need "
                    + ResultFacts.size(missingBytes) + (shared == 0 ? "" : "; " + shared + SHARED_ITEMS + LEFT_OUT));
            library = used + missingBytes;
            // what the device holds of an asset, iCloud holds at least: a cloud copy smaller than the device's (an
            // icloudpd --size medium download, a Live Photo without its video, a download cut short) understates it
            long understated = 0;
            int smaller = 0;
            for (Mismatch m : r.get().mismatches()) {
                if (m.deviceAssets().isEmpty() || m.cloudAssets().isEmpty()) continue;
                long d = ResultFacts.bytes(m.deviceAssets()), c = ResultFacts.bytes(m.cloudAssets());
                if (d > c) {
                    understated += d - c;
                    smaller++;
                }
            }
            if (smaller > 0) {
                library += understated;
                f.evidence("analysis: " + smaller + " assets smaller in the cloud copy than on the device (reduced,"
                        + " incomplete or cut-short downloads): counted at the device's size, "
                        + ResultFacts.size(understated) + " more");
            }

            // Shared Library items in the scanned cloud library are inside its size already
            List<Asset> scanned = sharedLibraryInTheScan(r.get());
            long scannedBytes = ResultFacts.bytes(scanned);
            if (!sharedLibrary.isEmpty() || !scanned.isEmpty()) {
                long missingSl = ResultFacts.bytes(sharedLibrary);
                List<String> parts = new ArrayList<>();
                if (!sharedLibrary.isEmpty()) {
                    parts.add(sharedLibrary.size() + " Shared Library items "
                            + org.photoparity.core.present.Vocabulary.quoted(Category.MISSING_IN_CLOUD) + " ("
                            + ResultFacts.size(missingSl) + ")");
                }
                if (!scanned.isEmpty()) {
                    parts.add(scanned.size() + " Shared Library items in the scanned cloud library ("
                            + ResultFacts.size(scannedBytes) + ")");
                }
                String items = String.join(" and ", parts);
                Boolean owner = owner(e, r.get(), f);
                if (Boolean.TRUE.equals(owner)) {
                    library += missingSl;
                    f.evidence("analysis: " + items + " count: this user created the Shared Library, and all its"
                            + " content uses the creator's iCloud storage");
                } else if (Boolean.FALSE.equals(owner)) {
                    library -= scannedBytes;
                    f.evidence("analysis: " + items + " left out: this user joined someone else's Shared Library,"
                            + " which uses only its creator's iCloud storage");
                } else {
                    library -= scannedBytes;
                    openItems = sharedLibrary.size() + scanned.size();
                    openBytes = missingSl + scannedBytes;
                    f.evidence("analysis: " + items + ": they count only if this user created the Shared Library,"
                            + " which is not known");
                }
            }
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

        String ownerQuestion = null; // the UNKNOWN summary when the verdict depends on who created the Shared Library
        if (library != null) {
            long needed = library + (other == null ? 0 : other);
            String alone = other == null ? " for Photos alone (other iCloud usage not answered)" : " with the other usage";
            if (openItems == 0) {
                f.evidence("needed in iCloud: " + ResultFacts.size(needed) + alone + "; smallest plan that fits: "
                        + smallest(needed));
                judge(needed, other, plan).apply(f);
            } else {
                long most = needed + openBytes;
                String slItems = openItems + " Shared Library items (" + ResultFacts.size(openBytes) + ")";
                f.evidence("needed in iCloud: " + ResultFacts.size(needed) + " without the " + slItems + ", "
                        + ResultFacts.size(most) + " with them" + alone + "; smallest plan that fits: "
                        + smallest(needed) + " without, " + smallest(most) + " with");
                Verdict without = judge(needed, other, plan);
                Verdict with = judge(most, other, plan);
                if (without.status() == with.status()) {
                    // a problem is stated at its smallest, a fit at its largest: each holds both ways
                    boolean fit = with.status() == ProbeStatus.PASS || with.status() == null;
                    (fit ? with : without).apply(f);
                    if (with.status() != null) {
                        f.evidence("the " + slItems + " do not change the verdict: it holds whether or not they count"
                                + " (who created the Shared Library is not known)");
                    }
                } else if (problem(without) && problem(with)) {
                    f.verdict(ProbeStatus.WARN, without.text() + "; more if this user created the Shared Library,"
                            + " whose " + openItems + " items (" + ResultFacts.size(openBytes) + ") then count: "
                            + ASK_OWNER);
                } else {
                    ownerQuestion = "Who created the iCloud Shared Photo Library decides: counting its " + slItems
                            + ", " + with.text() + "; without them, " + without.text() + "; " + ASK_OWNER;
                }
            }
        }
        StatusText.line(e).ifPresent(f::evidence);
        if (StatusText.ICLOUD_FULL.in(e)) f.verdict(ProbeStatus.FAIL, "Photos' status line says iCloud storage is full");
        if (ownerQuestion != null && !f.hasVerdict()) return f.result(ownerQuestion);
        if (library != null && !f.hasVerdict()) {
            return f.result("The photos' size is known but not the plan" + (other == null ? " nor the other iCloud usage"
                    : "") + ": " + READ_PLAN + (other == null ? "; " + READ_OTHER : ""));
        }
        return f.result("No sizes to compare: run analyze (device and cloud sources) or give ideviceinfo"
                + " com.apple.disk_usage, and answer icloud_plan"
                + plan.map(p -> " (plan answered: " + p.label() + ")").orElse(""));
    }

    /** The verdict on {@code needed} bytes, other usage included when answered. */
    private static Verdict judge(long needed, Long other, Optional<IcloudPlan> plan) {
        Optional<IcloudPlan> fits = IcloudPlan.smallestFitting(needed);
        if (plan.isPresent()) {
            long cap = plan.get().bytes();
            if (needed > cap) {
                return new Verdict(ProbeStatus.FAIL, "the library needs " + ResultFacts.size(needed) + " but the plan is "
                        + plan.get().label() + ": upgrade to " + fits.map(IcloudPlan::label).orElse("12TB")
                        + " or free space");
            } else if (needed > cap * WARN_SHARE) {
                return new Verdict(ProbeStatus.WARN, "the library needs " + ResultFacts.size(needed) + " of the "
                        + plan.get().label() + " plan (" + Math.round(100.0 * needed / cap) + " %): nearly full");
            } else if (other == null) {
                return new Verdict(ProbeStatus.WARN, "the photos (" + ResultFacts.size(needed) + ") fit the "
                        + plan.get().label() + " plan only if backups, iCloud Drive, Messages and Mail use less than "
                        + ResultFacts.size(cap - needed) + ": " + READ_OTHER);
            }
            return new Verdict(ProbeStatus.PASS, "the library and the other iCloud usage (" + ResultFacts.size(needed)
                    + ") fit the " + plan.get().label() + " plan");
        } else if (fits.isPresent() && fits.get() == IcloudPlan.FREE_5GB) {
            // even the free plan would hold the photos, but what else fills the plan is not known: no verdict
            return new Verdict(null, "the photos (" + ResultFacts.size(needed) + ") would fit even the free 5 GB, but"
                    + " the plan" + (other == null ? " and the other iCloud usage are" : " is") + " not known");
        }
        return new Verdict(ProbeStatus.WARN, "the library needs " + ResultFacts.size(needed) + ": at least the "
                + fits.map(IcloudPlan::label).orElse("12TB") + " plan; " + READ_PLAN);
    }

    private static String smallest(long needed) {
        return IcloudPlan.smallestFitting(needed).map(IcloudPlan::label).orElse("none (above 12 TB)");
    }

    private static boolean problem(Verdict v) {
        return v.status() == ProbeStatus.WARN || v.status() == ProbeStatus.FAIL;
    }

    /**
     * Whether this user created the Shared Library: the technician's answer, else what the device listings say
     * (only when they all agree); null when neither tells.
     */
    private static Boolean owner(CaseEvidence e, ReconcileResult r, Findings f) {
        Boolean listed = null;
        String origin = null;
        boolean conflict = false;
        for (Asset a : r.device().assets()) {
            Listing l = a.listing();
            Boolean o = l == null ? null : l.sharedLibraryOwner();
            if (o == null) continue;
            if (listed == null) {
                listed = o;
                origin = l.origin();
            } else if (!listed.equals(o)) {
                conflict = true;
            }
        }
        Optional<Boolean> answer = f.answer(e, AnswerKey.SHARED_LIBRARY_OWNER);
        if (conflict) {
            f.evidence("device listing (" + origin + "): its Shared Library items disagree on who created the Shared"
                    + " Library; not used");
            listed = null;
        } else if (listed != null) {
            f.evidence("device listing (" + origin + "): this user " + (listed ? "created the Shared Library (owner)"
                    : "joined the Shared Library as a participant"));
        }
        if (answer.isPresent()) {
            if (listed != null && !listed.equals(answer.get())) {
                f.evidence("the answer " + AnswerKey.SHARED_LIBRARY_OWNER.key() + " and the device listing disagree:"
                        + " the answer is used");
            }
            return answer.get();
        }
        return listed;
    }

    /** Device assets in the Shared Library that the analysis found in the cloud too (not missing there). */
    private static List<Asset> sharedLibraryInTheScan(ReconcileResult r) {
        java.util.Set<String> missing = new HashSet<>();
        for (Asset a : ResultFacts.assets(r, Category.MISSING_IN_CLOUD, true)) missing.add(a.id());
        List<Asset> out = new ArrayList<>();
        for (Asset a : r.device().assets()) {
            if (inSharedLibrary(a) && !missing.contains(a.id())) out.add(a);
        }
        return out;
    }

    /** Shared album, iCloud link and Shared with You items: not stored in the user's iCloud Photos library. */
    private static boolean notInThePlan(Asset a) {
        Listing l = a.listing();
        if (l == null) return false;
        return switch (l.sharing()) {
            case SHARED_ALBUM, ICLOUD_LINK, SHARED_WITH_YOU -> true;
            default -> false;
        };
    }

    /** In an iCloud Shared Photo Library: in its creator's plan only. */
    private static boolean inSharedLibrary(Asset a) {
        Listing l = a.listing();
        return l != null && l.sharing().inSharedLibrary();
    }
}
