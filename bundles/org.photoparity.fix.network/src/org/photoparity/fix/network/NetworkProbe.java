package org.photoparity.fix.network;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.model.ProbeStatus;
import org.photoparity.core.registry.PhotoParityRegistry;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.core.spi.IProbe;
import org.photoparity.evidence.AnswerKey;
import org.photoparity.evidence.Findings;
import org.photoparity.evidence.StatusText;

/**
 * Fix 2: can iCloud be reached? From this computer (usually on the same network as the iPhone) each endpoint is
 * checked in three steps, each bounded by a timeout: DNS, TCP connect, TLS handshake with certificate and host
 * name checks. All endpoints are checked in parallel and the whole probe ends within about three timeouts, so it
 * never holds up the workbench. The iPhone's own Wi-Fi and Mobile Data for Photos come from the answers.
 */
public final class NetworkProbe implements IProbe {

    public static final String ID = "probe.network";

    /** Comma-separated host[:port] list; "none" skips the network checks. */
    public static final String ENDPOINTS = "network.endpoints";
    /** Milliseconds each step (DNS, TCP, TLS) may take. */
    public static final String TIMEOUT_MS = "network.timeout.ms";
    /** A trust store (PKCS12 or JKS) for TLS, e.g. a company's inspection CA; default: the JVM's. */
    public static final String TRUSTSTORE = "network.truststore";
    public static final String TRUSTSTORE_PASSWORD = "network.truststore.password";


    /** Name lookup; replaceable so that a slow resolver can be simulated without touching the network. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** How far one endpoint got. */
    public enum Step { DNS, TCP, TLS, OK }

    /** One endpoint's outcome: the step it failed at (OK when all passed) and why. */
    public record Check(String host, int port, Step failedAt, String detail, long millis) {
        public boolean ok() {
            return failedAt == Step.OK;
        }
    }

    private final Resolver resolver;

    public NetworkProbe() {
        this(InetAddress::getAllByName);
    }

