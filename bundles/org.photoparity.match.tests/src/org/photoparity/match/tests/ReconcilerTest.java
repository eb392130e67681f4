package org.photoparity.match.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photoparity.match.tests.Lib.asset;
import static org.photoparity.match.tests.Lib.f;
import static org.photoparity.match.tests.Lib.listing;
import static org.photoparity.match.tests.Lib.live;
import static org.photoparity.match.tests.Lib.photo;
import static org.photoparity.match.tests.Lib.side;
import static org.photoparity.match.tests.Lib.withListing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideRole;
import org.photoparity.match.MatchSettings;
import org.photoparity.match.Reconciler;

class ReconcilerTest {

    private static final String T = "2023-05-01T12:00:00.250";

    static ReconcileResult run(List<Asset> device, List<Asset> cloud) {
        return run(device, cloud, Map.of());
    }

    static ReconcileResult run(List<Asset> device, List<Asset> cloud, Map<String, String> settings) {
        return new Reconciler().reconcile(side(SideRole.DEVICE, device), side(SideRole.CLOUD, cloud),
                Reconciler.registryChain(), settings, new NullProgressMonitor());
    }

    /** One line per mismatch: category, device files, cloud files, deciding key. */
    static List<String> lines(ReconcileResult r) {
        List<String> out = new ArrayList<>();
        for (Mismatch m : r.mismatches()) {
            out.add(m.category() + " " + m.device() + " " + m.cloud() + " by " + m.matchedBy());
        }
        return out;
    }

    static Mismatch only(ReconcileResult r) {
        assertEquals(1, r.mismatches().size(), () -> "expected one mismatch, got " + lines(r));
        return r.mismatches().get(0);
    }

