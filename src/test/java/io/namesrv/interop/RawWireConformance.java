package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONReader;
import io.namesrv.interop.support.ApacheWireClient;
import io.namesrv.interop.support.FakeBroker;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.interop.support.RawFrameSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.KVTable;
import org.apache.rocketmq.remoting.protocol.header.GetBrokerMemberGroupRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.GetTopicsByClusterRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.DeleteKVConfigRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.PutKVConfigRequestHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Single frames and their exact answers (codes, remarks, headers, bodies), sent through Apache's
 * own remoting client or a plain socket, asserted the same way for Apache's name server and ours.
 * Bodies are compared as parsed JSON where Apache leaves an order unspecified, and byte for byte
 * where both must produce one exact text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RawWireConformance {

    static final String CLUSTER = "WireCluster";
    static final String BROKER = "wire-broker-a";
    static final String MASTER = "127.0.0.1:41911";
    static final String MASTER_HA = "127.0.0.1:41912";
    static final String SLAVE = "127.0.0.1:41921";
    static final String SLAVE_HA = "127.0.0.1:41922";
    static final String TOPIC = "WireTopic";
    static final String ORDER_TOPIC = "WireOrderTopic";
    /** Two topics: a first registration with exactly one topic is refused (see below). */
    static final List<TopicConfig> TOPICS = List.of(new TopicConfig(TOPIC, 4, 4, 6, 0),
        new TopicConfig(ORDER_TOPIC, 2, 2, 6, 0));
    static final FakeBroker MASTER_BROKER = new FakeBroker(CLUSTER, BROKER, 0, MASTER, MASTER_HA, TOPICS, 1);
    static final FakeBroker SLAVE_BROKER = new FakeBroker(CLUSTER, BROKER, 1, SLAVE, SLAVE_HA, TOPICS, 1);

    /** The one-group route of {@link #TOPIC}, as Apache encodes it for clients below 4.9.4 (version 401). */
    static final String ROUTE_LEGACY_JSON = "{\"brokerDatas\":[{\"brokerAddrs\":{0:\"" + MASTER + "\",1:\"" + SLAVE
        + "\"},\"brokerName\":\"" + BROKER + "\",\"cluster\":\"" + CLUSTER + "\",\"enableActingMaster\":false}],"
        + "\"filterServerTable\":{},\"queueDatas\":[{\"brokerName\":\"" + BROKER + "\",\"perm\":6,"
        + "\"readQueueNums\":4,\"topicSysFlag\":0,\"writeQueueNums\":4}]}";
    /** The same route in standard JSON: numeric map keys quoted. */
    static final String ROUTE_STANDARD_JSON = ROUTE_LEGACY_JSON
        .replace("{0:", "{\"0\":").replace(",1:", ",\"1\":");

    protected NameServerProcess namesrv;
    protected ApacheWireClient wire;

    protected abstract NameServerProcess startNameServer();

    @BeforeAll
    void startServerAndRegisterGroup() {
        namesrv = startNameServer();
        wire = new ApacheWireClient(namesrv.address());
        assertEquals(0, wire.invoke(MASTER_BROKER.registerRequest()).getCode());
        assertEquals(0, wire.invoke(SLAVE_BROKER.registerRequest()).getCode());
    }

    @AfterAll
    void stopAll() {
        try {
            if (wire != null) {
                wire.close();
            }
        } finally {
            if (namesrv != null) {
                namesrv.close();
            }
        }
    }

    // ---------------------------------------------------------------- unknown codes, registration

    @Test
    void unknownCodeIsRequestCodeNotSupported() {
        RemotingCommand response = wire.invoke(RemotingCommand.createRequestCommand(9999, null));
        assertEquals(3, response.getCode());
        assertEquals(" request type 9999 not supported", response.getRemark());
    }

    /**
     * Answers carry the name server's own version, Apache 5.3.3's (479), whatever the asking
     * client's: an old client (0), a 5.3.3 one and a 5.5.1 one (515).
     */
    @Test
    void answersCarryVersion479OfApache533WhateverTheClientsVersion() {
        for (int clientVersion : new int[] {0, MQVersion.Version.V5_3_3.ordinal(), 515}) {
            RemotingCommand answer = route(TOPIC, clientVersion, false);
            assertEquals(0, answer.getCode());
            assertEquals(MQVersion.Version.V5_3_3.ordinal(), answer.getVersion(), "client version " + clientVersion);
        }
        RemotingCommand unknown = wire.invoke(RemotingCommand.createRequestCommand(9999, null));
        assertEquals(479, unknown.getVersion());
    }

    @Test
    void registrationWithAWrongBodyCrcIsRefusedAndRegistersNothing() {
        FakeBroker broker = new FakeBroker(CLUSTER, "wire-crc-broker", 0, "127.0.0.1:41931", "127.0.0.1:41932",
            List.of(new TopicConfig("WireCrcTopic", 1, 1, 6, 0)), 1);
        byte[] body = broker.registerBody();
        RemotingCommand response = wire.invoke(broker.registerRequest(body, UtilAll.crc32(body) + 1));
        assertEquals(1, response.getCode());
        assertEquals("crc32 not match", response.getRemark());
        assertFalse(clusterInfo().getBrokerAddrTable().containsKey("wire-crc-broker"));
        assertEquals(17, route("WireCrcTopic", MQVersion.CURRENT_VERSION, false).getCode());
    }

    /** Apache 5.x takes a one-topic first registration for an incremental one that overtook the full one. */
    @Test
    void firstRegistrationWithExactlyOneTopicIsRefused() {
        FakeBroker broker = new FakeBroker(CLUSTER, "wire-single-broker", 0, "127.0.0.1:41971", "127.0.0.1:41972",
            List.of(new TopicConfig("WireSingleTopic", 1, 1, 6, 0)), 1);
        RemotingCommand response = wire.invoke(broker.registerRequest());
        assertEquals(1, response.getCode());
        assertEquals("register broker failed", response.getRemark());
        // the group and its cluster entry are created before the check, and stay, empty
        ClusterInfo info = clusterInfo();
        assertEquals(Map.of(), info.getBrokerAddrTable().get("wire-single-broker").getBrokerAddrs());
        assertTrue(info.getClusterAddrTable().get(CLUSTER).contains("wire-single-broker"));
        assertEquals(17, route("WireSingleTopic", MQVersion.CURRENT_VERSION, false).getCode());
    }

    /** First: once ORDER_TOPIC_CONFIG has existed, registrations carry its (maybe empty) table. */
    @Test
    @Order(1)
    void masterRegistrationAnswersAnEmptyHeaderAndSlaveRegistrationNamesItsMaster() {
        RemotingCommand master = wire.invoke(MASTER_BROKER.registerRequest());
        assertEquals(0, master.getCode());
        assertNotNull(master.getExtFields(), "the header carries extFields, empty");
        assertEquals(Map.of(), master.getExtFields());
        assertNull(master.getBody(), "no ORDER_TOPIC_CONFIG namespace, no body");

        RemotingCommand slave = wire.invoke(SLAVE_BROKER.registerRequest());
        assertEquals(0, slave.getCode());
        assertEquals(Map.of("masterAddr", MASTER, "haServerAddr", MASTER_HA), slave.getExtFields());
    }

    @Test
    void registrationAnswersTheOrderTopicConfigTableWhenThatNamespaceExists() {
        assertEquals(0, wire.invoke(putKv("ORDER_TOPIC_CONFIG", ORDER_TOPIC, BROKER + ":2")).getCode());
        try {
            RemotingCommand response = wire.invoke(MASTER_BROKER.registerRequest());
            assertEquals(0, response.getCode());
            assertEquals(Map.of(ORDER_TOPIC, BROKER + ":2"), KVTable.decode(response.getBody(), KVTable.class).getTable());
        } finally {
            assertEquals(0, wire.invoke(deleteKv("ORDER_TOPIC_CONFIG", ORDER_TOPIC)).getCode());
        }
        // deleting the last key leaves the namespace, empty: the table still goes back, empty
        RemotingCommand afterDelete = wire.invoke(MASTER_BROKER.registerRequest());
        assertEquals("{\"table\":{}}", new String(afterDelete.getBody(), StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- data version, member group, heartbeat

    @Test
    void queryDataVersionSaysWhetherTheBrokersVersionChangedAndAnswersTheStoredOne() {
        // the stored version is the latest registration's (other tests register other versions)
        assertEquals(0, wire.invoke(MASTER_BROKER.registerRequest()).getCode());
        JSONObject stored = JSON.parseObject(MASTER_BROKER.dataVersion().toJson());

        RemotingCommand same = wire.invoke(MASTER_BROKER.queryDataVersionRequest(MASTER_BROKER.dataVersion()));
        assertEquals(0, same.getCode());
        assertEquals(Map.of("changed", "false"), same.getExtFields());
        assertEquals(stored, JSON.parseObject(same.getBody()));

        RemotingCommand changed = wire.invoke(MASTER_BROKER.queryDataVersionRequest(FakeBroker.dataVersion(2)));
        assertEquals(0, changed.getCode());
        assertEquals(Map.of("changed", "true"), changed.getExtFields());
        assertEquals(stored, JSON.parseObject(changed.getBody()), "the stored version, not the asked one");

        FakeBroker stranger = new FakeBroker(CLUSTER, "wire-unknown-broker", 0, "127.0.0.1:41951", "", TOPICS, 1);
        RemotingCommand unknown = wire.invoke(stranger.queryDataVersionRequest(stranger.dataVersion()));
        assertEquals(0, unknown.getCode());
        assertEquals(Map.of("changed", "true"), unknown.getExtFields());
        assertNull(unknown.getBody());
    }

    /**
     * apache/rocketmq#10107: a DataVersion counter beyond 2^31 (the report had 2147871249) is read
     * and compared as 64-bit from a plain and a compressed registration and from QUERY_DATA_VERSION;
     * versions equal in their low 32 bits are still different.
     */
    @Test
    void dataVersionCountersBeyondIntAreReadAndComparedAs64Bit() {
        long reported = 2_147_871_249L;
        // topics of their own: the route tests expect TOPIC on one group only
        List<TopicConfig> topics = List.of(new TopicConfig("WireCounterTopic", 1, 1, 6, 0),
            new TopicConfig("WireCounterTopic2", 1, 1, 6, 0));
        FakeBroker plain = new FakeBroker(CLUSTER, "wire-counter-broker", 0, "127.0.0.1:41981", "127.0.0.1:41982",
            topics, reported);
        assertEquals(0, wire.invoke(plain.registerRequest()).getCode());
        assertDataVersionComparedAs64Bit(plain);

        FakeBroker compressed = new FakeBroker(CLUSTER, "wire-counter-broker-z", 0, "127.0.0.1:41991",
            "127.0.0.1:41992", topics, Long.MAX_VALUE - 1);
        RemotingCommand registered = wire.invoke(compressed.compressedRegisterRequest());
        assertEquals(0, registered.getCode(), registered.getRemark());
        assertDataVersionComparedAs64Bit(compressed);
    }

    private void assertDataVersionComparedAs64Bit(FakeBroker broker) {
        RemotingCommand same = wire.invoke(broker.queryDataVersionRequest(broker.dataVersion()));
        assertEquals(Map.of("changed", "false"), same.getExtFields());
        assertEquals(broker.dataVersionCounter(), JSON.parseObject(same.getBody()).getLongValue("counter"));
        RemotingCommand higherBits = wire.invoke(broker.queryDataVersionRequest(
            FakeBroker.dataVersion(broker.dataVersionCounter() ^ (1L << 40))));
        assertEquals(Map.of("changed", "true"), higherBits.getExtFields());
    }

    /**
     * apache/rocketmq#10425: a broker with {@code enableSplitRegistration} sends its topics in
     * batches. 5.5.1 gives each batch a new DataVersion (5.3.4-5.5.0 gave all batches one, so a
     * name server took later batches for unchanged and skipped their updates). Every batch with a
     * new version is applied: new topics and changed topics, in the first batch and the later ones.
     */
    @Test
    void splitRegistrationBatchesWithTheirOwnDataVersionsAreAllApplied() {
        String name = "wire-split-broker";
        String addr = "127.0.0.1:41961";
        List<TopicConfig> first = List.of(new TopicConfig("WireSplit1", 4, 4, 6, 0),
            new TopicConfig("WireSplit2", 4, 4, 6, 0));
        List<TopicConfig> second = List.of(new TopicConfig("WireSplit3", 4, 4, 6, 0),
            new TopicConfig("WireSplit4", 4, 4, 6, 0));
        long counter = 100;
        for (List<TopicConfig> batch : List.of(first, second)) {
            FakeBroker b = new FakeBroker(CLUSTER, name, 0, addr, "127.0.0.1:41962", batch, ++counter);
            assertEquals(0, wire.invoke(b.registerRequest()).getCode());
        }
        for (String topic : List.of("WireSplit1", "WireSplit2", "WireSplit3", "WireSplit4")) {
            assertEquals(0, route(topic, MQVersion.CURRENT_VERSION, false).getCode(), topic);
        }

        // the next round: one topic changed in each batch
        List<TopicConfig> firstChanged = List.of(new TopicConfig("WireSplit1", 4, 4, 4, 0),
            new TopicConfig("WireSplit2", 4, 4, 6, 0));
        List<TopicConfig> secondChanged = List.of(new TopicConfig("WireSplit3", 8, 8, 6, 0),
            new TopicConfig("WireSplit4", 4, 4, 6, 0));
        for (List<TopicConfig> batch : List.of(firstChanged, secondChanged)) {
            FakeBroker b = new FakeBroker(CLUSTER, name, 0, addr, "127.0.0.1:41962", batch, ++counter);
            assertEquals(0, wire.invoke(b.registerRequest()).getCode());
        }
        JSONObject queue1 = lenient(route("WireSplit1", MQVersion.CURRENT_VERSION, false).getBody())
            .getJSONArray("queueDatas").getJSONObject(0);
        assertEquals(4, queue1.getIntValue("perm"), "the first batch's change");
        JSONObject queue3 = lenient(route("WireSplit3", MQVersion.CURRENT_VERSION, false).getBody())
            .getJSONArray("queueDatas").getJSONObject(0);
        assertEquals(8, queue3.getIntValue("writeQueueNums"), "the second batch's change");
        assertEquals(6, lenient(route("WireSplit2", MQVersion.CURRENT_VERSION, false).getBody())
            .getJSONArray("queueDatas").getJSONObject(0).getIntValue("perm"), "a batch does not remove the other's topics");
    }

    @Test
    void brokerMemberGroupListsTheGroupWithUnquotedIds() {
        RemotingCommand response = wire.invoke(memberGroupRequest());
        assertEquals(0, response.getCode());
        String body = new String(response.getBody(), StandardCharsets.UTF_8);
        assertTrue(body.contains("{0:\"" + MASTER + "\",1:\"" + SLAVE + "\"}"), body);
        JSONObject group = lenient(response.getBody()).getJSONObject("brokerMemberGroup");
        assertEquals(CLUSTER, group.getString("cluster"));
        assertEquals(BROKER, group.getString("brokerName"));
        assertEquals(Map.of("0", MASTER, "1", SLAVE), group.getJSONObject("brokerAddrs"));
        assertMemberGroupRemark(response.getRemark());
    }

    /** Apache keeps the placeholder remark on this answer; ours sends none (decisions.md). */
    protected abstract void assertMemberGroupRemark(String remark);

    @Test
    void brokerHeartbeatIsAcknowledged() {
        assertEquals(0, wire.invoke(MASTER_BROKER.heartbeatRequest()).getCode());
    }

    // ---------------------------------------------------------------- route encodings

    @Test
    void routeForAClientBelow401HasUnquotedNumericKeys() {
        RemotingCommand response = route(TOPIC, 399, false);
        assertEquals(0, response.getCode());
        assertEquals(ROUTE_LEGACY_JSON, new String(response.getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void routeForACurrentClientOrOneAskingForStandardJsonIsStandardJson() {
        RemotingCommand current = route(TOPIC, MQVersion.CURRENT_VERSION, false);
        assertEquals(0, current.getCode());
        assertEquals(ROUTE_STANDARD_JSON, new String(current.getBody(), StandardCharsets.UTF_8));

        RemotingCommand asked = route(TOPIC, 399, true);
        assertEquals(ROUTE_STANDARD_JSON, new String(asked.getBody(), StandardCharsets.UTF_8));
        assertEquals(lenient(ROUTE_LEGACY_JSON.getBytes(StandardCharsets.UTF_8)), JSON.parseObject(asked.getBody()));
    }

    /** Two groups: the order of brokerDatas and queueDatas is unspecified, so compare them as sets. */
    @Test
    void routeOfATopicOnTwoGroupsHasBothGroupsInSomeOrder() {
        FakeBroker other = new FakeBroker(CLUSTER, "wire-broker-b", 0, "127.0.0.1:41961", "127.0.0.1:41962",
            List.of(new TopicConfig("WireSharedTopic", 2, 2, 4, 0), new TopicConfig("WireOtherTopic", 1, 1, 6, 0)), 1);
        FakeBroker master = new FakeBroker(CLUSTER, BROKER, 0, MASTER, MASTER_HA,
            List.of(TOPICS.get(0), TOPICS.get(1), new TopicConfig("WireSharedTopic", 8, 8, 6, 0)), 2);
        assertEquals(0, wire.invoke(other.registerRequest()).getCode());
        assertEquals(0, wire.invoke(master.registerRequest()).getCode());

        JSONObject route = JSON.parseObject(route("WireSharedTopic", MQVersion.CURRENT_VERSION, false).getBody());
        assertEquals(Set.of("brokerDatas", "filterServerTable", "queueDatas"), route.keySet());
        assertEquals(Set.of(
                JSON.parseObject("{\"brokerName\":\"" + BROKER + "\",\"perm\":6,\"readQueueNums\":8,"
                    + "\"topicSysFlag\":0,\"writeQueueNums\":8}"),
                JSON.parseObject("{\"brokerName\":\"wire-broker-b\",\"perm\":4,\"readQueueNums\":2,"
                    + "\"topicSysFlag\":0,\"writeQueueNums\":2}")),
            asSet(route.getJSONArray("queueDatas")));
        assertEquals(Set.of(
                JSON.parseObject("{\"brokerAddrs\":{\"0\":\"" + MASTER + "\",\"1\":\"" + SLAVE + "\"},\"brokerName\":\""
                    + BROKER + "\",\"cluster\":\"" + CLUSTER + "\",\"enableActingMaster\":false}"),
                JSON.parseObject("{\"brokerAddrs\":{\"0\":\"127.0.0.1:41961\"},\"brokerName\":\"wire-broker-b\","
                    + "\"cluster\":\"" + CLUSTER + "\",\"enableActingMaster\":false}")),
            asSet(route.getJSONArray("brokerDatas")));
    }

    @Test
    void clusterInfoAlwaysHasUnquotedNumericKeys() {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null);
        request.setVersion(MQVersion.CURRENT_VERSION);
        RemotingCommand response = wire.invoke(request);
        assertEquals(0, response.getCode());
        String body = new String(response.getBody(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"brokerAddrs\":{0:\"" + MASTER + "\",1:\"" + SLAVE + "\"}"), body);
    }

    // ---------------------------------------------------------------- serialization and headers

    @Test
    void aRocketMqSerializedRequestGetsAJsonResponse() {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(TOPIC);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
        request.setVersion(MQVersion.CURRENT_VERSION);
        request.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        RemotingCommand response = wire.invoke(request);
        assertEquals(0, response.getCode());
        assertEquals(SerializeType.JSON, response.getSerializeTypeCurrentRPC());
        assertEquals(ROUTE_STANDARD_JSON, new String(response.getBody(), StandardCharsets.UTF_8));
    }

    @Test
    void kvMissCarriesAnEmptyExtFieldsObjectAndAHitCarriesTheValue() {
        try (RawFrameSocket socket = new RawFrameSocket(namesrv.port())) {
            RawFrameSocket.Frame miss = socket.exchange(getKvHeader(1, "WireNamespace", "missing"), null);
            assertEquals(0, miss.serializeType());
            JSONObject header = miss.headerJson();
            assertEquals(22, header.getIntValue("code"));
            assertEquals(1, header.getIntValue("flag"), "response flag");
            assertEquals(1, header.getIntValue("opaque"));
            assertEquals("No config item, Namespace: WireNamespace Key: missing", header.getString("remark"));
            assertTrue(header.containsKey("extFields"), miss.headerText());
            assertEquals(Map.of(), header.getJSONObject("extFields"));

            assertEquals(0, wire.invoke(putKv("WireNamespace", "present", "v-1")).getCode());
            RawFrameSocket.Frame hit = socket.exchange(getKvHeader(2, "WireNamespace", "present"), null);
            JSONObject hitHeader = hit.headerJson();
            assertEquals(0, hitHeader.getIntValue("code"));
            assertEquals(2, hitHeader.getIntValue("opaque"));
            assertEquals(Map.of("value", "v-1"), hitHeader.getJSONObject("extFields"));
            assertEquals(0, hit.body().length);
        }
    }

    @Test
    void topicsOfAnUnknownClusterIsAnEmptyList() {
        GetTopicsByClusterRequestHeader header = new GetTopicsByClusterRequestHeader();
        header.setCluster("NoSuchWireCluster");
        RemotingCommand response = wire.invoke(
            RemotingCommand.createRequestCommand(RequestCode.GET_TOPICS_BY_CLUSTER, header));
        assertEquals(0, response.getCode());
        assertEquals("{\"topicList\":[]}", new String(response.getBody(), StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- helpers

    private RemotingCommand route(String topic, int version, boolean standardJsonOnly) {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        if (standardJsonOnly) {
            header.setAcceptStandardJsonOnly(true);
        }
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
        request.setVersion(version);
        return wire.invoke(request);
    }

    private ClusterInfo clusterInfo() {
        RemotingCommand response = wire.invoke(
            RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null));
        assertEquals(0, response.getCode());
        return ClusterInfo.decode(response.getBody(), ClusterInfo.class);
    }

    private static RemotingCommand memberGroupRequest() {
        GetBrokerMemberGroupRequestHeader header = new GetBrokerMemberGroupRequestHeader();
        header.setClusterName(CLUSTER);
        header.setBrokerName(BROKER);
        return RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_MEMBER_GROUP, header);
    }

    private static RemotingCommand putKv(String namespace, String key, String value) {
        PutKVConfigRequestHeader header = new PutKVConfigRequestHeader();
        header.setNamespace(namespace);
        header.setKey(key);
        header.setValue(value);
        return RemotingCommand.createRequestCommand(RequestCode.PUT_KV_CONFIG, header);
    }

    private static RemotingCommand deleteKv(String namespace, String key) {
        DeleteKVConfigRequestHeader header = new DeleteKVConfigRequestHeader();
        header.setNamespace(namespace);
        header.setKey(key);
        return RemotingCommand.createRequestCommand(RequestCode.DELETE_KV_CONFIG, header);
    }

    private static JSONObject getKvHeader(int opaque, String namespace, String key) {
        JSONObject header = new JSONObject();
        header.put("code", RequestCode.GET_KV_CONFIG);
        header.put("extFields", Map.of("namespace", namespace, "key", key));
        header.put("flag", 0);
        header.put("language", "JAVA");
        header.put("opaque", opaque);
        header.put("serializeTypeCurrentRPC", "JSON");
        header.put("version", MQVersion.CURRENT_VERSION);
        return header;
    }

    /** Parses JSON that may have unquoted (numeric) keys, as Apache's non-standard bodies do. */
    private static JSONObject lenient(byte[] body) {
        return JSON.parseObject(new String(body, StandardCharsets.UTF_8), JSONReader.Feature.AllowUnQuotedFieldNames);
    }

    private static Set<Object> asSet(JSONArray array) {
        Set<Object> set = new HashSet<>(array);
        assertEquals(array.size(), set.size(), "no duplicates: " + array);
        return set;
    }
}
