package org.photoparity.core.model;

/**
 * A source as given by the technician, and the kind that read it.
 *
 * @param incomplete what the source itself says is missing from it (a privacy export's "Part 1 of 3" not given),
 *                   null when it says nothing is: what the side lacks may then be in the part not given
 */
public record SourceRef(String path, String kind, String incomplete) {

    public SourceRef(String path, String kind) {
        this(path, kind, null);
    }
}
