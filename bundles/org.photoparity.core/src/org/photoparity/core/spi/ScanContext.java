package org.photoparity.core.spi;

import org.eclipse.core.runtime.IProgressMonitor;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.SideRole;

/** Where a source sends what it finds. Implementations are thread-safe: sources may scan in parallel. */
public interface ScanContext {

    /** Index of the source being scanned in its side's source list; goes into every MediaFile and Listing. */
    int sourceIndex();

    SideRole side();

    /** True for a metadata-only pass: no content fingerprints. */
    boolean metadataOnly();

    IProgressMonitor monitor();

    /** Reads media files into MediaFiles (metadata-extractor based); use it for every photo or video found. */
    MediaReader reader();

    /** A file that was read as a resource (or could not be parsed: then its unreadableReason is set). */
    void file(MediaFile file);

    /** A row of a listing (CSV, Photos.sqlite). */
    void listing(Listing listing);

    /** A file that could not be read at all (permissions, I/O error, corrupt container), with the reason. */
    void unreadable(String path, String reason);

    /** A file skipped on purpose (.DS_Store, Thumbs.db, a listing's helper file), with why. */
    void ignored(String path, String why);

    /**
     * The source is known to lack part of its library, and says what (a privacy export's "Part 1 of 3 not given"):
     * what the side lacks is then not shown lost. {@code missing} names what would complete it (file or folder names
     * such as "iCloud Photos Part 1 of 3", without .zip): when other sources of the same side are those, the side is
     * complete and nothing is said. Called at most once per source; the last call wins.
     */
    default void incomplete(String what, java.util.Collection<String> missing) {
    }
}