    @Test
    void everyCategoryPlantedOnceAndNothingElse() {
        List<Asset> device = List.of(
                photo("d1", f("DCIM/IMG_0001.HEIC").at(T, "+02:00").fp("h1").uid("U1")),
                photo("d2", f("DCIM/IMG_0002.HEIC").at("2023-05-02T10:00:00.100", "+02:00").fp("h2")),
                photo("d4", f("DCIM/IMG_0004.HEIC").at("2023-05-04T10:00:00.400", "+02:00").fp("h4").uid("U4")),
                photo("d5", f("DCIM/IMG_0005.HEIC").at("2023-05-05T10:00:00.500", "+02:00").fp("h5")),
                photo("d6", f("DCIM/IMG_0006.HEIC").at("2023-05-06T10:00:00.600", "+02:00").fp("h6"),
                        f("DCIM/IMG_E0006.JPG").role(ResourceRole.EDITED_RENDER).fp("h6e"),
                        f("DCIM/IMG_0006.AAE").role(ResourceRole.ADJUSTMENT_SIDECAR).size(900).fp("h6a")),
                photo("d7", f("DCIM/IMG_0007.HEIC").at("2023-05-07T10:00:00.700", "+02:00").fp("h7")),
                live("d8", f("DCIM/IMG_0008.HEIC").at("2023-05-08T10:00:00.800", "+02:00").fp("h8").cid("C8"),
                        f("DCIM/IMG_0008.MOV").fp("h8v").cid("C8").dims(1920, 1440)),
                photo("d9", f("DCIM/IMG_0009.HEIC").at("2023-05-09T12:00:00.900", "+02:00").fp("h9").cid("C9")
                        .gps(48.0, 2.0)),
                asset("d10", AssetKind.VIDEO, f("DCIM/IMG_0010.MOV").at("2023-05-10T10:00:00", "+02:00").fp("h10")
                        .size(2_000_000).dims(1920, 1080)));
        List<Asset> cloud = List.of(
                photo("c1", f("Photos/IMG_0001.HEIC").at(T, "+02:00").fp("h1").uid("U1")),
                photo("c3", f("Photos/IMG_0003.HEIC").at("2023-05-03T10:00:00.300", "+02:00").fp("h3")),
                photo("c4", f("Photos/IMG_0004.JPG").at("2023-05-04T10:00:00.400", "+02:00").fp("h4j").uid("U4")),
                photo("c5", f("Photos/IMG_0005.HEIC").at("2023-05-05T10:00:00.500", "+02:00").fp("h5r").dims(2016,
                        1512)),
                photo("c6", f("Photos/IMG_0006.HEIC").at("2023-05-06T10:00:00.600", "+02:00").fp("h6")),
                photo("c7", f("Photos/IMG_0007.HEIC").at("2023-05-07T10:00:00.700", "+02:00").fp("h7")),
                photo("c7b", f("Photos/IMG_0007 (1).HEIC").at("2023-05-07T10:00:00.700", "+02:00").fp("h7")),
                photo("c8", f("Photos/IMG_0008.HEIC").at("2023-05-08T10:00:00.800", "+02:00").fp("h8").cid("C8")),
                photo("c9", f("Photos/IMG_0009.HEIC").at("2023-05-09T14:00:00.900", "+02:00").fp("h9x").cid("C9")
                        .gps(48.0, 2.0)),
                asset("c10", AssetKind.VIDEO, f("Photos/IMG_0010.MOV").size(40_000)
                        .unreadable("truncated: box 'mdat' at offset 28 needs 1999972 bytes")));
        ReconcileResult r = run(device, cloud);
        assertEquals(List.of(
                "MISSING_IN_CLOUD [DCIM/IMG_0002.HEIC] [] by null",
                "MISSING_ON_DEVICE [] [Photos/IMG_0003.HEIC] by null",
                "CONVERTED [DCIM/IMG_0004.HEIC] [Photos/IMG_0004.JPG] by image-unique-id",
                "REDUCED [DCIM/IMG_0005.HEIC] [Photos/IMG_0005.HEIC] by capture-time",
                "EDITED [DCIM/IMG_0006.HEIC, DCIM/IMG_E0006.JPG, DCIM/IMG_0006.AAE] [Photos/IMG_0006.HEIC] by content-hash",
                "DUPLICATE [] [Photos/IMG_0007.HEIC, Photos/IMG_0007 (1).HEIC] by content-hash",
                "LIVE_PHOTO_INCOMPLETE [DCIM/IMG_0008.HEIC, DCIM/IMG_0008.MOV] [Photos/IMG_0008.HEIC] by content-hash",
                "METADATA_DRIFT [DCIM/IMG_0009.HEIC] [Photos/IMG_0009.HEIC] by content-identifier",
                "UNREADABLE_COPY [DCIM/IMG_0010.MOV] [Photos/IMG_0010.MOV] by file-name"), lines(r));
        // identical: 1 and 7 (the kept copy); every other pair differs
        assertEquals(2, r.identical());
        assertEquals(Map.of("content-hash", 4L, "image-unique-id", 1L, "capture-time", 1L, "content-identifier", 1L,
                "file-name", 1L), r.matchedBy());
        Map<Category, Long> counts = r.counts();
        for (Category c : Category.values()) assertEquals(1L, counts.get(c), c.name());

        List<String> details = r.mismatches().stream().map(Mismatch::detail).toList();
        assertEquals("HEIC on the device, JPEG in the cloud", details.get(2));
        assertEquals("4032x3024 on the device, 2016x1512 in the cloud (smaller in the cloud)", details.get(3));
        assertEquals("edited on the device only (IMG_E0006.JPG, IMG_0006.AAE)", details.get(4));
        assertEquals("2 copies of IMG_0007.HEIC in the cloud (same content-hash)", details.get(5));
        assertEquals("Live Photo video IMG_0008.MOV on the device, missing in the cloud", details.get(6));
        assertEquals("cloud +2 h (captured 2023-05-09T12:00:00.900+02:00 on the device, 2023-05-09T14:00:00.900+02:00"
                + " in the cloud)", details.get(7));
    }

