package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.Sharing;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.match.Reconciler;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/**
 * The real macOS Photos.sqlite (32 assets, 9 of them shared album items) reconciled against a cloud side that has
 * none of them: the 9 shared items are kept apart as "shared album item, not synced by iCloud Photos", never a
 * MISSING_IN_CLOUD loss (issue 10 item 3: on main all 32 were losses).
 */
class RealLibrarySharingTest {

    @TempDir
    Path tmp;

    @Test
    void sharedAlbumItemsOfTheRealLibraryAreNeverLosses() throws Exception {
        Path db = Fixtures.copy("photos-sqlite/Photos.sqlite", tmp.resolve("library/Photos.sqlite"));
        Path cloud = Files.createDirectories(tmp.resolve("icloudpd"));
        ScanOptions o = ScanOptions.defaults().withoutCache().withThreads(1);
        SideInventory d = Scanner.scan(SideRole.DEVICE, List.of("photos-sqlite:" + db), o, new NullProgressMonitor());
        SideInventory c = Scanner.scan(SideRole.CLOUD, List.of("folder:" + cloud), o, new NullProgressMonitor());
        ReconcileResult r = new Reconciler().reconcile(d, c, Map.of(), new NullProgressMonitor());

        assertEquals(32, r.mismatches().size());
        int shared = 0;
        for (Mismatch m : r.mismatches()) {
            assertEquals(Category.MISSING_IN_CLOUD, m.category());
            boolean sharedRow = m.deviceAssets().get(0).listing().sharing() == Sharing.SHARED_ALBUM;
            if (sharedRow) {
                shared++;
                assertFalse(m.loss(), m.detail());
                assertEquals("shared album item, not synced by iCloud Photos", m.explanation());
            } else {
                assertTrue(m.loss(), m.detail());
            }
        }
        assertEquals(9, shared);
        assertEquals(23, r.mismatches().stream().filter(Mismatch::loss).count());
    }
}
