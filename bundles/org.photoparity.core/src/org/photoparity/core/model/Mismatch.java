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
 * @param loss      true when the evidence says content was really lost on one side; false when the difference is
 *                  explained by how the evidence was collected or is not a loss (see {@code explanation})
 * @param explanation why the difference is not a loss (hidden item icloudpd skips, burst frame not picked, shared
 *                  album item, edit the source cannot carry...), or null when it is a loss / nothing explains it
 */
public record Mismatch(
        Category category,
        List<String> device,
        List<String> cloud,
        String matchedBy,
        String detail,
        Set<String> states,
        List<Asset> deviceAssets,
        List<Asset> cloudAssets,
        boolean loss,
        String explanation) {

    /** A difference judged by its category alone: missing assets and incomplete Live Photos are losses. */
    public Mismatch(Category category, List<String> device, List<String> cloud, String matchedBy, String detail,
            Set<String> states, List<Asset> deviceAssets, List<Asset> cloudAssets) {
        this(category, device, cloud, matchedBy, detail, states, deviceAssets, cloudAssets, category.lossByDefault(),
                null);
    }

    /** The same difference, judged as explained (not a loss) for the given reason. */
    public Mismatch explained(String reason) {
        return new Mismatch(category, device, cloud, matchedBy, detail, states, deviceAssets, cloudAssets, false,
                reason);
    }

    public Mismatch {
        device = List.copyOf(device);
        cloud = List.copyOf(cloud);
        states = Set.copyOf(states);
        deviceAssets = List.copyOf(deviceAssets);
        cloudAssets = List.copyOf(cloudAssets);
    }
}
