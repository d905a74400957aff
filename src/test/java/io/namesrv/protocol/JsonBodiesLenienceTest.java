package io.namesrv.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Decoding accepts what fastjson accepts, and reports what it cannot read as one exception type. */
class JsonBodiesLenienceTest {

    private final JsonBodies json = new JsonBodies();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unquotedAndQuotedNumericKeysBothRead() {
        BrokerData b = json.decode(utf8("{\"brokerAddrs\":{0:\"a:1\",\"1\":\"b:1\"},\"brokerName\":\"x\"}"), BrokerData.class);
        assertEquals(Map.of(0L, "a:1", 1L, "b:1"), b.brokerAddrs());
        TopicQueueMappingInfo m = json.decode(utf8("{\"currIdMap\":{0:0,\"1\":1},\"epoch\":\"9007199254740993\"}"),
                TopicQueueMappingInfo.class);
        assertEquals(Map.of(0, 0, 1, 1), m.currIdMap());
        assertEquals(9007199254740993L, m.epoch());
    }

    @Test
    void unknownFieldsAreIgnored() {
        QueueData q = json.decode(utf8("{\"brokerName\":\"b\",\"future\":{\"x\":[1,2,{}]},\"perm\":6,\"more\":null}"), QueueData.class);
        assertEquals(new QueueData("b", 6, 0, 0, 0), q);
    }

    @Test
    void legacyTopicSynFlagReadsAsTopicSysFlag() {
        QueueData q = json.decode(utf8("{\"brokerName\":\"b\",\"perm\":6,\"readQueueNums\":4,\"topicSynFlag\":3,\"writeQueueNums\":4}"),
                QueueData.class);
        assertEquals(new QueueData("b", 6, 4, 3, 4), q);
        // and we write the current name only
        assertEquals("{\"brokerName\":\"b\",\"perm\":6,\"readQueueNums\":4,\"topicSysFlag\":3,\"writeQueueNums\":4}",
                json.encodeToString(q));
    }

    @Test
    void fieldNamesMatchLooselyLikeFastjson1() {
        TopicList t = json.decode(utf8("{\"TopicList\":[\"a\"],\"broker_addr\":\"x:1\"}"), TopicList.class);
        assertEquals(new TopicList(new java.util.HashSet<>(List.of("a")), "x:1"), t);
    }

    @Test
    void plainEncodedRouteFromAnOldBrokerDecodes() {
        // REGISTER_TOPIC_IN_NAMESRV bodies are plain-encoded TopicRouteData.
        String body = "{\"brokerDatas\":[],\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"broker-a\","
                + "\"perm\":6,\"readQueueNums\":8,\"topicSysFlag\":0,\"writeQueueNums\":8}]}";
        TopicRouteData r = json.decode(utf8(body), TopicRouteData.class);
        assertEquals(List.of(new QueueData("broker-a", 6, 8, 0, 8)), r.queueDatas());
    }

    @Test
    void absentBodyIsNull() {
        assertNull(json.decode((byte[]) null, TopicRouteData.class));
        assertNull(json.decode(new byte[0], TopicRouteData.class));
        assertNull(json.decodeList(null, String.class));
    }

    @Test
    void garbageIsAMalformedBody() {
        assertThrows(MalformedBodyException.class, () -> json.decode(utf8("{\"brokerDatas\":[{"), TopicRouteData.class));
        assertThrows(MalformedBodyException.class, () -> json.decode(utf8("not json"), DataVersion.class));
        assertThrows(MalformedBodyException.class, () -> json.decodeList(utf8("[1,"), String.class));
    }

    /** Any prefix of a valid body decodes or fails as a malformed body, never with another exception. */
    @Test
    void everyTruncationIsAValueOrAMalformedBody() {
        byte[] full = json.encode(JsonBodiesGoldenTest.route());
        for (int len = 1; len < full.length; len++) {
            byte[] prefix = java.util.Arrays.copyOf(full, len);
            try {
                json.decode(prefix, TopicRouteData.class);
            } catch (MalformedBodyException expected) {
                // the only acceptable failure
            }
        }
        assertEquals(JsonBodiesGoldenTest.route().queueDatas(), json.decode(full, TopicRouteData.class).queueDatas());
    }

    @Test
    void valueObjectsAreReadOnlyAndKeepNulls() {
        Map<Long, String> addrs = new HashMap<>(Map.of(0L, "a:1"));
        BrokerData b = new BrokerData(addrs, "b", "c", false, null);
        assertThrows(UnsupportedOperationException.class, () -> b.brokerAddrs().put(1L, "x"));
        TopicRouteData decoded = json.decode(utf8("{\"brokerDatas\":[{\"brokerAddrs\":{0:\"a:1\"}}],\"queueDatas\":[]}"),
                TopicRouteData.class);
        assertThrows(UnsupportedOperationException.class, () -> decoded.brokerDatas().add(b));
        assertThrows(UnsupportedOperationException.class, () -> decoded.brokerDatas().get(0).brokerAddrs().clear());
        assertNull(decoded.filterServerTable());
        assertEquals("{\"brokerDatas\":[{\"brokerAddrs\":{0:\"a:1\"},\"enableActingMaster\":false}],\"queueDatas\":[]}",
                json.encodeToString(decoded));
        assertEquals(new TopicRouteData(new ArrayList<>(List.of(new BrokerData(Map.of(0L, "a:1"), null, null, false, null))),
                null, null, List.of(), null), decoded);
    }

    @Test
    void rawJsonKeepsTheMappingDetailMapThroughARoundTrip() {
        String detail = "{\"TopicA\":{\"bname\":\"broker-a\",\"hostedQueues\":{0:[{\"bname\":\"broker-a\",\"logicOffset\":0}]}}}";
        String body = "{\"dataVersion\":{\"counter\":1,\"stateVersion\":0,\"timestamp\":5},\"topicConfigTable\":{},"
                + "\"topicQueueMappingDetailMap\":" + detail + "}";
        TopicConfigSerializeWrapper w = json.decode(utf8(body), TopicConfigSerializeWrapper.class);
        assertEquals(detail, w.topicQueueMappingDetailMap().json());
        assertEquals(body, json.encodeToString(w));
    }
    @Test
    void topicConfigsReadAsLenientlyAsEveryOtherBody() {
        TopicConfig legacy = json.decode(utf8("{\"topicName\":\"T\",\"readQueueNums\":4,\"writeQueueNums\":4,\"perm\":6,"
                + "\"topicSynFlag\":3,\"order\":true,\"future\":[1,{}]}"), TopicConfig.class);
        assertEquals(new TopicConfig("T", 4, 4, 6, null, 3, true, null), legacy);
        TopicConfig loose = json.decode(utf8("{\"TopicName\":\"T\",\"read_queue_nums\":\"8\",\"WRITEQUEUENUMS\":8,"
                + "\"perm\":\"6\",\"topicFilterType\":\"MULTI_TAG\",\"attributes\":{\"+a\":\"b\"}}"), TopicConfig.class);
        assertEquals(new TopicConfig("T", 8, 8, 6, TopicFilterType.MULTI_TAG, 0, false, Map.of("+a", "b")), loose);
        TopicConfig byOrdinal = json.decode(utf8("{\"topicFilterType\":1}"), TopicConfig.class);
        assertEquals(TopicFilterType.MULTI_TAG, byOrdinal.topicFilterType());
        assertEquals(new TopicConfig(null, 0, 0, 0, null, 0, false, null), json.decode(utf8("{}"), TopicConfig.class));
    }
}
