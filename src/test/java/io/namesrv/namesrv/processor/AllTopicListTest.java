package io.namesrv.namesrv.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.TopicList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET_ALL_TOPIC_LIST_FROM_NAMESERVER's answer: encoded once per change of the topic set (a change
 * of queues leaves it alone), the same bytes a fresh encoding gives, and refused with its size
 * when it would not fit a frame instead of being sent to a client that would drop the connection.
 */
class AllTopicListTest {

    private final JsonBodies json = new JsonBodies();
    private final RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false));

    private void register(long counter, int queues, int topics) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        for (int i = 0; i < topics; i++) {
            String name = "ListTopic_" + i;
            table.put(name, new TopicConfig(name, queues, queues, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        }
        routes.registerBroker(BrokerRegistration.builder("c", "10.0.0.1:10911", "b1", 0).haServerAddr("h")
            .heartbeatTimeoutMillis(30_000L).enableActingMaster(Boolean.FALSE)
            .topics(TopicConfigSerializeWrapper.of(new DataVersion(0, counter, counter), table)).build());
    }

    @Test
    void encodedOncePerChangeOfTheTopicSet() {
        AllTopicList list = new AllTopicList(routes, json, 1 << 20);
        register(1, 4, 1000);
        AllTopicList.Answer first = list.get();
        assertFalse(first.tooLarge());
        assertEquals(1000, first.topics());
        assertEquals(json.decode(json.encode(routes.getAllTopicList()), TopicList.class).topicList(),
            json.decode(first.body(), TopicList.class).topicList());
        assertSame(first, list.get(), "nothing changed: the same answer");

        register(2, 8, 1000); // every topic's queues change, the set does not
        assertSame(first, list.get(), "a change of queues leaves the list alone");

        register(3, 8, 1001);
        AllTopicList.Answer grown = list.get();
        assertNotSame(first, grown);
        assertEquals(1001, grown.topics());
    }

    @Test
    void aListLargerThanAFrameIsRefusedWithItsSize() {
        register(1, 4, 1000);
        AllTopicList list = new AllTopicList(routes, json, 10_000);
        AllTopicList.Answer answer = list.get();
        assertTrue(answer.tooLarge());
        assertNull(answer.body());
        assertEquals(1000, answer.topics());
        assertTrue(answer.bytes() > 10_000, "at least " + answer.bytes() + " bytes");
    }
}
