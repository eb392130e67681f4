package org.photoparity.match.comparators;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SourceRef;
import org.photoparity.core.present.Vocabulary;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.MatchSettings;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence;
import org.photoparity.match.internal.Evidence.Agreement;
import org.photoparity.match.internal.Evidence.TimeDiff;

/**
 * Explains each pair. A pair gets at most one mismatch, of the first category that applies in this order:
 * <ol>
 * <li>LIVE_PHOTO_INCOMPLETE: a Live Photo's still or video missing on one side (a loss, the gravest);</li>
 * <li>UNREADABLE_COPY: the file could not be read on one side (a copy cut short): nothing else can be compared; a
 * loss only when neither side's copy is readable;</li>
 * <li>EDITED: an edit (render, -adjusted, AAE) on one side only, edits that differ, one side's only file being the
 * other side's render byte for byte (an icloudpd --size adjusted download: the edit under the original's name; not a
 * loss, and nothing else is compared), or different content at the same format and size with the same metadata;</li>
 * <li>REDUCED: fewer pixels on one side (Optimize Storage, icloudpd medium/thumb); a reduced copy is re-encoded
 * as a consequence, so a format change does not outrank it;</li>
 * <li>CONVERTED: another format at full size (HEIC vs JPEG, MOV vs MP4);</li>
 * <li>METADATA_DRIFT: the same asset with another capture time, time zone or location.</li>
 * </ol>
 * Every other category that also applies is named in the detail line ("; also ..."). A pair where none applies is
 * identical and only counted.
 */
public final class PairClassifier implements IComparator {

    public static final String ID = "pair-differences";

    private record Finding(Category category, String detail) {
    }

    @Override
    public void run(Reconciliation r, IProgressMonitor monitor) {
        List<Reconciliation.Pair> pairs = new ArrayList<>(r.pairs());
        SubMonitor sm = SubMonitor.convert(monitor, "Classifying pairs", Math.max(1, pairs.size()));
        Evidence ev = Evidence.of(r);
        String deviceNoEdits = null, cloudNoEdits = null; // why a side cannot carry edits; computed once
        boolean looked = false;
        String cloudNoLive = null; // why the cloud side cannot show a Live video lost; computed once
        String cloudNotGiven = null; // why the cloud side cannot show anything lost (a part not given)
        boolean lookedLive = false;
        int n = 0;
        for (Reconciliation.Pair p : pairs) {
            if (++n % KeyMatcher.CANCEL_CHECK == 0) {
                KeyMatcher.checkCanceled(sm);
                sm.worked(KeyMatcher.CANCEL_CHECK);
            }
            Mismatch m = classify(ev, p);
            if (m != null && m.category() == Category.EDITED && m.explanation() == null) {
                if (!looked) {
                    deviceNoEdits = noEdits(r.device(), false);
                    cloudNoEdits = noEdits(r.cloud(), true);
                    looked = true;
                }
                boolean onDevice = !AssetFacts.editFiles(p.device()).isEmpty();
                boolean inCloud = !AssetFacts.editFiles(p.cloud()).isEmpty();
                if (onDevice && !inCloud && cloudNoEdits != null) m = m.explained(cloudNoEdits);
                if (inCloud && !onDevice && deviceNoEdits != null) m = m.explained(deviceNoEdits);
            }
            if (m != null && m.category() == Category.LIVE_PHOTO_INCOMPLETE && m.explanation() == null
                    && halfMissingInTheCloud(p.device(), p.cloud())) {
                if (!lookedLive) {
                    cloudNotGiven = MissingClassifier.notGiven(r.cloud(), "the missing half");
                    cloudNoLive = noLiveVideos(r.cloud());
                    lookedLive = true;
                }
                // a part of the export not given may hold either half; a download without Live videos only the video
                String why = cloudNotGiven != null ? cloudNotGiven
                        : onlyTheVideoMissingInTheCloud(p.device(), p.cloud()) ? cloudNoLive : null;
                if (why != null) m = m.explained(why);
            }
            if (m != null) r.report(m);
        }
        sm.done();
    }

