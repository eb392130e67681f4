package org.photoparity.core.model;

/** A source as given by the technician, and the kind that read it. */
public record SourceRef(String path, String kind) {
}
