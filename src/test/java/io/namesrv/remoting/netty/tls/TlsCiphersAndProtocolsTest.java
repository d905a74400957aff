package io.namesrv.remoting.netty.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.NettyRemotingServer;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.SerializeType;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tls.ciphers} and {@code tls.protocols} (Apache 5.3.4+, #9769): comma-separated, from the
 * system properties or the {@code tls.config.file}, applied to the server's and the client's
 * context alike, test mode included. Each case checks what a handshake actually negotiated.
 */
class TlsCiphersAndProtocolsTest {

    private static final int ECHO = 100;
    private static final WireIdentity IDENTITY = new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON);
    /** The test-mode certificate is EC, so the TLS 1.2 suites must be ECDSA ones. */
    private static final String TLS12_SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
    private static final String TLS13_SUITE = "TLS_AES_256_GCM_SHA384";

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "TestProcessor"));
    private final List<NettyRemotingServer> servers = new ArrayList<>();
    private final List<NettyRemotingClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(NettyRemotingClient::close);
        servers.forEach(NettyRemotingServer::shutdown);
        executor.shutdownNow();
    }

    private static TlsSettings settings(String... kv) throws IOException {
        Properties p = new Properties();
        p.setProperty(TlsSettings.TLS_CONFIG_FILE, "");
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return TlsSettings.load(p);
    }

    /** An enforcing test-mode server answering ECHO with the negotiated "protocol suite". */
    private String server(TlsSettings settings) throws Exception {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        NettyRemotingServer server = new NettyRemotingServer(config, null, IDENTITY,
            ServerTls.of(TlsMode.ENFORCING, TlsContexts.forServer(settings)));
        servers.add(server);
        server.registerProcessor(ECHO, (ch, req) -> {
            SSLSession session = ((SslHandler) ch.pipeline().get(TlsModeHandler.SSL_HANDLER_NAME)).engine().getSession();
            return RemotingCommand.response(0, session.getProtocol() + " " + session.getCipherSuite());
        }, executor);
        server.start();
        return "127.0.0.1:" + server.localPort();
    }

    private String negotiated(String addr, TlsSettings clientSettings) throws Exception {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig(), IDENTITY,
            TlsContexts.forClient(clientSettings));
        clients.add(client);
        return client.invokeSync(addr, RemotingCommand.request(ECHO, null), 5000).getRemark();
    }

    @Test
    void theServerOffersOnlyTheConfiguredProtocolAndCipher() throws Exception {
        String tls12 = server(settings("tls.protocols", "TLSv1.2", "tls.ciphers", TLS12_SUITE));
        assertEquals("TLSv1.2 " + TLS12_SUITE, negotiated(tls12, settings()));

        String tls13 = server(settings("tls.protocols", "TLSv1.3", "tls.ciphers", TLS13_SUITE));
        assertEquals("TLSv1.3 " + TLS13_SUITE, negotiated(tls13, settings()));
    }

    @Test
    void theClientOffersOnlyTheConfiguredProtocolAndCipher() throws Exception {
        String open = server(settings());
        assertEquals("TLSv1.2 " + TLS12_SUITE,
            negotiated(open, settings("tls.protocols", "TLSv1.2", "tls.ciphers", TLS12_SUITE)));
        assertEquals("TLSv1.3 " + TLS13_SUITE,
            negotiated(open, settings("tls.protocols", "TLSv1.3", "tls.ciphers", TLS13_SUITE)));
    }

    @Test
    void noCommonProtocolMeansNoConnection() throws Exception {
        String tls12Only = server(settings("tls.protocols", "TLSv1.2"));
        assertThrows(RemotingException.class, () -> negotiated(tls12Only, settings("tls.protocols", "TLSv1.3")));
    }

    @Test
    void aListWithSeveralEntriesIsCommaSeparated() throws Exception {
        // both suites allowed on both protocols: the client's preference picks TLSv1.3
        String both = server(settings("tls.protocols", "TLSv1.2,TLSv1.3", "tls.ciphers", TLS12_SUITE + "," + TLS13_SUITE));
        assertEquals("TLSv1.3 " + TLS13_SUITE, negotiated(both, settings()));
        assertEquals("TLSv1.2 " + TLS12_SUITE, negotiated(both, settings("tls.protocols", "TLSv1.2")));
    }
}
