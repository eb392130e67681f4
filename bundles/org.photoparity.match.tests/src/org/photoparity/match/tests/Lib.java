package org.photoparity.match.tests;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.CloudState;
import org.photoparity.core.model.Listing;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.core.model.SourceRef;

/** Builds sides in memory: files with exactly the facts a test plants, nothing else. */
final class Lib {

    private Lib() {
    }

    static CaptureTime at(String local, String offset) {
        return new CaptureTime(LocalDateTime.parse(local), offset == null ? null : ZoneOffset.of(offset));
    }

    /** A file; format from the name, role ORIGINAL, 4032x3024 iPhone 12 photo of 1 000 000 bytes, no ids. */
    static final class F {
        String path;
        MediaFormat format;
        ResourceRole role = ResourceRole.ORIGINAL;
        long size = 1_000_000;
        CaptureTime captured;
        String make = "Apple", model = "iPhone 12";
        int width = 4032, height = 3024;
        Double lat, lon;
        String cid, uid, fp, pk;
        String unreadable;

        F(String path) {
            this.path = path;
            this.format = MediaFormat.fromFileName(path);
        }

        F role(ResourceRole r) { role = r; return this; }
        F size(long s) { size = s; return this; }
        F at(String local, String offset) { captured = Lib.at(local, offset); return this; }
        F dims(int w, int h) { width = w; height = h; return this; }
        F gps(double la, double lo) { lat = la; lon = lo; return this; }
        F cid(String s) { cid = s; return this; }
        F uid(String s) { uid = s; return this; }
        F fp(String s) { fp = s; return this; }
        /** The payload key: a hash of the picture or sample data without the metadata. */
        F pk(String s) { pk = s; return this; }
        F camera(String mk, String md) { make = mk; model = md; return this; }
        /** Could not be read, for {@code why}: no time, camera, dimensions nor fingerprint. */
        F unreadable(String why) {
            unreadable = why; captured = null; make = null; model = null; width = 0; height = 0; fp = null;
            return this;
        }

        MediaFile build() {
            return new MediaFile(0, path, format, role, size, 0, captured, make, model, width, height, 1, lat, lon, cid,
                    uid, null, fp, pk, false, unreadable, Map.of());
        }
    }

    static F f(String path) {
        return new F(path);
    }

    static Asset asset(String id, AssetKind kind, F... files) {
        List<MediaFile> list = new ArrayList<>();
        for (F x : files) list.add(x.build());
        return new Asset(id, kind, list, null);
    }

    static Asset photo(String id, F... files) {
        return asset(id, AssetKind.PHOTO, files);
    }

    static Asset live(String id, F still, F video) {
        return asset(id, AssetKind.LIVE_PHOTO, still, video.role(ResourceRole.LIVE_VIDEO));
    }

    static Asset withListing(Asset a, Listing l) {
        return new Asset(a.id(), a.kind(), a.files(), l);
    }

    /** A listing with only the fields a test names. */
    static Listing listing(String name, String guid, String fingerprint, Instant created, Boolean local,
            boolean trashed, boolean hidden, boolean recentlyDeleted) {
        return new Listing(0, "Photos.sqlite ZASSET", name, null, guid, fingerprint, null, null, null, created,
                AssetKind.PHOTO, CloudState.UNKNOWN, local, null, null, trashed, hidden, false, recentlyDeleted,
                Map.of());
    }

    static SideInventory side(SideRole role, Asset... assets) {
        return side(role, Arrays.asList(assets));
    }

    static SideInventory side(SideRole role, List<Asset> assets) {
        long files = 0;
        for (Asset a : assets) files += a.files().size();
        return new SideInventory(role, List.of(new SourceRef("/mem/" + role.key(), "memory")), assets, List.of(),
                List.of(), files, files, 0);
    }
}
