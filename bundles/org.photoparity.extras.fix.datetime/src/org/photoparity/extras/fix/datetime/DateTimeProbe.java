package org.photoparity.extras.fix.datetime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;

/**
 * Is the iPhone's clock set automatically? Judged from the analysis: the share of paired photos whose capture
 * time or place differs between the two sides. UNKNOWN without an analysis (never PASS without evidence). The
 * engine stamps the fix number and id declared in plugin.xml on the result.
 */
public final class DateTimeProbe implements IProbe {

    /** Declared in plugin.xml with its default, range, label and help. */
    static final String DRIFT_SHARE_WARN = "datetime.drift-share.warn";

    @Override
    public ProbeResult run(CaseEvidence evidence, IProgressMonitor monitor) {
        ReconcileResult r = evidence.result().orElse(null);
        if (r == null) {
            return result(ProbeStatus.UNKNOWN, "No analysis yet: the drift between the two sides shows whether the"
                    + " clock was set by hand", List.of());
        }
        long pairs = r.identical();
        long drifted = 0;
        for (Mismatch m : r.mismatches()) {
            if (!m.device().isEmpty() && !m.cloud().isEmpty()) pairs++;
            if (m.category() == Category.METADATA_DRIFT) drifted++;
        }
        double limit = Double.parseDouble(evidence.setting(DRIFT_SHARE_WARN));
        List<String> lines = new ArrayList<>();
        lines.add("analysis: " + drifted + " of " + pairs + " paired photos differ in capture time or place");
        lines.add("setting " + DRIFT_SHARE_WARN + "=" + limit);
        if (pairs == 0) return result(ProbeStatus.UNKNOWN, "No photo was paired between the two sides", lines);
        double share = (double) drifted / pairs;
        String pct = String.format(Locale.ROOT, "%.1f %%", share * 100);
        if (share > limit) {
            return result(ProbeStatus.WARN, pct + " of the paired photos drifted in time or place: the clock or time"
                    + " zone was probably set by hand", lines);
        }
        return result(ProbeStatus.PASS, pct + " of the paired photos drifted: the clock looks set automatically",
                lines);
    }

    private static ProbeResult result(ProbeStatus status, String summary, List<String> evidence) {
        return new ProbeResult(0, "", status, summary, evidence);
    }
}