    @Test
    void identicalSidesReportNothing() {
        List<Asset> device = List.of(
                photo("d1", f("DCIM/IMG_0001.HEIC").at(T, "+02:00").fp("h1")),
                live("d2", f("DCIM/IMG_0002.HEIC").at(T, "+02:00").fp("h2").cid("C2"), f("DCIM/IMG_0002.MOV").cid("C2")),
                asset("d3", AssetKind.VIDEO, f("DCIM/IMG_0003.MOV").dims(1920, 1080).at("2023-05-01T12:00:00", null)));
        List<Asset> cloud = List.of(
                photo("c1", f("x/IMG_0001.HEIC").at(T, "+02:00").fp("h1")),
                live("c2", f("x/IMG_0002.HEIC").at(T, "+02:00").fp("h2").cid("C2"), f("x/IMG_0002_HEVC.MOV").cid("C2")),
                asset("c3", AssetKind.VIDEO, f("x/IMG_0003.MOV").dims(1920, 1080).at("2023-05-01T12:00:00", null)));
        ReconcileResult r = run(device, cloud);
        assertEquals(List.of(), lines(r));
        assertEquals(3, r.identical());
        assertEquals(Map.of("content-hash", 2L, "file-name", 1L), r.matchedBy());
    }

    @Test
    void twoPhotosOfTheSameSecondOnTheSamePhoneStayTwo() {
        // same sub-second, same camera, same shape: only the image unique ids tell them apart
        List<Asset> device = List.of(
                photo("d1", f("DCIM/IMG_0100.HEIC").at(T, "+02:00").uid("UA")),
                photo("d2", f("DCIM/IMG_0101.HEIC").at(T, "+02:00").uid("UB")));
        List<Asset> cloud = List.of(
                photo("c1", f("x/IMG_0101.JPG").at(T, "+02:00").uid("UB")),
                photo("c2", f("x/IMG_0105.JPG").at(T, "+02:00").uid("UZ")));
        ReconcileResult r = run(device, cloud);
        assertEquals(List.of(
                "MISSING_IN_CLOUD [DCIM/IMG_0100.HEIC] [] by null",
                "MISSING_ON_DEVICE [] [x/IMG_0105.JPG] by null",
                "CONVERTED [DCIM/IMG_0101.HEIC] [x/IMG_0101.JPG] by image-unique-id"), lines(r));

        // the same with Live Photo content identifiers instead
        List<Asset> d2 = List.of(
                photo("d1", f("DCIM/IMG_0100.HEIC").at(T, null).cid("CA")),
                photo("d2", f("DCIM/IMG_0101.HEIC").at(T, null).cid("CB")));
        List<Asset> c2 = List.of(photo("c1", f("x/IMG_0100.HEIC").at(T, null).cid("CB")));
        ReconcileResult r2 = run(d2, c2);
        // c1 carries CB: it is IMG_0101 renamed, not IMG_0100 whose name and time it shares
        assertEquals(List.of(
                "MISSING_IN_CLOUD [DCIM/IMG_0100.HEIC] [] by null"), lines(r2));
        assertEquals(1, r2.identical());
        assertEquals(Map.of("content-identifier", 1L), r2.matchedBy());
    }

    @Test
    void renamedFilePairsByContentOrCaptureTime() {
        ReconcileResult byHash = run(List.of(photo("d", f("DCIM/IMG_1234.HEIC").at(T, "+02:00").fp("h"))),
                List.of(photo("c", f("Trip/Beach sunset.HEIC").at(T, "+02:00").fp("h"))));
        assertEquals(List.of(), lines(byHash));
        assertEquals(Map.of("content-hash", 1L), byHash.matchedBy());

        // no fingerprints (metadata-only scan): the sub-second capture time and camera decide
        ReconcileResult byTime = run(List.of(photo("d", f("DCIM/IMG_1234.HEIC").at(T, "+02:00"))),
                List.of(photo("c", f("Trip/Beach sunset.HEIC").at(T, "+02:00"))));
        assertEquals(List.of(), lines(byTime));
        assertEquals(Map.of("capture-time", 1L), byTime.matchedBy());

        // another phone at the same instant is another photo
        ReconcileResult otherPhone = run(List.of(photo("d", f("DCIM/IMG_1234.HEIC").at(T, "+02:00"))),
                List.of(photo("c", f("Trip/Beach sunset.HEIC").at(T, "+02:00").camera("Apple", "iPhone 15 Pro"))));
        assertEquals(List.of("MISSING_IN_CLOUD [DCIM/IMG_1234.HEIC] [] by null",
                "MISSING_ON_DEVICE [] [Trip/Beach sunset.HEIC] by null"), lines(otherPhone));

        // another shape at the same instant is another photo too (a square crop is no reduced copy)
        ReconcileResult otherShape = run(List.of(photo("d", f("DCIM/IMG_1234.HEIC").at(T, "+02:00"))),
                List.of(photo("c", f("Trip/Beach sunset.HEIC").at(T, "+02:00").dims(3024, 3024))));
        assertEquals(2, otherShape.mismatches().size());
    }

