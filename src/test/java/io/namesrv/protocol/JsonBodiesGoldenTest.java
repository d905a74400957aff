package io.namesrv.protocol;

import com.alibaba.fastjson.serializer.SerializerFeature;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our JSON bodies against Apache 5.3.3's own classes (fastjson 1.2.83): the same value must encode
 * to the same bytes, and each side must decode what the other wrote into an equal value.
 */
class JsonBodiesGoldenTest {

    /** Above 2^53: the standard form must write it as a string. */
    private static final long BIG = 9007199254740993L;

    private final JsonBodies json = new JsonBodies();

    // Keys 17 and 3 iterate as 17, 3 in a HashMap but sort as 3, 17: MapSortField must show.
    static Map<Long, String> addrs(String prefix) {
        Map<Long, String> m = new HashMap<>();
        m.put(0L, prefix + ".1:10911");
        m.put(17L, prefix + ".2:10911");
        m.put(3L, prefix + ".3:10911");
        return m;
    }

    static TopicRouteData route() {
        Map<Long, String> bigKey = new HashMap<>();
        bigKey.put(BIG, "10.0.0.9:10911");
        List<BrokerData> brokers = new ArrayList<>(List.of(
                new BrokerData(addrs("10.0.0"), "broker-a", "DefaultCluster", false, null),
                new BrokerData(bigKey, "broker-b", "DefaultCluster", true, "zone-1")));
        List<QueueData> queues = new ArrayList<>(List.of(
                new QueueData("broker-a", 6, 4, 0, 4),
                new QueueData("broker-b", 4, 8, 3, 2)));
        Map<String, List<String>> filters = new HashMap<>();
        filters.put("10.0.0.1:10911", new ArrayList<>(List.of("10.0.0.1:40000")));
        filters.put("10.0.0.2:10911", null); // 5.x can hold null lists; both sides leave them out
        Map<Integer, Integer> currIdMap = new HashMap<>();
        currIdMap.put(17, 1);
        currIdMap.put(3, 0);
        Map<String, TopicQueueMappingInfo> mapping = new HashMap<>();
        mapping.put("broker-a", new TopicQueueMappingInfo("broker-a", currIdMap, true, BIG, "__global__", "TopicTest", 8));
        return new TopicRouteData(brokers, filters, "broker-a:4", queues, mapping);
    }

    static TopicRouteData nonAsciiRoute() {
        return new TopicRouteData(
                new ArrayList<>(List.of(new BrokerData(addrs("10.1.0"), "集群-a", "群", false, "区-1"))),
                new HashMap<>(),
                null,
                new ArrayList<>(List.of(new QueueData("集群-a", 6, 4, 0, 4))),
                null);
    }

    @Test
    void routePlainFormIsByteIdenticalWithUnquotedNumericKeys() {
        TopicRouteData ours = route();
        byte[] apache = ApacheMirror.apache(ours).encode();
        byte[] mine = json.encode(ours);
        assertEquals(new String(apache, StandardCharsets.UTF_8), new String(mine, StandardCharsets.UTF_8));
        assertTrue(new String(mine, StandardCharsets.UTF_8).contains("{0:\"10.0.0.1:10911\""));
    }

    @Test
    void routeStandardFormIsByteIdenticalWithQuotedKeysSortedMapsAndBigLongsAsStrings() {
        TopicRouteData ours = route();
        String apache = apacheStandard(ApacheMirror.apache(ours));
        String mine = new String(json.encodeStandard(ours), StandardCharsets.UTF_8);
        assertEquals(apache, mine);
        assertTrue(mine.contains("\"brokerAddrs\":{\"0\":\"10.0.0.1:10911\",\"3\":\"10.0.0.3:10911\",\"17\":"), mine);
        assertTrue(mine.contains("\"epoch\":\"9007199254740993\""), mine);
        assertTrue(mine.contains("\"currIdMap\":{\"3\":0,\"17\":1}"), mine);
    }

