package io.namesrv.remoting.netty.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyDecoder;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.NettyRemotingServer;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.SerializeType;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * apache/rocketmq#10110: up to 5.4.0 Apache's "enforcing" server closed a plain-text connection
 * and then still passed its first bytes on, so the first request was decoded and executed (an
 * UPDATE_NAMESRV_CONFIG took effect) and only the answer was lost. Ours must never execute it.
 */
class TlsEnforcingPlainTextTest {

    private static final WireIdentity IDENTITY = new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON);

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "TestProcessor"));
    private final List<String> executed = new CopyOnWriteArrayList<>();
    private NettyRemotingServer server;
    private NettyRemotingClient tlsClient;

    @AfterEach
    void stop() {
        if (tlsClient != null) {
            tlsClient.close();
        }
        if (server != null) {
            server.shutdown();
        }
        executor.shutdownNow();
    }

    private static RemotingCommand updateConfig(String marker) {
        RemotingCommand request = RemotingCommand.request(RequestCode.UPDATE_NAMESRV_CONFIG, null);
        request.setRemark(marker);
        return request;
    }

    @Test
    void theHandlerPassesNoByteOfAPlainTextConnectionOn() {
        EmbeddedChannel channel = new EmbeddedChannel(new TlsModeHandler(TlsMode.ENFORCING, () -> null),
            new NettyDecoder(NettyDecoder.configuredMaxFrameLength()));
        byte[] frame = WireClient.frame(updateConfig("plain"));
        channel.writeInbound(Unpooled.wrappedBuffer(frame, frame));
        assertNull(channel.readInbound(), "no request reaches the decoder's successors");
        assertFalse(channel.isOpen(), "the connection is closed");
        channel.finishAndReleaseAll();
    }

    @Test
    void aPlainTextRequestToAnEnforcingServerIsNeverExecuted() throws Exception {
        SslContext serverContext = TlsContexts.forServer(TlsSettings.defaults());
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        server = new NettyRemotingServer(config, null, IDENTITY, ServerTls.of(TlsMode.ENFORCING, serverContext));
        server.registerDefaultProcessor((ch, request) -> {
            executed.add(request.getRemark());
            return RemotingCommand.response(0, null);
        }, executor);
        server.start();

        try (WireClient plain = new WireClient(server.localPort())) {
            // a oneway request too: its execution would not need the (closed) connection to answer
            RemotingCommand oneway = updateConfig("plain-oneway");
            oneway.markOneway();
            plain.writeRaw(concat(WireClient.frame(oneway), WireClient.frame(updateConfig("plain"))));
            assertTrue(plain.closedByPeer(), "a plain-text connection is closed");
        }
        // A TLS request afterwards runs on the same single thread: had the plain one been
        // dispatched (as in Apache <= 5.4.0, right before the close), it would have run first.
        tlsClient = new NettyRemotingClient(new NettyClientConfig(), IDENTITY,
            TlsContexts.forClient(TlsSettings.defaults()));
        RemotingCommand answer = tlsClient.invokeSync("127.0.0.1:" + server.localPort(), updateConfig("tls"), 5000);
        assertEquals(0, answer.getCode());
        assertEquals(List.of("tls"), executed);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
