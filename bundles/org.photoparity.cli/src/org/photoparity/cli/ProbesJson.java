package org.photoparity.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.photoparity.core.io.AtomicWriter;
import org.photoparity.core.model.ProbeResult;

/** `probes --json FILE`: the same probe objects as report.json's "probes" array. */
final class ProbesJson {
    private ProbesJson() {
    }

    static void write(List<ProbeResult> results, Path file) throws IOException {
        AtomicWriter.write(file, os -> {
        try (JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schema", 1);
            g.writeArrayFieldStart("probes");
            for (ProbeResult p : results) {
                g.writeStartObject();
                g.writeNumberField("fix", p.fix());
                g.writeStringField("id", p.id());
                g.writeStringField("status", p.status().name());
                g.writeStringField("summary", p.summary());
                g.writeArrayFieldStart("evidence");
                for (String e : p.evidence()) g.writeString(e);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        });
    }
}
