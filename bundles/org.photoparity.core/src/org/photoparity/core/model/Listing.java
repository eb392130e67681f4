package org.photoparity.core.model;

import java.time.Instant;
import java.util.Map;

/**
 * What a listing (Photo Details.csv, Photos.sqlite) states about one asset, as opposed to what was read from a
 * file. Every field may be null where the listing does not carry it.
 *
 * @param source           index of the source in its side's source list
 * @param origin           the listing it came from, e.g. "Photos/Photo Details.csv" or "Photos.sqlite ZASSET"
 * @param originalFilename the asset's original file name (IMG_1234.HEIC)
 * @param path             where the listing says the file lives, relative to the source root, when it says
 * @param cloudGuid        ZCLOUDASSETGUID, shared by synced copies of the asset
 * @param fingerprint      ZMASTERFINGERPRINT or the privacy export's fileChecksum
 * @param created          capture / creation time
 * @param kind             photo, video, Live Photo or screenshot as the listing says
 * @param cloudState       place in iCloud Photos
 * @param locallyAvailable false when only a reduced copy is on the device (Optimize Storage)
 * @param uploadAttempts   ZUPLOADATTEMPTS
 * @param mediaGroup       Live Photo pairing id (ZMEDIAGROUPUUID)
 * @param sharing          library content or shared content that iCloud Photos does not sync
 * @param burstId          burst (avalanche) id, ZAVALANCHEUUID, or null
 * @param burstPicked      for a burst frame: true when it is a picked frame (kept by iCloud downloads), null when
 *                         not a burst or unknown
 */
public record Listing(
        int source,
        String origin,
        String originalFilename,
        String path,
        String cloudGuid,
        String fingerprint,
        Long size,
        Integer width,
        Integer height,
        Instant created,
        AssetKind kind,
        CloudState cloudState,
        Boolean locallyAvailable,
        Integer uploadAttempts,
        String mediaGroup,
        boolean trashed,
        boolean hidden,
        boolean favorite,
        boolean recentlyDeleted,
        Map<String, String> extra,
        Sharing sharing,
        String burstId,
        Boolean burstPicked) {

    /** A listing of library content, no burst information. */
    public Listing(int source, String origin, String originalFilename, String path, String cloudGuid,
            String fingerprint, Long size, Integer width, Integer height, Instant created, AssetKind kind,
            CloudState cloudState, Boolean locallyAvailable, Integer uploadAttempts, String mediaGroup,
            boolean trashed, boolean hidden, boolean favorite, boolean recentlyDeleted, Map<String, String> extra) {
        this(source, origin, originalFilename, path, cloudGuid, fingerprint, size, width, height, created, kind,
                cloudState, locallyAvailable, uploadAttempts, mediaGroup, trashed, hidden, favorite, recentlyDeleted,
                extra, Sharing.LIBRARY, null, null);
    }

    /**
     * {@link #extra()} key of an item in an iCloud Shared Photo Library: "yes" when the listing says this user created
     * (owns) that Shared Library, "no" when this user joined it as a participant; absent when the listing does not say.
     */
    public static final String SHARED_LIBRARY_OWNER = "sharedLibraryOwner";

    public Listing {
        sharing = sharing == null ? Sharing.LIBRARY : sharing;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** For an item in an iCloud Shared Photo Library: whether this user created it, null when not known. */
    public Boolean sharedLibraryOwner() {
        if (!sharing.inSharedLibrary()) return null;
        String v = extra.get(SHARED_LIBRARY_OWNER);
        return "yes".equals(v) ? Boolean.TRUE : "no".equals(v) ? Boolean.FALSE : null;
    }
}
