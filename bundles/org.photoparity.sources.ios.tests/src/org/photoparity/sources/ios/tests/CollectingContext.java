package org.photoparity.sources.ios.tests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.spi.MediaReader;
import org.photoparity.core.spi.ScanContext;

/** A ScanContext that keeps everything a source sends, for assertions. */
final class CollectingContext implements ScanContext {

    final List<MediaFile> files = Collections.synchronizedList(new ArrayList<>());
    final List<Listing> listings = Collections.synchronizedList(new ArrayList<>());
    final List<FileIssue> unreadable = Collections.synchronizedList(new ArrayList<>());
    final List<FileIssue> ignored = Collections.synchronizedList(new ArrayList<>());
    private final boolean metadataOnly;
    private final IProgressMonitor monitor;
    private final MediaReader reader = new HashingReader();

    CollectingContext(boolean metadataOnly) {
        this(metadataOnly, new NullProgressMonitor());
    }

    CollectingContext(boolean metadataOnly, IProgressMonitor monitor) {
        this.metadataOnly = metadataOnly;
        this.monitor = monitor;
    }

    @Override public int sourceIndex() { return 3; }
    @Override public SideRole side() { return SideRole.DEVICE; }
    @Override public boolean metadataOnly() { return metadataOnly; }
    @Override public IProgressMonitor monitor() { return monitor; }
    @Override public MediaReader reader() { return reader; }
    @Override public void file(MediaFile file) { files.add(file); }
    @Override public void listing(Listing listing) { listings.add(listing); }
    @Override public void unreadable(String path, String reason) { unreadable.add(new FileIssue(3, path, reason)); }
    @Override public void ignored(String path, String why) { ignored.add(new FileIssue(3, path, why)); }

    Map<String, MediaFile> filesByPath() {
        Map<String, MediaFile> m = new TreeMap<>();
        for (MediaFile f : files) m.put(f.path(), f);
        return m;
    }

    Map<String, String> ignoredByPath() {
        Map<String, String> m = new TreeMap<>();
        for (FileIssue f : ignored) m.put(f.path(), f.reason());
        return m;
    }

    Optional<Listing> listing(String originalFilename) {
        return listings.stream().filter(l -> originalFilename.equals(l.originalFilename())).findFirst();
    }

    Listing listingByExtra(String key, String value) {
        return listings.stream().filter(l -> value.equals(l.extra().get(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no listing with " + key + "=" + value));
    }
}
