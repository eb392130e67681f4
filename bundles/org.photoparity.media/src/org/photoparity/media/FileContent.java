package org.photoparity.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.photoparity.core.spi.MediaReader;

/**
 * Content that is a plain file. The reader parses its head through a stream like any content, but fingerprints the
 * rest of a large file straight from a file channel into a direct buffer: one copy out of the page cache instead of
 * two, which is what keeps the full pass at the speed of {@code cat}.
 */
public record FileContent(Path path) implements MediaReader.Content {

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }
}
