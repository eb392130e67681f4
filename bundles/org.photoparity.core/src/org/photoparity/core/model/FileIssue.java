package org.photoparity.core.model;

/** A file that was not read: unreadable (with the reason) or ignored on purpose (with why). */
public record FileIssue(int source, String path, String reason) {
}
