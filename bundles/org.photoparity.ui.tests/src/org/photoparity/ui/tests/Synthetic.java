package org.photoparity.ui.tests;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.model.SourceRef;

/**
 * A reconciliation built in memory: mismatch i has category i % 8, kind VIDEO when i % 10 == 0 (else PHOTO),
 * file IMG_%05d, and was taken on day 1 + (i % 28) of February 2024 at 12:00 + (i % 60) minutes.
 */
final class Synthetic {

    /** The eight categories the tests' figures are computed on (n / 8 each); later categories are not generated. */
    static final Category[] CATS = { Category.MISSING_IN_CLOUD, Category.MISSING_ON_DEVICE, Category.CONVERTED,
            Category.REDUCED, Category.EDITED, Category.DUPLICATE, Category.LIVE_PHOTO_INCOMPLETE,
            Category.METADATA_DRIFT };

    private Synthetic() {
    }

    static MediaFile file(String path, MediaFormat f, LocalDateTime t, int w, int h) {
        return new MediaFile(0, path, f, ResourceRole.ORIGINAL, 1_000_000L + w, 0L,
                new CaptureTime(t, ZoneOffset.ofHours(1)), "Apple", "iPhone 12", w, h, 1, 46.2, 6.1, null,
                "UID" + path, null, null, false, null, Map.of());
    }

    static ReconcileResult result(int n) {
        List<Mismatch> ms = new ArrayList<>(n);
        List<Asset> dev = new ArrayList<>();
        List<Asset> cld = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Category c = CATS[i % CATS.length];
            LocalDateTime t = LocalDateTime.of(2024, 2, 1 + (i % 28), 12, i % 60, 0);
            AssetKind kind = i % 10 == 0 ? AssetKind.VIDEO : AssetKind.PHOTO;
            String name = String.format("IMG_%05d", i);
            MediaFile d = file("DCIM/100APPLE/" + name + ".HEIC", MediaFormat.HEIC, t, 4032, 3024);
            MediaFile k = file(name + ".JPG", MediaFormat.JPEG, c == Category.METADATA_DRIFT ? t.minusHours(3) : t,
                    c == Category.REDUCED ? 2016 : 4032, c == Category.REDUCED ? 1512 : 3024);
            Asset da = new Asset("d" + i, kind, List.of(d), null);
            Asset ca = new Asset("c" + i, kind, List.of(k), null);
            boolean onDevice = c != Category.MISSING_ON_DEVICE;
            boolean inCloud = c != Category.MISSING_IN_CLOUD;
            ms.add(new Mismatch(c, onDevice ? List.of(d.path()) : List.of(), inCloud ? List.of(k.path()) : List.of(),
                    onDevice && inCloud ? "imageUniqueId" : null, c.label() + " #" + i,
                    i % 7 == 0 ? Set.of("hidden") : Set.of(), onDevice ? List.of(da) : List.of(),
                    inCloud ? List.of(ca) : List.of()));
            if (onDevice) dev.add(da);
            if (inCloud) cld.add(ca);
        }
        SideInventory device = new SideInventory(SideRole.DEVICE, List.of(new SourceRef("/nonexistent/device", "folder")),
                dev, List.of(), List.of(), dev.size(), dev.size(), 0);
        SideInventory cloud = new SideInventory(SideRole.CLOUD, List.of(new SourceRef("/nonexistent/cloud", "folder")),
                cld, List.of(), List.of(), cld.size(), cld.size(), 0);
        return new ReconcileResult(device, cloud, 42, ms, Map.of("imageUniqueId", (long) n));
    }
}
