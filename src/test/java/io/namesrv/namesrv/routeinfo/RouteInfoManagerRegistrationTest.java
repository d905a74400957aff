package io.namesrv.namesrv.routeinfo;

import static io.namesrv.namesrv.routeinfo.RouteFixtures.queueOf;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.topic;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.version;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Registrations at scale: the unchanged re-registration every broker sends every 30 s is
 * recognised by its body's checksum and applied without its topics (so the body need not be
 * decoded), but only while what that body applied is still in place; and the batches of a broker
 * with split registration (apache/rocketmq#10425) never delete each other's topics.
 */
class RouteInfoManagerRegistrationTest {

    private static final String CLUSTER = "C";
    private static final String B1 = "b1";
    private static final String A1 = "10.0.0.1:10911";
    private static final int CRC = 0x1234567;

    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final RouteFixtures.MutableSettings settings = new RouteFixtures.MutableSettings();
    private final RouteInfoManager routes = new RouteInfoManager(settings, now::get);

    private BrokerRegistration.Builder broker(String name, long id, String addr) {
        return BrokerRegistration.builder(CLUSTER, addr, name, id).haServerAddr(addr).heartbeatTimeoutMillis(30_000L)
            .enableActingMaster(Boolean.FALSE);
    }

    private void registerFull(DataVersion v, int crc, TopicConfig... topics) {
        assertNotNull(routes.registerBroker(broker(B1, 0, A1).topics(wrapper(v, topics)).bodyCrc32(crc).build()));
    }

    private boolean knows(int crc) {
        return routes.knowsBody(CLUSTER, A1, B1, 0, Boolean.FALSE, crc);
    }

    private RegisterBrokerResult registerSame(int crc) {
        return routes.registerBroker(broker(B1, 0, A1).sameBodyAsBefore(crc).build());
    }

    // ---------------------------------------------------------------- changed re-registration

    @Test
    void aNewDataVersionRepeatingEveryTopicLeavesEveryRouteAsItWas() {
        registerFull(version(1), CRC, topic("T1"), topic("T2"), topic("T3", 8, 6, 0));
        Map<String, TopicRoute> before = new HashMap<>();
        for (String t : List.of("T1", "T2", "T3")) {
            before.put(t, routes.topicTable().route(t));
        }
        long modCount = routes.topicTable().modCount();
        long routeVersion = routes.routeVersion();

        registerFull(version(2), CRC + 1, topic("T1"), topic("T2"), topic("T3", 8, 6, 0));

        before.forEach((t, route) -> assertSame(route, routes.topicTable().route(t), t + " rebuilt"));
        assertEquals(modCount, routes.topicTable().modCount(), "no queue data replaced");
        assertEquals(routeVersion, routes.routeVersion(), "no route answer changed");
        assertEquals(version(2), routes.queryBrokerTopicConfig(CLUSTER, A1), "the new data version is the broker's");
    }

    @Test
    void aNewDataVersionReplacesOnlyTheRoutesOfTheTopicsItChanges() {
        registerFull(version(1), CRC, topic("T1"), topic("T2"), topic("T3"));
        TopicRoute t1 = routes.topicTable().route("T1");
        TopicRoute t3 = routes.topicTable().route("T3");

        registerFull(version(2), CRC + 1, topic("T1"), topic("T2", 16, 6, 0), topic("T3", 8, 4, 0), topic("T4"));

        assertSame(t1, routes.topicTable().route("T1"), "unchanged");
        assertNotSame(t3, routes.topicTable().route("T3"), "its permission changed");
        assertEquals(16, queueOf(routes.pickupTopicRouteData("T2"), B1).writeQueueNums());
        assertEquals(4, queueOf(routes.pickupTopicRouteData("T3"), B1).perm());
        assertNotNull(routes.topicTable().route("T4"), "a new topic");
    }

    // ---------------------------------------------------------------- unchanged re-registration

    @Test
    void anAppliedBodyIsKnownAndItsRepeatChangesNothingButTheHeartbeat() {
        assertFalse(knows(CRC), "nothing registered yet");
        registerFull(version(1), CRC, topic("T1"), topic("T2"));
        assertTrue(knows(CRC));
        assertFalse(knows(CRC + 1), "another body");
        assertFalse(routes.knowsBody(CLUSTER, "10.0.0.9:10911", B1, 0, Boolean.FALSE, CRC), "another process");
        assertFalse(routes.knowsBody(CLUSTER, A1, B1, 1, Boolean.FALSE, CRC), "another id");

        TopicRoute t1 = routes.topicTable().route("T1");
        long modCount = routes.topicTable().modCount();
        long routeVersion = routes.routeVersion();
        now.addAndGet(20_000);
        RegisterBrokerResult result = registerSame(CRC);
        assertNotSame(RegisterBrokerResult.BODY_NEEDED, result);
        assertSame(t1, routes.topicTable().route("T1"), "no topic touched");
        assertEquals(modCount, routes.topicTable().modCount());
        assertEquals(routeVersion, routes.routeVersion(), "no route answer changed");
        assertEquals(version(1), routes.queryBrokerTopicConfig(CLUSTER, A1), "the data version the body carried");
        now.addAndGet(20_000); // 40 s after the full registration, 20 s after the repeat: alive thanks to the repeat
        assertEquals(0, routes.scanNotActiveBroker(), "the repeat refreshed the broker's heartbeat");
        assertNotNull(routes.pickupTopicRouteData("T2"));
    }

    @Test
    void aChangeMadeByAnotherPathMakesTheBodyUnknownAgain() {
        registerFull(version(1), CRC, topic("T1"), topic("T2"));
        routes.registerTopic("T3", List.of(new QueueData(B1, 6, 4, 0, 4))); // the group's topics changed
        assertFalse(knows(CRC), "applying the body again would now change the table: it must be decoded");
        assertSame(RegisterBrokerResult.BODY_NEEDED, registerSame(CRC), "re-checked under the write lock");

        registerFull(version(1), CRC, topic("T1"), topic("T2"));
        assertTrue(knows(CRC));
        routes.wipeWritePermOfBrokerByLock(B1);
        assertFalse(knows(CRC), "a wiped write permission is not what the body applied");
    }

    @Test
    void aNewDataVersionForgetsTheBodiesOfTheOldOne() {
        registerFull(version(1), CRC, topic("T1"), topic("T2"));
        registerFull(version(2), CRC + 1, topic("T1", 8, 6, 0), topic("T2"));
        assertFalse(knows(CRC));
        assertTrue(knows(CRC + 1));
        assertEquals(8, routes.pickupTopicRouteData("T1").queueDatas().get(0).readQueueNums());
    }

    @Test
    void aRemovedBrokerStartsAfresh() {
        registerFull(version(1), CRC, topic("T1"), topic("T2"));
        routes.unregisterBroker(new UnregisterRequest(CLUSTER, A1, B1, 0L, UnregisterRequest.ANY_GENERATION, "test"));
        assertFalse(knows(CRC));
        assertSame(RegisterBrokerResult.BODY_NEEDED, registerSame(CRC));
        assertNull(routes.pickupTopicRouteData("T1"), "nothing came back without a decoded body");
    }

    @Test
    void aChangedRegistrationTouchesOnlyItsOwnGroupsTopics() {
        registerFull(version(1), CRC, topic("T1"), topic("T2"));
        assertNotNull(routes.registerBroker(broker("b2", 0, "10.0.0.2:10911")
            .topics(wrapper(version(1), topic("U1"), topic("U2"))).build()));
        TopicRoute u1 = routes.topicTable().route("U1");
        registerFull(version(2), CRC + 1, topic("T1", 16, 6, 0), topic("T2"));
        assertSame(u1, routes.topicTable().route("U1"), "another group's topic is not rewritten");
        assertEquals(16, routes.pickupTopicRouteData("T1").queueDatas().get(0).writeQueueNums());
    }

    // ---------------------------------------------------------------- split registration (#10425)

    private static TopicConfig[] batch(int from, int to, int skip) {
        List<TopicConfig> topics = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (i != skip) {
                topics.add(topic("S" + i));
            }
        }
        return topics.toArray(new TopicConfig[0]);
    }

    /** One round of a splitting broker: batches of 100 topics; {@code versions} says each gets its own. */
    private void splitRound(long firstCounter, boolean ownVersions, int skip) {
        for (int b = 0; b < 4; b++) {
            DataVersion v = version(ownVersions ? firstCounter + b : firstCounter);
            TopicConfigSerializeWrapper w = wrapper(v, batch(b * 100, b * 100 + 100, skip));
            assertNotNull(routes.registerBroker(broker(B1, 0, A1).topics(w).build()));
        }
    }

    private int topicsOfB1() {
        return routes.getTopicsByCluster(CLUSTER).topicList().size();
    }

    @Test
    void splitBatchesUnderOneDataVersionAreAllAppliedAndDeleteNothing() {
        settings.deleteTopicWithBrokerRegistration = true;
        splitRound(1, false, -1); // 5.3.4-5.5.0: every batch carries the same data version
        assertEquals(400, topicsOfB1(), "every batch applied, none deleted another's topics");
        splitRound(2, true, -1); // 5.3.3 and 5.5.1: each batch its own
        assertEquals(400, topicsOfB1());

        // A changed topic in a later batch under the round's one data version is applied (Apache skips it).
        TopicConfig changed = topic("S250", 16, 6, 0);
        TopicConfig[] third = batch(200, 300, 250);
        TopicConfig[] withChange = java.util.Arrays.copyOf(third, third.length + 1);
        withChange[third.length] = changed;
        splitRound(10, false, -1);
        routes.registerBroker(broker(B1, 0, A1).topics(wrapper(version(10), withChange)).build());
        assertEquals(16, routes.pickupTopicRouteData("S250").queueDatas().get(0).readQueueNums());
    }

    @Test
    void aTopicNoBatchNamesForAWholeWindowIsRemoved() {
        settings.deleteTopicWithBrokerRegistration = true;
        splitRound(1, true, -1);
        long window = RegistrationMemory.SPLIT_SWEEP_MILLIS;
        now.addAndGet(window * 2 / 3);
        splitRound(10, true, 42); // S42 deleted on the broker
        assertNotNull(routes.pickupTopicRouteData("S42"), "still inside the window that saw it");
        now.addAndGet(window * 2 / 3);
        splitRound(20, true, 42); // the window that saw S42 ends here: it stays
        assertNotNull(routes.pickupTopicRouteData("S42"));
        now.addAndGet(window * 2 / 3);
        splitRound(30, true, 42);
        assertNotNull(routes.pickupTopicRouteData("S42"), "the window running now has not ended");
        now.addAndGet(window * 2 / 3);
        splitRound(40, true, 42); // a whole window without S42 ends here
        assertNull(routes.pickupTopicRouteData("S42"), "gone once no batch named it for a whole window");
        assertEquals(399, topicsOfB1(), "and nothing else");
    }

    @Test
    void aFullBodyStillDeletesWhatItNoLongerNames() {
        settings.deleteTopicWithBrokerRegistration = true;
        registerFull(version(1), CRC, topic("T1"), topic("T2"), topic("T3"));
        registerFull(version(2), CRC + 1, topic("T1"), topic("T2"));
        assertNull(routes.pickupTopicRouteData("T3"), "a broker that does not split prunes as Apache does");
        assertNotNull(routes.pickupTopicRouteData("T1"));
    }
}
