package io.namesrv.remoting.netty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.RemotingConnectException;
import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.RemotingTimeoutException;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.namesrv.remoting.protocol.SerializeType;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our server and client over 127.0.0.1: calls, errors, flow control, idle, failover, PROXY. */
class NettyRemotingLoopbackTest {

    private static final int ECHO = 100;
    private static final int SERVER_VERSION = WireIdentity.V5_3_3;
    private static final long WAIT_MS = 5000;

    private final List<NettyRemotingServer> servers = new ArrayList<>();
    private final List<NettyRemotingClient> clients = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final List<CountDownLatch> latchesToRelease = new ArrayList<>();

    @AfterEach
    void shutDownEverything() throws InterruptedException {
        latchesToRelease.forEach(l -> {
            while (l.getCount() > 0) {
                l.countDown();
            }
        });
        clients.forEach(NettyRemotingClient::close);
        servers.forEach(NettyRemotingServer::shutdown);
        executors.forEach(ExecutorService::shutdownNow);
        for (ExecutorService e : executors) {
            assertTrue(e.awaitTermination(3, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), ThreadLeaks.survivors(3000), "threads still alive after shutdown");
    }

    private ExecutorService executor(String name) {
        ExecutorService e = Executors.newFixedThreadPool(2, r -> new Thread(r, "TestProcessor-" + name));
        executors.add(e);
        return e;
    }

    private NettyRemotingServer server(Consumer<NettyServerConfig> tweak, ChannelEventListener listener)
        throws InterruptedException {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        config.setServerSelectorThreads(1);
        config.setServerWorkerThreads(2);
        tweak.accept(config);
        NettyRemotingServer server = new NettyRemotingServer(config, listener,
            new WireIdentity(SERVER_VERSION, SerializeType.JSON), ServerTls.disabled());
        servers.add(server);
        server.registerProcessor(ECHO, (ch, req) -> RemotingCommand.response(ResponseCode.SUCCESS, "echo")
            .setBody(req.getBody()), executor("echo"));
        server.start();
        return server;
    }

    private NettyRemotingServer server() throws InterruptedException {
        return server(c -> { }, null);
    }

    private NettyRemotingClient client() {
        NettyClientConfig config = new NettyClientConfig();
        config.setConnectTimeoutMillis(1000);
        NettyRemotingClient client = new NettyRemotingClient(config, new WireIdentity(SERVER_VERSION, SerializeType.JSON));
        clients.add(client);
        return client;
    }

    private static String addr(NettyRemotingServer server) {
        return "127.0.0.1:" + server.localPort();
    }

    private static RemotingCommand echo(String body) {
        return RemotingCommand.request(ECHO, null).setBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private CountDownLatch latch() {
        CountDownLatch l = new CountDownLatch(1);
        latchesToRelease.add(l);
        return l;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // --- calls ---------------------------------------------------------------------------------

    @Test
    void syncCallRoundTrip() throws Exception {
        NettyRemotingServer server = server();
        NettyRemotingClient client = client();
        RemotingCommand request = echo("hello");
        RemotingCommand response = client.invokeSync(addr(server), request, WAIT_MS);
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        assertTrue(response.isResponse());
        assertEquals(request.getOpaque(), response.getOpaque());
        assertEquals(SERVER_VERSION, response.getVersion());
        assertEquals("echo", response.getRemark());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), response.getBody());
        // A second call reuses the connection and gets its own opaque.
        RemotingCommand second = client.invokeSync(addr(server), echo("again"), WAIT_MS);
        assertNotEquals(response.getOpaque(), second.getOpaque());
        assertArrayEquals("again".getBytes(StandardCharsets.UTF_8), second.getBody());
    }

    @Test
    void serverAnswersInItsOwnSerializeTypeWhateverTheRequestUsed() throws Exception {
        NettyRemotingServer server = server();
        try (WireClient raw = new WireClient(server.localPort())) {
            raw.writeRaw(WireClient.frame(echo("x").setOpaque(5).setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ)));
            RemotingCommand response = raw.read();
            assertEquals(5, response.getOpaque());
            assertEquals(SerializeType.JSON, response.getSerializeTypeCurrentRPC());
        }
    }

