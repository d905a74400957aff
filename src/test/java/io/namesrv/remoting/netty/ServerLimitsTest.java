package io.namesrv.remoting.netty;

import java.time.Duration;
import io.namesrv.interop.support.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.RemotingException;
import io.namesrv.remoting.RemotingSendRequestException;
import io.namesrv.remoting.netty.tls.ServerTls;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.namesrv.remoting.protocol.SerializeType;
import io.netty.channel.WriteBufferWaterMark;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The overload bounds of the server: stale requests, per-connection pending work, connection count. */
class ServerLimitsTest {

    private static final int SLOW = 1;
    private static final int FAST = 2;
    private static final int BLOCKED = 3;

    private final List<NettyRemotingServer> servers = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();
    private final CountDownLatch unblock = new CountDownLatch(1);

    @AfterEach
    void shutDown() throws InterruptedException {
        unblock.countDown();
        servers.forEach(NettyRemotingServer::shutdown);
        executors.forEach(ExecutorService::shutdownNow);
        for (ExecutorService e : executors) {
            assertTrue(e.awaitTermination(3, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), ThreadLeaks.survivors(3000), "threads still alive after shutdown");
    }

    /** One business thread, so that one slow request makes the next one wait in the queue. */
    private NettyRemotingServer server(Consumer<NettyServerConfig> tweak) throws InterruptedException {
        return server(tweak, 0);
    }

    /** {@code bodyBudget} > 0: the bytes of request bodies the executor may hold queued or in progress. */
    private NettyRemotingServer server(Consumer<NettyServerConfig> tweak, long bodyBudget) throws InterruptedException {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        config.setServerSelectorThreads(1);
        config.setServerWorkerThreads(2);
        tweak.accept(config);
        NettyRemotingServer server = new NettyRemotingServer(config, null,
            new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON), ServerTls.disabled());
        servers.add(server);
        ExecutorService single = Executors.newSingleThreadExecutor(r -> new Thread(r, "TestProcessor-single"));
        executors.add(single);
        NettyRequestProcessor processor = (ch, req) -> {
            if (req.getCode() == SLOW) {
                Thread.sleep(400);
            } else if (req.getCode() == BLOCKED) {
                unblock.await(10, TimeUnit.SECONDS);
            }
            return RemotingCommand.response(ResponseCode.SUCCESS, "done " + req.getOpaque());
        };
        if (bodyBudget > 0) {
            server.registerDefaultProcessor(processor, single, -1, bodyBudget);
        } else {
            server.registerDefaultProcessor(processor, single);
        }
        server.start();
        return server;
    }

    private static byte[] request(int code, int opaque) {
        return WireClient.frame(RemotingCommand.request(code, null).setOpaque(opaque));
    }

    @Test
    void requestThatWaitedPastTheLimitIsDroppedUnanswered() throws Exception {
        NettyRemotingServer server = server(c -> c.setRequestMaxQueueWaitMillis(150));
        try (WireClient conn = new WireClient(server.localPort())) {
            conn.writeRaw(request(SLOW, 1));
            conn.writeRaw(request(FAST, 2)); // waits ~400 ms behind the slow one: past 150 ms
            RemotingCommand first = conn.read();
            assertEquals(1, first.getOpaque());
            conn.writeRaw(request(FAST, 3)); // queued on an idle executor: answered
            RemotingCommand next = conn.read();
            assertEquals(3, next.getOpaque(), "the stale request (opaque 2) must not be answered");
            assertEquals(1, server.droppedStaleRequests());
        }
    }

    @Test
    void requestWithinTheWaitLimitIsAnswered() throws Exception {
        NettyRemotingServer server = server(c -> c.setRequestMaxQueueWaitMillis(60_000));
        try (WireClient conn = new WireClient(server.localPort())) {
            conn.writeRaw(request(SLOW, 1));
            conn.writeRaw(request(FAST, 2));
            assertEquals(1, conn.read().getOpaque());
            assertEquals(2, conn.read().getOpaque());
            assertEquals(0, server.droppedStaleRequests());
        }
    }

