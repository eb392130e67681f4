package org.photoparity.fix.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;
import org.photoparity.evidence.BackupEvidence;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.Findings;

/**
 * Fix 6: is the iPhone on the newest iOS its model runs? ProductType and ProductVersion come from ideviceinfo (or
 * the backup's Info.plist); what each model supports comes from the iOS support data, a properties file shipped in
 * its own data plug-in (org.photoparity.fix.update.data, contributed under {@link #DATA_POINT}) so that a shop updates
 * it from the update site without a new product. When several data contributions are installed, the one with the
 * newest {@code as_of} wins. The probe says what it does not know: a model or a release the data does not know is
 * UNKNOWN with the data's date, and data older than {@link #STALE_DAYS} days turns a PASS into a WARN.
 */
public final class UpdateProbe implements IProbe {

    public static final String ID = "probe.update";

    /** A copy of ios-support.properties that replaces the installed data plug-in. */
    public static final String DATA = "update.data";
    /** The extension point data plug-ins contribute to: {@code <data file="data/ios-support.properties"/>}. */
    public static final String DATA_POINT = "org.photoparity.fix.update.supportData";
    /** Data older than this many days cannot vouch for a PASS: Apple may have shipped a release since. */
    public static final int STALE_DAYS = 120;

    /** What the data file says about one model. */
    public record Support(String productType, String name, int maxMajor, String newest) {
    }

    /** One support table and where it came from. */
    record Data(Properties table, String origin, LocalDate asOf) {
        String describe() {
            return "iOS support data " + origin + ", as of " + (asOf == null ? "an unknown date" : asOf);
        }
    }

    private final Clock clock;

    public UpdateProbe() {
        this(Clock.systemDefaultZone());
    }

