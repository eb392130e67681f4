package org.photoparity.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.io.AtomicWriter;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SourceRef;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * report.json, schema 1. Written with a streaming generator, so a result with 100k mismatches never becomes a
 * tree in memory. Field names are fixed (other tools parse them):
 *
 * <pre>
 * { "schema": 1, "generatedAt": "..." (when set),
 *   "sides": { "device": { "sources": [{"path","kind","incomplete" when set}], "assets", "files", "bytes", "filesSeen", "ignored",
 *                          "unreadable": [{"source","path","reason"}] }, "cloud": {...} },
 *   "summary": { "identical": n, "losses": n, "explained": n, "MISSING_IN_CLOUD": n, ... every category },
 *   "matchedBy": { key: pairs },
 *   "notes": [ "answers.properties: icloud_plan=7GB is not understood; ..." ] (empty when none),
 *   "mismatches": [ {"category","device":[paths],"cloud":[paths],"matchedBy","detail","states":[...],"loss",
 *                    "explanation"} ],
 *   "probes": [ {"fix","id","status","summary","evidence":[...]} ],
 *   "likelyCauses": [ {"rank","fix","title","score","probeStatus","probes":[...],"explains":{cat:n},"explanation"} ] }
 * </pre>
 *
 * "files" is the number of files read as resources (SideInventory.filesRead); unreadable files are listed, files
 * ignored on purpose are counted. "notes" are the analysis's notes on the evidence (what it could not read or did
 * not understand), in the order the analysis gave them.
 */
public final class ReportJson {

    public static final int SCHEMA = 1;

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ReportJson() {
    }

    /**
     * {@code probes --json FILE}: {"schema":1,"probes":[...]}, each probe object exactly as in report.json's
     * "probes" array (the same writer).
     */
    public static void writeProbes(List<ProbeResult> probes, Path file) throws IOException {
        AtomicWriter.write(file, out -> {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("schema", SCHEMA);
                probes(g, probes);
                g.writeEndObject();
            }
        });
    }

    private static void probes(JsonGenerator g, List<ProbeResult> probes) throws IOException {
        g.writeArrayFieldStart("probes");
        for (ProbeResult p : probes) {
            g.writeStartObject();
            g.writeNumberField("fix", p.fix());
            g.writeStringField("id", p.id());
            g.writeStringField("status", p.status().name());
            g.writeStringField("summary", p.summary());
            stringArray(g, "evidence", p.evidence());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static void write(ReconcileResult result, List<ProbeResult> probes, List<LikelyCause> causes,
            ReportOptions options, Path file, IProgressMonitor monitor) throws IOException {
        write(result, probes, causes, List.of(), options, file, monitor);
    }

    /** As above, with the analysis's notes on the evidence ("notes"; an empty array when there are none). */
    public static void write(ReconcileResult result, List<ProbeResult> probes, List<LikelyCause> causes,
            List<String> notes, ReportOptions options, Path file, IProgressMonitor monitor) throws IOException {
        SubMonitor sub = SubMonitor.convert(monitor, "Writing " + file.getFileName(), result.mismatches().size());
        AtomicWriter.write(file, out -> {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("schema", SCHEMA);
                if (options.generatedAt() != null) g.writeStringField("generatedAt", options.generatedAt().toString());
                g.writeObjectFieldStart("sides");
                g.writeFieldName("device");
                side(g, result.device());
                g.writeFieldName("cloud");
                side(g, result.cloud());
                g.writeEndObject();

                g.writeObjectFieldStart("summary");
                g.writeNumberField("identical", result.identical());
                long losses = Losses.count(result.mismatches());
                g.writeNumberField("losses", losses);
                g.writeNumberField("explained", result.mismatches().size() - losses);
                for (Map.Entry<Category, Long> e : result.counts().entrySet()) {
                    g.writeNumberField(e.getKey().name(), e.getValue());
                }
                g.writeEndObject();

                g.writeObjectFieldStart("matchedBy");
                for (var e : new TreeMap<>(result.matchedBy()).entrySet()) g.writeNumberField(e.getKey(), e.getValue());
                g.writeEndObject();

                stringArray(g, "notes", notes == null ? List.of() : notes);

                g.writeArrayFieldStart("mismatches");
                int i = 0;
                for (Mismatch m : result.mismatches()) {
                    if ((++i & 1023) == 0 && sub.isCanceled()) throw new OperationCanceledException();
                    g.writeStartObject();
                    g.writeStringField("category", m.category().name());
                    stringArray(g, "device", m.device());
                    stringArray(g, "cloud", m.cloud());
                    g.writeStringField("matchedBy", m.matchedBy());
                    g.writeStringField("detail", m.detail());
                    stringArray(g, "states", m.states().stream().sorted().toList());
                    g.writeBooleanField("loss", m.loss());
                    g.writeStringField("explanation", m.explanation());
                    g.writeEndObject();
                    sub.worked(1);
                }
                g.writeEndArray();

                probes(g, probes);

                g.writeArrayFieldStart("likelyCauses");
                for (LikelyCause c : causes) {
                    g.writeStartObject();
                    g.writeNumberField("rank", c.rank());
                    g.writeNumberField("fix", c.fix());
                    g.writeStringField("title", c.title());
                    g.writeNumberField("score", Math.round(c.score() * 100) / 100.0);
                    g.writeStringField("probeStatus", c.probeStatus() == null ? null : c.probeStatus().name());
                    stringArray(g, "probes", c.probeIds());
                    g.writeObjectFieldStart("explains");
                    for (var e : c.explains().entrySet()) g.writeNumberField(e.getKey().name(), e.getValue());
                    g.writeEndObject();
                    g.writeStringField("explanation", c.explanation());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    static void side(JsonGenerator g, SideInventory s) throws IOException {
        g.writeStartObject();
        sources(g, s.sources());
        g.writeNumberField("assets", s.assets().size());
        g.writeNumberField("files", s.filesRead());
        g.writeNumberField("bytes", s.bytes());
        g.writeNumberField("filesSeen", s.filesSeen());
        g.writeNumberField("ignored", s.ignored().size());
        g.writeArrayFieldStart("unreadable");
        for (FileIssue f : s.unreadable()) {
            g.writeStartObject();
            g.writeNumberField("source", f.source());
            g.writeStringField("path", f.path());
            g.writeStringField("reason", f.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void sources(JsonGenerator g, List<SourceRef> sources) throws IOException {
        g.writeArrayFieldStart("sources");
        for (SourceRef r : sources) {
            g.writeStartObject();
            g.writeStringField("path", r.path());
            g.writeStringField("kind", r.kind());
            if (r.incomplete() != null) g.writeStringField("incomplete", r.incomplete());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }
}
