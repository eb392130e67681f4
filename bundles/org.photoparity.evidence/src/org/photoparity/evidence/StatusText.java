package org.photoparity.evidence;

import java.util.Locale;
import java.util.Optional;

import org.photoparity.core.spi.CaseEvidence;

/**
 * Reads the status line at the bottom of Photos > Library (answer photos_status_text). Apple's messages each point
 * at one fix; the words matched are those iOS 17/18 show in English.
 */
public enum StatusText {
    LOW_POWER(7, "low power mode", "saving battery power"),
    LOW_BATTERY(7, "low battery", "charge your", "battery is low"),
    NETWORK(2, "low data mode", "saving cellular data", "saving mobile data", "waiting for wi-fi", "no internet",
            "not connected", "cellular data is off", "mobile data is off", "offline"),
    ICLOUD_FULL(3, "icloud storage is full", "icloud storage full", "not enough icloud storage", "upgrade icloud",
            "icloud is full", "out of icloud storage"),
    DEVICE_FULL(4, "iphone storage is full", "not enough space", "iphone storage full", "ipad storage full",
            "storage almost full"),
    STUCK(5, "optimizing system performance", "waiting to sync", "paused", "cool down", "needs to cool",
            "unable to upload", "can't upload", "cannot upload"),
    SIGNED_OUT(1, "icloud photos is off", "sync this iphone is off", "sign in", "turn on icloud photos"),
    UP_TO_DATE(0, "updated just now", "updated", "synced", "up to date");

    private final int fix;
    private final String[] phrases;

    StatusText(int fix, String... phrases) {
        this.fix = fix;
        this.phrases = phrases;
    }

    /** The fix this message points at, 0 for a healthy message. */
    public int fix() {
        return fix;
    }

    /** The first kind of message the text matches (most specific first). */
    public static Optional<StatusText> classify(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        for (StatusText s : values()) {
            for (String p : s.phrases) if (t.contains(p)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The status text from the answers, when it matches this kind. */
    public boolean in(CaseEvidence e) {
        return e.answer(AnswerKey.PHOTOS_STATUS_TEXT.key()).flatMap(StatusText::classify).filter(s -> s == this)
                .isPresent();
    }

    public static Optional<String> line(CaseEvidence e) {
        return e.answer(AnswerKey.PHOTOS_STATUS_TEXT.key())
                .map(t -> "answer photos_status_text = \"" + t + "\" (" + Provenance.answer(e) + ")");
    }
}
