package org.photoparity.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.photoparity.core.spi.MediaReader;

/**
 * Content that is a plain file. When it is fingerprinted the reader does not use {@link #open()} but reads the file
 * through its channel in large windows hashed in place ({@code ChannelTap}): one copy out of the page cache and none
 * after it, which is what keeps the full pass near the speed of {@code cat}.
 */
public record FileContent(Path path) implements MediaReader.Content {

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }
}
