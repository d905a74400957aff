package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.RemotingConnectException;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.SerializeType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link NettyRemotingClient#invokeOnewayAsync}: never blocks its caller, reports how the send ended. */
class NettyRemotingClientOnewayAsyncTest {

    private static final WireIdentity IDENTITY = new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "TestProcessor"));
    private NettyRemotingClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        executor.shutdownNow();
    }

    private NettyRemotingClient client() {
        NettyClientConfig config = new NettyClientConfig();
        config.setConnectTimeoutMillis(1000);
        client = new NettyRemotingClient(config, IDENTITY);
        return client;
    }

    @Test
    void aLiveServerGetsTheRequestOnewayAndTheFutureCompletes() throws Exception {
        BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        NettyRemotingServer server = new NettyRemotingServer(config, null, IDENTITY, null);
        server.registerDefaultProcessor((ch, request) -> {
            received.add(request);
            return null;
        }, executor);
        server.start();
        resources.add(server::shutdown);

        CompletableFuture<Void> written = client().invokeOnewayAsync("127.0.0.1:" + server.localPort(),
            RemotingCommand.request(905, null));
        written.get(10, TimeUnit.SECONDS);
        RemotingCommand request = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(request);
        assertEquals(905, request.getCode());
        assertTrue(request.isOneway());
        assertEquals(WireIdentity.V5_3_3, request.getVersion());
    }

    @Test
    void aRefusedAddressFailsTheFutureWithAConnectError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CompletableFuture<Void> written = client().invokeOnewayAsync("127.0.0.1:" + port, RemotingCommand.request(905, null));
        ExecutionException e = assertThrows(ExecutionException.class, () -> written.get(10, TimeUnit.SECONDS));
        assertInstanceOf(RemotingConnectException.class, e.getCause());
    }

    @Test
    void aStuckConnectReturnsAtOnceAndFailsAfterTheConnectTimeout() throws Exception {
        ServerSocket full = new ServerSocket();
        full.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        resources.add(full);
        for (int i = 0; i < 4; i++) { // fill the accept queue: further SYNs are dropped
            Socket filler = new Socket();
            try {
                filler.connect(full.getLocalSocketAddress(), 200);
                resources.add(filler);
            } catch (IOException queueFull) {
                filler.close();
                break;
            }
        }
        CompletableFuture<Void> written = client().invokeOnewayAsync("127.0.0.1:" + full.getLocalPort(),
            RemotingCommand.request(905, null));
        assertFalse(written.isDone(), "the caller did not wait for the connection");
        ExecutionException e = assertThrows(ExecutionException.class, () -> written.get(10, TimeUnit.SECONDS));
        assertInstanceOf(RemotingConnectException.class, e.getCause());
    }
}