    @Test
    void asyncCall() throws Exception {
        NettyRemotingServer server = server();
        NettyRemotingClient client = client();
        CompletableFuture<RemotingCommand> result = new CompletableFuture<>();
        client.invokeAsync(addr(server), echo("async"), WAIT_MS, new InvokeCallback() {
            @Override
            public void onSuccess(RemotingCommand response) {
                result.complete(response);
            }

            @Override
            public void onFailure(RemotingException cause) {
                result.completeExceptionally(cause);
            }
        });
        RemotingCommand response = result.get(WAIT_MS, TimeUnit.MILLISECONDS);
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        assertArrayEquals("async".getBytes(StandardCharsets.UTF_8), response.getBody());
    }

    @Test
    void asyncCallTimesOut() throws Exception {
        NettyRemotingServer server = server();
        CountDownLatch never = latch();
        server.registerProcessor(7, (ch, req) -> {
            never.await(WAIT_MS, TimeUnit.MILLISECONDS);
            return RemotingCommand.response(0, null);
        }, executor("slow"));
        NettyRemotingClient client = client();
        CompletableFuture<RemotingException> failure = new CompletableFuture<>();
        client.invokeAsync(addr(server), RemotingCommand.request(7, null), 200, new InvokeCallback() {
            @Override
            public void onSuccess(RemotingCommand response) {
                failure.completeExceptionally(new AssertionError("unexpected answer " + response));
            }

            @Override
            public void onFailure(RemotingException cause) {
                failure.complete(cause);
            }
        });
        assertTrue(failure.get(WAIT_MS, TimeUnit.MILLISECONDS) instanceof RemotingTimeoutException);
    }

    @Test
    void onewayGetsNoResponse() throws Exception {
        NettyRemotingServer server = server();
        CountDownLatch called = new CountDownLatch(1);
        // One thread: the oneway request is fully processed before the next request starts.
        ExecutorService single = Executors.newSingleThreadExecutor(r -> new Thread(r, "TestProcessor-oneway"));
        executors.add(single);
        server.registerProcessor(8, (ch, req) -> {
            called.countDown();
            return RemotingCommand.response(ResponseCode.SUCCESS, "must not be sent");
        }, single);
        server.registerProcessor(9, (ch, req) -> RemotingCommand.response(ResponseCode.SUCCESS, "second"), single);
        NettyRemotingClient client = client();
        client.invokeOneway(addr(server), RemotingCommand.request(8, null), WAIT_MS);
        assertTrue(called.await(WAIT_MS, TimeUnit.MILLISECONDS));

        try (WireClient raw = new WireClient(server.localPort())) {
            RemotingCommand oneway = RemotingCommand.request(8, null).setOpaque(1);
            oneway.markOneway();
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.write(WireClient.frame(oneway));
            both.write(WireClient.frame(RemotingCommand.request(9, null).setOpaque(2)));
            raw.writeRaw(both.toByteArray());
            RemotingCommand first = raw.read();
            assertEquals(2, first.getOpaque(), "the first frame back must answer the second request");
            assertEquals("second", first.getRemark());
        }
    }

    // --- errors and flow control ---------------------------------------------------------------

