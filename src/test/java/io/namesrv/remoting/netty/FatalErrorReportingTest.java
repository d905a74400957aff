package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.FatalErrorListener;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.namesrv.remoting.protocol.SerializeType;
import io.netty.util.internal.OutOfDirectMemoryError;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Heap exhaustion seen while serving reaches the server's owner (who exits), and the caller still
 * gets Apache's SYSTEM_ERROR answer; exhausted direct memory (one connection's buffers) does not.
 * And the server says what has stopped once a thread it cannot serve without is gone.
 */
class FatalErrorReportingTest {

    private static final int HEAP_EXHAUSTED = 7;
    private static final int DIRECT_EXHAUSTED = 8;

    private final List<String> reported = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(1, r -> new Thread(r, "TestProcessor-fatal"));
    private NettyRemotingServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.shutdown();
        }
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(3, TimeUnit.SECONDS));
        assertEquals(List.of(), ThreadLeaks.survivors(3000));
    }

    private NettyRemotingServer start(ChannelEventListener listener) throws InterruptedException {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        config.setServerSelectorThreads(1);
        server = new NettyRemotingServer(config, listener, new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON),
            ServerTls.disabled());
        server.setFatalErrorListener((where, error) -> reported.add(error + " in " + where));
        server.registerProcessor(HEAP_EXHAUSTED, (ch, req) -> {
            throw new OutOfMemoryError("Java heap space");
        }, executor);
        server.registerProcessor(DIRECT_EXHAUSTED, (ch, req) -> {
            throw directMemoryError();
        }, executor);
        server.start();
        return server;
    }

    private static OutOfDirectMemoryError directMemoryError() throws Exception {
        Constructor<OutOfDirectMemoryError> c = OutOfDirectMemoryError.class.getDeclaredConstructor(String.class);
        c.setAccessible(true);
        return c.newInstance("failed to allocate 16777216 byte(s) of direct memory");
    }

    @Test
    void heapExhaustionInAProcessorIsReportedAndStillAnswered() throws Exception {
        start(null);
        try (WireClient client = new WireClient(server.localPort())) {
            client.writeRaw(WireClient.frame(RemotingCommand.request(HEAP_EXHAUSTED, null).setOpaque(1)));
            RemotingCommand response = client.read();
            assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
            assertTrue(response.getRemark().contains("OutOfMemoryError"), response.getRemark());

            client.writeRaw(WireClient.frame(RemotingCommand.request(DIRECT_EXHAUSTED, null).setOpaque(2)));
            assertEquals(ResponseCode.SYSTEM_ERROR, client.read().getCode());
        }
        assertEquals(1, reported.size(), reported.toString());
        assertTrue(reported.get(0).startsWith("java.lang.OutOfMemoryError: Java heap space in request code 7 from 127.0.0.1:"),
            reported.get(0));
    }

    @Test
    void whatIsFatal() throws Exception {
        assertTrue(FatalErrorListener.isFatal(new OutOfMemoryError("Java heap space")));
        assertTrue(FatalErrorListener.isFatal(new OutOfMemoryError("Metaspace")));
        assertTrue(FatalErrorListener.isFatal(new IllegalStateException("wrapped", new OutOfMemoryError("Java heap space"))),
            "libraries wrap");
        assertFalse(FatalErrorListener.isFatal(directMemoryError()));
        assertFalse(FatalErrorListener.isFatal(new OutOfMemoryError(
            "Cannot reserve 16777216 bytes of direct buffer memory (allocated: 1, limit: 2)")));
        assertTrue(FatalErrorListener.isFatal(new NoClassDefFoundError("io/namesrv/protocol/header/PutKVConfigRequestHeader")),
            "broken code");
        assertTrue(FatalErrorListener.isFatal(new IllegalStateException(new ExceptionInInitializerError("static init"))));
        assertFalse(FatalErrorListener.isFatal(new StackOverflowError()));
        assertFalse(FatalErrorListener.isFatal(new IllegalArgumentException()));
    }

    @Test
    void nothingHasStoppedWhileItRunsNorOnceItIsStopped() throws Exception {
        start(new ChannelEventListener() {
            @Override
            public void onChannelConnect(String remoteAddr, io.netty.channel.Channel channel) {
            }

            @Override
            public void onChannelClose(String remoteAddr, io.netty.channel.Channel channel) {
            }

            @Override
            public void onChannelException(String remoteAddr, io.netty.channel.Channel channel) {
            }

            @Override
            public void onChannelIdle(String remoteAddr, io.netty.channel.Channel channel) {
            }
        });
        assertNull(server.failure());
        server.shutdown();
        assertNull(server.failure(), "stopping on purpose is no failure");
        assertEquals(List.of(), reported);
    }
}
