package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.photoparity.core.model.ProbeStatus.FAIL;
import static org.photoparity.core.model.ProbeStatus.PASS;
import static org.photoparity.core.model.ProbeStatus.UNKNOWN;
import static org.photoparity.core.model.ProbeStatus.WARN;
import static org.photoparity.fixes.tests.Probes.anyContains;
import static org.photoparity.fixes.tests.Probes.expect;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.photoparity.core.model.ProbeResult;
import org.photoparity.core.spi.CaseEvidence;
import org.photoparity.fix.network.NetworkProbe;

/**
 * The network probe against servers started on 127.0.0.1 only, with certificates made here by keytool: a "public"
 * root CA (handed to the probe as its public roots) and a company inspection CA each sign a server certificate.
 * Also a plain TCP server that answers no TLS, one that accepts and stays silent, one that drips a real TLS handshake
 * a byte at a time, and a closed port. Nothing here contacts any other host.
 */
class NetworkProbeTest {

    @TempDir
    static Path keys;
    /** Trust store holding only the test "public" root: what the probe is given as the public roots. */
    static KeyStore publicRoots;
    /** PKCS12 trust store holding only the company inspection CA (the setting network.truststore). */
    static Path companyStore;
    static SSLContext cleanServer, inspectedServer;

    /** Per-step timeout where a handshake must succeed: a loaded 2-core build machine can take seconds for one. */
    private static final int OK_TIMEOUT = 15_000;

    private final List<ServerSocket> servers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path ca = keys.resolve("ca.p12");
        for (String[] root : new String[][] { { "pubca", "CN=PhotoParity Test Public Root" },
                { "companyca", "CN=Contoso Inspection CA,O=Contoso" } }) {
            keytool(keytool, "-genkeypair", "-alias", root[0], "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                    root[1], "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString(), "-storetype", "PKCS12",
                    "-storepass", "changeit");
            keytool(keytool, "-exportcert", "-rfc", "-alias", root[0], "-keystore", ca.toString(), "-storepass",
                    "changeit", "-file", keys.resolve(root[0] + ".pem").toString());
        }
        cleanServer = serverSigned(keytool, ca, "pubca", "clean");
        inspectedServer = serverSigned(keytool, ca, "companyca", "inspected");

        Path pub = keys.resolve("public.p12");
        keytool(keytool, "-importcert", "-noprompt", "-alias", "pubca", "-file", keys.resolve("pubca.pem").toString(),
                "-keystore", pub.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        publicRoots = load(pub);
        companyStore = keys.resolve("company.p12");
        keytool(keytool, "-importcert", "-noprompt", "-alias", "companyca", "-file",
                keys.resolve("companyca.pem").toString(), "-keystore", companyStore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit");
    }

    /** A localhost/127.0.0.1 server key signed by the CA {@code caAlias}, as an SSLContext for a server socket. */
    private static SSLContext serverSigned(String keytool, Path ca, String caAlias, String name) throws Exception {
        Path store = keys.resolve(name + ".p12");
        Path csr = keys.resolve(name + ".csr");
        Path crt = keys.resolve(name + ".pem");
        keytool(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass",
                "changeit");
        keytool(keytool, "-certreq", "-alias", "server", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", csr.toString());
        keytool(keytool, "-gencert", "-rfc", "-alias", caAlias, "-keystore", ca.toString(), "-storepass", "changeit",
                "-infile", csr.toString(), "-outfile", crt.toString(), "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-ext", "EKU=serverAuth", "-validity", "2");
        keytool(keytool, "-importcert", "-noprompt", "-alias", caAlias, "-file",
                keys.resolve(caAlias + ".pem").toString(), "-keystore", store.toString(), "-storepass", "changeit");
        keytool(keytool, "-importcert", "-alias", "server", "-file", crt.toString(), "-keystore", store.toString(),
                "-storepass", "changeit");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(store), "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static KeyStore load(Path p) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p)) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks;
    }

    private static void keytool(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + String.join(" ", cmd) + "\n" + out);
        }
    }