    @Test
    void editPlusConversionIsReportedAsEditedAndNamesTheConversion() {
        ReconcileResult r = run(
                List.of(photo("d", f("DCIM/IMG_1235.HEIC").at(T, "+02:00").uid("U").fp("a"),
                        f("DCIM/IMG_E1235.HEIC").role(ResourceRole.EDITED_RENDER).fp("b"))),
                List.of(photo("c", f("iCloud Photos/IMG_1235.JPG").at(T, "+02:00").uid("U").fp("c"))));
        Mismatch m = only(r);
        assertEquals(Category.EDITED, m.category());
        assertEquals(List.of("DCIM/IMG_1235.HEIC", "DCIM/IMG_E1235.HEIC"), m.device());
        assertEquals(List.of("iCloud Photos/IMG_1235.JPG"), m.cloud());
        assertEquals("image-unique-id", m.matchedBy());
        assertEquals("edited on the device only (IMG_E1235.HEIC); also HEIC on the device, JPEG in the cloud",
                m.detail());
        assertEquals(0, r.identical());
    }

    @Test
    void reducedPlusConversionIsReducedAndNamesTheConversion() {
        // icloudpd --size medium: a JPEG of 1280x960 for a HEIC original, named -medium, no fingerprint in common
        ReconcileResult r = run(List.of(photo("d", f("DCIM/IMG_0010.HEIC").at(T, "+02:00").size(2_000_000))),
                List.of(photo("c", f("2023/05/01/IMG_0010-medium.JPG").role(ResourceRole.DERIVATIVE)
                        .at(T, "+02:00").dims(1280, 960).size(300_000))));
        Mismatch m = only(r);
        assertEquals(Category.REDUCED, m.category());
        assertEquals("capture-time", m.matchedBy());
        assertEquals("4032x3024 on the device, 1280x960 in the cloud (smaller in the cloud); also HEIC on the device,"
                + " JPEG in the cloud", m.detail());

        // the same without sub-seconds: no capture-time key, the normalised name and the date pair them
        ReconcileResult byName = run(
                List.of(photo("d", f("DCIM/IMG_0010.HEIC").at("2023-05-01T12:00:00", "+02:00").size(2_000_000))),
                List.of(photo("c", f("2023/05/01/IMG_0010-medium.JPG").role(ResourceRole.DERIVATIVE)
                        .at("2023-05-01T12:00:00", null).dims(1280, 960).size(300_000))));
        assertEquals(List.of("REDUCED [DCIM/IMG_0010.HEIC] [2023/05/01/IMG_0010-medium.JPG] by file-name"),
                lines(byName));
    }

    @Test
    void icloudpdNameCollisionsPairBySize() {
        // the camera counter wrapped: two different IMG_1234.JPG; icloudpd stored the second as IMG_1234-67890.JPG
        List<Asset> device = List.of(
                photo("d1", f("DCIM/100APPLE/IMG_1234.JPG").at("2019-01-01T10:00:00", null).size(67890)),
                photo("d2", f("DCIM/105APPLE/IMG_1234.JPG").at("2022-01-01T10:00:00", null).size(5000)));
        List<Asset> cloud = List.of(
                photo("c1", f("2022/01/01/IMG_1234.JPG").at("2022-01-01T10:00:00", null).size(5000)),
                photo("c2", f("2019/01/01/IMG_1234-67890.JPG").at("2019-01-01T10:00:00", null).size(67890)));
        ReconcileResult r = run(device, cloud);
        assertEquals(List.of(), lines(r));
        assertEquals(2, r.identical());
        assertEquals(Map.of("file-name", 2L), r.matchedBy());
        // the right halves: a pair's sizes agree
        ReconcileResult swapped = run(device, List.of(cloud.get(1)));
        assertEquals(List.of("MISSING_IN_CLOUD [DCIM/105APPLE/IMG_1234.JPG] [] by null"), lines(swapped));
    }

