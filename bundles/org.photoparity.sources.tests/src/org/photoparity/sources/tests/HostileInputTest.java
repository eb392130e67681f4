package org.photoparity.sources.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.FileIssue;
import org.photoparity.core.model.SideInventory;
import org.photoparity.sources.FolderSource;

/** Issue 12 items 6, 11, 17 and 20: overlapping and encrypted zips, links out of a folder, link loops. */
class HostileInputTest {

    @TempDir
    Path tmp;

    /** One stored entry written by hand, so flags and offsets can be what an attacker wants. */
    private record Raw(String name, byte[] data, int flags) {
    }

    /**
     * A zip of stored entries; {@code sharedCopies} extra central directory records all point at the first entry's
     * local header (the overlapping-entries bomb).
     */
    private static byte[] zip(List<Raw> entries, int sharedCopies) {
        ByteArrayOutputStream local = new ByteArrayOutputStream();
        ByteArrayOutputStream cd = new ByteArrayOutputStream();
        int count = 0;
        long firstOffset = 0;
        Raw first = entries.get(0);
        for (Raw e : entries) {
            long offset = local.size();
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(e.data());
            ByteBuffer h = le(30 + name.length);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) (e.flags() | 0x800)).putShort((short) 0)
                    .putInt(0).putInt((int) crc.getValue()).putInt(e.data().length).putInt(e.data().length)
                    .putShort((short) name.length).putShort((short) 0).put(name);
            local.writeBytes(h.array());
            local.writeBytes(e.data());
            cd.writeBytes(cen(e, name, (int) crc.getValue(), offset));
            count++;
        }
        CRC32 crc = new CRC32();
        crc.update(first.data());
        for (int i = 0; i < sharedCopies; i++) {
            byte[] name = ("copy" + i + ".JPG").getBytes(StandardCharsets.UTF_8);
            cd.writeBytes(cen(first, name, (int) crc.getValue(), firstOffset));
            count++;
        }
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count)
                .putShort((short) count).putInt(cd.size()).putInt(local.size()).putShort((short) 0);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(local.toByteArray());
        all.writeBytes(cd.toByteArray());
        all.writeBytes(end.array());
        return all.toByteArray();
    }

    private static byte[] cen(Raw e, byte[] name, int crc, long offset) {
        ByteBuffer c = le(46 + name.length);
        c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) (e.flags() | 0x800))
                .putShort((short) 0).putInt(0).putInt(crc).putInt(e.data().length).putInt(e.data().length)
                .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putInt(0).putInt((int) offset).put(name);
        return c.array();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String reason(List<FileIssue> issues, String path) {
        return issues.stream().filter(f -> f.path().equals(path)).map(FileIssue::reason).findFirst()
                .orElseThrow(() -> new AssertionError("no " + path + " in " + issues));
    }

    @Test
    void entriesSharingOneStreamRefuseTheArchiveAtOnce() throws Exception {
        byte[] photo = Files.readAllBytes(Fixtures.real("IMG_4120.JPG"));
        Path bomb = tmp.resolve("overlap.zip");
        Files.write(bomb, zip(List.of(new Raw("IMG_4120.JPG", photo, 0)), 5000));
        long t0 = System.nanoTime();
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), "zip:" + bomb);
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "refused, not read 5,001 times");
        assertEquals(0, inv.filesRead());
        assertTrue(reason(inv.unreadable(), "overlap.zip").contains("entries overlap"), inv.unreadable().toString());
    }

    @Test
    void oneEncryptedEntryIsListedAndTheOthersAreRead() throws Exception {
        byte[] photo = Files.readAllBytes(Fixtures.real("IMG_4120.JPG"));
        Path zip = tmp.resolve("mixed.zip");
        Files.write(zip, zip(List.of(new Raw("IMG_4120.JPG", photo, 0),
                new Raw("secret/IMG_0001.JPG", new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, 1)), 0));
        SideInventory inv = Fixtures.scan(Fixtures.noCache(), zip.toString());
        assertEquals(2, inv.filesSeen(), inv.unreadable().toString());
        assertEquals(1, inv.filesRead());
        assertTrue(reason(inv.unreadable(), "secret/IMG_0001.JPG").startsWith("encrypted"), inv.unreadable().toString());
        assertEquals(Fixtures.file(Fixtures.scan(Fixtures.noCache(), Fixtures.copy(tmp.resolve("plain"),
                "IMG_4120.JPG").toString()), "IMG_4120.JPG").fingerprint(), Fixtures.file(inv, "IMG_4120.JPG")
                .fingerprint(), "the readable entry is read whole");
    }

    @Test
    void linksLeadingOutOfTheFolderAreIgnoredWithWhereTheyLeadUnlessAsked() throws Exception {
        Path outside = Fixtures.copy(tmp.resolve("etc"), "IMG_4120.JPG=>secret.JPG", "train.jpg");
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4580.HEIC");
        Files.createSymbolicLink(lib.resolve("etc"), outside);
        Files.createSymbolicLink(lib.resolve("outside.JPG"), outside.resolve("secret.JPG"));
        Files.createDirectories(lib.resolve("inner"));
        Files.createSymbolicLink(lib.resolve("inner/back.HEIC"), lib.resolve("IMG_4580.HEIC"));
        Files.createSymbolicLink(lib.resolve("self.JPG"), lib.resolve("self.JPG"));

        SideInventory inv = Fixtures.scan(Fixtures.noCache(), lib.toString());
        assertEquals(2, inv.filesRead(), "the photo and the link that stays inside");
        assertTrue(reason(inv.ignored(), "etc/").contains("outside the source folder"), inv.ignored().toString());
        assertTrue(reason(inv.ignored(), "outside.JPG").contains(outside.resolve("secret.JPG").toString()));
        // item 20: a link to itself is a loop, not a broken link
        assertTrue(reason(inv.ignored(), "self.JPG").contains("loop"), inv.ignored().toString());
        assertTrue(inv.countsAddUp());

        System.setProperty(FolderSource.FOLLOW_LINKS_PROPERTY, "true");
        try {
            SideInventory followed = Fixtures.scan(Fixtures.noCache(), lib.toString());
            assertEquals(5, followed.filesRead(), followed.ignored().toString());
        } finally {
            System.clearProperty(FolderSource.FOLLOW_LINKS_PROPERTY);
        }
    }

    @Test
    void aFifoGivenAsAZipIsRefusedNotOpened() throws Exception {
        Path fifo = tmp.resolve("p.zip");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0);
        SideInventory inv = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> Fixtures.scan(Fixtures.noCache(), "zip:" + fifo));
        assertTrue(reason(inv.unreadable(), "p.zip").contains("not a regular file"), inv.unreadable().toString());
    }


    /** Item 15: a file rewritten with its old size and modified time is read again, not taken from the cache. */
    @Test
    void aRewriteThatKeepsSizeAndModifiedTimeIsNotTakenFromTheCache() throws Exception {
        Path lib = Fixtures.copy(tmp.resolve("lib"), "IMG_4120.JPG");
        Path photo = lib.resolve("IMG_4120.JPG");
        Path cache = tmp.resolve("cache.bin");
        org.photoparity.sources.ScanOptions o = new org.photoparity.sources.ScanOptions(false, 2, cache);
        String before = Fixtures.file(Fixtures.scan(o, lib.toString()), "IMG_4120.JPG").fingerprint();
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(photo);
        byte[] b = Files.readAllBytes(photo);
        b[b.length / 2] ^= 0x55; // same size, other content
        Thread.sleep(20);
        Files.write(photo, b);
        Files.setLastModifiedTime(photo, mtime);
        assertEquals(b.length, Files.size(photo));
        String after = Fixtures.file(Fixtures.scan(o, lib.toString()), "IMG_4120.JPG").fingerprint();
        assertTrue(!before.equals(after), "the changed file must be read again");
    }
}
