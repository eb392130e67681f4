package org.photoparity.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.demo.BulkLibrary;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/**
 * Measures the scanner against the targets on one tree: metadata-only files/s against
 * {@code exiftool -fast2 -j -r}, full-pass bytes/s against {@code cat} to /dev/null (warm cache), rescan speed-up
 * with the scan cache, and a large library scanned within the heap this JVM was given (-Xmx1g in the script).
 * <pre>
 * ScanBench --tree DIR [--assets N] [--width W --height H] [--threads N] [--big N] [--big-tree DIR] [--no-exiftool]
 * </pre>
 * A missing or empty tree is generated (JPEGs of W x H pixels, default 160 x 120) with the demo bundle's BulkLibrary (icloudpd layout, a Live Photo every
 * tenth asset). Prints one line per measurement and a verdict per target; returns 0 when every measured target is
 * met, 1 otherwise, 2 on bad arguments.
 */
public final class ScanBench {

    /** What the full pass is compared with: every file of the tree read once, single-threaded, from a warm cache. */
    /**
     * Untimed runs before each timed pass, so the timings are of compiled code, not of the JIT at work: at least
     * this many, and for at least {@link #WARM_UP_NANOS} (as a JMH warm-up iteration would).
     */
    private static final int WARM_UPS = 3;
    private static final long WARM_UP_NANOS = 5_000_000_000L;

    private static final String CAT = "find \"$1\" -type f -print0 | xargs -0 cat > /dev/null";