    /** The cloud lacks the still or the video that the device holds, and lacks nothing the device lacks. */
    private static boolean halfMissingInTheCloud(Asset d, Asset c) {
        boolean stillGone = AssetFacts.still(d) != null && AssetFacts.still(c) == null;
        boolean videoGone = AssetFacts.liveVideo(d) != null && AssetFacts.liveVideo(c) == null;
        boolean deviceLacks = (AssetFacts.still(d) == null && AssetFacts.still(c) != null)
                || (AssetFacts.liveVideo(d) == null && AssetFacts.liveVideo(c) != null);
        return (stillGone || videoGone) && !deviceLacks;
    }

    /** Both stills are there and only the cloud lacks the video. */
    private static boolean onlyTheVideoMissingInTheCloud(Asset d, Asset c) {
        return AssetFacts.still(d) != null && AssetFacts.still(c) != null && AssetFacts.liveVideo(d) != null
                && AssetFacts.liveVideo(c) == null;
    }

    /**
     * Why the cloud side cannot show a Live Photo's video lost, or null when it can: it is read from folders or zips
     * (a download) and holds no Live Photo video anywhere, as icloudpd --skip-live-photos or stills saved one by one
     * from iCloud.com give. A Live Photo whose video it lacks is then not shown lost; whether iCloud holds the video
     * is not known from it. One Live video in the download and a missing one is a loss again.
     */
    static String noLiveVideos(SideInventory cloud) {
        if (cloud == null || cloud.sources().isEmpty() || AssetFacts.anyLiveVideo(cloud.assets())) return null;
        for (SourceRef s : cloud.sources()) {
            if (!"folder".equals(s.kind()) && !"zip".equals(s.kind())) return null;
        }
        return "video not carried by the source: the cloud side holds no Live Photo video at all (downloaded without"
                + " them: icloudpd --skip-live-photos, or stills saved from iCloud.com); it does not show the video"
                + " lost, nor that iCloud holds it: download with the videos to know";
    }

    /**
     * Why a side cannot carry edits, or null when it can (or might): it holds no edit render or sidecar anywhere and
     * is an iOS backup (no renders in it), or it is the cloud side read from folders or zips (an icloudpd download
     * keeps originals only unless asked for --size adjusted). An edit present only on the other side is then not
     * lost. A device folder without edits says nothing of the kind: an edit made elsewhere may not have synced.
     */
    static String noEdits(SideInventory side, boolean cloud) {
        if (side == null || side.sources().isEmpty() || AssetFacts.anyEdits(side.assets())) return null;
        boolean files = true;
        for (SourceRef s : side.sources()) {
            if ("ios-backup".equals(s.kind())) {
                return "edit not carried by the source: an iOS backup holds no edit renders; the edit itself is not"
                        + " lost";
            }
            files &= "folder".equals(s.kind()) || "zip".equals(s.kind());
        }
        if (cloud && files) {
            return "edit not carried by the source: the cloud side holds no edits at all (icloudpd downloads"
                    + " originals only unless asked for --size adjusted); the edit itself is not lost";
        }
        return null;
    }

