package org.photoparity.core.spi;

import java.io.IOException;
import java.io.InputStream;

import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.ResourceRole;

/**
 * Reads one media file (HEIC, JPEG, PNG, MOV, MP4, AAE...) into a {@link MediaFile}: format by content, capture
 * time, make and model, dimensions, Apple identifiers and, unless the pass is metadata-only, a fingerprint of the
 * whole content. A file that cannot be parsed is never an exception: it comes back with its unreadableReason set.
 * Sources get the reader from their {@link ScanContext}.
 */
public interface MediaReader {

    /** Opens the content afresh each time it is called. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }

    /**
     * @param source      index of the source in its side
     * @param path        path relative to the source root ('/'-separated)
     * @param size        content length in bytes
     * @param modified    last-modified epoch millis, 0 when unknown
     * @param role        role guessed from the name (the assembler may refine it)
     * @param content     the bytes
     * @param fingerprint whether to fingerprint the whole content
     */
    MediaFile read(int source, String path, long size, long modified, ResourceRole role, Content content,
            boolean fingerprint);
}
