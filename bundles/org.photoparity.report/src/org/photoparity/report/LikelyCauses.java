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
import org.photoparity.core.present.Vocabulary;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.FixDescriptor;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.IProbe;

/**
 * Ties mismatch categories to the installed fixes that can cause them and ranks the fixes by what was found and
 * what their probes said. The table is not here: each fix's strategy declares in its plugin.xml the categories it
 * can explain and how strongly ({@code <explains category="MISSING_IN_CLOUD" strength="1"/>}), and the registry
 * hands them over as {@link FixDescriptor}s. A fix whose bundle is not installed is not ranked, named or counted.
 *
 * <p>Only losses count ({@code Mismatch.loss}): differences the evidence itself explains are not blamed on a fix.
 * Score of a fix = (sum over the categories it explains of losses x strength) x (probe factor): FAIL 4, WARN 2,
 * UNKNOWN or no probe 1, PASS 0.2. A fix whose probe failed or warned is listed even when it explains no mismatch
 * (score 0.25 x factor). Ties go to the worse probe status, then the lower fix number.
 */
public final class LikelyCauses {

    private LikelyCauses() {
    }

    /** Ranks the fixes the running platform has installed. */
    public static List<LikelyCause> rank(ReconcileResult result, List<ProbeResult> probes) {
        return rank(result, probes, PhotoParityRegistry.get().fixes());
    }

    /**
     * @param result the analysis (null: rank on probes alone)
     * @param probes probe results (may be empty); a result for a fix that is not in {@code fixes} is ignored
     * @param fixes  the installed fixes, with their titles and the categories they explain
     */
    public static List<LikelyCause> rank(ReconcileResult result, List<ProbeResult> probes, List<FixDescriptor> fixes) {
        Map<Category, Long> counts = lossCounts(result);
        Map<Integer, List<ProbeResult>> byFix = new TreeMap<>();
        for (ProbeResult p : probes == null ? List.<ProbeResult>of() : probes) {
            byFix.computeIfAbsent(p.fix(), k -> new ArrayList<>()).add(p);
        }
        record Scored(FixDescriptor fix, double score, ProbeStatus status, List<String> ids,
                Map<Category, Long> explains, String explanation) {
        }
        List<Scored> scored = new ArrayList<>();
        for (FixDescriptor fix : fixes) {
            Map<Category, Long> explains = new LinkedHashMap<>();
            double base = 0;
            for (Category c : Category.values()) {
                long n = counts.getOrDefault(c, 0L);
                double strength = fix.strength(c);
                if (n > 0 && strength > 0) {
                    explains.put(c, n);
                    base += n * strength;
                }
            }
            List<ProbeResult> ps = byFix.getOrDefault(fix.number(), List.of());
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
                    explain(explains, ps, status, fixes)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(s -> -severity(s.status()))
                .thenComparingInt(s -> s.fix().number()));
        List<LikelyCause> out = new ArrayList<>();
        for (Scored s : scored) {
            out.add(new LikelyCause(out.size() + 1, s.fix().number(), s.fix().title(), s.score(), s.status(), s.ids(),
                    s.explains(), s.explanation()));
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

    private static String explain(Map<Category, Long> explains, List<ProbeResult> ps, ProbeStatus status,
            List<FixDescriptor> fixes) {
        StringBuilder b = new StringBuilder();
        if (explains.isEmpty()) {
            b.append("Explains none of the mismatches found, but its check did not pass.");
        } else {
            b.append("Can explain ");
            int i = 0;
            for (var e : explains.entrySet()) {
                if (i > 0) b.append(i == explains.size() - 1 ? " and " : ", ");
                b.append(e.getValue()).append(' ').append(Vocabulary.label(e.getKey()));
                i++;
            }
            b.append('.');
        }
        if (ps.isEmpty()) {
            b.append(" No probe ran for it.");
        } else {
            ProbeResult shown = ps.stream().filter(p -> p.status() == status).findFirst().orElse(ps.get(0));
            b.append(" Probe ").append(Vocabulary.probeTitle(shown)).append(": ")
                    .append(status.name().toLowerCase(Locale.ROOT))
                    .append(" - ").append(shown.summary());
        }
        return b.toString();
    }
}
