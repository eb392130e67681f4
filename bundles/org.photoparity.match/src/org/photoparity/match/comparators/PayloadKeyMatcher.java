package org.photoparity.match.comparators;

import org.photoparity.core.model.Asset;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence.Strength;

/**
 * Pairs assets whose original file holds the same encoded image or video (MediaFile.payloadKey), whatever their
 * metadata says: a copy whose dates were shifted, whose time zone changed or whose location was removed. The capture
 * time does not veto this key; the pair classifier then names the shift (METADATA_DRIFT).
 */
public final class PayloadKeyMatcher extends KeyMatcher {

    public static final String ID = "payload-key";

    @Override
    public String id() {
        return ID;
    }

    @Override
    Strength strength() {
        return Strength.PAYLOAD;
    }

    @Override
    String key(Asset a) {
        return AssetFacts.payloadKey(a);
    }
}
