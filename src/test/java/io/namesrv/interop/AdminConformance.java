package io.namesrv.interop;

import static io.namesrv.interop.ConformanceFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.interop.support.ApacheWireClient;
import io.namesrv.interop.support.NameServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.KVTable;
import org.apache.rocketmq.remoting.protocol.body.TopicList;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What an operator sees through Apache's {@link DefaultMQAdminExt}, asserted the same way for
 * Apache's name server and ours: one suite, two servers, so a test cannot encode a misreading of
 * Apache. Subclasses only say which server to start and hold the documented differences.
 * Tests that change state put it back; deleting a topic runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AdminConformance {

    private static final long TIMEOUT_MILLIS = 5_000;
    private static final String ORDER_NAMESPACE = "ORDER_TOPIC_CONFIG";

    protected NameServerProcess namesrv;
    protected DefaultMQAdminExt admin;
    protected ApacheWireClient wire;

    /** Starts the name server under test (default config from {@link NameServerProcess}). */
    protected abstract NameServerProcess startNameServer();

    @BeforeAll
    void startServerAndRegisterBrokers() throws Exception {
        namesrv = startNameServer();
        wire = new ApacheWireClient(namesrv.address());
        registerAll(wire);
        admin = new DefaultMQAdminExt(TIMEOUT_MILLIS);
        admin.setNamesrvAddr(namesrv.address());
        admin.setInstanceName(getClass().getSimpleName() + "-admin");
        admin.start();
    }

    @AfterAll
    void stopAll() {
        try {
            if (admin != null) {
                admin.shutdown();
            }
            if (wire != null) {
                wire.close();
            }
        } finally {
            if (namesrv != null) {
                namesrv.close();
            }
        }
    }

    protected MQClientAPIImpl clientApi() {
        return admin.getDefaultMQAdminExtImpl().getMqClientInstance().getMQClientAPIImpl();
    }

    protected List<String> namesrvList() {
        return List.of(namesrv.address());
    }

    // ---------------------------------------------------------------- cluster and routes

    @Test
    void clusterInfoListsEveryGroupWithItsAddressesAndClusters() throws Exception {
        ClusterInfo info = admin.examineBrokerClusterInfo();

        assertEquals(Map.of(CLUSTER, Set.of(BROKER_A, BROKER_B), OTHER_CLUSTER, Set.of(BROKER_C)),
            info.getClusterAddrTable());
        assertEquals(Set.of(BROKER_A, BROKER_B, BROKER_C), info.getBrokerAddrTable().keySet());
        BrokerData a = info.getBrokerAddrTable().get(BROKER_A);
        assertEquals(CLUSTER, a.getCluster());
        assertEquals(BROKER_A, a.getBrokerName());
        assertEquals(Map.of(0L, A_MASTER, 1L, A_SLAVE), a.getBrokerAddrs());
        assertEquals(Map.of(0L, B_MASTER), info.getBrokerAddrTable().get(BROKER_B).getBrokerAddrs());
        assertEquals(OTHER_CLUSTER, info.getBrokerAddrTable().get(BROKER_C).getCluster());
        assertEquals(Map.of(0L, C_MASTER), info.getBrokerAddrTable().get(BROKER_C).getBrokerAddrs());
    }

    @Test
    void routeOfATopicOnTwoGroupsHasBothQueueDatasAndBothBrokerDatas() throws Exception {
        TopicRouteData route = admin.examineTopicRouteInfo(TOPIC_SHARED);

        Map<String, QueueData> queues = byName(route.getQueueDatas(), QueueData::getBrokerName);
        assertEquals(Set.of(BROKER_A, BROKER_B), queues.keySet());
        assertQueue(queues.get(BROKER_A), 4, 4, PERM_READ_WRITE, 0);
        assertQueue(queues.get(BROKER_B), 2, 2, PERM_READ_WRITE, 0);
        Map<String, BrokerData> brokers = byName(route.getBrokerDatas(), BrokerData::getBrokerName);
        assertEquals(Set.of(BROKER_A, BROKER_B), brokers.keySet());
        assertEquals(Map.of(0L, A_MASTER, 1L, A_SLAVE), brokers.get(BROKER_A).getBrokerAddrs());
        assertEquals(CLUSTER, brokers.get(BROKER_A).getCluster());
        assertEquals(Map.of(0L, B_MASTER), brokers.get(BROKER_B).getBrokerAddrs());
        assertEquals(Map.of(), route.getFilterServerTable());
        assertNull(route.getOrderTopicConf());
    }

    @Test
    void routeKeepsQueueCountsPermAndSysFlagAsRegistered() throws Exception {
        TopicRouteData readOnly = admin.examineTopicRouteInfo(TOPIC_B);
        assertEquals(1, readOnly.getQueueDatas().size());
        assertQueue(readOnly.getQueueDatas().get(0), 3, 2, PERM_READ, 0);
        assertEquals(List.of(BROKER_B), readOnly.getBrokerDatas().stream().map(BrokerData::getBrokerName).toList());

        TopicRouteData unit = admin.examineTopicRouteInfo(UNIT_BOTH_TOPIC);
        assertQueue(unit.getQueueDatas().get(0), 2, 2, PERM_READ_WRITE, 3);
    }

    @Test
    void routeOfAnUnknownTopicIsTopicNotExistWithApachesRemark() {
        ClientFailure failure = ClientFailure.of(() -> admin.examineTopicRouteInfo("NoSuchConformTopic"));
        assertEquals(17, failure.code());
        assertEquals("No topic route info in name server for the topic: NoSuchConformTopic\n"
            + "See https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.", failure.remark());
    }

    // ---------------------------------------------------------------- topic lists

    @Test
    void allTopicListHasEveryRegisteredTopic() throws Exception {
        assertEquals(ALL_TOPICS, admin.fetchAllTopicList().getTopicList());
    }

    @Test
    void topicsByClusterHasOnlyThatClustersTopics() throws Exception {
        assertEquals(CLUSTER_TOPICS, admin.fetchTopicsByCLuster(CLUSTER).getTopicList());
        assertEquals(Set.of(TOPIC_C, TOPIC_DOOMED), admin.fetchTopicsByCLuster(OTHER_CLUSTER).getTopicList());
    }

    /** Apache 5.3.3 catches the NullPointerException inside the lookup and answers an empty list. */
    @Test
    void topicsByUnknownClusterIsAnEmptyList() throws Exception {
        assertEquals(Set.of(), admin.fetchTopicsByCLuster("NoSuchConformCluster").getTopicList());
    }

    /**
     * Sent raw: Apache's client call for it goes on to ask the broker at {@code brokerAddr} too,
     * and the fixture's brokers do not exist.
     */
    @Test
    void systemTopicListIsClusterAndBrokerNamesWithABrokerAddress() {
        RemotingCommand response = wire.invoke(
            RemotingCommand.createRequestCommand(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS, null));
        assertEquals(0, response.getCode());
        TopicList list = TopicList.decode(response.getBody(), TopicList.class);
        assertEquals(Set.of(CLUSTER, OTHER_CLUSTER, BROKER_A, BROKER_B, BROKER_C), list.getTopicList());
        // "the first address of the first group": which group is first is hash order in Apache
        assertTrue(ALL_ADDRESSES.contains(list.getBrokerAddr()), list.getBrokerAddr());
    }

    @Test
    void unitTopicListsFollowTheSysFlagBits() throws Exception {
        assertEquals(Set.of(UNIT_TOPIC, UNIT_BOTH_TOPIC), clientApi().getUnitTopicList(false, TIMEOUT_MILLIS).getTopicList());
        assertEquals(Set.of(UNIT_SUB_TOPIC, UNIT_BOTH_TOPIC),
            clientApi().getHasUnitSubTopicList(false, TIMEOUT_MILLIS).getTopicList());
        assertEquals(Set.of(UNIT_SUB_TOPIC),
            clientApi().getHasUnitSubUnUnitTopicList(false, TIMEOUT_MILLIS).getTopicList());
    }

    // ---------------------------------------------------------------- write permission

    @Test
    @Order(100)
    void wipeAndAddWritePermChangeOnlyThatGroupsQueues() throws Exception {
        try {
            assertEquals(TOPICS_A.size(), admin.wipeWritePermOfBroker(namesrv.address(), BROKER_A));
            Map<String, QueueData> shared = byName(admin.examineTopicRouteInfo(TOPIC_SHARED).getQueueDatas(),
                QueueData::getBrokerName);
            assertEquals(PERM_READ, shared.get(BROKER_A).getPerm());
            assertEquals(PERM_READ_WRITE, shared.get(BROKER_B).getPerm());
            assertEquals(PERM_READ, admin.examineTopicRouteInfo(TOPIC_A).getQueueDatas().get(0).getPerm());
        } finally {
            assertEquals(TOPICS_A.size(), admin.addWritePermOfBroker(namesrv.address(), BROKER_A));
        }
        assertEquals(PERM_READ_WRITE, admin.examineTopicRouteInfo(TOPIC_A).getQueueDatas().get(0).getPerm());
        assertQueue(admin.examineTopicRouteInfo(UNIT_TOPIC).getQueueDatas().get(0), 2, 2, PERM_READ_WRITE, 1);
    }

    @Test
    void wipeWritePermOfAnUnknownGroupTouchesNothing() throws Exception {
        assertEquals(0, admin.wipeWritePermOfBroker(namesrv.address(), "no-such-conform-broker"));
        assertEquals(0, admin.addWritePermOfBroker(namesrv.address(), "no-such-conform-broker"));
    }

    // ---------------------------------------------------------------- KV config

    @Test
    void kvConfigPutGetListDeleteAndPersist() throws Exception {
        String ns = "ConformNamespace";
        admin.createAndUpdateKvConfig(ns, "k1", "v1");
        admin.createAndUpdateKvConfig(ns, "k2", "v2");
        admin.createAndUpdateKvConfig(ns, "k1", "v1-updated");

        assertEquals("v1-updated", admin.getKVConfig(ns, "k1"));
        assertEquals("v2", admin.getKVConfig(ns, "k2"));
        KVTable table = admin.getKVListByNamespace(ns);
        assertEquals(Map.of("k1", "v1-updated", "k2", "v2"), table.getTable());
        // both servers persist synchronously, in Apache's file format
        JSONObject file = JSON.parseObject(Files.readString(namesrv.kvConfigPath(), StandardCharsets.UTF_8));
        assertEquals(Map.of("k1", "v1-updated", "k2", "v2"), file.getJSONObject("configTable").getJSONObject(ns));

        admin.deleteKvConfig(ns, "k2");
        ClientFailure miss = ClientFailure.of(() -> admin.getKVConfig(ns, "k2"));
        assertEquals(22, miss.code());
        assertEquals("No config item, Namespace: " + ns + " Key: k2", miss.remark());
        assertEquals(Map.of("k1", "v1-updated"), admin.getKVListByNamespace(ns).getTable());

        admin.deleteKvConfig(ns, "k1");
        admin.deleteKvConfig(ns, "never-there");
        // a namespace emptied by deletes stays, empty; one never written is not found
        assertEquals(Map.of(), admin.getKVListByNamespace(ns).getTable());
        ClientFailure unknownNamespace = ClientFailure.of(() -> admin.getKVListByNamespace("NeverConformNamespace"));
        assertEquals(22, unknownNamespace.code());
        assertEquals("No config item, Namespace: NeverConformNamespace", unknownNamespace.remark());
    }

    @Test
    void orderConfIsAKvEntryAndReachesTheRouteOnlyWhenOrderMessagesAreEnabled() throws Exception {
        String conf = BROKER_A + ":4;" + BROKER_B + ":2";
        admin.createOrUpdateOrderConf(TOPIC_SHARED, conf, true);
        try {
            assertEquals(conf, admin.getKVConfig(ORDER_NAMESPACE, TOPIC_SHARED));
            assertNull(admin.examineTopicRouteInfo(TOPIC_SHARED).getOrderTopicConf());

            updateConfig("orderMessageEnable", "true");
            assertEquals("true", config().getProperty("orderMessageEnable"));
            assertEquals(conf, admin.examineTopicRouteInfo(TOPIC_SHARED).getOrderTopicConf());
            assertNull(admin.examineTopicRouteInfo(TOPIC_A).getOrderTopicConf());
        } finally {
            updateConfig("orderMessageEnable", "false");
            admin.deleteKvConfig(ORDER_NAMESPACE, TOPIC_SHARED);
        }
        assertNull(admin.examineTopicRouteInfo(TOPIC_SHARED).getOrderTopicConf());
        assertEquals(22, ClientFailure.of(() -> admin.getKVConfig(ORDER_NAMESPACE, TOPIC_SHARED)).code());
    }

    // ---------------------------------------------------------------- name-server config

    @Test
    void configHasTheStartupValuesAndTheDefaults() throws Exception {
        Properties config = config();
        assertEquals(Integer.toString(namesrv.port()), config.getProperty("listenPort"));
        assertEquals(namesrv.kvConfigPath().toString(), config.getProperty("kvConfigPath"));
        assertEquals("5000", config.getProperty("scanNotActiveBrokerInterval"));
        assertEquals("127.0.0.1", config.getProperty("bindAddress"));
        assertEquals("true", config.getProperty("enableAllTopicList"));
        assertEquals("true", config.getProperty("enableTopicList"));
        assertEquals("false", config.getProperty("clusterTest"));
    }

    @Test
    void updatingATunableSwitchTakesEffectAtOnce() throws Exception {
        updateConfig("enableAllTopicList", "false");
        try {
            assertEquals("false", config().getProperty("enableAllTopicList"));
            ClientFailure disabled = ClientFailure.of(() -> admin.fetchAllTopicList());
            assertEquals(1, disabled.code());
            assertEquals("disable", disabled.remark());
        } finally {
            updateConfig("enableAllTopicList", "true");
        }
        assertEquals(ALL_TOPICS, admin.fetchAllTopicList().getTopicList());
    }

    /** Both refuse the CVE-2023-37582 path keys; the remarks differ (see the subclasses). */
    @Test
    void updatingKvConfigPathIsRefusedWithNoPermission() throws Exception {
        ClientFailure refused = refusedUpdate("kvConfigPath", namesrv.dir().resolve("elsewhere.json").toString());
        assertEquals(16, refused.code());
        assertKvConfigPathRefusalRemark(refused.remark());
        assertEquals(namesrv.kvConfigPath().toString(), config().getProperty("kvConfigPath"));
    }

    /** The remark of a refused {@code kvConfigPath} update, which is server-specific. */
    protected abstract void assertKvConfigPathRefusalRemark(String remark);

    protected Properties config() throws Exception {
        Map<String, Properties> all = admin.getNameServerConfig(namesrvList());
        assertEquals(Set.of(namesrv.address()), all.keySet());
        return all.get(namesrv.address());
    }

    protected void updateConfig(String key, String value) throws Exception {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        admin.updateNameServerConfig(properties, namesrvList());
    }

    protected ClientFailure refusedUpdate(String key, String value) {
        return ClientFailure.of(() -> updateConfig(key, value));
    }

    // ---------------------------------------------------------------- delete topic (last: it removes state)

    @Test
    @Order(Integer.MAX_VALUE)
    void deleteTopicByClusterKeepsOtherClustersQueuesAndWithoutClusterRemovesIt() throws Exception {
        admin.deleteTopicInNameServer(Set.of(namesrv.address()), CLUSTER, TOPIC_DOOMED);
        TopicRouteData left = admin.examineTopicRouteInfo(TOPIC_DOOMED);
        assertEquals(List.of(BROKER_C), left.getQueueDatas().stream().map(QueueData::getBrokerName).toList());
        assertQueue(left.getQueueDatas().get(0), 2, 2, PERM_READ_WRITE, 0);
        assertEquals(List.of(BROKER_C), left.getBrokerDatas().stream().map(BrokerData::getBrokerName).toList());
        assertEquals(Set.of(TOPIC_C, TOPIC_DOOMED), admin.fetchTopicsByCLuster(OTHER_CLUSTER).getTopicList());
        Set<String> clusterTopics = new HashSet<>(CLUSTER_TOPICS);
        clusterTopics.remove(TOPIC_DOOMED);
        assertEquals(clusterTopics, admin.fetchTopicsByCLuster(CLUSTER).getTopicList());

        admin.deleteTopicInNameServer(Set.of(namesrv.address()), TOPIC_DOOMED);
        assertEquals(17, ClientFailure.of(() -> admin.examineTopicRouteInfo(TOPIC_DOOMED)).code());
        Set<String> remaining = new HashSet<>(ALL_TOPICS);
        remaining.remove(TOPIC_DOOMED);
        assertEquals(remaining, admin.fetchAllTopicList().getTopicList());
        // the groups stay: deleting a topic is not unregistering a broker
        assertEquals(Set.of(BROKER_A, BROKER_B, BROKER_C), admin.examineBrokerClusterInfo().getBrokerAddrTable().keySet());
    }

    // ---------------------------------------------------------------- helpers

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = items.stream().collect(Collectors.toMap(name, Function.identity()));
        assertEquals(items.size(), map.size(), "one entry per broker name: " + items);
        return map;
    }

    private static void assertQueue(QueueData queue, int read, int write, int perm, int sysFlag) {
        assertEquals(read, queue.getReadQueueNums(), "readQueueNums of " + queue);
        assertEquals(write, queue.getWriteQueueNums(), "writeQueueNums of " + queue);
        assertEquals(perm, queue.getPerm(), "perm of " + queue);
        assertEquals(sysFlag, queue.getTopicSysFlag(), "topicSysFlag of " + queue);
    }
}
