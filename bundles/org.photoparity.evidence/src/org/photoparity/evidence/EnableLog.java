package org.photoparity.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;

/**
 * The history of iCloud Photos being turned on and off, from
 * {@code Media/PhotoData/private/com.apple.assetsd/cloudServiceEnableLog.plist}: an array of
 * {timestamp, type, enabled, reason} dicts that Photos appends to (it keeps the last hundred or so).
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

    public static EnableLog read(Path file, String label) throws IOException {
        NSObject root;
        try {
            root = PropertyListParser.parse(org.photoparity.core.io.InputFiles.readAll(file,
                    org.photoparity.core.io.InputFiles.EVIDENCE_MAX, "cloudServiceEnableLog.plist"));
        } catch (IOException e) {
            throw new IOException("Cannot read " + label + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IOException(label + " is not a readable plist (" + e.getMessage()
                    + "); expected cloudServiceEnableLog.plist from Media/PhotoData/private/com.apple.assetsd.", e);
        }
        if (!(root instanceof NSArray array)) {
            throw new IOException(label + " is not a cloudServiceEnableLog (expected an array of {timestamp, type,"
                    + " enabled} entries).");
        }
        List<Entry> entries = new ArrayList<>();
        for (NSObject o : array.getArray()) {
            if (!(o instanceof NSDictionary d)) continue;
            Instant when = d.get("timestamp") instanceof NSDate date ? date.getDate().toInstant() : null;
            Boolean enabled = d.get("enabled") instanceof NSNumber n ? n.boolValue() : null;
            if (enabled == null) continue;
            String type = d.get("type") == null ? null : DeviceInfoReader.text(d.get("type"));
            String reason = d.get("reason") == null ? null : DeviceInfoReader.text(d.get("reason"));
            entries.add(new Entry(when, type, enabled, reason));
        }
        // the file is appended to, but sort anyway: a restored backup may carry entries out of order
        entries.sort(Comparator.comparing(Entry::timestamp, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new EnableLog(label, entries);
    }
}