    /**
     * A server on 127.0.0.1: "clean" and "inspected" answer TLS handshakes with their certificate, "silent" accepts
     * and says nothing, "drip:PORT" relays a TLS server on PORT one byte every 40 ms, anything else closes at once.
     */
    private int serve(String kind) throws IOException {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        ServerSocket ss = switch (kind) {
            case "clean" -> cleanServer.getServerSocketFactory().createServerSocket(0, 10, lo);
            case "inspected" -> inspectedServer.getServerSocketFactory().createServerSocket(0, 10, lo);
            default -> new ServerSocket(0, 10, lo);
        };
        servers.add(ss);
        Thread t = new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            try {
                while (!ss.isClosed()) {
                    Socket s = ss.accept();
                    if (s instanceof SSLSocket tls) {
                        Thread h = new Thread(() -> {
                            try (tls) {
                                tls.setSoTimeout(5000);
                                tls.startHandshake();
                            } catch (IOException handshakeFailed) {
                                // a client that does not trust us: fine
                            }
                        });
                        h.setDaemon(true);
                        h.start();
                    } else if (kind.equals("silent")) {
                        held.add(s);
                    } else if (kind.startsWith("drip:")) {
                        held.add(s);
                        Socket up = new Socket(lo, Integer.parseInt(kind.substring(5)));
                        held.add(up);
                        pump(s.getInputStream(), up.getOutputStream(), 0);
                        pump(up.getInputStream(), s.getOutputStream(), 40);
                    } else {
                        s.close();
                    }
                }
            } catch (IOException closed) {
                // server closed by the test
            } finally {
                for (Socket s : held) {
                    try {
                        s.close();
                    } catch (IOException e) {
                        // closing anyway
                    }
                }
            }
        }, "test-server-" + kind);
        t.setDaemon(true);
        t.start();
        threads.add(t);
        return ss.getLocalPort();
    }

    /** Copies in to out, one byte at a time with {@code delayMs} between bytes when above 0. */
    private static void pump(InputStream in, java.io.OutputStream out, int delayMs) {
        Thread t = new Thread(() -> {
            try {
                int b;
                while ((b = in.read()) >= 0) {
                    if (delayMs > 0) Thread.sleep(delayMs);
                    out.write(b);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // either side closed
            }
        }, "test-pump");
        t.setDaemon(true);
        t.start();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (ServerSocket s : servers) s.close();
        for (Thread t : threads) t.join(5000);
    }

    private static CaseEvidence evidence(String endpoints, int timeoutMs, Map<String, String> answers) {
        Map<String, String> settings = new HashMap<>();
        settings.put(NetworkProbe.ENDPOINTS, endpoints);
        settings.put(NetworkProbe.TIMEOUT_MS, "" + timeoutMs);
        settings.put(NetworkProbe.TRUSTSTORE, companyStore.toString());
        settings.put(NetworkProbe.TRUSTSTORE_PASSWORD, "changeit");
        return new CaseEvidence(null, answers, settings);
    }

    /** The probe with the test root as its public roots (the JDK's trust store does not know it). */
    private static ProbeResult run(CaseEvidence e) {
        return new NetworkProbe(InetAddress::getAllByName, publicRoots).run(e, new NullProgressMonitor());
    }

    private static String precondition(ProbeResult r) {
        return r.evidence().stream().filter(l -> l.startsWith(NetworkProbe.PRECONDITION)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no precondition line: " + r.evidence()));
    }

    @Test
    void theIphonesAnswersDecideAndThisComputersReachIsAPreconditionApart() throws IOException {
        int a = serve("clean"), b = serve("clean");
        ProbeResult r = expect(PASS, run(evidence("127.0.0.1:" + a + ", 127.0.0.1:" + b, OK_TIMEOUT,
                Map.of("wifi_connected", "yes", "low_data_mode", "no"))));
        assertEquals(2, r.fix());
        assertEquals("the iPhone is on Wi-Fi", r.summary());
        assertTrue(anyContains(r.evidence(), "127.0.0.1:" + a + ": DNS, TCP and TLS OK"), r.evidence().toString());
        assertTrue(precondition(r).contains("PASS - reaches all 2 iCloud endpoints"), precondition(r));
        assertTrue(anyContains(r.evidence(), "answer wifi_connected = yes"), r.evidence().toString());

        // a bench PC without internet: no verdict on the iPhone, and the line says it is no cause
        int closed = closedPort();
        ProbeResult u = expect(UNKNOWN, run(evidence("127.0.0.1:" + closed, 2000, Map.of())));
        assertTrue(u.summary().startsWith("Nothing known about the iPhone's network"), u.summary());
        assertTrue(precondition(u).contains("FAIL - the iCloud endpoints do not accept connections"), precondition(u));
        assertTrue(precondition(u).contains("never counted as a cause of its mismatches"), precondition(u));
        // and it does not outweigh what the iPhone's side says
        expect(PASS, run(evidence("127.0.0.1:" + closed, 2000, Map.of("wifi_connected", "yes", "low_data_mode",
                "no"))));
        ProbeResult w = expect(WARN, run(evidence("127.0.0.1:" + closed, 2000,
                Map.of("photos_status_text", "Waiting for Wi-Fi: 120 items"))));
        assertEquals("Photos' status line points at the network", w.summary());
    }

    @Test
    void tlsIsValidatedAgainstThePublicRootsAndAnInspectingCaIsNamed() throws IOException {
        int inspected = serve("inspected"), clean = serve("clean");
        ProbeResult r = run(evidence("127.0.0.1:" + inspected + ",127.0.0.1:" + clean, OK_TIMEOUT, Map.of()));
        assertTrue(precondition(r).contains(
                "FAIL - TLS to iCloud is inspected by CN=Contoso Inspection CA,O=Contoso"), precondition(r));
        assertTrue(anyContains(r.evidence(), "127.0.0.1:" + inspected + ": TLS failed: TLS to iCloud is inspected by"),
                r.evidence().toString());
        assertTrue(anyContains(r.evidence(), "127.0.0.1:" + clean + ": DNS, TCP and TLS OK"), r.evidence().toString());

        // without the company CA the same chain is simply not trusted by the public roots
        Map<String, String> plain = Map.of(NetworkProbe.ENDPOINTS, "127.0.0.1:" + inspected, NetworkProbe.TIMEOUT_MS,
                "" + OK_TIMEOUT);
        ProbeResult p = run(new CaseEvidence(null, Map.of(), plain));
        assertTrue(anyContains(p.evidence(), "certificate issued by CN=Contoso Inspection CA,O=Contoso is not trusted"
                + " by the public roots"), p.evidence().toString());

        // the JDK's own roots do not know the test root: a clean test server is refused, as it must be
        ProbeResult jdk = Probes.run("probe.network", new CaseEvidence(null, Map.of(), Map.of(NetworkProbe.ENDPOINTS,
                "127.0.0.1:" + clean, NetworkProbe.TIMEOUT_MS, "2000")));
        assertTrue(precondition(jdk).contains("FAIL - TLS to iCloud fails"), precondition(jdk));
    }

    @Test
    void failOnAClosedPortOrNoTlsAndWarnWhenOnlySomeEndpointsWork() throws IOException {
        int closed = closedPort();
        assertTrue(precondition(run(evidence("127.0.0.1:" + closed, 2000, Map.of())))
                .contains("do not accept connections"));
        int plain = serve("plain");
        ProbeResult t = run(evidence("127.0.0.1:" + plain, 2000, Map.of()));
        assertTrue(anyContains(t.evidence(), "TLS failed"), t.evidence().toString());

        int ok = serve("clean");
        ProbeResult w = run(evidence("127.0.0.1:" + ok + ",127.0.0.1:" + closed, OK_TIMEOUT, Map.of()));
        assertTrue(precondition(w).contains("WARN - 1 of 2 iCloud endpoints are not reachable"), precondition(w));
    }

    @Test
    void eachStepHasItsOwnTimeoutAndTheSlowStepIsNamed() throws IOException {
        int silent = serve("silent");
        long t0 = System.nanoTime();
        ProbeResult r = run(evidence("127.0.0.1:" + silent, 500, Map.of()));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 3 * 500 + 1000 + 1000, "took " + ms + " ms");
        assertTrue(anyContains(r.evidence(), "127.0.0.1:" + silent + ": TLS failed"), r.evidence().toString());

        // a TLS server that answers, but a byte every 40 ms: each read is quick, the handshake is not
        int drip = serve("drip:" + serve("clean"));
        t0 = System.nanoTime();
        ProbeResult slow = run(evidence("127.0.0.1:" + drip, 500, Map.of()));
        ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 3 * 500 + 1000 + 1000, "took " + ms + " ms");
        assertTrue(anyContains(slow.evidence(), "127.0.0.1:" + drip + ": TLS failed: no TLS handshake within 500 ms"),
                slow.evidence().toString());
        assertFalse(anyContains(slow.evidence(), "DNS failed"), slow.evidence().toString());
        assertTrue(precondition(slow).contains("FAIL - TLS to iCloud fails"), precondition(slow));

        NetworkProbe slowDns = new NetworkProbe(host -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
        }, publicRoots);
        t0 = System.nanoTime();
        ProbeResult d = slowDns.run(evidence("icloud.example:443", 400, Map.of()), new NullProgressMonitor());
        ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 3 * 400 + 1000 + 1000, "took " + ms + " ms");
        assertTrue(precondition(d).contains("DNS does not resolve"), precondition(d));
        assertTrue(anyContains(d.evidence(), "DNS failed: no answer within 400 ms"), d.evidence().toString());
    }

    @Test
    void aMalformedSettingIsAConfigurationErrorNamingTheEntry() {
        for (String bad : List.of("[::1", "https://www.icloud.com", "www.icloud.com:https", ":443", "a b:99999")) {
            ProbeResult r = run(evidence(bad, 500, Map.of("wifi_connected", "yes", "low_data_mode", "no")));
            assertEquals(PASS, r.status(), bad + ": the iPhone's side still decides");
            assertTrue(r.summary().contains("Configuration error: network.endpoints entry"), bad + ": " + r.summary());
            assertTrue(anyContains(r.evidence(), "is malformed"), bad + ": " + r.evidence());
        }
        ProbeResult t = run(new CaseEvidence(null, Map.of(), Map.of(NetworkProbe.ENDPOINTS, "127.0.0.1:1",
                NetworkProbe.TIMEOUT_MS, "soon")));
        assertTrue(t.summary().contains("network.timeout.ms=soon is not a number of milliseconds"), t.summary());
    }

    @Test
    void theDefaultEndpointsCoverApplesPublishedIcloudHostFamilies() {
        for (String family : List.of(".icloud.com:", ".apple-cloudkit.com:", ".icloud-content.com:", ".cdn-apple.com:",
                "mask.icloud.com:", ".icloud.com.cn:")) {
            assertTrue(NetworkProbe.defaultEndpoints().stream().anyMatch(e -> e.contains(family)), family);
        }
    }

    /**
     * Half the evidence: "the iPhone is on Wi-Fi" passed fix 2 while Low Data Mode, which pauses iCloud Photos on
     * that very network, was not known. On Wi-Fi passes with Low Data Mode answered off or Photos' status line read.
     */
    @Test
    void onWifiDoesNotPassWhileLowDataModeIsUnknown() {
        ProbeResult u = expect(UNKNOWN, Probes.run("probe.network", Probes.answers(Map.of("wifi_connected", "yes"))));
        assertTrue(u.summary().startsWith("The iPhone is on Wi-Fi, but whether Low Data Mode is on for that network is"
                + " not known"), u.summary());
        assertTrue(u.summary().contains("low_data_mode") && u.summary().contains("photos_status_text"), u.summary());
        expect(PASS, Probes.run("probe.network", Probes.answers(Map.of("wifi_connected", "yes", "low_data_mode",
                "no"))));
        expect(PASS, Probes.run("probe.network", Probes.answers(Map.of("wifi_connected", "yes",
                "photos_status_text", "Updated Just Now"))));
        ProbeResult w = expect(WARN, Probes.run("probe.network", Probes.answers(Map.of("wifi_connected", "yes",
                "low_data_mode", "yes"))));
        assertTrue(w.summary().contains("Low Data Mode is on"), w.summary());
    }

    @Test
    void answersAloneDecideWhenNetworkChecksAreOff() {
        ProbeResult w = expect(WARN, Probes.run("probe.network", Probes.answers(Map.of("wifi_connected", "no",
                "mobile_data_for_photos", "yes"))));
        assertTrue(w.summary().contains("Mobile Data only"), w.summary());
        expect(FAIL, Probes.run("probe.network", Probes.answers(Map.of("wifi_connected", "no",
                "mobile_data_for_photos", "no"))));
        ProbeResult u = expect(UNKNOWN, Probes.run("probe.network", Probes.empty()));
        assertTrue(anyContains(u.evidence(), NetworkProbe.PRECONDITION + " not checked"), u.evidence().toString());
    }
}
