package org.photoparity.cases;

import org.photoparity.core.io.AtomicWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A case: a folder the technician chose, holding {@code case.json} (sources, evidence, settings, checklist, last
 * figures), {@code answers.properties}, {@code cache/} (scan cache), {@code evidence/} (device evidence read by the
 * workbench) and {@code results/} (the last reports). case.json is always replaced atomically. See CASE-FORMAT.md.
 */
public final class CaseFolder {

    public static final int FORMAT_VERSION = 1;
    public static final String CASE_FILE = "case.json";
    public static final String CACHE_DIR = "cache";
    public static final String RESULTS_DIR = "results";
    public static final String EVIDENCE_DIR = "evidence";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private CaseData data;

    private CaseFolder(Path dir, CaseData data) {
        this.dir = dir;
        this.data = data;
    }

    /** True when {@code dir} holds a case.json. */
    public static boolean isCase(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve(CASE_FILE));
    }

    /**
     * Makes {@code dir} a case folder (creating it when needed) and writes its case.json.
     *
     * @throws IOException when dir already holds a case (open it instead) or cannot be written
     */
    public static CaseFolder create(Path dir, CaseData data) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (isCase(abs)) {
            throw new IOException(abs.resolve(CASE_FILE) + " already exists: open that case instead, or choose an "
                    + "empty folder for the new one.");
        }
        Files.createDirectories(abs);
        Files.createDirectories(abs.resolve(CACHE_DIR));
        Files.createDirectories(abs.resolve(RESULTS_DIR));
        CaseFolder c = new CaseFolder(abs, data);
        c.save(data);
        return c;
    }

    /**
     * Opens the case in {@code dir}. Temp files a crashed save left behind are removed; they never hold the case.
     *
     * @throws CaseFormatException when case.json is missing, not JSON, or from a newer PhotoParity
     */
    public static CaseFolder open(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        Path file = abs.resolve(CASE_FILE);
        if (!Files.isRegularFile(file)) {
            throw new CaseFormatException(file, "no case.json here. Choose the folder you created the case in, or "
                    + "create a new case.");
        }
        AtomicWriter.removeLeftoverTemps(abs, CASE_FILE);
        CaseData d = read(file, Files.readAllBytes(file));
        return new CaseFolder(abs, d);
    }

    public Path dir() {
        return dir;
    }

    public Path caseFile() {
        return dir.resolve(CASE_FILE);
    }

    public Path answersFile() {
        return dir.resolve(data().answers());
    }

    public Path cacheDir() {
        return dir.resolve(CACHE_DIR);
    }

    public Path resultsDir() {
        return dir.resolve(RESULTS_DIR);
    }

    public Path evidenceDir() {
        return dir.resolve(EVIDENCE_DIR);
    }

    public synchronized CaseData data() {
        return data;
    }

    /** A path from case.json: relative ones are relative to the case folder. */
    public Path resolve(String path) {
        return dir.resolve(path).normalize();
    }

    public List<Path> resolveAll(List<String> paths) {
        List<Path> out = new ArrayList<>();
        for (String p : paths) out.add(resolve(p));
        return out;
    }

    /** Replaces case.json atomically with {@code newData}. */
    public synchronized void save(CaseData newData) throws IOException {
        AtomicWriter.write(caseFile(), toJson(newData));
        data = newData;
    }

    /** Applies {@code change} to the current data and saves the result atomically. */
    public synchronized CaseData update(UnaryOperator<CaseData> change) throws IOException {
        CaseData next = change.apply(data);
        save(next);
        return next;
    }

    // ---- JSON -------------------------------------------------------------------------------------------------

    public static byte[] toJson(CaseData d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("name", d.name());
        if (d.created() != null) root.put("created", d.created());
        strings(root.putArray("deviceSources"), d.deviceSources());
        strings(root.putArray("cloudSources"), d.cloudSources());
        ObjectNode ev = root.putObject("evidence");
        strings(ev.putArray("deviceInfo"), d.deviceInfo());
        if (d.backup() != null) ev.put("backup", d.backup());
        ev.put("answers", d.answers());
        ObjectNode settings = root.putObject("settings");
        d.settings().forEach(settings::put);
        ObjectNode checklist = root.putObject("checklist");
        d.checklist().forEach((k, v) -> {
            ArrayNode a = checklist.putArray(k);
            v.forEach(a::add);
        });
        LastAnalysis l = d.lastAnalysis();
        if (l != null) {
            ObjectNode la = root.putObject("lastAnalysis");
            la.put("analyzedAt", l.analyzedAt());
            la.put("millis", l.millis());
            la.put("deviceAssets", l.deviceAssets());
            la.put("cloudAssets", l.cloudAssets());
            la.put("identical", l.identical());
            ObjectNode counts = la.putObject("counts");
            l.counts().forEach(counts::put);
            ObjectNode probes = la.putObject("probes");
            l.probes().forEach(probes::put);
            strings(la.putArray("warnings"), l.warnings());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case.json could not be serialised", e);
        }
    }

    public static CaseData read(Path file, byte[] bytes) throws CaseFormatException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new CaseFormatException(file, "not valid JSON (" + why + "). Restore it from "
                    + "a backup, or create a new case with the same sources.", e);
        }
        if (root == null || !root.isObject()) {
            throw new CaseFormatException(file, "not a PhotoParity case file (expected a JSON object).");
        }
        JsonNode v = root.get("formatVersion");
        if (v == null || !v.canConvertToInt()) {
            throw new CaseFormatException(file, "not a PhotoParity case file (no formatVersion).");
        }
        int version = v.asInt();
        if (version > FORMAT_VERSION) {
            throw new CaseFormatException(file, "written by a newer PhotoParity (case format version " + version
                    + "); this PhotoParity reads version " + FORMAT_VERSION + ". Update PhotoParity to open it.");
        }
        if (version < 1) {
            throw new CaseFormatException(file, "unknown case format version " + version + ".");
        }
        String name = text(root, "name");
        if (name == null || name.isBlank()) throw new CaseFormatException(file, "the case has no name.");
        JsonNode ev = root.path("evidence");
        Map<String, List<Integer>> checklist = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("checklist").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            List<Integer> ticked = new ArrayList<>();
            for (JsonNode n : e.getValue()) {
                if (n.canConvertToInt()) ticked.add(n.asInt());
            }
            checklist.put(e.getKey(), ticked);
        }
        LastAnalysis last = null;
        JsonNode la = root.get("lastAnalysis");
        if (la != null && la.isObject()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            la.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            last = new LastAnalysis(text(la, "analyzedAt"), la.path("millis").asLong(),
                    la.path("deviceAssets").asLong(), la.path("cloudAssets").asLong(), la.path("identical").asLong(),
                    counts, stringMap(la.path("probes")), stringList(la.path("warnings")));
        }
        return new CaseData(name, stringList(root.path("deviceSources")), stringList(root.path("cloudSources")),
                stringList(ev.path("deviceInfo")), text(ev, "backup"), text(ev, "answers"),
                stringMap(root.path("settings")), checklist, text(root, "created"), last);
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static String text(JsonNode n, String field) {
        JsonNode f = n.get(field);
        return f == null || f.isNull() ? null : f.asText();
    }

    private static List<String> stringList(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) out.add(e.asText());
        return out;
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
