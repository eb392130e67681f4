package org.photoparity.product.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Issue 12, run against the materialized product as a technician (or an attacker) would. */
class ReliabilityProductTest {

    @TempDir
    Path work;

    private static byte[] jpeg(int seed) throws Exception {
        BufferedImage img = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < 12; y++) for (int x = 0; x < 16; x++) img.setRGB(x, y, r.nextInt(0xffffff));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", b);
        return b.toByteArray();
    }

    private Path library(String name, int files) throws Exception {
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        for (int i = 0; i < files; i++) Files.write(dir.resolve(String.format("IMG_%04d.JPG", i)), jpeg(i));
        return dir;
    }

    /** Item 1: scan --json onto a photo of the scanned folder, or onto the scanned zip, is refused; nothing written. */
    @Test
    void scanJsonIntoTheSourceIsRefusedAndTheSourceIsUntouched() throws Exception {
        Path lib = library("lib", 2);
        byte[] photo = Files.readAllBytes(lib.resolve("IMG_0000.JPG"));
        Product.Run r = Product.run(Product.home(), work, "scan", lib.toString(), "--json",
                lib.resolve("IMG_0000.JPG").toString(), "--no-cache");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("IMG_0000.JPG") && r.err().contains(lib.toString()), r.err());
        assertArrayEquals(photo, Files.readAllBytes(lib.resolve("IMG_0000.JPG")), "the photo must be untouched");

        Path zip = work.resolve("x.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("IMG_0001.JPG"));
            z.write(photo);
            z.closeEntry();
        }
        byte[] zipBytes = Files.readAllBytes(zip);
        Product.Run z = Product.run(Product.home(), work, "scan", zip.toString(), "--json", zip.toString(),
                "--no-cache");
        assertEquals(1, z.exit(), z.out() + z.err());
        assertArrayEquals(zipBytes, Files.readAllBytes(zip), "the source zip must be untouched");
        // the same with a kind prefix, and spelled with .. and a link
        Path link = work.resolve("link");
        Files.createSymbolicLink(link, lib);
        Product.Run viaLink = Product.run(Product.home(), work, "scan", "folder:" + lib, "--json",
                work.resolve("other/../link/IMG_0001.JPG").toString(), "--no-cache");
        assertEquals(1, viaLink.exit(), viaLink.out() + viaLink.err());
        assertTrue(viaLink.err().contains("once links are resolved"), viaLink.err());
    }

    /** Item 1: probes --json onto the backup's Manifest.db is refused before anything runs. */
    @Test
    void probesJsonIntoTheBackupIsRefused() throws Exception {
        Path backup = work.resolve("backup");
        Files.createDirectories(backup);
        Files.writeString(backup.resolve("Manifest.db"), "not really a database");
        byte[] before = Files.readAllBytes(backup.resolve("Manifest.db"));
        Product.Run r = Product.run(Product.home(), work, "probes", "--backup", backup.toString(), "--json",
                backup.resolve("Manifest.db").toString(), "--set", "network.endpoints=none");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--backup") && r.err().contains("Manifest.db"), r.err());
        assertArrayEquals(before, Files.readAllBytes(backup.resolve("Manifest.db")));
    }

    /** Items 2 and 18: --out through a link into a source, or inside --backup, is refused before the scan. */
    @Test
    void outThroughALinkOrIntoTheBackupIsRefusedBeforeAnyScan() throws Exception {
        Path device = library("device", 2);
        Path cloud = library("cloud", 1);
        Path link = work.resolve("link");
        Files.createSymbolicLink(link, device);
        Path cache = work.resolve("cache");
        Product.Run r = Product.run(Product.home(), work, "analyze", "--device", device.toString(), "--cloud",
                cloud.toString(), "--out", link.resolve("report").toString(), "--cache-dir", cache.toString(),
                "--set", "network.endpoints=none");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(link.resolve("report").toString()) && r.err().contains(device.toString()), r.err());
        assertFalse(Files.exists(device.resolve("report")), "nothing may be written into the source");
        assertFalse(Files.exists(cache.resolve("device.cache")), "the check comes before the scan");

        Path backup = work.resolve("backup");
        Files.createDirectories(backup);
        Product.Run b = Product.run(Product.home(), work, "analyze", "--device", device.toString(), "--cloud",
                cloud.toString(), "--backup", backup.toString(), "--out", backup.resolve("r").toString(),
                "--no-cache", "--set", "network.endpoints=none");
        assertEquals(1, b.exit(), b.out() + b.err());
        assertTrue(b.err().contains("--backup"), b.err());
        assertFalse(Files.exists(backup.resolve("r")));
    }

    /** Item 20: a missing answers file stops analyze as it stops probes. */
    @Test
    void aMissingAnswersFileIsExit1ForAnalyzeAndProbes() throws Exception {
        Path device = library("device", 1);
        Path cloud = library("cloud", 1);
        Path missing = work.resolve("answers.properties");
        Product.Run a = Product.run(Product.home(), work, "analyze", "--device", device.toString(), "--cloud",
                cloud.toString(), "--answers", missing.toString(), "--out", work.resolve("out").toString(),
                "--no-cache", "--set", "network.endpoints=none");
        assertEquals(1, a.exit(), a.out() + a.err());
        assertTrue(a.err().contains(missing.toString()), a.err());
        Product.Run p = Product.run(Product.home(), work, "probes", "--answers", missing.toString(), "--set",
                "network.endpoints=none");
        assertEquals(1, p.exit(), p.out() + p.err());
    }

    /** Items 4 and 8: a FIFO or a device as evidence is refused by name at once, not read forever. */
    @Test
    void fifoAndDeviceEvidenceAreRefusedByName() throws Exception {
        Path fifo = work.resolve("info.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0);
        Path device = library("device", 1);
        Path cloud = library("cloud", 1);
        for (String[] opt : new String[][] { { "--device-info", fifo.toString() }, { "--answers", fifo.toString() },
                { "--device-info", "/dev/zero" } }) {
            Product.Run r = Product.run(Product.home(), work, "analyze", "--device", device.toString(), "--cloud",
                    cloud.toString(), opt[0], opt[1], "--out", work.resolve("out").toString(), "--no-cache",
                    "--set", "network.endpoints=none");
            assertEquals(1, r.exit(), String.join(" ", opt) + ": " + r.out() + r.err());
            assertTrue(r.err().contains(opt[1]) && r.err().contains("not a regular file"), r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        }
        // item 4: an evidence file far beyond any real ideviceinfo output is refused by name, not read
        Path huge = work.resolve("ideviceinfo.txt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.write("ProductType: iPhone15,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            f.setLength(300L << 20); // sparse
        }
        Product.Run big = Product.run(Product.home(), work, "probes", "--device-info", huge.toString(), "--set",
                "network.endpoints=none");
        assertEquals(1, big.exit(), big.out() + big.err());
        assertTrue(big.err().contains(huge.toString()) && big.err().contains("limit"), big.err());
        assertEquals(1, big.err().lines().count(), "one line: " + big.err());
    }

    /** Item 16: a device side that cannot be read at all stops the analysis; an empty one is a valid result. */
    @Test
    void anUnreadableSideStopsTheAnalysisAndAnEmptyOneDoesNot() throws Exception {
        Path cloud = library("cloud", 2);
        Path damaged = work.resolve("damaged.zip");
        byte[] junk = new byte[4096];
        new Random(3).nextBytes(junk);
        junk[0] = 'P';
        junk[1] = 'K';
        junk[2] = 3;
        junk[3] = 4;
        Files.write(damaged, junk);
        Product.Run r = Product.run(Product.home(), work, "analyze", "--device", damaged.toString(), "--cloud",
                cloud.toString(), "--out", work.resolve("out").toString(), "--no-cache", "--set",
                "network.endpoints=none");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("device side could not be read") && r.err().contains("damaged.zip"), r.err());
        assertFalse(Files.exists(work.resolve("out/report.json")));

        Path empty = work.resolve("empty");
        Files.createDirectories(empty);
        Product.Run ok = Product.run(Product.home(), work, "analyze", "--device", empty.toString(), "--cloud",
                cloud.toString(), "--out", work.resolve("out2").toString(), "--no-cache", "--set",
                "network.endpoints=none");
        assertEquals(0, ok.exit(), ok.out() + ok.err());
    }

    /** Item 13: escape sequences in file names reach the terminal escaped. */
    @Test
    void controlCharactersInNamesArePrintedEscaped() throws Exception {
        Path lib = work.resolve("esc");
        Files.createDirectories(lib);
        Files.writeString(lib.resolve("bad\u001b]52;c;Zm9v\u0007name.JPG"), "not a jpeg");
        Product.Run r = Product.run(Product.home(), work, "scan", lib.toString(), "--no-cache");
        String all = r.out() + r.err();
        assertFalse(all.contains("\u001b"), "no raw ESC on the console");
        assertTrue(all.contains("bad\\x1b]52;c;Zm9v\\x07name.JPG"), all);
    }

    /**
     * Item 3: kill -9 while report.json is being written leaves the previous report whole (old or new, never torn).
     */
    @Test
    void killDuringTheReportWriteLeavesTheOldReportWhole() throws Exception {
        Path device = library("device", 1500);
        Path cloud = work.resolve("cloud");
        Files.createDirectories(cloud);
        Files.write(cloud.resolve("IMG_0000.JPG"), Files.readAllBytes(device.resolve("IMG_0000.JPG")));
        Path out = work.resolve("out");
        Product.Run first = Product.run(Product.home(), work, "analyze", "--device", device.toString(), "--cloud",
                cloud.toString(), "--out", out.toString(), "--no-cache", "--metadata-only", "--set",
                "network.endpoints=none");
        assertEquals(0, first.exit(), first.out() + first.err());
        List<String> names = List.of("report.json", "report.html", "mismatches.csv");
        List<byte[]> old = new ArrayList<>();
        for (String n : names) old.add(Files.readAllBytes(out.resolve(n)));
        long oldModified = Files.getLastModifiedTime(out.resolve("report.json")).toMillis();

        int killedWhileWriting = 0;
        for (int round = 0; round < 3; round++) {
            Process p = Product.start(Product.home(), work, "analyze", "--device", device.toString(), "--cloud",
                    cloud.toString(), "--out", out.toString(), "--no-cache", "--metadata-only", "--set",
                    "network.endpoints=none");
            boolean writing = false;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
            while (p.isAlive() && System.nanoTime() < deadline) {
                if (writingStarted(out, oldModified, old.get(0).length)) {
                    writing = true;
                    break;
                }
            }
            p.destroyForcibly(); // SIGKILL
            p.waitFor(30, TimeUnit.SECONDS);
            if (writing) killedWhileWriting++;
            for (int i = 0; i < names.size(); i++) {
                byte[] now = Files.readAllBytes(out.resolve(names.get(i)));
                if (!java.util.Arrays.equals(old.get(i), now)) {
                    // only a complete new report may replace the old one
                    if (names.get(i).endsWith(".json")) {
                        JsonNode j = new ObjectMapper().readTree(now);
                        assertEquals(1499, j.get("summary").get("MISSING_IN_CLOUD").asInt(), "a whole new report");
                    } else {
                        assertTrue(new String(now, java.nio.charset.StandardCharsets.UTF_8).length() > 100);
                    }
                }
            }
            JsonNode j = new ObjectMapper().readTree(out.resolve("report.json").toFile());
            assertEquals(1499, j.get("mismatches").size(), "report.json is whole after kill -9 in round " + round);
            oldModified = Files.getLastModifiedTime(out.resolve("report.json")).toMillis();
            old.set(0, Files.readAllBytes(out.resolve("report.json")));
        }
        assertTrue(killedWhileWriting > 0, "at least one kill landed while the report was being written");
    }

    /** Writing began: a temp file beside report.json, or report.json itself changed. */
    private static boolean writingStarted(Path out, long oldModified, long oldSize) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            if (s.anyMatch(f -> f.getFileName().toString().startsWith(".report.json."))) return true;
        }
        Path json = out.resolve("report.json");
        try {
            return Files.getLastModifiedTime(json).toMillis() != oldModified || Files.size(json) != oldSize;
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        }
    }

    /** Item 20: a home folder that cannot be written is one line naming the folder, not exit 15 with HTML. */
    @Test
    void anUnwritableHomeSaysWhichFolderToMakeWritable() throws Exception {
        Path launcher;
        try (Stream<Path> s = Files.list(Product.home().resolve("plugins"))) {
            launcher = s.filter(p -> p.getFileName().toString().startsWith("org.photoparity.launcher_")).findFirst()
                    .orElseThrow(() -> new AssertionError("no org.photoparity.launcher in the product"));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String home = "/proc/photoparity-no-such-home";
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Duser.home=" + home, "-jar", launcher.toString())
                .directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("DISPLAY", ":77");
        pb.environment().remove("XDG_DATA_HOME");
        pb.environment().put("HOME", home);
        Path log = work.resolve("launcher.txt");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not stop: " + Files.readString(log));
        }
        String out = Files.readString(log);
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains(home) && out.contains("writable") && !out.contains("<html"), out);
        assertEquals(1, out.lines().filter(l -> !l.isBlank()).count(), "one line: " + out);
    }
}
