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
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link NettyRemotingClient#invokeOnewayAsync}: never blocks its caller, reports how the send ended. */
class NettyRemotingClientOnewayAsyncTest {

    private static final WireIdentity IDENTITY = new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private NettyRemotingClient client;

    @AfterEach
    void close() throws Exception {
        if (client != null) {
            client.close();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private NettyRemotingClient client() {
        NettyClientConfig config = new NettyClientConfig();
        config.setConnectTimeoutMillis(1000);
        client = new NettyRemotingClient(config, IDENTITY);
        return client;
    }

    @Test
    void aLiveServerGetsTheRequestOnewayAndTheFutureCompletes() throws Exception {
        RecordingServer server = new RecordingServer();
        resources.add(server);
        CompletableFuture<Void> written = client().invokeOnewayAsync(server.address(), RemotingCommand.request(905, null));
        written.get(10, TimeUnit.SECONDS);
        RemotingCommand request = server.next(10_000);
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
        StuckPort stuck = new StuckPort();
        resources.add(stuck);
        CompletableFuture<Void> written = client().invokeOnewayAsync(stuck.address(), RemotingCommand.request(905, null));
        assertFalse(written.isDone(), "the caller did not wait for the connection");
        ExecutionException e = assertThrows(ExecutionException.class, () -> written.get(10, TimeUnit.SECONDS));
        assertInstanceOf(RemotingConnectException.class, e.getCause());
    }
}
