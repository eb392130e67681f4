package org.photoparity.engine;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.photoparity.cases.CaseFolder;
import org.photoparity.core.io.AtomicWriter;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * A case's last results, kept so that opening the case shows them at once without analysing again:
 * {@code results/last-results.json} holds the whole reconciliation (both sides' assets, every mismatch), the probe
 * results and warnings, when the analysis ran, and a stamp of the sources taken just before the scan. Opening a
 * case reads it back ({@link #read}) and compares the stamp with the sources as they are now ({@link #changed}):
 * the sources as configured in case.json, and for each source path every regular file under it (relative path, size,
 * modified time), digested. A file added, removed, resized or touched, or a source added to or removed from the case,
 * changes the stamp; a source given as something other than a local path (none today) counts only by its text.
 * The evidence (device info, backup) is not stamped: it is re-read by Re-run and by the next analysis.
 *
 * <p>Each asset is written once: in full in its side's list, and a mismatch refers to it by its index in the list of
 * the side of the same role (device assets to the device side, cloud assets to the cloud side); a mismatch's asset
 * that is not in that list (a listing-only asset, a result built elsewhere) is written in full in the mismatch.
 * Read back, a mismatch holds its side's very asset objects.
 *
 * <p>The file is written through {@link AtomicWriter} after each case analysis ({@link CaseAnalysis#run}); schema
 * changes bump {@link #SCHEMA} and an older or unreadable file is ignored (the case is then analysed again).
 */
public final class SavedResults {

    /**
     * Version of the file's layout; bumped whenever a model record changes shape. 2: SourceRef.incomplete,
     * Category.UNREADABLE_COPY, Sharing.SHARED_LIBRARY (results of 1 were matched without them: analysed again).
     * 3: a mismatch's deviceAssets/cloudAssets hold the index of an asset in its side's list (an asset in full only
     * when the side has none equal to it), so each asset is in the file once (2 wrote every mismatched asset twice).
     */
    public static final int SCHEMA = 3;
    public static final String FILE = "last-results.json";
    /** Bound on the file read back (a 100k-asset library is well under this). */
    static final long MAX_BYTES = 1L << 30;
    /** Bound on the files walked for a stamp. */
    static final long MAX_FILES = 5_000_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(16 << 20).build()).build();

    /**
     * What was saved.
     *
     * @param analyzedAt when the analysis finished
     * @param stamp      the sources' stamp taken before the scan
     */
    public record Saved(Instant analyzedAt, String stamp, ReconcileResult result, List<ProbeResult> probes,
            List<String> warnings) {
    }

    private SavedResults() {
    }

    public static Path file(CaseFolder c) {
        return c.resultsDir().resolve(FILE);
    }

    /** Writes {@code r} as the case's last results (atomically). */
    public static void write(CaseFolder c, AnalysisResult r, String stamp, Instant analyzedAt) throws IOException {
        Files.createDirectories(c.resultsDir());
        AtomicWriter.write(file(c), out -> {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeNumberField("schema", SCHEMA);
                g.writeStringField("analyzedAt", analyzedAt.toString());
                g.writeStringField("stamp", stamp);
                g.writeFieldName("result");
                Codec.write(g, r.result(), ReconcileResult.class, new AssetRefs());
                g.writeArrayFieldStart("probes");
                for (ProbeResult p : r.probes()) Codec.write(g, p, ProbeResult.class, null);
                g.writeEndArray();
                g.writeArrayFieldStart("warnings");
                for (String w : r.warnings()) g.writeString(w);
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    /**
     * The case's last results, or null when there are none, they are of another schema, or the file cannot be
     * read (a reason is not needed: the caller analyses again).
     */
    public static Saved read(CaseFolder c) {
        Path f = file(c);
        try {
            if (!Files.isRegularFile(f) || Files.size(f) > MAX_BYTES) return null;
            try (InputStream in = Files.newInputStream(f); JsonParser p = FACTORY.createParser(in)) {
                if (p.nextToken() != JsonToken.START_OBJECT) return null;
                Instant at = null;
                String stamp = null;
                ReconcileResult result = null;
                List<ProbeResult> probes = new ArrayList<>();
                List<String> warnings = new ArrayList<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "schema" -> {
                            if (p.getIntValue() != SCHEMA) return null;
                        }
                        case "analyzedAt" -> at = Instant.parse(p.getText());
                        case "stamp" -> stamp = p.getText();
                        case "result" -> result = (ReconcileResult) Codec.read(p, ReconcileResult.class,
                                new AssetRefs());
                        case "probes" -> {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                probes.add((ProbeResult) Codec.read(p, ProbeResult.class, null));
                            }
                        }
                        case "warnings" -> {
                            while (p.nextToken() != JsonToken.END_ARRAY) warnings.add(p.getText());
                        }
                        default -> p.skipChildren();
                    }
                }
                if (at == null || stamp == null || result == null) return null;
                return new Saved(at, stamp, result, List.copyOf(probes), List.copyOf(warnings));
            }
        } catch (IOException | RuntimeException | ReflectiveOperationException e) {
            return null;
        }
    }

    /** Whether the case's sources differ from what {@code saved} was analysed from (walks the sources). */
    public static boolean changed(CaseFolder c, Saved saved) throws IOException {
        return !stamp(c).equals(saved.stamp());
    }

    /**
     * The stamp of the case's sources as they are now: a digest of the source list as configured and, under each
     * source path, of every regular file's relative path, size and modified time (links are not followed).
     */
    public static String stamp(CaseFolder c) throws IOException {
        CaseSpec spec = CaseAnalysis.spec(c, Map.of());
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] files = { 0 };
        for (String side : List.of("device", "cloud")) {
            for (String s : side.equals("device") ? spec.deviceSources() : spec.cloudSources()) {
                line(md, side + "\t" + s);
                Path root = localPath(s);
                if (root == null) continue;
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    line(md, "missing");
                    continue;
                }
                if (!a.isDirectory()) {
                    line(md, a.size() + "\t" + a.lastModifiedTime().toMillis());
                    continue;
                }
                // sorted, so the digest does not depend on the order the file system lists entries in
                TreeMap<String, String> entries = new TreeMap<>();
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.forEach(p -> {
                        if (++files[0] > MAX_FILES) {
                            throw new IllegalStateException("more than " + MAX_FILES + " files under the sources");
                        }
                        try {
                            BasicFileAttributes fa = Files.readAttributes(p, BasicFileAttributes.class,
                                    LinkOption.NOFOLLOW_LINKS);
                            if (fa.isRegularFile()) {
                                entries.put(root.relativize(p).toString(),
                                        fa.size() + "\t" + fa.lastModifiedTime().toMillis());
                            }
                        } catch (IOException e) {
                            entries.put(root.relativize(p).toString(), "unreadable");
                        }
                    });
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
                for (var e : entries.entrySet()) line(md, e.getKey() + "\t" + e.getValue());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The local path of a source spec ({@code kind:PATH} or a plain path), or null when it names none. */
    static Path localPath(String spec) {
        String s = spec;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[a-z][a-z0-9.-]+:(?!/|\\\\)(.*)$").matcher(s);
        if (m.matches()) s = m.group(1);
        try {
            Path p = Path.of(s);
            return p.isAbsolute() ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void line(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
    }

    /**
     * The assets of one file's sides, so that a mismatch's assets are written as indexes into them: a side's assets
     * are registered when the side has been written (or read), by its role; a mismatch's {@code deviceAssets} refer
     * to the device side's, its {@code cloudAssets} to the cloud side's. An index is written for an asset equal to
     * one of the side's (the first such), the asset in full otherwise. The writer writes the sides before the
     * mismatches (ReconcileResult's order), the reader meets them in the same order.
     */
    static final class AssetRefs {
        private final Map<SideRole, Map<Asset, Integer>> indexes = new EnumMap<>(SideRole.class);
        private final Map<SideRole, List<Asset>> assets = new EnumMap<>(SideRole.class);

        /** The side whose assets a record component refers to, or null when it is not a mismatch's assets. */
        static SideRole side(RecordComponent rc) {
            if (rc.getDeclaringRecord() != Mismatch.class) return null;
            return switch (rc.getName()) {
                case "deviceAssets" -> SideRole.DEVICE;
                case "cloudAssets" -> SideRole.CLOUD;
                default -> null;
            };
        }

        void written(SideInventory s) {
            if (s.role() == null) return;
            Map<Asset, Integer> index = new HashMap<>(s.assets().size() * 2);
            for (int i = 0; i < s.assets().size(); i++) index.putIfAbsent(s.assets().get(i), i);
            indexes.put(s.role(), index);
        }

        void read(SideInventory s) {
            if (s.role() != null) assets.put(s.role(), s.assets());
        }

        void write(JsonGenerator g, Object value, SideRole side) throws IOException {
            if (value == null) {
                g.writeNull();
                return;
            }
            Map<Asset, Integer> index = indexes.getOrDefault(side, Map.of());
            g.writeStartArray();
            for (Object o : (Collection<?>) value) {
                Integer i = o instanceof Asset a ? index.get(a) : null;
                if (i != null) g.writeNumber(i);
                else Codec.write(g, o, Asset.class, this);
            }
            g.writeEndArray();
        }

        List<Asset> read(JsonParser p, SideRole side) throws IOException, ReflectiveOperationException {
            if (p.currentToken() == JsonToken.VALUE_NULL) return null;
            if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException("not a list of assets");
            List<Asset> sideAssets = assets.getOrDefault(side, List.of());
            List<Asset> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    int i = p.getIntValue();
                    if (i < 0 || i >= sideAssets.size()) throw new IOException("no asset " + i + " on the " + side + " side");
                    out.add(sideAssets.get(i));
                } else {
                    out.add((Asset) Codec.read(p, Asset.class, this));
                }
            }
            return out;
        }
    }

    /**
     * Records to JSON and back through their components: strings, numbers, booleans, enums, java.time values,
     * lists, sets, string-keyed maps and nested records. Another type is refused, so a model change that this file
     * cannot carry fails the round-trip test instead of losing data.
     */
    static final class Codec {
        private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new HashMap<>();
        /** Record components per class (Class.getRecordComponents builds new ones at each call). */
        private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
            @Override
            protected RecordComponent[] computeValue(Class<?> type) {
                return type.getRecordComponents();
            }
        };

        private Codec() {
        }

        /**
         * Writes {@code v}; with {@code refs}, a mismatch's assets are written as indexes into the sides written
         * before it (see {@link AssetRefs}).
         */
        static void write(JsonGenerator g, Object v, Type type, AssetRefs refs) throws IOException {
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String s) {
                g.writeString(s);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof Integer i) {
                g.writeNumber(i);
            } else if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else if (v instanceof Enum<?> e) {
                g.writeString(e.name());
            } else if (v instanceof Instant || v instanceof LocalDateTime || v instanceof LocalDate
                    || v instanceof ZoneOffset) {
                g.writeString(v.toString());
            } else if (v instanceof Collection<?> c) {
                Type element = argument(type, 0);
                g.writeStartArray();
                for (Object o : c) write(g, o, element, refs);
                g.writeEndArray();
            } else if (v instanceof Map<?, ?> m) {
                Type value = argument(type, 1);
                g.writeStartObject();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    g.writeFieldName((String) e.getKey());
                    write(g, e.getValue(), value, refs);
                }
                g.writeEndObject();
            } else if (v.getClass().isRecord()) {
                g.writeStartObject();
                for (RecordComponent rc : COMPONENTS.get(v.getClass())) {
                    g.writeFieldName(rc.getName());
                    Object value;
                    try {
                        value = rc.getAccessor().invoke(v);
                    } catch (ReflectiveOperationException e) {
                        throw new IOException("cannot read " + rc, e);
                    }
                    SideRole side = refs == null ? null : AssetRefs.side(rc);
                    if (side != null) refs.write(g, value, side);
                    else write(g, value, rc.getGenericType(), refs);
                }
                g.writeEndObject();
                if (refs != null && v instanceof SideInventory s) refs.written(s);
            } else {
                throw new IllegalArgumentException("cannot save a " + v.getClass().getName());
            }
        }

        /** Reads the value at the parser's current token (with the {@code refs} it was written with). */
        static Object read(JsonParser p, Type type, AssetRefs refs) throws IOException, ReflectiveOperationException {
            if (p.currentToken() == JsonToken.VALUE_NULL) return null;
            Class<?> raw = raw(type);
            if (raw == String.class) return p.getText();
            if (raw == boolean.class || raw == Boolean.class) return p.getBooleanValue();
            if (raw == int.class || raw == Integer.class) return p.getIntValue();
            if (raw == long.class || raw == Long.class) return p.getLongValue();
            if (raw == double.class || raw == Double.class) return p.getDoubleValue();
            if (raw.isEnum()) return enumValue(raw, p.getText());
            if (raw == Instant.class) return Instant.parse(p.getText());
            if (raw == LocalDateTime.class) return LocalDateTime.parse(p.getText());
            if (raw == LocalDate.class) return LocalDate.parse(p.getText());
            if (raw == ZoneOffset.class) return ZoneOffset.of(p.getText());
            if (Collection.class.isAssignableFrom(raw)) {
                Collection<Object> c = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
                Type element = argument(type, 0);
                while (p.nextToken() != JsonToken.END_ARRAY) c.add(read(p, element, refs));
                return c;
            }
            if (Map.class.isAssignableFrom(raw)) {
                Map<String, Object> m = new LinkedHashMap<>();
                Type value = argument(type, 1);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, read(p, value, refs));
                }
                return m;
            }
            if (raw.isRecord()) {
                RecordComponent[] rcs = COMPONENTS.get(raw);
                Object[] args = new Object[rcs.length];
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < rcs.length; i++) {
                    index.put(rcs[i].getName(), i);
                    args[i] = absent(rcs[i].getType());
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Integer i = index.get(p.currentName());
                    p.nextToken();
                    SideRole side = i == null || refs == null ? null : AssetRefs.side(rcs[i]);
                    if (i == null) p.skipChildren();
                    else if (side != null) args[i] = refs.read(p, side);
                    else args[i] = read(p, rcs[i].getGenericType(), refs);
                }
                Object record = constructor(raw, rcs).newInstance(args);
                if (refs != null && record instanceof SideInventory s) refs.read(s);
                return record;
            }
            throw new IllegalArgumentException("cannot read a " + raw.getName());
        }

        @SuppressWarnings({ "unchecked", "rawtypes" })
        private static Object enumValue(Class<?> raw, String name) {
            return Enum.valueOf((Class) raw, name);
        }

        private static synchronized Constructor<?> constructor(Class<?> raw, RecordComponent[] rcs)
                throws NoSuchMethodException {
            Constructor<?> c = CONSTRUCTORS.get(raw);
            if (c == null) {
                Class<?>[] types = new Class<?>[rcs.length];
                for (int i = 0; i < rcs.length; i++) types[i] = rcs[i].getType();
                c = raw.getDeclaredConstructor(types);
                CONSTRUCTORS.put(raw, c);
            }
            return c;
        }

        /** A field missing from the file: empty for collections, zero or false for primitives, else null. */
        private static Object absent(Class<?> t) {
            if (t == boolean.class) return false;
            if (t == int.class) return 0;
            if (t == long.class) return 0L;
            if (t == double.class) return 0.0;
            if (t == List.class) return List.of();
            if (t == Set.class) return Set.of();
            if (t == Map.class) return Map.of();
            return null;
        }

        private static Class<?> raw(Type t) {
            if (t instanceof Class<?> c) return c;
            if (t instanceof ParameterizedType pt) return (Class<?>) pt.getRawType();
            throw new IllegalArgumentException("cannot handle type " + t);
        }

        private static Type argument(Type t, int i) {
            if (t instanceof ParameterizedType pt) return pt.getActualTypeArguments()[i];
            throw new IllegalArgumentException("no type argument in " + t);
        }
    }
}
