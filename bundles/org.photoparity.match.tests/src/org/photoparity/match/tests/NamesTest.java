package org.photoparity.match.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.photoparity.match.internal.Names;

class NamesTest {

    @Test
    void namingSchemesNormaliseToTheCameraName() {
        assertEquals("IMG_1234", Names.key("IMG_1234.HEIC", 10));
        assertEquals("IMG_1234", Names.key("DCIM/100APPLE/IMG_1234.JPG", 10));
        assertEquals("IMG_1234", Names.key("img_1234.jpeg", 10));
        assertEquals("IMG_1234", Names.key("IMG_1234-67890.JPG", 67890));   // icloudpd name-size dedup
        assertEquals("IMG_1234", Names.key("IMG_1234 (1).JPG", 10));        // iCloud for Windows / copies
        assertEquals("IMG_1234", Names.key("IMG_1234(2).HEIC", 10));        // privacy export across parts
        assertEquals("IMG_1234", Names.key("IMG_1234_HEVC.MOV", 10));       // icloudpd Live video
        assertEquals("IMG_1234", Names.key("IMG_E1234.JPG", 10));           // Photos edit render
        assertEquals("IMG_1234", Names.key("IMG_1234-adjusted.JPG", 10));   // icloudpd edit
        assertEquals("IMG_1234", Names.key("IMG_1234-medium.JPG", 10));     // icloudpd reduced
        assertEquals("IMG_1234", Names.key("IMG_1234-thumb.JPG", 10));
        assertEquals("IMG_1234", Names.key("IMG_1234_AbCdE12.JPG", 10));    // icloudpd name-id7
        assertEquals("IMG_1234", Names.key("IMG_E1234 (1).JPG", 10));
    }

    @Test
    void realNamesKeepTheirNumbers() {
        assertEquals("TRIP-2019", Names.key("trip-2019.jpg", 500));       // not a camera name, not the size
        assertEquals("TRIP", Names.key("trip-2019.jpg", 2019));           // ...unless the number is the size
        assertEquals("APPLE IPHONE 6", Names.key("Apple iPhone 6.jpg", 1));
        assertEquals("IMG_12345", Names.key("IMG_12345.JPG", 1));
    }

    @Test
    void editNames() {
        assertTrue(Names.isEditName("IMG_E4120.JPG"));
        assertTrue(Names.isEditName("IMG_4120-adjusted.JPG"));
        assertFalse(Names.isEditName("IMG_4120.JPG"));
        assertFalse(Names.isEditName("IMG_EXPO.JPG"));
    }

    @Test
    void editPathsLookAtTheNameOnly() {
        assertTrue(Names.isEditPath("DCIM/100APPLE/IMG_E4120.JPG"));
        assertTrue(Names.isEditPath("2023/05/01/IMG_4120-adjusted.JPG"));
        assertTrue(Names.isEditPath("IMG_E4120 (1).JPG"));
        assertFalse(Names.isEditPath("DCIM/100APPLE/IMG_4120.JPG"));
        // the folder's dot and letters are not the name's
        assertFalse(Names.isEditPath("my-adjusted.d/IMG_4120"));
        assertFalse(Names.isEditPath("IMG_E4120/IMG_4120.JPG"));
        assertFalse(Names.isEditPath("IMG_E4120.JPG/"));
    }
}
