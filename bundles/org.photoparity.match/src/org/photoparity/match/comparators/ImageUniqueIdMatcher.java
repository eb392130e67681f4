package org.photoparity.match.comparators;

import org.photoparity.core.model.Asset;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence.Strength;

/** Pairs assets with the same Apple MakerNote image unique id (0x0015) on their original still. */
public final class ImageUniqueIdMatcher extends KeyMatcher {

    public static final String ID = "image-unique-id";

    @Override
    public String id() {
        return ID;
    }

    @Override
    Strength strength() {
        return Strength.IMAGE_UNIQUE_ID;
    }

    @Override
    String key(Asset a) {
        return AssetFacts.imageUniqueId(a);
    }
}