    @Test
    void unknownCodeIsNotSupported() throws Exception {
        NettyRemotingServer server = server();
        RemotingCommand response = client().invokeSync(addr(server), RemotingCommand.request(9999, null), WAIT_MS);
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, response.getCode());
        assertEquals(" request type 9999 not supported", response.getRemark());
    }

    @Test
    void defaultProcessorTakesUnregisteredCodes() throws Exception {
        NettyRemotingServer server = server();
        server.registerDefaultProcessor((ch, req) -> RemotingCommand.response(0, "default " + req.getCode()),
            executor("default"));
        RemotingCommand response = client().invokeSync(addr(server), RemotingCommand.request(4321, null), WAIT_MS);
        assertEquals("default 4321", response.getRemark());
    }

    @Test
    void processorExceptionIsSystemErrorWithAShortDescription() throws Exception {
        NettyRemotingServer server = server();
        server.registerProcessor(11, (ch, req) -> {
            throw new IllegalStateException("boom");
        }, executor("throwing"));
        RemotingCommand response = client().invokeSync(addr(server), RemotingCommand.request(11, null), WAIT_MS);
        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(response.getRemark().startsWith("java.lang.IllegalStateException: boom, "), response.getRemark());
        assertTrue(response.getRemark().contains(NettyRemotingLoopbackTest.class.getName()), response.getRemark());
        assertEquals(1, response.getRemark().lines().count());
        // Same text as Apache's own helper gives for the same exception.
        IllegalStateException e = new IllegalStateException("x");
        assertEquals(org.apache.rocketmq.common.UtilAll.exceptionSimpleDesc(e),
            io.namesrv.remoting.RemotingHelper.exceptionSimpleDesc(e));
    }

    @Test
    void saturatedExecutorAnswersSystemBusyOverload() throws Exception {
        NettyRemotingServer server = server();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = latch();
        ThreadPoolExecutor tiny = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1),
            r -> new Thread(r, "TestProcessor-tiny"));
        executors.add(tiny);
        server.registerProcessor(12, (ch, req) -> {
            started.countDown();
            release.await(WAIT_MS, TimeUnit.MILLISECONDS);
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }, tiny);
        NettyRemotingClient client = client();
        List<CompletableFuture<RemotingCommand>> answers = new ArrayList<>();
        answers.add(asyncCall(client, addr(server), RemotingCommand.request(12, null)));
        assertTrue(started.await(WAIT_MS, TimeUnit.MILLISECONDS));
        answers.add(asyncCall(client, addr(server), RemotingCommand.request(12, null)));
        RemotingCommand busy = client.invokeSync(addr(server), RemotingCommand.request(12, null), WAIT_MS);
        assertEquals(ResponseCode.SYSTEM_BUSY, busy.getCode());
        assertEquals("[OVERLOAD]system busy, start flow control for a while", busy.getRemark());
        release.countDown();
        for (CompletableFuture<RemotingCommand> answer : answers) {
            assertEquals(ResponseCode.SUCCESS, answer.get(WAIT_MS, TimeUnit.MILLISECONDS).getCode());
        }
    }

    @Test
    void rejectingProcessorAnswersSystemBusyRejectRequest() throws Exception {
        NettyRemotingServer server = server();
        server.registerProcessor(13, new NettyRequestProcessor() {
            @Override
            public RemotingCommand processRequest(Channel channel, RemotingCommand request) {
                throw new AssertionError("a rejecting processor must not be called");
            }

            @Override
            public boolean rejectRequest() {
                return true;
            }
        }, executor("reject"));
        RemotingCommand response = client().invokeSync(addr(server), RemotingCommand.request(13, null), WAIT_MS);
        assertEquals(ResponseCode.SYSTEM_BUSY, response.getCode());
        assertEquals("[REJECTREQUEST]system busy, start flow control for a while", response.getRemark());
    }

    @Test
    void syncCallTimesOut() throws Exception {
        NettyRemotingServer server = server();
        CountDownLatch never = latch();
        server.registerProcessor(14, (ch, req) -> {
            never.await(WAIT_MS, TimeUnit.MILLISECONDS);
            return RemotingCommand.response(0, null);
        }, executor("slow"));
        NettyRemotingClient client = client();
        long start = System.nanoTime();
        assertThrows(RemotingTimeoutException.class,
            () -> client.invokeSync(addr(server), RemotingCommand.request(14, null), 300));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMs >= 250 && tookMs < 3000, "took " + tookMs + " ms");
    }

    // --- connections ---------------------------------------------------------------------------

    @Test
    void idleConnectionIsClosedAndReported() throws Exception {
        CountDownLatch idle = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        ChannelEventListener listener = new ChannelEventListener() {
            @Override
            public void onChannelConnect(String remoteAddr, Channel channel) {
                order.add("connect");
            }

            @Override
            public void onChannelClose(String remoteAddr, Channel channel) {
                order.add("close");
                closed.countDown();
            }

            @Override
            public void onChannelException(String remoteAddr, Channel channel) {
                order.add("exception");
            }

            @Override
            public void onChannelIdle(String remoteAddr, Channel channel) {
                order.add("idle");
                idle.countDown();
            }
        };
        NettyRemotingServer server = server(c -> c.setServerChannelMaxIdleTimeSeconds(1), listener);
        try (WireClient raw = new WireClient(server.localPort())) {
            raw.writeRaw(WireClient.frame(echo("ping").setOpaque(1)));
            assertEquals(1, raw.read().getOpaque());
            assertTrue(idle.await(WAIT_MS, TimeUnit.MILLISECONDS), "no idle event");
            assertTrue(closed.await(WAIT_MS, TimeUnit.MILLISECONDS), "no close event");
            assertTrue(raw.closedByPeer());
        }
        assertEquals(List.of("connect", "idle", "close"), order);
    }

    @Test
    void malformedFrameClosesOnlyItsOwnConnection() throws Exception {
        NettyRemotingServer server = server();
        NettyRemotingClient client = client();
        assertEquals(0, client.invokeSync(addr(server), echo("before"), WAIT_MS).getCode());
        try (WireClient bad = new WireClient(server.localPort());
             WireClient good = new WireClient(server.localPort())) {
            bad.writeRaw(new byte[] {0, 0, 0, 12, 0, 0, 0, 8, '{', 'x', 'x', 'x', '}', '}', '}', '}'});
            assertTrue(bad.closedByPeer(), "the malformed connection stays open");
            good.writeRaw(WireClient.frame(echo("raw").setOpaque(77)));
            assertEquals(77, good.read().getOpaque());
        }
        assertEquals(0, client.invokeSync(addr(server), echo("after"), WAIT_MS).getCode());
    }

    @Test
    void oversizedFrameClosesTheConnectionWithoutAnswer() throws Exception {
        NettyRemotingServer server = server();
        try (WireClient raw = new WireClient(server.localPort())) {
            // Just over the 16 MiB default; only the length is sent.
            raw.writeRaw(new byte[] {0x01, 0x00, 0x00, 0x01});
            assertTrue(raw.closedByPeer());
        }
    }

    @Test
    void failoverSkipsADeadFirstNameServer() throws Exception {
        NettyRemotingServer server = server();
        NettyRemotingClient client = client();
        client.updateNameServerAddressList(List.of("127.0.0.1:" + freePort(), addr(server)));
        RemotingCommand response = client.invokeSync(null, echo("failover"), WAIT_MS);
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        // The next call goes straight to the live one.
        assertEquals(ResponseCode.SUCCESS, client.invokeSync(null, echo("again"), WAIT_MS).getCode());
    }

    @Test
    void failoverKeepsRotatingAfterTheIndexPassedTheListSize() throws Exception {
        int portA = freePort();
        NettyRemotingServer b = server();
        int portB = b.localPort();
        NettyRemotingClient client = client();
        client.updateNameServerAddressList(List.of("127.0.0.1:" + portA, "127.0.0.1:" + portB));
        assertEquals(0, client.invokeSync(null, echo("1"), WAIT_MS).getCode()); // A dead: B answers

        b.shutdown();
        server(c -> c.setListenPort(portA), null);
        assertEquals(0, client.invokeSync(null, echo("2"), WAIT_MS).getCode()); // B dead: A answers

        servers.get(servers.size() - 1).shutdown();
        server(c -> c.setListenPort(portB), null);
        assertEquals(0, client.invokeSync(null, echo("3"), WAIT_MS).getCode()); // A dead: B answers
    }

    @Test
    void allNameServersDeadIsAConnectError() throws Exception {
        NettyRemotingClient client = client();
        client.updateNameServerAddressList(List.of("127.0.0.1:" + freePort(), "127.0.0.1:" + freePort()));
        assertThrows(RemotingConnectException.class, () -> client.invokeSync(null, echo("x"), WAIT_MS));
    }

    @Test
    void proxyV1PreambleIsAcceptedAndRecordsTheSourceAddress() throws Exception {
        NettyRemotingServer server = server();
        AtomicReference<String> seen = new AtomicReference<>();
        server.registerProcessor(15, (ch, req) -> {
            seen.set(ch.attr(ProxyMessageHandler.PROXY_SOURCE_ADDRESS).get());
            return RemotingCommand.response(0, null);
        }, executor("proxy"));
        try (WireClient raw = new WireClient(server.localPort())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write("PROXY TCP4 203.0.113.7 127.0.0.1 56324 9876\r\n".getBytes(StandardCharsets.US_ASCII));
            bytes.write(WireClient.frame(RemotingCommand.request(15, null).setOpaque(31)));
            bytes.write(WireClient.frame(RemotingCommand.request(15, null).setOpaque(32)));
            raw.writeRaw(bytes.toByteArray());
            // Both requests are answered; a multi-threaded executor may answer them in either order.
            assertEquals(java.util.Set.of(31, 32), java.util.Set.of(raw.read().getOpaque(), raw.read().getOpaque()));
        }
        assertEquals("203.0.113.7:56324", seen.get());
    }

    @Test
    void proxyV2PreambleSentInPiecesIsAccepted() throws Exception {
        NettyRemotingServer server = server();
        AtomicReference<String> seen = new AtomicReference<>();
        server.registerProcessor(15, (ch, req) -> {
            seen.set(ch.attr(ProxyMessageHandler.PROXY_SOURCE_ADDRESS).get());
            return RemotingCommand.response(0, null);
        }, executor("proxy"));
        byte[] v2 = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A,
            0x21, 0x11, 0x00, 0x0C, (byte) 198, 51, 100, 9, 127, 0, 0, 1, 0x13, (byte) 0x88, 0x26, (byte) 0x94};
        try (WireClient raw = new WireClient(server.localPort())) {
            raw.writeRaw(java.util.Arrays.copyOfRange(v2, 0, 5));
            Thread.sleep(50);
            raw.writeRaw(java.util.Arrays.copyOfRange(v2, 5, v2.length));
            raw.writeRaw(WireClient.frame(RemotingCommand.request(15, null).setOpaque(41)));
            assertEquals(41, raw.read().getOpaque());
        }
        assertEquals("198.51.100.9:5000", seen.get());
    }

    @Test
    void withoutProxyPreambleNoSourceAddressIsRecorded() throws Exception {
        NettyRemotingServer server = server();
        AtomicReference<String> seen = new AtomicReference<>("unset");
        server.registerProcessor(15, (ch, req) -> {
            seen.set(ch.attr(ProxyMessageHandler.PROXY_SOURCE_ADDRESS).get());
            return RemotingCommand.response(0, null);
        }, executor("proxy"));
        assertEquals(0, client().invokeSync(addr(server), RemotingCommand.request(15, null), WAIT_MS).getCode());
        assertNull(seen.get());
    }

    private static CompletableFuture<RemotingCommand> asyncCall(NettyRemotingClient client, String addr,
                                                                RemotingCommand request) throws Exception {
        CompletableFuture<RemotingCommand> result = new CompletableFuture<>();
        client.invokeAsync(addr, request, WAIT_MS, new InvokeCallback() {
            @Override
            public void onSuccess(RemotingCommand response) {
                result.complete(response);
            }

            @Override
            public void onFailure(RemotingException cause) {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }
}
