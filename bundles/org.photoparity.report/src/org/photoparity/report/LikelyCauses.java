package org.photoparity.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.photoparity.core.model.Category;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.IProbe;

/**
 * Ties mismatch categories to the fixes that can cause them and ranks the fixes by what was found and what their
 * probes said.
 *
 * <p>The mapping table ({@link #FIXES_BY_CATEGORY}):
 * <table>
 * <tr><th>category</th><th>fixes</th><th>why</th></tr>
 * <tr><td>MISSING_IN_CLOUD</td><td>1, 2, 3, 5, 7</td><td>the device never uploaded it: iCloud Photos off or another
 * Apple ID, no network, iCloud full, a stalled sync, Low Power Mode / low battery pausing uploads</td></tr>
 * <tr><td>MISSING_ON_DEVICE</td><td>4, 1</td><td>Optimize Storage keeps only some originals; another Apple ID or
 * iCloud Photos off never downloads</td></tr>
 * <tr><td>REDUCED</td><td>4</td><td>Optimize Storage keeps a smaller copy on the device</td></tr>
 * <tr><td>LIVE_PHOTO_INCOMPLETE</td><td>2, 5, 7</td><td>the video half is uploaded after the still; an
 * interrupted or paused upload leaves it behind</td></tr>
 * <tr><td>EDITED</td><td>5, 2</td><td>an edit made on one side has not synced yet</td></tr>
 * <tr><td>CONVERTED, DUPLICATE, METADATA_DRIFT</td><td>none</td><td>artefacts of how the copy was taken
 * (format conversion on download, a downloader's name-collision suffix, a time-zone or clock change), not of
 * sync: shown, not blamed on a fix</td></tr>
 * </table>
 *
 * <p>Only losses count ({@code Mismatch.loss}): differences the evidence itself explains are not blamed on a fix.
 * Score of a fix = (losses it can explain) x (probe factor): FAIL 4, WARN 2, UNKNOWN or no probe 1,
 * PASS 0.2. A fix whose probe failed or warned is listed even when it explains no mismatch (score 0.25 x factor).
 * Ties go to the worse probe status, then the lower fix number.
 */
public final class LikelyCauses {

    /** Category to the fixes that can explain it, most direct first. */
    public static final Map<Category, List<Integer>> FIXES_BY_CATEGORY;

    /** Titles of the seven fixes, used when the caller does not pass the registry's. */
    public static final Map<Integer, String> DEFAULT_TITLES;

    static {
        Map<Category, List<Integer>> m = new EnumMap<>(Category.class);
        m.put(Category.MISSING_IN_CLOUD, List.of(1, 2, 3, 5, 7));
        m.put(Category.MISSING_ON_DEVICE, List.of(4, 1));
        m.put(Category.REDUCED, List.of(4));
        m.put(Category.LIVE_PHOTO_INCOMPLETE, List.of(2, 5, 7));
        m.put(Category.EDITED, List.of(5, 2));
        m.put(Category.CONVERTED, List.of());
        m.put(Category.DUPLICATE, List.of());
        m.put(Category.METADATA_DRIFT, List.of());
        FIXES_BY_CATEGORY = java.util.Collections.unmodifiableMap(m);
        Map<Integer, String> t = new TreeMap<>();
        t.put(1, "Apple ID and iCloud Photos");
        t.put(2, "Network and iCloud reachability");
        t.put(3, "iCloud storage plan");
        t.put(4, "iPhone storage and Optimize Storage");
        t.put(5, "Restart to clear a stalled sync");
        t.put(6, "Update iOS");
        t.put(7, "Charge, and Low Power Mode off");
        DEFAULT_TITLES = java.util.Collections.unmodifiableMap(t);
    }

    private LikelyCauses() {
    }

    public static List<LikelyCause> rank(ReconcileResult result, List<ProbeResult> probes) {
        return rank(result, probes, DEFAULT_TITLES);
    }

