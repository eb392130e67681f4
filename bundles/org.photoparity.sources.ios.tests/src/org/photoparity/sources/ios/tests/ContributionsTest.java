package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.photoparity.core.registry.Contribution;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.ISource;
import org.photoparity.sources.export.PrivacyExportSource;
import org.photoparity.sources.ios.IosBackupSource;
import org.photoparity.sources.ios.PhotosSqliteSource;

/** The three sources are contributed under org.photoparity.core.sources and load without problems. */
class ContributionsTest {

    @Test
    void sourcesAreRegistered() {
        PhotoParityRegistry.reset();
        PhotoParityRegistry r = PhotoParityRegistry.get();
        check(r, "photos-sqlite", PhotosSqliteSource.class, "org.photoparity.sources.ios");
        check(r, "ios-backup", IosBackupSource.class, "org.photoparity.sources.ios");
        check(r, "privacy-export", PrivacyExportSource.class, "org.photoparity.sources.export");
        assertTrue(r.problems().stream().noneMatch(p -> p.toString().contains("org.photoparity.sources.ios")
                || p.toString().contains("org.photoparity.sources.export")), r.problems().toString());
    }

    private static void check(PhotoParityRegistry r, String id, Class<? extends ISource> type, String bundle) {
        Contribution<ISource> c = r.source(id);
        assertNotNull(c, id + " not registered; problems: " + r.problems());
        assertInstanceOf(type, c.instance());
        assertEquals(bundle, c.bundle());
    }
}
