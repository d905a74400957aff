package io.namesrv.namesrv.routeinfo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.TopicRouteData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Route lookups answer exactly what a fresh encode of the current route would, in both forms,
 * after every kind of route change, and at once (nothing to warm up). A change replaces only what
 * it changes: the answers of the other topics are written from the very same parts as before
 * (the invalidation rules: a change to topic A leaves B's answer as it was and A's fresh).
 */
class RouteBodyTest {

    private static final String CLUSTER = "c1";
    private static final String TOPIC = "T1";

    private final JsonBodies json = new JsonBodies();
    private final RouteFixtures.MutableSettings settings = new RouteFixtures.MutableSettings();
    private final RouteInfoManager routes = new RouteInfoManager(settings);

    /** The topics plus a filler: a first registration with exactly one topic is refused, as Apache does. */
    private static TopicConfigSerializeWrapper topics(DataVersion version, int queues, String... names) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        table.put("Filler", new TopicConfig("Filler", 1, 1, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        for (String name : names) {
            table.put(name, new TopicConfig(name, queues, queues, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        }
        return TopicConfigSerializeWrapper.of(version, table);
    }

    private void register(String brokerName, long id, String addr, TopicConfigSerializeWrapper topics) {
        routes.registerBroker(BrokerRegistration.builder(CLUSTER, addr, brokerName, id).haServerAddr(addr)
            .heartbeatTimeoutMillis(30_000L).enableActingMaster(Boolean.TRUE).topics(topics).build());
    }

    private byte[] fresh(String topic, boolean standard) {
        TopicRouteData route = routes.pickupTopicRouteData(topic);
        return route == null ? null : standard ? json.encodeStandard(route) : json.encode(route);
    }

    private void assertCurrent(String topic) {
        assertCurrent(topic, true);
    }

    /** {@code inline} false: routes are encoded whole (filter servers), so none is written on a network thread. */
    private void assertCurrent(String topic, boolean inline) {
        for (boolean standard : new boolean[] {false, true}) {
            assertArrayEquals(fresh(topic, standard), RouteFixtures.bytes(routes.routeBody(topic, standard, null)), topic);
            byte[] expectedInline = inline ? fresh(topic, standard) : null;
            assertArrayEquals(expectedInline, RouteFixtures.bytes(routes.routeBodyWithoutWaiting(topic, standard, null)), topic);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void answersWhatAFreshEncodeGivesFromTheFirstLookupOn(boolean standard) {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        byte[] first = RouteFixtures.bytes(routes.routeBodyWithoutWaiting(TOPIC, standard, null));
        assertArrayEquals(fresh(TOPIC, standard), first, "the very first lookup, on a thread that may not wait");
        routes.updateBrokerInfoUpdateTimestamp(CLUSTER, "10.0.0.1:10911"); // a heartbeat changes no route
        assertArrayEquals(first, RouteFixtures.bytes(routes.routeBody(TOPIC, standard, null)));
    }

    @Test
    void keepsBothFormsApart() {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        String plain = new String(RouteFixtures.bytes(routes.routeBody(TOPIC, false, null)), StandardCharsets.UTF_8);
        String standard = new String(RouteFixtures.bytes(routes.routeBody(TOPIC, true, null)), StandardCharsets.UTF_8);
        assertTrue(plain.contains("{0:\"10.0.0.1:10911\"}"), plain);
        assertTrue(standard.contains("{\"0\":\"10.0.0.1:10911\"}"), standard);
    }

    @Test
    void unknownTopicHasNoRoute() {
        assertNull(RouteFixtures.bytes(routes.routeBody("nope", true, null)));
        assertNull(RouteFixtures.bytes(routes.routeBody(null, true, null)));
        assertNull(RouteFixtures.bytes(routes.routeBodyWithoutWaiting("nope", false, null)));
    }

    /** Builds a two-group cluster, applies {@code change}, checks both forms of every topic again. */
    private void assertFollows(Consumer<RouteInfoManager> change) {
        assertFollows(change, true);
    }

    private void assertFollows(Consumer<RouteInfoManager> change, boolean inlineAfter) {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC, "T2"));
        register("b1", 1, "10.0.0.2:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC, "T2"));
        register("b2", 0, "10.0.0.3:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        byte[] plainBefore = RouteFixtures.bytes(routes.routeBody(TOPIC, false, null));
        change.accept(routes);
        byte[] expectedPlain = fresh(TOPIC, false);
        if (expectedPlain != null) {
            assertFalse(Arrays.equals(plainBefore, expectedPlain), "the change must alter the route");
        }
        assertCurrent(TOPIC, inlineAfter);
        assertCurrent("T2", inlineAfter);
        assertCurrent("Filler", inlineAfter);
    }

    @Test
    void followsANewBrokerServingTheTopic() {
        assertFollows(r -> register("b3", 0, "10.0.0.4:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC)));
    }

    @Test
    void followsChangedQueueCountsOnReRegistration() {
        assertFollows(r -> register("b2", 0, "10.0.0.3:10911", topics(new DataVersion(0, 2, 2), 16, TOPIC)));
    }

    @Test
    void followsANewSlave() {
        assertFollows(r -> register("b2", 1, "10.0.0.5:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC)));
    }

    @Test
    void followsAMovedAddress() {
        assertFollows(r -> register("b2", 0, "10.0.0.9:10911", topics(new DataVersion(1, 1, 1), 8, TOPIC)));
    }

    @Test
    void followsAZoneAndTheActingMasterFlag() {
        assertFollows(r -> r.registerBroker(BrokerRegistration.builder(CLUSTER, "10.0.0.3:10911", "b2", 0)
            .zoneName("zone-z").enableActingMaster(Boolean.FALSE).heartbeatTimeoutMillis(30_000L)
            .topics(topics(new DataVersion(0, 1, 1), 8, TOPIC)).build()));
    }

    @Test
    void followsWipeAndAddWritePerm() {
        assertFollows(r -> r.wipeWritePermOfBrokerByLock("b2"));
        byte[] wiped = RouteFixtures.bytes(routes.routeBody(TOPIC, true, null));
        routes.addWritePermOfBrokerByLock("b2");
        assertFalse(Arrays.equals(wiped, RouteFixtures.bytes(routes.routeBody(TOPIC, true, null))));
        assertCurrent(TOPIC);
    }

    @Test
    void followsUnregisteringABrokerProcessAndAWholeGroup() {
        assertFollows(r -> r.unregisterBroker(new UnregisterRequest(CLUSTER, "10.0.0.2:10911", "b1", 1L,
            UnregisterRequest.ANY_GENERATION, "test")));
        routes.unregisterBroker(new UnregisterRequest(CLUSTER, "10.0.0.3:10911", "b2", 0L,
            UnregisterRequest.ANY_GENERATION, "test"));
        assertCurrent(TOPIC);
        routes.unregisterBroker(new UnregisterRequest(CLUSTER, "10.0.0.1:10911", "b1", 0L,
            UnregisterRequest.ANY_GENERATION, "test"));
        assertNull(RouteFixtures.bytes(routes.routeBody(TOPIC, true, null)), "no group left");
    }

    @Test
    void followsDeletingTheTopicEverywhereAndPerCluster() {
        assertFollows(r -> r.deleteTopic(TOPIC));
        assertNull(RouteFixtures.bytes(routes.routeBody(TOPIC, true, null)));
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 3, 3), 8, TOPIC));
        assertCurrent(TOPIC);
        routes.deleteTopic(TOPIC, CLUSTER);
        assertNull(RouteFixtures.bytes(routes.routeBody(TOPIC, false, null)));
    }

    @Test
    void followsRegisterTopicInNamesrv() {
        assertFollows(r -> r.registerTopic(TOPIC, List.of(new QueueData("b2", 6, 2, 0, 2))));
    }

    @Test
    void followsFilterServersAppearingAndGoing() {
        assertFollows(r -> r.registerBroker(BrokerRegistration.builder(CLUSTER, "10.0.0.3:10911", "b2", 0)
            .enableActingMaster(Boolean.TRUE).heartbeatTimeoutMillis(30_000L).filterServers(List.of("10.0.0.3:9999"))
            .topics(topics(new DataVersion(0, 1, 1), 8, TOPIC)).build()), false);
        routes.registerBroker(BrokerRegistration.builder(CLUSTER, "10.0.0.3:10911", "b2", 0)
            .enableActingMaster(Boolean.TRUE).heartbeatTimeoutMillis(30_000L).filterServers(List.of())
            .topics(topics(new DataVersion(0, 1, 1), 8, TOPIC)).build());
        assertCurrent(TOPIC);
        assertFalse(new String(RouteFixtures.bytes(routes.routeBody(TOPIC, true, null)), StandardCharsets.UTF_8).contains("9999"));
    }

    @Test
    void followsStaticTopicMappings() {
        assertFollows(r -> r.registerBroker(BrokerRegistration.builder(CLUSTER, "10.0.0.3:10911", "b2", 0)
            .enableActingMaster(Boolean.TRUE).heartbeatTimeoutMillis(30_000L)
            .topics(RouteFixtures.wrapperWithMapping(new DataVersion(0, 5, 5), RouteFixtures.mapping(TOPIC, "b2", 3),
                RouteFixtures.topic(TOPIC), RouteFixtures.topic("Filler"))).build()));
        assertTrue(new String(RouteFixtures.bytes(routes.routeBody(TOPIC, true, null)), StandardCharsets.UTF_8)
            .contains("topicQueueMappingByBroker"));
    }

    @Test
    void followsTheActingMasterSwitchFlippedLive() {
        register("b1", 1, "10.0.0.2:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        routes.wipeWritePermOfBrokerByLock("b1"); // a master-less, read-only group: the slave may act for it
        byte[] off = RouteFixtures.bytes(routes.routeBody(TOPIC, true, null));
        settings.supportActingMaster = true;
        byte[] on = RouteFixtures.bytes(routes.routeBody(TOPIC, true, null));
        assertFalse(Arrays.equals(off, on));
        assertTrue(new String(on, StandardCharsets.UTF_8).contains("\"0\":\"10.0.0.2:10911\""));
        assertCurrent(TOPIC);
    }

    @Test
    void theSyncTopicsOfBrokerMembersNeverShowAnActingMaster() {
        settings.supportActingMaster = true;
        String sync = "rmq_sys_SYNC_BROKER_MEMBER_b1";
        register("b1", 1, "10.0.0.2:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC, sync));
        routes.wipeWritePermOfBrokerByLock("b1");
        assertTrue(new String(RouteFixtures.bytes(routes.routeBody(TOPIC, true, null)), StandardCharsets.UTF_8).contains("\"0\":"));
        assertFalse(new String(RouteFixtures.bytes(routes.routeBody(sync, true, null)), StandardCharsets.UTF_8).contains("\"0\":"));
        assertCurrent(sync);
    }

    @Test
    void carriesTheOrderTopicConfItIsGiven() {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        byte[] withA = RouteFixtures.bytes(routes.routeBody(TOPIC, true, "b1:4"));
        assertArrayEquals(json.encodeStandard(routes.pickupTopicRouteData(TOPIC).withOrderTopicConf("b1:4")), withA);
        assertTrue(new String(RouteFixtures.bytes(routes.routeBody(TOPIC, false, "b1:\"8\"")), StandardCharsets.UTF_8)
            .contains("\"orderTopicConf\":\"b1:\\\"8\\\"\""));
        assertArrayEquals(fresh(TOPIC, true), RouteFixtures.bytes(routes.routeBody(TOPIC, true, null)));
    }

    // ---------------------------------------------------------------- the invalidation rules

    @Test
    void aChangeToTopicALeavesBsAnswerAsItWasAndAsFresh() {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, "A", "B"));
        register("b2", 0, "10.0.0.2:10911", topics(new DataVersion(0, 1, 1), 8, "C"));
        byte[] bBefore = RouteFixtures.bytes(routes.routeBody("B", true, null));
        byte[] aBefore = RouteFixtures.bytes(routes.routeBody("A", true, null));
        TopicRoute bRoute = routes.topicTable().route("B");
        GroupView b1View = routes.group("b1").view();
        byte[] b1Json = b1View.json(json, true, false);
        byte[] bQueueJson = bRoute.slot(0).json(json, true);

        // b1 re-registers with A changed (16 queues) and B as it was.
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        table.put("Filler", new TopicConfig("Filler", 1, 1, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        table.put("A", new TopicConfig("A", 16, 16, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        table.put("B", new TopicConfig("B", 8, 8, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        register("b1", 0, "10.0.0.1:10911", TopicConfigSerializeWrapper.of(new DataVersion(0, 2, 2), table));

        assertSame(bRoute, routes.topicTable().route("B"), "B's route was not replaced");
        assertSame(b1View, routes.group("b1").view(), "the group did not change, so neither did its view");
        assertSame(b1Json, routes.group("b1").view().json(json, true, false), "nor was it encoded again");
        assertSame(bQueueJson, routes.topicTable().route("B").slot(0).json(json, true));
        assertArrayEquals(bBefore, RouteFixtures.bytes(routes.routeBody("B", true, null)));
        byte[] aAfter = RouteFixtures.bytes(routes.routeBody("A", true, null));
        assertFalse(Arrays.equals(aBefore, aAfter));
        assertArrayEquals(fresh("A", true), aAfter, "A fresh");
        assertEquals(16, routes.pickupTopicRouteData("A").queueDatas().get(0).readQueueNums());
    }

    @Test
    void aGroupsChangeReachesItsTopicsAndOnlyThem() {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, "A"));
        register("b2", 0, "10.0.0.2:10911", topics(new DataVersion(0, 1, 1), 8, "C"));
        TopicRoute cRoute = routes.topicTable().route("C");
        GroupView b2View = routes.group("b2").view();
        byte[] cBefore = RouteFixtures.bytes(routes.routeBody("C", false, null));

        register("b1", 1, "10.0.0.5:10911", topics(new DataVersion(0, 1, 1), 8, "A")); // a slave joins b1

        assertTrue(new String(RouteFixtures.bytes(routes.routeBody("A", false, null)), StandardCharsets.UTF_8).contains("1:\"10.0.0.5:10911\""));
        assertTrue(new String(RouteFixtures.bytes(routes.routeBody("Filler", false, null)), StandardCharsets.UTF_8).contains("10.0.0.5"),
            "every topic of the group names the new address");
        assertSame(cRoute, routes.topicTable().route("C"));
        assertSame(b2View, routes.group("b2").view());
        assertArrayEquals(cBefore, RouteFixtures.bytes(routes.routeBody("C", false, null)));
    }

    @Test
    void topicsWithTheSameQueuesOnAGroupShareOneSlot() {
        String[] names = new String[1000];
        for (int i = 0; i < names.length; i++) {
            names[i] = "Shared" + i;
        }
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, names));
        assertEquals(2, routes.topicTable().slotCount(), "one for the 1,000 topics, one for the filler");
        assertSame(routes.topicTable().route("Shared1").slot(0), routes.topicTable().route("Shared999").slot(0));
        routes.deleteTopic("Filler");
        assertEquals(1, routes.topicTable().slotCount(), "an unused slot is let go");
    }

    @Test
    void aLookupNeedsNoWarmUpAfterAChange() {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 2, 2), 4, TOPIC));
        byte[] inline = RouteFixtures.bytes(routes.routeBodyWithoutWaiting(TOPIC, false, null));
        assertNotNull(inline, "answerable on a network thread right after the change");
        assertArrayEquals(fresh(TOPIC, false), inline);
        assertNotSame(inline, RouteFixtures.bytes(routes.routeBodyWithoutWaiting(TOPIC, false, null)), "each answer is its own array");
    }
}
