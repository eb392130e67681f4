package org.photoparity.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.cases.CaseData;
import org.photoparity.cases.CaseFolder;
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
import org.photoparity.ui.CaseActions;
import org.photoparity.ui.session.AnalyzeJob;
import org.photoparity.ui.views.CompareView;
import org.photoparity.ui.views.MismatchesView;

/**
 * Compare never passes a damaged file's partial decode off as the picture. A real iPhone JPEG cut to half its length
 * in the cloud (an interrupted download; UNREADABLE_COPY) beside its whole copy on the device: the cloud's preview
 * says it cannot be shown because the file is cut short, with the scanner's reason, where the picture would be (the
 * line under the preview was off screen at 1280x800, the preview itself blank); the device's picture stays. A file
 * the scanner found whole but the decoder cannot decode shows the decoder's words, not a blank.
 */
class CompareUnreadableUiTest {

    private static final String PHOTO = "IMG_0658.JPG";

    @TempDir
    Path tmp;

    private Rectangle before;

    @AfterEach
    void reset() {
        Ui.settleJobs();
        Ui.session().open(null);
        Ui.restoreLayout(before);
    }

    private static Path fixture(String name) {
        return Ui.realFixtures().resolve("photos").resolve(name);
    }

    @Test
    void aCopyCutShortShowsWhyInsteadOfHalfAPictureAndTheOtherSideKeepsItsPicture() throws Exception {
        byte[] whole = Files.readAllBytes(fixture(PHOTO));
        Path device = tmp.resolve("iphone/DCIM/100APPLE"), cloud = tmp.resolve("icloudpd/2016/10/09");
        Files.createDirectories(device);
        Files.createDirectories(cloud);
        Files.write(device.resolve(PHOTO), whole);
        Files.write(cloud.resolve(PHOTO), Arrays.copyOf(whole, whole.length / 2));
        // a photo both sides hold whole, so the cloud side has something readable to compare
        Files.copy(fixture("IMG_4120.JPG"), device.resolve("IMG_4120.JPG"));
        Files.copy(fixture("IMG_4120.JPG"), cloud.resolve("IMG_4120.JPG"));
        CaseFolder c = CaseFolder.create(tmp.resolve("case"), CaseData.named("Cut short").withSources(
                List.of(tmp.resolve("iphone").toString()), List.of(tmp.resolve("icloudpd").toString())));

        before = Ui.at1280x800();
        AnalyzeJob job = CaseActions.open(c, true);
        job.join(60_000, null);
        Ui.waitUntil("the results", 30_000, job::delivered);
        ReconcileResult r = Ui.session().result();
        assertNotNull(r, "analysed: " + Ui.session().analysis().text());
        assertEquals(1, r.mismatches().size(), r.mismatches().toString());
        Mismatch m = r.mismatches().get(0);
        assertEquals(Category.UNREADABLE_COPY, m.category());
        String reason = m.cloudAssets().get(0).primary().unreadableReason();
        assertNotNull(reason, "the scanner recorded the cloud's copy as unreadable");
        assertTrue(reason.startsWith("truncated: "), reason);

        MismatchesView mv = Ui.show(MismatchesView.ID, MismatchesView.class);
        Ui.waitUntil("the row", 10_000, () -> !mv.isBusy() && mv.tableRows() == 1 && mv.mismatchAt(0) != null);
        mv.openInCompare(0);
        CompareView compare = Ui.find(CompareView.ID, CompareView.class);
        assertNotNull(compare);
        Ui.waitUntil("the device's picture", 30_000, () -> compare.hasPreviewImage(0));
        Ui.drain();

        assertFalse(compare.hasPreviewImage(1), "no picture decoded from the half file");
        String shown = compare.previewMessage(1);
        assertEquals("Cannot be shown: the file is cut short (" + reason
                + String.format("; the file ends after %,d bytes)", whole.length / 2), shown);
        Canvas cut = compare.previewCanvas(1);
        int ink = ink(cut);
        assertTrue(ink > 100, "the reason is drawn where the picture would be, not a blank: " + ink);
        Rectangle area = cut.getClientArea();
        Ui.assertOnScreen(cut, area, "the cloud's preview");
        assertTrue(area.height >= 3 * cut.getFont().getFontData()[0].getHeight(),
                "the preview has room for its words at 1280x800: " + area);
        assertTrue(compare.hasPreviewImage(0), "the device's picture stays");
        assertEquals(String.format("JPEG, %d \u00d7 %d", 1024, 768), compare.previewMessage(0));
    }

