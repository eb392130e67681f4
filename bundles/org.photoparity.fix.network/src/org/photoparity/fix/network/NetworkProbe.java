package org.photoparity.fix.network;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

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
 * Fix 2: can the iPhone reach iCloud? Only the iPhone's side decides the status: the technician's answers (on
 * Wi-Fi, Mobile Data for Photos, Low Data Mode) and Photos' status line. No lockdown (ideviceinfo) key says whether
 * the iPhone is on Wi-Fi, so none is read.
 *
 * <p>This computer's own reach of iCloud (DNS, TCP, TLS against the public roots, each step bounded by its own
 * timeout) is a precondition for the shop's network, shown apart in evidence lines that start with
 * {@link #PRECONDITION}: it never sets the status, so the likely-cause ranking never blames the iPhone's mismatches
 * on the bench PC having no internet.
 */
public final class NetworkProbe implements IProbe {

    public static final String ID = "probe.network";

    /** Comma-separated host[:port] list; "none" skips the checks from this computer. */
    public static final String ENDPOINTS = "network.endpoints";
    /** Milliseconds each step (DNS, TCP, TLS) may take. */
    public static final String TIMEOUT_MS = "network.timeout.ms";
    /**
     * A trust store (PKCS12 or JKS) holding a company's TLS-inspection CA. It never makes a connection pass: the
     * public roots alone decide; it only lets the probe name the inspecting CA when a chain validates with it.
     */
    public static final String TRUSTSTORE = "network.truststore";
    public static final String TRUSTSTORE_PASSWORD = "network.truststore.password";

    /** Every line about this computer's own reach starts with this: it is a precondition, never a cause. */
    public static final String PRECONDITION = "precondition, this computer (the shop's network, not the iPhone's):";

    /**
     * One reachable host per iCloud host family Apple publishes that has a fixed public name (support article 101555,
     * see NETWORK.md): *.icloud.com, *.apple-cloudkit.com, *.icloud-content.com, *.cdn-apple.com, mask*.icloud.com,
     * *.icloud.com.cn. Per-account hosts (pNN-content.icloud.com) cannot be known without the account. The list is
     * the declared default of {@link #ENDPOINTS} in this bundle's plugin.xml.
     */
    public static List<String> defaultEndpoints() {
        return List.of(PhotoParityRegistry.get().settings().get(ENDPOINTS).defaultValue().split(","));
    }

    /** Name lookup; replaceable so that a slow resolver can be simulated without touching the network. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** How far one endpoint got. */
    public enum Step { DNS, TCP, TLS, OK }

    /**
     * One endpoint's outcome: the step it failed at (OK when all passed) and why.
     *
     * @param inspectedBy the issuer of a chain that validates only with the configured inspection CA, else null
     */
    public record Check(String host, int port, Step failedAt, String detail, long millis, String inspectedBy) {
        public Check(String host, int port, Step failedAt, String detail, long millis) {
            this(host, port, failedAt, detail, millis, null);
        }

        public boolean ok() {
            return failedAt == Step.OK;
        }
    }

    /** A setting the probe cannot use: the message names the key, the value and the expected form. */
    static final class ConfigurationException extends Exception {
        private static final long serialVersionUID = 1L;

        ConfigurationException(String message) {
            super(message);
        }
    }

    private static final Pattern HOST = Pattern.compile(
            "(?i)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");

    private final Resolver resolver;
    private final KeyStore publicRoots;

    public NetworkProbe() {
        this(InetAddress::getAllByName);
    }

    public NetworkProbe(Resolver resolver) {
        this(resolver, null);
    }

    /**
     * @param publicRoots the roots a clean connection must validate against; null for the JDK's default trust store
     *                    (tests pass their own "public" root made on 127.0.0.1)
     */
    public NetworkProbe(Resolver resolver, KeyStore publicRoots) {
        this.resolver = resolver;
        this.publicRoots = publicRoots;
    }

    @Override
    public ProbeResult run(CaseEvidence e, IProgressMonitor monitor) {
        Findings f = new Findings(2, ID);
        String onWifi = iphoneSide(e, f);
        String configError = null;
        String list = String.valueOf(e.setting(ENDPOINTS)).trim();
        if (list.equalsIgnoreCase("none") || list.isEmpty()) {
            f.evidence(PRECONDITION + " not checked (" + ENDPOINTS + "=none)");
        } else {
            try {
                List<Endpoint> endpoints = parse(list);
                int timeout = timeoutOf(e);
                Trust trust = trust(e);
                precondition(checkAll(endpoints, timeout, trust, monitor), timeout, f);
            } catch (ConfigurationException ex) {
                configError = ex.getMessage();
                f.evidence("configuration error: " + configError);
                f.evidence(PRECONDITION + " not checked until the setting is fixed");
            }
        }
        ProbeResult r = f.result(onWifi != null ? onWifi
                + ", but whether Low Data Mode is on for that network is not known (it pauses iCloud Photos): answer"
                + " low_data_mode (Settings > Wi-Fi > (i) > Low Data Mode) or copy Photos' status line"
                + " (photos_status_text)"
                : "Nothing known about the iPhone's network: answer wifi_connected, mobile_data_for_photos"
                + " and low_data_mode, and copy Photos' status line (photos_status_text). This computer's own reach of"
                + " iCloud is shown apart as a precondition and is not evidence about the iPhone");
        if (configError == null) return r;
        return new ProbeResult(r.fix(), r.id(), r.status(), r.summary() + ". Configuration error: " + configError,
                r.evidence());
    }

    /**
     * What decides the status: the iPhone's own network, as the technician saw it on the device. Returns what a PASS
     * was withheld for (on Wi-Fi while Low Data Mode, which pauses iCloud Photos on any network, is not known), else
     * null.
     */
    private static String iphoneSide(CaseEvidence e, Findings f) {
        Optional<Boolean> wifi = f.answer(e, AnswerKey.WIFI_CONNECTED);
        Optional<Boolean> mobile = f.answer(e, AnswerKey.MOBILE_DATA_FOR_PHOTOS);
        Optional<Boolean> lowData = f.answer(e, AnswerKey.LOW_DATA_MODE);
        // the status line names Low Data Mode when it pauses the sync ("Saving Cellular Data")
        boolean lowDataKnown = lowData.isPresent() || StatusText.line(e).isPresent();
        String withheld = null;
        if (wifi.isPresent()) {
            if (wifi.get() && lowDataKnown) {
                f.verdict(ProbeStatus.PASS, "the iPhone is on Wi-Fi");
            } else if (wifi.get()) {
                withheld = "The iPhone is on Wi-Fi";
            } else if (mobile.orElse(false)) {
                f.verdict(ProbeStatus.WARN, "the iPhone is not on Wi-Fi and uploads over Mobile Data only:"
                        + " large items and videos wait for Wi-Fi");
            } else {
                f.verdict(ProbeStatus.FAIL, "the iPhone is not on Wi-Fi" + (mobile.isPresent()
                        ? " and Photos may not use Mobile Data: nothing can sync" : "; Mobile Data for Photos unknown"));
            }
        } else if (mobile.isPresent() && !mobile.get()) {
            f.evidence("wifi_connected not answered: with Mobile Data off for Photos, the iPhone syncs only on Wi-Fi");
        }
        if (lowData.isPresent()) {
            if (lowData.get()) f.verdict(ProbeStatus.WARN, "Low Data Mode is on: iCloud Photos pauses updates");
        }
        StatusText.line(e).ifPresent(f::evidence);
        if (StatusText.NETWORK.in(e)) f.verdict(ProbeStatus.WARN, "Photos' status line points at the network");
        if (withheld != null && f.hasVerdict()) f.evidence("low_data_mode not answered: Settings > Wi-Fi > (i)");
        return withheld;
    }

    /** This computer's reach of iCloud: evidence lines only, never a verdict. */
    private static void precondition(List<Check> checks, int timeout, Findings f) {
        for (Check c : checks) {
            f.evidence(PRECONDITION + " " + c.host() + ":" + c.port() + ": "
                    + (c.ok() ? "DNS, TCP and TLS OK (" + c.detail() + ")" : c.failedAt() + " failed: " + c.detail())
                    + " (" + c.millis() + " ms; timeouts DNS " + timeout + " ms, TCP " + timeout + " ms, TLS "
                    + timeout + " ms)");
        }
        if (checks.isEmpty()) return;
        long ok = checks.stream().filter(Check::ok).count();
        String not = " It says nothing about the iPhone's network and is never counted as a cause of its mismatches.";
        if (ok == checks.size()) {
            f.evidence(PRECONDITION + " PASS - reaches all " + ok + " iCloud endpoints (DNS, TCP, TLS against the"
                    + " public roots)." + not);
            return;
        }
        Optional<Check> inspected = checks.stream().filter(c -> c.inspectedBy() != null).findFirst();
        String why;
        ProbeStatus pre = ok == 0 || inspected.isPresent() ? ProbeStatus.FAIL : ProbeStatus.WARN;
        if (inspected.isPresent()) {
            why = "TLS to iCloud is inspected by " + inspected.get().inspectedBy()
                    + " (Apple services fail connections that use HTTPS interception)";
        } else if (ok == 0) {
            Step first = checks.stream().map(Check::failedAt).min(Enum::compareTo).orElse(Step.DNS);
            boolean allSame = checks.stream().allMatch(c -> c.failedAt() == first);
            why = switch (allSame ? first : Step.OK) {
                case DNS -> "DNS does not resolve the iCloud hosts (no internet, or a DNS filter)";
                case TCP -> "the iCloud endpoints do not accept connections (firewall or no route)";
                case TLS -> "TLS to iCloud fails (a proxy, content filter or captive portal intercepts it)";
                case OK -> "no iCloud endpoint is reachable";
            };
        } else {
            why = (checks.size() - ok) + " of " + checks.size() + " iCloud endpoints are not reachable: "
                    + String.join(", ", checks.stream().filter(c -> !c.ok()).map(c -> c.host() + " (" + c.failedAt()
                            + ")").toList());
        }
        f.evidence(PRECONDITION + " " + pre + " - " + why + ". Fix the shop's network before testing sync from here."
                + not);
    }

    private static int timeoutOf(CaseEvidence e) throws ConfigurationException {
        String raw = e.settings().get(TIMEOUT_MS);
        if (raw == null || raw.isBlank()) raw = e.setting(TIMEOUT_MS); // the declared default
        try {
            int t = Integer.parseInt(raw.trim());
            if (t >= 100 && t <= 60_000) return t;
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw new ConfigurationException(TIMEOUT_MS + "=" + raw + " is not a number of milliseconds from 100 to 60000;"
                + " e.g. " + TIMEOUT_MS + "=" + PhotoParityRegistry.get().settings().get(TIMEOUT_MS).defaultValue());
    }

    record Endpoint(String host, int port) {
    }

    /** Parses host[:port] entries; anything else (a URL, an empty host, a bad port) is a configuration error. */
    static List<Endpoint> parse(String list) throws ConfigurationException {
        List<Endpoint> out = new ArrayList<>();
        for (String raw : list.split("[,\\s]+")) {
            String s = raw.trim();
            if (s.isEmpty()) continue;
            String host;
            int port = 443;
            if (s.startsWith("[")) { // [v6]:port
                int end = s.indexOf(']');
                if (end < 0) throw bad(s, "an IPv6 address needs its closing ]");
                host = s.substring(1, end);
                String rest = s.substring(end + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) throw bad(s, "only :port may follow ]");
                    port = parsePort(rest.substring(1), s);
                }
                if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+")) throw bad(s, "\"" + host + "\" is not an IPv6 address");
            } else {
                if (s.contains("/") || s.contains("@")) throw bad(s, "write host[:port], not a URL");
                int colon = s.indexOf(':');
                if (colon != s.lastIndexOf(':')) throw bad(s, "put an IPv6 address in brackets, e.g. [::1]:443");
                host = colon < 0 ? s : s.substring(0, colon);
                if (colon >= 0) port = parsePort(s.substring(colon + 1), s);
                if (host.isEmpty() || host.length() > 253 || !HOST.matcher(host).matches()) {
                    throw bad(s, "\"" + host + "\" is not a host name or IPv4 address");
                }
            }
            out.add(new Endpoint(host, port));
        }
        if (out.isEmpty()) throw bad(list, "no endpoint given");
        return out;
    }

    private static ConfigurationException bad(String entry, String why) {
        return new ConfigurationException(ENDPOINTS + " entry \"" + entry + "\" is malformed: " + why
                + ". Write comma-separated host[:port], e.g. www.icloud.com:443, or none");
    }

    private static int parsePort(String p, String whole) throws ConfigurationException {
        try {
            int n = Integer.parseInt(p);
            if (n > 0 && n < 65536) return n;
        } catch (NumberFormatException ex) {
            // reported below
        }
        throw bad(whole, "\"" + p + "\" is not a port from 1 to 65535");
    }

    /** The public roots that decide, and the optional inspection CA that only names an inspector. */
    record Trust(X509ExtendedTrustManager publicRoots, X509ExtendedTrustManager inspection, String inspectionStore) {
    }

    private Trust trust(CaseEvidence e) throws ConfigurationException {
        X509ExtendedTrustManager pub;
        try {
            pub = trustManager(publicRoots);
        } catch (GeneralSecurityException ex) {
            throw new ConfigurationException("the JDK's trust store cannot be used: " + ex.getMessage());
        }
        String store = e.setting(TRUSTSTORE);
        if (store == null || store.isBlank()) return new Trust(pub, null, null);
        Path p = Path.of(store);
        char[] pw = String.valueOf(e.setting(TRUSTSTORE_PASSWORD)).toCharArray();
        try (InputStream in = Files.newInputStream(p)) {
            KeyStore ks = KeyStore.getInstance(p.toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, pw);
            return new Trust(pub, trustManager(ks), p.toString());
        } catch (IOException | GeneralSecurityException ex) {
            throw new ConfigurationException(TRUSTSTORE + "=" + p + " cannot be read (" + ex.getMessage() + "); give a"
                    + " PKCS12 or .jks trust store and its " + TRUSTSTORE_PASSWORD);
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks); // null: the JDK's default (cacerts)
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) return x;
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /**
     * Validates a server chain against the public roots (with the host name check the socket asks for); when they
     * refuse it, records whether the inspection CA would accept it, and refuses it anyway.
     */
    private static final class Judge extends X509ExtendedTrustManager {
        private final Trust trust;
        final AtomicReference<String> inspectedBy = new AtomicReference<>();
        final AtomicReference<String> untrustedIssuer = new AtomicReference<>();

        Judge(Trust trust) {
            this.trust = trust;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            try {
                trust.publicRoots().checkServerTrusted(chain, authType, socket);
            } catch (CertificateException publicRefused) {
                String issuer = chain.length == 0 ? "an unknown issuer"
                        : chain[chain.length - 1].getIssuerX500Principal().getName();
                if (trust.inspection() != null) {
                    try {
                        trust.inspection().checkServerTrusted(chain, authType, socket);
                        inspectedBy.set(issuer);
                        throw new CertificateException("the chain validates only with the inspection CA in "
                                + trust.inspectionStore() + " (issuer " + issuer + "), not with the public roots");
                    } catch (CertificateException inspectionRefusedToo) {
                        if (inspectedBy.get() != null) throw inspectionRefusedToo;
                    }
                }
                untrustedIssuer.set(issuer);
                throw publicRefused;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("not used with engines");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the host name must be checked: use a socket");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return trust.publicRoots().getAcceptedIssuers();
        }
    }

    /** The step an endpoint is in, so that the probe's own deadline names the right one. */
    private static final class Progress {
        final AtomicReference<Step> step = new AtomicReference<>(Step.DNS);
        final long start = System.nanoTime();
    }

    /** Checks every endpoint in parallel; returns within about 3 timeouts plus a second whatever the network does. */
    List<Check> checkAll(List<Endpoint> endpoints, int timeout, Trust trust, IProgressMonitor monitor) {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "photoparity-network-probe");
            t.setDaemon(true); // a stuck DNS lookup cannot be interrupted: never let it keep the VM alive
            return t;
        });
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "photoparity-network-probe-watchdog");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Check>> futures = new ArrayList<>();
            List<Progress> progress = new ArrayList<>();
            for (Endpoint ep : endpoints) {
                Progress pr = new Progress();
                progress.add(pr);
                futures.add(pool.submit(() -> check(ep, timeout, trust, pool, watchdog, pr)));
            }
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
                        c = new Check(ep.host(), ep.port(), progress.get(i).step.get(),
                                "no answer before the probe's deadline of " + (3L * timeout + 1000) + " ms",
                                millis(progress.get(i).start));
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
                        c = new Check(ep.host(), ep.port(), progress.get(i).step.get(), String.valueOf(ex.getCause()),
                                millis(progress.get(i).start));
                    }
                }
                out.add(c);
            }
            return out;
        } finally {
            pool.shutdownNow();
            watchdog.shutdownNow();
        }
    }

    private Check check(Endpoint ep, int timeout, Trust trust, ExecutorService pool, ScheduledExecutorService watchdog,
            Progress pr) {
        long start = pr.start;
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
        pr.step.set(Step.TCP);
        try (Socket s = new Socket()) {
            try {
                s.connect(new InetSocketAddress(address, ep.port()), timeout);
            } catch (IOException ex) {
                return fail(ep, Step.TCP, ex.getClass().getSimpleName() + ": " + ex.getMessage() + " ("
                        + address.getHostAddress() + ", timeout " + timeout + " ms)", start);
            }
            pr.step.set(Step.TLS);
            Judge judge = new Judge(trust);
            AtomicBoolean timedOut = new AtomicBoolean();
            // setSoTimeout bounds each read only: a server that drips bytes would hold the handshake for ever
            ScheduledFuture<?> guard = watchdog.schedule(() -> {
                timedOut.set(true);
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing is all we can do
                }
            }, timeout, TimeUnit.MILLISECONDS);
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] { judge }, null);
                try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(s, ep.host(), ep.port(), false)) {
                    SSLParameters params = tls.getSSLParameters();
                    params.setEndpointIdentificationAlgorithm("HTTPS"); // certificate must name the host
                    tls.setSSLParameters(params);
                    tls.setSoTimeout(timeout);
                    tls.startHandshake();
                    guard.cancel(false);
                    if (timedOut.get()) return fail(ep, Step.TLS, "no TLS handshake within " + timeout + " ms", start);
                    return new Check(ep.host(), ep.port(), Step.OK, tls.getSession().getProtocol()
                            + ", validated against the public roots", millis(start));
                }
            } catch (IOException | GeneralSecurityException ex) {
                guard.cancel(false);
                if (judge.inspectedBy.get() != null) {
                    return new Check(ep.host(), ep.port(), Step.TLS, "TLS to iCloud is inspected by "
                            + judge.inspectedBy.get() + ": the chain validates only with the company CA in "
                            + trust.inspectionStore() + ", not with the public roots", millis(start),
                            judge.inspectedBy.get());
                }
                if (timedOut.get()) return fail(ep, Step.TLS, "no TLS handshake within " + timeout + " ms", start);
                if (judge.untrustedIssuer.get() != null) {
                    return fail(ep, Step.TLS, "certificate issued by " + judge.untrustedIssuer.get()
                            + " is not trusted by the public roots (" + ex.getClass().getSimpleName() + ": "
                            + ex.getMessage() + ")", start);
                }
                return fail(ep, Step.TLS, ex.getClass().getSimpleName() + ": " + ex.getMessage(), start);
            }
        } catch (IOException ex) {
            return fail(ep, pr.step.get(), ex.getMessage(), start);
        }
    }

    private static Check fail(Endpoint ep, Step step, String detail, long start) {
        return new Check(ep.host(), ep.port(), step, detail, millis(start));
    }

    private static long millis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
