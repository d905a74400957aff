package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.ApacheTlsProbe;
import io.namesrv.interop.support.ChildJvm;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.interop.support.PeerDirs;
import io.namesrv.interop.support.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A name server in TLS enforcing mode requiring client certificates from a CA it trusts, probed
 * by Apache's own remoting client configured only through its {@code tls.*} system properties:
 * a client certificate signed by that CA gets answers; no certificate, a certificate from
 * elsewhere, or plain text gets nothing. Run against Apache's NameServer and ours, with the same
 * configuration (the {@code tls.*} keys are Apache's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TlsEnforcingInterop {

    /**
     * Four probe JVMs start side by side; on a loaded 2-core machine one can take over a minute to
     * start and print (it failed so under load at 60 s). The wait ends at the line, so it costs
     * nothing when the machine is quiet.
     */
    private static final Duration PROBE_TIMEOUT = Duration.ofMinutes(4);

    private Path dir;
    private TestPki pki;
    private NameServerProcess namesrv;
    private final Map<String, String> results = new LinkedHashMap<>();

    /** The server under test, started with {@code jvmOptions} (the TLS mode and its file). */
    protected abstract NameServerProcess startNameServer(List<String> jvmOptions);

    /**
     * Checks that the server's log says why {@code probe} was refused, where the server says so
     * ({@code explanation} is our wording).
     */
    protected abstract void assertRefusalExplained(String serverLog, String explanation);

    @BeforeAll
    void startAndProbe() throws Exception {
        dir = PeerDirs.create("tls-enforcing");
        pki = TestPki.create(dir.resolve("pki"));
        Path tlsFile = Files.writeString(dir.resolve("tls.properties"), String.join("\n",
            "tls.test.mode.enable=false",
            "tls.server.need.client.auth=require",
            "tls.server.authClient=true",
            "tls.server.keyPath=" + pki.serverKey(),
            "tls.server.certPath=" + pki.serverCert(),
            "tls.server.trustCertPath=" + pki.caCert(), ""));
        namesrv = startNameServer(List.of("-Dtls.server.mode=enforcing", "-Dtls.config.file=" + tlsFile));

        // The probes are independent JVMs: run them side by side.
        Map<String, ChildJvm> probes = new LinkedHashMap<>();
        probes.put("valid", probe("valid", true, pki.clientCert(), pki.clientKey()));
        probes.put("noCert", probe("noCert", true, null, null));
        probes.put("forgedIssuer", probe("forgedIssuer", true, pki.rogueCert(), pki.rogueKey()));
        probes.put("plainText", probe("plainText", false, null, null));
        List<RuntimeException> errors = new ArrayList<>();
        for (Map.Entry<String, ChildJvm> p : probes.entrySet()) {
            try (ChildJvm jvm = p.getValue()) {
                results.put(p.getKey(), jvm.waitForLine(Pattern.compile(ApacheTlsProbe.RESULT_LINE), PROBE_TIMEOUT));
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
    }

    private ChildJvm probe(String name, boolean tls, Path cert, Path key) {
        ChildJvm.Builder b = ChildJvm.builder("tls-probe-" + name, ApacheTlsProbe.class.getName())
            .workDir(dir)
            .jvmOption("-Xmx128m")
            .systemProperty("rmq.logback.configurationFile", dir.resolve("none.xml").toString())
            // Apache's TlsSystemConfig: only these properties configure the client.
            .systemProperty("tls.config.file", dir.resolve("no-client-tls-file").toString())
            .systemProperty("tls.enable", Boolean.toString(tls))
            .systemProperty("tls.test.mode.enable", "false")
            .systemProperty("tls.client.authServer", "true")
            .systemProperty("tls.client.trustCertPath", pki.caCert().toString())
            .args(namesrv.address());
        if (cert != null) {
            b.systemProperty("tls.client.certPath", cert.toString()).systemProperty("tls.client.keyPath", key.toString());
        }
        return b.start();
    }

    @AfterAll
    void stop() {
        if (namesrv != null) {
            namesrv.close();
        }
        System.out.println(getClass().getSimpleName() + " probes: " + results);
    }

    @Test
    void clientWithACertificateFromTheTrustedCaIsServed() {
        assertEquals("PROBE OK code=0", results.get("valid"));
    }

    @Test
    void clientWithoutACertificateIsRefused() {
        assertTrue(results.get("noCert").startsWith("PROBE FAIL"), results.get("noCert"));
        assertRefusalExplained(serverLog(), "Empty client certificate chain"); // the handshake is what failed
    }

    @Test
    void clientWithACertificateFromAForgedCaIsRefused() {
        assertTrue(results.get("forgedIssuer").startsWith("PROBE FAIL"), results.get("forgedIssuer"));
        // The client did offer its certificate (it names the trusted CA); the signature check refused it.
        assertRefusalExplained(serverLog(), "PKIX path validation failed");
    }

    @Test
    void plainTextClientIsRefused() {
        assertTrue(results.get("plainText").startsWith("PROBE FAIL"), results.get("plainText"));
        assertRefusalExplained(serverLog(), "refused: TLS is enforced on this server");
    }

    private String serverLog() {
        try {
            return Files.readString(namesrv.logFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
