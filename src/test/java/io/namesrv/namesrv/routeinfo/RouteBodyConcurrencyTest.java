package io.namesrv.namesrv.routeinfo;

import static io.namesrv.namesrv.routeinfo.RouteFixtures.topic;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.version;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.wrapper;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import io.namesrv.protocol.JsonBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Lookups racing a broker that re-registers its topic with a new queue count each time: no answer
 * is older than one already given to anyone before the lookup started (lookups on the network
 * thread and on the executor alike), and the route of another group's topic is the same bytes
 * throughout.
 */
class RouteBodyConcurrencyTest {

    private static final String CLUSTER = "C";
    private static final int CHANGES = 600;
    private static final int READERS = 2;

    private final RouteInfoManager routes = new RouteInfoManager(new RouteFixtures.MutableSettings());

    private void registerA(int queues) {
        routes.registerBroker(BrokerRegistration.builder(CLUSTER, "10.0.0.1:10911", "b1", 0)
            .haServerAddr("10.0.0.1:10912").heartbeatTimeoutMillis(30_000L).enableActingMaster(Boolean.FALSE)
            .topics(wrapper(version(queues), topic("A", queues, 6, 0), topic("A2"))).build());
    }

    private static int queuesIn(byte[] body) {
        return JSON.parseObject(body).getJSONArray("queueDatas").getJSONObject(0).getIntValue("readQueueNums");
    }

    @Test
    void noLookupGoesBackInTimeAndUnrelatedRoutesStayPut() throws InterruptedException {
        registerA(1);
        routes.registerBroker(BrokerRegistration.builder(CLUSTER, "10.0.0.2:10911", "b2", 0)
            .haServerAddr("10.0.0.2:10912").heartbeatTimeoutMillis(30_000L).enableActingMaster(Boolean.FALSE)
            .topics(wrapper(version(1), topic("B"), topic("B2"))).build());
        byte[] b = RouteFixtures.bytes(routes.routeBody("B", true, null));

        AtomicInteger newestGiven = new AtomicInteger(1);
        AtomicInteger lookups = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                for (int q = 2; q <= CHANGES; q++) {
                    registerA(q);
                }
            } finally {
                done.set(true);
            }
        }, "test-registering-broker");
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            boolean inline = r == 0;
            readers.add(new Thread(() -> {
                try {
                    while (!done.get()) {
                        int floor = newestGiven.get();
                        byte[] body = inline ? RouteFixtures.bytes(routes.routeBodyWithoutWaiting("A", true, null)) : null;
                        if (body == null) {
                            body = RouteFixtures.bytes(routes.routeBody("A", true, null)); // what the executor does
                        }
                        int queues = queuesIn(body);
                        if (queues < floor) {
                            throw new AssertionError("answered " + queues + " queues after " + floor + " was given");
                        }
                        newestGiven.accumulateAndGet(queues, Math::max);
                        if (!java.util.Arrays.equals(b, RouteFixtures.bytes(routes.routeBody("B", true, null)))) {
                            throw new AssertionError("B's route changed though only A's did");
                        }
                        lookups.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "test-looking-up-" + r));
        }
        readers.forEach(Thread::start);
        writer.start();
        writer.join(TimeUnit.SECONDS.toMillis(60));
        done.set(true);
        for (Thread reader : readers) {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertTrue(failures.isEmpty(), () -> failures.peek().toString());
        assertTrue(lookups.get() > 0, "the readers looked up while the broker changed");
        byte[] last = RouteFixtures.bytes(routes.routeBody("A", true, null));
        assertEquals(CHANGES, queuesIn(last));
        assertArrayEquals(new JsonBodies().encodeStandard(routes.pickupTopicRouteData("A")), last);
    }
}