    @Test
    void aConnectionOverItsPendingLimitGetsSystemBusyAndOthersAreServed() throws Exception {
        NettyRemotingServer server = server(c -> c.setServerMaxPendingRequestsPerConnection(4));
        try (WireClient greedy = new WireClient(server.localPort())) {
            for (int i = 1; i <= 10; i++) {
                greedy.writeRaw(request(BLOCKED, i));
            }
            for (int i = 5; i <= 10; i++) {
                RemotingCommand busy = greedy.read();
                assertEquals(ResponseCode.SYSTEM_BUSY, busy.getCode());
                assertEquals(i, busy.getOpaque());
                assertTrue(busy.getRemark().contains("OVERLOAD"), busy.getRemark());
            }
            unblock.countDown();
            for (int i = 1; i <= 4; i++) {
                RemotingCommand done = greedy.read();
                assertEquals(ResponseCode.SUCCESS, done.getCode());
                assertEquals(i, done.getOpaque());
            }
            // Its slots are free again.
            greedy.writeRaw(request(FAST, 11));
            assertEquals(ResponseCode.SUCCESS, greedy.read().getCode());
        }
    }

    private static byte[] request(int code, int opaque, int bodyBytes) {
        return WireClient.frame(RemotingCommand.request(code, null).setOpaque(opaque).setBody(new byte[bodyBytes]));
    }

    @Test
    void bodiesBeyondTheBytesHeldQueuedOrInProgressGetSystemBusyAndTheBudgetFreesAsTheyAreDone() throws Exception {
        NettyRemotingServer server = server(c -> { }, 1_000_000);
        try (WireClient big = new WireClient(server.localPort())) {
            big.writeRaw(request(BLOCKED, 1, 1_500_000)); // more than the budget, but nothing is held: it fits
            big.writeRaw(request(FAST, 2, 600_000));
            RemotingCommand busy = big.read();
            assertEquals(2, busy.getOpaque());
            assertEquals(ResponseCode.SYSTEM_BUSY, busy.getCode());
            assertTrue(busy.getRemark().contains("OVERLOAD"), busy.getRemark());
            big.writeRaw(request(FAST, 3, 0)); // no body, nothing to hold: queued behind the blocked one
            unblock.countDown();
            assertEquals(1, big.read().getOpaque());
            assertEquals(3, big.read().getOpaque());
            big.writeRaw(request(FAST, 4, 600_000));
            big.writeRaw(request(FAST, 5, 390_000));
            assertEquals(ResponseCode.SUCCESS, big.read().getCode(), "the budget was given back");
            assertEquals(ResponseCode.SUCCESS, big.read().getCode());
        }
    }

    @Test
    void largeHeadersAreHeldAgainstTheSameBudgetAsBodies() throws Exception {
        NettyRemotingServer server = server(c -> { }, 1_000_000);
        try (WireClient conn = new WireClient(server.localPort())) {
            conn.writeRaw(request(BLOCKED, 1, 700_000));
            // A 400 KB header (under serverMaxRequestHeaderBytes) on top of 700 KB held: refused at once.
            conn.writeRaw(WireClient.frame(RemotingCommand.request(FAST, null).setOpaque(2)
                .setExtFields(new HashMap<>(Map.of("pad", "p".repeat(400_000))))));
            RemotingCommand busy = conn.read();
            assertEquals(2, busy.getOpaque());
            assertEquals(ResponseCode.SYSTEM_BUSY, busy.getCode(), "a large header holds memory as a body does");
            // An ordinary header holds nothing and is queued behind the blocked one.
            conn.writeRaw(WireClient.frame(RemotingCommand.request(FAST, null).setOpaque(3)
                .setExtFields(new HashMap<>(Map.of("pad", "p".repeat(1_000))))));
            unblock.countDown();
            assertEquals(1, conn.read().getOpaque());
            assertEquals(3, conn.read().getOpaque());
            conn.writeRaw(WireClient.frame(RemotingCommand.request(FAST, null).setOpaque(4)
                .setExtFields(new HashMap<>(Map.of("pad", "p".repeat(400_000))))));
            RemotingCommand served = conn.read();
            assertEquals(4, served.getOpaque());
            assertEquals(ResponseCode.SUCCESS, served.getCode(), "the budget was given back");
        }
    }

