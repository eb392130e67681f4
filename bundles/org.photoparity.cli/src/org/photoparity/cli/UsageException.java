package org.photoparity.cli;

/** Bad usage: the command line is wrong. Exit code 2 with a one-line message. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