    @Test
    void nameMatchWithContradictingTimeOrContentIdsIsNoMatch() {
        ReconcileResult time = run(
                List.of(photo("d", f("DCIM/IMG_2000.JPG").at("2020-03-01T09:00:00", null).size(777))),
                List.of(photo("c", f("x/IMG_2000.JPG").at("2024-07-01T09:00:00", null).size(777))));
        assertEquals(List.of("MISSING_IN_CLOUD [DCIM/IMG_2000.JPG] [] by null",
                "MISSING_ON_DEVICE [] [x/IMG_2000.JPG] by null"), lines(time));

        ReconcileResult ids = run(
                List.of(photo("d", f("DCIM/IMG_2001.JPG").at("2020-03-01T09:00:00", null).size(777).cid("CA"))),
                List.of(photo("c", f("x/IMG_2001.JPG").at("2020-03-01T09:00:00", null).size(777).cid("CB"))));
        assertEquals(2, ids.mismatches().size());
        assertTrue(ids.mismatches().stream().allMatch(m -> m.matchedBy() == null));

        ReconcileResult guid = run(
                List.of(withListing(photo("d", f("DCIM/IMG_2002.JPG").at("2020-03-01T09:00:00", null).size(777)),
                        listing("IMG_2002.JPG", "GUID-A", null, null, null, false, false, false))),
                List.of(withListing(photo("c", f("x/IMG_2002.JPG").at("2020-03-01T09:00:00", null).size(777)),
                        listing("IMG_2002.JPG", "GUID-B", null, null, null, false, false, false))));
        assertEquals(2, guid.mismatches().size());
    }

    @Test
    void liveMovMissingInCloud() {
        Asset d = live("d", f("DCIM/IMG_4580.HEIC").at(T, "+02:00").fp("s").cid("C"),
                f("DCIM/IMG_4580.MOV").fp("v").cid("C"));
        ReconcileResult r = run(List.of(d),
                List.of(photo("c", f("Photos/IMG_4580.HEIC").at(T, "+02:00").fp("s").cid("C"))));
        Mismatch m = only(r);
        assertEquals(Category.LIVE_PHOTO_INCOMPLETE, m.category());
        assertEquals(List.of("DCIM/IMG_4580.HEIC", "DCIM/IMG_4580.MOV"), m.device());
        assertEquals(List.of("Photos/IMG_4580.HEIC"), m.cloud());

        // still missing in the cloud: the lone video still pairs through its content identifier
        ReconcileResult still = run(List.of(d), List.of(asset("c", AssetKind.LIVE_PHOTO,
                f("Photos/IMG_4580.MOV").role(ResourceRole.LIVE_VIDEO).fp("v").cid("C"))));
        Mismatch s = only(still);
        assertEquals(Category.LIVE_PHOTO_INCOMPLETE, s.category());
        assertEquals("content-identifier", s.matchedBy());
        assertEquals("Live Photo still IMG_4580.HEIC on the device, missing in the cloud", s.detail());
    }

