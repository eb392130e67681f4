package org.photoparity.sources.ios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.core.spi.ISource;
import org.photoparity.core.spi.ScanContext;

/**
 * Source {@code photos-sqlite}: a Photos.sqlite on its own (copied off an iPhone, or out of a Mac library's
 * database folder) read as a listing: one Listing per asset, no media files. The file is read from a private copy.
 */
public final class PhotosSqliteSource implements ISource {

    @Override
    public int recognize(Path path) {
        if (path == null || !SqliteSnapshot.hasSqliteHeader(path)) return 0;
        try {
            Set<String> tables = SqliteSnapshot.tableNames(path);
            if (tables.contains("ZASSET") || tables.contains("ZGENERICASSET")) return 90;
            return 0;
        } catch (IOException | RuntimeException | LinkageError e) {
            // an SQLite file we cannot look into: still likely ours when it carries the library's name
            return path.getFileName().toString().toLowerCase(Locale.ROOT).equals("photos.sqlite") ? 50 : 0;
        }
    }

    @Override
    public void scan(Path path, ScanContext context) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + " is a folder; photos-sqlite reads one Photos.sqlite file. Give the file"
                    + " (database/Photos.sqlite in a Mac library), or use ios-backup for a backup folder.");
        }
        SubMonitor progress = SubMonitor.convert(context.monitor(), "Reading " + path.getFileName(), 100);
        if (progress.isCanceled()) throw new OperationCanceledException();
        try (PhotosDatabase db = PhotosDatabase.open(path)) {
            int[] n = {0};
            db.forEach(context.sourceIndex(), null, "", progress.split(100), l -> {
                context.listing(l);
                n[0]++;
            });
            context.ignored(path.getFileName().toString(),
                    "library database, read as " + n[0] + " listings (" + db.assetTable() + "); it holds no media");
        }
    }
}
