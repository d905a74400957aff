package io.namesrv.namesrv.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.namesrv.routeinfo.MinBrokerIdChange;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.NettyRemotingServer;
import io.namesrv.remoting.netty.NettyServerConfig;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.SerializeType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The notifier sends what the route table reports, only while switched on, to every target, and
 * never makes anyone wait: not the thread that reports (the route table's), not the other
 * targets when one is dead or stuck.
 */
class MinBrokerIdNotifierTest {

    private static final WireIdentity IDENTITY = new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON);

    private final AtomicBoolean enabled = new AtomicBoolean(true);
    private final CountingOutcomes outcomes = new CountingOutcomes();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ExecutorService serverExecutor = Executors.newSingleThreadExecutor(r -> new Thread(r, "TestBroker"));

    @AfterEach
    void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        serverExecutor.shutdownNow();
    }

    private MinBrokerIdNotifier notifier(Supplier<NettyRemotingClient> clients) {
        MinBrokerIdNotifier notifier = new MinBrokerIdNotifier(enabled::get, clients, outcomes);
        resources.add(notifier);
        return notifier;
    }

    private static NettyRemotingClient client() {
        NettyClientConfig config = new NettyClientConfig();
        config.setClientWorkerThreads(0);
        config.setConnectTimeoutMillis(1000);
        return new NettyRemotingClient(config, IDENTITY);
    }

    /** A broker port that records every request it gets. */
    private String broker(BlockingQueue<RemotingCommand> received) throws InterruptedException {
        NettyServerConfig config = new NettyServerConfig();
        config.setBindAddress("127.0.0.1");
        config.setListenPort(0);
        NettyRemotingServer server = new NettyRemotingServer(config, null, IDENTITY, null);
        server.registerDefaultProcessor((ch, request) -> {
            received.add(request);
            return null;
        }, serverExecutor);
        server.start();
        resources.add(server::shutdown);
        return "127.0.0.1:" + server.localPort();
    }

    /**
     * A port whose accept queue is full: connects to it hang (their SYNs are dropped), as to a
     * black-holed or frozen host.
     */
    private String stuckPort() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1);
        resources.add(server);
        for (int i = 0; i < 4; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(server.getLocalSocketAddress(), 200);
                resources.add(filler);
            } catch (IOException full) {
                filler.close();
                break;
            }
        }
        return "127.0.0.1:" + server.getLocalPort();
    }

    private static MinBrokerIdChange change(long minId, String minAddr, String offline, String ha, String... targets) {
        return new MinBrokerIdChange("g", minId, minAddr, offline, ha, List.of(targets));
    }

    @Test
    void everyTargetGetsOneOnewayRequestWithTheHeaderApacheSends() throws Exception {
        BlockingQueue<RemotingCommand> first = new LinkedBlockingQueue<>();
        BlockingQueue<RemotingCommand> second = new LinkedBlockingQueue<>();
        String a = broker(first);
        String b = broker(second);
        MinBrokerIdNotifier notifier = notifier(MinBrokerIdNotifierTest::client);

        notifier.minBrokerIdChanged(change(1, b, a, null, a, b));
        for (BlockingQueue<RemotingCommand> received : List.of(first, second)) {
            RemotingCommand request = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(request);
            assertEquals(RequestCode.NOTIFY_MIN_BROKER_ID_CHANGE, request.getCode());
            assertTrue(request.isOneway());
            assertEquals(WireIdentity.V5_3_3, request.getVersion());
            assertEquals(Map.of("minBrokerId", "1", "minBrokerAddr", b, "offlineBrokerAddr", a),
                request.getExtFields());
        }
        notifier.minBrokerIdChanged(change(0, a, null, "ha:1", b));
        RemotingCommand registered = second.poll(10, TimeUnit.SECONDS);
        assertNotNull(registered);
        assertEquals(Map.of("minBrokerId", "0", "minBrokerAddr", a, "haBrokerAddr", "ha:1"), registered.getExtFields());
        assertNull(first.poll(200, TimeUnit.MILLISECONDS), "only the targets named");
        awaitOutcomes(3, 0, 0);
    }

    @Test
    void switchedOffItSendsNothingAndBuildsNoClient() throws Exception {
        BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();
        String a = broker(received);
        AtomicInteger clientsBuilt = new AtomicInteger();
        MinBrokerIdNotifier notifier = notifier(() -> {
            clientsBuilt.incrementAndGet();
            return client();
        });
        enabled.set(false);
        notifier.minBrokerIdChanged(change(0, a, null, null, a));
        enabled.set(true); // switched on at run time: the next change is sent
        notifier.minBrokerIdChanged(change(1, a, null, null, a));
        RemotingCommand request = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(request);
        assertEquals("1", request.getExtFields().get("minBrokerId"), "the change made while off was not sent");
        assertNull(received.poll(200, TimeUnit.MILLISECONDS));
        assertEquals(1, clientsBuilt.get());
    }

    @Test
    void theReportingThreadNeverWaitsAndAFullQueueDropsAndCounts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        MinBrokerIdNotifier notifier = notifier(() -> {
            try {
                release.await(); // the sending thread is stuck building its client
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return client();
        });
        int changes = MinBrokerIdNotifier.QUEUE_CAPACITY + 1 + 5;
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < changes; i++) {
                notifier.minBrokerIdChanged(change(i, "127.0.0.1:1", null, null, "127.0.0.1:1", "127.0.0.1:2"));
            }
        }, "the route table's thread must never wait for a send");
        // one taken by the stuck thread, QUEUE_CAPACITY queued, the rest dropped (two targets each)
        assertEquals(5 * 2, outcomes.dropped.get());
        release.countDown();
    }

    @Test
    void aStuckTargetDelaysNeitherTheOthersNorTheNextChanges() throws Exception {
        String stuck = stuckPort();
        BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();
        String live = broker(received);
        MinBrokerIdNotifier notifier = notifier(MinBrokerIdNotifierTest::client);
        for (int i = 0; i < 5; i++) {
            notifier.minBrokerIdChanged(change(i, live, null, null, stuck, live));
        }
        for (int i = 0; i < 5; i++) {
            RemotingCommand request = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(request, "change " + i + " reached the live broker");
            assertEquals(Integer.toString(i), request.getExtFields().get("minBrokerId"), "in order");
            if (i == 0) {
                // Sent one after the other and waiting for each, the first live send would come only
                // after the stuck connect gave up (1 s); here nothing has failed yet.
                assertEquals(0, outcomes.failed.get(), "the live broker did not wait for the stuck one");
            }
        }
        awaitOutcomes(5, 5, 0);
    }

    @Test
    void aRefusedTargetFailsAtOnceAndIsCounted() throws Exception {
        int refused;
        try (ServerSocket s = new ServerSocket(0)) {
            refused = s.getLocalPort();
        }
        MinBrokerIdNotifier notifier = notifier(MinBrokerIdNotifierTest::client);
        notifier.minBrokerIdChanged(change(0, "127.0.0.1:" + refused, null, null, "127.0.0.1:" + refused));
        awaitOutcomes(0, 1, 0);
    }

    @Test
    void afterCloseNothingIsSentOrCounted() throws Exception {
        BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();
        String a = broker(received);
        MinBrokerIdNotifier notifier = notifier(MinBrokerIdNotifierTest::client);
        notifier.close();
        notifier.minBrokerIdChanged(change(0, a, null, null, a));
        assertNull(received.poll(300, TimeUnit.MILLISECONDS));
        assertEquals(0, outcomes.sent.get() + outcomes.failed.get() + outcomes.dropped.get());
    }

    private void awaitOutcomes(int sent, int failed, int dropped) {
        List<Integer> expected = List.of(sent, failed, dropped);
        Await.until("outcomes sent, failed, dropped = " + expected, Duration.ofSeconds(10),
            () -> List.of(outcomes.sent.get(), outcomes.failed.get(), outcomes.dropped.get()), expected::equals);
    }

    private static final class CountingOutcomes implements MinBrokerIdNotifier.Outcomes {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();

        @Override
        public void sent() {
            sent.incrementAndGet();
        }

        @Override
        public void failed() {
            failed.incrementAndGet();
        }

        @Override
        public void dropped() {
            dropped.incrementAndGet();
        }
    }
}