    public NetworkProbe(Resolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public ProbeResult run(CaseEvidence e, IProgressMonitor monitor) {
        Findings f = new Findings(2, ID);
        String list = String.valueOf(e.setting(ENDPOINTS)).trim();
        if (!list.equalsIgnoreCase("none") && !list.isEmpty()) {
            int timeout = timeoutOf(e);
            List<Check> checks;
            try {
                checks = checkAll(parse(list), timeout, sslFactory(e), monitor);
                judge(checks, timeout, f);
            } catch (IOException | java.security.GeneralSecurityException ex) {
                f.evidence("network settings: " + ex.getMessage());
            }
        } else {
            f.evidence("network checks skipped (" + ENDPOINTS + "=none)");
        }

        Optional<Boolean> wifi = f.answer(e, AnswerKey.WIFI_CONNECTED);
        Optional<Boolean> mobile = f.answer(e, AnswerKey.MOBILE_DATA_FOR_PHOTOS);
        Optional<Boolean> lowData = f.answer(e, AnswerKey.LOW_DATA_MODE);
        if (wifi.isPresent()) {
            if (wifi.get()) {
                f.verdict(ProbeStatus.PASS, "the iPhone is on Wi-Fi");
            } else if (mobile.orElse(false)) {
                f.verdict(ProbeStatus.WARN, "the iPhone is not on Wi-Fi and uploads over Mobile Data only:"
                        + " large items and videos wait for Wi-Fi");
            } else {
                f.verdict(ProbeStatus.FAIL, "the iPhone is not on Wi-Fi" + (mobile.isPresent()
                        ? " and Photos may not use Mobile Data: nothing can sync" : "; Mobile Data for Photos unknown"));
            }
        }
        if (lowData.orElse(false)) f.verdict(ProbeStatus.WARN, "Low Data Mode is on: iCloud Photos pauses updates");
        StatusText.line(e).ifPresent(f::evidence);
        if (StatusText.NETWORK.in(e)) f.verdict(ProbeStatus.WARN, "Photos' status line points at the network");
        return f.result("No network evidence: set " + ENDPOINTS + " (not none) to test iCloud reachability, and answer"
                + " wifi_connected and mobile_data_for_photos");
    }

    private static void judge(List<Check> checks, int timeout, Findings f) {
        long ok = checks.stream().filter(Check::ok).count();
        for (Check c : checks) {
            f.evidence("from this computer " + c.host() + ":" + c.port() + ": "
                    + (c.ok() ? "DNS, TCP and TLS OK" : c.failedAt() + " failed: " + c.detail()) + " (" + c.millis()
                    + " ms, timeout " + timeout + " ms per step)");
        }
        if (checks.isEmpty()) return;
        if (ok == checks.size()) {
            f.verdict(ProbeStatus.PASS, "this computer reaches all " + ok + " iCloud endpoints (DNS, TCP, TLS)");
        } else if (ok == 0) {
            Step first = checks.stream().map(Check::failedAt).min(Enum::compareTo).orElse(Step.DNS);
            boolean allSame = checks.stream().allMatch(c -> c.failedAt() == first);
            String why = switch (allSame ? first : Step.OK) {
                case DNS -> "DNS does not resolve the iCloud hosts (no internet, or a DNS filter)";
                case TCP -> "the iCloud endpoints do not accept connections (firewall or no route)";
                case TLS -> "TLS to iCloud fails (a proxy, content filter or captive portal intercepts it)";
                case OK -> "no iCloud endpoint is reachable";
            };
            f.verdict(ProbeStatus.FAIL, "from this computer " + why);
        } else {
            f.verdict(ProbeStatus.WARN, (checks.size() - ok) + " of " + checks.size()
                    + " iCloud endpoints are not reachable from this computer: "
                    + String.join(", ", checks.stream().filter(c -> !c.ok()).map(c -> c.host() + " (" + c.failedAt()
                            + ")").toList()));
        }
    }

    private static int timeoutOf(CaseEvidence e) {
        // range checked against the declaration (plugin.xml) before any probe runs
        return (int) PhotoParityRegistry.get().settings().longValue(e.settings(), TIMEOUT_MS);
    }

    record Endpoint(String host, int port) {
    }

    static List<Endpoint> parse(String list) throws IOException {
        List<Endpoint> out = new ArrayList<>();
        for (String raw : list.split("[,\\s]+")) {
            String s = raw.trim();
            if (s.isEmpty()) continue;
            String host = s;
            int port = 443;
            int colon = s.lastIndexOf(':');
            if (s.startsWith("[")) { // [v6]:port
                int end = s.indexOf(']');
                host = s.substring(1, end);
                if (end + 1 < s.length() && s.charAt(end + 1) == ':') port = parsePort(s.substring(end + 2), s);
            } else if (colon > 0 && s.indexOf(':') == colon) {
                host = s.substring(0, colon);
                port = parsePort(s.substring(colon + 1), s);
            }
            out.add(new Endpoint(host, port));
        }
        return out;
    }

    private static int parsePort(String p, String whole) throws IOException {
        try {
            int n = Integer.parseInt(p);
            if (n > 0 && n < 65536) return n;
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw new IOException(ENDPOINTS + " entry " + whole + " has no valid port; write host:port, e.g. www.icloud.com:443");
    }

    private static SSLSocketFactory sslFactory(CaseEvidence e) throws IOException, java.security.GeneralSecurityException {
        String store = e.setting(TRUSTSTORE);
        if (store == null || store.isBlank()) return (SSLSocketFactory) SSLSocketFactory.getDefault();
        Path p = Path.of(store);
        char[] pw = String.valueOf(e.setting(TRUSTSTORE_PASSWORD)).toCharArray();
        KeyStore ks;
        try (InputStream in = Files.newInputStream(p)) {
            ks = KeyStore.getInstance(p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, pw);
        } catch (IOException ex) {
            throw new IOException("trust store " + p + " cannot be read (" + ex.getMessage() + "); fix " + TRUSTSTORE, ex);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    /** Checks every endpoint in parallel; returns within about 3 timeouts plus a second whatever the network does. */
    List<Check> checkAll(List<Endpoint> endpoints, int timeout, SSLSocketFactory ssl, IProgressMonitor monitor) {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "photoparity-network-probe");
            t.setDaemon(true); // a stuck DNS lookup cannot be interrupted: never let it keep the VM alive
            return t;
        });
        try {
            List<Future<Check>> futures = new ArrayList<>();
            for (Endpoint ep : endpoints) futures.add(pool.submit(() -> check(ep, timeout, ssl, pool)));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3L * timeout + 1000);
            List<Check> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Endpoint ep = endpoints.get(i);
                Future<Check> fu = futures.get(i);
                Check c = null;
                while (c == null) {
                    if (monitor != null && monitor.isCanceled()) throw new OperationCanceledException();
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        fu.cancel(true);
                        c = new Check(ep.host(), ep.port(), Step.DNS, "no answer before the probe's deadline",
                                3L * timeout + 1000);
                        break;
                    }
                    try {
                        c = fu.get(Math.min(100, TimeUnit.NANOSECONDS.toMillis(left) + 1), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException ex) {
                        // poll cancellation again
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        throw new OperationCanceledException();
                    } catch (java.util.concurrent.ExecutionException ex) {
                        c = new Check(ep.host(), ep.port(), Step.DNS, String.valueOf(ex.getCause()), 0);
                    }
                }
                out.add(c);
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Check check(Endpoint ep, int timeout, SSLSocketFactory ssl, ExecutorService pool) {
        long start = System.nanoTime();
        InetAddress address;
        Future<InetAddress[]> lookup = pool.submit(() -> resolver.resolve(ep.host()));
        try {
            InetAddress[] all = lookup.get(timeout, TimeUnit.MILLISECONDS);
            if (all == null || all.length == 0) return fail(ep, Step.DNS, "no address", start);
            address = all[0];
        } catch (TimeoutException ex) {
            lookup.cancel(true);
            return fail(ep, Step.DNS, "no answer within " + timeout + " ms", start);
        } catch (java.util.concurrent.ExecutionException ex) {
            return fail(ep, Step.DNS, "unknown host (" + ex.getCause().getMessage() + ")", start);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return fail(ep, Step.DNS, "interrupted", start);
        }
        try (Socket s = new Socket()) {
            try {
                s.connect(new InetSocketAddress(address, ep.port()), timeout);
            } catch (IOException ex) {
                return fail(ep, Step.TCP, ex.getClass().getSimpleName() + ": " + ex.getMessage() + " ("
                        + address.getHostAddress() + ")", start);
            }
            try (SSLSocket tls = (SSLSocket) ssl.createSocket(s, ep.host(), ep.port(), false)) {
                SSLParameters params = tls.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS"); // certificate must name the host
                tls.setSSLParameters(params);
                tls.setSoTimeout(timeout);
                tls.startHandshake();
                return new Check(ep.host(), ep.port(), Step.OK, tls.getSession().getProtocol(), millis(start));
            } catch (IOException ex) {
                return fail(ep, Step.TLS, ex.getClass().getSimpleName() + ": " + ex.getMessage(), start);
            }
        } catch (IOException ex) {
            return fail(ep, Step.TCP, ex.getMessage(), start);
        }
    }

    private static Check fail(Endpoint ep, Step step, String detail, long start) {
        return new Check(ep.host(), ep.port(), step, detail, millis(start));
    }

    private static long millis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
