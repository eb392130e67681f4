package org.photoparity.ui.restarttest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a scenario saw, as the product tests read it: key=value lines, backslashes and newlines escaped, "ok=true"
 * or "error=" with the stack trace.
 */
final class Facts {

    private Facts() {
    }

    static void failed(Map<String, String> facts, Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        facts.put("error", sw.toString());
    }

    /** Writes the facts (never throws: a scenario that cannot write is seen by the test as no output). */
    static void write(Path out, Map<String, String> facts) {
        try {
            StringBuilder sb = new StringBuilder();
            facts.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", "\\n"))
                    .append('\n'));
            Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
