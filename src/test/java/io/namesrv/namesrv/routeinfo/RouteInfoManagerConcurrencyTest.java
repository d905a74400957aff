package io.namesrv.namesrv.routeinfo;

import static io.namesrv.namesrv.routeinfo.RouteFixtures.topic;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.version;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.TopicRouteData;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Writers register and unregister their own brokers while readers look routes up, list and scan,
 * for a bounded time. Nothing may throw, and the final table must be exactly what the writers'
 * last operations say.
 */
class RouteInfoManagerConcurrencyTest {

    private static final String CLUSTER = "C";
    private static final int WRITERS = 3;
    private static final int BROKERS_PER_WRITER = 4;
    private static final int READERS = 2;
    private static final long RUN_MILLIS = 800;

    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final RouteInfoManager rim = new RouteInfoManager(new RouteFixtures.MutableSettings(), now::get);

    private static String name(int writer, int broker) {
        return "w" + writer + "-b" + broker;
    }

    private static String addr(int writer, int broker) {
        return "10.0." + writer + "." + broker + ":10911";
    }

    private static String ownTopic(String brokerName) {
        return "Own-" + brokerName;
    }

    @Test
    void concurrentRegistrationsRemovalsAndLookupsStayConsistent() throws InterruptedException {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);
        List<Map<String, Boolean>> finalStates = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();

        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Map<String, Boolean> registered = new HashMap<>();
            finalStates.add(registered);
            threads.add(new Thread(() -> {
                try {
                    EmbeddedChannel[] channels = new EmbeddedChannel[BROKERS_PER_WRITER];
                    for (int b = 0; b < BROKERS_PER_WRITER; b++) {
                        channels[b] = new EmbeddedChannel();
                    }
                    long counter = 0;
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline) {
                        int b = random.nextInt(BROKERS_PER_WRITER);
                        String name = name(writer, b);
                        switch (random.nextInt(4)) {
                            case 0, 1 -> {
                                rim.registerBroker(BrokerRegistration.builder(CLUSTER, addr(writer, b), name, 0)
                                    .enableActingMaster(false)
                                    .topics(wrapper(version(++counter), topic("Shared"), topic(ownTopic(name))))
                                    .channel(channels[b]).build());
                                registered.put(name, true);
                            }
                            case 2 -> {
                                rim.unregisterBroker(new UnregisterRequest(CLUSTER, addr(writer, b), name, 0L,
                                    UnregisterRequest.ANY_GENERATION, "test"));
                                registered.put(name, false);
                            }
                            default -> {
                                rim.onChannelDestroy(channels[b], RemovalCause.CHANNEL_CLOSED);
                                registered.put(name, false);
                            }
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "route-writer-" + w));
        }
        for (int r = 0; r < READERS; r++) {
            threads.add(new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        TopicRouteData shared = rim.pickupTopicRouteData("Shared");
                        if (shared != null) {
                            assertFalse(shared.queueDatas().isEmpty());
                            assertFalse(shared.brokerDatas().isEmpty());
                        }
                        rim.getAllClusterInfo();
                        rim.getAllTopicList();
                        rim.getTopicsByCluster(CLUSTER);
                        rim.getSystemTopicList();
                        rim.getUnitTopics();
                        rim.liveBrokers();
                        rim.scanNotActiveBroker();
                        rim.updateBrokerInfoUpdateTimestamp(CLUSTER, addr(0, 0));
                        rim.routeVersion();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "route-reader-" + r));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(RUN_MILLIS + 10_000);
            assertFalse(t.isAlive(), t.getName() + " did not finish");
        }
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);

        Set<String> expected = new HashSet<>();
        for (Map<String, Boolean> states : finalStates) {
            states.forEach((name, present) -> {
                if (present) {
                    expected.add(name);
                }
            });
        }
        ClusterInfo info = rim.getAllClusterInfo();
        assertEquals(expected, info.brokerAddrTable().keySet());
        assertEquals(expected.isEmpty() ? Map.of() : Map.of(CLUSTER, expected), info.clusterAddrTable());
        for (BrokerData bd : info.brokerAddrTable().values()) {
            assertEquals(1, bd.brokerAddrs().size(), bd.toString());
        }
        assertEquals(expected.size(), rim.liveBrokers().size());
        for (int w = 0; w < WRITERS; w++) {
            for (int b = 0; b < BROKERS_PER_WRITER; b++) {
                String name = name(w, b);
                TopicRouteData own = rim.pickupTopicRouteData(ownTopic(name));
                if (expected.contains(name)) {
                    assertNotNull(own, name);
                } else {
                    assertNull(own, name);
                }
            }
        }
        TopicRouteData shared = rim.pickupTopicRouteData("Shared");
        assertEquals(expected.size(), shared == null ? 0 : shared.queueDatas().size());
    }
}