    /**
     * A Live Photo copied to a PC with the iPhone's "Automatic" transfer setting: the still as it was, the video
     * re-encoded (H.264 in the same MOV container, other bytes and other sample data). Before, the pair was counted
     * identical (only the stills were compared): the technician was not told that one side's video is not the
     * original. It is a conversion, not a loss; a video whose metadata alone differs (same sample data) is no
     * difference at all, as before.
     */
    @Test
    void aLivePhotoWhoseVideoWasReencodedIsConvertedNotIdentical() {
        Asset d = live("d", f("DCIM/IMG_0001.HEIC").fp("s").pk("heif:s").cid("L"),
                f("DCIM/IMG_0001.MOV").size(1_100_000).fp("v264").pk("mov:264").cid("L"));
        Asset c = live("c", f("Photos/IMG_0001.HEIC").fp("s").pk("heif:s").cid("L"),
                f("Photos/IMG_0001.MOV").size(3_400_000).fp("vhevc").pk("mov:hevc").cid("L"));
        Mismatch m = only(run(List.of(d), List.of(c)));
        assertEquals(Category.CONVERTED, m.category());
        assertFalse(m.loss(), m.detail());
        assertEquals("Live video re-encoded on one side (the same MOV container, other video data: 1.1 MB on the"
                + " device, 3.4 MB in the cloud)", m.detail());

        Asset meta = live("c", f("Photos/IMG_0001.HEIC").fp("s").pk("heif:s").cid("L"),
                f("Photos/IMG_0001.MOV").size(1_100_100).fp("v264b").pk("mov:264").cid("L"));
        ReconcileResult same = run(List.of(d), List.of(meta));
        assertEquals(List.of(), lines(same), "only the video's metadata differs");
        assertEquals(1, same.identical());
    }

    @Test
    void duplicatesFoundByNameSizeAndTimeWhenNoFingerprint() {
        ReconcileResult r = run(
                List.of(photo("d1", f("DCIM/IMG_3000.JPG").at("2021-01-01T08:00:00", null).size(4242)),
                        photo("d2", f("Downloads/IMG_3000 (1).JPG").at("2021-01-01T08:00:00", null).size(4242))),
                List.of(photo("c", f("x/IMG_3000.JPG").at("2021-01-01T08:00:00", null).size(4242))));
        assertEquals(List.of("DUPLICATE [DCIM/IMG_3000.JPG, Downloads/IMG_3000 (1).JPG] [] by same-side-duplicates"),
                lines(r));
        assertEquals(1, r.identical());

        // both sides hold it twice: parity, nothing to explain
        ReconcileResult both = run(
                List.of(photo("d1", f("DCIM/IMG_3001.HEIC").fp("h")), photo("d2", f("DCIM/IMG_3001 (1).HEIC").fp("h"))),
                List.of(photo("c1", f("x/IMG_3001.HEIC").fp("h")), photo("c2", f("y/IMG_3001.HEIC").fp("h"))));
        assertEquals(List.of(), lines(both));
        assertEquals(2, both.identical());

        // three copies, none in the cloud: one DUPLICATE naming all three, one MISSING_IN_CLOUD for the kept one
        ReconcileResult three = run(
                List.of(photo("d1", f("a/IMG_3002 (2).HEIC").fp("h")), photo("d2", f("a/IMG_3002.HEIC").fp("h")),
                        photo("d3", f("b/IMG_3002 (1).HEIC").fp("h"))),
                List.of());
        assertEquals(List.of("MISSING_IN_CLOUD [a/IMG_3002.HEIC] [] by null",
                "DUPLICATE [a/IMG_3002.HEIC, a/IMG_3002 (2).HEIC, b/IMG_3002 (1).HEIC] [] by content-hash"),
                lines(three));
    }

    @Test
    void listingStatesAndOptimizeStorage() {
        Asset dl = withListing(new Asset("d", AssetKind.PHOTO, List.of(), null),
                listing("IMG_6000.HEIC", "G1", null, Instant.parse("2023-05-01T10:00:00Z"), false, false, true, false));
        Asset cl = withListing(photo("c", f("Photos/IMG_6000.HEIC").at(T, "+02:00")),
                listing("IMG_6000.HEIC", "G1", null, null, null, false, false, false));
        Asset trashed = withListing(photo("d2", f("DCIM/IMG_6001.HEIC").at(T, "+02:00")),
                listing("IMG_6001.HEIC", "G2", null, null, null, true, false, true));
        ReconcileResult r = run(List.of(dl, trashed), List.of(cl));
        assertEquals(List.of("MISSING_IN_CLOUD [DCIM/IMG_6001.HEIC] [] by null",
                "REDUCED [IMG_6000.HEIC] [Photos/IMG_6000.HEIC] by cloud-guid"), lines(r));
        assertEquals(Set.of("trashed", "recently-deleted"), r.mismatches().get(0).states());
        assertEquals(Set.of("hidden", "not-local"), r.mismatches().get(1).states());
        assertEquals("the device keeps only an optimized copy (Optimize Storage): original not on the device",
                r.mismatches().get(1).detail());
    }

