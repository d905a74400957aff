package io.namesrv.namesrv.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.namesrv.routeinfo.RouteImage;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route snapshot of a large cluster (issue 18's scale): 256 broker groups of 4,000 topics each,
 * every topic on four groups (256,000 topics, 1,024,000 topic-queue entries), is over 64 MiB of
 * JSON, past the largest array fastjson2 writes into: before the snapshot was streamed, its writer
 * failed at this size (JSONLargeObjectException) and a large cluster lost its warm restart. Here it
 * is written by the server's own writer and restored equal, within the heap surefire gives tests.
 */
class RouteSnapshotScaleTest {

    static final int GROUPS = 256;
    static final int TOPICS_PER_GROUP = 4_000;
    /** Groups sharing the same topics: every topic is served by this many groups. */
    static final int GROUPS_PER_TOPIC = 4;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    @Test
    void aSnapshotPast64MiBIsWrittenAndRestoredEqual() throws Exception {
        RouteInfoManager before = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false), now::get);
        fill(before, GROUPS, TOPICS_PER_GROUP, GROUPS_PER_TOPIC);
        assertEquals(GROUPS / GROUPS_PER_TOPIC * TOPICS_PER_GROUP + GROUPS, before.tableSizes().topics());
        Path file = dir.resolve("routeSnapshot.json");
        RouteSnapshotStore store = new RouteSnapshotStore(file);
        SnapshotWriter writer = new SnapshotWriter(store, before, now::get);

        assertTrue(writer.writeIfChanged(), String.valueOf(writer.state().lastError()));
        long size = Files.size(file);
        assertTrue(size > 64L << 20, "the snapshot is past fastjson2's largest array: " + size + " bytes");

        RouteInfoManager after = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false), now::get);
        RestoreReport report = SnapshotRestore.restore(store, after, now.get());

        assertEquals("snapshot", report.source(), report.detail());
        assertEquals(GROUPS, report.groups());
        assertEquals(GROUPS, report.brokers());
        assertEquals(before.tableSizes(), after.tableSizes());
        assertSameGroups(before.image(), after.image());
        assertTrue(after.liveBrokers().stream().allMatch(v -> v.origin() == BrokerOrigin.RESTORED));
        assertNotNull(after.pickupTopicRouteData("scale-topic-63-3999"));
        assertEquals(GROUPS_PER_TOPIC, after.pickupTopicRouteData("scale-topic-63-3999").queueDatas().size());

        // A steady table is not rewritten, however large.
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertTrue(writer.writeIfChanged());
        assertEquals(1, writer.state().writes());
        assertEquals(modified, Files.getLastModifiedTime(file).toMillis());
    }

    /**
     * {@code groups} masters of one cluster, {@code topicsPerGroup} topics each (plus their own),
     * every topic shared by {@code groupsPerTopic} consecutive groups.
     */
    static void fill(RouteInfoManager routes, int groups, int topicsPerGroup, int groupsPerTopic) {
        for (int i = 0; i < groups; i++) {
            String name = "scale-broker-" + i;
            Map<String, TopicConfig> table = new LinkedHashMap<>(topicsPerGroup * 2);
            table.put(name, new TopicConfig(name, 1, 1, 7, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
            for (int t = 0; t < topicsPerGroup; t++) {
                String topic = "scale-topic-" + i / groupsPerTopic + "-" + t;
                table.put(topic, new TopicConfig(topic, 8, 8, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
            }
            routes.registerBroker(BrokerRegistration.builder("ScaleCluster", "10.1." + (i / 250) + "." + (i % 250)
                + ":10911", name, 0).haServerAddr("10.1.0.0:10912").enableActingMaster(false).zoneName("z1")
                .heartbeatTimeoutMillis(600_000L)
                .topics(TopicConfigSerializeWrapper.of(new DataVersion(0, 1_700_000_000_000L, i), table)).build());
        }
    }

    /** Equal groups, queues, mappings and members; only the members' origin (restored) may differ. */
    static void assertSameGroups(RouteImage expected, RouteImage actual) {
        Map<String, RouteImage.Group> byName = new HashMap<>();
        actual.groups().forEach(g -> byName.put(g.brokerName(), g));
        assertEquals(expected.groups().size(), byName.size());
        for (RouteImage.Group e : expected.groups()) {
            RouteImage.Group a = byName.get(e.brokerName());
            assertNotNull(a, e.brokerName());
            assertEquals(e.cluster(), a.cluster());
            assertEquals(e.zoneName(), a.zoneName());
            assertEquals(e.enableActingMaster(), a.enableActingMaster());
            assertEquals(e.queues(), a.queues(), e.brokerName());
            assertEquals(e.mappings(), a.mappings(), e.brokerName());
            assertEquals(withoutOrigin(e.members()), withoutOrigin(a.members()), e.brokerName());
        }
    }

    private static List<RouteImage.Member> withoutOrigin(List<RouteImage.Member> members) {
        return members.stream().map(m -> new RouteImage.Member(m.brokerId(), m.addr(), m.haServerAddr(),
            m.heartbeatTimeoutMillis(), m.dataVersion(), m.filterServers(), null, m.lastUpdateTimestamp())).toList();
    }
}