    /** The mismatch for one pair, or null when the two assets are identical. */
    static Mismatch classify(Evidence ev, Reconciliation.Pair p) {
        Asset d = p.device(), c = p.cloud();
        List<Finding> found = new ArrayList<>(2);
        boolean bothFiles = d.hasFiles() && c.hasFiles();
        if (bothFiles) {
            live(d, c, found);
            String ud = AssetFacts.unreadable(d), uc = AssetFacts.unreadable(c);
            if (ud != null || uc != null) {
                // sizes, formats, times and content of an unreadable file describe only the damage
                found.add(new Finding(Category.UNREADABLE_COPY, unreadableDetail(d, ud, c, uc)));
                Mismatch m = finish(d, c, p, found, null);
                return ud != null && uc != null && m.category() == Category.UNREADABLE_COPY
                        ? new Mismatch(m.category(), m.device(), m.cloud(), m.matchedBy(), m.detail(), m.states(),
                                m.deviceAssets(), m.cloudAssets(), true, null)
                        : m;
            }
            List<MediaFile> de = AssetFacts.editFiles(d), ce = AssetFacts.editFiles(c);
            String cloudHolds = ce.isEmpty() ? renderUnderOriginalsName(de, c, "cloud", "device") : null;
            String deviceHolds = de.isEmpty() ? renderUnderOriginalsName(ce, d, "device", "cloud") : null;
            if (cloudHolds != null || deviceHolds != null) {
                // one picture on both sides: comparing the other side's original with it (sizes, formats, times)
                // would only describe the edit
                found.add(new Finding(Category.EDITED, cloudHolds != null ? cloudHolds : deviceHolds));
                String why = cloudHolds != null
                        ? "the edit is in iCloud (this file) and iCloud Photos keeps an edited photo's original with"
                                + " it; this download does not hold the original (icloudpd --size original adds it)"
                        : "the edit is on the device (this file) and Photos keeps an edited photo's original with it;"
                                + " this copy of the device does not hold the original";
                return finish(d, c, p, found, why);
            }
            edits(d, c, de, ce, found);
        }
        String hd = AssetFacts.contentHash(d), hc = AssetFacts.contentHash(c);
        boolean sameBytes = hd != null && hd.equals(hc);
        String kd = AssetFacts.payloadKey(d);
        boolean samePayload = kd != null && kd.equals(AssetFacts.payloadKey(c));
        // a Live Photo paired through its video while its still is missing: the primaries are not like for like
        MediaFormat fd = AssetFacts.format(d), fc = AssetFacts.format(c);
        boolean alike = fd == MediaFormat.UNKNOWN || fc == MediaFormat.UNKNOWN || fd.isImage() == fc.isImage();
        if (!sameBytes && alike) {
            boolean reduced = reduced(ev.settings(), d, c, found);
            boolean converted = converted(d, c, found);
            boolean drift = drift(ev, d, c, found);
            boolean editSeen = false; // a loop, not a stream: this runs for every pair
            for (Finding f : found) editSeen |= f.category() == Category.EDITED;
            if (!reduced && !converted && !drift && !editSeen && hd != null && hc != null) {
                found.add(samePayload
                        ? new Finding(Category.METADATA_DRIFT, "same image data, other metadata differs")
                        : new Finding(Category.EDITED, "same format and size, different content"));
            }
        }
        if (bothFiles) reencodedVideo(d, c, found);
        return finish(d, c, p, found, null);
    }

    /** The mismatch of the findings (null when there are none), explained by {@code why} when it is not null. */
    private static Mismatch finish(Asset d, Asset c, Reconciliation.Pair p, List<Finding> found, String why) {
        if (found.isEmpty()) return null;
        // precedence as in the class comment
        found.sort((x, y) -> Integer.compare(rank(x.category()), rank(y.category())));
        Finding first = found.get(0);
        StringBuilder detail = new StringBuilder(first.detail());
        for (int i = 1; i < found.size(); i++) {
            detail.append(i == 1 ? "; also " : ", ").append(found.get(i).detail());
        }
        List<String> dp = AssetFacts.paths(d), cp = AssetFacts.paths(c);
        Set<String> states = new LinkedHashSet<>(AssetFacts.states(d));
        states.addAll(AssetFacts.states(c));
        Mismatch m = new Mismatch(first.category(), dp, cp, p.matchedBy(), detail.toString(), states, List.of(d),
                List.of(c));
        return why == null || first.category() != Category.EDITED ? m : m.explained(why);
    }

    /**
     * When {@code holder}'s original is, byte for byte, one of the other side's edit files {@code otherEdits} (an
     * icloudpd --size adjusted download without --size original gives the render under the original's name), what
     * that says; else null. The caller checks that {@code holder} shows no edit: then its file cannot be told from an
     * original by its name.
     */
    static String renderUnderOriginalsName(List<MediaFile> otherEdits, Asset holder, String holderSide,
            String otherSide) {
        if (otherEdits.isEmpty()) return null;
        MediaFile own = AssetFacts.still(holder);
        if (own == null) own = holder.primary();
        if (own == null || AssetFacts.isBlank(own.fingerprint()) || own.size() == 0) return null;
        for (MediaFile f : otherEdits) {
            if (f.format() == MediaFormat.AAE || f.role() == ResourceRole.ADJUSTMENT_SIDECAR) continue;
            if (own.fingerprint().equals(f.fingerprint())) {
                return "the " + holderSide + "'s " + own.name() + " is the " + otherSide + "'s edit " + f.name()
                        + ", byte for byte: the " + holderSide + " side holds the edited version under the original's"
                        + " name, without the original";
            }
        }
        return null;
    }

