package io.namesrv.namesrv.routeinfo;

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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicRouteData;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The merge rules for provisional state (restored from a snapshot or a peer, or relayed from a
 * peer): it is routed like direct state, never overrides it, does not live on heartbeats, expires
 * after one timeout unless the broker registers, and never shows in the direct view that peers
 * read (so it cannot loop between them).
 */
class RouteInfoManagerProvisionalTest {

    private static final String C1 = "DefaultCluster";
    private static final String A = "broker-a";
    private static final String B = "broker-b";
    private static final String A0 = "10.0.0.1:10911";
    private static final String A1 = "10.0.0.2:10911";
    private static final String B0 = "10.0.0.4:10911";
    private static final long TIMEOUT = 120_000;

    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final RouteInfoManager rim = new RouteInfoManager(new RouteFixtures.MutableSettings(), now::get);
    private final EmbeddedChannel chA0 = new EmbeddedChannel();
    private final EmbeddedChannel chA1 = new EmbeddedChannel();

    @AfterEach
    void closeChannels() {
        chA0.finishAndReleaseAll();
        chA1.finishAndReleaseAll();
    }

    private static RouteImage.Member member(long id, String addr, DataVersion v, long heardAt) {
        return new RouteImage.Member(id, addr, "ha-" + addr, TIMEOUT, v, List.of(), BrokerOrigin.DIRECT, heardAt);
    }

    private static RouteImage.Group group(String name, String zone, List<RouteImage.Member> members, String... topics) {
        Map<String, QueueData> queues = new java.util.HashMap<>();
        for (String t : topics) {
            queues.put(t, new QueueData(name, PERM_RW, 4, 0, 4));
        }
        return new RouteImage.Group(C1, name, zone, false, members, queues, Map.of());
    }

    private RouteInfoManager.MergeOutcome merge(BrokerOrigin origin, RouteImage.Group... groups) {
        return rim.mergeProvisional(new RouteImage(List.of(groups)), origin);
    }

    private static TopicConfigSerializeWrapper full(DataVersion v, String... topics) {
        List<TopicConfig> configs = new ArrayList<>();
        for (String t : topics) {
            configs.add(topic(t));
        }
        configs.add(topic("SELF_TEST_TOPIC"));
        return wrapper(v, configs.toArray(TopicConfig[]::new));
    }

    private void registerDirect(String addr, String name, long id, TopicConfigSerializeWrapper w, EmbeddedChannel ch) {
        rim.registerBroker(BrokerRegistration.builder(C1, addr, name, id).haServerAddr("ha-" + addr)
            .enableActingMaster(false).topics(w).channel(ch).build());
    }

    private BrokerOrigin originOf(String addr) {
        return rim.liveBrokers().stream().filter(v -> v.brokerAddr().equals(addr)).findFirst()
            .map(RouteInfoManager.BrokerLiveView::origin).orElse(null);
    }

    // ------------------------------------------------------------ routed, and expiring

    @Test
    void restoredStateIsRoutedLikeDirectState() {
        RouteInfoManager.MergeOutcome outcome = merge(BrokerOrigin.RESTORED,
            group(A, "zone-a", List.of(member(0, A0, version(1), now.get()), member(1, A1, version(1), now.get())), "T1"));

        assertEquals(new RouteInfoManager.MergeOutcome(2, 0, 0), outcome);
        TopicRouteData route = rim.pickupTopicRouteData("T1");
        assertNotNull(route, "the point of a restore: routes answer at once");
        assertEquals(Map.of(0L, A0, 1L, A1), addrsOf(route, A));
        assertEquals(new QueueData(A, PERM_RW, 4, 0, 4), queueOf(route, A));
        assertEquals("zone-a", route.brokerDatas().get(0).zoneName());
        assertEquals(Map.of(C1, Set.of(A)), rim.getAllClusterInfo().clusterAddrTable());
        assertEquals(BrokerOrigin.RESTORED, originOf(A0));
        assertEquals(Map.of(BrokerOrigin.DIRECT, 0, BrokerOrigin.RESTORED, 2, BrokerOrigin.RELAYED, 0),
            rim.brokersByOrigin());
    }

    @Test
    void aRestoredBrokerThatNeverRegistersIsGoneOneTimeoutAfterTheRestore() {
        merge(BrokerOrigin.RESTORED, group(A, null, List.of(member(0, A0, version(1), now.get())), "T1"));

        now.addAndGet(TIMEOUT);
        assertEquals(0, rim.scanNotActiveBroker(), "alive for exactly one timeout");
        assertNotNull(rim.pickupTopicRouteData("T1"));
        now.addAndGet(1);
        assertEquals(1, rim.scanNotActiveBroker());
        assertNull(rim.pickupTopicRouteData("T1"));
        assertEquals(Map.of(), rim.getAllClusterInfo().brokerAddrTable());
    }

