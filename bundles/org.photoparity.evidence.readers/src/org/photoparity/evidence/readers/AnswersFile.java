package org.photoparity.evidence.readers;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.photoparity.evidence.AnswerKey;

/**
 * The technician's answers, saved with the case as {@code answers.properties}: a UTF-8 Java properties file with
 * the keys of {@link AnswerKey} (documented in ANSWERS.md) plus the workbench's checklist ticks
 * ({@code checklist.<strategy id>.<step number>=done}). Unknown keys are kept, not lost, and reported.
 */
public final class AnswersFile {

    public static final String FILE_NAME = "answers.properties";
    public static final String CHECKLIST_PREFIX = "checklist.";

    /** The answers read (canonical values; unanswered keys absent) and what was wrong with the file. */
    public record Loaded(Map<String, String> answers, List<String> warnings) {
        public Loaded {
            answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
            warnings = List.copyOf(warnings);
        }
    }

    private AnswersFile() {
    }

    public static Loaded read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = new java.io.BufferedReader(new java.io.InputStreamReader(org.photoparity.core.io.InputFiles.open(
                file, org.photoparity.core.io.InputFiles.EVIDENCE_MAX, "answers file"),
                StandardCharsets.UTF_8.newDecoder()))) {
            p.load(r);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException("Answers file " + file + " is not UTF-8 text. Save it as UTF-8 and try again.", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("Cannot read answers file " + file + ": " + e.getMessage()
                    + ". It must be a properties file of key=value lines (see ANSWERS.md).", e);
        }
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (AnswerKey k : AnswerKey.values()) {
            String raw = p.getProperty(k.key());
            if (raw == null) continue;
            Optional<String> v = k.normalize(raw);
            if (v.isEmpty()) {
                warnings.add(file.getFileName() + ": " + k.key() + "=" + raw.trim() + " is not understood; expected "
                        + (k.choices().isEmpty() ? (k.kind() == AnswerKey.Kind.NUMBER ? "a number" : "text")
                                : String.join(" or ", k.choices())) + ". Treated as unanswered.");
            } else if (!v.get().isEmpty()) {
                answers.put(k.key(), v.get());
            }
        }
        for (String name : new TreeMap<>(toMap(p)).keySet()) {
            if (AnswerKey.of(name).isPresent()) continue;
            if (name.startsWith(CHECKLIST_PREFIX)) {
                String v = p.getProperty(name).trim();
                if (!v.isEmpty()) answers.put(name, v);
                continue;
            }
            warnings.add(file.getFileName() + ": unknown key " + name + " (kept, not used). Known keys: "
                    + String.join(", ", AnswerKey.names()) + ".");
            answers.put(name, p.getProperty(name).trim());
        }
        return new Loaded(answers, warnings);
    }

    /**
     * Writes every documented key (unanswered ones empty, each with its question as a comment), then the checklist
     * ticks and any other keys. Written to a temporary file first and moved into place, so a crash never leaves
     * half a file.
     */
    public static void write(Path file, Map<String, String> answers) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# PhotoParity answers: what the technician saw on the iPhone (format: ANSWERS.md).\n");
        b.append("# yes/no keys take yes or no; leave a value empty when you do not know.\n");
        for (AnswerKey k : AnswerKey.values()) {
            b.append('\n').append("# ").append(k.question());
            if (!k.choices().isEmpty()) b.append(" [").append(String.join("|", k.choices())).append(']');
            b.append('\n').append(k.key()).append('=').append(escape(answers.getOrDefault(k.key(), ""))).append('\n');
        }
        Map<String, String> rest = new TreeMap<>();
        for (Map.Entry<String, String> e : answers.entrySet()) {
            if (AnswerKey.of(e.getKey()).isEmpty()) rest.put(e.getKey(), e.getValue());
        }
        if (!rest.isEmpty()) {
            b.append("\n# Checklist ticks saved by the workbench (checklist.<strategy id>.<step>=done) and other keys\n");
            for (Map.Entry<String, String> e : rest.entrySet()) {
                b.append(escapeKey(e.getKey())).append('=').append(escape(e.getValue())).append('\n');
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".answers", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(b.toString());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : p.stringPropertyNames()) m.put(n, p.getProperty(n));
        return m;
    }

    private static String escape(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case ' ' -> b.append(i == 0 ? "\\ " : " ");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String escapeKey(String k) {
        return escape(k).replace("=", "\\=").replace(":", "\\:").replace(" ", "\\ ").replace("#", "\\#");
    }
}