    static int rank(Category c) {
        return switch (c) {
            case LIVE_PHOTO_INCOMPLETE -> 0;
            case UNREADABLE_COPY -> 1;
            case EDITED -> 2;
            case REDUCED -> 3;
            case CONVERTED -> 4;
            case METADATA_DRIFT -> 5;
            default -> 6;
        };
    }

    /** What an unreadable copy says: which side's file could not be read, why, and what the other side holds. */
    private static String unreadableDetail(Asset d, String ud, Asset c, String uc) {
        if (ud != null && uc != null) {
            return "neither copy could be read: " + d.primary().name() + " on the device (" + ud + "), "
                    + c.primary().name() + " in the cloud (" + uc + ")";
        }
        boolean onDevice = ud != null;
        MediaFile bad = (onDevice ? d : c).primary();
        return bad.name() + (onDevice ? " on the device" : " in the cloud") + " could not be read ("
                + (onDevice ? ud : uc) + "); the " + (onDevice ? "cloud" : "device")
                + "'s copy is readable: copy or download it again to compare";
    }

    private static void live(Asset d, Asset c, List<Finding> found) {
        // a still on one side paired with a video on the other (by the Live Photo content identifier) is a Live
        // Photo split across the sides, though neither side alone looks like one
        boolean split = !AssetFacts.isLive(d) && !AssetFacts.isLive(c) && AssetFacts.contentIdentifier(d) != null
                && AssetFacts.format(d).isImage() != AssetFacts.format(c).isImage()
                && (AssetFacts.format(d).isVideo() || AssetFacts.format(c).isVideo());
        if (!AssetFacts.isLive(d) && !AssetFacts.isLive(c) && !split) return;
        MediaFile ds = AssetFacts.still(d), cs = AssetFacts.still(c);
        MediaFile dv = AssetFacts.liveVideo(d), cv = AssetFacts.liveVideo(c);
        if (split) {
            if (dv == null && AssetFacts.format(d).isVideo()) dv = d.primary();
            if (cv == null && AssetFacts.format(c).isVideo()) cv = c.primary();
        }
        if ((ds == null) == (cs == null) && (dv == null) == (cv == null)) return; // complete on both: the usual case
        List<String> parts = new ArrayList<>(2);
        if (dv != null && cv == null) parts.add("Live Photo video " + dv.name() + " on the device, missing in the cloud");
        if (dv == null && cv != null) parts.add("Live Photo video " + cv.name() + " in the cloud, missing on the device");
        if (ds != null && cs == null) parts.add("Live Photo still " + ds.name() + " on the device, missing in the cloud");
        if (ds == null && cs != null) parts.add("Live Photo still " + cs.name() + " in the cloud, missing on the device");
        if (!parts.isEmpty()) found.add(new Finding(Category.LIVE_PHOTO_INCOMPLETE, String.join("; ", parts)));
    }

    private static void edits(Asset d, Asset c, List<MediaFile> de, List<MediaFile> ce, List<Finding> found) {
        if (!de.isEmpty() && ce.isEmpty()) {
            found.add(new Finding(Category.EDITED, "edited on the device only (" + names(de) + ")"));
        } else if (de.isEmpty() && !ce.isEmpty()) {
            found.add(new Finding(Category.EDITED, "edited in the cloud only (" + names(ce) + ")"));
        } else if (!de.isEmpty()) {
            MediaFile dr = AssetFacts.render(d), cr = AssetFacts.render(c);
            if (dr != null && cr != null && dr.format() == cr.format() && dr.fingerprint() != null
                    && cr.fingerprint() != null && !dr.fingerprint().equals(cr.fingerprint())) {
                found.add(new Finding(Category.EDITED,
                        "edits differ: " + dr.name() + " on the device, " + cr.name() + " in the cloud"));
            }
        }
    }