    @Test
    void heartbeatsDoNotKeepAProvisionalEntryAliveAndItsVersionAlwaysAsksForARegistration() {
        merge(BrokerOrigin.RESTORED, group(A, null, List.of(member(0, A0, version(7), now.get())), "T1"));

        assertTrue(rim.isBrokerTopicConfigChanged(C1, A0, version(7)),
            "QUERY_DATA_VERSION says 'changed' so a broker with forceRegister=false registers for real");
        now.addAndGet(TIMEOUT - 1);
        rim.updateBrokerInfoUpdateTimestamp(C1, A0);
        now.addAndGet(2);
        assertEquals(1, rim.scanNotActiveBroker(), "only a registration here confirms a provisional entry");
    }

    @Test
    void aRegistrationConfirmsTheEntryWhichThenLivesOnItsHeartbeats() {
        merge(BrokerOrigin.RESTORED, group(A, null, List.of(member(0, A0, version(1), now.get())), "T1"));
        List<Boolean> firstTimes = new ArrayList<>();
        rim.setEventListener(new RouteEventListener() {
            @Override
            public void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime) {
                firstTimes.add(firstTime);
            }

            @Override
            public void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause) {
            }
        });

        now.addAndGet(1_000);
        registerDirect(A0, A, 0, full(version(1), "T1"), chA0);
        assertEquals(List.of(true), firstTimes, "the first registration here is new, though the entry was restored");
        assertEquals(BrokerOrigin.DIRECT, originOf(A0));
        now.addAndGet(TIMEOUT - 10);
        rim.updateBrokerInfoUpdateTimestamp(C1, A0);
        now.addAndGet(TIMEOUT - 10);
        assertEquals(0, rim.scanNotActiveBroker());
        assertNotNull(rim.pickupTopicRouteData("T1"));
    }

    @Test
    void noSourceCanDateAMemberInTheFuture() {
        merge(BrokerOrigin.RELAYED, group(A, null, List.of(member(0, A0, version(1), now.get() + 3_600_000)), "T1"));

        now.addAndGet(TIMEOUT + 1);
        assertEquals(1, rim.scanNotActiveBroker());
    }

    // ------------------------------------------------------------ direct beats provisional

    @Test
    void aProvisionalMemberNeverReplacesADirectRegistrationOfTheSameAddress() {
        registerDirect(A0, A, 0, full(version(3), "T1"), chA0);

        RouteInfoManager.MergeOutcome outcome = merge(BrokerOrigin.RELAYED,
            group(A, "lying-zone", List.of(member(0, A0, version(99), now.get())), "T1", "Fake"));

        assertEquals(new RouteInfoManager.MergeOutcome(0, 1, 0), outcome);
        assertEquals(BrokerOrigin.DIRECT, originOf(A0));
        assertNull(rim.pickupTopicRouteData("Fake"));
        assertNull(rim.pickupTopicRouteData("T1").brokerDatas().get(0).zoneName());
        assertFalse(rim.isBrokerTopicConfigChanged(C1, A0, version(3)), "the direct data version stays");
    }

    @Test
    void aProvisionalMemberNeverTakesTheSlotOfADirectOne() {
        registerDirect(A0, A, 0, full(version(3), "T1"), chA0);

        RouteInfoManager.MergeOutcome outcome = merge(BrokerOrigin.RELAYED,
            group(A, null, List.of(member(0, A1, version(3), now.get())), "T1"));

        assertEquals(new RouteInfoManager.MergeOutcome(0, 1, 0), outcome);
        assertEquals(Map.of(0L, A0), addrsOf(rim.pickupTopicRouteData("T1"), A));
        assertNull(originOf(A1));
    }

    @Test
    void aProvisionalSlaveJoinsADirectGroupWithoutTouchingItsTopics() {
        registerDirect(A0, A, 0, full(version(3), "T1"), chA0);

        merge(BrokerOrigin.RELAYED, group(A, "other-zone", List.of(member(1, A1, version(3), now.get())), "Other"));

        TopicRouteData route = rim.pickupTopicRouteData("T1");
        assertEquals(Map.of(0L, A0, 1L, A1), addrsOf(route, A), "the missing slave is routed");
        assertNull(rim.pickupTopicRouteData("Other"), "but the group's topics are its direct registrations'");
        assertNull(route.brokerDatas().get(0).zoneName());
    }

    @Test
    void aGroupNamedHereInAnotherClusterIsRefusedWhole() {
        registerDirect(A0, A, 0, full(version(3), "T1"), chA0);
        RouteImage.Group elsewhere = new RouteImage.Group("OtherCluster", A, null, false,
            List.of(member(1, A1, version(3), now.get())), Map.of(), Map.of());

        assertEquals(new RouteInfoManager.MergeOutcome(0, 0, 1),
            rim.mergeProvisional(new RouteImage(List.of(elsewhere)), BrokerOrigin.RELAYED));
        assertEquals(Map.of(C1, Set.of(A)), rim.getAllClusterInfo().clusterAddrTable());
    }

    @Test
    void aDirectRegistrationTakesTheSlotOfAProvisionalMemberWhateverItsStateVersion() {
        merge(BrokerOrigin.RELAYED, group(A, null, List.of(member(0, A1, stateVersion(9, 1), now.get())), "T1"));

        registerDirect(A0, A, 0, wrapper(stateVersion(2, 1), topic("T1"), topic("SELF_TEST_TOPIC")), chA0);

        assertEquals(Map.of(0L, A0), addrsOf(rim.pickupTopicRouteData("T1"), A),
            "a provisional entry's higher stateVersion must not make the real broker 'conflict'");
        assertNull(originOf(A1), "the displaced provisional process is forgotten");
        assertEquals(BrokerOrigin.DIRECT, originOf(A0));
    }

    @Test
    void laterMergesNeverUndoADirectRegistration() {
        merge(BrokerOrigin.RESTORED, group(A, null, List.of(member(0, A0, version(1), now.get())), "T1", "T2"));
        registerDirect(A0, A, 0, full(version(2), "T1", "T3"), chA0);

        merge(BrokerOrigin.RELAYED, group(A, null, List.of(member(0, A0, version(1), now.get())), "T1", "T2", "T4"));

        assertEquals(BrokerOrigin.DIRECT, originOf(A0));
        assertNotNull(rim.pickupTopicRouteData("T3"));
        assertNull(rim.pickupTopicRouteData("T4"));
    }

    // ------------------------------------------------------------ topics of a provisional group

    @Test
    void aRefreshReplacesTheTopicsOfAProvisionalGroup() {
        merge(BrokerOrigin.RELAYED, group(A, null, List.of(member(0, A0, version(1), now.get())), "T1", "T2"));
        merge(BrokerOrigin.RELAYED, group(A, null, List.of(member(0, A0, version(2), now.get())), "T1", "T3"));

        assertNotNull(rim.pickupTopicRouteData("T1"));
        assertNull(rim.pickupTopicRouteData("T2"), "deleted at the source, deleted here");
        assertNotNull(rim.pickupTopicRouteData("T3"));
    }

    @Test
    void topicsTheReturningBrokerNoLongerHasLeaveItsRoutesAtTheRestoreDeadline() {
        merge(BrokerOrigin.RESTORED, group(A, null, List.of(member(0, A0, version(1), now.get())), "Kept", "Deleted"));
        now.addAndGet(5_000);
        registerDirect(A0, A, 0, full(version(2), "Kept"), chA0);

        rim.scanNotActiveBroker();
        assertNotNull(rim.pickupTopicRouteData("Deleted"), "a split registration may still bring it");
        now.addAndGet(TIMEOUT);
        rim.updateBrokerInfoUpdateTimestamp(C1, A0);
        rim.scanNotActiveBroker();
        assertNull(rim.pickupTopicRouteData("Deleted"), "deleted while this name server was down: gone for good");
        assertNotNull(rim.pickupTopicRouteData("Kept"));
    }

    // ------------------------------------------------------------ the direct view and withdrawal

    @Test
    void theDirectViewLeavesProvisionalStateOutSoItCannotLoopBetweenPeers() {
        registerDirect(A0, A, 0, full(version(1), "T1"), chA0);
        merge(BrokerOrigin.RELAYED, group(A, null, List.of(member(1, A1, version(1), now.get()))));
        merge(BrokerOrigin.RESTORED, group(B, null, List.of(member(0, B0, version(1), now.get())), "T2"));

        ClusterInfo all = rim.getAllClusterInfo();
        ClusterInfo direct = rim.getDirectClusterInfo();
        assertEquals(Map.of(C1, Set.of(A, B)), all.clusterAddrTable());
        assertEquals(Map.of(C1, Set.of(A)), direct.clusterAddrTable());
        assertEquals(Map.of(0L, A0), direct.brokerAddrTable().get(A).brokerAddrs());
    }

    @Test
    void withdrawingRemovesOnlyProvisionalStateOfThatOrigin() {
        registerDirect(A0, A, 0, full(version(1), "T1"), chA0);
        merge(BrokerOrigin.RELAYED, group(B, null, List.of(member(0, B0, version(1), now.get())), "T2"));

        assertFalse(rim.withdrawProvisional(C1, A0, BrokerOrigin.RELAYED, "test"), "a direct broker stays");
        assertFalse(rim.withdrawProvisional(C1, B0, BrokerOrigin.RESTORED, "test"), "only the origin named");
        assertNotNull(rim.pickupTopicRouteData("T2"));
        assertTrue(rim.withdrawProvisional(C1, B0, BrokerOrigin.RELAYED, "test"));
        assertNull(rim.pickupTopicRouteData("T2"));
        assertNotNull(rim.pickupTopicRouteData("T1"));
        assertEquals(Map.of(C1, Set.of(A)), rim.getAllClusterInfo().clusterAddrTable());
    }

    // ------------------------------------------------------------ the image

    @Test
    void anImageMergedIntoAnEmptyTableAnswersEveryRouteTheSame() {
        registerDirect(A0, A, 0, wrapperWithMapping(version(1), mapping("Static", A, 3), topic("T1"),
            topic("Static"), topic("T2", 8, 4, 1)), chA0);
        registerDirect(A1, A, 1, full(version(1), "T1"), chA1);
        rim.registerBroker(BrokerRegistration.builder(C1, B0, B, 0).enableActingMaster(true).zoneName("zb")
            .topics(full(version(4), "T1", "T3")).filterServers(List.of("fs:1")).channel(new EmbeddedChannel())
            .build());

        RouteImage image = rim.image();
        RouteInfoManager restored = new RouteInfoManager(new RouteFixtures.MutableSettings(), now::get);
        restored.mergeProvisional(image, BrokerOrigin.RESTORED);

        for (String topic : rim.getAllTopicList().topicList()) {
            assertEquals(sorted(rim.pickupTopicRouteData(topic)), sorted(restored.pickupTopicRouteData(topic)), topic);
        }
        assertEquals(rim.getAllClusterInfo(), restored.getAllClusterInfo());
        assertEquals(3, image.memberCount());
    }

    @Test
    void aProvisionalGroupPastARouteLimitIsRefusedWholeAsARegistrationWouldBe() {
        // What a snapshot or a peer brings obeys the limits brokers do: room for one group here.
        RouteInfoManager oneGroup = limited(new RouteLimits(100, 100, 1, 10, 10));
        RouteInfoManager.MergeOutcome outcome = oneGroup.mergeProvisional(new RouteImage(List.of(
            group(A, null, List.of(member(0, A0, version(1), now.get()), member(1, A1, version(1), now.get())), "T1"),
            group(B, null, List.of(member(0, B0, version(1), now.get())), "T2"))), BrokerOrigin.RELAYED);
        assertEquals(2, outcome.membersTaken(), outcome.toString());
        assertEquals(1, outcome.groupsRefused(), outcome.toString());
        assertNotNull(oneGroup.pickupTopicRouteData("T1"));
        assertNull(oneGroup.pickupTopicRouteData("T2"), "nothing of a refused group is taken");

        RouteInfoManager twoBrokers = limited(new RouteLimits(100, 100, 10, 2, 10));
        assertEquals(1, twoBrokers.mergeProvisional(new RouteImage(List.of(group(A, null, List.of(
            member(0, A0, version(1), now.get()), member(1, A1, version(1), now.get()),
            member(2, "10.0.0.9:10911", version(1), now.get())), "T1"))), BrokerOrigin.RESTORED).groupsRefused());
        assertEquals(0, twoBrokers.tableSizes().liveBrokers(), "refused whole, not two of its three members");

        RouteInfoManager twoTopics = limited(new RouteLimits(2, 100, 10, 10, 10));
        assertEquals(1, twoTopics.mergeProvisional(new RouteImage(List.of(group(A, null,
            List.of(member(0, A0, version(1), now.get())), "T1", "T2", "T3"))), BrokerOrigin.RESTORED).groupsRefused());
        assertEquals(0, twoTopics.tableSizes().liveBrokers());
    }

    private RouteInfoManager limited(RouteLimits limits) {
        return new RouteInfoManager(new RouteFixtures.MutableSettings(), now::get, limits);
    }

    private static TopicRouteData sorted(TopicRouteData r) {
        List<QueueData> queues = new ArrayList<>(r.queueDatas());
        queues.sort(java.util.Comparator.comparing(QueueData::brokerName));
        List<io.namesrv.protocol.BrokerData> brokers = new ArrayList<>(r.brokerDatas());
        brokers.sort(java.util.Comparator.comparing(io.namesrv.protocol.BrokerData::brokerName));
        return new TopicRouteData(brokers, r.filterServerTable(), r.orderTopicConf(), queues,
            r.topicQueueMappingByBroker());
    }
}
