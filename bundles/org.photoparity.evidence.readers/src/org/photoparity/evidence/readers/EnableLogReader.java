package org.photoparity.evidence.readers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.dd.plist.NSArray;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;

import org.photoparity.evidence.EnableLog;
import org.photoparity.evidence.EnableLog.Entry;

/** Reads {@code cloudServiceEnableLog.plist} into an {@link EnableLog}. */
public final class EnableLogReader {

    private EnableLogReader() {
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
