package io.namesrv.remoting.netty.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Certificate renewal without a restart: the watcher swaps the context when the files change and
 * stay changed, and refuses a new version that cannot serve, keeping the one in force. What is
 * served is read from a real handshake against the server's current context.
 */
class TlsFileWatcherTest {

    private static final long DAY = 24L * 3600 * 1000;

    @TempDir
    Path dir;
    private Path certFile;
    private Path keyFile;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("RocketmqRemoting");
    private Level levelBefore;

    @BeforeEach
    void listen() {
        certFile = dir.resolve("server.pem");
        keyFile = dir.resolve("server.key");
        log.start();
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(log);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(log);
        logger.setLevel(levelBefore);
    }

    private static SelfSignedCertificate certificate(String name) throws Exception {
        return new SelfSignedCertificate(name, "EC", 256);
    }

    /** Replaces the file's content at once, as an operator's tooling would (write aside, rename). */
    private void install(Path content, Path target) throws Exception {
        Path aside = Files.createTempFile(dir, "new", ".tmp");
        Files.copy(content, aside, StandardCopyOption.REPLACE_EXISTING);
        Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void install(SelfSignedCertificate cert) throws Exception {
        install(cert.certificate().toPath(), certFile);
        install(cert.privateKey().toPath(), keyFile);
    }

    private ServerTls enforcing() throws Exception {
        Properties p = new Properties();
        p.setProperty(TlsSettings.TLS_CONFIG_FILE, "");
        p.setProperty(TlsSettings.TLS_SERVER_MODE, "enforcing");
        p.setProperty(TlsSettings.TLS_TEST_MODE_ENABLE, "false");
        p.setProperty(TlsSettings.TLS_SERVER_CERTPATH, certFile.toString());
        p.setProperty(TlsSettings.TLS_SERVER_KEYPATH, keyFile.toString());
        return ServerTls.fromSettings(TlsSettings.load(p));
    }

    /** The subject of the certificate a client is shown now, from an in-memory handshake. */
    private static String served(ServerTls tls) throws Exception {
        SslContext client = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
            .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        EmbeddedChannel server = new EmbeddedChannel(tls.sslContext().newHandler(ByteBufAllocator.DEFAULT));
        EmbeddedChannel clientSide = new EmbeddedChannel(client.newHandler(ByteBufAllocator.DEFAULT));
        try {
            SslHandler clientTls = clientSide.pipeline().get(SslHandler.class);
            for (int i = 0; i < 32 && !clientTls.handshakeFuture().isDone(); i++) {
                relay(clientSide, server);
                relay(server, clientSide);
            }
            assertTrue(clientTls.handshakeFuture().isSuccess(), String.valueOf(clientTls.handshakeFuture().cause()));
            X509Certificate peer = (X509Certificate) clientTls.engine().getSession().getPeerCertificates()[0];
            return peer.getSubjectX500Principal().getName();
        } finally {
            clientSide.finishAndReleaseAll();
            server.finishAndReleaseAll();
        }
    }

    private static void relay(EmbeddedChannel from, EmbeddedChannel to) {
        for (ByteBuf out = from.readOutbound(); out != null; out = from.readOutbound()) {
            to.writeInbound(out);
        }
    }

    private List<String> errors() {
        return log.list.stream().filter(e -> e.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void renewedFilesAreServedOnceTheyStayTheSameForOneCheck() throws Exception {
        install(certificate("old.example"));
        ServerTls tls = enforcing();
        TlsFileWatcher watcher = tls.fileWatcher();
        assertNotNull(watcher);
        assertEquals("CN=old.example", served(tls));
        watcher.run();
        assertEquals("CN=old.example", served(tls), "nothing changed");

        install(certificate("new.example"));
        watcher.run();
        assertEquals("CN=old.example", served(tls), "a change seen once may still be in the middle of being written");
        watcher.run();
        assertEquals("CN=new.example", served(tls));
        assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().startsWith(
            "TLS certificate reloaded from " + certFile + ": CN=new.example, serial ")), log.list.toString());
        assertEquals(List.of(), errors());
    }

    @Test
    void aNewVersionThatCannotServeIsRefusedOnceAndTheOldOneKeepsServing() throws Exception {
        SelfSignedCertificate good = certificate("good.example");
        install(good);
        ServerTls tls = enforcing();
        TlsFileWatcher watcher = tls.fileWatcher();

        // A certificate whose key is another one's (renewed certificate, key not yet replaced).
        install(certificate("other.example").certificate().toPath(), certFile);
        watcher.run();
        watcher.run();
        watcher.run();
        assertEquals("CN=good.example", served(tls));
        assertEquals(1, errors().size(), "refused once per version: " + errors());
        assertTrue(errors().get(0).contains("but the new version is refused, the certificate in force keeps serving: "
            + "javax.net.ssl.SSLException: a handshake with " + certFile), errors().get(0));

        // Not a certificate at all.
        Files.writeString(certFile, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        watcher.run();
        watcher.run();
        assertEquals("CN=good.example", served(tls));
        assertEquals(2, errors().size(), errors().toString());

        // Expired.
        SelfSignedCertificate expired = new SelfSignedCertificate("expired.example",
            new Date(System.currentTimeMillis() - 10 * DAY), new Date(System.currentTimeMillis() - DAY), "EC", 256);
        install(expired);
        watcher.run();
        watcher.run();
        assertEquals("CN=good.example", served(tls));
        assertEquals(3, errors().size(), errors().toString());
        assertTrue(errors().get(2).contains("CertificateExpiredException"), errors().get(2));

        // The key file gone (an editor replacing it).
        Files.delete(keyFile);
        watcher.run();
        watcher.run();
        assertEquals("CN=good.example", served(tls));

        // And a good version after all that is taken.
        install(good);
        watcher.run();
        watcher.run();
        assertEquals("CN=good.example", served(tls));
        install(certificate("fixed.example"));
        watcher.run();
        watcher.run();
        assertEquals("CN=fixed.example", served(tls));
    }

    @Test
    void aServerThatStartedWithoutUsableFilesServesOnceTheyAreFixed() throws Exception {
        Files.writeString(certFile, "broken");
        Files.writeString(keyFile, "broken");
        ServerTls tls = enforcing();
        assertNull(tls.sslContext(), "enforcing and unavailable: every connection refused");
        TlsFileWatcher watcher = tls.fileWatcher();
        install(certificate("repaired.example"));
        watcher.run();
        watcher.run();
        assertEquals("CN=repaired.example", served(tls));
    }

    @Test
    void testModeAndDisabledHaveNothingToWatch() throws Exception {
        assertNull(ServerTls.disabled().fileWatcher());
        assertNull(ServerTls.fromSettings(TlsSettings.defaults()).fileWatcher());
    }
}
