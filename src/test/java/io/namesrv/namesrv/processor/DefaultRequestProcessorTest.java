package io.namesrv.namesrv.processor;

import static io.namesrv.namesrv.processor.ProcessorFixture.CLUSTER;
import static io.namesrv.namesrv.processor.ProcessorFixture.crc32;
import static io.namesrv.namesrv.processor.ProcessorFixture.registerHeader;
import static io.namesrv.namesrv.processor.ProcessorFixture.request;
import static io.namesrv.namesrv.processor.ProcessorFixture.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.namesrv.routeinfo.RegisterBrokerResult;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.GetBrokerMemberGroupResponseBody;
import io.namesrv.protocol.KVTable;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.TopicList;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.AddWritePermOfBrokerRequestHeader;
import io.namesrv.protocol.header.BrokerHeartbeatRequestHeader;
import io.namesrv.protocol.header.DeleteKVConfigRequestHeader;
import io.namesrv.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.namesrv.protocol.header.GetBrokerMemberGroupRequestHeader;
import io.namesrv.protocol.header.GetKVConfigRequestHeader;
import io.namesrv.protocol.header.GetKVListByNamespaceRequestHeader;
import io.namesrv.protocol.header.GetTopicsByClusterRequestHeader;
import io.namesrv.protocol.header.PutKVConfigRequestHeader;
import io.namesrv.protocol.header.QueryDataVersionRequestHeader;
import io.namesrv.protocol.header.RegisterBrokerRequestHeader;
import io.namesrv.protocol.header.RegisterTopicRequestHeader;
import io.namesrv.protocol.header.UnRegisterBrokerRequestHeader;
import io.namesrv.protocol.header.WipeWritePermOfBrokerRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultRequestProcessorTest {

    private static final String A = "broker-a";
    private static final String A0 = "10.0.0.1:10911";
    private static final String A1 = "10.0.0.2:10911";
    private static final String B = "broker-b";
    private static final String B0 = "10.0.0.4:10911";

    @TempDir
    Path dir;

    private ProcessorFixture f;
    private DefaultRequestProcessor processor;

    @BeforeEach
    void setUp() throws Exception {
        f = new ProcessorFixture(dir);
        processor = f.defaultProcessor();
    }

    @AfterEach
    void tearDown() {
        f.channel.finishAndReleaseAll();
    }

    private RemotingCommand call(RemotingCommand request) throws Exception {
        RemotingCommand response = processor.processRequest(f.channel, request);
        assertTrue(response.isResponse());
        return response;
    }

    private static void assertAnswer(int code, String remark, RemotingCommand response) {
        assertEquals(code, response.getCode(), () -> "remark: " + response.getRemark());
        assertEquals(remark, response.getRemark());
    }

    private <T> T body(RemotingCommand response, Class<T> type) {
        assertNotNull(response.getBody(), "body expected");
        return f.json.decode(response.getBody(), type);
    }

    private static String text(RemotingCommand response) {
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    private void registerMasterA(String... topics) throws Exception {
        assertAnswer(ResponseCode.SUCCESS, null, call(f.registration(A, A0, 0, 1, topics)));
    }

    // ------------------------------------------------------------ KV config: 100, 101, 102, 219

    @Test
    void putGetDeleteKvConfig() throws Exception {
        RemotingCommand put = call(request(RequestCode.PUT_KV_CONFIG, new PutKVConfigRequestHeader("ns", "k", "v")));
        assertAnswer(ResponseCode.SUCCESS, null, put);
        assertNull(put.getExtFields(), "no response header class: no extFields");
        assertTrue(Files.readString(Path.of(f.config.getKvConfigPath())).contains("\"k\""), "persisted at once");

        RemotingCommand got = call(request(RequestCode.GET_KV_CONFIG, new GetKVConfigRequestHeader("ns", "k")));
        assertAnswer(ResponseCode.SUCCESS, null, got);
        assertEquals(Map.of("value", "v"), got.getExtFields());

        RemotingCommand deleted = call(request(RequestCode.DELETE_KV_CONFIG, new DeleteKVConfigRequestHeader("ns", "k")));
        assertAnswer(ResponseCode.SUCCESS, null, deleted);
        assertNull(deleted.getExtFields());

        RemotingCommand miss = call(request(RequestCode.GET_KV_CONFIG, new GetKVConfigRequestHeader("ns", "k")));
        assertAnswer(ResponseCode.QUERY_NOT_FOUND, "No config item, Namespace: ns Key: k", miss);
        assertEquals(Map.of(), miss.getExtFields(), "a miss still carries \"extFields\":{}");

        assertAnswer(ResponseCode.SUCCESS, null,
            call(request(RequestCode.DELETE_KV_CONFIG, new DeleteKVConfigRequestHeader("ns", "absent"))));
    }

    @Test
    void putWithoutNamespaceOrKeyFails() throws Exception {
        assertAnswer(ResponseCode.SYSTEM_ERROR, "namespace or key is null",
            call(request(RequestCode.PUT_KV_CONFIG, new PutKVConfigRequestHeader(null, "k", "v"))));
        assertAnswer(ResponseCode.SYSTEM_ERROR, "namespace or key is null",
            call(request(RequestCode.PUT_KV_CONFIG, new PutKVConfigRequestHeader("ns", null, "v"))));
        assertAnswer(ResponseCode.SYSTEM_ERROR, "namespace or key is null", call(request(RequestCode.PUT_KV_CONFIG, null)));
    }

    @Test
    void kvListByNamespace() throws Exception {
        f.kv.putKVConfig("ns", "k1", "v1");
        f.kv.putKVConfig("ns", "k2", "v2");
        RemotingCommand list = call(request(RequestCode.GET_KVLIST_BY_NAMESPACE, new GetKVListByNamespaceRequestHeader("ns")));
        assertAnswer(ResponseCode.SUCCESS, null, list);
        assertEquals(new KVTable(Map.of("k1", "v1", "k2", "v2")), body(list, KVTable.class));

        RemotingCommand miss = call(request(RequestCode.GET_KVLIST_BY_NAMESPACE, new GetKVListByNamespaceRequestHeader("x")));
        assertAnswer(ResponseCode.QUERY_NOT_FOUND, "No config item, Namespace: x", miss);
        assertNull(miss.getBody());
    }

    // ------------------------------------------------------------ 103 REGISTER_BROKER

    @Test
    void registerMasterAndSlaveWithJsonBody() throws Exception {
        RemotingCommand master = call(f.registration(A, A0, 0, 1, "T1", "T2"));
        assertAnswer(ResponseCode.SUCCESS, null, master);
        assertEquals(Map.of(), master.getExtFields(), "header class with all-null fields: extFields {}");
        assertNull(master.getBody(), "no ORDER_TOPIC_CONFIG namespace: no body");

        RemotingCommand slave = call(f.registration(A, A1, 1, 1));
        assertAnswer(ResponseCode.SUCCESS, null, slave);
        assertEquals(Map.of("haServerAddr", "ha-" + A0, "masterAddr", A0), slave.getExtFields());

        TopicRouteData route = f.routes.pickupTopicRouteData("T1");
        assertEquals(Map.of(0L, A0, 1L, A1), route.brokerDatas().get(0).brokerAddrs());
    }

    @Test
    void registrationAnswersTheOrderTopicTableWhenEnabled() throws Exception {
        f.kv.putKVConfig("ORDER_TOPIC_CONFIG", "T1", "broker-a:4");
        RemotingCommand response = call(f.registration(A, A0, 0, 1, "T1", "T2"));
        assertEquals(new KVTable(Map.of("T1", "broker-a:4")), body(response, KVTable.class));

        f.config.setReturnOrderTopicConfigToBroker(false);
        assertNull(call(f.registration(A, A0, 0, 1, "T1", "T2")).getBody());
    }

    @Test
    void registerWithCompressedBody() throws Exception {
        byte[] body = f.codec.encodeCompressed(new RegisterBrokerBody(wrapper(1, "Z1", "Z2"), new ArrayList<>()));
        RemotingCommand response = call(request(RequestCode.REGISTER_BROKER, registerHeader(A, A0, 0, true, crc32(body)))
            .setBody(body));
        assertAnswer(ResponseCode.SUCCESS, null, response);
        assertNotNull(f.routes.pickupTopicRouteData("Z1"));
        assertNotNull(f.routes.pickupTopicRouteData("Z2"));
    }

    @Test
    void anUnchangedReRegistrationIsAppliedWithoutDecodingItsBody() throws Exception {
        List<BrokerRegistration> applied = new ArrayList<>();
        RouteInfoManager recording = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false)) {
            @Override
            public RegisterBrokerResult registerBroker(BrokerRegistration registration) {
                applied.add(registration);
                return super.registerBroker(registration);
            }
        };
        DefaultRequestProcessor p = new DefaultRequestProcessor(recording, f.kv, f.config, f.configuration, f.json);
        assertEquals(ResponseCode.SUCCESS, p.processRequest(f.channel, f.registration(A, A0, 0, 1, "T1", "T2")).getCode());
        assertFalse(applied.get(0).sameBodyAsBefore());

        // The heartbeat every broker sends every 30 s: the same body under the same data version.
        assertEquals(ResponseCode.SUCCESS, p.processRequest(f.channel, f.registration(A, A0, 0, 1, "T1", "T2")).getCode());
        assertEquals(2, applied.size(), "applied once, without a retry");
        assertTrue(applied.get(1).sameBodyAsBefore(), "recognised by its checksum");
        assertNull(applied.get(1).topicConfigWrapper(), "and its body left undecoded");

        assertEquals(ResponseCode.SUCCESS, p.processRequest(f.channel, f.registration(A, A0, 0, 2, "T1", "T2", "T3"))
            .getCode());
        assertFalse(applied.get(2).sameBodyAsBefore(), "a new body is decoded");
        assertNotNull(recording.pickupTopicRouteData("T3"));
    }

    @Test
    void crc32MismatchIsRefused() throws Exception {
        RemotingCommand good = f.registration(A, A0, 0, 1, "T1", "T2");
        RemotingCommand bad = request(RequestCode.REGISTER_BROKER, registerHeader(A, A0, 0, false, crc32(good.getBody()) + 1))
            .setBody(good.getBody());
        RemotingCommand response = call(bad);
        assertAnswer(ResponseCode.SYSTEM_ERROR, "crc32 not match", response);
        assertEquals(Map.of(), response.getExtFields());
        assertTrue(f.routes.liveBrokers().isEmpty());

        RemotingCommand noBody = call(request(RequestCode.REGISTER_BROKER, registerHeader(A, A0, 0, false, 12345)));
        assertAnswer(ResponseCode.SYSTEM_ERROR, "crc32 not match", noBody);
        assertTrue(f.routes.liveBrokers().isEmpty());
    }

    @Test
    void crc32ZeroIsUnchecked() throws Exception {
        RemotingCommand good = f.registration(A, A0, 0, 1, "T1", "T2");
        assertAnswer(ResponseCode.SUCCESS, null,
            call(request(RequestCode.REGISTER_BROKER, registerHeader(A, A0, 0, false, 0)).setBody(good.getBody())));
        assertNotNull(f.routes.pickupTopicRouteData("T1"));
    }

    @Test
    void oldBrokerSendsABareTopicConfigWrapper() throws Exception {
        byte[] body = f.json.encode(wrapper(1, "Old1", "Old2"));
        RemotingCommand response = call(request(RequestCode.REGISTER_BROKER, registerHeader(A, A0, 0, false, 0))
            .setBody(body).setVersion(36));
        assertAnswer(ResponseCode.SUCCESS, null, response);
        assertNotNull(f.routes.pickupTopicRouteData("Old1"));
    }

    @Test
    void registrationWithoutBodyRegistersAnEmptyBroker() throws Exception {
        assertAnswer(ResponseCode.SUCCESS, null, call(request(RequestCode.REGISTER_BROKER, registerHeader(A, A0, 0, false, 0))));
        assertEquals(new DataVersion(0, 0, 0), f.routes.queryBrokerTopicConfig(CLUSTER, A0));
    }

    @Test
    void registrationWithMissingFieldsFailsAndChangesNothing() throws Exception {
        RegisterBrokerRequestHeader noId = new RegisterBrokerRequestHeader(A, A0, CLUSTER, null, null, null, false, false, 0);
        RemotingCommand response = call(request(RequestCode.REGISTER_BROKER, noId));
        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(response.getRemark().startsWith("register broker failed"), response.getRemark());
        assertEquals(Map.of(), response.getExtFields());

        RegisterBrokerRequestHeader noCluster = new RegisterBrokerRequestHeader(A, A0, null, null, 0L, null, false, false, 0);
        assertEquals(ResponseCode.SYSTEM_ERROR, call(request(RequestCode.REGISTER_BROKER, noCluster)).getCode());
        assertEquals(ResponseCode.SYSTEM_ERROR, call(request(RequestCode.REGISTER_BROKER, null)).getCode());
        assertTrue(f.routes.liveBrokers().isEmpty());
        assertEquals(Map.of(), f.routes.getAllClusterInfo().clusterAddrTable());
    }

    @Test
    void malformedBodyFails() throws Exception {
        byte[] junk = "{not json".getBytes(StandardCharsets.UTF_8);
        RemotingCommand response = call(request(RequestCode.REGISTER_BROKER, registerHeader(A, A0, 0, false, 0)).setBody(junk));
        assertEquals(ResponseCode.SYSTEM_ERROR, response.getCode());
        assertTrue(f.routes.liveBrokers().isEmpty());
    }

    @Test
    void singleTopicBeforeTheFirstFullRegistrationFails() throws Exception {
        RemotingCommand response = call(f.registration(A, A0, 0, 1, "Only"));
        assertAnswer(ResponseCode.SYSTEM_ERROR, "register broker failed", response);
        assertEquals(Map.of(), response.getExtFields());
    }

    @Test
    void zoneNameTravelsAsAnExtField() throws Exception {
        RemotingCommand request = f.registration(A, A0, 0, 1, "T1", "T2");
        request.addExtField("__ZONE_NAME", "zone-1");
        call(request);
        assertEquals("zone-1", f.routes.getAllClusterInfo().brokerAddrTable().get(A).zoneName());
    }

    // ------------------------------------------------------------ 104, 322, 904

    @Test
    void unregisterBroker() throws Exception {
        registerMasterA("T1", "T2");
        RemotingCommand response = call(request(RequestCode.UNREGISTER_BROKER,
            new UnRegisterBrokerRequestHeader(A, A0, CLUSTER, 0L)));
        assertAnswer(ResponseCode.SUCCESS, null, response);
        assertNull(response.getExtFields());
        assertTrue(f.routes.liveBrokers().isEmpty());
        assertNull(f.routes.pickupTopicRouteData("T1"));

        RemotingCommand missing = call(request(RequestCode.UNREGISTER_BROKER, new UnRegisterBrokerRequestHeader(A, null, CLUSTER, 0L)));
        assertEquals(ResponseCode.SYSTEM_ERROR, missing.getCode());
    }

    @Test
    void queryDataVersionAnswersChangedAndTheStoredVersionAndRefreshes() throws Exception {
        registerMasterA("T1", "T2");
        DataVersion stored = wrapper(1).dataVersion();
        long registeredAt = f.routes.liveBrokers().get(0).lastUpdateTimestamp();
        Thread.sleep(2);

        RemotingCommand same = call(request(RequestCode.QUERY_DATA_VERSION, new QueryDataVersionRequestHeader(A, A0, CLUSTER, 0L))
            .setBody(f.json.encode(stored)));
        assertAnswer(ResponseCode.SUCCESS, null, same);
        assertEquals(Map.of("changed", "false"), same.getExtFields());
        assertEquals(stored, body(same, DataVersion.class));
        assertTrue(f.routes.liveBrokers().get(0).lastUpdateTimestamp() > registeredAt, "acts as a heartbeat");

        RemotingCommand newer = call(request(RequestCode.QUERY_DATA_VERSION, new QueryDataVersionRequestHeader(A, A0, CLUSTER, 0L))
            .setBody(f.json.encode(wrapper(2).dataVersion())));
        assertEquals(Map.of("changed", "true"), newer.getExtFields());
        assertEquals(stored, body(newer, DataVersion.class));

        RemotingCommand unknown = call(request(RequestCode.QUERY_DATA_VERSION,
            new QueryDataVersionRequestHeader(B, B0, CLUSTER, 0L)).setBody(f.json.encode(stored)));
        assertEquals(Map.of("changed", "true"), unknown.getExtFields());
        assertNull(unknown.getBody(), "unknown broker: no body");
    }

    @Test
    void brokerHeartbeatRefreshesOnly() throws Exception {
        registerMasterA("T1", "T2");
        long registeredAt = f.routes.liveBrokers().get(0).lastUpdateTimestamp();
        long routeVersion = f.routes.routeVersion();
        Thread.sleep(2);
        RemotingCommand response = call(request(RequestCode.BROKER_HEARTBEAT,
            new BrokerHeartbeatRequestHeader(CLUSTER, A0, A, 0L, null, null, null, null, null)));
        assertAnswer(ResponseCode.SUCCESS, null, response);
        assertNull(response.getExtFields());
        assertTrue(f.routes.liveBrokers().get(0).lastUpdateTimestamp() > registeredAt);
        assertEquals(routeVersion, f.routes.routeVersion());
    }

    // ------------------------------------------------------------ cluster info, member group, perms

    @Test
    void clusterInfoIsPlainJson() throws Exception {
        registerMasterA("T1", "T2");
        RemotingCommand response = call(request(RequestCode.GET_BROKER_CLUSTER_INFO, null));
        assertAnswer(ResponseCode.SUCCESS, null, response);
        assertNull(response.getExtFields());
        assertTrue(text(response).contains("{0:\"" + A0 + "\"}"), text(response));
        ClusterInfo info = body(response, ClusterInfo.class);
        assertEquals(Map.of(CLUSTER, Set.of(A)), info.clusterAddrTable());
        assertEquals(Map.of(0L, A0), info.brokerAddrTable().get(A).brokerAddrs());
    }

    /** Cluster info is encoded once per change and cached: every kind of change must show. */
    @Test
    void clusterInfoFollowsEveryChange() throws Exception {
        registerMasterA("T1", "T2");
        assertEquals(Set.of(A), clusterInfo().brokerAddrTable().keySet());
        assertSame(call(request(RequestCode.GET_BROKER_CLUSTER_INFO, null)).getBody(),
            call(request(RequestCode.GET_BROKER_CLUSTER_INFO, null)).getBody(), "unchanged tables: the cached body");

        call(f.registration(B, B0, 0, 1, "T1", "T2"));
        assertEquals(Set.of(A, B), clusterInfo().clusterAddrTable().get(CLUSTER));

        call(f.registration(A, A1, 1, 1));
        assertEquals(Map.of(0L, A0, 1L, A1), clusterInfo().brokerAddrTable().get(A).brokerAddrs());

        call(request(RequestCode.UNREGISTER_BROKER, new UnRegisterBrokerRequestHeader(B, B0, CLUSTER, 0L)));
        assertEquals(Set.of(A), clusterInfo().clusterAddrTable().get(CLUSTER));
        assertNull(clusterInfo().brokerAddrTable().get(B));

        // A refused single-topic first registration leaves an empty group, as Apache's does;
        // unregistering it removes the group although no address goes with it.
        String c = "broker-c";
        assertAnswer(ResponseCode.SYSTEM_ERROR, "register broker failed", call(f.registration(c, "10.0.0.7:10911", 0, 1, "T9")));
        assertEquals(Set.of(A, c), clusterInfo().clusterAddrTable().get(CLUSTER));
        call(request(RequestCode.UNREGISTER_BROKER, new UnRegisterBrokerRequestHeader(c, "10.0.0.7:10911", CLUSTER, 0L)));
        assertEquals(Set.of(A), clusterInfo().clusterAddrTable().get(CLUSTER));
        assertEquals(Set.of(A), clusterInfo().brokerAddrTable().keySet());
    }

    private ClusterInfo clusterInfo() throws Exception {
        return body(call(request(RequestCode.GET_BROKER_CLUSTER_INFO, null)), ClusterInfo.class);
    }

    @Test
    void brokerMemberGroupHasNoRemark() throws Exception {
        registerMasterA("T1", "T2");
        call(f.registration(A, A1, 1, 1));
        RemotingCommand response = call(request(RequestCode.GET_BROKER_MEMBER_GROUP,
            new GetBrokerMemberGroupRequestHeader(CLUSTER, A)));
        assertAnswer(ResponseCode.SUCCESS, null, response);
        assertEquals("{\"brokerMemberGroup\":{\"brokerAddrs\":{0:\"" + A0 + "\",1:\"" + A1 + "\"},\"brokerName\":\"" + A
            + "\",\"cluster\":\"" + CLUSTER + "\"}}", text(response));
        GetBrokerMemberGroupResponseBody decoded = body(response, GetBrokerMemberGroupResponseBody.class);
        assertEquals(Map.of(0L, A0, 1L, A1), decoded.brokerMemberGroup().brokerAddrs());
    }

    @Test
    void wipeAndAddWritePerm() throws Exception {
        registerMasterA("T1", "T2");
        RemotingCommand wiped = call(request(RequestCode.WIPE_WRITE_PERM_OF_BROKER, new WipeWritePermOfBrokerRequestHeader(A)));
        assertAnswer(ResponseCode.SUCCESS, null, wiped);
        assertEquals(Map.of("wipeTopicCount", "2"), wiped.getExtFields());
        assertEquals(4, f.routes.pickupTopicRouteData("T1").queueDatas().get(0).perm());

        RemotingCommand added = call(request(RequestCode.ADD_WRITE_PERM_OF_BROKER, new AddWritePermOfBrokerRequestHeader(A)));
        assertEquals(Map.of("addTopicCount", "2"), added.getExtFields());
        assertEquals(6, f.routes.pickupTopicRouteData("T1").queueDatas().get(0).perm());

        assertEquals(Map.of("wipeTopicCount", "0"), call(request(RequestCode.WIPE_WRITE_PERM_OF_BROKER,
            new WipeWritePermOfBrokerRequestHeader("ghost"))).getExtFields());
    }

    // ------------------------------------------------------------ topics: 206, 216, 217, 224, 304, 311-313

    @Test
    void allTopicListAndItsSwitch() throws Exception {
        registerMasterA("T1", "T2");
        RemotingCommand response = call(request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null));
        assertAnswer(ResponseCode.SUCCESS, null, response);
        assertEquals(Set.of("T1", "T2"), body(response, TopicList.class).topicList());
        assertFalse(text(response).contains("brokerAddr"));

        f.config.setEnableAllTopicList(false);
        assertAnswer(ResponseCode.SYSTEM_ERROR, "disable", call(request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null)));
    }

    /** The all-topic list is encoded once per change and cached: every kind of change must show. */
    @Test
    void allTopicListFollowsEveryChange() throws Exception {
        registerMasterA("T1", "T2");
        assertEquals(Set.of("T1", "T2"), allTopics());
        call(request(RequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicFromNamesrvRequestHeader("T1", null)));
        assertEquals(Set.of("T2"), allTopics());
        call(f.registration(B, B0, 0, 1, "T2", "T3"));
        assertEquals(Set.of("T2", "T3"), allTopics());
        call(request(RequestCode.UNREGISTER_BROKER, new UnRegisterBrokerRequestHeader(B, B0, CLUSTER, 0L)));
        assertEquals(Set.of("T2"), allTopics());
    }

    private Set<String> allTopics() throws Exception {
        return body(call(request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null)), TopicList.class).topicList();
    }

    @Test
    void deleteTopicEverywhereOrInOneCluster() throws Exception {
        registerMasterA("T1", "T2");
        assertAnswer(ResponseCode.SUCCESS, null,
            call(request(RequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicFromNamesrvRequestHeader("T1", "Other"))));
        assertNotNull(f.routes.pickupTopicRouteData("T1"), "another cluster: untouched");
        call(request(RequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicFromNamesrvRequestHeader("T1", " ")));
        assertNotNull(f.routes.pickupTopicRouteData("T1"), "a blank cluster is a cluster name, not 'everywhere'");
        call(request(RequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicFromNamesrvRequestHeader("T1", CLUSTER)));
        assertNull(f.routes.pickupTopicRouteData("T1"));

        RemotingCommand whole = call(request(RequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicFromNamesrvRequestHeader("T2", null)));
        assertAnswer(ResponseCode.SUCCESS, null, whole);
        assertNull(f.routes.pickupTopicRouteData("T2"));
        assertAnswer(ResponseCode.SUCCESS, null,
            call(request(RequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicFromNamesrvRequestHeader("T2", ""))));
        assertAnswer(ResponseCode.SUCCESS, null, call(request(RequestCode.DELETE_TOPIC_IN_NAMESRV, null)));
    }

    @Test
    void registerTopicUsesOnlyQueueDatasAndNeedsKnownBrokers() throws Exception {
        registerMasterA("T1", "T2");
        QueueData qd = new QueueData(A, 6, 2, 0, 2);
        byte[] body = f.json.encode(new TopicRouteData(List.of(), Map.of(), null, List.of(qd), null));
        assertAnswer(ResponseCode.SUCCESS, null,
            call(request(RequestCode.REGISTER_TOPIC_IN_NAMESRV, new RegisterTopicRequestHeader("New")).setBody(body)));
        assertEquals(List.of(qd), f.routes.pickupTopicRouteData("New").queueDatas());

        byte[] ghost = f.json.encode(new TopicRouteData(List.of(), Map.of(), null, List.of(new QueueData("ghost", 6, 1, 0, 1)),
            null));
        assertAnswer(ResponseCode.SUCCESS, null,
            call(request(RequestCode.REGISTER_TOPIC_IN_NAMESRV, new RegisterTopicRequestHeader("Ghost")).setBody(ghost)));
        assertNull(f.routes.pickupTopicRouteData("Ghost"));
        assertAnswer(ResponseCode.SUCCESS, null,
            call(request(RequestCode.REGISTER_TOPIC_IN_NAMESRV, new RegisterTopicRequestHeader("NoBody"))));
    }

    @Test
    void topicsByClusterUnknownClusterAndSwitch() throws Exception {
        registerMasterA("T1", "T2");
        RemotingCommand response = call(request(RequestCode.GET_TOPICS_BY_CLUSTER, new GetTopicsByClusterRequestHeader(CLUSTER)));
        assertAnswer(ResponseCode.SUCCESS, null, response);
        assertEquals(Set.of("T1", "T2"), body(response, TopicList.class).topicList());

        RemotingCommand unknown = call(request(RequestCode.GET_TOPICS_BY_CLUSTER, new GetTopicsByClusterRequestHeader("Nope")));
        assertAnswer(ResponseCode.SUCCESS, null, unknown);
        assertEquals("{\"topicList\":[]}", text(unknown), "Apache 5.3.3 answers an empty list");

        f.config.setEnableTopicList(false);
        assertAnswer(ResponseCode.SYSTEM_ERROR, "disable",
            call(request(RequestCode.GET_TOPICS_BY_CLUSTER, new GetTopicsByClusterRequestHeader(CLUSTER))));
    }

    @Test
    void systemTopicListNamesClustersBrokersAndAnAddress() throws Exception {
        registerMasterA("T1", "T2");
        RemotingCommand response = call(request(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS, null));
        assertAnswer(ResponseCode.SUCCESS, null, response);
        TopicList list = body(response, TopicList.class);
        assertEquals(Set.of(CLUSTER, A), list.topicList());
        assertEquals(A0, list.brokerAddr());
    }

    @Test
    void unitTopicListsAndTheirSwitch() throws Exception {
        byte[] body = f.codec.encodeJson(new RegisterBrokerBody(io.namesrv.protocol.TopicConfigSerializeWrapper.of(
            wrapper(1).dataVersion(), Map.of(
                "Plain", new io.namesrv.protocol.TopicConfig("Plain", 1, 1, 6, null, 0, false, Map.of()),
                "Unit", new io.namesrv.protocol.TopicConfig("Unit", 1, 1, 6, null, 1, false, Map.of()),
                "Sub", new io.namesrv.protocol.TopicConfig("Sub", 1, 1, 6, null, 2, false, Map.of()),
                "Both", new io.namesrv.protocol.TopicConfig("Both", 1, 1, 6, null, 3, false, Map.of()))), new ArrayList<>()));
        call(request(RequestCode.REGISTER_BROKER, registerHeader(A, A0, 0, false, crc32(body))).setBody(body));

        assertEquals(Set.of("Unit", "Both"), body(call(request(RequestCode.GET_UNIT_TOPIC_LIST, null)), TopicList.class).topicList());
        assertEquals(Set.of("Sub", "Both"),
            body(call(request(RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST, null)), TopicList.class).topicList());
        assertEquals(Set.of("Sub"),
            body(call(request(RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST, null)), TopicList.class).topicList());

        f.config.setEnableTopicList(false);
        for (int code : new int[] {RequestCode.GET_UNIT_TOPIC_LIST, RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST,
            RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST}) {
            assertAnswer(ResponseCode.SYSTEM_ERROR, "disable", call(request(code, null)));
        }
    }

    // ------------------------------------------------------------ 318, 319, unknown codes

    @Test
    void updateConfigRefusesUntunableKeysAndAppliesTunableOnes() throws Exception {
        RemotingCommand refused = call(request(RequestCode.UPDATE_NAMESRV_CONFIG, null)
            .setBody("kvConfigPath=/tmp/evil\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(ResponseCode.NO_PERMISSION, refused.getCode());
        assertTrue(refused.getRemark().contains("kvConfigPath"), refused.getRemark());
        assertEquals(dir.resolve("kvConfig.json").toString(), f.config.getKvConfigPath());

        RemotingCommand accepted = call(request(RequestCode.UPDATE_NAMESRV_CONFIG, null)
            .setBody("enableTopicList=false\n".getBytes(StandardCharsets.UTF_8)));
        assertAnswer(ResponseCode.SUCCESS, null, accepted);
        assertFalse(f.config.isEnableTopicList());
        assertTrue(Files.readString(dir.resolve("namesrv.properties")).contains("enableTopicList=false"));

        assertAnswer(ResponseCode.SUCCESS, null, call(request(RequestCode.UPDATE_NAMESRV_CONFIG, null)));
    }

    @Test
    void getConfigIsSortedKeyValueLines() throws Exception {
        RemotingCommand response = call(request(RequestCode.GET_NAMESRV_CONFIG, null));
        assertAnswer(ResponseCode.SUCCESS, null, response);
        List<String> lines = text(response).lines().toList();
        assertEquals(lines.stream().sorted().toList(), lines);
        assertTrue(lines.contains("enableTopicList=true"));
        assertTrue(lines.contains("kvConfigPath=" + dir.resolve("kvConfig.json")));
    }

    @Test
    void unknownCodeAnswersNotSupported() throws Exception {
        RemotingCommand response = call(request(9999, null));
        assertAnswer(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, " request type 9999 not supported", response);
        assertNull(response.getExtFields());
        assertNull(response.getBody());
        assertEquals(ResponseCode.REQUEST_CODE_NOT_SUPPORTED, call(request(1001, null)).getCode(), "controller codes too");
    }

    @Test
    void everyCodeAnswersABareRequestWithoutThrowing() throws Exception {
        Set<Integer> expected = Set.of(ResponseCode.SUCCESS, ResponseCode.SYSTEM_ERROR, ResponseCode.QUERY_NOT_FOUND);
        for (int code : new int[] {100, 101, 102, 103, 104, 106, 205, 206, 216, 217, 219, 224, 304, 311, 312, 313, 318,
            319, 322, 327, 901, 904}) {
            RemotingCommand response = call(request(code, null));
            assertTrue(expected.contains(response.getCode()), "code " + code + " answered " + response.getCode());
        }
    }
}
