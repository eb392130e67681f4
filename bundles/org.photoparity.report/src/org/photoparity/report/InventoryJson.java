package org.photoparity.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.io.AtomicWriter;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.SideInventory;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The inventory of one side as JSON (the command line's {@code scan --json FILE}), streamed:
 *
 * <pre>
 * { "schema": 1, "side": "device",
 *   "sources": [{"path","kind","incomplete" when set}],
 *   "totals": {"assets","filesSeen","filesRead","unreadable","ignored","bytes","countsAddUp"},
 *   "assets": [ {"id","kind","bytes","files":[{every MediaFile field}],"listing":{every Listing field}|null} ],
 *   "unreadable": [{"source","path","reason"}],
 *   "ignored": [{"source","path","why"}] }
 * </pre>
 *
 * Null fields are written as null so every asset has the same shape; capture times are written as the file states
 * them ({@code "local"} wall clock, {@code "offset"} or null), listing instants as ISO-8601 UTC.
 */
public final class InventoryJson {

    private InventoryJson() {
    }

    public static void write(SideInventory side, Path file) throws IOException {
        write(side, file, null);
    }

    public static void write(SideInventory side, Path file, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, "Writing " + file.getFileName(), side.assets().size());
        AtomicWriter.write(file, out -> {
            try (JsonGenerator g = ReportJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("schema", 1);
                g.writeStringField("side", side.role().key());
                ReportJson.sources(g, side.sources());
                g.writeObjectFieldStart("totals");
                g.writeNumberField("assets", side.assets().size());
                g.writeNumberField("filesSeen", side.filesSeen());
                g.writeNumberField("filesRead", side.filesRead());
                g.writeNumberField("unreadable", side.unreadable().size());
                g.writeNumberField("ignored", side.ignored().size());
                g.writeNumberField("bytes", side.bytes());
                g.writeBooleanField("countsAddUp", side.countsAddUp());
                g.writeEndObject();
                g.writeArrayFieldStart("assets");
                int i = 0;
                for (Asset a : side.assets()) {
                    if ((++i & 1023) == 0 && sub.isCanceled()) throw new OperationCanceledException();
                    g.writeStartObject();
                    g.writeStringField("id", a.id());
                    g.writeStringField("kind", a.kind().name());
                    g.writeStringField("name", a.displayName());
                    g.writeNumberField("bytes", a.bytes());
                    g.writeArrayFieldStart("files");
                    for (MediaFile f : a.files()) file(g, f);
                    g.writeEndArray();
                    g.writeFieldName("listing");
                    listing(g, a.listing());
                    g.writeEndObject();
                    sub.worked(1);
                }
                g.writeEndArray();
                issues(g, "unreadable", "reason", side.unreadable());
                issues(g, "ignored", "why", side.ignored());
                g.writeEndObject();
            }
        });
    }

    private static void issues(JsonGenerator g, String name, String reasonField, Iterable<FileIssue> list)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (FileIssue f : list) {
            g.writeStartObject();
            g.writeNumberField("source", f.source());
            g.writeStringField("path", f.path());
            g.writeStringField(reasonField, f.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void file(JsonGenerator g, MediaFile f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("source", f.source());
        g.writeStringField("path", f.path());
        g.writeStringField("format", f.format().name());
        g.writeStringField("role", f.role().name());
        g.writeNumberField("size", f.size());
        g.writeNumberField("modified", f.modified());
        if (f.captured() == null) {
            g.writeNullField("captured");
        } else {
            g.writeObjectFieldStart("captured");
            g.writeStringField("local", f.captured().local().toString());
            g.writeStringField("offset", f.captured().offset() == null ? null : f.captured().offset().getId());
            Instant at = f.captured().instant();
            g.writeStringField("instant", at == null ? null : at.toString());
            g.writeEndObject();
        }
        g.writeStringField("make", f.make());
        g.writeStringField("model", f.model());
        g.writeNumberField("width", f.width());
        g.writeNumberField("height", f.height());
        g.writeNumberField("orientation", f.orientation());
        nullableNumber(g, "latitude", f.latitude());
        nullableNumber(g, "longitude", f.longitude());
        g.writeStringField("contentIdentifier", f.contentIdentifier());
        g.writeStringField("imageUniqueId", f.imageUniqueId());
        g.writeStringField("burstId", f.burstId());
        g.writeStringField("fingerprint", f.fingerprint());
        g.writeBooleanField("screenshot", f.screenshot());
        g.writeStringField("unreadableReason", f.unreadableReason());
        stringMap(g, "extra", f.extra());
        g.writeEndObject();
    }

    static void listing(JsonGenerator g, Listing l) throws IOException {
        if (l == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("source", l.source());
        g.writeStringField("origin", l.origin());
        g.writeStringField("originalFilename", l.originalFilename());
        g.writeStringField("path", l.path());
        g.writeStringField("cloudGuid", l.cloudGuid());
        g.writeStringField("fingerprint", l.fingerprint());
        nullableNumber(g, "size", l.size());
        nullableNumber(g, "width", l.width());
        nullableNumber(g, "height", l.height());
        g.writeStringField("created", l.created() == null ? null : l.created().toString());
        g.writeStringField("kind", l.kind() == null ? null : l.kind().name());
        g.writeStringField("cloudState", l.cloudState() == null ? null : l.cloudState().name());
        if (l.locallyAvailable() == null) g.writeNullField("locallyAvailable");
        else g.writeBooleanField("locallyAvailable", l.locallyAvailable());
        nullableNumber(g, "uploadAttempts", l.uploadAttempts());
        g.writeStringField("mediaGroup", l.mediaGroup());
        g.writeBooleanField("trashed", l.trashed());
        g.writeBooleanField("hidden", l.hidden());
        g.writeBooleanField("favorite", l.favorite());
        g.writeBooleanField("recentlyDeleted", l.recentlyDeleted());
        stringMap(g, "extra", l.extra());
        g.writeEndObject();
    }

    private static void nullableNumber(JsonGenerator g, String name, Number n) throws IOException {
        if (n == null) g.writeNullField(name);
        else if (n instanceof Double d) g.writeNumberField(name, d);
        else g.writeNumberField(name, n.longValue());
    }

    private static void stringMap(JsonGenerator g, String name, Map<String, String> m) throws IOException {
        g.writeObjectFieldStart(name);
        for (var e : new TreeMap<>(m).entrySet()) g.writeStringField(e.getKey(), e.getValue());
        g.writeEndObject();
    }
}
