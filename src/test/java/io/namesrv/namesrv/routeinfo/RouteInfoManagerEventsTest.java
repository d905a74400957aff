package io.namesrv.namesrv.routeinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every way a broker leaves is reported to the listener with its cause and logged at INFO with it. */
class RouteInfoManagerEventsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<String> events = new ArrayList<>();
    private final RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false), clock::get);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("RocketmqNamesrv");
    private Level levelBefore;

    @BeforeEach
    void listen() {
        routes.setEventListener(new RouteEventListener() {
            @Override
            public void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime) {
                events.add((firstTime ? "new " : "renewal ") + brokerAddr);
            }

            @Override
            public void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause) {
                events.add(cause.label() + " " + brokerAddr);
            }
        });
        log.start();
        levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addAppender(log);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(log);
        logger.setLevel(levelBefore);
    }

    private void register(String name, String addr, EmbeddedChannel channel) {
        Map<String, TopicConfig> topics = Map.of(
            "T", new TopicConfig("T", 4, 4, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()),
            name, new TopicConfig(name, 1, 1, 7, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        routes.registerBroker(BrokerRegistration.builder("C", addr, name, 0).haServerAddr(addr)
            .heartbeatTimeoutMillis(10_000L).enableActingMaster(false)
            .topics(TopicConfigSerializeWrapper.of(new DataVersion(0, 1, 1), topics)).filterServers(List.of())
            .channel(channel).build());
    }

    private boolean loggedAtInfo(String text) {
        return log.list.stream().anyMatch(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains(text));
    }

    @Test
    void expiryChannelEventsAndUnregisterEachCarryTheirCause() {
        EmbeddedChannel a = new EmbeddedChannel();
        EmbeddedChannel b = new EmbeddedChannel();
        EmbeddedChannel c = new EmbeddedChannel();
        EmbeddedChannel d = new EmbeddedChannel();
        register("a", "1.1.1.1:1", a);
        register("a", "1.1.1.1:1", a);
        register("b", "2.2.2.2:2", b);
        register("c", "3.3.3.3:3", c);
        register("d", "4.4.4.4:4", d);

        routes.onChannelDestroy(b, RemovalCause.CHANNEL_IDLE);
        routes.onChannelDestroy(c, RemovalCause.CHANNEL_FAILED);
        routes.onChannelDestroy(d, RemovalCause.CHANNEL_CLOSED);
        clock.addAndGet(10_001);
        assertEquals(1, routes.scanNotActiveBroker());
        assertTrue(!a.isOpen(), "an expired broker's channel is closed");
        register("e", "5.5.5.5:5", new EmbeddedChannel());
        routes.unregisterBroker(new UnregisterRequest("C", "5.5.5.5:5", "e", 0L, UnregisterRequest.ANY_GENERATION,
            "UNREGISTER_BROKER request"));

        assertEquals(List.of("new 1.1.1.1:1", "renewal 1.1.1.1:1", "new 2.2.2.2:2", "new 3.3.3.3:3", "new 4.4.4.4:4",
            "idle 2.2.2.2:2", "failed 3.3.3.3:3", "closed 4.4.4.4:4", "expired 1.1.1.1:1", "new 5.5.5.5:5",
            "unregistered 5.5.5.5:5"), events);
        assertTrue(loggedAtInfo("new broker registered, BrokerAddrInfo[clusterName=C, brokerAddr=1.1.1.1:1]"), log.list.toString());
        assertTrue(loggedAtInfo("broker idle: unregisterBroker, remove from brokerLiveTable OK"), log.list.toString());
        assertTrue(loggedAtInfo("broker failed: unregisterBroker"), log.list.toString());
        assertTrue(loggedAtInfo("broker closed: unregisterBroker"), log.list.toString());
        assertTrue(loggedAtInfo("broker expired: unregisterBroker, remove from brokerLiveTable OK, "
            + "BrokerAddrInfo[clusterName=C, brokerAddr=1.1.1.1:1] (no heartbeat for 10001ms, timeout 10000ms)"),
            log.list.toString());
        assertTrue(loggedAtInfo("broker unregistered: unregisterBroker, remove from brokerLiveTable OK, "
            + "BrokerAddrInfo[clusterName=C, brokerAddr=5.5.5.5:5] (UNREGISTER_BROKER request)"), log.list.toString());
        assertEquals(new RouteTableSizes(0, 0, 0, 0, 0), routes.tableSizes());
    }

    @Test
    void theListenerIsToldAfterTheLockIsReleasedAndCannotFailTheChange() throws Exception {
        List<String> seen = new ArrayList<>();
        routes.setEventListener(new RouteEventListener() {
            @Override
            public void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime) {
                // Another thread can read the table, so no write lock is held while we are told.
                seen.add("registered, " + readFromAnotherThread() + " live");
                throw new IllegalStateException("a broken listener");
            }

            @Override
            public void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause) {
                seen.add("removed, " + readFromAnotherThread() + " live");
            }
        });
        EmbeddedChannel a = new EmbeddedChannel();
        register("a", "1.1.1.1:1", a);
        routes.onChannelDestroy(a, RemovalCause.CHANNEL_CLOSED);

        assertEquals(List.of("registered, 1 live", "removed, 0 live"), seen);
        assertTrue(log.list.stream().anyMatch(e -> e.getLevel() == Level.WARN
            && e.getFormattedMessage().contains("route event listener failed")), log.list.toString());
    }

    private int readFromAnotherThread() {
        try {
            return CompletableFuture.supplyAsync(() -> routes.tableSizes().liveBrokers()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the table could not be read while the listener ran", e);
        }
    }
}
