package org.photoparity.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The history of iCloud Photos being turned on and off, from
 * {@code Media/PhotoData/private/com.apple.assetsd/cloudServiceEnableLog.plist}: an array of
 * {timestamp, type, enabled, reason} dicts that Photos appends to (it keeps the last hundred or so). Read by
 * org.photoparity.evidence.readers.EnableLogReader.
 *
 * @param source  the file read
 * @param entries oldest first
 */
public record EnableLog(String source, List<Entry> entries) {

    /** One switch: when, which service (type), on or off, and the reason Photos gave when it logged one. */
    public record Entry(Instant timestamp, String type, boolean enabled, String reason) {
    }

    public EnableLog {
        entries = List.copyOf(entries);
    }

    /** Entries about iCloud Photos itself, not Shared Albums / My Photo Stream. */
    public List<Entry> icloudPhotos() {
        return entries.stream().filter(e -> {
            String t = e.type() == null ? "" : e.type().toLowerCase(Locale.ROOT);
            return !(t.contains("shared") || t.contains("stream"));
        }).toList();
    }

    /** Whether the last logged switch left iCloud Photos on. */
    public Optional<Boolean> lastEnabled() {
        List<Entry> l = icloudPhotos();
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1).enabled());
    }

    public Optional<Entry> last() {
        List<Entry> l = icloudPhotos();
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
    }

    /** How many times iCloud Photos was turned off in the log. */
    public long timesTurnedOff() {
        return icloudPhotos().stream().filter(e -> !e.enabled()).count();
    }
}
