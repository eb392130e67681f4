package org.photoparity.sources;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;

/** Everything the sources of one side report, gathered from many threads. */
final class SideCollector {
    final Queue<MediaFile> files = new ConcurrentLinkedQueue<>();
    final Queue<Listing> listings = new ConcurrentLinkedQueue<>();
    final Queue<FileIssue> unreadable = new ConcurrentLinkedQueue<>();
    final Queue<FileIssue> ignored = new ConcurrentLinkedQueue<>();
    final AtomicLong seen = new AtomicLong();
    final AtomicLong read = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong unreadableCount = new AtomicLong();
    final AtomicLong ignoredCount = new AtomicLong();
}
