package org.photoparity.sources.ios.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.FileIssue;
import org.photoparity.sources.export.PrivacyExportSource;

/** Issue 12 items 5, 9 and 14: every zip of a privacy export obeys the zip limits; every folder entry counts. */
class HostileExportTest {

    private static final String P = "iCloud Photos Part 1 of 1";
    private static final String DETAILS = SyntheticExport.HEADER
            + "IMG_4120.JPG,AQiWRlFyYQmwbX0mUXwqhf+TqR6M,no,no,no,\"Monday January 2,2023 8:05 AM GMT\",0,\"Friday March 10,2023 11:59 PM GMT\"\n";

    @TempDir
    Path tmp;

    private Map<String, byte[]> part() throws Exception {
        Map<String, byte[]> p = new LinkedHashMap<>();
        p.put(P + "/Photos/IMG_4120.JPG", SyntheticExport.read("photos/IMG_4120.JPG"));
        p.put(P + "/Photos/Photo Details.csv", DETAILS.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static String reason(List<FileIssue> issues, String suffix) {
        return issues.stream().filter(f -> f.path().endsWith(suffix)).map(FileIssue::reason).findFirst()
                .orElseThrow(() -> new AssertionError("nothing ending " + suffix + " in " + issues));
    }

    @Test
    void unsafeEntryNamesAreFlaggedAsTheZipSourceDoes() throws Exception {
        Map<String, byte[]> p = part();
        p.put("../evil.JPG", SyntheticExport.read("photos/IMG_4120.JPG"));
        p.put("/abs/IMG_0002.JPG", SyntheticExport.read("photos/IMG_4120.JPG"));
        Path zip = tmp.resolve(P + ".zip");
        SyntheticExport.write(zip, p);
        CollectingContext ctx = new CollectingContext(true);
        new PrivacyExportSource().scan(zip, ctx);
        assertEquals(1, ctx.files.size(), ctx.filesByPath().keySet().toString());
        assertTrue(reason(ctx.unreadable, "evil.JPG").contains("unsafe entry name"), ctx.unreadable.toString());
        assertTrue(reason(ctx.unreadable, "/abs/IMG_0002.JPG").contains("absolute path"));
    }

    @Test
    void zipsNestedDeeperThanTheLimitAreNotOpened() throws Exception {
        byte[] inner = SyntheticExport.zip(Map.of("x/IMG_0001.JPG", SyntheticExport.read("photos/IMG_4120.JPG")));
        for (String level : new String[] { "d.zip", "c.zip", "b.zip" }) inner = SyntheticExport.zip(Map.of(level, inner));
        Map<String, byte[]> p = part();
        p.put(P + "/a.zip", inner);
        Path zip = tmp.resolve(P + ".zip");
        SyntheticExport.write(zip, p);
        CollectingContext ctx = new CollectingContext(true);
        new PrivacyExportSource().scan(zip, ctx);
        assertTrue(reason(ctx.unreadable, "c.zip").contains("nested more than 3"), ctx.unreadable.toString());
        assertEquals(1, ctx.files.size(), ctx.filesByPath().keySet().toString());
    }

    @Test
    void aNestedZeroBombStopsAtTheArchivesExpansionLimit() throws Exception {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.putNextEntry(new ZipEntry("IMG_9999.JPG"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 400; i++) z.write(zeros);
            z.closeEntry();
        }
        Map<String, byte[]> p = part();
        p.put(P + "/Shared.zip", bomb.toByteArray());
        Path zip = tmp.resolve(P + ".zip");
        SyntheticExport.write(zip, p);
        CollectingContext ctx = new CollectingContext(true);
        long t0 = System.nanoTime();
        new PrivacyExportSource().scan(zip, ctx);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60));
        assertTrue(reason(ctx.unreadable, "Shared.zip").contains("inflated beyond"), ctx.unreadable.toString());
        assertEquals(1, ctx.files.size());
    }

