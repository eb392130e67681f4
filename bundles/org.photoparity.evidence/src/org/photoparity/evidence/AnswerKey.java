package org.photoparity.evidence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the technician answers about things no file can tell. The key names are the file format (see ANSWERS.md);
 * never rename one.
 */
public enum AnswerKey {
    APPLE_ID_MATCHES("apple_id_matches", Kind.YES_NO,
            "The Apple ID signed in on the iPhone (Settings > [your name]) is the one whose iCloud library is compared."),
    ICLOUD_PHOTOS_ON("icloud_photos_on", Kind.YES_NO,
            "Settings > [your name] > iCloud > Photos > Sync this iPhone (iOS 16 and earlier: iCloud Photos) is on."),
    WIFI_CONNECTED("wifi_connected", Kind.YES_NO, "The iPhone is on a working Wi-Fi network (Settings > Wi-Fi)."),
    MOBILE_DATA_FOR_PHOTOS("mobile_data_for_photos", Kind.YES_NO,
            "Settings > Apps > Photos > Wireless Data (or Mobile/Cellular Data) allows Photos to use mobile data."),
    LOW_DATA_MODE("low_data_mode", Kind.YES_NO,
            "Low Data Mode is on for the current Wi-Fi or mobile network (Settings > Wi-Fi > (i) or Mobile Data > Options)."),
    LOW_POWER_MODE("low_power_mode", Kind.YES_NO, "Low Power Mode is on (Settings > Battery; yellow battery icon)."),
    OPTIMIZE_STORAGE("optimize_storage", Kind.YES_NO,
            "Settings > Apps > Photos shows Optimize iPhone Storage ticked (no = Download and Keep Originals)."),
    ICLOUD_PLAN("icloud_plan", Kind.PLAN,
            "The iCloud storage plan: 5GB (free), 50GB, 200GB, 2TB, 6TB or 12TB (Settings > [your name] > iCloud)."),
    ICLOUD_OTHER_USAGE_GB("icloud_other_usage_gb", Kind.NUMBER,
            "Gigabytes of the iCloud plan used by everything but Photos (backups, iCloud Drive, Messages, Mail)."),
    SHARED_LIBRARY_OWNER("shared_library_owner", Kind.YES_NO,
            "This Apple ID created the iCloud Shared Photo Library: Settings > Apps > Photos > Shared Library (iOS 17:"
                    + " Settings > Photos) offers Delete Shared Library (yes), not Leave Shared Library (no)."),
    PHOTOS_STATUS_TEXT("photos_status_text", Kind.TEXT,
            "The status line at the bottom of Photos > Library (iOS 18+: tap the profile picture), word for word.");

    public enum Kind { YES_NO, PLAN, NUMBER, TEXT }

    private final String key;
    private final Kind kind;
    private final String question;

    AnswerKey(String key, Kind kind, String question) {
        this.key = key;
        this.kind = kind;
        this.question = question;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public String question() {
        return question;
    }

    public static List<String> names() {
        return java.util.Arrays.stream(values()).map(AnswerKey::key).toList();
    }

    public static Optional<AnswerKey> of(String key) {
        for (AnswerKey k : values()) if (k.key.equals(key)) return Optional.of(k);
        return Optional.empty();
    }

    /** The values a key accepts, for documentation and editors. */
    public List<String> choices() {
        return switch (kind) {
            case YES_NO -> List.of("yes", "no");
            case PLAN -> IcloudPlan.names();
            case NUMBER, TEXT -> List.of();
        };
    }

    /**
     * The value in its canonical spelling (yes/no, 50GB...), or empty when it is not one this key accepts. Blank
     * means unanswered and gives an empty string.
     */
    public Optional<String> normalize(String raw) {
        if (raw == null) return Optional.of("");
        String v = raw.trim();
        if (v.isEmpty()) return Optional.of("");
        return switch (kind) {
            case YES_NO -> switch (v.toLowerCase(Locale.ROOT)) {
                case "yes", "y", "true", "on", "1" -> Optional.of("yes");
                case "no", "n", "false", "off", "0" -> Optional.of("no");
                case "unknown", "?", "-" -> Optional.of("");
                default -> Optional.empty();
            };
            case PLAN -> IcloudPlan.parse(v).map(IcloudPlan::label);
            case NUMBER -> {
                try {
                    double d = Double.parseDouble(v.replace(',', '.'));
                    yield d < 0 ? Optional.empty() : Optional.of(v.replace(',', '.'));
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
            case TEXT -> Optional.of(v);
        };
    }
}
