package org.photoparity.match.comparators;

import org.photoparity.core.model.Asset;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence;
import org.photoparity.match.internal.Evidence.Strength;

/**
 * Pairs assets with the same Live Photo content identifier (MakerNote 0x0011 on the still,
 * com.apple.quicktime.content.identifier on the video). A Live Photo whose still is missing on one side still
 * pairs through its video.
 */
public final class ContentIdentifierMatcher extends KeyMatcher {

    public static final String ID = "content-identifier";

    @Override
    public String id() {
        return ID;
    }

    @Override
    Strength strength() {
        return Strength.CONTENT_IDENTIFIER;
    }

    @Override
    String key(Asset a) {
        return AssetFacts.contentIdentifier(a);
    }

    /** A lone still and a lone video sharing an identifier are the two halves of one Live Photo, not copies. */
    @Override
    boolean sameAsset(Evidence ev, Asset a, Asset b) {
        return super.sameAsset(ev, a, b)
                && (AssetFacts.still(a) == null) == (AssetFacts.still(b) == null)
                && (AssetFacts.liveVideo(a) == null) == (AssetFacts.liveVideo(b) == null);
    }
}