    /**
     * The one known difference: fastjson 1 (Apache 5.3.3) escapes non-ASCII in the standard form
     * as {@code \u4E2D}; fastjson2 (Apache 5.5.0) writes UTF-8 as is, and so do we. Both decode
     * to the same text. The plain form is identical on both sides.
     */
    @Test
    void nonAsciiStaysUtf8InStandardFormAndIsIdenticalInPlainForm() {
        TopicRouteData ours = nonAsciiRoute();
        var apache = ApacheMirror.apache(ours);

        assertEquals(new String(apache.encode(), StandardCharsets.UTF_8),
                new String(json.encode(ours), StandardCharsets.UTF_8));

        String apacheStd = apacheStandard(apache);
        String mine = new String(json.encodeStandard(ours), StandardCharsets.UTF_8);
        assertTrue(apacheStd.contains("\\u96C6"), apacheStd); // 集, escaped by fastjson 1
        assertTrue(mine.contains("\"brokerName\":\"集群-a\""), mine);
        assertEquals(unescapeUnicode(apacheStd), mine);
        assertEquals(ours, json.decode(apacheStd.getBytes(StandardCharsets.UTF_8), TopicRouteData.class));
    }

    /**
     * Plain form: identical. Standard form: fastjson 1 (5.3.3) also escapes {@code /} as
     * {@code \/} under BrowserCompatible; fastjson2 (5.5.0) and we leave it, everything else
     * escapes alike. No real topic, broker or address contains a slash.
     */
    @Test
    void specialAsciiCharactersEncodeAlike() {
        String odd = "a\"b\\c/d<e>f\tg&h'i";
        TopicRouteData ours = new TopicRouteData(
                new ArrayList<>(List.of(new BrokerData(addrs("10.2.0"), odd, odd, false, odd))),
                new HashMap<>(), odd, new ArrayList<>(List.of(new QueueData(odd, 6, 1, 0, 1))), null);
        var apache = ApacheMirror.apache(ours);
        assertEquals(new String(apache.encode(), StandardCharsets.UTF_8), new String(json.encode(ours), StandardCharsets.UTF_8));
        String apacheStd = apacheStandard(apache);
        String mine = new String(json.encodeStandard(ours), StandardCharsets.UTF_8);
        assertTrue(apacheStd.contains("c\\/d"), apacheStd);
        assertEquals(apacheStd.replace("\\/", "/"), mine);
        assertEquals(ours, json.decode(apacheStd.getBytes(StandardCharsets.UTF_8), TopicRouteData.class));
    }

    @Test
    void routeDecodesFromApacheInBothForms() {
        TopicRouteData ours = route();
        var apache = ApacheMirror.apache(ours);
        TopicRouteData withoutNullList = withoutNullFilterLists(ours);
        assertEquals(withoutNullList, json.decode(apache.encode(), TopicRouteData.class));
        assertEquals(withoutNullList, json.decode(apacheStandard(apache).getBytes(StandardCharsets.UTF_8), TopicRouteData.class));
    }

    @Test
    void apacheDecodesOurRouteInBothForms() {
        TopicRouteData ours = route();
        var apache = ApacheMirror.apache(ours);
        var fromPlain = RemotingSerializable.decode(json.encode(ours), org.apache.rocketmq.remoting.protocol.route.TopicRouteData.class);
        var fromStandard = RemotingSerializable.decode(json.encodeStandard(ours), org.apache.rocketmq.remoting.protocol.route.TopicRouteData.class);
        assertEquals(apacheStandard(apache), apacheStandard(fromPlain));
        assertEquals(apacheStandard(apache), apacheStandard(fromStandard));
        assertEquals(BIG, fromStandard.getTopicQueueMappingByBroker().get("broker-a").getEpoch());
        assertEquals("10.0.0.9:10911", fromStandard.getBrokerDatas().get(1).getBrokerAddrs().get(BIG));
    }

    @Test
    void dataVersionMatchesApache() {
        DataVersion ours = new DataVersion(7L, 1795421958841L, 42L);
        var apache = ApacheMirror.apache(ours);
        assertEquals("{\"counter\":42,\"stateVersion\":7,\"timestamp\":1795421958841}",
                new String(json.encode(ours), StandardCharsets.UTF_8));
        assertEquals(new String(apache.encode(), StandardCharsets.UTF_8), new String(json.encode(ours), StandardCharsets.UTF_8));
        assertEquals(ours, json.decode(apache.encode(), DataVersion.class));
        assertEquals(apache, RemotingSerializable.decode(json.encode(ours), org.apache.rocketmq.remoting.protocol.DataVersion.class));
    }

