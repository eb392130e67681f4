package org.photoparity.match.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photoparity.match.tests.Lib.f;
import static org.photoparity.match.tests.Lib.photo;
import static org.photoparity.match.tests.Lib.withListing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.Sharing;

/**
 * Issue 10 item 6: a difference the listing itself explains is reported as such, with the reason: shared content,
 * hidden and Recently Deleted items, burst frames that are not the pick. Anything else missing stays a loss.
 */
class LossExplanationsTest {

    private static Listing listing(String name, boolean hidden, boolean recentlyDeleted, Sharing sharing,
            String burst, Boolean picked) {
        return new Listing(0, "Photos.sqlite ZASSET", name, null, null, null, null, null, null,
                Instant.parse("2023-05-01T10:00:00Z"), AssetKind.PHOTO, CloudState.UNKNOWN, true, null, null, false,
                hidden, false, recentlyDeleted, Map.of(), sharing, burst, picked);
    }

    private static Asset device(String name, Listing l) {
        return withListing(photo(name, f("DCIM/100APPLE/" + name).at("2023-05-01T12:00:00.250", "+02:00")), l);
    }

    private static Mismatch missingInCloud(Listing l) {
        ReconcileResult r = ReconcilerTest.run(List.of(device("IMG_0001.HEIC", l)), List.of());
        Mismatch m = ReconcilerTest.only(r);
        assertEquals(Category.MISSING_IN_CLOUD, m.category());
        return m;
    }

    @Test
    void sharedHiddenDeletedAndUnpickedBurstFramesAreNotLosses() {
        Mismatch shared = missingInCloud(listing("IMG_0001.HEIC", false, false, Sharing.SHARED_ALBUM, null, null));
        assertFalse(shared.loss());
        assertEquals(Sharing.SHARED_ALBUM.reason(), shared.explanation());

        Mismatch hidden = missingInCloud(listing("IMG_0001.HEIC", true, false, Sharing.LIBRARY, null, null));
        assertFalse(hidden.loss());
        assertTrue(hidden.explanation().startsWith("hidden item"), hidden.explanation());

        Mismatch deleted = missingInCloud(listing("IMG_0001.HEIC", false, true, Sharing.LIBRARY, null, null));
        assertFalse(deleted.loss());
        assertTrue(deleted.explanation().startsWith("in Recently Deleted"), deleted.explanation());

        Mismatch frame = missingInCloud(listing("IMG_0001.HEIC", false, false, Sharing.LIBRARY, "B-1", false));
        assertFalse(frame.loss());
        assertTrue(frame.explanation().startsWith("burst frame not picked"), frame.explanation());

        Mismatch pick = missingInCloud(listing("IMG_0001.HEIC", false, false, Sharing.LIBRARY, "B-1", true));
        assertTrue(pick.loss(), "the picked frame of a burst is a loss when missing");
        assertNull(pick.explanation());

        Mismatch plain = missingInCloud(listing("IMG_0001.HEIC", false, false, Sharing.LIBRARY, null, null));
        assertTrue(plain.loss());
        assertNull(plain.explanation());
    }

    /**
     * This user's Shared Library item left the personal library (Apple: contributed items move to the Shared
     * Library), the only one icloudpd downloads: synced, its absence is explained; not synced, it is a loss.
     */
    @Test
    void ownSharedLibraryItemIsALossOnlyWhenNotSynced() {
        Listing base = listing("IMG_0001.HEIC", false, false, Sharing.SHARED_LIBRARY, null, null);
        Mismatch synced = missingInCloud(new Listing(base.source(), base.origin(), base.originalFilename(), base.path(),
                null, null, null, null, null, base.created(), base.kind(), CloudState.SYNCED, true, null, null, false,
                false, false, false, Map.of(), Sharing.SHARED_LIBRARY, null, null));
        assertFalse(synced.loss());
        assertTrue(synced.explanation().startsWith("in the Shared Library and synced"), synced.explanation());
        Mismatch pending = missingInCloud(new Listing(base.source(), base.origin(), base.originalFilename(),
                base.path(), null, null, null, null, null, base.created(), base.kind(), CloudState.PENDING_UPLOAD, true,
                null, null, false, false, false, false, Map.of(), Sharing.SHARED_LIBRARY, null, null));
        assertTrue(pending.loss());
        assertNull(pending.explanation());
    }

    @Test
    void sharedItemMissingOnTheDeviceIsNotALossEither() {
        Asset cloud = withListing(photo("c", f("x/IMG_0002.HEIC").at("2023-05-01T12:00:00.250", "+02:00")),
                listing("IMG_0002.HEIC", false, false, Sharing.SHARED_WITH_YOU, null, null));
        Mismatch m = ReconcilerTest.only(ReconcilerTest.run(List.of(), List.of(cloud)));
        assertEquals(Category.MISSING_ON_DEVICE, m.category());
        assertFalse(m.loss());
        assertEquals(Sharing.SHARED_WITH_YOU.reason(), m.explanation());
    }
}
