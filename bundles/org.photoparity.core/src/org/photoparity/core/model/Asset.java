package org.photoparity.core.model;

import java.util.List;

/**
 * One photo or video of a library: its files (a Live Photo holds a still and a video; an edit adds a render or an
 * AAE sidecar) and, when a listing mentions it, what the listing states. An asset known only from a listing has no
 * files.
 *
 * @param id      stable id within its side (source index and primary path)
 * @param kind    photo, video, Live Photo...
 * @param files   the resources, primary first
 * @param listing what a listing states, or null
 */
public record Asset(String id, AssetKind kind, List<MediaFile> files, Listing listing) {

    public Asset {
        files = List.copyOf(files);
    }

    /** The original still or video (the first file), or null for a listing-only asset. */
    public MediaFile primary() {
        return files.isEmpty() ? null : files.get(0);
    }

    public MediaFile file(ResourceRole role) {
        for (MediaFile f : files) {
            if (f.role() == role) return f;
        }
        return null;
    }

    public boolean hasFiles() {
        return !files.isEmpty();
    }

    public long bytes() {
        long n = 0;
        for (MediaFile f : files) n += f.size();
        return n;
    }

    /** A file name a person would recognise the asset by. */
    public String displayName() {
        MediaFile p = primary();
        if (p != null) return p.name();
        if (listing != null && listing.originalFilename() != null) return listing.originalFilename();
        return id;
    }
}
