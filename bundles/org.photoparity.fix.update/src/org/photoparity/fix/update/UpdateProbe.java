package org.photoparity.fix.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;
import org.photoparity.evidence.BackupEvidence;
import org.photoparity.evidence.DeviceInfo;
import org.photoparity.evidence.Findings;

/**
 * Fix 6: is the iPhone on the newest iOS its model runs? ProductType and ProductVersion come from ideviceinfo (or
 * the backup's Info.plist); what the model supports comes from data/ios-support.properties, a data file that is
 * updated without code (see UPDATING.md), including the models capped at older majors.
 */
public final class UpdateProbe implements IProbe {

    public static final String ID = "probe.update";

    /** A copy of ios-support.properties that replaces the bundled one. */
    public static final String DATA = "update.data";
    static final String BUNDLED = "/data/ios-support.properties";

    /** What the data file says about one model. */
    public record Support(String productType, String name, int maxMajor, String newest) {
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

        Properties data;
        String dataName;
        try {
            String override = e.setting(DATA);
            dataName = override == null || override.isBlank() ? "ios-support.properties (bundled)" : override;
            data = load(override);
        } catch (IOException ex) {
            f.evidence(ex.getMessage());
            return f.result("The iOS support data cannot be read: " + ex.getMessage());
        }
        f.evidence("data " + dataName + " as of " + data.getProperty("as_of", "?"));
        Optional<Support> support = support(data, type);
        if (support.isEmpty()) {
            return f.result("Model " + type + " is not in the iOS support data (" + dataName
                    + "): add it (see UPDATING.md), or check Settings > General > Software Update by hand");
        }
        Support s = support.get();
        f.evidence(type + " is " + s.name() + ": runs up to iOS " + s.maxMajor() + ", newest " + s.newest());
        int[] have = parse(version);
        int cmp = compare(have, parse(s.newest()));
        if (have[0] < s.maxMajor()) {
            f.verdict(ProbeStatus.FAIL, "iOS " + version + " is installed; this " + s.name() + " runs iOS "
                    + s.newest() + ": update (Settings > General > Software Update)");
        } else if (cmp < 0) {
            f.verdict(ProbeStatus.WARN, "iOS " + version + " is behind " + s.newest() + " of the same version: install"
                    + " the update");
        } else {
            f.verdict(ProbeStatus.PASS, "iOS " + version + " is the newest this " + s.name() + " runs"
                    + (cmp > 0 ? " (newer than the data file knows)" : ""));
        }
        return f.result("");
    }

    static Properties load(String override) throws IOException {
        Properties p = new Properties();
        if (override != null && !override.isBlank()) {
            try (Reader r = Files.newBufferedReader(Path.of(override), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException ex) {
                throw new IOException("iOS support data " + override + " (setting " + DATA + ") cannot be read: "
                        + ex.getMessage(), ex);
            }
            return p;
        }
        try (InputStream in = UpdateProbe.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IOException(BUNDLED + " is missing from the update bundle");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Optional<Support> support(Properties data, String productType) {
        String v = data.getProperty(productType);
        if (v == null) return Optional.empty();
        int comma = v.indexOf(',');
        try {
            int major = Integer.parseInt((comma < 0 ? v : v.substring(0, comma)).trim());
            String name = comma < 0 ? productType : v.substring(comma + 1).trim();
            String newest = data.getProperty("latest." + major, major + ".0").trim();
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