    @Test
    void aFileTheDecoderCannotDecodeShowsTheDecodersWords() throws Exception {
        byte[] whole = Files.readAllBytes(fixture(PHOTO));
        Path device = Files.createDirectories(tmp.resolve("device")), cloud = Files.createDirectories(
                tmp.resolve("cloud"));
        Files.write(device.resolve(PHOTO), whole);
        // the scanner found this one whole; SWT's decoder refuses it ("Invalid image")
        byte[] bad = Arrays.copyOf(whole, 4_000);
        for (int i = 1_000; i < bad.length; i++) bad[i] = (byte) (i * 31);
        Files.write(cloud.resolve(PHOTO), bad);
        LocalDateTime t = LocalDateTime.of(2016, 10, 9, 14, 44, 17);
        MediaFile d = file(PHOTO, whole.length, t), k = file(PHOTO, bad.length, t);
        Asset da = new Asset("d", AssetKind.PHOTO, List.of(d), null), ka = new Asset("k", AssetKind.PHOTO,
                List.of(k), null);
        Mismatch m = new Mismatch(Category.EDITED, List.of(PHOTO), List.of(PHOTO), "capture-time",
                "same name and time, different content", Set.of(), List.of(da), List.of(ka));
        ReconcileResult r = new ReconcileResult(
                new SideInventory(SideRole.DEVICE, List.of(new SourceRef(device.toString(), "folder")), List.of(da),
                        List.of(), List.of(), 1, 1, whole.length),
                new SideInventory(SideRole.CLOUD, List.of(new SourceRef(cloud.toString(), "folder")), List.of(ka),
                        List.of(), List.of(), 1, 1, bad.length),
                0, List.of(m), Map.of("capture-time", 1L));

        before = Ui.at1280x800();
        CompareView compare = Ui.show(CompareView.ID, CompareView.class);
        compare.show(m, r);
        Ui.waitUntil("both previews", 30_000, () -> compare.hasPreviewImage(0) && compare.previewMessage(1) != null
                && !compare.previewMessage(1).startsWith("Loading"));
        Ui.drain();
        assertFalse(compare.hasPreviewImage(1));
        assertEquals("Cannot be shown: the JPEG data could not be decoded (Invalid image)", compare.previewMessage(1));
        int ink = ink(compare.previewCanvas(1));
        assertTrue(ink > 100, "the decoder's words are drawn, not a blank: " + ink);
    }

    private static MediaFile file(String path, long size, LocalDateTime t) {
        return new MediaFile(0, path, MediaFormat.JPEG, ResourceRole.ORIGINAL, size, 0L, new CaptureTime(t, null),
                "Apple", "iPhone 6s", 4032, 3024, 1, null, null, null, null, null, null, false, null, Map.of());
    }

    /**
     * Pixels of the canvas that are not its background, in the part of it on screen (not under a neighbour where a
     * parent clips it) and inside its frame: what is drawn there, as the technician sees it.
     */
    private static int ink(Canvas c) {
        c.redraw();
        c.update();
        Ui.drain();
        Point origin = c.toDisplay(0, 0);
        Rectangle seen = new Rectangle(origin.x, origin.y, c.getClientArea().width, c.getClientArea().height);
        for (Control k = c.getParent(); k != null; k = k.getParent()) {
            Rectangle a = ((Composite) k).getClientArea();
            Point o = k.toDisplay(a.x, a.y);
            seen = seen.intersection(new Rectangle(o.x, o.y, a.width, a.height));
            if (k instanceof Shell) break;
        }
        if (seen.width < 8 || seen.height < 8) return 0;
        Image shot = new Image(c.getDisplay(), seen.width, seen.height);
        GC gc = new GC(c.getDisplay());
        try {
            gc.copyArea(shot, seen.x, seen.y);
        } finally {
            gc.dispose();
        }
        ImageData data = shot.getImageData();
        shot.dispose();
        RGB bg = c.getBackground().getRGB();
        int n = 0;
        for (int y = 3; y < seen.height - 3; y++) {
            for (int x = 3; x < seen.width - 3; x++) {
                RGB p = data.palette.getRGB(data.getPixel(x, y));
                if (Math.abs(p.red - bg.red) + Math.abs(p.green - bg.green) + Math.abs(p.blue - bg.blue) > 90) n++;
            }
        }
        return n;
    }
}