    private static String names(List<MediaFile> files) {
        List<String> n = new ArrayList<>(files.size());
        for (MediaFile f : files) n.add(f.name());
        return String.join(", ", n);
    }

    private static boolean reduced(MatchSettings s, Asset d, Asset c, List<Finding> found) {
        long pd = AssetFacts.pixels(d), pc = AssetFacts.pixels(c);
        if (pd > 0 && pc > 0 && Math.min(pd, pc) < s.reducedRatio() * Math.max(pd, pc)) {
            String where = pd < pc ? "smaller on the device" : "smaller in the cloud";
            found.add(new Finding(Category.REDUCED, dims(d) + " on the device, " + dims(c) + " in the cloud (" + where
                    + ")"));
            return true;
        }
        boolean dd = isDerivative(d), cd = isDerivative(c);
        if (dd != cd) {
            found.add(new Finding(Category.REDUCED,
                    "only a reduced copy " + (dd ? "on the device" : "in the cloud") + " (" + AssetFacts.label(dd ? d : c)
                            + ")"));
            return true;
        }
        if (!d.hasFiles() && d.listing() != null && Boolean.FALSE.equals(d.listing().locallyAvailable())) {
            found.add(new Finding(Category.REDUCED,
                    "the device keeps only an optimized copy (Optimize Storage): original not on the device"));
            return true;
        }
        return false;
    }

    private static boolean isDerivative(Asset a) {
        MediaFile p = a.primary();
        return p != null && p.role() == ResourceRole.DERIVATIVE;
    }

    private static String dims(Asset a) {
        return AssetFacts.width(a) + "x" + AssetFacts.height(a);
    }

    private static boolean converted(Asset d, Asset c, List<Finding> found) {
        List<String> parts = null; // allocated only for a conversion: this runs for every pair
        MediaFormat fd = AssetFacts.format(d), fc = AssetFacts.format(c);
        if (fd != MediaFormat.UNKNOWN && fc != MediaFormat.UNKNOWN && fd != fc) {
            parts = new ArrayList<>(2);
            parts.add(fd + " on the device, " + fc + " in the cloud");
        }
        MediaFile dv = AssetFacts.liveVideo(d), cv = AssetFacts.liveVideo(c);
        if (dv != null && cv != null && dv.format() != MediaFormat.UNKNOWN && cv.format() != MediaFormat.UNKNOWN
                && dv.format() != cv.format()) {
            if (parts == null) parts = new ArrayList<>(1);
            parts.add("Live video " + dv.format() + " on the device, " + cv.format() + " in the cloud");
        }
        if (parts == null) return false;
        found.add(new Finding(Category.CONVERTED, String.join("; ", parts)));
        return true;
    }

    /**
     * A Live Photo whose video was re-encoded on one side (a PC's "Automatic" transfer turns HEVC into H.264 in the
     * same container): a conversion, whatever the stills say. Nothing when a conversion was already found.
     */
    private static void reencodedVideo(Asset d, Asset c, List<Finding> found) {
        MediaFile dv = AssetFacts.liveVideo(d), cv = AssetFacts.liveVideo(c);
        if (!reencoded(dv, cv)) return;
        for (Finding f : found) if (f.category() == Category.CONVERTED) return;
        found.add(new Finding(Category.CONVERTED, "Live video re-encoded on one side (the same " + dv.format()
                + " container, other video data: " + Vocabulary.bytes(dv.size()) + " on the device, "
                + Vocabulary.bytes(cv.size()) + " in the cloud)"));
    }

    /**
     * Two Live Photo videos of one format whose sample data differ (payload keys, computed without the metadata, both
     * known and unequal): one was re-encoded. Videos whose metadata alone differs are the same video.
     */
    private static boolean reencoded(MediaFile dv, MediaFile cv) {
        return dv != null && cv != null && dv.format() == cv.format() && dv.readable() && cv.readable()
                && !AssetFacts.isBlank(dv.payloadKey()) && !AssetFacts.isBlank(cv.payloadKey())
                && !dv.payloadKey().equals(cv.payloadKey());
    }

