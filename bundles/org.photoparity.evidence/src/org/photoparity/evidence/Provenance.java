package org.photoparity.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.photoparity.core.spi.CaseEvidence;

/**
 * Where an evidence line came from and when, in the words evidence lines use: "ideviceinfo file root.txt, read 20:14",
 * "ideviceinfo live, read 20:31", "answer, 20:20". Times are the technician's local clock; a time not of today carries
 * its date.
 */
public final class Provenance {

    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Provenance() {
    }

    /** "20:14" today, "2026-11-30 20:14" another day. */
    public static String time(Instant t) {
        ZonedDateTime z = t.atZone(ZoneId.systemDefault());
        return (z.toLocalDate().equals(LocalDate.now()) ? TODAY : OTHER_DAY).format(z);
    }

    /** "answer, 20:20" when the answers file's time is known (when the technician saved it), else "answer". */
    public static String answer(CaseEvidence e) {
        return e.get(AnswersSource.class).filter(a -> a.saved() != null).map(a -> "answer, " + time(a.saved()))
                .orElse("answer");
    }
}
