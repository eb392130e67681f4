package org.photoparity.extras.perceptual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.IComparator;
import org.photoparity.core.spi.Reconciliation;

/**
 * Pairs still-unmatched photos whose pictures look the same. Runs after the identifier, time and name matchers,
 * so it only sees what they could not decide. A pair needs a unique nearest neighbour within the distance on both
 * sides, and no contradicting Apple identifier: two different shots of the same scene stay two photos.
 */
public final class PerceptualHashComparator implements IComparator {

    public static final String KEY = "perceptual-hash";
    /** Setting: the largest Hamming distance between two 64-bit hashes that still counts as the same picture. */
    public static final String MAX_DISTANCE = "perceptual.maxDistance";

    @Override
    public void run(Reconciliation r, IProgressMonitor monitor) {
        int maxDistance = (int) PhotoParityRegistry.get().settings().longValue(r.settings(), MAX_DISTANCE); // plugin.xml
        List<Asset> device = candidates(r.unmatched(SideRole.DEVICE));
        List<Asset> cloud = candidates(r.unmatched(SideRole.CLOUD));
        if (device.isEmpty() || cloud.isEmpty()) return;
        SubMonitor sub = SubMonitor.convert(monitor, "Comparing pictures", device.size() + cloud.size() + 1);
        Map<Asset, Long> dh = hashes(device, r.device(), sub);
        Map<Asset, Long> ch = hashes(cloud, r.cloud(), sub);

        // Multi-index: split the hash in (maxDistance + 1) chunks; within the distance, at least one chunk is equal.
        int chunks = maxDistance + 1;
        List<Map<Long, List<Asset>>> index = new ArrayList<>();
        for (int i = 0; i < chunks; i++) index.add(new HashMap<>());
        ch.forEach((a, h) -> {
            for (int i = 0; i < chunks; i++) index.get(i).computeIfAbsent(chunk(h, i, chunks), k -> new ArrayList<>()).add(a);
        });
        Map<Asset, Asset> bestForCloud = new HashMap<>();
        Map<Asset, Integer> bestCloudDistance = new HashMap<>();
        Set<Asset> ambiguousCloud = new HashSet<>();
        Map<Asset, Asset> proposal = new HashMap<>();
        for (Map.Entry<Asset, Long> e : dh.entrySet()) {
            if (sub.isCanceled()) throw new OperationCanceledException();
            Set<Asset> seen = new HashSet<>();
            Asset best = null;
            int bestD = Integer.MAX_VALUE;
            boolean tie = false;
            for (int i = 0; i < chunks; i++) {
                for (Asset c : index.get(i).getOrDefault(chunk(e.getValue(), i, chunks), List.of())) {
                    if (!seen.add(c)) continue;
                    int d = DifferenceHash.distance(e.getValue(), ch.get(c));
                    if (d > maxDistance || contradicts(e.getKey(), c)) continue;
                    if (d < bestD) {
                        best = c;
                        bestD = d;
                        tie = false;
                    } else if (d == bestD) {
                        tie = true;
                    }
                }
            }
            if (best == null || tie) continue;
            proposal.put(e.getKey(), best);
            Integer prev = bestCloudDistance.get(best);
            if (prev == null || bestD < prev) {
                bestCloudDistance.put(best, bestD);
                bestForCloud.put(best, e.getKey());
                ambiguousCloud.remove(best);
            } else if (bestD == prev) {
                ambiguousCloud.add(best);
            }
        }
        proposal.forEach((d, c) -> {
            if (!ambiguousCloud.contains(c) && bestForCloud.get(c) == d) r.pair(d, c, KEY);
        });
        sub.done();
    }

    private static long chunk(long hash, int i, int chunks) {
        int width = (64 + chunks - 1) / chunks;
        int from = i * width;
        int to = Math.min(64, from + width);
        if (from >= 64) return 0;
        long mask = to - from == 64 ? -1L : ((1L << (to - from)) - 1);
        return ((hash >>> from) & mask) | ((long) i << 58);
    }

    private static boolean contradicts(Asset a, Asset b) {
        MediaFile x = a.primary();
        MediaFile y = b.primary();
        return differ(x.contentIdentifier(), y.contentIdentifier()) || differ(x.imageUniqueId(), y.imageUniqueId());
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equalsIgnoreCase(b);
    }

    private static List<Asset> candidates(Iterable<Asset> assets) {
        List<Asset> out = new ArrayList<>();
        for (Asset a : assets) {
            MediaFile p = a.primary();
            if (p != null && p.readable() && (p.format() == MediaFormat.JPEG || p.format() == MediaFormat.PNG)) out.add(a);
        }
        return out;
    }

    private static Map<Asset, Long> hashes(List<Asset> assets, SideInventory side, SubMonitor sub) {
        Map<Asset, Long> out = new ConcurrentHashMap<>();
        assets.parallelStream().forEach(a -> {
            if (sub.isCanceled()) return;
            Path file = fileOf(side, a.primary());
            if (file != null) {
                try {
                    Long h = DifferenceHash.of(file);
                    if (h != null) out.put(a, h);
                } catch (IOException | RuntimeException e) {
                    // an undecodable picture simply takes no part in this matcher
                }
            }
        });
        if (sub.isCanceled()) throw new OperationCanceledException();
        sub.worked(assets.size());
        return out;
    }

    /** The file on disk, when the source is a folder; pictures inside zips or backups are skipped. */
    private static Path fileOf(SideInventory side, MediaFile f) {
        if (f.source() < 0 || f.source() >= side.sources().size()) return null;
        Path root = Paths.get(side.sources().get(f.source()).path());
        if (!Files.isDirectory(root)) return null;
        Path p = root.resolve(f.path()).normalize();
        return p.startsWith(root.normalize()) && Files.isRegularFile(p) ? p : null;
    }

    @Override
    public String toString() {
        return Objects.toString(KEY);
    }
}
