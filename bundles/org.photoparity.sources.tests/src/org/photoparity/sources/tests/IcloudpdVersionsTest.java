package org.photoparity.sources.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.AssetKind;
import org.photoparity.core.model.ResourceRole;
import org.photoparity.core.model.SideInventory;
import org.photoparity.demo.MetadataRewrite;
import org.photoparity.sources.FileNames;

/**
 * Issue 10 item 2: icloudpd's names for the versions of one asset (its utils.disambiguate_filenames and
 * asset_version.py): with --size original --size adjusted an edited HEIC arrives as IMG_1234.HEIC + IMG_1234.JPG,
 * the render keeping the original's name with its own extension; -alternative is the RAW/JPEG twin original;
 * the size suffix comes after the version suffix (IMG_1234-medium-12345.JPG); legacy -original is the original.
 */
class IcloudpdVersionsTest {

    @TempDir
    Path tmp;

    /**
     * An icloudpd day folder holding a real HEIC and a real edit render of the same capture: the render (IMG_E4120,
     * an iPhone SE JPEG) is given the HEIC's capture time and camera by rewriting its EXIF in place.
     */
    static Path editedHeicAsIcloudpdWritesIt(Path dir, String stem) throws IOException {
        Fixtures.copy(dir, "iphone_7.heic=>" + stem + ".HEIC", "IMG_E4120.JPG=>" + stem + ".JPG");
        Path render = dir.resolve(stem + ".JPG");
        assertTrue(MetadataRewrite.shiftCaptureTime(render, LocalDateTime.parse("2019-06-09T12:57:32"),
                Duration.between(LocalDateTime.parse("2019-06-09T12:57:32"),
                        LocalDateTime.parse("2018-09-10T12:16:13"))) >= 1);
        assertTrue(MetadataRewrite.replaceInJpegHeader(render, "835", "023") >= 1);
        assertTrue(MetadataRewrite.replaceInJpegHeader(render, "iPhone SE", "iPhone 7\0") >= 1);
        return dir;
    }

    @Test
    void heicWithItsRenderUnderTheSameNameIsOneEditedAsset() throws IOException {
        Path lib = editedHeicAsIcloudpdWritesIt(tmp.resolve("lib/2018/09/10"), "IMG_4120");
        // the same two files, but the JPEG taken at another moment: two photos
        Fixtures.copy(tmp.resolve("lib/2018/09/11"), "iphone_7.heic=>IMG_7000.HEIC", "IMG_E4120.JPG=>IMG_7000.JPG");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), tmp.resolve("lib").toString());

        Asset edited = Fixtures.assetWith(inv, "2018/09/10/IMG_4120.HEIC");
        assertSame(edited, Fixtures.assetWith(inv, "2018/09/10/IMG_4120.JPG"));
        assertEquals(AssetKind.PHOTO, edited.kind());
        assertEquals(ResourceRole.ORIGINAL, edited.primary().role());
        assertEquals("2018/09/10/IMG_4120.HEIC", edited.primary().path());
        assertEquals(ResourceRole.EDITED_RENDER, Fixtures.file(inv, "2018/09/10/IMG_4120.JPG").role());

        assertTrue(Fixtures.assetWith(inv, "2018/09/11/IMG_7000.HEIC") != Fixtures.assetWith(inv,
                "2018/09/11/IMG_7000.JPG"), "another moment: two assets");
        assertEquals(3, inv.assets().size());
    }

    @Test
    void alternativeMediumWithSizeAndLegacyOriginalGroupWithTheirAsset() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib/2019/06/09"), "IMG_4120.JPG", "IMG_4120.JPG=>IMG_4120-alternative.JPG",
                "IMG_E4120.JPG=>IMG_4120-medium-66536.JPG", "IMG_E4120.JPG=>IMG_4120-thumb.JPG",
                "IMG_4120.JPG=>IMG_0001-original.JPG");
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        Asset a = Fixtures.assetWith(inv, "IMG_4120.JPG");
        assertEquals("IMG_4120.JPG", a.primary().path());
        assertSame(a, Fixtures.assetWith(inv, "IMG_4120-alternative.JPG"));
        assertSame(a, Fixtures.assetWith(inv, "IMG_4120-medium-66536.JPG"));
        assertSame(a, Fixtures.assetWith(inv, "IMG_4120-thumb.JPG"));
        assertEquals(ResourceRole.ORIGINAL, Fixtures.file(inv, "IMG_4120-alternative.JPG").role(), "a twin, not an edit");
        assertEquals(ResourceRole.DERIVATIVE, Fixtures.file(inv, "IMG_4120-medium-66536.JPG").role());
        assertEquals(ResourceRole.ORIGINAL, Fixtures.file(inv, "IMG_0001-original.JPG").role());
        assertEquals(2, inv.assets().size());

        assertEquals(ResourceRole.ORIGINAL, FileNames.roleOf("IMG_1234-alternative.DNG"));
        assertEquals(ResourceRole.DERIVATIVE, FileNames.roleOf("IMG_1234-medium-12345.JPG"));
        assertEquals(ResourceRole.DERIVATIVE, FileNames.roleOf("IMG_1234-thumb-9.JPG"));
        assertEquals(ResourceRole.EDITED_RENDER, FileNames.roleOf("IMG_1234-adjusted-12345.JPG"));
        assertEquals("IMG_1234", FileNames.assetStem("IMG_1234-medium-12345.JPG"));
        assertEquals("IMG_1234", FileNames.assetStem("IMG_1234-original.HEIC"));
        assertEquals("IMG_1234-12345", FileNames.assetStem("IMG_1234-12345.JPG"), "a clash name is another asset");
    }
}