    /**
     * @param result the analysis (null: rank on probes alone)
     * @param probes probe results (may be empty)
     * @param titles fix number to title; missing numbers fall back to {@link #DEFAULT_TITLES}
     */
    public static List<LikelyCause> rank(ReconcileResult result, List<ProbeResult> probes,
            Map<Integer, String> titles) {
        Map<Category, Long> counts = lossCounts(result);
        Map<Integer, List<ProbeResult>> byFix = new TreeMap<>();
        for (ProbeResult p : probes == null ? List.<ProbeResult>of() : probes) {
            byFix.computeIfAbsent(p.fix(), k -> new ArrayList<>()).add(p);
        }
        record Scored(int fix, double score, ProbeStatus status, List<String> ids, Map<Category, Long> explains,
                String explanation) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int fix = 1; fix <= 7; fix++) {
            Map<Category, Long> explains = new LinkedHashMap<>();
            long base = 0;
            for (var e : FIXES_BY_CATEGORY.entrySet()) {
                long n = counts.getOrDefault(e.getKey(), 0L);
                if (n > 0 && e.getValue().contains(fix)) {
                    explains.put(e.getKey(), n);
                    base += n;
                }
            }
            List<ProbeResult> ps = byFix.getOrDefault(fix, List.of());
            ProbeStatus status = worst(ps);
            double factor = status == null ? 1 : switch (status) {
                case FAIL -> 4;
                case WARN -> 2;
                case UNKNOWN -> 1;
                case PASS -> 0.2;
            };
            double score;
            if (base > 0) {
                score = base * factor;
            } else if (status == ProbeStatus.FAIL || status == ProbeStatus.WARN) {
                score = 0.25 * factor;
            } else {
                continue;
            }
            scored.add(new Scored(fix, score, status, ps.stream().map(ProbeResult::id).toList(), explains,
                    explain(explains, ps, status, titles)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(s -> -severity(s.status()))
                .thenComparingInt(Scored::fix));
        List<LikelyCause> out = new ArrayList<>();
        for (Scored s : scored) {
            String title = titles != null && titles.get(s.fix()) != null ? titles.get(s.fix())
                    : DEFAULT_TITLES.get(s.fix());
            out.add(new LikelyCause(out.size() + 1, s.fix(), title, s.score(), s.status(), s.ids(), s.explains(),
                    s.explanation()));
        }
        return out;
    }

    /**
     * Mismatches per category counting losses only: a difference the evidence explains (a hidden item icloudpd
     * skipped, a burst frame not picked, a shared-album item) is no sign that a fix is needed.
     */
    static Map<Category, Long> lossCounts(ReconcileResult result) {
        Map<Category, Long> m = new EnumMap<>(Category.class);
        if (result == null) return m;
        for (Category c : Category.values()) m.put(c, 0L);
        for (var x : result.mismatches()) if (x.loss()) m.merge(x.category(), 1L, Long::sum);
        return m;
    }

    private static int severity(ProbeStatus s) {
        if (s == null) return 1;
        return switch (s) {
            case FAIL -> 3;
            case WARN -> 2;
            case UNKNOWN -> 1;
            case PASS -> 0;
        };
    }

    private static ProbeStatus worst(List<ProbeResult> ps) {
        ProbeStatus w = null;
        for (ProbeResult p : ps) {
            if (w == null || severity(p.status()) > severity(w)) w = p.status();
        }
        return w;
    }

    /**
     * What a reader calls a probe: its name as contributed (plugin.xml), else its fix's title, else its id. Ids are for
     * files, not for people.
     */
    public static String probeTitle(ProbeResult p, Map<Integer, String> titles) {
        for (Contribution<IProbe> c : PhotoParityRegistry.get().probes()) {
            if (c.id().equals(p.id()) && c.name() != null && !c.name().isBlank()) return c.name();
        }
        String t = titles == null ? null : titles.get(p.fix());
        if (t == null) t = DEFAULT_TITLES.get(p.fix());
        return t != null ? t : p.id();
    }

    private static String explain(Map<Category, Long> explains, List<ProbeResult> ps, ProbeStatus status,
            Map<Integer, String> titles) {
        StringBuilder b = new StringBuilder();
        if (explains.isEmpty()) {
            b.append("Explains none of the mismatches found, but its check did not pass.");
        } else {
            b.append("Can explain ");
            int i = 0;
            for (var e : explains.entrySet()) {
                if (i > 0) b.append(i == explains.size() - 1 ? " and " : ", ");
                b.append(e.getValue()).append(' ').append(e.getKey().name());
                i++;
            }
            b.append('.');
        }
        if (ps.isEmpty()) {
            b.append(" No probe ran for it.");
        } else {
            ProbeResult shown = ps.stream().filter(p -> p.status() == status).findFirst().orElse(ps.get(0));
            b.append(" Probe ").append(probeTitle(shown, titles)).append(": ")
                    .append(status.name().toLowerCase(Locale.ROOT))
                    .append(" - ").append(shown.summary());
        }
        return b.toString();
    }
}
