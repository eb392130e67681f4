package org.photoparity.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one check every entry point makes before any work starts: no output (a report folder, an inventory or probes
 * JSON, a scan cache, a case folder, a workbench export) may lie in or be one of the inputs (device and cloud
 * sources, the backup, the previous backup, ideviceinfo files, the answers file). Paths are compared as real paths:
 * symbolic links resolved (also dangling ones, which a write would follow), {@code ..} applied after links, and
 * letter case ignored on a file system that ignores it.
 */
public final class OutputGuard {

    private static final int MAX_LINKS = 40;

    /** A path that is read: {@code label} says what it is ("device source", "--backup"). */
    public record Input(String label, Path path) {
    }

    /** A file or folder that will be written ({@code label}: "--json", "--out", "scan cache"). */
    public record Output(String label, Path path) {
    }

    private final List<Input> inputs = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();

    public OutputGuard input(String label, Path path) {
        if (path != null) inputs.add(new Input(label, path));
        return this;
    }

    public OutputGuard output(String label, Path path) {
        if (path != null) outputs.add(new Output(label, path));
        return this;
    }

    public List<Input> inputs() {
        return List.copyOf(inputs);
    }

    /**
     * @throws IOException naming the output and the input it would write into, when one does
     */
    public void check() throws IOException {
        for (Output o : outputs) {
            Path out = real(o.path());
            for (Input i : inputs) {
                Path in = real(i.path());
                if (inside(out, in, caseInsensitive(in))) {
                    String how = out.equals(in) || sameIgnoringCase(out, in) ? "is" : "is inside";
                    throw new IOException(o.label() + " " + o.path() + " " + how + " the " + i.label() + " "
                            + i.path() + (out.toString().equals(o.path().toAbsolutePath().normalize().toString())
                                    ? "" : " (" + out + " once links are resolved)")
                            + ": PhotoParity never writes into what it reads. Choose an output outside every source"
                            + " and evidence path (outside the photo library).");
                }
            }
        }
    }

    /**
     * The real path of {@code p}, which need not exist: the deepest existing ancestor is resolved with
     * {@link Path#toRealPath}, the rest is followed name by name (a dangling link is followed to where it points,
     * as a write would) and normalised.
     */
    public static Path real(Path p) {
        return real(p.toAbsolutePath(), 0);
    }

    private static Path real(Path abs, int depth) {
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        Path cur;
        if (existing == null) {
            cur = abs.getRoot();
        } else {
            try {
                cur = existing.toRealPath();
            } catch (IOException e) {
                // a dangling link (or a loop): follow it by hand
                cur = followLink(existing, depth);
            }
        }
        for (Path name : rest) {
            if (name.toString().equals("..")) {
                cur = cur.getParent() == null ? cur : cur.getParent();
            } else if (!name.toString().equals(".")) {
                cur = cur.resolve(name.toString());
                // x/../link: after a '..' the rest may name something that exists, a link included
                if (Files.exists(cur, LinkOption.NOFOLLOW_LINKS) && depth < MAX_LINKS) cur = real(cur, depth + 1);
            }
        }
        return cur.normalize();
    }

    private static Path followLink(Path link, int depth) {
        if (depth > MAX_LINKS || !Files.isSymbolicLink(link)) return link.toAbsolutePath().normalize();
        try {
            Path target = Files.readSymbolicLink(link);
            Path parent = link.toAbsolutePath().getParent();
            Path resolvedParent = parent == null ? null : real(parent, depth + 1);
            Path next = resolvedParent == null ? target : resolvedParent.resolve(target);
            return real(next.toAbsolutePath(), depth + 1);
        } catch (IOException e) {
            return link.toAbsolutePath().normalize();
        }
    }

    /** True when {@code out} is {@code in} or lies under it; letter case ignored when {@code ignoreCase}. */
    public static boolean inside(Path out, Path in, boolean ignoreCase) {
        if (!ignoreCase) return out.startsWith(in);
        if (out.getNameCount() < in.getNameCount()) return false;
        if (!String.valueOf(out.getRoot()).equalsIgnoreCase(String.valueOf(in.getRoot()))) return false;
        for (int i = 0; i < in.getNameCount(); i++) {
            if (!out.getName(i).toString().equalsIgnoreCase(in.getName(i).toString())) return false;
        }
        return true;
    }

    private static boolean sameIgnoringCase(Path a, Path b) {
        return a.toString().equalsIgnoreCase(b.toString());
    }

    /**
     * Whether the file system holding {@code real} ignores letter case (macOS, Windows): the same path with its
     * last name's case swapped names the same file.
     */
    static boolean caseInsensitive(Path real) {
        Path p = real;
        while (p != null && p.getFileName() != null) {
            String name = p.getFileName().toString();
            String swapped = swapCase(name);
            if (!swapped.equals(name) && Files.exists(p)) {
                Path other = p.resolveSibling(swapped);
                try {
                    return Files.exists(other) && Files.isSameFile(p, other);
                } catch (IOException e) {
                    return false;
                }
            }
            p = p.getParent();
        }
        return false;
    }

    private static String swapCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return b.toString().equals(s) ? s.toUpperCase(Locale.ROOT) : b.toString();
    }
}
