package org.photoparity.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.io.AtomicWriter;
import org.photoparity.core.io.ConsoleText;
import org.photoparity.core.io.InputFiles;
import org.photoparity.core.io.OutputGuard;

/** Issue 12: the output guard, the atomic writer, console escaping and bounded inputs. */
class ReliabilityIoTest {

    @TempDir
    Path tmp;

    @Test
    void theGuardComparesRealPathsThroughLinksDotDotAndDanglingLinks() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("source"));
        Path link = tmp.resolve("link");
        Files.createSymbolicLink(link, source);
        Path dangling = tmp.resolve("dangling");
        Files.createSymbolicLink(dangling, source.resolve("not-yet"));

        for (Path out : new Path[] { link.resolve("report"), tmp.resolve("x/../link/a.json"), source,
                dangling, dangling.resolve("deeper/file.json") }) {
            IOException e = assertThrows(IOException.class,
                    () -> new OutputGuard().input("device source", source).output("--out", out).check(), out::toString);
            assertTrue(e.getMessage().contains(out.toString()) && e.getMessage().contains(source.toString()),
                    e.getMessage());
        }
        new OutputGuard().input("device source", source).output("--out", tmp.resolve("elsewhere")).check();
        new OutputGuard().input("device source", source).output("--out", tmp.resolve("source-report")).check();
        // a source that is a file: writing beside it is fine, onto it is not
        Path zip = Files.writeString(tmp.resolve("x.zip"), "PK");
        assertThrows(IOException.class, () -> new OutputGuard().input("zip", zip).output("--json", zip).check());
        new OutputGuard().input("zip", zip).output("--json", tmp.resolve("x.zip.json")).check();
    }

    @Test
    void caseIsIgnoredWhereTheFileSystemIgnoresIt() {
        assertTrue(OutputGuard.inside(Path.of("/Users/a/Photos/r.json"), Path.of("/users/A/photos"), true));
        assertFalse(OutputGuard.inside(Path.of("/Users/a/Photos/r.json"), Path.of("/users/A/photos"), false));
        assertFalse(OutputGuard.inside(Path.of("/Users/a/Photos2/r.json"), Path.of("/users/A/photos"), true));
    }

    @Test
    void aFailedWriteKeepsThePreviousFileWholeAndNamesTheFile() throws Exception {
        Path target = tmp.resolve("report.json");
        AtomicWriter.write(target, "{\"old\":true}".getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> AtomicWriter.write(target, out -> {
            out.write("{\"new\":".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains(target.toString()) && e.getMessage().contains("No space left on device"),
                e.getMessage());
        assertEquals("{\"old\":true}", Files.readString(target));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temp file left behind");
        }
        // a cancel (a RuntimeException) half-way is the same
        assertThrows(IllegalStateException.class, () -> AtomicWriter.write(target, out -> {
            out.write('{');
            out.close(); // a JSON generator closes what it writes to; the file is not final until the end
            throw new IllegalStateException("cancelled");
        }));
        assertEquals("{\"old\":true}", Files.readString(target));
        AtomicWriter.write(target, out -> out.write("{\"new\":true}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("{\"new\":true}", Files.readString(target));
    }

    @Test
    void controlCharactersAreEscapedOnTheConsole() {
        assertEquals("a\\x1b]52;c;Zm9v\\x07b", ConsoleText.safe("a\u001b]52;c;Zm9v\u0007b"));
        assertEquals("x\\u202eGPJ.exe", ConsoleText.safe("x\u202eGPJ.exe"));
        assertEquals("plain café", ConsoleText.safe("plain café"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = ConsoleText.stream(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        ps.println("IMG\u001b[2J\u009b1;1H\r\u202eé.JPG\tok");
        ps.flush();
        assertEquals("IMG\\x1b[2J\\x9b1;1H\\x0d\\u202eé.JPG\tok\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onlyRegularFilesWithinTheLimitAreRead() throws Exception {
        Path fifo = tmp.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0);
        IOException e = assertThrows(IOException.class, () -> InputFiles.readAll(fifo, 100, "--answers"));
        assertTrue(e.getMessage().contains("not a regular file") && e.getMessage().contains(fifo.toString()));
        assertThrows(IOException.class, () -> InputFiles.readAll(Path.of("/dev/zero"), 100, "--device-info"));
        Path big = Files.write(tmp.resolve("big.txt"), new byte[101]);
        IOException tooBig = assertThrows(IOException.class, () -> InputFiles.readAll(big, 100, "--device-info"));
        assertTrue(tooBig.getMessage().contains(big.toString()) && tooBig.getMessage().contains("limit"));
        assertArrayEquals(new byte[100], InputFiles.readAll(Files.write(tmp.resolve("ok"), new byte[100]), 100, "x"));
    }
}
