package org.photoparity.match.comparators;

import org.photoparity.core.model.Asset;
import org.photoparity.match.internal.AssetFacts;
import org.photoparity.match.internal.Evidence.Strength;

/** Pairs assets with the same iCloud asset GUID (ZCLOUDASSETGUID), stated by both listings. */
public final class CloudGuidMatcher extends KeyMatcher {

    public static final String ID = "cloud-guid";

    @Override
    public String id() {
        return ID;
    }

    @Override
    Strength strength() {
        return Strength.CLOUD_GUID;
    }

    @Override
    String key(Asset a) {
        return AssetFacts.cloudGuid(a);
    }
}
