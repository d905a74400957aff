package io.namesrv.namesrv.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.processor.RouteQuery.Form;
import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.namesrv.routeinfo.UnregisterRequest;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.TopicRouteData;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The route cache answers exactly what a fresh encode of the current route would, in both forms,
 * after every kind of route change; and it does hand out the same bytes while nothing changed.
 */
class RouteCacheTest {

    private static final String CLUSTER = "c1";
    private static final String TOPIC = "T1";

    private final JsonBodies json = new JsonBodies();
    private final AtomicBoolean actingMaster = new AtomicBoolean(false);
    private final RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings() {
        @Override
        public boolean deleteTopicWithBrokerRegistration() {
            return false;
        }

        @Override
        public boolean supportActingMaster() {
            return actingMaster.get();
        }
    });
    private final RouteCache cache = new RouteCache(routes, json, actingMaster::get, 1000);

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

    /** The body {@code c} answers for the topic (null when absent), building it when needed. */
    private static byte[] answer(RouteCache c, String topic, Form form, String orderTopicConf) {
        return c.answer(new RouteQuery(topic, form, null, orderTopicConf)).body();
    }

    /** The body {@code c} holds for the topic, or null when it holds none valid. */
    private static byte[] peek(RouteCache c, String topic, Form form, String orderTopicConf) {
        RouteCache.Answer cached = c.cached(new RouteQuery(topic, form, null, orderTopicConf));
        return cached == null ? null : cached.body();
    }

    private byte[] fresh(Form form) {
        TopicRouteData route = routes.pickupTopicRouteData(TOPIC);
        return route == null ? null : form == Form.PLAIN ? json.encode(route) : json.encodeStandard(route);
    }

    private void assertCurrent(Form form) {
        assertArrayEquals(fresh(form), answer(cache, TOPIC, form, null));
    }

    @ParameterizedTest
    @EnumSource(Form.class)
    void answersWhatAFreshEncodeGivesAndReusesTheBytesWhileNothingChanges(Form form) {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        byte[] first = answer(cache, TOPIC, form, null);
        assertArrayEquals(fresh(form), first);
        assertSame(first, answer(cache, TOPIC, form, null));
        routes.updateBrokerInfoUpdateTimestamp(CLUSTER, "10.0.0.1:10911"); // a heartbeat changes no route
        assertSame(first, answer(cache, TOPIC, form, null));
    }

    @Test
    void keepsBothFormsApart() {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        String plain = new String(answer(cache, TOPIC, Form.PLAIN, null), StandardCharsets.UTF_8);
        String standard = new String(answer(cache, TOPIC, Form.STANDARD, null), StandardCharsets.UTF_8);
        assertTrue(plain.contains("{0:\"10.0.0.1:10911\"}"), plain);
        assertTrue(standard.contains("{\"0\":\"10.0.0.1:10911\"}"), standard);
        assertSame(answer(cache, TOPIC, Form.PLAIN, null), answer(cache, TOPIC, Form.PLAIN, null));
        assertSame(answer(cache, TOPIC, Form.STANDARD, null), answer(cache, TOPIC, Form.STANDARD, null));
        assertEquals(1, cache.size());
    }

    @Test
    void unknownTopicIsAnsweredAbsentAndNotKept() {
        assertSame(RouteCache.Answer.ABSENT, cache.answer(new RouteQuery("nope", Form.STANDARD, null, null)));
        assertSame(RouteCache.Answer.ABSENT, cache.answer(new RouteQuery(null, Form.STANDARD, null, null)));
        assertNull(cache.cached(new RouteQuery("nope", Form.STANDARD, null, null)));
        assertEquals(0, cache.size());
    }

    /** Builds a two-group cluster, caches both forms, applies {@code change}, checks both forms again. */
    private void assertFollows(Consumer<RouteInfoManager> change) {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC, "T2"));
        register("b1", 1, "10.0.0.2:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC, "T2"));
        register("b2", 0, "10.0.0.3:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        byte[] plainBefore = answer(cache, TOPIC, Form.PLAIN, null);
        byte[] standardBefore = answer(cache, TOPIC, Form.STANDARD, null);
        change.accept(routes);
        byte[] expectedPlain = fresh(Form.PLAIN);
        if (expectedPlain != null) {
            assertFalse(java.util.Arrays.equals(plainBefore, expectedPlain), "the change must alter the route");
        } else {
            assertTrue(plainBefore != null && standardBefore != null);
        }
        assertCurrent(Form.PLAIN);
        assertCurrent(Form.STANDARD);
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
    void followsWipeAndAddWritePerm() {
        assertFollows(r -> r.wipeWritePermOfBrokerByLock("b2"));
        byte[] wiped = answer(cache, TOPIC, Form.STANDARD, null);
        routes.addWritePermOfBrokerByLock("b2");
        assertNotSame(wiped, answer(cache, TOPIC, Form.STANDARD, null));
        assertCurrent(Form.STANDARD);
        assertCurrent(Form.PLAIN);
    }

    @Test
    void followsUnregisteringABrokerProcessAndAWholeGroup() {
        assertFollows(r -> r.unregisterBroker(new UnregisterRequest(CLUSTER, "10.0.0.2:10911", "b1", 1L,
            UnregisterRequest.ANY_GENERATION, "test")));
        routes.unregisterBroker(new UnregisterRequest(CLUSTER, "10.0.0.3:10911", "b2", 0L,
            UnregisterRequest.ANY_GENERATION, "test"));
        assertCurrent(Form.STANDARD);
        assertCurrent(Form.PLAIN);
    }

    @Test
    void followsDeletingTheTopicEverywhereAndPerCluster() {
        assertFollows(r -> r.deleteTopic(TOPIC));
        assertNull(answer(cache, TOPIC, Form.STANDARD, null));
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 3, 3), 8, TOPIC));
        assertCurrent(Form.STANDARD);
        routes.deleteTopic(TOPIC, CLUSTER);
        assertNull(answer(cache, TOPIC, Form.PLAIN, null));
    }

    @Test
    void followsRegisterTopicInNamesrv() {
        assertFollows(r -> r.registerTopic(TOPIC, List.of(new QueueData("b2", 6, 2, 0, 2))));
    }

    @Test
    void followsTheActingMasterSwitchFlippedLive() {
        register("b1", 1, "10.0.0.2:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        routes.wipeWritePermOfBrokerByLock("b1"); // a master-less, read-only group: the slave may act for it
        byte[] off = answer(cache, TOPIC, Form.STANDARD, null);
        actingMaster.set(true);
        byte[] on = answer(cache, TOPIC, Form.STANDARD, null);
        assertFalse(java.util.Arrays.equals(off, on));
        assertTrue(new String(on, StandardCharsets.UTF_8).contains("\"0\":\"10.0.0.2:10911\""));
        assertCurrent(Form.STANDARD);
    }

    @Test
    void carriesTheOrderTopicConfItIsGivenAndRebuildsWhenItChanges() {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        byte[] withA = answer(cache, TOPIC, Form.STANDARD, "b1:4");
        assertTrue(new String(withA, StandardCharsets.UTF_8).contains("\"orderTopicConf\":\"b1:4\""));
        assertSame(withA, answer(cache, TOPIC, Form.STANDARD, "b1:4"));
        byte[] withB = answer(cache, TOPIC, Form.STANDARD, "b1:8");
        assertTrue(new String(withB, StandardCharsets.UTF_8).contains("\"orderTopicConf\":\"b1:8\""));
        assertArrayEquals(fresh(Form.STANDARD), answer(cache, TOPIC, Form.STANDARD, null));
    }

    @Test
    void startsOverPastItsBound() {
        RouteCache small = new RouteCache(routes, json, actingMaster::get, 2);
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, "A", "B", "C"));
        answer(small, "A", Form.PLAIN, null);
        answer(small, "B", Form.PLAIN, null);
        assertEquals(2, small.size());
        answer(small, "C", Form.PLAIN, null);
        assertEquals(1, small.size());
        assertArrayEquals(json.encode(routes.pickupTopicRouteData("A")), answer(small, "A", Form.PLAIN, null));
    }

    @Test
    void peekingNeverBuildsAndSeesOnlyValidEntries() {
        register("b1", 0, "10.0.0.1:10911", topics(new DataVersion(0, 1, 1), 8, TOPIC));
        assertNull(peek(cache, TOPIC, Form.STANDARD, null));
        assertEquals(0, cache.size());
        byte[] built = answer(cache, TOPIC, Form.STANDARD, null);
        assertSame(built, peek(cache, TOPIC, Form.STANDARD, null));
        assertNull(peek(cache, TOPIC, Form.PLAIN, null), "the other form was never built");
        assertNull(peek(cache, TOPIC, Form.STANDARD, "b1:8"), "another order-topic config");
        routes.wipeWritePermOfBrokerByLock("b1");
        assertNull(peek(cache, TOPIC, Form.STANDARD, null), "stale after a change");
    }
}