    @Test
    void dataVersionFrom497HasNoStateVersion() {
        byte[] old = "{\"counter\":1,\"timestamp\":1795421958841}".getBytes(StandardCharsets.UTF_8);
        assertEquals(new DataVersion(0L, 1795421958841L, 1L), json.decode(old, DataVersion.class));
    }

    @Test
    void clusterInfoMatchesApache() {
        Map<String, BrokerData> brokers = new HashMap<>();
        brokers.put("broker-a", new BrokerData(addrs("10.0.0"), "broker-a", "c1", false, null));
        brokers.put("broker-b", new BrokerData(addrs("10.0.1"), "broker-b", "c1", true, "z"));
        Map<String, Set<String>> clusters = new HashMap<>();
        clusters.put("c1", new LinkedHashSet<>(List.of("broker-b", "broker-a")));
        ClusterInfo ours = new ClusterInfo(brokers, clusters);
        var apache = ApacheMirror.apache(ours);
        String mine = new String(json.encode(ours), StandardCharsets.UTF_8);
        assertEquals(new String(apache.encode(), StandardCharsets.UTF_8), mine);
        assertTrue(mine.contains("{0:\"10.0.0.1:10911\""), mine);
        assertEquals(ours, json.decode(apache.encode(), ClusterInfo.class));
        var back = RemotingSerializable.decode(json.encode(ours), org.apache.rocketmq.remoting.protocol.body.ClusterInfo.class);
        assertEquals(new String(apache.encode(), StandardCharsets.UTF_8), new String(back.encode(), StandardCharsets.UTF_8));
    }

    @Test
    void topicListMatchesApacheWithAndWithoutBrokerAddr() {
        for (String brokerAddr : new String[] {null, "10.0.0.1:10911"}) {
            TopicList ours = new TopicList(new LinkedHashSet<>(List.of("TopicTest", "TBW102", "主题")), brokerAddr);
            var apache = new org.apache.rocketmq.remoting.protocol.body.TopicList();
            apache.setTopicList(new LinkedHashSet<>(ours.topicList()));
            apache.setBrokerAddr(brokerAddr);
            assertEquals(new String(apache.encode(), StandardCharsets.UTF_8), new String(json.encode(ours), StandardCharsets.UTF_8));
            assertEquals(ours, json.decode(apache.encode(), TopicList.class));
            var back = RemotingSerializable.decode(json.encode(ours), org.apache.rocketmq.remoting.protocol.body.TopicList.class);
            assertEquals(apache.getTopicList(), back.getTopicList());
            assertEquals(brokerAddr, back.getBrokerAddr());
        }
    }

    @Test
    void kvTableMatchesApache() {
        HashMap<String, String> table = new HashMap<>();
        table.put("TopicTest", "broker-a:4;broker-b:4");
        table.put("键", "值");
        KVTable ours = new KVTable(new HashMap<>(table));
        var apache = new org.apache.rocketmq.remoting.protocol.body.KVTable();
        apache.setTable(table);
        assertEquals(new String(apache.encode(), StandardCharsets.UTF_8), new String(json.encode(ours), StandardCharsets.UTF_8));
        assertEquals(ours, json.decode(apache.encode(), KVTable.class));
        assertEquals(table, RemotingSerializable.decode(json.encode(ours), org.apache.rocketmq.remoting.protocol.body.KVTable.class).getTable());
    }

    @Test
    void brokerMemberGroupMatchesApache() {
        GetBrokerMemberGroupResponseBody ours = new GetBrokerMemberGroupResponseBody(
                new BrokerMemberGroup(addrs("10.0.0"), "broker-a", "DefaultCluster"));
        var apache = new org.apache.rocketmq.remoting.protocol.body.GetBrokerMemberGroupResponseBody();
        apache.setBrokerMemberGroup(ApacheMirror.apache(ours.brokerMemberGroup()));
        String mine = new String(json.encode(ours), StandardCharsets.UTF_8);
        assertEquals(new String(apache.encode(), StandardCharsets.UTF_8), mine);
        assertTrue(mine.startsWith("{\"brokerMemberGroup\":{\"brokerAddrs\":{0:"), mine);
        assertEquals(ours, json.decode(apache.encode(), GetBrokerMemberGroupResponseBody.class));
        var back = RemotingSerializable.decode(json.encode(ours), org.apache.rocketmq.remoting.protocol.body.GetBrokerMemberGroupResponseBody.class);
        assertEquals(apache.getBrokerMemberGroup(), back.getBrokerMemberGroup());
    }

