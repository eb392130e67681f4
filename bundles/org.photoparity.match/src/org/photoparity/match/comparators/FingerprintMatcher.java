package org.photoparity.match.comparators;

import org.photoparity.core.model.Asset;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence.Strength;

/** Pairs assets with the same stated fingerprint (ZMASTERFINGERPRINT, privacy export fileChecksum). */
public final class FingerprintMatcher extends KeyMatcher {

    public static final String ID = "fingerprint";

    @Override
    public String id() {
        return ID;
    }

    @Override
    Strength strength() {
        return Strength.FINGERPRINT;
    }

    @Override
    String key(Asset a) {
        return AssetFacts.statedFingerprint(a);
    }
}