    @Test
    void metadataDriftByTimeZoneAndLocation() {
        ReconcileResult zone = run(List.of(photo("d", f("DCIM/IMG_7000.HEIC").at("2023-05-01T12:00:00.5", "+02:00").uid("U"))),
                List.of(photo("c", f("x/IMG_7000.HEIC").at("2023-05-01T10:00:00.5", "Z").uid("U"))));
        Mismatch z = only(zone);
        assertEquals(Category.METADATA_DRIFT, z.category());
        assertEquals("time zone +02:00 vs Z (same moment)", z.detail());

        ReconcileResult place = run(List.of(photo("d", f("DCIM/IMG_7001.HEIC").at(T, "+02:00").uid("U").gps(48.0, 2.0))),
                List.of(photo("c", f("x/IMG_7001.HEIC").at(T, "+02:00").uid("U").gps(48.01, 2.0))));
        Mismatch p = only(place);
        assertEquals(Category.METADATA_DRIFT, p.category());
        assertEquals("locations 1112 m apart", p.detail());

        ReconcileResult removed = run(List.of(photo("d", f("DCIM/IMG_7003.HEIC").at(T, "+02:00").uid("U").gps(48.0, 2.0))),
                List.of(photo("c", f("x/IMG_7003.HEIC").at(T, "+02:00").uid("U"))));
        assertEquals("location removed in the cloud", only(removed).detail());

        // same metadata, same format and size, different bytes: an edit of the original
        ReconcileResult content = run(List.of(photo("d", f("DCIM/IMG_7002.HEIC").at(T, "+02:00").uid("U").fp("a"))),
                List.of(photo("c", f("x/IMG_7002.HEIC").at(T, "+02:00").uid("U").fp("b"))));
        Mismatch c = only(content);
        assertEquals(Category.EDITED, c.category());
        assertEquals("same format and size, different content", c.detail());
    }

    @Test
    void settingsAreReadAndBadValuesNameTheKey() {
        List<Asset> device = List.of(photo("d", f("DCIM/IMG_8000.HEIC").at(T, "+02:00").uid("U")));
        List<Asset> cloud = List.of(photo("c", f("x/IMG_8000.HEIC").at(T, "+02:00").uid("U").dims(3900, 2925)));
        // 3900x2925 is 94% of the pixels: reduced only with a ratio above that
        assertEquals(List.of(), lines(run(device, cloud)));
        assertEquals(List.of("REDUCED [DCIM/IMG_8000.HEIC] [x/IMG_8000.HEIC] by image-unique-id"),
                lines(run(device, cloud, Map.of(MatchSettings.REDUCED_RATIO, "0.95"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(device, cloud, Map.of(MatchSettings.REDUCED_RATIO, "half")));
        assertEquals("setting reduced.ratio must be a number from 0 to 1 (default 0.9), was 'half'", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> run(device, cloud, Map.of(MatchSettings.REDUCED_RATIO, "1.5")), "above the declared max");
    }

    @Test
    void cancellationStopsTheChain() {
        List<Asset> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) many.add(photo("d" + i, f("DCIM/IMG_" + i + ".HEIC").fp("h" + i)));
        NullProgressMonitor canceled = new NullProgressMonitor();
        canceled.setCanceled(true);
        assertThrows(OperationCanceledException.class, () -> new Reconciler().reconcile(side(SideRole.DEVICE, many),
                side(SideRole.CLOUD, many), Reconciler.registryChain(), Map.of(), canceled));
    }

    @Test
    void sidesMustBeGivenInOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Reconciler().reconcile(
                side(SideRole.CLOUD), side(SideRole.CLOUD), Reconciler.registryChain(), Map.of(),
                new NullProgressMonitor()));
        assertEquals("The device side was scanned as the cloud side: swap the two sources", e.getMessage());
    }
}