    @Test
    void pipesBrokenLinksAndLoopsInAnExportFolderAreAccountedFor() throws Exception {
        Path part = tmp.resolve(P);
        Files.createDirectories(part.resolve("Photos"));
        Files.copy(Fixtures.real("photos/IMG_4120.JPG"), part.resolve("Photos/IMG_4120.JPG"));
        Files.writeString(part.resolve("Photos/Photo Details.csv"), DETAILS);
        Process mk = new ProcessBuilder("mkfifo", part.resolve("Photos/pipe.JPG").toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        Files.createSymbolicLink(part.resolve("Photos/gone.JPG"), part.resolve("nowhere.JPG"));
        Files.createSymbolicLink(part.resolve("Photos/again"), part);
        CollectingContext ctx = new CollectingContext(true);
        new PrivacyExportSource().scan(part, ctx);
        assertEquals(1, ctx.files.size());
        assertTrue(reason(ctx.ignored, "pipe.JPG").contains("not a regular file"), ctx.ignored.toString());
        assertTrue(reason(ctx.unreadable, "gone.JPG").contains("broken symbolic link"), ctx.unreadable.toString());
        assertTrue(reason(ctx.ignored, "again").contains("loop"), ctx.ignored.toString());
    }

    /** Item 19: Photo Details.csv is known by its name and columns; a missing column is a warning, not an album. */
    @Test
    void photoDetailsWithoutTheChecksumColumnInALocalisedFolderKeepsItsDates() throws Exception {
        Map<String, byte[]> p = new LinkedHashMap<>();
        p.put(P + "/Fotos/IMG_4120.JPG", SyntheticExport.read("photos/IMG_4120.JPG"));
        p.put(P + "/Fotos/Photo Details.csv", ("imgName,favorite,hidden,deleted,originalCreationDate,viewCount,importDate\n"
                + "IMG_4120.JPG,yes,no,no,\"Monday January 2,2023 8:05 AM GMT\",0,\"Friday March 10,2023 11:59 PM GMT\"\n")
                .getBytes(StandardCharsets.UTF_8));
        Path zip = tmp.resolve(P + ".zip");
        SyntheticExport.write(zip, p);
        PrivacyExportSource source = new PrivacyExportSource();
        assertEquals(80, source.recognize(zip), "a part with a localised photos folder is an export");
        CollectingContext ctx = new CollectingContext(true);
        source.scan(zip, ctx);
        assertEquals(1, ctx.listings.size(), ctx.ignored.toString());
        var l = ctx.listings.get(0);
        assertEquals(java.time.Instant.parse("2023-01-02T08:05:00Z"), l.created());
        assertTrue(l.favorite());
        assertEquals(P + "/Fotos/IMG_4120.JPG", l.path());
        assertTrue(reason(ctx.ignored, "Photo Details.csv").contains("warning: no fileChecksum column"),
                ctx.ignored.toString());
    }

    /** Item 4: a Photo Details.csv beyond the CSV limit is refused by name, not read into memory. */
    @Test
    void anOversizedPhotoDetailsCsvIsRefusedByName() throws Exception {
        Path part = tmp.resolve(P);
        Files.createDirectories(part.resolve("Photos"));
        Files.copy(Fixtures.real("photos/IMG_4120.JPG"), part.resolve("Photos/IMG_4120.JPG"));
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(part.resolve("Photos/Photo Details.csv")
                .toFile(), "rw")) {
            f.write(SyntheticExport.HEADER.getBytes(StandardCharsets.UTF_8));
            f.setLength(500L << 20); // sparse: 500 MB that cost no disk
        }
        CollectingContext ctx = new CollectingContext(true);
        new PrivacyExportSource().scan(part, ctx);
        assertTrue(reason(ctx.unreadable, "Photo Details.csv").contains("limit"), ctx.unreadable.toString());
        assertEquals(1, ctx.files.size());
    }

    /** Item 8: privacy-export:FIFO.zip is refused at once, not opened (which would wait for a writer forever). */
    @Test
    void aFifoNamedLikeAPartIsRefused() throws Exception {
        Path fifo = tmp.resolve(P + ".zip");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> org.junit.jupiter.api.Assertions.assertThrows(
                        java.io.IOException.class, () -> new PrivacyExportSource().scan(fifo,
                                new CollectingContext(true))));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
