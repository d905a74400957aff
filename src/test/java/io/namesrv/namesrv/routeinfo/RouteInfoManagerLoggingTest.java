package io.namesrv.namesrv.routeinfo;

import static io.namesrv.namesrv.routeinfo.RouteFixtures.topic;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.version;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.namesrv.protocol.QueueData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No thread logs while it holds the route table's lock: every change is made to log into an
 * appender that does not return (a stalled disk, a full blocking queue), and while the changing
 * thread is stuck there, other threads must still read and change the table.
 */
class RouteInfoManagerLoggingTest {

    private static final String CHANGER = "route-change";
    private static final long WAIT_SECONDS = 20;

    /** Holds the changing thread inside its first log call until released. */
    private static final class StalledAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
        final CountDownLatch stuck = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            if (!Thread.currentThread().getName().equals(CHANGER)) {
                return;
            }
            lines.add(event.getFormattedMessage());
            stuck.countDown();
            try {
                release.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(true, false));
    private final Logger logger = (Logger) LoggerFactory.getLogger("RocketmqNamesrv");
    private StalledAppender stalled;
    private Level levelBefore;

    @BeforeEach
    void attach() {
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void detach() {
        if (stalled != null) {
            stalled.release.countDown();
            logger.detachAppender(stalled);
        }
        logger.setLevel(levelBefore);
    }

    /** A full registration: two topics at least (a first registration of one is taken for a single-topic one). */
    private void register(String name, String addr, long counter, String... topics) {
        routes.registerBroker(BrokerRegistration.builder("C", addr, name, 0)
            .topics(wrapper(version(counter), java.util.Arrays.stream(topics).map(RouteFixtures::topic)
                .toArray(io.namesrv.protocol.TopicConfig[]::new)))
            .enableActingMaster(false).build());
    }

    /** Runs {@code change} on a thread that gets stuck in its first log line; others must go on meanwhile. */
    private String whileStuckInALogLine(Runnable change) throws Exception {
        stalled = new StalledAppender();
        stalled.start();
        logger.addAppender(stalled);
        Thread changer = new Thread(change, CHANGER);
        changer.start();
        try {
            assertTrue(stalled.stuck.await(WAIT_SECONDS, TimeUnit.SECONDS), "the change logged something");
            CompletableFuture<Object> reads = CompletableFuture.supplyAsync(() -> {
                routes.getAllClusterInfo();
                routes.pickupTopicRouteData("T1");
                routes.getAllTopicList();
                return routes.tableSizes();
            });
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> register("other", "9.9.9.9:9", 1, "O1", "O2"));
            reads.get(WAIT_SECONDS, TimeUnit.SECONDS);
            write.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } finally {
            stalled.release.countDown();
            changer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            logger.detachAppender(stalled);
        }
        return stalled.lines.get(0);
    }

    @Test
    void registeringABrokerAndItsTopics() throws Exception {
        String line = whileStuckInALogLine(() -> register("a", "1.1.1.1:1", 1, "T1", "T2"));
        assertTrue(line.startsWith("new topic registered, T1") || line.startsWith("new broker registered"), line);
    }

    @Test
    void changingAndDroppingTopics() throws Exception {
        register("a", "1.1.1.1:1", 1, "T1", "T2");
        String line = whileStuckInALogLine(() -> routes.registerBroker(BrokerRegistration.builder("C", "1.1.1.1:1", "a", 0)
            .topics(wrapper(version(2), topic("T1", 8, RouteFixtures.PERM_RW, 0))).enableActingMaster(false).build()));
        assertTrue(line.startsWith("broker a no longer reports topic T2") || line.startsWith("topic changed, T1"), line);
    }

    @Test
    void unregisteringABroker() throws Exception {
        register("a", "1.1.1.1:1", 1, "T1", "T2");
        String line = whileStuckInALogLine(() -> routes.unregisterBroker(new UnregisterRequest("C", "1.1.1.1:1", "a", 0L,
            UnregisterRequest.ANY_GENERATION, "test")));
        assertTrue(line.contains("unregisterBroker, remove from brokerLiveTable OK"), line);
        assertEquals(null, routes.pickupTopicRouteData("T1"));
    }

    @Test
    void registeringAndDeletingATopicByAdminRequest() throws Exception {
        register("a", "1.1.1.1:1", 1, "T1", "T2");
        String registered = whileStuckInALogLine(() -> routes.registerTopic("T9", List.of(new QueueData("a", 6, 4, 0, 4))));
        assertEquals("Topic route T9 registered with 1 broker(s)", registered);
        String deleted = whileStuckInALogLine(() -> routes.deleteTopic("T9"));
        assertEquals("deleteTopic T9", deleted);
        String deletedInCluster = whileStuckInALogLine(() -> routes.deleteTopic("T1", "C"));
        assertEquals("deleteTopic, remove one broker's topic a T1", deletedInCluster);
    }
}
