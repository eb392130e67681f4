package org.photoparity.sources.ios.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The shared read-only fixtures, copied before use, and a way to prove a folder was left untouched. */
final class Fixtures {

    private Fixtures() {
    }

    static Path shared() {
        String p = System.getProperty("photoparity.shared");
        if (p != null && Files.isDirectory(Path.of(p, "fixtures", "real"))) return Path.of(p);
        return Path.of("/work/shared");
    }

    static Path real(String relative) {
        Path p = shared().resolve("fixtures/real").resolve(relative);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("fixture missing: " + p);
        return p;
    }

    /** Copies a real fixture to {@code target} (a writable copy, with a fresh modification time). */
    static Path copy(String relative, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(real(relative), target, StandardCopyOption.REPLACE_EXISTING);
        target.toFile().setWritable(true);
        return target;
    }

    /** Every file under a folder: relative path to "sha256 size mtime". Equal snapshots: nothing changed or appeared. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!Files.isRegularFile(p)) continue;
                m.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)) + " " + Files.size(p) + " "
                        + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha1Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Base64(Path file) throws IOException {
        try {
            return java.util.Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
