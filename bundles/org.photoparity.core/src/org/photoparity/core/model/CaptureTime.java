package org.photoparity.core.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * When a photo was taken, as the file states it: the local wall-clock time, sub-seconds when recorded and the
 * UTC offset when recorded. Two capture times are the same moment only when both carry an offset; without one
 * only the wall clock can be compared.
 */
public record CaptureTime(LocalDateTime local, ZoneOffset offset) {

    public Instant instant() {
        return offset == null ? null : local.toInstant(offset);
    }

    /** Wall-clock millis since the epoch, ignoring the offset: the key used when offsets are missing. */
    public long localMillis() {
        return local.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    public boolean hasSubSeconds() {
        return local.getNano() != 0;
    }

    @Override
    public String toString() {
        return offset == null ? local.toString() : local + offset.getId();
    }
}