    private ScanBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        Path tree = null, bigTree = null;
        int width = 160, height = 120;
        int assets = 20_000, threads = Runtime.getRuntime().availableProcessors(), big = 0;
        boolean exiftool = true;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tree" -> tree = Path.of(args[++i]);
                    case "--assets" -> assets = Integer.parseInt(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--width" -> width = Integer.parseInt(args[++i]);
                    case "--height" -> height = Integer.parseInt(args[++i]);
                    case "--big" -> big = Integer.parseInt(args[++i]);
                    case "--big-tree" -> bigTree = Path.of(args[++i]);
                    case "--no-exiftool" -> exiftool = false;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (tree == null) throw new IllegalArgumentException("--tree DIR is required");
        } catch (RuntimeException e) {
            out.println("bench-scan: " + e.getMessage());
            out.println("usage: bench-scan --tree DIR [--assets N] [--width W --height H] [--threads N] [--big N] [--big-tree DIR] "
                    + "[--no-exiftool]");
            return 2;
        }
        try {
            return measure(tree, assets, width, height, threads, exiftool, big, bigTree, out);
        } catch (IOException | InterruptedException e) {
            out.println("bench-scan failed: " + e.getMessage());
            return 1;
        }
    }

    private static int measure(Path tree, int assets, int width, int height, int threads, boolean exiftool, int big, Path bigTree,
            PrintStream out) throws IOException, InterruptedException {
        ensureTree(tree, assets, width, height, out);
        long[] filesBytes = countFiles(tree);
        out.printf(Locale.ROOT, "tree %s: %,d files, %,.1f MB, %d threads%n", tree, filesBytes[0],
                filesBytes[1] / 1e6, threads);
        boolean ok = true;

        // warm the page cache (cat itself is timed next to the full scan, below)
        shell(CAT, tree);

        Scanner scanner = Scanner.standard();
        ScanOptions metaOpts = new ScanOptions(true, threads, null);
        ScanOptions fullOpts = new ScanOptions(false, threads, null);
        warmUp(() -> scan(scanner, tree, metaOpts));
        double metaSeconds = best(3, () -> scan(scanner, tree, metaOpts));
        SideInventory inv = scan(scanner, tree, metaOpts);
        double metaRate = inv.filesSeen() / metaSeconds;
        out.printf(Locale.ROOT, "metadata-only scan: %.3f s, %,.0f files/s (%,d assets, %,d read, %,d unreadable)%n",
                metaSeconds, metaRate, inv.assets().size(), inv.filesRead(), inv.unreadable().size());

        if (exiftool) {
            double exifSeconds = best(1, () -> shell("exiftool -fast2 -j -r \"$1\" > /dev/null 2>&1", tree));
            if (exifSeconds < 0) {
                out.println("exiftool: not found (install libimage-exiftool-perl) - comparison skipped");
            } else {
                double exifRate = filesBytes[0] / exifSeconds;
                double ratio = metaRate / exifRate;
                out.printf(Locale.ROOT, "exiftool -fast2 -j -r: %.3f s, %,.0f files/s%n", exifSeconds, exifRate);
                ok &= verdict(out, "metadata-only vs exiftool", ratio, 30);
            }
        }

        // cat and the full scan are timed in turns, best of 3 each, so both meet the same load from whatever else
        // runs on the machine; the scan gets one untimed run first as cat got its warm-up (JIT of the hash loop)
        warmUp(() -> scan(scanner, tree, fullOpts));
        double catSeconds = Double.MAX_VALUE, fullSeconds = Double.MAX_VALUE;
        long[] cpu = new long[2];
        for (int i = 0; i < 3; i++) {
            catSeconds = Math.min(catSeconds, best(1, () -> shell(CAT, tree)));
            long[] before = cpuTicks();
            fullSeconds = Math.min(fullSeconds, best(1, () -> scan(scanner, tree, fullOpts)));
            long[] after = cpuTicks();
            cpu[0] += after[0] - before[0];
            cpu[1] += after[1] - before[1];
        }
        double catMBs = filesBytes[1] / 1e6 / catSeconds;
        out.printf(Locale.ROOT, "cat to /dev/null (warm): %.3f s, %,.0f MB/s%n", catSeconds, catMBs);
        double fullMBs = filesBytes[1] / 1e6 / fullSeconds;
        out.printf(Locale.ROOT, "full scan with fingerprints: %.3f s, %,.0f MB/s%n", fullSeconds, fullMBs);
        if (cpuTicks()[0] >= 0) {
            // the whole JVM's CPU (JIT and GC included, little after the warm-up), per run, of the 3 timed runs
            out.printf(Locale.ROOT, "full scan CPU per run: user %.3f s, system %.3f s (mean of 3, 10 ms ticks)%n",
                    cpu[0] / 300.0, cpu[1] / 300.0);
        }
        ok &= verdict(out, "full pass vs cat", fullMBs / catMBs, 1.0);

        Path cacheDir = Files.createTempDirectory("photoparity-bench-cache");
        try {
            Path cache = cacheDir.resolve("scan.bin");
            ScanOptions cached = new ScanOptions(false, threads, cache);
            long t0 = System.nanoTime();
            scan(scanner, tree, cached);
            double first = (System.nanoTime() - t0) / 1e9;
            double rescan = best(3, () -> scan(scanner, tree, cached));
            out.printf(Locale.ROOT, "first scan filling the cache: %.3f s; rescan from cache: %.3f s%n", first, rescan);
            ok &= verdict(out, "rescan speed-up", first / rescan, 20);
        } finally {
            try (Stream<Path> s = Files.walk(cacheDir)) {
                for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) Files.deleteIfExists(p);
            }
        }

        if (big > 0) {
            Path bt = bigTree != null ? bigTree : tree.resolveSibling(tree.getFileName() + "-" + big);
            ensureTree(bt, big, 160, 120, out);
            System.gc();
            long t0 = System.nanoTime();
            SideInventory bigInv = scan(scanner, bt, fullOpts);
            double s = (System.nanoTime() - t0) / 1e9;
            long peak = peakHeap();
            long max = Runtime.getRuntime().maxMemory();
            out.printf(Locale.ROOT, "large library: %,d assets (%,d files) in %.1f s, peak heap %,d MB of max %,d MB%n",
                    bigInv.assets().size(), bigInv.filesSeen(), s, peak >> 20, max >> 20);
            boolean fits = bigInv.assets().size() >= big && max <= (1L << 30) + (64L << 20);
            out.println((fits ? "PASS" : "FAIL") + " " + big + " assets within a " + (max >> 20) + " MB heap"
                    + (max > (1L << 30) + (64L << 20) ? " (run with -Xmx1g to check the 1 GiB target)" : ""));
            ok &= fits;
        }
        return ok ? 0 : 1;
    }

    private static void warmUp(Step step) throws IOException, InterruptedException {
        long end = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 0; i < WARM_UPS || System.nanoTime() < end; i++) step.run();
    }

    private static boolean verdict(PrintStream out, String what, double ratio, double target) {
        boolean pass = ratio >= target;
        out.printf(Locale.ROOT, "%s %s: %.2fx (target >= %sx)%n", pass ? "PASS" : "FAIL", what, ratio,
                target == (long) target ? String.valueOf((long) target) : String.valueOf(target));
        return pass;
    }

    private static void ensureTree(Path tree, int assets, int width, int height, PrintStream out) throws IOException {
        boolean empty = !Files.exists(tree);
        if (!empty) {
            try (Stream<Path> s = Files.list(tree)) {
                empty = s.findAny().isEmpty();
            }
        }
        if (!empty) return;
        long t0 = System.nanoTime();
        BulkLibrary.Summary sum = BulkLibrary.write(tree, assets, 1L,
                BulkLibrary.Options.defaults().withLayout(BulkLibrary.Layout.ICLOUDPD).withSize(width, height), new NullProgressMonitor());
        out.printf(Locale.ROOT, "generated %s: %,d assets, %,d files, %,.1f MB in %.1f s%n", tree, sum.assets(),
                sum.files(), sum.bytes() / 1e6, (System.nanoTime() - t0) / 1e9);
    }

    private static long[] countFiles(Path tree) throws IOException {
        long[] r = new long[2];
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                r[0]++;
                r[1] += Files.size(p);
            }
        }
        return r;
    }

    private static SideInventory scan(Scanner scanner, Path tree, ScanOptions o) throws IOException {
        return scanner.scanSide(SideRole.DEVICE, List.of(tree.toString()), o, new NullProgressMonitor());
    }

    @FunctionalInterface
    private interface Step {
        Object run() throws IOException, InterruptedException;
    }

    /** The best of n timed runs, in seconds; -1 when the step reports a missing tool. */
    private static double best(int n, Step step) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            Object r = step.run();
            if (r instanceof Integer code && code == 127) return -1;
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    private static Integer shell(String script, Path arg) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script, "sh", arg.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + script);
        }
        return p.exitValue();
    }

    /**
     * This process's user and system CPU time so far in clock ticks (/proc/self/stat fields 14 and 15, 100 per
     * second on Linux), {-1, -1} where there is no /proc.
     */
    private static long[] cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    private static long peakHeap() {
        long sum = 0;
        List<MemoryPoolMXBean> pools = new ArrayList<>(ManagementFactory.getMemoryPoolMXBeans());
        for (MemoryPoolMXBean b : pools) {
            if (b.getType() == MemoryType.HEAP && b.getPeakUsage() != null) sum += b.getPeakUsage().getUsed();
        }
        return sum;
    }
}
