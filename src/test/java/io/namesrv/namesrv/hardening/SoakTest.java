package io.namesrv.namesrv.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brokers register, heartbeat, unregister, die (connection reset) and fall silent while clients
 * look routes up, for {@code -Dsoak.seconds} seconds: 10 by default, short enough for every
 * {@code verify}; the long run is opt-in ({@code -Dsoak.seconds=1800}, see docs/reliability.md). Each broker checks after every step
 * that the routes of its own topics match what it just did; the clients check that every route
 * they get names exactly the broker owning the topic. At the end nothing may be left: no broker,
 * no connection, no thread (told by name: the names alive before the run are the only ones allowed
 * after it, bar the JDK's own pools), no retained heap.
 */
class SoakTest {

    private static final int BROKERS = 6;
    private static final int CLIENTS = 3;
    private static final long SILENT_TIMEOUT_MILLIS = 500;
    /**
     * Bounds for a step's effect and for an answer. Generous: they catch a lost event or a hang,
     * not a slow machine (a shared 2-core box was seen to freeze this whole JVM for 5.7 s).
     */
    private static final long ASYNC_MARGIN_MILLIS = 8000;
    private static final int READ_TIMEOUT_MILLIS = 15_000;
    private static final JsonBodies JSON = new JsonBodies();
    /** Threads the JDK starts on demand and keeps for a while (not ours to stop). */
    private static final Set<String> JDK_THREAD_PREFIXES = Set.of("ForkJoinPool.commonPool-", "process reaper",
        "Attach Listener", "Common-Cleaner");
    private static final Set<String> SERVER_THREAD_PREFIXES = Set.of("NettyNIOBoss_", "NettyServerNIOSelector_",
        "NettyServerCodecThread_", "NettyEventExecutor", "RemotingExecutorThread_", "ClientRequestExecutorThread_",
        "NSScanScheduledThread", "NSScheduledThread");

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong lookups = new AtomicLong();
    /** What the route table says of live brokers, for failure messages. */
    private volatile java.util.function.Supplier<String> liveView = () -> "?";

    @Test
    void brokersFlapAndDieWhileClientsLookUpRoutes() throws Exception {
        long seconds = Long.getLong("soak.seconds", 10);
        long heapBefore = usedHeapAfterGc();
        Set<String> threadsBefore = liveThreadNames();
        TestNameServer server = TestNameServer.builder(dir).namesrv(c -> c.setScanNotActiveBrokerInterval(100))
            .start();
        liveView = () -> server.controller().getRouteInfoManager().liveBrokers().toString();
        try {
            long deadline = System.currentTimeMillis() + seconds * 1000;
            List<Thread> threads = new ArrayList<>();
            for (int b = 0; b < BROKERS; b++) {
                int id = b;
                threads.add(new Thread(() -> runBroker(server.port(), id, deadline), "soak-broker-" + b));
            }
            for (int c = 0; c < CLIENTS; c++) {
                int id = c;
                threads.add(new Thread(() -> runClient(server.port(), id, deadline), "soak-client-" + c));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(seconds * 1000 + 30_000);
                assertTrue(!t.isAlive(), t.getName() + " is stuck");
            }
            System.out.printf("soak: %d s, %d broker steps, %d client lookups, %d failures%n", seconds, steps.get(),
                lookups.get(), failures.size());
            assertEquals(List.of(), failures());
            assertTrue(steps.get() > 20 * seconds / 10, "too few broker steps: " + steps.get());

            Await.until("every broker to be gone", Duration.ofSeconds(5),
                () -> server.controller().getRouteInfoManager().liveBrokers().isEmpty());
            Await.until("every connection to close", Duration.ofSeconds(5),
                () -> server.controller().getRemotingServer().connectionCount() == 0);
        } finally {
            server.close();
        }
        assertEquals(Set.of(), Await.last(Duration.ofSeconds(5), SoakTest::serverThreads, Set::isEmpty),
            "server threads left");
        assertEquals(Set.of(), Await.last(Duration.ofSeconds(5), () -> newThreads(threadsBefore), Set::isEmpty),
            "threads started during the run and still alive");
        long heapAfter = usedHeapAfterGc();
        System.out.printf("soak heap: %d MiB before, %d MiB after%n", heapBefore >> 20, heapAfter >> 20);
        assertTrue(heapAfter < heapBefore + (64L << 20), "heap grew from " + (heapBefore >> 20) + " MiB to "
            + (heapAfter >> 20) + " MiB");
    }

    /** One broker's life: random steps, each checked against what the broker knows it did. */
    private void runBroker(int port, int id, long deadline) {
        Random random = new Random(id * 7919L + System.nanoTime());
        String name = "soak-broker-" + id;
        String addr = "127.0.0.1:" + (30000 + id);
        List<String> topics = List.of(topic(id, 0), topic(id, 1));
        WireClient conn = null;
        try (WireClient checker = new WireClient(port, READ_TIMEOUT_MILLIS)) {
            while (System.currentTimeMillis() < deadline) {
                steps.incrementAndGet();
                int action = random.nextInt(10);
                if (conn == null || action < 4) { // register or heartbeat (a re-register)
                    if (conn == null) {
                        conn = new WireClient(port, READ_TIMEOUT_MILLIS);
                    }
                    RemotingCommand answer = conn.call(Requests.register(name, addr, 600_000, topics));
                    expect(answer.getCode() == ResponseCode.SUCCESS, name + " register: " + answer.getRemark());
                    expectRoute(checker, id, true, 0);
                } else if (action < 6) { // unregister, connection stays
                    RemotingCommand answer = conn.call(Requests.unregister(name, addr));
                    expect(answer.getCode() == ResponseCode.SUCCESS, name + " unregister: " + answer.getRemark());
                    expectRoute(checker, id, false, ASYNC_MARGIN_MILLIS); // unregistering is queued, as in Apache
                } else if (action < 8) { // killed: the kernel resets the connection
                    conn.reset();
                    conn = null;
                    expectRoute(checker, id, false, ASYNC_MARGIN_MILLIS);
                } else if (action < 9) { // graceful close
                    conn.close();
                    conn = null;
                    expectRoute(checker, id, false, ASYNC_MARGIN_MILLIS);
                } else { // falls silent with a short timeout and expires
                    RemotingCommand answer = conn.call(Requests.register(name, addr, SILENT_TIMEOUT_MILLIS, topics));
                    expect(answer.getCode() == ResponseCode.SUCCESS, name + " register: " + answer.getRemark());
                    expectRoute(checker, id, false, SILENT_TIMEOUT_MILLIS + ASYNC_MARGIN_MILLIS);
                    conn.close();
                    conn = null;
                }
                Thread.sleep(random.nextInt(20));
            }
            if (conn != null) {
                conn.close();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            fail(name + ": " + e);
        }
    }

    /** Random lookups: whatever the moment, a route must name exactly its topic's owner. */
    private void runClient(int port, int id, long deadline) {
        Random random = new Random(id * 104729L + System.nanoTime());
        try (WireClient client = new WireClient(port, READ_TIMEOUT_MILLIS)) {
            while (System.currentTimeMillis() < deadline) {
                int owner = random.nextInt(BROKERS);
                RemotingCommand answer = client.call(Requests.route(topic(owner, random.nextInt(2))));
                lookups.incrementAndGet();
                if (answer.getCode() == ResponseCode.SUCCESS) {
                    String problem = routeProblem(answer, owner);
                    expect(problem == null, "client " + id + ": " + problem);
                } else {
                    expect(answer.getCode() == ResponseCode.TOPIC_NOT_EXIST,
                        "client " + id + ": code " + answer.getCode() + " " + answer.getRemark());
                }
                Thread.sleep(1);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            fail("client " + id + ": " + e);
        }
    }

    /** Polls until the route of broker {@code id}'s first topic is present (or absent) as expected. */
    private void expectRoute(WireClient checker, int id, boolean present, long withinMillis) {
        RemotingCommand answer = Await.last(Duration.ofMillis(withinMillis), () -> checker.call(Requests.route(topic(id, 0))),
            a -> (a.getCode() == ResponseCode.SUCCESS) == present);
        if (answer == null || (answer.getCode() == ResponseCode.SUCCESS) != present) {
            fail("broker " + id + ": route " + (present ? "absent" : "still present") + " after " + withinMillis
                + " ms (" + (answer == null ? "no answer" : "code " + answer.getCode()) + ") at "
                + java.time.LocalTime.now() + ", live: " + liveView.get());
        } else if (present) {
            String problem = routeProblem(answer, id);
            expect(problem == null, "broker " + id + " route: " + problem);
        }
    }

    private static String routeProblem(RemotingCommand answer, int owner) {
        TopicRouteData route = JSON.decode(answer.getBody(), TopicRouteData.class);
        if (route == null || route.brokerDatas() == null || route.queueDatas() == null) {
            return "empty route";
        }
        List<String> names = route.brokerDatas().stream().map(BrokerData::brokerName).collect(Collectors.toList());
        if (!names.equals(List.of("soak-broker-" + owner))) {
            return "route names brokers " + names + ", owner is soak-broker-" + owner;
        }
        Map<Long, String> addrs = route.brokerDatas().get(0).brokerAddrs();
        if (!Map.of(0L, "127.0.0.1:" + (30000 + owner)).equals(addrs)) {
            return "route has addresses " + addrs;
        }
        for (QueueData q : route.queueDatas()) {
            if (!q.brokerName().equals("soak-broker-" + owner) || q.readQueueNums() != 4 || q.writeQueueNums() != 4) {
                return "route has queues " + q;
            }
        }
        return route.queueDatas().size() == 1 ? null : "route has " + route.queueDatas().size() + " queue entries";
    }

    private static String topic(int broker, int index) {
        return "soak-b" + broker + "-t" + index;
    }

    private void expect(boolean condition, String failure) {
        if (!condition) {
            fail(failure);
        }
    }

    private synchronized void fail(String failure) {
        if (failures.size() < 50) {
            failures.add(failure);
        }
    }

    private synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    private static Set<String> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
            .filter(n -> SERVER_THREAD_PREFIXES.stream().anyMatch(n::startsWith)).collect(Collectors.toSet());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Set<String> liveThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
            .collect(Collectors.toSet());
    }

    /** Threads alive now whose names were not alive before, except the JDK's own on-demand pools. */
    private static Set<String> newThreads(Set<String> before) {
        return liveThreadNames().stream().filter(n -> !before.contains(n))
            .filter(n -> JDK_THREAD_PREFIXES.stream().noneMatch(n::startsWith)).collect(Collectors.toSet());
    }
}