    @Test
    void aHeaderOverTheLimitClosesItsConnectionBeforeItIsDecoded() throws Exception {
        NettyRemotingServer server = server(c -> c.setServerMaxRequestHeaderBytes(1000));
        try (WireClient within = new WireClient(server.localPort());
             WireClient over = new WireClient(server.localPort())) {
            within.writeRaw(WireClient.frame(RemotingCommand.request(FAST, null).setOpaque(1)
                .setExtFields(new HashMap<>(Map.of("pad", "p".repeat(800))))));
            assertEquals(ResponseCode.SUCCESS, within.read().getCode(), "a header within the limit is served");
            over.writeRaw(WireClient.frame(RemotingCommand.request(FAST, null).setOpaque(2)
                .setExtFields(new HashMap<>(Map.of("pad", "p".repeat(1000))))));
            assertTrue(over.closedByPeer(), "a header over the limit closes its connection unanswered");
            within.writeRaw(request(FAST, 3));
            assertEquals(ResponseCode.SUCCESS, within.read().getCode(), "other connections keep working");
        }
        try (WireClient early = new WireClient(server.localPort())) {
            // Only the length fields of a frame claiming a 2,000-byte header: refused before the rest arrives.
            early.writeRaw(java.nio.ByteBuffer.allocate(8).putInt(4 + 2000).putInt(2000).array());
            assertTrue(early.closedByPeer(), "the frame is refused as soon as its header length is known");
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
        NettyRemotingServer server = server(c -> c.setServerMaxConnections(2));
        try (WireClient a = new WireClient(server.localPort());
             WireClient b = new WireClient(server.localPort())) {
            a.writeRaw(request(FAST, 1));
            assertEquals(ResponseCode.SUCCESS, a.read().getCode());
            try (WireClient c = new WireClient(server.localPort())) {
                assertTrue(c.closedByPeer(), "the third connection must be closed");
            }
            b.writeRaw(request(FAST, 2));
            assertEquals(ResponseCode.SUCCESS, b.read().getCode(), "connections within the limit keep working");
            assertTrue(awaitOpen(server, 2));
        }
        assertTrue(awaitOpen(server, 0), "closed connections must not stay counted");
        try (WireClient d = new WireClient(server.localPort())) {
            d.writeRaw(request(FAST, 3));
            assertEquals(ResponseCode.SUCCESS, d.read().getCode(), "a slot freed by a close is usable again");
        }
    }

    @Test
    void unsetOrInvertedWaterMarksFallBackToTheDefaults() {
        NettyServerConfig config = new NettyServerConfig();
        WriteBufferWaterMark defaults = NettyRemotingServer.waterMark(config);
        assertEquals(NettyRemotingServer.DEFAULT_WRITE_BUFFER_LOW_WATER_MARK, defaults.low());
        assertEquals(NettyRemotingServer.DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK, defaults.high());
        config.setWriteBufferLowWaterMark(4096);
        config.setWriteBufferHighWaterMark(1024);
        assertEquals(NettyRemotingServer.DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK, NettyRemotingServer.waterMark(config).high());
        config.setWriteBufferHighWaterMark(8192);
        WriteBufferWaterMark set = NettyRemotingServer.waterMark(config);
        assertEquals(4096, set.low());
        assertEquals(8192, set.high());
    }

    @Test
    void clientFailsFastWhenTooManyCallsAwaitAnAnswer() throws Exception {
        NettyRemotingServer server = server(c -> { });
        NettyClientConfig config = new NettyClientConfig();
        config.setClientMaxPendingRequests(2);
        NettyRemotingClient client = new NettyRemotingClient(config, new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON));
        try {
            String addr = "127.0.0.1:" + server.localPort();
            InvokeCallback ignore = new InvokeCallback() {
                @Override
                public void onSuccess(RemotingCommand response) {
                }

                @Override
                public void onFailure(RemotingException cause) {
                }
            };
            client.invokeAsync(addr, RemotingCommand.request(BLOCKED, null), 5000, ignore);
            client.invokeAsync(addr, RemotingCommand.request(BLOCKED, null), 5000, ignore);
            assertThrows(RemotingSendRequestException.class,
                () -> client.invokeSync(addr, RemotingCommand.request(FAST, null), 5000));
            unblock.countDown();
            assertEquals(ResponseCode.SUCCESS, awaitSync(client, addr).getCode(), "slots free up with the answers");
        } finally {
            client.close();
        }
    }

    /** A call that succeeds once the client's pending slots free up (it is refused while they are full). */
    private static RemotingCommand awaitSync(NettyRemotingClient client, String addr) {
        return Await.until("a free pending slot", Duration.ofSeconds(5),
            () -> client.invokeSync(addr, RemotingCommand.request(FAST, null), 5000), answer -> true);
    }

    private static boolean awaitOpen(NettyRemotingServer server, int expected) {
        return Await.last(Duration.ofSeconds(5), server::connectionCount, n -> n == expected) == expected;
    }
}