    private static boolean drift(Evidence ev, Asset d, Asset c, List<Finding> found) {
        List<String> parts = new ArrayList<>(2);
        long tol = ev.settings().driftTimeToleranceMs();
        TimeDiff t = ev.time(d, c, tol);
        CaptureTime ca = AssetFacts.captured(d), cb = AssetFacts.captured(c);
        if (ca != null && cb != null && ca.offset() != null && cb.offset() != null
                && !ca.offset().equals(cb.offset())) {
            // the zone changed: say so, and whether the moment moved too
            long wall = cb.localMillis() - ca.localMillis();
            String zone = "time zone " + ca.offset() + " vs " + cb.offset();
            if (t.agreement() != Agreement.CONTRADICT) {
                parts.add(zone + " (same moment)");
            } else {
                parts.add(zone + (Math.abs(wall) > tol ? ", cloud " + shift(wall) : ", same wall clock") + " ("
                        + times(d, c) + ")");
            }
        } else if (t.agreement() == Agreement.CONTRADICT) {
            long cloudMinusDevice = ca != null && cb != null ? cb.localMillis() - ca.localMillis() : -t.deltaMs();
            parts.add((cloudMinusDevice != 0 ? "cloud " + shift(cloudMinusDevice) + " (" : "(") + times(d, c) + ")");
        } else if (t.zoneDiffers()) {
            parts.add("time zone " + ca.offset() + " vs " + cb.offset() + " (same moment)");
        }
        MediaFile pd = d.primary(), pc = c.primary();
        if (pd != null && pc != null) {
            boolean ld = pd.latitude() != null && pd.longitude() != null;
            boolean lc = pc.latitude() != null && pc.longitude() != null;
            if (ld && lc) {
                double m = Evidence.metres(pd.latitude(), pd.longitude(), pc.latitude(), pc.longitude());
                if (m > ev.settings().driftLocationMeters()) {
                    parts.add(String.format(Locale.ROOT, "locations %.0f m apart", m));
                }
            } else if (ld != lc) {
                parts.add(ld ? "location removed in the cloud" : "location added in the cloud");
            }
        }
        if (parts.isEmpty()) return false;
        found.add(new Finding(Category.METADATA_DRIFT, String.join("; ", parts)));
        return true;
    }

    private static String times(Asset d, Asset c) {
        String dt = AssetFacts.captured(d) != null ? AssetFacts.captured(d).toString()
                : String.valueOf(d.listing() == null ? null : d.listing().created());
        String ct = AssetFacts.captured(c) != null ? AssetFacts.captured(c).toString()
                : String.valueOf(c.listing() == null ? null : c.listing().created());
        return "captured " + dt + " on the device, " + ct + " in the cloud";
    }

    /** A shift as a person says it: "one day later", "3 days earlier", "+3 h", "-1 h 30 min". */
    static String shift(long ms) {
        long day = 86_400_000L;
        if (ms != 0 && ms % day == 0) {
            long n = Math.abs(ms / day);
            return (n == 1 ? "one day" : n + " days") + (ms > 0 ? " later" : " earlier");
        }
        return delta(ms);
    }

    /** A signed, readable duration: "+2 h", "-1 h 30 min", "+0.500 s". */
    static String delta(long ms) {
        String sign = ms < 0 ? "-" : "+";
        long a = Math.abs(ms);
        long h = a / 3_600_000, min = a / 60_000 % 60, sec = a / 1000 % 60, milli = a % 1000;
        List<String> parts = new ArrayList<>(3);
        if (h > 0) parts.add(h + " h");
        if (min > 0) parts.add(min + " min");
        if (sec > 0 || milli > 0 || parts.isEmpty()) {
            parts.add(milli == 0 ? sec + " s" : String.format(Locale.ROOT, "%d.%03d s", sec, milli));
        }
        return sign + String.join(" ", parts);
    }
}
