package org.photoparity.sources.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.photoparity.core.model.Asset;
import org.photoparity.core.model.MediaFile;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/** Real iPhone files from ../shared, copied before use (they are read-only inputs). */
final class Fixtures {

    private Fixtures() {
    }

    static Path shared() {
        Path p = Path.of(System.getProperty("photoparity.shared", "/work/shared"));
        // a worktree's ../shared may not exist; the shared folder itself always does
        return Files.isDirectory(p.resolve("fixtures")) ? p : Path.of("/work/shared");
    }

    static Path real(String name) {
        Path p = shared().resolve("fixtures/real/photos").resolve(name);
        if (!Files.isRegularFile(p)) throw new IllegalStateException("fixture missing: " + p);
        return p;
    }

    /** Copies fixtures into dir (created), keeping their names unless renamed with "src=>dst". */
    static Path copy(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String n : names) {
            String src = n, dst = n;
            int arrow = n.indexOf("=>");
            if (arrow > 0) {
                src = n.substring(0, arrow);
                dst = n.substring(arrow + 2);
            }
            Path target = dir.resolve(dst);
            Files.createDirectories(target.getParent());
            Files.copy(real(src), target, StandardCopyOption.REPLACE_EXISTING);
            target.toFile().setWritable(true);
        }
        return dir;
    }

    static SideInventory scan(ScanOptions options, String... specs) throws IOException {
        return Scanner.fromRegistry().scanSide(SideRole.DEVICE, List.of(specs), options, new NullProgressMonitor());
    }

    static ScanOptions noCache() {
        return new ScanOptions(false, 2, null);
    }

    static Asset assetWith(SideInventory inv, String path) {
        for (Asset a : inv.assets()) {
            for (MediaFile f : a.files()) {
                if (f.path().equals(path)) return a;
            }
        }
        throw new AssertionError("no asset holds " + path + "; assets: " + inv.assets());
    }

    static MediaFile file(SideInventory inv, String path) {
        for (Asset a : inv.assets()) {
            for (MediaFile f : a.files()) {
                if (f.path().equals(path)) return f;
            }
        }
        throw new AssertionError("no file " + path);
    }
}
