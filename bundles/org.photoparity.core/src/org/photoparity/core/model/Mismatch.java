package org.photoparity.core.model;

import java.util.List;
import java.util.Set;

/**
 * One difference between the device and the cloud.
 *
 * @param category  what kind of difference
 * @param device    device-side paths involved, relative to their source root
 * @param cloud     cloud-side paths involved
 * @param matchedBy the key that paired the two sides (null when nothing was paired)
 * @param detail    one line a technician can read
 * @param states    listing states that may explain it (trashed, hidden, recently-deleted)
 * @param deviceAssets the device assets involved (for views and thumbnails)
 * @param cloudAssets  the cloud assets involved
 */
public record Mismatch(
        Category category,
        List<String> device,
        List<String> cloud,
        String matchedBy,
        String detail,
        Set<String> states,
        List<Asset> deviceAssets,
        List<Asset> cloudAssets) {

    public Mismatch {
        device = List.copyOf(device);
        cloud = List.copyOf(cloud);
        states = Set.copyOf(states);
        deviceAssets = List.copyOf(deviceAssets);
        cloudAssets = List.copyOf(cloudAssets);
    }
}
