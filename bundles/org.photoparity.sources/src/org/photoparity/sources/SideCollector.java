package org.photoparity.sources;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.PhaseProgress;

/** Everything the sources of one side report, gathered from many threads. */
final class SideCollector {
    final Queue<MediaFile> files = new ConcurrentLinkedQueue<>();
    final Queue<Listing> listings = new ConcurrentLinkedQueue<>();
    final Queue<FileIssue> unreadable = new ConcurrentLinkedQueue<>();
    final Queue<FileIssue> ignored = new ConcurrentLinkedQueue<>();
    /** Source index to what that source says it lacks (ScanContext.incomplete). */
    final java.util.Map<Integer, String> incomplete = new java.util.concurrent.ConcurrentHashMap<>();
    /** Source index to the names that would complete it. */
    final java.util.Map<Integer, java.util.List<String>> completedBy = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicLong seen = new AtomicLong();
    final AtomicLong read = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong unreadableCount = new AtomicLong();
    final AtomicLong ignoredCount = new AtomicLong();
    /** The last count of files seen told to the phase listener: each step tells more than the one before. */
    private long told = -1;

    /** Tells {@code phases} how many of the side's files are seen, when that changed (one thread at a time). */
    synchronized void tell(PhaseProgress phases, SideRole side, long expected) {
        long n = seen.get();
        if (n == told) return;
        told = n;
        phases.step(PhaseProgress.Step.of(PhaseProgress.Phase.SCANNING, side.key(), n,
                expected < 0 ? -1 : Math.max(n, expected)));
    }
}
