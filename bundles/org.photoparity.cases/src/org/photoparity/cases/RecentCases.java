package org.photoparity.cases;

import org.photoparity.core.io.AtomicWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cases a technician opened lately, newest first, kept in a small text file (one absolute folder per line)
 * that is replaced atomically.
 */
public final class RecentCases {

    public static final int MAX = 12;

    private final Path file;

    public RecentCases(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Every remembered case folder, newest first, including ones that no longer exist (the view says so). */
    public synchronized List<Path> list() {
        List<Path> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) return out;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                Path p = Path.of(s);
                if (!out.contains(p)) out.add(p);
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Puts {@code dir} first. */
    public synchronized void add(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        List<Path> l = list();
        l.remove(abs);
        l.add(0, abs);
        while (l.size() > MAX) l.remove(l.size() - 1);
        write(l);
    }

    public synchronized void remove(Path dir) throws IOException {
        List<Path> l = list();
        if (l.remove(dir.toAbsolutePath().normalize())) write(l);
    }

    private void write(List<Path> l) throws IOException {
        StringBuilder sb = new StringBuilder("# PhotoParity recent cases, newest first\n");
        for (Path p : l) sb.append(p).append('\n');
        AtomicWriter.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