    @Test
    void kvConfigFileMatchesApache() throws Exception {
        HashMap<String, HashMap<String, String>> table = new HashMap<>();
        HashMap<String, String> ns = new HashMap<>();
        ns.put("TopicTest", "broker-a:4");
        table.put("ORDER_TOPIC_CONFIG", ns);
        Map<String, Map<String, String>> ourTable = new HashMap<>();
        ourTable.put("ORDER_TOPIC_CONFIG", new HashMap<>(ns));
        KVConfigSerializeWrapper ours = new KVConfigSerializeWrapper(ourTable);

        var apache = new org.apache.rocketmq.namesrv.kvconfig.KVConfigSerializeWrapper();
        apache.setConfigTable(table);
        assertEquals(new String(apache.encode(), StandardCharsets.UTF_8), new String(json.encode(ours), StandardCharsets.UTF_8));
        assertEquals(ours, json.decode(apache.encode(), KVConfigSerializeWrapper.class));
        // Apache writes kvConfig.json pretty-printed; that must read too.
        assertEquals(ours, json.decode(apache.toJson(true).getBytes(StandardCharsets.UTF_8), KVConfigSerializeWrapper.class));
        var back = RemotingSerializable.decode(json.encode(ours), org.apache.rocketmq.namesrv.kvconfig.KVConfigSerializeWrapper.class);
        assertEquals(table, back.getConfigTable());
    }

    @Test
    void plainAndStandardFormsDifferOnlyWhereApacheSaysTheyDo() {
        TopicRouteData simple = new TopicRouteData(
                new ArrayList<>(List.of(new BrokerData(Map.of(0L, "10.0.0.1:10911"), "broker-a", "DefaultCluster", false, null))),
                new HashMap<>(), null, new ArrayList<>(List.of(new QueueData("broker-a", 6, 4, 0, 4))), null);
        String plain = new String(json.encode(simple), StandardCharsets.UTF_8);
        String standard = new String(json.encodeStandard(simple), StandardCharsets.UTF_8);
        assertNotEquals(plain, standard);
        assertEquals(standard, plain.replace("{0:", "{\"0\":"));
        assertEquals("{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"10.0.0.1:10911\"},\"brokerName\":\"broker-a\","
                + "\"cluster\":\"DefaultCluster\",\"enableActingMaster\":false}],\"filterServerTable\":{},"
                + "\"queueDatas\":[{\"brokerName\":\"broker-a\",\"perm\":6,\"readQueueNums\":4,\"topicSysFlag\":0,"
                + "\"writeQueueNums\":4}]}", standard);
    }

    /** Apache's route encoding for clients that want standard JSON (5.3.3 DefaultRequestProcessor). */
    static String apacheStandard(org.apache.rocketmq.remoting.protocol.route.TopicRouteData route) {
        return new String(route.encode(SerializerFeature.BrowserCompatible, SerializerFeature.QuoteFieldNames,
                SerializerFeature.SkipTransientField, SerializerFeature.MapSortField), StandardCharsets.UTF_8);
    }

    private static String unescapeUnicode(String s) {
        Matcher m = Pattern.compile("\\\\u([0-9A-Fa-f]{4})").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(sb).toString();
    }

    private static TopicRouteData withoutNullFilterLists(TopicRouteData r) {
        Map<String, List<String>> filters = new HashMap<>();
        r.filterServerTable().forEach((k, v) -> {
            if (v != null) {
                filters.put(k, v);
            }
        });
        return new TopicRouteData(r.brokerDatas(), filters, r.orderTopicConf(), r.queueDatas(), r.topicQueueMappingByBroker());
    }
}
