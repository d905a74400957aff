package io.namesrv.remoting.netty.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.NettyRemotingServer;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.SerializeType;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLEngine;
import io.netty.buffer.ByteBufAllocator;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our server in each TLS mode against Apache 5.3.3's own client (TLS in Apache's test mode, and
 * plain) and against our client; plus mutual TLS with PEM files made in the test.
 */
class TlsModeInteropTest {

    private static final int ECHO = 100;
    /**
     * Generous: a first TLS handshake on a loaded 2-core machine can take over a second. Refused
     * calls do not wait for it: the server closes their connection and both clients fail at once.
     */
    private static final long TIMEOUT_MS = 15_000;

    /** One self-signed test-mode context, shared: generating a certificate takes ~1 s. */
    private static SslContext testModeServerContext;
    private static SelfSignedCertificate serverCert;
    private static SelfSignedCertificate clientCert;
    private static SelfSignedCertificate strangerCert;
    /** Apache clients in its default TLS test mode and in plain text, shared by the tests. */
    private static org.apache.rocketmq.remoting.netty.NettyRemotingClient apacheTls;
    private static org.apache.rocketmq.remoting.netty.NettyRemotingClient apachePlain;
    private static final List<org.apache.rocketmq.remoting.netty.NettyRemotingClient> APACHE_CLIENTS =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    private final List<NettyRemotingServer> servers = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> new Thread(r, "TestProcessor-tls"));

    @BeforeAll
    static void makeCertificates() throws Exception {
        testModeServerContext = TlsContexts.forServer(TlsSettings.defaults());
        serverCert = new SelfSignedCertificate("namesrv.test");
        clientCert = new SelfSignedCertificate("client.test");
        strangerCert = new SelfSignedCertificate("stranger.test");
        apacheTls = apacheClient(true);
        apachePlain = apacheClient(false);
    }

    @AfterAll
    static void deleteCertificatesAndApacheClients() throws InterruptedException {
        shutDownApacheClients();
        serverCert.delete();
        clientCert.delete();
        strangerCert.delete();
    }

    @AfterEach
    void shutDown() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        servers.forEach(NettyRemotingServer::shutdown);
        executor.shutdownNow();
    }

    private static Properties props(String... kv) {
        Properties p = new Properties();
        p.setProperty(TlsSettings.TLS_CONFIG_FILE, "");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    private String start(ServerTls tls) throws InterruptedException {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        config.setServerSelectorThreads(1);
        config.setServerWorkerThreads(2);
        NettyRemotingServer server = new NettyRemotingServer(config, null,
            new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON), tls);
        servers.add(server);
        server.registerProcessor(ECHO, (ch, req) -> RemotingCommand.response(0, "tls="
            + (ch.pipeline().get(TlsModeHandler.SSL_HANDLER_NAME) != null)), executor);
        server.start();
        return "127.0.0.1:" + server.localPort();
    }

    private String startInMode(TlsMode mode) throws InterruptedException {
        return start(mode == TlsMode.DISABLED ? ServerTls.disabled() : ServerTls.of(mode, testModeServerContext));
    }

    // --- Apache's client -----------------------------------------------------------------------

    private static org.apache.rocketmq.remoting.netty.NettyRemotingClient apacheClient(boolean useTls) {
        org.apache.rocketmq.remoting.netty.NettyClientConfig config = new org.apache.rocketmq.remoting.netty.NettyClientConfig();
        config.setUseTLS(useTls);
        config.setConnectTimeoutMillis(1000);
        org.apache.rocketmq.remoting.netty.NettyRemotingClient client =
            new org.apache.rocketmq.remoting.netty.NettyRemotingClient(config);
        client.start();
        APACHE_CLIENTS.add(client);
        return client;
    }

    /** Apache's client takes ~2.7 s to shut down, so all of them go down at once, at the end. */
    private static void shutDownApacheClients() throws InterruptedException {
        List<Thread> stoppers = new ArrayList<>();
        for (var client : APACHE_CLIENTS) {
            Thread t = new Thread(client::shutdown, "TestApacheClientShutdown");
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            t.join(10_000);
        }
        APACHE_CLIENTS.clear();
    }

    private static String apacheCall(org.apache.rocketmq.remoting.netty.NettyRemotingClient client, String addr)
        throws Exception {
        org.apache.rocketmq.remoting.protocol.RemotingCommand response = client.invokeSync(addr,
            org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(ECHO, null), TIMEOUT_MS);
        assertEquals(0, response.getCode());
        return response.getRemark();
    }

    private static String apacheCall(String addr, boolean useTls) throws Exception {
        return apacheCall(useTls ? apacheTls : apachePlain, addr);
    }

    private static void assertApacheFails(ThrowingCall call) {
        assertThrows(org.apache.rocketmq.remoting.exception.RemotingException.class, call::run);
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void disabledRefusesApacheTlsAndServesPlain() throws Exception {
        String addr = startInMode(TlsMode.DISABLED);
        assertEquals("tls=false", apacheCall(addr, false));
        assertApacheFails(() -> apacheCall(addr, true));
    }

    @Test
    void permissiveServesApacheTlsAndPlain() throws Exception {
        String addr = startInMode(TlsMode.PERMISSIVE);
        assertEquals("tls=true", apacheCall(addr, true));
        assertEquals("tls=false", apacheCall(addr, false));
    }

    @Test
    void enforcingServesApacheTlsOnly() throws Exception {
        String addr = startInMode(TlsMode.ENFORCING);
        assertEquals("tls=true", apacheCall(addr, true));
        assertApacheFails(() -> apacheCall(addr, false));
    }

    // --- our client ----------------------------------------------------------------------------

    private String ourCall(String addr, SslContext clientContext) throws Exception {
        NettyClientConfig config = new NettyClientConfig();
        config.setConnectTimeoutMillis(1000);
        NettyRemotingClient client = new NettyRemotingClient(config,
            new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON), clientContext);
        clients.add(client);
        RemotingCommand response = client.invokeSync(addr, RemotingCommand.request(ECHO, null), TIMEOUT_MS);
        assertEquals(0, response.getCode());
        return response.getRemark();
    }

    @Test
    void ourClientInEveryMode() throws Exception {
        SslContext testModeClient = TlsContexts.forClient(TlsSettings.defaults());
        String disabled = startInMode(TlsMode.DISABLED);
        assertEquals("tls=false", ourCall(disabled, null));
        assertThrows(RemotingException.class, () -> ourCall(disabled, testModeClient));

        String permissive = startInMode(TlsMode.PERMISSIVE);
        assertEquals("tls=true", ourCall(permissive, testModeClient));
        assertEquals("tls=false", ourCall(permissive, null));

        String enforcing = startInMode(TlsMode.ENFORCING);
        assertEquals("tls=true", ourCall(enforcing, testModeClient));
        assertThrows(RemotingException.class, () -> ourCall(enforcing, null));
    }

    @Test
    void serverTlsFromSettingsInTestMode() throws Exception {
        ServerTls tls = ServerTls.fromSettings(TlsSettings.load(props("tls.server.mode", "enforcing")));
        assertEquals(TlsMode.ENFORCING, tls.mode());
        assertNotNull(tls.sslContext());
        SSLEngine engine = tls.sslContext().newEngine(ByteBufAllocator.DEFAULT);
        assertTrue(engine.getWantClientAuth(), "test mode asks for an optional client certificate");
        ServerTls disabled = ServerTls.fromSettings(TlsSettings.load(props("tls.server.mode", "disabled")));
        assertEquals(TlsMode.DISABLED, disabled.mode());
        assertNull(disabled.sslContext());
    }

    @Test
    void unbuildableContextInPermissiveModeServesPlainTextAndClosesTlsHellos() throws Exception {
        ServerTls tls = ServerTls.fromSettings(TlsSettings.load(props("tls.server.mode", "permissive",
            "tls.test.mode.enable", "false", "tls.server.certPath", "/nonexistent/cert.pem",
            "tls.server.keyPath", "/nonexistent/key.pem")));
        assertEquals(TlsMode.PERMISSIVE, tls.mode());
        assertNull(tls.sslContext());
        String addr = start(tls);
        assertEquals("tls=false", ourCall(addr, null));
        assertThrows(RemotingException.class, () -> ourCall(addr, TlsContexts.forClient(TlsSettings.defaults())));
        assertEquals("tls=false", apacheCall(addr, false));
    }

    @Test
    void unbuildableContextInEnforcingModeRefusesEveryConnectionInsteadOfDowngrading() throws Exception {
        ServerTls tls = ServerTls.fromSettings(TlsSettings.load(props("tls.server.mode", "enforcing",
            "tls.test.mode.enable", "false", "tls.server.certPath", "/nonexistent/cert.pem",
            "tls.server.keyPath", "/nonexistent/key.pem")));
        assertEquals(TlsMode.ENFORCING, tls.mode());
        assertNull(tls.sslContext());
        String addr = start(tls);
        assertThrows(RemotingException.class, () -> ourCall(addr, null));
        assertThrows(RemotingException.class, () -> ourCall(addr, TlsContexts.forClient(TlsSettings.defaults())));
    }

    // --- mutual TLS with PEM files -------------------------------------------------------------

    private String startRequiringClientCertificates() throws Exception {
        TlsSettings settings = TlsSettings.load(props("tls.server.mode", "enforcing", "tls.test.mode.enable", "false",
            "tls.server.certPath", serverCert.certificate().getPath(), "tls.server.keyPath", serverCert.privateKey().getPath(),
            "tls.server.authClient", "true", "tls.server.trustCertPath", clientCert.certificate().getPath(),
            "tls.server.need.client.auth", "require"));
        ServerTls tls = ServerTls.fromSettings(settings);
        assertNotNull(tls.sslContext());
        assertTrue(tls.sslContext().newEngine(ByteBufAllocator.DEFAULT).getNeedClientAuth());
        return start(tls);
    }

    private static SslContext clientWith(SelfSignedCertificate identity) throws Exception {
        return TlsContexts.forClient(TlsSettings.load(props("tls.test.mode.enable", "false",
            "tls.client.authServer", "true", "tls.client.trustCertPath", serverCert.certificate().getPath(),
            "tls.client.certPath", identity.certificate().getPath(), "tls.client.keyPath", identity.privateKey().getPath())));
    }

    @Test
    void requiredClientAuthWithOurClient() throws Exception {
        String addr = startRequiringClientCertificates();
        assertEquals("tls=true", ourCall(addr, clientWith(clientCert)));
        assertThrows(RemotingException.class, () -> ourCall(addr, clientWith(strangerCert)));
        assertThrows(RemotingException.class, () -> ourCall(addr, TlsContexts.forClient(TlsSettings.defaults())));
    }

    @Test
    void clientThatAuthenticatesTheServerRejectsAnUntrustedOne() throws Exception {
        // The test-mode server presents a fresh self-signed certificate the client does not trust.
        String addr = startInMode(TlsMode.ENFORCING);
        assertThrows(RemotingException.class, () -> ourCall(addr, clientWith(clientCert)));
    }

    @Test
    void requiredClientAuthWithApacheClient() throws Exception {
        String addr = startRequiringClientCertificates();
        // Apache's TLS settings are static: set them while its clients are built, then put them back.
        boolean testMode = TlsSystemConfig.tlsTestModeEnable;
        boolean authServer = TlsSystemConfig.tlsClientAuthServer;
        String trust = TlsSystemConfig.tlsClientTrustCertPath;
        String cert = TlsSystemConfig.tlsClientCertPath;
        String key = TlsSystemConfig.tlsClientKeyPath;
        try {
            TlsSystemConfig.tlsTestModeEnable = false;
            TlsSystemConfig.tlsClientAuthServer = true;
            TlsSystemConfig.tlsClientTrustCertPath = serverCert.certificate().getPath();
            TlsSystemConfig.tlsClientCertPath = clientCert.certificate().getPath();
            TlsSystemConfig.tlsClientKeyPath = clientCert.privateKey().getPath();
            // Apache's client builds its SslContext in its constructor.
            var trusted = apacheClient(true);
            TlsSystemConfig.tlsClientCertPath = strangerCert.certificate().getPath();
            TlsSystemConfig.tlsClientKeyPath = strangerCert.privateKey().getPath();
            var stranger = apacheClient(true);
            assertEquals("tls=true", apacheCall(trusted, addr));
            assertApacheFails(() -> apacheCall(stranger, addr));
        } finally {
            TlsSystemConfig.tlsTestModeEnable = testMode;
            TlsSystemConfig.tlsClientAuthServer = authServer;
            TlsSystemConfig.tlsClientTrustCertPath = trust;
            TlsSystemConfig.tlsClientCertPath = cert;
            TlsSystemConfig.tlsClientKeyPath = key;
        }
    }
}
