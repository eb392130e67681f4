package org.photoparity.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.model.SourceRef;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.ISource;
import org.photoparity.media.MetadataMediaReader;

/**
 * Scans the sources of one side into a {@link SideInventory}: what the command line's {@code scan} and the
 * workbench call. A spec is a path, optionally prefixed with a source kind ({@code zip:/x/y.zip}) that overrides
 * auto-detection; otherwise the registered source that recognizes the path most surely wins (ties: higher priority,
 * then id). Files are read in parallel on a bounded pool, a bad file never stops the scan, and the counts add up:
 * files seen = read + unreadable + ignored (a file that could not be parsed is an asset with its reason and counts
 * as unreadable). A source that cannot be read at all (a corrupt zip) is one unreadable entry naming it; the other
 * sources are still scanned.
 */
public final class Scanner {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]+");

    private final List<SourceEntry> sources;

    public Scanner(List<SourceEntry> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The sources contributed to org.photoparity.core.sources. */
    public static Scanner fromRegistry() {
        List<SourceEntry> list = new ArrayList<>();
        for (Contribution<ISource> c : PhotoParityRegistry.get().sources()) {
            list.add(new SourceEntry(c.id(), c.name(), c.intAttribute("priority", 0), c.instance()));
        }
        return new Scanner(list);
    }

    /**
     * The registry's sources: the platform's inside the product, the plugin.xml files on the class path outside it
     * (there is no second list of sources in Java).
     */
    public static Scanner standard() {
        return fromRegistry();
    }

    /** Scans with {@link #standard()}. */
    public static SideInventory scan(SideRole side, List<String> specs, ScanOptions options,
            IProgressMonitor monitor) throws IOException {
        return standard().scanSide(side, specs, options, monitor);
    }

    public List<SourceEntry> sources() {
        return sources;
    }

    /** A spec resolved to its path and the source that reads it. */
    public record Resolved(String spec, Path path, SourceEntry source) {
    }

    /** The outcome of a scan with what the cache did, and how each source went. */
    public record Result(SideInventory inventory, long cacheHits, long cacheMisses, String cacheNote,
            List<SourceOutcome> outcomes) {
        public Result {
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        }

        /**
         * Why the side as a whole could not be read, or null: every source was refused or yielded nothing but
         * unreadable files. A side that was read and is empty (an empty download folder) is not unreadable.
         */
        public String unreadableSide() {
            if (outcomes.isEmpty()) return null;
            StringBuilder why = new StringBuilder();
            for (SourceOutcome o : outcomes) {
                if (!o.unread()) return null;
                if (why.length() > 0) why.append("; ");
                why.append(o.why());
            }
            return why.toString();
        }
    }

    /**
     * How one source went: {@code refused} is the source's own message when it could not be read at all; the
     * counts are what it reported.
     */
    public record SourceOutcome(String path, String kind, String refused, long read, long listings, long unreadable,
            String firstUnreadable) {

        /** Nothing was had from it: refused, or files were seen and none could be read (and it gave no listing). */
        public boolean unread() {
            return refused != null || (read == 0 && listings == 0 && unreadable > 0);
        }

        public String why() {
            if (refused != null) return refused;
            return path + ": all " + unreadable + " files unreadable (" + firstUnreadable + ")";
        }
    }

    public SideInventory scanSide(SideRole side, List<String> specs, ScanOptions options, IProgressMonitor monitor)
            throws IOException {
        return run(side, specs, options, monitor).inventory();
    }

    /**
     * Resolves a spec. {@code kind:path} picks the source by id; a bare path goes to the source that recognizes it.
     *
     * @throws IOException when the path does not exist, the kind is unknown, or no source reads the path
     */
    /**
     * What a spec is, in a few words for a list row: "Folder of photos", "iOS backup (unencrypted, Finder/iTunes)",
     * or why it cannot be read ("not found", an unknown kind). Cheap: a name and a few bytes, never a scan.
     */
    public SpecStatus describe(String spec) {
        if (spec == null || spec.isBlank()) return new SpecStatus(false, "empty");
        try {
            Resolved r = resolve(spec.strip());
            return new SpecStatus(true, r.source().name());
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            if (m.startsWith("Source not found")) m = "not found (check the path, and that the disk is mounted)";
            return new SpecStatus(false, m);
        }
    }

    /** A spec's status for people: readable and recognised as what, or why not. */
    public record SpecStatus(boolean ok, String text) {
    }

    public Resolved resolve(String spec) throws IOException {
        String kind = null;
        String p = spec;
        int colon = spec.indexOf(':');
        if (colon > 1 && KIND.matcher(spec.substring(0, colon)).matches()) {
            kind = spec.substring(0, colon);
            p = spec.substring(colon + 1);
        }
        SourceEntry chosen = null;
        if (kind != null) {
            for (SourceEntry e : sources) {
                if (e.id().equals(kind)) chosen = e;
            }
            if (chosen == null) {
                if (Files.exists(Path.of(spec))) {
                    kind = null; // a path that merely contains a colon
                    p = spec;
                } else {
                    throw new IOException("Unknown source kind '" + kind + "' in '" + spec + "'. Known kinds: "
                            + String.join(", ", sources.stream().map(SourceEntry::id).toList()) + ".");
                }
            }
        }
        Path path = Path.of(p).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IOException("Source not found: " + path + ". Check the path (and that the disk is mounted).");
        }
        if (chosen != null) return new Resolved(spec, path, chosen);
        int best = 0;
        for (SourceEntry e : sources) {
            int score;
            try {
                score = e.source().recognize(path);
            } catch (RuntimeException ex) {
                score = 0;
            }
            if (score > best || (score == best && score > 0 && chosen != null
                    && (e.priority() > chosen.priority()
                            || (e.priority() == chosen.priority() && e.id().compareTo(chosen.id()) < 0)))) {
                best = score;
                chosen = e;
            }
        }
        if (chosen == null) {
            throw new IOException("No source reads " + path + ": give a folder of photos, a .zip, or prefix the path "
                    + "with its kind (" + String.join(", ", sources.stream().map(e -> e.id() + ":").toList())
                    + ").");
        }
        return new Resolved(spec, path, chosen);
    }

    /**
     * How many files a scan of {@code specs} will report (see {@link org.photoparity.core.spi.ISource#count}), or -1
     * when a source cannot tell cheaply. Names only: nothing is opened.
     */
    public long count(List<String> specs, IProgressMonitor monitor) throws IOException {
        long n = 0;
        for (String s : specs) {
            Resolved r = resolve(s);
            long c = r.source().source().count(r.path(), monitor);
            if (c < 0) return -1;
            n += c;
        }
        return n;
    }

    public Result run(SideRole side, List<String> specs, ScanOptions options, IProgressMonitor monitor)
            throws IOException {
        List<Resolved> resolved = new ArrayList<>();
        for (String s : specs) resolved.add(resolve(s));
        org.photoparity.core.spi.PhaseProgress progress = org.photoparity.core.spi.PhaseProgress.orNone(
                options.progress());
        long expected = options.expectedFiles();
        if (options.progress() != null && expected < 0) {
            progress.step(org.photoparity.core.spi.PhaseProgress.Step.of(
                    org.photoparity.core.spi.PhaseProgress.Phase.COUNTING, side.key(), 0, -1));
            expected = count(specs, monitor);
        }
        ScanCache cache = null;
        if (options.cacheFile() != null) {
            Path cf = options.cacheFile().toAbsolutePath().normalize();
            for (Resolved r : resolved) {
                Path root = r.path().toRealPath();
                Path real = realPrefix(cf);
                if (real.startsWith(root) || cf.startsWith(r.path())) {
                    throw new IOException("The scan cache " + cf + " is inside the source " + r.path()
                            + ": PhotoParity never writes under a source. Choose a cache file elsewhere.");
                }
            }
            cache = ScanCache.load(cf);
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Scanning the " + side.key() + " side", resolved.size() + 1);
        SideCollector out = new SideCollector();
        MetadataMediaReader reader = new MetadataMediaReader();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), daemonThreads());
        List<SourceRef> refs = new ArrayList<>();
        List<SourceOutcome> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < resolved.size(); i++) {
                Resolved r = resolved.get(i);
                refs.add(new SourceRef(r.path().toString(), r.source().id()));
                SubMonitor part = sub.split(1);
                part.setTaskName("Scanning " + r.path());
                String label = r.path().getFileName() == null ? r.path().toString()
                        : r.path().getFileName().toString();
                SourceScan ctx = new SourceScan(out, i, side, options.metadataOnly(), part,
                        new CachingReader(reader, cache, r.source().id() + ":" + r.path()), pool, options.threads(),
                        label, progress, expected);
                if (i == 0) ctx.progressNow();
                long read0 = out.read.get();
                long listings0 = out.listings.size();
                long unreadable0 = out.unreadableCount.get();
                String refused = null;
                try {
                    r.source().source().scan(r.path(), ctx);
                } catch (OperationCanceledException e) {
                    throw e;
                } catch (IOException e) {
                    ctx.unreadable(label, e.getMessage());
                    refused = e.getMessage();
                } catch (RuntimeException e) {
                    ctx.unreadable(label, "the " + r.source().id() + " source stopped: " + e);
                    refused = r.path() + ": the " + r.source().id() + " source stopped: " + e;
                }
                final int index = i;
                String first = out.unreadable.stream().filter(f -> f.source() == index).findFirst()
                        .map(f -> f.path() + ": " + f.reason()).orElse(null);
                outcomes.add(new SourceOutcome(r.path().toString(), r.source().id(), refused,
                        out.read.get() - read0, out.listings.size() - listings0,
                        out.unreadableCount.get() - unreadable0, first));
                if (part.isCanceled()) throw new OperationCanceledException();
            }
        } finally {
            pool.shutdownNow();
        }
        out.tell(progress, side, expected);
        // a source that lacks parts the side's other sources are (Part 1 and Part 2 given as two sources) is not
        java.util.Set<String> given = new java.util.HashSet<>();
        for (SourceRef s : refs) given.add(partName(Path.of(s.path())));
        for (int i = 0; i < refs.size(); i++) {
            String lacks = out.incomplete.get(i);
            if (lacks == null) continue;
            List<String> missing = out.completedBy.getOrDefault(i, List.of());
            boolean completed = !missing.isEmpty()
                    && missing.stream().allMatch(m -> given.contains(m.toLowerCase(java.util.Locale.ROOT)));
            if (!completed) refs.set(i, new SourceRef(refs.get(i).path(), refs.get(i).kind(), lacks));
        }
        sub.split(1).setTaskName("Grouping files into assets");
        List<MediaFile> files = new ArrayList<>(out.files);
        List<Listing> listings = new ArrayList<>(out.listings);
        Comparator<FileIssue> order = Comparator.comparingInt(FileIssue::source).thenComparing(FileIssue::path);
        List<FileIssue> unreadable = new ArrayList<>(out.unreadable);
        unreadable.sort(order);
        List<FileIssue> ignored = new ArrayList<>(out.ignored);
        ignored.sort(order);
        SideInventory inv = new SideInventory(side, refs, new AssetAssembler().assemble(files, listings), unreadable,
                ignored, out.seen.get(), out.read.get(), out.bytes.get());
        String note = null;
        if (cache != null) {
            note = cache.problem() == null ? null : "scan cache " + cache.file() + " " + cache.problem();
            try {
                cache.save();
            } catch (IOException e) {
                note = "scan cache " + cache.file() + " could not be saved: " + e.getMessage();
            }
        }
        return new Result(inv, cache == null ? 0 : cache.hits(), cache == null ? 0 : cache.misses(), note, outcomes);
    }

    /**
     * A source's file or folder name, lower case, without .zip nor a browser's " (1)" for a second download: what
     * ScanContext.incomplete names.
     */
    private static String partName(Path p) {
        Path n = p.getFileName();
        String s = n == null ? "" : n.toString().toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith(".zip")) s = s.substring(0, s.length() - 4);
        return s.replaceFirst("\\s*\\(\\d{1,3}\\)$", "");
    }

    /** The real path of the longest existing prefix of p, with the rest appended (p may not exist yet). */
    private static Path realPrefix(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) return p;
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest);
        } catch (IOException e) {
            return p;
        }
    }

    static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "photoparity-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
