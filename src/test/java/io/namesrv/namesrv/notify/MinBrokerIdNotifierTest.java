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
import io.namesrv.remoting.netty.RecordingServer;
import io.namesrv.remoting.netty.StuckPort;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.SerializeType;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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

    @AfterEach
    void close() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
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

    /** A broker's port that records every request it gets. */
    private RecordingServer broker() throws InterruptedException {
        RecordingServer broker = new RecordingServer();
        resources.add(broker);
        return broker;
    }

    private static MinBrokerIdChange change(long minId, String minAddr, String offline, String ha, String... targets) {
        return new MinBrokerIdChange("g", minId, minAddr, offline, ha, List.of(targets));
    }

    @Test
    void everyTargetGetsOneOnewayRequestWithTheHeaderApacheSends() throws Exception {
        RecordingServer first = broker();
        RecordingServer second = broker();
        String a = first.address();
        String b = second.address();
        MinBrokerIdNotifier notifier = notifier(MinBrokerIdNotifierTest::client);

        notifier.minBrokerIdChanged(change(1, b, a, null, a, b));
        for (RecordingServer received : List.of(first, second)) {
            RemotingCommand request = received.next(10_000);
            assertNotNull(request);
            assertEquals(RequestCode.NOTIFY_MIN_BROKER_ID_CHANGE, request.getCode());
            assertTrue(request.isOneway());
            assertEquals(WireIdentity.V5_3_3, request.getVersion());
            assertEquals(Map.of("minBrokerId", "1", "minBrokerAddr", b, "offlineBrokerAddr", a),
                request.getExtFields());
        }
        notifier.minBrokerIdChanged(change(0, a, null, "ha:1", b));
        RemotingCommand registered = second.next(10_000);
        assertNotNull(registered);
        assertEquals(Map.of("minBrokerId", "0", "minBrokerAddr", a, "haBrokerAddr", "ha:1"), registered.getExtFields());
        assertNull(first.next(200), "only the targets named");
        awaitOutcomes(3, 0, 0);
    }

    @Test
    void switchedOffItSendsNothingAndBuildsNoClient() throws Exception {
        RecordingServer received = broker();
        String a = received.address();
        AtomicInteger clientsBuilt = new AtomicInteger();
        MinBrokerIdNotifier notifier = notifier(() -> {
            clientsBuilt.incrementAndGet();
            return client();
        });
        enabled.set(false);
        notifier.minBrokerIdChanged(change(0, a, null, null, a));
        enabled.set(true); // switched on at run time: the next change is sent
        notifier.minBrokerIdChanged(change(1, a, null, null, a));
        RemotingCommand request = received.next(10_000);
        assertNotNull(request);
        assertEquals("1", request.getExtFields().get("minBrokerId"), "the change made while off was not sent");
        assertNull(received.next(200));
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
        StuckPort stuckPort = new StuckPort();
        resources.add(stuckPort);
        String stuck = stuckPort.address();
        RecordingServer received = broker();
        String live = received.address();
        MinBrokerIdNotifier notifier = notifier(MinBrokerIdNotifierTest::client);
        for (int i = 0; i < 5; i++) {
            notifier.minBrokerIdChanged(change(i, live, null, null, stuck, live));
        }
        for (int i = 0; i < 5; i++) {
            RemotingCommand request = received.next(10_000);
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
        RecordingServer received = broker();
        String a = received.address();
        MinBrokerIdNotifier notifier = notifier(MinBrokerIdNotifierTest::client);
        notifier.close();
        notifier.minBrokerIdChanged(change(0, a, null, null, a));
        assertNull(received.next(300));
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