    /** @param clock today's date, for the data's age (tests pass a fixed one) */
    public UpdateProbe(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ProbeResult run(CaseEvidence e, IProgressMonitor monitor) {
        Findings f = new Findings(6, ID);
        String type = null, version = null;
        Optional<DeviceInfo> info = e.get(DeviceInfo.class);
        if (info.isPresent()) {
            type = info.get().value(DeviceInfo.ROOT, "ProductType").orElse(null);
            version = info.get().value(DeviceInfo.ROOT, "ProductVersion").orElse(null);
            f.evidence(info.get().line(DeviceInfo.ROOT, "ProductType"));
            f.evidence(info.get().line(DeviceInfo.ROOT, "ProductVersion"));
            f.evidence(info.get().line(DeviceInfo.ROOT, "BuildVersion"));
        }
        Optional<BackupEvidence> backup = e.get(BackupEvidence.class);
        if ((type == null || version == null) && backup.isPresent()) {
            BackupEvidence b = backup.get();
            if (type == null && b.productType() != null) {
                type = b.productType();
                f.evidence("backup " + b.folder() + ": Product Type = " + type);
            }
            if (version == null && b.productVersion() != null) {
                version = b.productVersion();
                f.evidence("backup " + b.folder() + ": Product Version = " + version
                        + (b.lastBackup() == null ? "" : " (as of the backup, " + b.lastBackup() + ")"));
            }
        }
        if (type == null || version == null) {
            return f.result("No model or iOS version: give ideviceinfo output (--device-info) or a backup (--backup)");
        }

        Data data;
        try {
            data = load(e.setting(DATA));
        } catch (IOException ex) {
            f.evidence(ex.getMessage());
            return f.result("The iOS support data cannot be read: " + ex.getMessage());
        }
        f.evidence(data.describe());
        long age = data.asOf() == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(data.asOf(), LocalDate.now(clock));
        Optional<Support> support = support(data.table(), type);
        if (support.isEmpty()) {
            return f.result("Model " + type + " is not in the " + data.describe() + ": the data may be older than the"
                    + " model; update the data plug-in (see UPDATING.md), or check Settings > General > Software"
                    + " Update by hand");
        }
        Support s = support.get();
        f.evidence(type + " is " + s.name() + ": runs up to iOS " + s.maxMajor() + ", newest " + s.newest());
        int[] have = parse(version);
        int cmp = compare(have, parse(s.newest()));
        if (have[0] > s.maxMajor() || cmp > 0) {
            return f.result("iOS " + version + " is newer than the " + data.describe() + " knows for this " + s.name()
                    + " (newest there: " + s.newest() + "): update the data plug-in (see UPDATING.md), or check"
                    + " Settings > General > Software Update by hand");
        }
        if (have[0] < s.maxMajor()) {
            f.verdict(ProbeStatus.FAIL, "iOS " + version + " is installed; this " + s.name() + " can run iOS "
                    + s.newest() + ": update (Settings > General > Software Update)");
        } else if (cmp < 0) {
            f.verdict(ProbeStatus.WARN, "iOS " + version + " is behind " + s.newest() + " of the same version: install"
                    + " the update");
        } else if (age > STALE_DAYS) {
            f.verdict(ProbeStatus.WARN, "iOS " + version + " is the newest this " + s.name() + " runs by the data, but"
                    + " the update data is " + (age == Long.MAX_VALUE ? "of an unknown age" : age + " days old")
                    + ": Apple may have shipped a release since; update the data plug-in or check Settings > General"
                    + " > Software Update");
        } else {
            f.verdict(ProbeStatus.PASS, "iOS " + version + " is the newest this " + s.name() + " runs");
        }
        return f.result("");
    }

    /**
     * The support data: the file named by {@code override} when given, else the installed data contribution with the
     * newest as_of (a tie goes to the higher bundle version).
     */
    static Data load(String override) throws IOException {
        if (override != null && !override.isBlank()) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(Path.of(override), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException ex) {
                throw new IOException("iOS support data " + override + " (setting " + DATA + ") cannot be read: "
                        + ex.getMessage(), ex);
            }
            return new Data(p, override + " (setting " + DATA + ")", asOf(p));
        }
        IExtensionRegistry registry = Platform.getExtensionRegistry();
        Data best = null;
        Version bestVersion = null;
        List<String> problems = new ArrayList<>();
        for (IConfigurationElement el : registry == null ? new IConfigurationElement[0]
                : registry.getConfigurationElementsFor(DATA_POINT)) {
            String contributor = el.getContributor().getName();
            Bundle bundle = Platform.getBundle(contributor);
            String file = el.getAttribute("file");
            URL url = bundle == null || file == null ? null : bundle.getEntry(file);
            if (url == null) {
                problems.add(contributor + " names no readable file (" + file + ")");
                continue;
            }
            Properties p = new Properties();
            try (InputStream in = url.openStream()) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException ex) {
                problems.add(contributor + " " + file + ": " + ex.getMessage());
                continue;
            }
            Data d = new Data(p, "plug-in " + contributor + " " + bundle.getVersion(), asOf(p));
            boolean newer = best == null || compareDates(d.asOf(), best.asOf()) > 0
                    || (compareDates(d.asOf(), best.asOf()) == 0 && bundle.getVersion().compareTo(bestVersion) > 0);
            if (newer) {
                best = d;
                bestVersion = bundle.getVersion();
            }
        }
        if (best == null) {
            throw new IOException("no iOS support data is installed" + (problems.isEmpty() ? "" : " (" + String.join(
                    "; ", problems) + ")") + ": install the feature \"PhotoParity iOS support data\" from the update"
                    + " site, or point the setting " + DATA + " at a copy of ios-support.properties");
        }
        return best;
    }

    private static int compareDates(LocalDate a, LocalDate b) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return a.compareTo(b);
    }

    /** as_of as 2026-12-01, or 2025-11 for the first of the month; null when absent or unreadable. */
    static LocalDate asOf(Properties p) {
        String v = p.getProperty("as_of", "").trim();
        try {
            if (v.matches("\\d{4}-\\d{2}")) return LocalDate.parse(v + "-01");
            return LocalDate.parse(v);
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    /**
     * {@code <ProductType> = <highest major>, <name>[, <newest release>]}: the model's own newest release when given
     * (iPhone 5c: 10.3.3, while the iPhone 5 got 10.3.4), else {@code latest.<major>}.
     */
    static Optional<Support> support(Properties data, String productType) {
        String v = data.getProperty(productType);
        if (v == null) return Optional.empty();
        String[] parts = v.split(",");
        try {
            int major = Integer.parseInt(parts[0].trim());
            String newest = null;
            int nameEnd = parts.length;
            if (parts.length >= 3 && parts[parts.length - 1].trim().matches("\\d+(\\.\\d+)+")) {
                newest = parts[parts.length - 1].trim();
                nameEnd--;
            }
            String name = parts.length < 2 ? productType
                    : String.join(",", java.util.Arrays.copyOfRange(parts, 1, nameEnd)).trim();
            if (newest == null) newest = data.getProperty("latest." + major, major + ".0").trim();
            return Optional.of(new Support(productType, name, major, newest));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** "17.5.1" to {17, 5, 1}; missing parts are 0, anything after digits ignored (betas: "18.0b2"). */
    static int[] parse(String version) {
        String[] parts = version.trim().split("\\.");
        int[] out = new int[3];
        for (int i = 0; i < Math.min(3, parts.length); i++) {
            String digits = parts[i].replaceAll("^(\\d+).*$", "$1");
            try {
                out[i] = Integer.parseInt(digits);
            } catch (NumberFormatException ex) {
                out[i] = 0;
            }
        }
        return out;
    }

    static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) if (a[i] != b[i]) return Integer.compare(a[i], b[i]);
        return 0;
    }
}
