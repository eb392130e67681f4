package org.photoparity.evidence;

import java.time.Duration;
import java.time.Instant;

import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.CaseEvidence;

/**
 * Whether evidence is recent enough to pass a probe: a backup or an ideviceinfo output of last week says how the
 * iPhone was then (its upload queue, its free space, its battery), not how it is now. One rule for every probe, one
 * setting ({@link #MAX_AGE_HOURS}, declared by org.photoparity.evidence.readers). Old evidence still fails or warns:
 * only a PASS needs it to be current.
 */
public final class Freshness {

    /** The setting: hours after which evidence cannot pass a probe. */
    public static final String MAX_AGE_HOURS = "evidence.maxAgeHours";

    private Freshness() {
    }

    /**
     * The summary of a probe whose PASS ideviceinfo output of {@code domain} was too old to give: "Battery at 76 % and
     * on power, but ideviceinfo ... was taken ...: read it again (ideviceinfo -q DOMAIN, or --live)".
     */
    public static String readAgain(String pass, String old, String domain) {
        return Character.toUpperCase(pass.charAt(0)) + pass.substring(1) + ", but " + old
                + ": read it again (ideviceinfo -q " + domain + ", or --live)";
    }

    /** Null when {@code domain}'s ideviceinfo output may pass a probe, else why not (its file's time). */
    public static String tooOld(DeviceInfo info, String domain, CaseEvidence e) {
        return tooOld("ideviceinfo " + domain, info == null ? null : info.takenAt(domain), e);
    }

    /**
     * Null when {@code what}, taken at {@code at}, is recent enough to pass a probe, else why not (for the evidence
     * list and the summary): "the backup was taken 2026-11-20 09:00, 12 days ago (evidence.maxAgeHours = 24)".
     */
    public static String tooOld(String what, Instant at, CaseEvidence e) {
        if (at == null) return what + " carries no time: how old it is is not known";
        long max = PhotoParityRegistry.get().settings().longValue(e.settings(), MAX_AGE_HOURS);
        long hours = Duration.between(at, Instant.now()).toHours();
        if (hours < max) return null;
        return what + " was taken " + Provenance.time(at) + ", " + (hours < 48 ? hours + " hours" : hours / 24 + " days")
                + " ago (" + MAX_AGE_HOURS + " = " + max + "): the iPhone may have changed since";
    }
}
