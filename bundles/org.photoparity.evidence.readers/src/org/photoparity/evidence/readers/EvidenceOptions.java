package org.photoparity.evidence.readers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the evidence of a case comes from, as the command line gives it ({@code --device-info [domain=]FILE}
 * repeatable, {@code --backup DIR}, {@code --answers FILE}, {@code --previous DIR|FILE}, {@code --live}) and the
 * workbench fills it.
 *
 * @param deviceInfo   ideviceinfo dumps, one per domain (plain text or -x XML)
 * @param backup       an iOS backup folder, a folder holding Photos.sqlite, or Photos.sqlite itself; null for none
 * @param answers      the answers file; null for none
 * @param previous     an earlier snapshot of the same device (backup or Photos.sqlite) to compare pending uploads
 *                     with; null for none
 * @param live         also read an attached device with ideviceinfo
 * @param liveTimeout  the longest one ideviceinfo run may take
 * @param settings     probe settings (network.endpoints, network.timeout.ms...)
 */
public record EvidenceOptions(List<DeviceInfoInput> deviceInfo, Path backup, Path answers, Path previous,
        boolean live, Duration liveTimeout, Map<String, String> settings) {

    /** One --device-info argument: the file and, when the technician named it, its domain. */
    public record DeviceInfoInput(String domain, Path file) {

        /**
         * Parses {@code FILE} or {@code DOMAIN=FILE}; DOMAIN is a full name (com.apple.disk_usage) or a short one
         * (root, disk_usage, battery, fmip).
         */
        public static DeviceInfoInput parse(String arg) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                String d = arg.substring(0, eq);
                String lower = d.toLowerCase(Locale.ROOT);
                boolean domain = lower.startsWith("com.apple.") || List.of("root", "disk", "disk_usage", "battery",
                        "fmip", "default").contains(lower);
                if (domain) return new DeviceInfoInput(DeviceInfoReader.normalizeDomain(d), Path.of(arg.substring(eq + 1)));
            }
            return new DeviceInfoInput(null, Path.of(arg));
        }
    }

    public EvidenceOptions {
        deviceInfo = List.copyOf(deviceInfo);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        if (liveTimeout == null) liveTimeout = Duration.ofSeconds(10);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<DeviceInfoInput> deviceInfo = new ArrayList<>();
        private Path backup, answers, previous;
        private boolean live;
        private Duration liveTimeout = Duration.ofSeconds(10);
        private final Map<String, String> settings = new LinkedHashMap<>();

        public Builder deviceInfo(String arg) {
            deviceInfo.add(DeviceInfoInput.parse(arg));
            return this;
        }

        public Builder deviceInfo(String domain, Path file) {
            deviceInfo.add(new DeviceInfoInput(domain == null ? null : DeviceInfoReader.normalizeDomain(domain), file));
            return this;
        }

        public Builder backup(Path p) {
            backup = p;
            return this;
        }

        public Builder answers(Path p) {
            answers = p;
            return this;
        }

        public Builder previous(Path p) {
            previous = p;
            return this;
        }

        public Builder live(boolean on, Duration timeout) {
            live = on;
            if (timeout != null) liveTimeout = timeout;
            return this;
        }

        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        public Builder settings(Map<String, String> all) {
            settings.putAll(all);
            return this;
        }

        public EvidenceOptions build() {
            return new EvidenceOptions(deviceInfo, backup, answers, previous, live, liveTimeout, settings);
        }
    }
}
