package org.photoparity.cases;

import java.io.IOException;
import java.nio.file.Path;

/** A case.json that this version cannot read: names the file and says what to do. */
public final class CaseFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Path file;

    public CaseFormatException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public CaseFormatException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
