package org.photoparity.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.Reconciliation;
import org.photoparity.match.Reconciler;

/**
 * Times the reconciliation of synthetic sides (see {@link SyntheticSides}) once both are built, the way a scan hands
 * them over: warm-up runs, then the best and the median of N timed runs per size, with the time of each comparator
 * in the best run. Also checks that every planted difference is found, so a fast wrong answer does not pass.
 *
 * <pre>bench-match [--sizes 10000,100000,1000000] [--runs 5] [--warmup 3]</pre>
 */
public final class MatchBench {

    private MatchBench() {
    }

    /** For a plain JVM with this bundle, core and equinox.common on the class path (no product build needed). */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** 0 when every size ran and found exactly what was planted; 1 when not; 2 on bad arguments. */
    public static int run(String[] args, PrintStream out) {
        int[] sizes = {10_000, 100_000, 1_000_000};
        int runs = 5, warmup = 3;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--sizes" -> sizes = Arrays.stream(value(args, ++i).split(",")).map(String::trim)
                            .mapToInt(Integer::parseInt).toArray();
                    case "--runs" -> runs = Integer.parseInt(value(args, ++i));
                    case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                    case "--help", "-h" -> {
                        out.println("bench-match [--sizes 10000,100000,1000000] [--runs 5] [--warmup 3]");
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (runs < 1 || warmup < 0 || Arrays.stream(sizes).anyMatch(s -> s < 100)) {
                throw new IllegalArgumentException("--runs must be 1 or more, --warmup 0 or more, sizes 100 or more");
            }
        } catch (IllegalArgumentException e) { // NumberFormatException too
            out.println("bench-match: " + e.getMessage());
            out.println("usage: bench-match [--sizes 10000,100000,1000000] [--runs 5] [--warmup 3]");
            return 2;
        }
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "PhotoParity match benchmark: reconcile only, both sides built beforehand%n");
        out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB; warm-up %d, best and median of %d%n",
                System.getProperty("java.version"), rt.availableProcessors(), rt.maxMemory() >> 20, warmup, runs);
        out.printf(Locale.ROOT, "%12s %12s %10s %10s %10s %12s %9s%n", "assets/side", "cloud", "best ms", "median ms",
                "ns/asset", "ns/(n log2n)", "planted");
        boolean ok = true;
        List<String> breakdowns = new ArrayList<>();
        for (int n : sizes) {
            SyntheticSides s;
            try {
                s = SyntheticSides.generate(n);
            } catch (OutOfMemoryError e) {
                out.printf(Locale.ROOT, "%12d  not enough heap to build the sides (max %d MB): set PHOTOPARITY_JAVA_OPTS="
                        + "-Xmx6g or more and run again%n", n, rt.maxMemory() >> 20);
                ok = false;
                continue;
            }
            try {
                Reconciler rec = new Reconciler();
                for (int w = 0; w < warmup; w++) rec.reconcile(s.device, s.cloud, Reconciler.registryChain(), Map.of(),
                        new NullProgressMonitor());
                long[] times = new long[runs];
                Map<String, Long> bestSteps = null;
                ReconcileResult last = null;
                long best = Long.MAX_VALUE;
                for (int k = 0; k < runs; k++) {
                    System.gc();
                    Map<String, Long> steps = new LinkedHashMap<>();
                    long t0 = System.nanoTime();
                    last = rec.reconcile(s.device, s.cloud, timed(steps), Map.of(), new NullProgressMonitor());
                    times[k] = System.nanoTime() - t0;
                    if (times[k] < best) {
                        best = times[k];
                        bestSteps = steps;
                    }
                }
                long[] sorted = times.clone();
                Arrays.sort(sorted);
                long median = sorted[runs / 2];
                boolean found = last.counts().equals(s.planted) && last.identical() == s.identical;
                ok &= found;
                out.printf(Locale.ROOT, "%12d %12d %10.1f %10.1f %10.0f %12.2f %9s%n", n, s.cloud.assets().size(),
                        best / 1e6, median / 1e6, (double) best / n, best / (n * (Math.log(n) / Math.log(2))),
                        found ? "found" : "MISSED");
                if (!found) {
                    out.printf(Locale.ROOT, "    planted %s, identical %d%n    found   %s, identical %d%n", s.planted,
                            s.identical, last.counts(), last.identical());
                }
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d per side, best run:", n));
                bestSteps.forEach((id, ns) -> b.append(String.format(Locale.ROOT, " %s %.1f ms,", id, ns / 1e6)));
                b.setLength(b.length() - 1);
                breakdowns.add(b.toString());
            } catch (OutOfMemoryError e) {
                out.printf(Locale.ROOT, "%12d  not enough heap to reconcile (max %d MB): set PHOTOPARITY_JAVA_OPTS="
                        + "-Xmx6g or more and run again%n", n, rt.maxMemory() >> 20);
                ok = false;
            }
            s = null; // let the next size have the heap
        }
        out.println("Time per comparator (ms):");
        for (String b : breakdowns) out.println("  " + b);
        out.println(ok ? "Every planted difference was found." : "Some sizes did not run or missed planted differences.");
        return ok ? 0 : 1;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) throw new IllegalArgumentException(args[i - 1] + " needs a value");
        return args[i];
    }

    /** The registry's chain (what the product runs), each step timed into {@code steps} (id to nanoseconds). */
    private static List<IComparator> timed(Map<String, Long> steps) {
        List<Contribution<IComparator>> chain = PhotoParityRegistry.get().comparators();
        List<IComparator> out = new ArrayList<>(chain.size());
        for (Contribution<IComparator> contribution : chain) {
            IComparator c = contribution.instance();
            String id = contribution.id();
            out.add((Reconciliation r, IProgressMonitor m) -> {
                long t0 = System.nanoTime();
                c.run(r, m);
                steps.merge(id, System.nanoTime() - t0, Long::sum);
            });
        }
        return out;
    }
}
