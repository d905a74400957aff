package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.ApacheTlsProbe;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.ChildJvm;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.interop.support.PeerDirs;
import io.namesrv.interop.support.TestPki;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A certificate renewed on disk is served without a restart, and a broken one is refused while
 * the one in force keeps serving, as Apache's own remoting client sees it (configured only by its
 * {@code tls.*} system properties, trusting one CA or certificate at a time).
 */
class TlsCertificateReloadInteropTest {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(30);

    private Path dir;
    private NameServerProcess namesrv;

    @AfterEach
    void stop() {
        if (namesrv != null) {
            namesrv.close();
        }
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestartAndABrokenOneIsRefused() throws Exception {
        dir = PeerDirs.create("tls-reload");
        TestPki pki = TestPki.create(dir.resolve("pki"));
        Path live = PeerDirs.createDirectories(dir.resolve("live"));
        Path cert = live.resolve("server.pem");
        Path key = live.resolve("server.key");
        install(pki.serverCert(), cert);
        install(pki.serverKey(), key);
        Path tlsFile = Files.writeString(dir.resolve("tls.properties"), String.join("\n",
            "tls.test.mode.enable=false",
            "tls.server.need.client.auth=none",
            "tls.server.keyPath=" + key,
            "tls.server.certPath=" + cert, ""));
        // The reload is an INFO line of the remoting logger: let it reach the child's log.
        Path logback = Files.writeString(dir.resolve("logback.xml"), String.join("\n",
            "<configuration>",
            "  <appender name=\"Console\" class=\"ch.qos.logback.core.ConsoleAppender\">",
            "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5p [%t] %c{0} - %m%n</pattern></encoder>",
            "  </appender>",
            "  <logger name=\"RocketmqRemoting\" level=\"INFO\"/>",
            "  <root level=\"WARN\"><appender-ref ref=\"Console\"/></root>",
            "</configuration>", ""));
        namesrv = NameServerProcess.ours(Map.of(), List.of("-Dtls.server.mode=enforcing", "-Dtls.config.file=" + tlsFile,
            "-Dlogback.configurationFile=" + logback));

        assertEquals("PROBE OK code=0", probe("first", pki.caCert()), "the certificate it started with");

        SelfSignedCertificate renewed = new SelfSignedCertificate("renewed.example", "EC", 256);
        install(renewed.certificate().toPath(), cert);
        install(renewed.privateKey().toPath(), key);
        Await.until("the reload", RELOAD_TIMEOUT, this::serverLog,
            l -> l.contains("TLS certificate reloaded from " + cert + ": CN=renewed.example"));
        Map<String, String> after = probes(Map.of("renewed", renewed.certificate().toPath(), "oldCa", pki.caCert()));
        assertEquals("PROBE OK code=0", after.get("renewed"), "the renewed certificate is served");
        assertTrue(after.get("oldCa").startsWith("PROBE FAIL"), "the old one no longer is: " + after.get("oldCa"));

        Files.writeString(cert, "-----BEGIN CERTIFICATE-----\nthis is no certificate\n-----END CERTIFICATE-----\n");
        Await.until("the refusal", RELOAD_TIMEOUT, this::serverLog,
            l -> l.contains("but the new version is refused, the certificate in force keeps serving"));
        assertEquals("PROBE OK code=0", probe("afterBroken", renewed.certificate().toPath()),
            "the renewed certificate still serves");
    }

    private static void install(Path content, Path target) throws IOException {
        Path aside = Files.createTempFile(target.getParent(), "new", ".tmp");
        Files.copy(content, aside, StandardCopyOption.REPLACE_EXISTING);
        Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String probe(String name, Path trusted) {
        return probes(Map.of(name, trusted)).get(name);
    }

    /** Apache's client trusting each given CA or certificate, side by side; the result line of each. */
    private Map<String, String> probes(Map<String, Path> trusted) {
        Map<String, ChildJvm> started = new LinkedHashMap<>();
        trusted.forEach((name, ca) -> started.put(name, ChildJvm.builder("tls-reload-probe-" + name,
                ApacheTlsProbe.class.getName())
            .workDir(dir)
            .jvmOption("-Xmx128m")
            .systemProperty("rmq.logback.configurationFile", dir.resolve("none.xml").toString())
            .systemProperty("tls.config.file", dir.resolve("no-client-tls-file").toString())
            .systemProperty("tls.enable", "true")
            .systemProperty("tls.test.mode.enable", "false")
            .systemProperty("tls.client.authServer", "true")
            .systemProperty("tls.client.trustCertPath", ca.toString())
            .args(namesrv.address())
            .start()));
        Map<String, String> results = new LinkedHashMap<>();
        for (Map.Entry<String, ChildJvm> e : started.entrySet()) {
            try (ChildJvm jvm = e.getValue()) {
                results.put(e.getKey(), jvm.waitForLine(Pattern.compile(ApacheTlsProbe.RESULT_LINE), PROBE_TIMEOUT));
            }
        }
        return results;
    }

    private String serverLog() {
        try {
            return Files.readString(namesrv.logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
