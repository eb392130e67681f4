package org.photoparity.match.comparators;

import org.photoparity.core.model.Asset;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence.Strength;

/** Pairs assets with the same content fingerprint of their original file. */
public final class ContentHashMatcher extends KeyMatcher {

    public static final String ID = "content-hash";

    @Override
    public String id() {
        return ID;
    }

    @Override
    Strength strength() {
        return Strength.CONTENT_HASH;
    }

    @Override
    String key(Asset a) {
        return AssetFacts.contentHash(a);
    }
}
