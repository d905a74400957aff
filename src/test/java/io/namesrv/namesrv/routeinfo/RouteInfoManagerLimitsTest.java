package io.namesrv.namesrv.routeinfo;

import static io.namesrv.namesrv.routeinfo.RouteFixtures.topic;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.version;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicRouteData;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The route table's limits: a registration past one is refused whole (the table afterwards is the
 * table before), names the limit, and room freed by a removal can be used again. The entry count
 * the topic limit relies on stays equal to the table's real content through every kind of change.
 */
class RouteInfoManagerLimitsTest {

    private static RouteInfoManager routes(RouteLimits limits, boolean deleteTopicWithRegistration) {
        return new RouteInfoManager(new RouteInfoSettings.Fixed(deleteTopicWithRegistration, false),
            System::currentTimeMillis, limits);
    }

    private static TopicConfig[] topics(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> topic(prefix + i)).toArray(TopicConfig[]::new);
    }

    private static BrokerRegistration registration(String cluster, String name, String addr, long id, long counter,
                                                   TopicConfig... topics) {
        return BrokerRegistration.builder(cluster, addr, name, id).topics(wrapper(version(counter), topics))
            .enableActingMaster(false).build();
    }

    /** Everything a client or operator can see of the table. */
    private static String snapshot(RouteInfoManager routes) {
        return routes.getAllClusterInfo() + " " + topicQueues(routes) + " " + routes.tableSizes()
            + " " + routes.liveBrokers().stream().map(b -> b.clusterName() + "/" + b.brokerAddr()).sorted().toList();
    }

    /** Every topic's queue data as a client's route lookup answers it, by topic name. */
    private static SortedMap<String, List<QueueData>> topicQueues(RouteInfoManager routes) {
        SortedMap<String, List<QueueData>> all = new TreeMap<>();
        for (String topic : routes.topicNames()) {
            TopicRouteData route = routes.pickupTopicRouteData(topic);
            if (route != null) {
                all.put(topic, route.queueDatas());
            }
        }
        return all;
    }

    /** The entry count the table keeps must be the number of (topic, broker) pairs it holds. */
    private static void assertEntriesCounted(RouteInfoManager routes) {
        long real = topicQueues(routes).values().stream().mapToLong(List::size).sum();
        assertEquals(real, routes.tableSizes().topicQueueEntries(), "topic-queue entries counted");
    }

    private static RouteLimitExceededException refused(RouteInfoManager routes, BrokerRegistration r) {
        String before = snapshot(routes);
        RouteLimitExceededException e = assertThrows(RouteLimitExceededException.class, () -> routes.registerBroker(r));
        assertEquals(before, snapshot(routes), "a refused registration registers nothing");
        return e;
    }

    @Test
    void topicQueueEntriesPastTheLimitAreRefusedWholeAndFreedRoomIsUsable() {
        RouteInfoManager routes = routes(new RouteLimits(1000, 100, 100, 100, 100), false);
        routes.registerBroker(registration("C", "a", "1.1.1.1:1", 0, 1, topics("A", 60)));
        // Its slave reports the same topics: no new entry, so it fits however full the table is.
        routes.registerBroker(registration("C", "a", "1.1.1.1:2", 1, 1, topics("A", 60)));
        assertEntriesCounted(routes);

        RouteLimitExceededException e = refused(routes, registration("C", "b", "2.2.2.2:1", 0, 1, topics("B", 41)));
        assertEquals(RouteLimits.TOPIC_QUEUE_ENTRIES, e.limit());
        assertEquals("broker group b would add 41 topic-queue entries to the 60 held: maxTopicQueueEntries=100",
            e.getMessage());

        routes.registerBroker(registration("C", "b", "2.2.2.2:1", 0, 1, topics("B", 40)));
        assertEquals(100, routes.tableSizes().topicQueueEntries());
        // Topics a group already serves are not new entries: re-registering with changed queue counts fits.
        routes.registerBroker(registration("C", "b", "2.2.2.2:1", 0, 2,
            IntStream.range(0, 40).mapToObj(i -> topic("B" + i, 8, RouteFixtures.PERM_RW, 0)).toArray(TopicConfig[]::new)));
        assertEquals(RouteLimits.TOPIC_QUEUE_ENTRIES,
            refused(routes, registration("C", "a", "1.1.1.1:1", 0, 2, topics("A", 61))).limit());

        routes.unregisterBroker(new UnregisterRequest("C", "2.2.2.2:1", "b", 0L, UnregisterRequest.ANY_GENERATION, "test"));
        assertEquals(60, routes.tableSizes().topicQueueEntries());
        routes.registerBroker(registration("C", "c", "3.3.3.3:1", 0, 1, topics("C", 40)));
        assertEntriesCounted(routes);
    }

    @Test
    void distinctTopicsPastTheLimitAreRefusedWholeWhileSharedTopicsStillFit() {
        RouteInfoManager routes = routes(new RouteLimits(50, 1000, 100, 100, 100), false);
        routes.registerBroker(registration("C", "a", "1.1.1.1:1", 0, 1, topics("A", 40)));
        RouteLimitExceededException e = refused(routes, registration("C", "b", "2.2.2.2:1", 0, 1, topics("B", 11)));
        assertEquals(RouteLimits.TOPICS, e.limit());
        assertEquals("broker group b would add 11 topics to the 40 held: maxTopics=50", e.getMessage());
        // A second group serving the same 40 topics adds entries, not topics: it fits, and so do 10 new ones.
        routes.registerBroker(registration("C", "b", "2.2.2.2:1", 0, 1, concat(topics("A", 40), topics("B", 10))));
        assertEquals(50, routes.tableSizes().topics());
        assertEquals(90, routes.tableSizes().topicQueueEntries());
        // A new topic by admin request counts too; one the table holds already does not.
        assertEquals("topic Z would add 1 topics to the 50 held: maxTopics=50", assertThrows(
            RouteLimitExceededException.class, () -> routes.registerTopic("Z", List.of(new QueueData("a", 6, 4, 0, 4))))
            .getMessage());
        routes.registerTopic("B3", List.of(new QueueData("a", 6, 4, 0, 4)));
        assertEntriesCounted(routes);
        // The topics of a group that leaves are room again.
        routes.unregisterBroker(new UnregisterRequest("C", "2.2.2.2:1", "b", 0L, UnregisterRequest.ANY_GENERATION, "test"));
        routes.registerBroker(registration("C", "c", "3.3.3.3:1", 0, 1, topics("C", 9)));
        assertEquals(50, routes.tableSizes().topics());
    }

    private static TopicConfig[] concat(TopicConfig[] a, TopicConfig[] b) {
        return Stream.concat(Arrays.stream(a), Arrays.stream(b))
            .toArray(TopicConfig[]::new);
    }

    @Test
    void topicRegistrationByAdminRequestKeepsToTheLimitToo() {
        RouteInfoManager routes = routes(new RouteLimits(1000, 3, 100, 100, 100), false);
        routes.registerBroker(registration("C", "a", "1.1.1.1:1", 0, 1, topics("A", 2)));
        routes.registerBroker(registration("C", "b", "2.2.2.2:1", 0, 1, topics("B", 0)));
        routes.registerTopic("T", List.of(new QueueData("a", 6, 4, 0, 4)));
        assertEquals(3, routes.tableSizes().topicQueueEntries());
        String before = snapshot(routes);
        RouteLimitExceededException e = assertThrows(RouteLimitExceededException.class,
            () -> routes.registerTopic("U", List.of(new QueueData("a", 6, 4, 0, 4))));
        assertEquals("topic U would add 1 topic-queue entries to the 3 held: maxTopicQueueEntries=3", e.getMessage());
        assertEquals(before, snapshot(routes));
        // Replacing the queue data a group already has for a topic adds no entry.
        routes.registerTopic("T", List.of(new QueueData("a", 6, 8, 0, 8)));
        assertEntriesCounted(routes);
    }

    @Test
    void brokerGroupsBrokersAndBrokersPerClusterAreBounded() {
        RouteInfoManager routes = routes(new RouteLimits(1000, 1000, 2, 4, 3), false);
        routes.registerBroker(registration("C", "a", "1.1.1.1:1", 0, 1, topics("A", 2)));
        routes.registerBroker(registration("C", "b", "2.2.2.2:1", 0, 1, topics("B", 2)));
        RouteLimitExceededException groups = refused(routes, registration("C", "c", "3.3.3.3:1", 0, 1, topics("X", 2)));
        assertEquals("broker group c would be one too many: maxBrokerGroups=2", groups.getMessage());

        // A new replica of a known group is no new group, but a new broker process.
        routes.registerBroker(registration("C", "a", "1.1.1.1:2", 1, 1, topics("A", 2)));
        RouteLimitExceededException perCluster = refused(routes, registration("C", "b", "2.2.2.2:2", 1, 1, topics("B", 2)));
        assertEquals(RouteLimits.BROKERS_PER_CLUSTER, perCluster.limit());
        assertEquals("broker 2.2.2.2:2 would be one too many in cluster C: maxBrokersPerCluster=3", perCluster.getMessage());

        // A broker already live re-registers whatever the limits say.
        assertNotNull(routes.registerBroker(registration("C", "a", "1.1.1.1:1", 0, 2, topics("A", 2))));

        // The same group names in another cluster: a fourth process is allowed, a fifth is one too many.
        routes.registerBroker(registration("D", "a", "4.4.4.4:1", 2, 1, topics("A", 2)));
        RouteLimitExceededException brokers = refused(routes, registration("D", "a", "4.4.4.4:2", 3, 1, topics("A", 2)));
        assertEquals("broker 4.4.4.4:2 would be one too many: maxBrokers=4", brokers.getMessage());
        assertEntriesCounted(routes);
    }

    private static RouteImage.Group provisional(String name, String addr, String... topics) {
        Map<String, QueueData> queues = new HashMap<>();
        for (String t : topics) {
            queues.put(t, new QueueData(name, RouteFixtures.PERM_RW, 4, 0, 4));
        }
        return new RouteImage.Group("C", name, null, false, List.of(new RouteImage.Member(0, addr, null, 120_000,
            version(1), List.of(), BrokerOrigin.DIRECT, System.currentTimeMillis())), queues, Map.of());
    }

    @Test
    void aProvisionalGroupPastALimitIsRefusedWholeSoALyingPeerCannotFillTheHeap() {
        RouteInfoManager routes = routes(new RouteLimits(5, 1000, 2, 100, 100), false);
        routes.registerBroker(registration("C", "a", "1.1.1.1:1", 0, 1, topics("A", 3)));
        String before = snapshot(routes);
        RouteInfoManager.MergeOutcome tooManyTopics = routes.mergeProvisional(new RouteImage(List.of(
            provisional("b", "2.2.2.2:1", "B0", "B1", "B2"))), BrokerOrigin.RELAYED);
        assertEquals(new RouteInfoManager.MergeOutcome(0, 0, 1), tooManyTopics);
        assertEquals(before, snapshot(routes), "a refused group merges nothing");

        assertEquals(new RouteInfoManager.MergeOutcome(1, 0, 0), routes.mergeProvisional(new RouteImage(List.of(
            provisional("b", "2.2.2.2:1", "B0", "B1"))), BrokerOrigin.RELAYED));
        assertEquals(5, routes.tableSizes().topics());
        assertEntriesCounted(routes);
        RouteInfoManager.MergeOutcome oneGroupTooMany = routes.mergeProvisional(new RouteImage(List.of(
            provisional("c", "3.3.3.3:1", "A0"))), BrokerOrigin.RESTORED);
        assertEquals(1, oneGroupTooMany.groupsRefused());
        // Withdrawn, its topics are room again, and the count follows.
        routes.withdrawProvisional("C", "2.2.2.2:1", BrokerOrigin.RELAYED, "test");
        assertEntriesCounted(routes);
    }

    @Test
    void theEntryCountFollowsEveryKindOfChange() {
        RouteInfoManager routes = routes(RouteLimits.NONE, true);
        routes.registerBroker(registration("C", "a", "1.1.1.1:1", 0, 1, topics("T", 10)));
        routes.registerBroker(registration("C", "b", "2.2.2.2:1", 0, 1, topics("T", 5)));
        assertEquals(15, routes.tableSizes().topicQueueEntries());
        // deleteTopicWithBrokerRegistration: a group that no longer reports six topics loses them.
        routes.registerBroker(registration("C", "a", "1.1.1.1:1", 0, 2, topics("T", 4)));
        assertEquals(9, routes.tableSizes().topicQueueEntries());
        assertEntriesCounted(routes);
        routes.registerTopic("X", List.of(new QueueData("a", 6, 4, 0, 4), new QueueData("b", 6, 4, 0, 4)));
        routes.deleteTopic("T1", "C");
        assertEntriesCounted(routes);
        routes.deleteTopic("X");
        assertEntriesCounted(routes);
        routes.wipeWritePermOfBrokerByLock("a");
        routes.unregisterBroker(new UnregisterRequest("C", "2.2.2.2:1", "b", 0L, UnregisterRequest.ANY_GENERATION, "test"));
        assertEntriesCounted(routes);
        routes.unregisterBroker(new UnregisterRequest("C", "1.1.1.1:1", "a", 0L, UnregisterRequest.ANY_GENERATION, "test"));
        assertEquals(0, routes.tableSizes().topicQueueEntries());
    }
}
