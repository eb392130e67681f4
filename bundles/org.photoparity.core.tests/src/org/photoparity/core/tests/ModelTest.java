package org.photoparity.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.photoparity.core.model.CaptureTime;
import org.photoparity.core.model.Category;
import org.photoparity.core.model.MediaFormat;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;

class ModelTest {

    @Test
    void formatFromFileName() {
        assertEquals(MediaFormat.HEIC, MediaFormat.fromFileName("IMG_0001.HEIC"));
        assertEquals(MediaFormat.JPEG, MediaFormat.fromFileName("x/IMG_E0001.jpeg"));
        assertEquals(MediaFormat.MOV, MediaFormat.fromFileName("IMG_0001_HEVC.MOV"));
        assertEquals(MediaFormat.AAE, MediaFormat.fromFileName("IMG_0001.AAE"));
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.fromFileName(".DS_Store"));
        assertEquals(MediaFormat.UNKNOWN, MediaFormat.fromFileName("README"));
    }

    @Test
    void captureTimeWithAndWithoutOffset() {
        LocalDateTime t = LocalDateTime.of(2024, 5, 1, 12, 30, 15, 123_000_000);
        CaptureTime withOffset = new CaptureTime(t, ZoneOffset.ofHours(2));
        assertEquals("2024-05-01T10:30:15.123Z", withOffset.instant().toString());
        assertTrue(withOffset.hasSubSeconds());
        CaptureTime local = new CaptureTime(t.withNano(0), null);
        assertNull(local.instant());
        assertFalse(local.hasSubSeconds());
        assertEquals(1714566615000L, local.localMillis());
    }

    @Test
    void countsCoverEveryCategoryAndInventoryCountsAddUp() {
        SideInventory empty = new SideInventory(SideRole.DEVICE, List.of(), List.of(), List.of(), List.of(), 0, 0, 0);
        Mismatch m = new Mismatch(Category.CONVERTED, List.of("a.HEIC"), List.of("a.JPG"), "content-identifier",
                "HEIC on device, JPEG in cloud", java.util.Set.of(), List.of(), List.of());
        ReconcileResult r = new ReconcileResult(empty, empty, 4, List.of(m, m), Map.of("content-identifier", 2L));
        assertEquals(Category.values().length, r.counts().size());
        assertEquals(2L, r.counts().get(Category.CONVERTED));
        assertEquals(0L, r.counts().get(Category.DUPLICATE));
        assertTrue(empty.countsAddUp());
        SideInventory off = new SideInventory(SideRole.CLOUD, List.of(), List.of(), List.of(), List.of(), 3, 1, 0);
        assertFalse(off.countsAddUp());
    }
}
