package org.photoparity.evidence.readers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.photoparity.evidence.DeviceInfo;

/**
 * Reads an attached device live with libimobiledevice's {@code ideviceinfo -x}, one run per domain, each bounded
 * by a timeout (lockdownd can hang on a locked or untrusted phone). When the tool is not installed it says how to
 * install it and the caller carries on with whatever files it has.
 */
public final class IdeviceinfoRunner {

    /** The domains read live, in order. */
    public static final List<String> DOMAINS = List.of(DeviceInfo.ROOT, DeviceInfo.DISK_USAGE, DeviceInfo.BATTERY,
            DeviceInfo.FMIP);

    public static final String INSTALL_HINT = "ideviceinfo (libimobiledevice) is not installed on this computer:"
            + " install the Debian package libimobiledevice-utils (sudo apt-get install libimobiledevice-utils),"
            + " connect the iPhone by USB, unlock it and tap Trust. Carrying on without live device information.";

    /** What a live read gave: the domains read (possibly none) and what the technician should know. */
    public record Outcome(DeviceInfo info, List<String> messages) {
        public Outcome {
            messages = List.copyOf(messages);
        }
    }

    private final Path executable;
    private final Duration timeout;

    /**
     * @param executable the ideviceinfo program, or null to look it up on PATH
     * @param timeout    the longest one run may take
     */
    public IdeviceinfoRunner(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** ideviceinfo on this PATH, when there is one. */
    public static Optional<Path> findOnPath(String pathVariable) {
        if (pathVariable == null) return Optional.empty();
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path p = Path.of(dir, "ideviceinfo");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    public Outcome read(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, "Reading the device with ideviceinfo", DOMAINS.size());
        Path exe = executable != null ? executable : findOnPath(System.getenv("PATH")).orElse(null);
        if (exe == null || !Files.isExecutable(exe)) {
            return new Outcome(new DeviceInfo(Map.of()), List.of(INSTALL_HINT));
        }
        List<DeviceInfo.Domain> read = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (String domain : DOMAINS) {
            if (sub.isCanceled()) throw new OperationCanceledException();
            List<String> cmd = new ArrayList<>(List.of(exe.toString(), "-x"));
            if (!domain.equals(DeviceInfo.ROOT)) cmd.addAll(List.of("-q", domain));
            try {
                Run r = run(cmd, sub.split(1));
                if (r.exit != 0) {
                    messages.add("ideviceinfo " + (domain.equals(DeviceInfo.ROOT) ? "" : "-q " + domain + " ")
                            + "failed (exit " + r.exit + "): " + firstLine(r.err, r.out)
                            + ". Is an iPhone connected by USB, unlocked and trusted?");
                    if (domain.equals(DeviceInfo.ROOT)) break; // no device: the other domains would fail the same way
                    continue;
                }
                Map<String, String> values = DeviceInfoReader.parse(r.out, "ideviceinfo -q " + domain);
                read.add(new DeviceInfo.Domain(domain, values, DeviceInfo.LIVE, java.time.Instant.now()));
            } catch (IOException e) {
                messages.add(e.getMessage());
                if (domain.equals(DeviceInfo.ROOT)) break;
            }
        }
        return new Outcome(DeviceInfo.of(read), messages);
    }

    private record Run(int exit, byte[] out, String err) {
    }

    private Run run(List<String> cmd, IProgressMonitor monitor) throws IOException {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (monitor.isCanceled()) {
                    p.destroyForcibly();
                    throw new OperationCanceledException();
                }
                if (System.nanoTime() > deadline) {
                    p.destroyForcibly();
                    throw new IOException("ideviceinfo " + String.join(" ", cmd.subList(1, cmd.size()))
                            + " gave no answer within " + timeout.toMillis() + " ms and was stopped."
                            + " Unlock the iPhone, tap Trust, and try again.");
                }
            }
            return new Run(p.exitValue(), out.get(5, TimeUnit.SECONDS),
                    new String(err.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("Could not read ideviceinfo's output: " + e.getMessage(), e);
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String firstLine(String err, byte[] out) {
        String s = err.isBlank() ? new String(out, StandardCharsets.UTF_8) : err;
        return s.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("no message");
    }
}
