package org.photoparity.sources.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.SideRole;
import org.photoparity.media.FastHash128;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/** The persistent scan cache, and the proof that nothing under a source is ever touched. */
class CacheAndSafetyTest {

    @TempDir
    Path tmp;

    private Scanner.Result run(ScanOptions o, String... specs) throws IOException {
        return Scanner.fromRegistry().run(SideRole.CLOUD, List.of(specs), o, new NullProgressMonitor());
    }

    @Test
    void rescanUsesTheCacheAndRereadsChangedFiles() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), RealFixturesTest.ALL);
        Path cache = tmp.resolve("cache/scan.bin");
        ScanOptions o = new ScanOptions(false, 2, cache);

        Scanner.Result first = run(o, lib.toString());
        assertEquals(0, first.cacheHits());
        assertEquals(11, first.cacheMisses());
        assertTrue(Files.size(cache) > 0);

        Scanner.Result second = run(o, lib.toString());
        assertEquals(11, second.cacheHits());
        assertEquals(0, second.cacheMisses());
        assertEquals(first.inventory().assets(), second.inventory().assets(), "the cache gives back the same assets");

        // change one file: same name, other content and time
        Path changed = lib.resolve("IMG_4120.JPG");
        Files.copy(Fixtures.real("IMG_E4120.JPG"), changed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(changed, FileTime.fromMillis(1_600_000_000_000L));
        Scanner.Result third = run(o, lib.toString());
        assertEquals(10, third.cacheHits());
        assertEquals(1, third.cacheMisses());
        assertEquals(500, Fixtures.file(third.inventory(), "IMG_4120.JPG").height(), "re-read, not the cached 375");
        assertEquals(FastHash128.of(Files.readAllBytes(changed)),
                Fixtures.file(third.inventory(), "IMG_4120.JPG").fingerprint());

        // a metadata-only cache entry cannot answer a pass that needs fingerprints
        Path cache2 = tmp.resolve("cache/meta.bin");
        run(new ScanOptions(true, 2, cache2), lib.toString());
        Scanner.Result full = run(new ScanOptions(false, 2, cache2), lib.toString());
        assertEquals(11, full.cacheMisses());
        Scanner.Result meta = run(new ScanOptions(true, 2, cache2), lib.toString());
        assertEquals(11, meta.cacheHits());
    }

    @Test
    void aDamagedCacheIsRebuiltAndACacheInsideASourceIsRefused() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4120.JPG");
        Path cache = tmp.resolve("scan.bin");
        Files.writeString(cache, "not a cache");
        Scanner.Result r = run(new ScanOptions(false, 1, cache), lib.toString());
        assertEquals(1, r.inventory().filesRead());
        assertTrue(r.cacheNote().contains("rebuilt"), r.cacheNote());
        assertEquals(1, run(new ScanOptions(false, 1, cache), lib.toString()).cacheHits());

        IOException e = assertThrows(IOException.class,
                () -> run(new ScanOptions(false, 1, lib.resolve("sub/scan.bin")), lib.toString()));
        assertTrue(e.getMessage().contains("never writes under a source"), e.getMessage());
        assertTrue(Files.notExists(lib.resolve("sub")));
    }

    /** Size, modification time and content hash of every entry under root, and the entries themselves. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    m.put(key + "/", String.valueOf(Files.getLastModifiedTime(p).toMillis()));
                } else {
                    m.put(key, Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis() + " "
                            + FastHash128.of(Files.readAllBytes(p)));
                }
            }
        }
        return m;
    }

    @Test
    void nothingUnderASourceIsWrittenRenamedOrTouched() throws IOException {
        Path lib = Fixtures.copy(tmp.resolve("lib"), RealFixturesTest.ALL);
        Files.writeString(lib.resolve(".DS_Store"), "x");
        Files.write(lib.resolve("empty.HEIC"), new byte[0]);
        Path zip = LayoutsTest.zip(lib, tmp.resolve("zips/lib.zip"));
        Map<String, String> before = snapshot(lib);
        Map<String, String> zipBefore = snapshot(zip.getParent());
        Path cache = tmp.resolve("elsewhere/scan.bin");
        for (boolean metadataOnly : new boolean[] {false, true}) {
            run(new ScanOptions(metadataOnly, 2, cache), lib.toString(), zip.toString());
            run(new ScanOptions(metadataOnly, 2, null), lib.toString(), zip.toString());
        }
        assertEquals(before, snapshot(lib));
        assertEquals(zipBefore, snapshot(zip.getParent()));
        assertEquals(13, before.size() - 1, "the snapshot covers every file");
    }
}
