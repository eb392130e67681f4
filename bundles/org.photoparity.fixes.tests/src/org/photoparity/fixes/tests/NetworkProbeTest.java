package org.photoparity.fixes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import javax.net.ssl.SSLServerSocket;
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
 * The network probe against servers started on 127.0.0.1 only: a TLS server with a certificate made here by
 * keytool, a plain TCP server that answers no TLS, one that accepts and stays silent, and a closed port. Nothing
 * here contacts any other host.
 */
class NetworkProbeTest {

    @TempDir
    static Path keys;
    static Path truststore;
    static SSLContext serverContext;

    private final List<ServerSocket> servers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path server = keys.resolve("server.p12");
        Path cert = keys.resolve("server.crt");
        truststore = keys.resolve("trust.p12");
        keytool(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        keytool(keytool.toString(), "-exportcert", "-alias", "server", "-keystore", server.toString(),
                "-storepass", "changeit", "-file", cert.toString());
        keytool(keytool.toString(), "-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
    }

    private static void keytool(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool failed: " + out);
    }

    /** A server on 127.0.0.1: tls answers handshakes, otherwise each connection is closed at once or held silent. */
    private int serve(String kind) throws IOException {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        ServerSocket ss = kind.equals("tls")
                ? (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 10, lo)
                : new ServerSocket(0, 10, lo);
        servers.add(ss);
        Thread t = new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            try {
                while (!ss.isClosed()) {
                    Socket s = ss.accept();
                    switch (kind) {
                        case "tls" -> {
                            try (SSLSocket tls = (SSLSocket) s) {
                                tls.setSoTimeout(5000);
                                tls.startHandshake();
                            } catch (IOException handshakeFailed) {
                                // a client that does not trust us: fine
                            }
                        }
                        case "silent" -> held.add(s);
                        default -> s.close();
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
        settings.put(NetworkProbe.TRUSTSTORE, truststore.toString());
        settings.put(NetworkProbe.TRUSTSTORE_PASSWORD, "changeit");
        return new CaseEvidence(null, answers, settings);
    }

    @Test
    void passWhenEveryEndpointCompletesDnsTcpAndTls() throws IOException {
        int a = serve("tls"), b = serve("tls");
        ProbeResult r = expect(PASS, Probes.run("probe.network",
                evidence("127.0.0.1:" + a + ", 127.0.0.1:" + b, 2000, Map.of("wifi_connected", "yes"))));
        assertEquals(2, r.fix());
        assertTrue(r.summary().contains("reaches all 2 iCloud endpoints"), r.summary());
        assertTrue(anyContains(r.evidence(), "127.0.0.1:" + a + ": DNS, TCP and TLS OK"), r.evidence().toString());
        assertTrue(anyContains(r.evidence(), "answer wifi_connected = yes"), r.evidence().toString());
    }

    @Test
    void failWhenTlsIsNotSpokenOrTheCertificateIsNotTrusted() throws IOException {
        int plain = serve("plain");
        ProbeResult r = expect(FAIL, Probes.run("probe.network", evidence("127.0.0.1:" + plain, 2000, Map.of())));
        assertTrue(r.summary().contains("TLS to iCloud fails"), r.summary());
        assertTrue(anyContains(r.evidence(), "TLS failed"), r.evidence().toString());

        int tls = serve("tls");
        Map<String, String> settings = Map.of(NetworkProbe.ENDPOINTS, "127.0.0.1:" + tls, NetworkProbe.TIMEOUT_MS,
                "2000"); // the JVM's default trust store does not know our certificate: like TLS inspection
        expect(FAIL, Probes.run("probe.network", new CaseEvidence(null, Map.of(), settings)));
    }

    @Test
    void failOnAClosedPortAndWarnWhenOnlySomeEndpointsWork() throws IOException {
        int closed = closedPort();
        ProbeResult r = expect(FAIL, Probes.run("probe.network", evidence("127.0.0.1:" + closed, 2000, Map.of())));
        assertTrue(r.summary().contains("do not accept connections"), r.summary());

        int ok = serve("tls");
        ProbeResult w = expect(WARN, Probes.run("probe.network",
                evidence("127.0.0.1:" + ok + ",127.0.0.1:" + closed, 2000, Map.of())));
        assertTrue(w.summary().startsWith("1 of 2 iCloud endpoints are not reachable"), w.summary());
    }

    @Test
    void aSilentServerAndASlowResolverAreCutOffByTheTimeout() throws IOException {
        int silent = serve("silent");
        long t0 = System.nanoTime();
        ProbeResult r = expect(FAIL, Probes.run("probe.network", evidence("127.0.0.1:" + silent, 500, Map.of())));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 3 * 500 + 1000 + 1000, "took " + ms + " ms");
        assertTrue(anyContains(r.evidence(), "TLS failed: SocketTimeoutException"), r.evidence().toString());

        NetworkProbe slowDns = new NetworkProbe(host -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new InetAddress[] { InetAddress.getByName("127.0.0.1") };
        });
        t0 = System.nanoTime();
        ProbeResult d = slowDns.run(evidence("icloud.example:443", 400, Map.of()), new NullProgressMonitor());
        ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ms < 3 * 400 + 1000 + 1000, "took " + ms + " ms");
        expect(FAIL, d);
        assertTrue(d.summary().contains("DNS does not resolve"), d.summary());
        assertTrue(anyContains(d.evidence(), "DNS failed: no answer within 400 ms"), d.evidence().toString());
    }

    @Test
    void answersAloneDecideWhenNetworkChecksAreOff() {
        ProbeResult w = expect(WARN, Probes.run("probe.network", Probes.answers(Map.of("wifi_connected", "no",
                "mobile_data_for_photos", "yes"))));
        assertTrue(w.summary().contains("Mobile Data only"), w.summary());
        expect(FAIL, Probes.run("probe.network", Probes.answers(Map.of("wifi_connected", "no",
                "mobile_data_for_photos", "no"))));
        ProbeResult u = expect(UNKNOWN, Probes.run("probe.network", Probes.empty()));
        assertTrue(anyContains(u.evidence(), "network checks skipped"), u.evidence().toString());
    }
}
