package org.photoparity.match.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.photoparity.core.model.Mismatch;
import org.photoparity.core.model.ReconcileResult;
import org.photoparity.core.model.SideInventory;
import org.photoparity.core.model.SideRole;
import org.photoparity.match.Reconciler;
import org.photoparity.sources.ScanOptions;
import org.photoparity.sources.Scanner;

/**
 * The real-file tests' shared steps: a fixture from ../shared/fixtures/real/photos copied into a temp tree (the
 * original is never touched), both sides scanned without a cache, and reconciled with the registry's chain.
 */
final class RealFiles {

    private RealFiles() {
    }

    /** A real fixture (read only). */
    static Path real(String name) {
        Path shared = Path.of(System.getProperty("photoparity.shared", "/work/shared"));
        if (!Files.isDirectory(shared.resolve("fixtures"))) shared = Path.of("/work/shared");
        return shared.resolve("fixtures/real/photos").resolve(name);
    }

    /** Copies fixture {@code name} to {@code root/as} (folders created), writable. */
    static Path copy(String name, Path root, String as) throws IOException {
        Path to = root.resolve(as);
        Files.createDirectories(to.getParent());
        Files.copy(real(name), to, StandardCopyOption.REPLACE_EXISTING);
        to.toFile().setWritable(true);
        return to;
    }

    static ReconcileResult reconcile(Path device, Path cloud, boolean metadataOnly) throws IOException {
        ScanOptions o = ScanOptions.defaults().withoutCache().withMetadataOnly(metadataOnly);
        SideInventory d = Scanner.scan(SideRole.DEVICE, List.of(device.toString()), o, new NullProgressMonitor());
        SideInventory c = Scanner.scan(SideRole.CLOUD, List.of(cloud.toString()), o, new NullProgressMonitor());
        return new Reconciler().reconcile(d, c, Map.of(), new NullProgressMonitor());
    }

    /** The one mismatch of {@code r}; fails naming them all when there are more or none. */
    static Mismatch only(ReconcileResult r) {
        assertEquals(1, r.mismatches().size(), () -> r.mismatches().toString());
        return r.mismatches().get(0);
    }
}
