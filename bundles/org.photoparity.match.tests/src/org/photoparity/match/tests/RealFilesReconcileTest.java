package org.photoparity.match.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.demo.DemoCase;
import org.photoparity.match.Reconciler;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/**
 * Reconciles sides scanned from files: the real iPhone fixtures arranged as a device (DCIM) and an icloudpd download
 * (yyyy/mm/dd) with one difference of each kind planted by which files are copied where, and the generated demo case.
 * Every mismatch is asserted with its category and exact files, and the identical count is exact, so anything
 * unperturbed that gets reported fails the test.
 */
class RealFilesReconcileTest {

    private static final String DCIM = "DCIM/100APPLE/";

    private static Path photos() {
        Path shared = Path.of(System.getProperty("photoparity.shared", "/work/shared"));
        // a worktree's ../shared may not exist; the shared folder itself does
        if (!Files.isDirectory(shared.resolve("fixtures"))) shared = Path.of("/work/shared");
        Path p = shared.resolve("fixtures/real/photos");
        assertTrue(Files.isDirectory(p), () -> "real fixtures not found at " + p
                + ": set -Dphotoparity.shared to the shared folder");
        return p;
    }

    private static void copy(String name, Path root, String as) throws IOException {
        Path to = root.resolve(as);
        Files.createDirectories(to.getParent());
        Files.copy(photos().resolve(name), to);
    }

    private static ReconcileResult reconcile(Path device, Path cloud) throws IOException {
        ScanOptions o = ScanOptions.defaults().withoutCache();
        SideInventory d = Scanner.scan(SideRole.DEVICE, List.of(device.toString()), o, new NullProgressMonitor());
        SideInventory c = Scanner.scan(SideRole.CLOUD, List.of(cloud.toString()), o, new NullProgressMonitor());
        return new Reconciler().reconcile(d, c, Map.of(), new NullProgressMonitor()); // the registry chain
    }

    /** One line per mismatch: category, then the files of each side, sorted (the order within an asset is the scanner's). */
    private static List<String> lines(ReconcileResult r) {
        List<String> out = new ArrayList<>();
        for (Mismatch m : r.mismatches()) out.add(line(m.category(), m.device(), m.cloud()));
        return out;
    }

    private static String line(Category c, List<String> device, List<String> cloud) {
        return c + " " + device.stream().sorted().toList() + " " + cloud.stream().sorted().toList();
    }

    @Test
    void realFixturesWithEveryKindOfDifferencePlanted(@TempDir Path tmp) throws IOException {
        Path device = tmp.resolve("iphone");
        Path cloud = tmp.resolve("icloudpd");
        // the device: every fixture but the one only the cloud still has
        for (String f : List.of("IMG_4580.HEIC", "IMG_4580.mov", "IMG_0658.JPG", "IMG_4120.JPG", "IMG_E4120.JPG",
                "IMG_4120.AAE", "train.jpg", "train.mov", "Apple iPhone 6.jpg", "Apple iPhone 4.jpg")) {
            copy(f, device, DCIM + f);
        }
        // the cloud, as icloudpd lays it out
        copy("IMG_4580.HEIC", cloud, "2019/08/24/IMG_4580.HEIC"); // Live Photo without its video
        // IMG_0658.JPG never uploaded
        copy("iphone_7.heic", cloud, "2017/01/15/iphone_7.heic"); // deleted from the device
        copy("IMG_4120.JPG", cloud, "2018/06/02/IMG_4120.JPG"); // the device's edit (render + AAE) not synced
        copy("train.jpg", cloud, "2020/02/11/train.jpg");
        copy("train.mov", cloud, "2020/02/11/train.mov");
        copy("Apple iPhone 6.jpg", cloud, "2015/03/08/IMG_0001.jpg"); // renamed: still the same bytes
        copy("Apple iPhone 4.jpg", cloud, "2011/07/30/Apple iPhone 4.jpg");
        copy("Apple iPhone 4.jpg", cloud, "2011/07/30/Apple iPhone 4-338025.jpg"); // icloudpd's size-suffixed clash

        ReconcileResult r = reconcile(device, cloud);

        assertEquals(List.of(
                line(Category.MISSING_IN_CLOUD, List.of(DCIM + "IMG_0658.JPG"), List.of()),
                line(Category.MISSING_ON_DEVICE, List.of(), List.of("2017/01/15/iphone_7.heic")),
                line(Category.EDITED, List.of(DCIM + "IMG_4120.AAE", DCIM + "IMG_4120.JPG", DCIM + "IMG_E4120.JPG"),
                        List.of("2018/06/02/IMG_4120.JPG")),
                line(Category.DUPLICATE, List.of(),
                        List.of("2011/07/30/Apple iPhone 4-338025.jpg", "2011/07/30/Apple iPhone 4.jpg")),
                line(Category.LIVE_PHOTO_INCOMPLETE, List.of(DCIM + "IMG_4580.HEIC", DCIM + "IMG_4580.mov"),
                        List.of("2019/08/24/IMG_4580.HEIC"))),
                lines(r));
        // identical: train (still and video, one asset), Apple iPhone 6 under its new name, Apple iPhone 4's kept copy
        assertEquals(3, r.identical(), () -> lines(r) + " " + r.matchedBy());
        // every pair by content, the renamed one too: plus IMG_4580 and IMG_4120, whose differences are above
        assertEquals(Map.of("content-hash", 5L), r.matchedBy());
    }

    @Test
    void generatedDemoCaseFindsEachPlantAndNothingElse(@TempDir Path tmp) throws IOException {
        DemoCase.Demo demo = DemoCase.create(tmp.resolve("demo"));
        ReconcileResult r = reconcile(demo.device(), demo.cloud());
        List<String> expected = new ArrayList<>();
        for (DemoCase.Plant p : demo.plants()) expected.add(line(p.category(), p.device(), p.cloud()));
        assertEquals(expected, lines(r)); // plants are in category order, one per category, as mismatches are
        assertEquals(DemoCase.EXPECTED_IDENTICAL, r.identical(), () -> lines(r) + " " + r.matchedBy());
        Map<Category, Long> counts = new EnumMap<>(DemoCase.expectedCounts());
        assertEquals(counts, r.counts());
    }
}
