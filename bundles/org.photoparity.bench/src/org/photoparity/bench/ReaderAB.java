package org.photoparity.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Two builds of the media reader compared in one JVM, taking turns file by file (which one goes first alternates by
 * pass), so that both meet the same load from whatever else runs on the machine: on a shared 2-core machine the
 * timings of separate runs varied by more than the difference being measured. Each build is loaded by its own class
 * loader (its org.photoparity.media jar with the core and metadata-extractor jars of this class path), reads every
 * file of the tree with fingerprints and payload keys on the calling thread, and is charged that thread's CPU time
 * (user and system, nanosecond clock). Both must give the same fingerprint and payload key for every file.
 * <pre>
 * ReaderAB --before MEDIA.jar --after MEDIA.jar --tree DIR [--passes 5]
 * </pre>
 */
public final class ReaderAB {

    private static final long WARM_UP_NANOS = 8_000_000_000L;

    private ReaderAB() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** One build of the reader, reached by reflection through its own class loader. */
    private record Build(Object reader, Method read, Object role, Constructor<?> content, Method fingerprint,
            Method payloadKey) {

        static Build load(Path mediaJar, List<Path> common) throws ReflectiveOperationException, IOException {
            List<URL> urls = new ArrayList<>();
            urls.add(mediaJar.toUri().toURL());
            for (Path p : common) urls.add(p.toUri().toURL());
            @SuppressWarnings("resource") // lives as long as the benchmark
            ClassLoader l = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> reader = l.loadClass("org.photoparity.media.MetadataMediaReader");
            Class<?> role = l.loadClass("org.photoparity.core.model.ResourceRole");
            Class<?> content = l.loadClass("org.photoparity.core.spi.MediaReader$Content");
            Class<?> file = l.loadClass("org.photoparity.media.FileContent");
            Class<?> media = l.loadClass("org.photoparity.core.model.MediaFile");
            return new Build(reader.getConstructor().newInstance(),
                    reader.getMethod("read", int.class, String.class, long.class, long.class, role, content,
                            boolean.class),
                    role.getField("ORIGINAL").get(null), file.getConstructor(Path.class),
                    media.getMethod("fingerprint"), media.getMethod("payloadKey"));
        }

        /** Reads one file; returns its fingerprint and payload key. */
        String read(Path p, long size) throws ReflectiveOperationException {
            Object f = read.invoke(reader, 0, p.getFileName().toString(), size, 1L, role, content.newInstance(p), true);
            return fingerprint.invoke(f) + " " + payloadKey.invoke(f);
        }
    }

    public static int run(String[] args, PrintStream out) {
        Path before = null, after = null, tree = null;
        int passes = 5;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--before" -> before = Path.of(args[++i]);
                    case "--after" -> after = Path.of(args[++i]);
                    case "--tree" -> tree = Path.of(args[++i]);
                    case "--passes" -> passes = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (before == null || after == null || tree == null) {
                throw new IllegalArgumentException("--before, --after and --tree are required");
            }
            if (passes < 1) throw new IllegalArgumentException("--passes must be at least 1");
        } catch (RuntimeException e) {
            out.println("reader-ab: " + e.getMessage());
            out.println("usage: reader-ab --before MEDIA.jar --after MEDIA.jar --tree DIR [--passes N]");
            return 2;
        }
        try {
            return measure(before, after, tree, passes, out);
        } catch (IOException | ReflectiveOperationException e) {
            out.println("reader-ab failed: " + e);
            return 1;
        }
    }

    private static int measure(Path beforeJar, Path afterJar, Path tree, int passes, PrintStream out)
            throws IOException, ReflectiveOperationException {
        List<Path> common = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("org.photoparity.core-") || name.startsWith("metadata-extractor-")
                    || name.startsWith("xmpcore-")) {
                common.add(Path.of(entry));
            }
        }
        Build[] builds = {Build.load(beforeJar, common), Build.load(afterJar, common)};
        List<Path> files;
        try (Stream<Path> s = Files.walk(tree)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[2];
        long bytes = 0;
        Map<String, long[]> byType = new TreeMap<>(); // CPU of each build, bytes
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        for (int pass = -1; pass < passes; pass++) {
            do {
                for (Path p : files) {
                    long size = Files.size(p);
                    String n = p.getFileName().toString();
                    String type = n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                    String[] keys = new String[2];
                    for (int k = 0; k < 2; k++) {
                        int b = (pass + k) & 1;
                        long t0 = threads.getCurrentThreadCpuTime();
                        keys[b] = builds[b].read(p, size);
                        long t = threads.getCurrentThreadCpuTime() - t0;
                        if (pass >= 0) {
                            cpu[b] += t;
                            byType.computeIfAbsent(type, x -> new long[3])[b] += t;
                        }
                    }
                    if (!keys[0].equals(keys[1])) {
                        out.println("FAIL the builds disagree on " + p + ": " + keys[0] + " against " + keys[1]);
                        return 1;
                    }
                    if (pass >= 0) {
                        bytes += size;
                        byType.get(type)[2] += size;
                    }
                }
            } while (pass < 0 && System.nanoTime() < warmUpEnd);
        }
        out.printf(Locale.ROOT, "tree %s: %d files, %.1f MB; %d passes after a warm-up; the same keys from both%n",
                tree, files.size(), bytes / 1e6 / passes, passes);
        out.printf(Locale.ROOT, "reader thread CPU a pass: before %.3f s (%.4f ns/byte), after %.3f s (%.4f ns/byte),"
                + " after/before %.3f%n", cpu[0] / 1e9 / passes, cpu[0] / (double) bytes, cpu[1] / 1e9 / passes,
                cpu[1] / (double) bytes, cpu[1] / (double) cpu[0]);
        for (var e : byType.entrySet()) {
            long[] v = e.getValue();
            out.printf(Locale.ROOT, "  .%-5s %7.1f MB: before %.4f, after %.4f ns/byte%n", e.getKey(),
                    v[2] / 1e6 / passes, v[0] / (double) v[2], v[1] / (double) v[2]);
        }
        return 0;
    }
}
