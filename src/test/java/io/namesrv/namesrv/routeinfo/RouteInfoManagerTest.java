package io.namesrv.namesrv.routeinfo;

import static io.namesrv.namesrv.routeinfo.RouteFixtures.PERM_R;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.PERM_RW;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.addrsOf;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.mapping;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.queueOf;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.stateVersion;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.topic;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.version;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.wrapper;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.wrapperWithMapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.BrokerMemberGroup;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicList;
import io.namesrv.protocol.TopicQueueMappingInfo;
import io.namesrv.protocol.TopicRouteData;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouteInfoManagerTest {

    private static final String SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    private static final String C1 = "DefaultCluster";
    private static final String A = "broker-a";
    private static final String B = "broker-b";
    private static final String A0 = "10.0.0.1:10911";
    private static final String A1 = "10.0.0.2:10911";
    private static final String A2 = "10.0.0.3:10911";
    private static final String B0 = "10.0.0.4:10911";

    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final RouteFixtures.MutableSettings settings = new RouteFixtures.MutableSettings();
    private final RouteInfoManager rim = new RouteInfoManager(settings, now::get);
    private final EmbeddedChannel chA0 = new EmbeddedChannel();
    private final EmbeddedChannel chA1 = new EmbeddedChannel();
    private final EmbeddedChannel chA2 = new EmbeddedChannel();
    private final EmbeddedChannel chB0 = new EmbeddedChannel();

    @AfterEach
    void closeChannels() {
        for (EmbeddedChannel ch : List.of(chA0, chA1, chA2, chB0)) {
            ch.finishAndReleaseAll();
        }
    }

    /**
     * A registration body as a real broker sends it: never exactly one topic (its system topics
     * are always there), so the single-topic guard stays out of tests that are not about it.
     */
    private static TopicConfigSerializeWrapper full(DataVersion v, TopicConfig... topics) {
        return wrapper(v, padded(topics));
    }

    private static TopicConfigSerializeWrapper fullWithMapping(DataVersion v, TopicQueueMappingInfo info,
                                                               TopicConfig... topics) {
        return wrapperWithMapping(v, info, padded(topics));
    }

    private static TopicConfig[] padded(TopicConfig[] topics) {
        if (topics.length != 1) {
            return topics;
        }
        return new TopicConfig[] {topics[0], topic(SELF_TEST_TOPIC)};
    }

    /** A 5.x broker of cluster C1 (acting master off) registering on {@code ch}. */
    private static BrokerRegistration.Builder broker(String addr, String name, long id, Channel ch) {
        return BrokerRegistration.builder(C1, addr, name, id).enableActingMaster(false).channel(ch);
    }

    private RegisterBrokerResult register(String addr, String name, long id, Boolean actingMaster,
                                          TopicConfigSerializeWrapper w, Channel ch) {
        return rim.registerBroker(BrokerRegistration.builder(C1, addr, name, id).haServerAddr("ha-" + addr)
            .enableActingMaster(actingMaster).topics(w).channel(ch).build());
    }

    private RegisterBrokerResult registerMasterA(TopicConfigSerializeWrapper w) {
        return register(A0, A, 0, false, w, chA0);
    }

    private static UnregisterRequest unregister(String addr, String name, long id) {
        return new UnregisterRequest(C1, addr, name, id, UnregisterRequest.ANY_GENERATION, "test");
    }

    private Set<String> liveAddrs() {
        return Set.copyOf(rim.liveBrokers().stream().map(RouteInfoManager.BrokerLiveView::brokerAddr).toList());
    }

    // ------------------------------------------------------------ registration

    @Test
    void masterRegistrationFillsEveryTable() {
        RegisterBrokerResult result = registerMasterA(full(version(1), topic("T1"), topic("T2", 8, PERM_RW, 0)));

        assertEquals(new RegisterBrokerResult(null, null), result, "a master learns nothing about a master");
        ClusterInfo info = rim.getAllClusterInfo();
        assertEquals(Map.of(C1, Set.of(A)), info.clusterAddrTable());
        BrokerData bd = info.brokerAddrTable().get(A);
        assertEquals(Map.of(0L, A0), bd.brokerAddrs());
        assertEquals(C1, bd.cluster());
        assertFalse(bd.enableActingMaster());
        assertNull(bd.zoneName());

        TopicRouteData route = rim.pickupTopicRouteData("T2");
        assertEquals(List.of(new QueueData(A, PERM_RW, 8, 0, 8)), route.queueDatas());
        assertEquals(Map.of(0L, A0), addrsOf(route, A));
        assertEquals(Map.of(), route.filterServerTable());
        assertNull(route.topicQueueMappingByBroker());
        assertEquals(Set.of("T1", "T2"), rim.getAllTopicList().topicList());

        RouteInfoManager.BrokerLiveView live = rim.liveBrokers().get(0);
        assertEquals(new RouteInfoManager.BrokerLiveView(C1, A0, now.get(), 120_000L, version(1), "ha-" + A0,
            BrokerOrigin.DIRECT), live);
        assertEquals(version(1), rim.queryBrokerTopicConfig(C1, A0));
    }

    @Test
    void perBrokerHeartbeatTimeoutIsStored() {
        rim.registerBroker(BrokerRegistration.builder(C1, A0, A, 0).heartbeatTimeoutMillis(30_000L)
            .enableActingMaster(false).topics(full(version(1))).channel(chA0).build());
        assertEquals(30_000L, rim.liveBrokers().get(0).heartbeatTimeoutMillis());
    }

    @Test
    void slaveLearnsMasterAddressesOnlyWhileTheMasterIsLive() {
        assertEquals(new RegisterBrokerResult(null, null), register(A1, A, 1, false, full(version(1)), chA1),
            "no master yet");
        registerMasterA(full(version(1), topic("T")));
        assertEquals(new RegisterBrokerResult("ha-" + A0, A0), register(A1, A, 1, false, full(version(1)), chA1));

        rim.unregisterBroker(unregister(A0, A, 0));
        assertEquals(new RegisterBrokerResult(null, null), register(A1, A, 1, false, full(version(1)), chA1),
            "master gone");
    }

    @Test
    void sameAddressUnderANewIdReplacesTheOldId() {
        registerMasterA(full(version(1), topic("T")));
        register(A1, A, 1, false, full(version(1)), chA1);
        rim.unregisterBroker(unregister(A0, A, 0));

        register(A1, A, 0, false, full(version(2), topic("T")), chA1);

        assertEquals(Map.of(0L, A1), rim.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs());
        assertEquals(Map.of(0L, A1), addrsOf(rim.pickupTopicRouteData("T"), A));
    }

    @Test
    void slaveTopicsAreIgnoredWhileAMasterIsRegistered() {
        registerMasterA(full(version(1), topic("FromMaster")));
        register(A1, A, 1, false, full(version(1), topic("FromMaster"), topic("FromSlave")), chA1);

        assertNull(rim.pickupTopicRouteData("FromSlave"));
        assertNotNull(rim.pickupTopicRouteData("FromMaster"));
    }

    @Test
    void oldVersionSlaveNeverRegistersTopics() {
        register(A1, A, 1, null, full(version(1), topic("T")), chA1);
        assertNull(rim.pickupTopicRouteData("T"), "enableActingMaster null = a 4.x broker: never a prime slave");
    }

    @Test
    void primeSlaveRegistersTopicsWithPermAsSent() {
        register(A1, A, 1, false, full(version(1), topic("T")), chA1);
        assertEquals(PERM_RW, queueOf(rim.pickupTopicRouteData("T"), A).perm());
    }

    @Test
    void primeSlaveWithActingMasterLosesWrite() {
        register(A1, A, 1, true, full(version(1), topic("T")), chA1);
        assertEquals(PERM_R, queueOf(rim.pickupTopicRouteData("T"), A).perm());
    }

    @Test
    void onlyTheLowestSlaveIsPrime() {
        register(A1, A, 1, false, full(version(1), topic("T1")), chA1);
        register(A2, A, 2, false, full(version(1), topic("T1"), topic("FromSecondSlave")), chA2);
        assertNull(rim.pickupTopicRouteData("FromSecondSlave"));
    }

    @Test
    void unchangedDataVersionDoesNoTopicWorkButAddsAMissingTopic() {
        registerMasterA(full(version(1), topic("T"), topic("U")));
        rim.wipeWritePermOfBrokerByLock(A);
        long before = rim.routeVersion();

        registerMasterA(full(version(1), topic("T"), topic("U")));
        assertEquals(PERM_R, queueOf(rim.pickupTopicRouteData("T"), A).perm(), "same version: queue data untouched");
        assertEquals(before, rim.routeVersion());

        rim.deleteTopic("U");
        registerMasterA(full(version(1), topic("T"), topic("U")));
        assertEquals(PERM_RW, queueOf(rim.pickupTopicRouteData("U"), A).perm(), "missing topic is added again");
        assertEquals(PERM_R, queueOf(rim.pickupTopicRouteData("T"), A).perm());
    }

    @Test
    void changedDataVersionUpdatesQueueData() {
        registerMasterA(full(version(1), topic("T")));
        registerMasterA(full(version(2), topic("T", 16, PERM_R, 0)));
        assertEquals(new QueueData(A, PERM_R, 16, 0, 16), queueOf(rim.pickupTopicRouteData("T"), A));
    }

    @Test
    void staleStateVersionFromAnotherAddressIsRefused() {
        rim.registerBroker(broker(A0, A, 0, chA0).topics(full(stateVersion(5, 1), topic("T"))).build());

        RegisterBrokerResult stale = rim.registerBroker(broker(A1, A, 0, chA1)
            .topics(full(stateVersion(3, 1), topic("T"))).build());
        assertEquals(new RegisterBrokerResult(null, null), stale);
        assertEquals(Map.of(0L, A0), rim.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs());
        assertEquals(Set.of(A0), liveAddrs());

        rim.registerBroker(broker(A1, A, 0, chA1).topics(full(stateVersion(6, 1), topic("T"))).build());
        assertEquals(Map.of(0L, A1), rim.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs());
    }

    /**
     * A controller failover as the routes see it (#6316): the master at epoch 1 is replaced by its
     * slave at epoch 2; the old master, cut off but alive, keeps registering as master with its
     * old epoch and is refused every time, then rejoins as a slave of the new epoch. At no point
     * do the routes name two masters or go back to the old one.
     */
    @Test
    void aControllerFailoverNeverShowsTwoMastersNorTheOldOneAgain() {
        rim.registerBroker(broker(A0, A, 0, chA0).topics(full(stateVersion(1, 1), topic("T"))).build());
        rim.registerBroker(broker(A1, A, 2, chA1).topics(full(stateVersion(1, 1), topic("T"))).build());
        assertEquals(Map.of(0L, A0, 2L, A1), rim.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs());

        // the slave, elected at epoch 2, registers as master (id 0)
        rim.registerBroker(broker(A1, A, 0, chA1).topics(full(stateVersion(2, 2), topic("T"))).build());
        assertEquals(Map.of(0L, A1), rim.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs());
        for (int round = 0; round < 3; round++) {
            RegisterBrokerResult stale = rim.registerBroker(broker(A0, A, 0, chA0)
                .topics(full(stateVersion(1, 2 + round), topic("T"))).build());
            assertEquals(new RegisterBrokerResult(null, null), stale, "the old epoch is refused");
            assertEquals(Map.of(0L, A1), rim.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs());
            assertEquals(List.of(A1), masters(rim.pickupTopicRouteData("T")));
        }

        // the old master learns the new epoch and comes back as a slave
        rim.registerBroker(broker(A0, A, 1, chA0).topics(full(stateVersion(2, 3), topic("T"))).build());
        assertEquals(Map.of(0L, A1, 1L, A0), rim.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs());
        assertEquals(List.of(A1), masters(rim.pickupTopicRouteData("T")));
    }

    private static List<String> masters(TopicRouteData route) {
        return route.brokerDatas().stream().map(b -> b.brokerAddrs().get(0L)).filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void singleTopicRegistrationBeforeTheFirstFullOneFails() {
        assertNull(registerMasterA(wrapper(version(1), topic("Only"))));
        assertNull(rim.pickupTopicRouteData("Only"));
        assertTrue(rim.liveBrokers().isEmpty());

        assertNotNull(registerMasterA(full(version(2), topic("T1"), topic("T2"))));
        assertNotNull(registerMasterA(wrapper(version(3), topic("Only"))), "after a full registration it is accepted");
        assertNotNull(rim.pickupTopicRouteData("Only"));
    }

    @Test
    void deleteTopicWithBrokerRegistrationDropsTopicsNoLongerReported() {
        registerMasterA(full(version(1), topic("Keep"), topic("Shared"), topic("Gone")));
        register(B0, B, 0, false, full(version(1), topic("Shared"), topic("Other")), chB0);

        registerMasterA(full(version(2), topic("Keep")));
        assertNotNull(rim.pickupTopicRouteData("Gone"), "switch off: nothing is dropped");

        settings.deleteTopicWithBrokerRegistration = true;
        registerMasterA(full(version(3), topic("Keep")));
        assertNull(rim.pickupTopicRouteData("Gone"));
        TopicRouteData shared = rim.pickupTopicRouteData("Shared");
        assertNull(queueOf(shared, A));
        assertNotNull(queueOf(shared, B));
        assertNotNull(rim.pickupTopicRouteData("Keep"));
    }

    @Test
    void deleteTopicWithBrokerRegistrationIsSkippedForStaticTopics() {
        settings.deleteTopicWithBrokerRegistration = true;
        registerMasterA(full(version(1), topic("Keep"), topic("Gone")));
        registerMasterA(fullWithMapping(version(2), mapping("Keep", A, 1), topic("Keep")));
        assertNotNull(rim.pickupTopicRouteData("Gone"));
    }

    @Test
    void filterServerListNullKeepsEmptyRemovesNonEmptyReplaces() {
        rim.registerBroker(broker(A0, A, 0, chA0).topics(full(version(1), topic("T"))).filterServers(List.of("fs1"))
            .build());
        assertEquals(Map.of(A0, List.of("fs1")), rim.pickupTopicRouteData("T").filterServerTable());

        rim.registerBroker(broker(A0, A, 0, chA0).topics(full(version(1), topic("T"))).build());
        assertEquals(Map.of(A0, List.of("fs1")), rim.pickupTopicRouteData("T").filterServerTable(), "null: unchanged");

        rim.registerBroker(broker(A0, A, 0, chA0).topics(full(version(1), topic("T")))
            .filterServers(List.of("fs2", "fs3")).build());
        assertEquals(Map.of(A0, List.of("fs2", "fs3")), rim.pickupTopicRouteData("T").filterServerTable());

        rim.registerBroker(broker(A0, A, 0, chA0).topics(full(version(1), topic("T"))).filterServers(List.of())
            .build());
        assertEquals(Map.of(), rim.pickupTopicRouteData("T").filterServerTable(), "empty: removed");
    }

    @Test
    void routeNamesEveryAddressOfItsBrokersOnceAnyFilterServerExists() {
        rim.registerBroker(broker(A0, A, 0, chA0).topics(full(version(1), topic("T"))).filterServers(List.of("fs1"))
            .build());
        rim.registerBroker(broker(B0, B, 0, chB0).topics(full(version(1), topic("T"))).build());

        Map<String, List<String>> table = rim.pickupTopicRouteData("T").filterServerTable();
        assertEquals(Set.of(A0, B0), table.keySet());
        assertEquals(List.of("fs1"), table.get(A0));
        assertNull(table.get(B0), "Apache puts the (null) list of a broker without filter servers");
    }

    @Test
    void queueMappingsAreMergedIntoRoutesWhenTheVersionChanges() {
        registerMasterA(fullWithMapping(version(1), mapping("S", A, 1), topic("S")));
        register(B0, B, 0, false, fullWithMapping(version(1), mapping("S", B, 1), topic("S")), chB0);

        Map<String, ?> byBroker = rim.pickupTopicRouteData("S").topicQueueMappingByBroker();
        assertEquals(Set.of(A, B), byBroker.keySet());
        assertEquals(mapping("S", A, 1), byBroker.get(A));

        registerMasterA(fullWithMapping(version(1), mapping("S", A, 7), topic("S")));
        assertEquals(mapping("S", A, 1), rim.pickupTopicRouteData("S").topicQueueMappingByBroker().get(A),
            "unchanged version: mapping untouched");

        registerMasterA(fullWithMapping(version(2), mapping("S", A, 7), topic("S")));
        assertEquals(mapping("S", A, 7), rim.pickupTopicRouteData("S").topicQueueMappingByBroker().get(A));
    }

    // ------------------------------------------------------------ unregistration

    @Test
    void unregisterRemovesFromEveryTable() {
        rim.registerBroker(broker(A0, A, 0, chA0).topics(full(version(1), topic("OnlyA"), topic("Both")))
            .filterServers(List.of("fs1")).build());
        register(A1, A, 1, false, full(version(1)), chA1);
        register(B0, B, 0, false, full(version(1), topic("Both")), chB0);

        assertTrue(rim.unregisterBroker(unregister(A1, A, 1)));
        assertEquals(Map.of(0L, A0), rim.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs());
        assertNotNull(rim.pickupTopicRouteData("OnlyA"), "a group that keeps members keeps its topics");

        assertTrue(rim.unregisterBroker(unregister(A0, A, 0)));
        ClusterInfo info = rim.getAllClusterInfo();
        assertFalse(info.brokerAddrTable().containsKey(A));
        assertEquals(Map.of(C1, Set.of(B)), info.clusterAddrTable());
        assertNull(rim.pickupTopicRouteData("OnlyA"), "a topic left without queues is dropped");
        TopicRouteData both = rim.pickupTopicRouteData("Both");
        assertEquals(List.of(B), both.queueDatas().stream().map(QueueData::brokerName).toList());
        assertEquals(Map.of(), both.filterServerTable(), "the filter servers went with the broker");
        assertEquals(Set.of(B0), liveAddrs());

        assertTrue(rim.unregisterBroker(unregister(B0, B, 0)));
        info = rim.getAllClusterInfo();
        assertEquals(Map.of(), info.brokerAddrTable());
        assertEquals(Map.of(), info.clusterAddrTable(), "an empty cluster is dropped");
        assertEquals(Set.of(), rim.getAllTopicList().topicList());
        assertTrue(rim.liveBrokers().isEmpty());
    }

    @Test
    void reducedActingMasterGroupLosesWrite() {
        register(A0, A, 0, true, full(version(1), topic("T")), chA0);
        register(A1, A, 1, true, full(version(1)), chA1);
        register(B0, B, 0, false, full(version(1), topic("T")), chB0);
        register(B0.replace("4", "5"), B, 1, false, full(version(1)), new EmbeddedChannel());

        rim.unregisterBroker(unregister(A0, A, 0));
        rim.unregisterBroker(unregister(B0, B, 0));

        TopicRouteData route = rim.pickupTopicRouteData("T");
        assertEquals(PERM_R, queueOf(route, A).perm(), "acting-master group without master: read only");
        assertEquals(PERM_RW, queueOf(route, B).perm(), "plain group keeps its perm");
    }

    @Test
    void channelDestroyDropsExactlyTheBrokerOwningTheChannel() {
        registerMasterA(full(version(1), topic("T")));
        register(A1, A, 1, false, full(version(1)), chA1);
        register(B0, B, 0, false, full(version(1), topic("T")), chB0);

        rim.onChannelDestroy(new EmbeddedChannel(), RemovalCause.CHANNEL_CLOSED);
        assertEquals(Set.of(A0, A1, B0), liveAddrs(), "an unknown channel changes nothing");

        new BrokerHousekeepingService(rim).onChannelClose("10.0.0.2:50000", chA1);
        assertEquals(Set.of(A0, B0), liveAddrs());
        assertEquals(Map.of(0L, A0), rim.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs());

        new BrokerHousekeepingService(rim).onChannelException("10.0.0.1:50000", chA0);
        assertEquals(Set.of(B0), liveAddrs());
        assertEquals(Set.of(B), rim.getAllClusterInfo().brokerAddrTable().keySet());
        assertEquals(List.of(B), rim.pickupTopicRouteData("T").queueDatas().stream().map(QueueData::brokerName).toList());

        new BrokerHousekeepingService(rim).onChannelIdle("10.0.0.4:50000", chB0);
        assertTrue(rim.liveBrokers().isEmpty());
    }

    // ------------------------------------------------------------ liveness

    @Test
    void scanExpiresByEachBrokersOwnTimeoutAndClosesTheChannel() {
        rim.registerBroker(broker(A0, A, 0, chA0).topics(full(version(1), topic("T"))).build());
        rim.registerBroker(BrokerRegistration.builder(C1, B0, B, 0).heartbeatTimeoutMillis(30_000L)
            .enableActingMaster(false).topics(full(version(1), topic("T"))).channel(chB0).build());

        now.addAndGet(30_000);
        assertEquals(0, rim.scanNotActiveBroker(), "exactly at the timeout is not yet expired");
        now.addAndGet(1);
        assertEquals(1, rim.scanNotActiveBroker());
        assertEquals(Set.of(A0), liveAddrs());
        assertFalse(chB0.isOpen());
        assertTrue(chA0.isOpen());
        assertNull(queueOf(rim.pickupTopicRouteData("T"), B));

        now.addAndGet(120_000 - 30_001);
        assertEquals(0, rim.scanNotActiveBroker());
        now.addAndGet(1);
        assertEquals(1, rim.scanNotActiveBroker(), "default timeout is 120 s");
        assertTrue(rim.liveBrokers().isEmpty());
        assertFalse(chA0.isOpen());
        assertNull(rim.pickupTopicRouteData("T"));
    }

    @Test
    void heartbeatsAndQueriesKeepABrokerAlive() {
        registerMasterA(full(version(1), topic("T")));
        now.addAndGet(100_000);
        rim.updateBrokerInfoUpdateTimestamp(C1, A0);
        now.addAndGet(100_000);
        assertEquals(0, rim.scanNotActiveBroker());
        registerMasterA(full(version(1), topic("T")));
        now.addAndGet(100_000);
        assertEquals(0, rim.scanNotActiveBroker(), "a re-registration refreshes too");
        now.addAndGet(20_001);
        assertEquals(1, rim.scanNotActiveBroker());
    }

    @Test
    void heartbeatForAnUnknownBrokerDoesNothing() {
        rim.updateBrokerInfoUpdateTimestamp(C1, A0);
        assertTrue(rim.liveBrokers().isEmpty());
        assertNull(rim.queryBrokerTopicConfig(C1, A0));
        assertTrue(rim.isBrokerTopicConfigChanged(C1, A0, version(1)));
    }

    /** Runs {@code between} once, just before the first removal reaches the write lock. */
    private static final class InterleavingRouteInfoManager extends RouteInfoManager {
        private Runnable between;

        InterleavingRouteInfoManager(RouteInfoSettings settings, AtomicLong now) {
            super(settings, now::get);
        }

        @Override
        public boolean unregisterBroker(UnregisterRequest request) {
            Runnable r = between;
            between = null;
            if (r != null) {
                r.run();
            }
            return super.unregisterBroker(request);
        }
    }

    @Test
    void channelCloseSeenForAnOldRegistrationSparesAFreshOne() {
        InterleavingRouteInfoManager fenced = new InterleavingRouteInfoManager(settings, now);
        fenced.registerBroker(broker(A0, A, 0, chA0).topics(full(version(1), topic("T"))).build());
        // The broker reconnects and registers on a new channel between the lookup and the removal.
        EmbeddedChannel fresh = new EmbeddedChannel();
        fenced.between = () -> fenced.registerBroker(broker(A0, A, 0, fresh).topics(full(version(1), topic("T")))
            .build());

        fenced.onChannelDestroy(chA0, RemovalCause.CHANNEL_CLOSED);

        assertEquals(1, fenced.liveBrokers().size());
        assertNotNull(fenced.pickupTopicRouteData("T"));
        assertEquals(Map.of(0L, A0), fenced.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs());
        fresh.finishAndReleaseAll();
    }

    @Test
    void expirySeenForAnOldRegistrationSparesAFreshOneOnTheSameChannel() {
        InterleavingRouteInfoManager fenced = new InterleavingRouteInfoManager(settings, now);
        BrokerHousekeepingService housekeeping = new BrokerHousekeepingService(fenced);
        List<Runnable> closeEvents = new java.util.ArrayList<>();
        // Netty reports a close later, on the event executor: collect it and deliver after the scan.
        chA0.closeFuture().addListener(f -> closeEvents.add(() -> housekeeping.onChannelClose(A0, chA0)));

        fenced.registerBroker(broker(A0, A, 0, chA0).topics(full(version(1), topic("T"))).build());
        now.addAndGet(120_001);
        // The late broker's registration lands between the scan's snapshot and its removal.
        fenced.between = () -> fenced.registerBroker(broker(A0, A, 0, chA0).topics(full(version(1), topic("T")))
            .build());

        assertEquals(0, fenced.scanNotActiveBroker());
        closeEvents.forEach(Runnable::run);

        assertTrue(chA0.isOpen(), "the fresh registration's connection must not be closed");
        assertEquals(1, fenced.liveBrokers().size());
        assertNotNull(fenced.pickupTopicRouteData("T"));
    }

    @Test
    void staleGenerationUnregisterIsSkippedAndAnyGenerationIsNot() {
        registerMasterA(full(version(1), topic("T")));
        assertFalse(rim.unregisterBroker(new UnregisterRequest(C1, A0, A, 0L, 987_654L, "stale")));
        assertEquals(Set.of(A0), liveAddrs());
        assertTrue(rim.unregisterBroker(unregister(A0, A, 0)));
        assertTrue(rim.liveBrokers().isEmpty());
    }

    // ------------------------------------------------------------ route queries

    @Test
    void actingMasterRewriteMovesTheLowestSlaveToIdZero() {
        settings.supportActingMaster = true;
        register(A1, A, 1, true, full(version(1), topic("T"), topic("rmq_sys_SYNC_BROKER_MEMBER_" + A)), chA1);
        register(A2, A, 2, true, full(version(1)), chA2);
        register(B0, B, 0, true, full(version(1), topic("T")), chB0);

        TopicRouteData route = rim.pickupTopicRouteData("T");
        assertEquals(Map.of(0L, A1, 2L, A2), addrsOf(route, A));
        assertEquals(Map.of(0L, B0), addrsOf(route, B));
        assertEquals(Map.of(1L, A1, 2L, A2), addrsOf(rim.pickupTopicRouteData("rmq_sys_SYNC_BROKER_MEMBER_" + A), A),
            "sync-member topics show the real ids");
        assertEquals(Map.of(1L, A1, 2L, A2), rim.getAllClusterInfo().brokerAddrTable().get(A).brokerAddrs(),
            "the table itself is not rewritten");

        settings.supportActingMaster = false;
        assertEquals(Map.of(1L, A1, 2L, A2), addrsOf(rim.pickupTopicRouteData("T"), A));
        settings.supportActingMaster = true;

        rim.addWritePermOfBrokerByLock(A);
        assertEquals(Map.of(1L, A1, 2L, A2), addrsOf(rim.pickupTopicRouteData("T"), A), "writable queue: no rewrite");
    }

    @Test
    void noActingMasterRewriteWhenTheGroupDoesNotEnableIt() {
        settings.supportActingMaster = true;
        register(A1, A, 1, false, full(version(1), topic("T", 4, PERM_R, 0)), chA1);
        assertEquals(Map.of(1L, A1), addrsOf(rim.pickupTopicRouteData("T"), A));
    }

    @Test
    void routeOfUnknownOrNullTopicIsNull() {
        registerMasterA(full(version(1), topic("T")));
        assertNull(rim.pickupTopicRouteData("Nope"));
        assertNull(rim.pickupTopicRouteData(null));
    }

    @Test
    void clusterInfoAndTopicLists() {
        registerMasterA(full(version(1), topic("T1"), topic("Unit", 4, PERM_RW, 1), topic("UnitSub", 4, PERM_RW, 2),
            topic("Both", 4, PERM_RW, 3)));
        rim.registerBroker(BrokerRegistration.builder("C2", B0, B, 0).enableActingMaster(false)
            .topics(full(version(1), topic("T2"), topic("T1"))).channel(chB0).build());

        ClusterInfo info = rim.getAllClusterInfo();
        assertEquals(Map.of(C1, Set.of(A), "C2", Set.of(B)), info.clusterAddrTable());
        assertEquals(Set.of(A, B), info.brokerAddrTable().keySet());

        assertEquals(Set.of("T1", "T2", "Unit", "UnitSub", "Both"), rim.getAllTopicList().topicList());
        assertEquals(Set.of("T1", "Unit", "UnitSub", "Both"), rim.getTopicsByCluster(C1).topicList());
        assertEquals(Set.of("T1", "T2"), rim.getTopicsByCluster("C2").topicList());
        assertNull(rim.getTopicsByCluster("Unknown"));
        assertNull(rim.getTopicsByCluster(null));

        TopicList system = rim.getSystemTopicList();
        assertEquals(Set.of(C1, "C2", A, B), system.topicList());
        assertTrue(Set.of(A0, B0).contains(system.brokerAddr()));

        assertEquals(Set.of("Unit", "Both"), rim.getUnitTopics().topicList());
        assertEquals(Set.of("UnitSub", "Both"), rim.getHasUnitSubTopicList().topicList());
        assertEquals(Set.of("UnitSub"), rim.getHasUnitSubUnUnitTopicList().topicList());
    }

    @Test
    void unitListsLookOnlyAtTheFirstQueueData() {
        registerMasterA(full(version(1), topic("Mixed", 4, PERM_RW, 1), topic("X")));
        register(B0, B, 0, false, full(version(1), topic("Mixed", 4, PERM_RW, 0), topic("X")), chB0);

        // The route lists the queue data in the table's own order, so its first one is the one judged.
        boolean firstIsUnit = rim.pickupTopicRouteData("Mixed").queueDatas().get(0).topicSysFlag() == 1;
        assertEquals(firstIsUnit, rim.getUnitTopics().topicList().contains("Mixed"));
    }

    @Test
    void emptyTableAnswersEmptyLists() {
        assertEquals(Set.of(), rim.getAllTopicList().topicList());
        TopicList system = rim.getSystemTopicList();
        assertEquals(Set.of(), system.topicList());
        assertNull(system.brokerAddr());
        assertEquals(new ClusterInfo(Map.of(), Map.of()), rim.getAllClusterInfo());
    }

    // ------------------------------------------------------------ admin changes

    @Test
    void wipeAndAddWritePermCountTopicsAndSetPerms() {
        registerMasterA(full(version(1), topic("T1"), topic("T2", 4, 2, 0)));
        register(B0, B, 0, false, full(version(1), topic("T1")), chB0);

        assertEquals(2, rim.wipeWritePermOfBrokerByLock(A));
        assertEquals(PERM_R, queueOf(rim.pickupTopicRouteData("T1"), A).perm());
        assertEquals(0, queueOf(rim.pickupTopicRouteData("T2"), A).perm(), "perm &= ~WRITE");
        assertEquals(PERM_RW, queueOf(rim.pickupTopicRouteData("T1"), B).perm(), "other brokers untouched");

        assertEquals(2, rim.addWritePermOfBrokerByLock(A));
        assertEquals(PERM_RW, queueOf(rim.pickupTopicRouteData("T2"), A).perm(), "perm := READ|WRITE");
        assertEquals(0, rim.wipeWritePermOfBrokerByLock("unknown"));
    }

    @Test
    void deleteTopicWholeAndPerCluster() {
        registerMasterA(full(version(1), topic("T"), topic("U")));
        rim.registerBroker(BrokerRegistration.builder("C2", B0, B, 0).enableActingMaster(false)
            .topics(full(version(1), topic("T"), topic("U"))).channel(chB0).build());

        rim.deleteTopic("T", "Unknown");
        assertEquals(2, rim.pickupTopicRouteData("T").queueDatas().size());
        rim.deleteTopic("T", C1);
        assertEquals(List.of(B), rim.pickupTopicRouteData("T").queueDatas().stream().map(QueueData::brokerName).toList());
        rim.deleteTopic("T", "C2");
        assertNull(rim.pickupTopicRouteData("T"));
        assertFalse(rim.getAllTopicList().topicList().contains("T"));

        rim.deleteTopic("U");
        assertNull(rim.pickupTopicRouteData("U"));
        assertEquals(Set.of(), rim.getAllTopicList().topicList());
    }

    @Test
    void registerTopicNeedsEveryBrokerKnown() {
        registerMasterA(full(version(1), topic("Seed1"), topic("Seed2")));
        QueueData qa = new QueueData(A, PERM_RW, 2, 0, 2);
        QueueData unknown = new QueueData("ghost", PERM_RW, 2, 0, 2);

        rim.registerTopic("New", List.of(qa, unknown));
        assertNull(rim.pickupTopicRouteData("New"));
        rim.registerTopic("Seed1", List.of(new QueueData(A, PERM_R, 1, 0, 1), unknown));
        assertEquals(PERM_RW, queueOf(rim.pickupTopicRouteData("Seed1"), A).perm(), "ignored entirely");

        rim.registerTopic("New", List.of(qa));
        assertEquals(List.of(qa), rim.pickupTopicRouteData("New").queueDatas());
        rim.registerTopic("Seed1", List.of(new QueueData(A, PERM_R, 1, 0, 1)));
        assertEquals(new QueueData(A, PERM_R, 1, 0, 1), queueOf(rim.pickupTopicRouteData("Seed1"), A));
    }

    @Test
    void brokerMemberGroup() {
        registerMasterA(full(version(1), topic("T")));
        register(A1, A, 1, false, full(version(1)), chA1);

        assertEquals(new BrokerMemberGroup(Map.of(0L, A0, 1L, A1), A, C1), rim.getBrokerMemberGroup(C1, A));
        assertEquals(new BrokerMemberGroup(Map.of(), "ghost", C1), rim.getBrokerMemberGroup(C1, "ghost"));
    }

    @Test
    void zoneIsKeptWhenAReplicaRegistersWithoutOne() {
        rim.registerBroker(BrokerRegistration.builder(C1, A0, A, 0).zoneName("zone-1").enableActingMaster(false)
            .topics(full(version(1), topic("T"))).channel(chA0).build());
        rim.registerBroker(broker(A1, A, 1, chA1).topics(full(version(1))).build());
        assertEquals("zone-1", rim.getAllClusterInfo().brokerAddrTable().get(A).zoneName());
        assertEquals("zone-1", rim.pickupTopicRouteData("T").brokerDatas().get(0).zoneName());

        rim.registerBroker(BrokerRegistration.builder(C1, A1, A, 1).zoneName("zone-2").enableActingMaster(false)
            .topics(full(version(1))).channel(chA1).build());
        assertEquals("zone-2", rim.getAllClusterInfo().brokerAddrTable().get(A).zoneName(), "a named zone overwrites");
    }

    @Test
    void enableActingMasterIsOverwrittenByEveryReplica() {
        register(A0, A, 0, true, full(version(1), topic("T")), chA0);
        assertTrue(rim.getAllClusterInfo().brokerAddrTable().get(A).enableActingMaster());
        register(A1, A, 1, null, full(version(1)), chA1);
        assertFalse(rim.getAllClusterInfo().brokerAddrTable().get(A).enableActingMaster());
    }

    // ------------------------------------------------------------ routeVersion

    @Test
    void routeVersionMovesOnRouteChangesOnly() {
        long v = rim.routeVersion();
        registerMasterA(full(version(1), topic("T")));
        v = assertMoved(v, "first registration");

        registerMasterA(full(version(1), topic("T")));
        rim.updateBrokerInfoUpdateTimestamp(C1, A0);
        rim.isBrokerTopicConfigChanged(C1, A0, version(1));
        rim.pickupTopicRouteData("T");
        rim.scanNotActiveBroker();
        assertEquals(v, rim.routeVersion(), "unchanged re-registration, heartbeat, queries");

        registerMasterA(full(version(2), topic("T")));
        assertEquals(v, rim.routeVersion(), "new version but identical queue data");

        registerMasterA(full(version(3), topic("T", 8, PERM_RW, 0)));
        v = assertMoved(v, "queue data changed");
        register(A1, A, 1, false, full(version(1)), chA1);
        v = assertMoved(v, "slave added");
        rim.registerBroker(broker(A0, A, 0, chA0).topics(full(version(3), topic("T", 8, PERM_RW, 0)))
            .filterServers(List.of("fs")).build());
        v = assertMoved(v, "filter servers");
        rim.registerBroker(BrokerRegistration.builder(C1, A0, A, 0).zoneName("z").enableActingMaster(false)
            .topics(full(version(3), topic("T", 8, PERM_RW, 0))).channel(chA0).build());
        v = assertMoved(v, "zone");
        rim.wipeWritePermOfBrokerByLock(A);
        v = assertMoved(v, "wipe");
        rim.wipeWritePermOfBrokerByLock(A);
        assertEquals(v, rim.routeVersion(), "wiping again changes nothing");
        rim.addWritePermOfBrokerByLock(A);
        v = assertMoved(v, "add");
        rim.registerTopic("U", List.of(new QueueData(A, PERM_RW, 1, 0, 1)));
        v = assertMoved(v, "register topic");
        rim.deleteTopic("U");
        v = assertMoved(v, "delete topic");
        rim.deleteTopic("U");
        assertEquals(v, rim.routeVersion(), "deleting an absent topic");
        rim.unregisterBroker(unregister(A1, A, 1));
        v = assertMoved(v, "slave removed");
        rim.onChannelDestroy(chA0, RemovalCause.CHANNEL_CLOSED);
        assertMoved(v, "master's channel closed");
    }

    private long assertMoved(long before, String what) {
        long after = rim.routeVersion();
        assertNotEquals(before, after, what + " must change routeVersion");
        return after;
    }
}
