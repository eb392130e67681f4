package org.photoparity.core.model;

import java.util.List;

/**
 * Everything scanned for one side: the sources, the assets, and every file that was seen but not read as a
 * resource. The counts add up: {@code filesSeen == filesRead + unreadable.size() + ignored.size()}.
 */
public record SideInventory(
        SideRole role,
        List<SourceRef> sources,
        List<Asset> assets,
        List<FileIssue> unreadable,
        List<FileIssue> ignored,
        long filesSeen,
        long filesRead,
        long bytes) {

    public SideInventory {
        sources = List.copyOf(sources);
        assets = List.copyOf(assets);
        unreadable = List.copyOf(unreadable);
        ignored = List.copyOf(ignored);
    }

    public boolean countsAddUp() {
        return filesSeen == filesRead + unreadable.size() + ignored.size();
    }
}
