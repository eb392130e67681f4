package org.photoparity.evidence;

import java.time.Instant;

/**
 * The answers file a case's answers were read from.
 *
 * @param file  the file as given
 * @param saved when it was last written (what the technician saw on the iPhone is as of then), null when unknown
 * @param read  when PhotoParity read it
 */
public record AnswersSource(String file, Instant saved, Instant read) {
}
