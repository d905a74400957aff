package io.namesrv.namesrv.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.JSONWriter;
import io.namesrv.namesrv.config.AtomicFileWriter;
import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.namesrv.routeinfo.RouteImage;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.TopicQueueMappingInfo;
import io.namesrv.protocol.TopicRouteData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route snapshot on disk: what is written restores the same routes; a crash at any step of a
 * write leaves the previous snapshot (or the new one) restorable, never nothing and never a mix;
 * a snapshot in a format version this server does not read is refused with one log line.
 */
class RouteSnapshotTest {

    private static final long TIMEOUT = 120_000;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private NamesrvLogCapture log;

    @BeforeEach
    void captureLog() {
        log = NamesrvLogCapture.start();
    }

    @AfterEach
    void releaseLog() {
        log.close();
    }

    private RouteInfoManager table() {
        return new RouteInfoManager(new RouteInfoSettings.Fixed(false, false), now::get);
    }

    private static TopicConfig topic(String name, int queues) {
        return new TopicConfig(name, queues, queues, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of());
    }

    private static void register(RouteInfoManager routes, String name, long id, String addr, long counter,
                                 String... topics) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        for (String t : topics) {
            table.put(t, topic(t, 4));
        }
        table.put(name, topic(name, 1));
        routes.registerBroker(BrokerRegistration.builder("C", addr, name, id).haServerAddr(addr + "-ha")
            .enableActingMaster(false).zoneName("z1").heartbeatTimeoutMillis(TIMEOUT)
            .topics(TopicConfigSerializeWrapper.of(new DataVersion(0, 1, counter), table))
            .filterServers(List.of()).build());
    }

    private void write(Path file, RouteInfoManager routes) throws IOException {
        new RouteSnapshotStore(file).write(now.get(), routes.image().groups());
    }

    /** The bytes a snapshot of {@code groups} is written as. */
    static byte[] encode(long writtenAt, List<RouteImage.Group> groups) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RouteSnapshotCodec.write(writtenAt, groups, out);
        return out.toByteArray();
    }

    private RestoreReport restoreInto(RouteInfoManager routes, Path file) {
        return SnapshotRestore.restore(new RouteSnapshotStore(file), routes, now.get());
    }

    private List<String> warnings() {
        return log.warnings("");
    }

    // ------------------------------------------------------------ round trip

    @Test
    void whatIsWrittenRestoresTheSameRoutesAsRestoredBrokers() throws IOException {
        RouteInfoManager before = table();
        register(before, "a", 0, "10.0.0.1:10911", 3, "T1", "T2");
        register(before, "a", 1, "10.0.0.2:10911", 3, "T1", "T2");
        register(before, "b", 0, "10.0.0.3:10911", 7, "T1");
        Path file = dir.resolve("routeSnapshot.json");
        write(file, before);

        RouteInfoManager after = table();
        RestoreReport report = restoreInto(after, file);

        assertEquals("snapshot", report.source());
        assertEquals(3, report.brokers());
        assertEquals(2, report.groups());
        assertEquals(before.getAllClusterInfo(), after.getAllClusterInfo());
        for (String t : List.of("T1", "T2", "a", "b")) {
            TopicRouteData expected = before.pickupTopicRouteData(t);
            TopicRouteData actual = after.pickupTopicRouteData(t);
            assertEquals(Map.copyOf(byBroker(expected)), Map.copyOf(byBroker(actual)), t);
        }
        assertTrue(after.liveBrokers().stream().allMatch(v -> v.origin() == BrokerOrigin.RESTORED));
        assertTrue(after.liveBrokers().stream().allMatch(v -> v.lastUpdateTimestamp() == now.get()),
            "alive for one timeout from the restore");
    }

    private static Map<String, QueueData> byBroker(TopicRouteData route) {
        Map<String, QueueData> m = new LinkedHashMap<>();
        route.queueDatas().forEach(q -> m.put(q.brokerName(), q));
        return m;
    }

    @Test
    void aBrokerThatWasOnlyProvisionalKeepsItsDeadlineAcrossRestarts() throws IOException {
        RouteInfoManager first = table();
        first.mergeProvisional(new RouteImage(List.of(new RouteImage.Group("C", "a", null, false,
            List.of(new RouteImage.Member(0, "10.0.0.1:10911", null, TIMEOUT, null, null, BrokerOrigin.DIRECT, now.get())),
            Map.of("T1", new QueueData("a", 6, 4, 0, 4)), Map.of()))), BrokerOrigin.RESTORED);
        Path file = dir.resolve("routeSnapshot.json");
        write(file, first);

        now.addAndGet(TIMEOUT / 2);
        RouteInfoManager second = table();
        restoreInto(second, file);
        now.addAndGet(TIMEOUT / 2 + 1);
        assertEquals(1, second.scanNotActiveBroker(), "a restart must not give it a second timeout");

        RouteInfoManager third = table();
        assertEquals(0, restoreInto(third, file).brokers(), "and past its deadline it is not restored at all");
    }

    @Test
    void staticTopicMappingsAndFilterServersSurviveTheRoundTrip() throws IOException {
        RouteInfoManager before = table();
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        topics.put("Static", topic("Static", 2));
        topics.put("a", topic("a", 1));
        Map<String, TopicQueueMappingInfo> mappings = Map.of("Static",
            new TopicQueueMappingInfo("a", Map.of(0, 0, 1, 1), false, 5, "scope", "Static", 2));
        before.registerBroker(BrokerRegistration.builder("C", "10.0.0.1:10911", "a", 0).enableActingMaster(true)
            .topics(new TopicConfigSerializeWrapper(new DataVersion(0, 1, 1), topics, null, mappings, null))
            .filterServers(List.of("10.0.0.9:1")).build());
        Path file = dir.resolve("routeSnapshot.json");
        write(file, before);

        RouteInfoManager after = table();
        restoreInto(after, file);

        assertEquals(before.pickupTopicRouteData("Static"), after.pickupTopicRouteData("Static"));
        assertEquals(List.of("10.0.0.9:1"), after.pickupTopicRouteData("Static").filterServerTable().get("10.0.0.1:10911"));
    }

    /** The layout as the previous build wrote it: one fastjson2 record, encoded whole. */
    record WholeFile(String format, int version, long writtenAt, List<RouteImage.Group> groups) {
    }

    /**
     * Streaming changed how the file is written, not what: the bytes are those fastjson2 wrote for
     * the whole record, with everything a group can hold (no zone, static-topic mappings, filter
     * servers, several members) and a group large enough to be written in several pieces.
     */
    @Test
    void theStreamedFileIsByteForByteWhatThePreviousBuildWrote() throws IOException {
        RouteInfoManager routes = table();
        String[] many = new String[3_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = "Topic-" + i;
        }
        register(routes, "a", 0, "10.0.0.1:10911", 3, many);
        register(routes, "a", 1, "10.0.0.2:10911", 3, many);
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        topics.put("Static", topic("Static", 2));
        topics.put("b", topic("b", 1));
        routes.registerBroker(BrokerRegistration.builder("C2", "10.0.0.3:10911", "b", 0).enableActingMaster(true)
            .topics(new TopicConfigSerializeWrapper(new DataVersion(0, 1, 1), topics, null, Map.of("Static",
                new TopicQueueMappingInfo("b", Map.of(0, 0, 1, 1), false, 5, "scope", "Static", 2)), null))
            .filterServers(List.of("10.0.0.9:1", "10.0.0.9:2")).build());
        List<RouteImage.Group> groups = routes.image().groups();

        byte[] streamed = encode(now.get(), groups);

        assertTrue(streamed.length > 256 * 1024, "group a is written in pieces: " + streamed.length);
        assertEquals(new String(JSON.toJSONBytes(new WholeFile(RouteSnapshotCodec.FORMAT, 1, now.get(), groups)),
            StandardCharsets.UTF_8), new String(streamed, StandardCharsets.UTF_8));
    }

    /** A version-1 file with its fields in another order and indented (a hand-made one) restores the same. */
    @Test
    void aFileInAnotherFieldOrderRestoresTheSame() throws IOException {
        RouteInfoManager before = table();
        register(before, "a", 0, "10.0.0.1:10911", 3, "T1", "T2");
        register(before, "b", 0, "10.0.0.3:10911", 7, "T1");
        JSONObject root = new JSONObject();
        root.put("version", 1);
        root.put("writtenAt", now.get());
        root.put("comment", Map.of("kept", List.of(1, 2)));
        root.put("groups", before.image().groups());
        root.put("format", RouteSnapshotCodec.FORMAT);
        Path file = dir.resolve("routeSnapshot.json");
        Files.writeString(file, JSON.toJSONString(root, JSONWriter.Feature.PrettyFormat));

        RouteInfoManager after = table();
        RestoreReport report = restoreInto(after, file);

        assertEquals("snapshot", report.source(), report.detail());
        assertEquals(2, report.groups());
        RouteSnapshotScaleTest.assertSameGroups(before.image(), after.image());
    }

    /** A group that does not decode is refused alone, with one WARN saying which; the others restore. */
    @Test
    void aDamagedGroupIsRefusedAloneAndTheOthersRestore() throws IOException {
        RouteInfoManager before = table();
        register(before, "a", 0, "10.0.0.1:10911", 3, "T1");
        Path file = dir.resolve("routeSnapshot.json");
        write(file, before);
        String content = Files.readString(file);
        Files.writeString(file, content.replace("\"groups\":[",
            "\"groups\":[{\"cluster\":\"C\",\"members\":[{\"brokerId\":\"x\"}]},"));

        RouteInfoManager after = table();
        RestoreReport report = restoreInto(after, file);

        assertEquals("snapshot", report.source(), report.detail());
        assertEquals(1, report.brokers());
        assertTrue(report.detail().endsWith("; 1 group(s) refused"), report.detail());
        assertNotNull(after.pickupTopicRouteData("T1"));
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("1 broker group(s) not restored") && warnings.get(0).contains("group 0"),
            warnings.get(0));
        assertFalse(log.anyStackTrace());
    }

    // ------------------------------------------------------------ crashes while writing

    /**
     * AtomicFileWriter's steps are: write and fsync {@code .tmp}; link the current file as
     * {@code .bak}; rename {@code .tmp} over the file; fsync the directory. A crash can stop the
     * disk at any point between them, and also halfway through the first.
     */
    @Test
    void aCrashAtAnyStepOfAWriteLeavesASnapshotToRestore() throws IOException {
        Path file = dir.resolve("routeSnapshot.json");
        RouteInfoManager old = table();
        register(old, "old", 0, "10.0.0.1:10911", 1, "OldTopic");
        write(file, old);
        byte[] previous = Files.readAllBytes(file);
        RouteInfoManager newer = table();
        register(newer, "new", 0, "10.0.0.2:10911", 1, "NewTopic");
        byte[] next = encode(now.get(), newer.image().groups());
        Path tmp = AtomicFileWriter.tempOf(file);
        Path bak = AtomicFileWriter.backupOf(file);

        for (int cut = 0; cut < next.length; cut += Math.max(1, next.length / 7)) {
            reset(file, previous, tmp, bak);
            Files.write(tmp, java.util.Arrays.copyOf(next, cut));
            assertRestores(file, "OldTopic", "crash while writing .tmp, " + cut + " bytes");
        }
        reset(file, previous, tmp, bak);
        Files.write(tmp, next);
        assertRestores(file, "OldTopic", "crash after .tmp was complete");
        Files.createLink(bak, file);
        assertRestores(file, "OldTopic", "crash after .bak was linked");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertRestores(file, "NewTopic", "crash after the rename");

        // A disk that lost the renamed file's blocks (it lied about fsync): the backup still restores.
        Files.write(file, java.util.Arrays.copyOf(next, next.length / 2));
        assertRestores(file, "OldTopic", "the file damaged, the backup intact");
        assertTrue(warnings().stream().anyMatch(w -> w.contains("restoring from") && w.contains(".bak")), warnings().toString());
    }

    private static void reset(Path file, byte[] previous, Path tmp, Path bak) throws IOException {
        Files.deleteIfExists(tmp);
        Files.deleteIfExists(bak);
        Files.write(file, previous);
    }

    private void assertRestores(Path file, String topic, String when) {
        RouteInfoManager routes = table();
        RestoreReport report = restoreInto(routes, file);
        assertEquals("snapshot", report.source(), when + ": " + report.detail());
        assertNotNull(routes.pickupTopicRouteData(topic), when);
    }

    // ------------------------------------------------------------ refused

    @Test
    void anOlderFormatVersionIsRefusedWithOneLine() throws IOException {
        Path file = dir.resolve("routeSnapshot.json");
        Files.writeString(file, "{\"format\":\"namesrv-route-snapshot\",\"version\":0,\"writtenAt\":1,"
            + "\"brokers\":[{\"name\":\"a\",\"addr\":\"10.0.0.1:10911\",\"topics\":[\"T1\"]}]}");
        RouteInfoManager routes = table();

        RestoreReport report = restoreInto(routes, file);

        assertEquals("none", report.source());
        assertEquals(0, routes.tableSizes().liveBrokers());
        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("route snapshot " + file + " not restored: format version 0, this name server reads version 1 only",
            warnings.get(0));
        assertFalse(log.anyStackTrace(), "one line, no stack trace");
    }

    @Test
    void aNewerOrForeignFileIsRefusedTooAndNothingIsRestored() throws IOException {
        Path file = dir.resolve("routeSnapshot.json");
        Files.writeString(file, "{\"format\":\"namesrv-route-snapshot\",\"version\":2,\"writtenAt\":1,\"groups\":[]}");
        assertEquals("none", restoreInto(table(), file).source());
        Files.writeString(file, "{\"configTable\":{}}");
        assertEquals("none", restoreInto(table(), file).source());
        assertEquals(2, warnings().size(), warnings().toString());
        assertTrue(warnings().get(1).endsWith("not a route snapshot (format null, expected namesrv-route-snapshot)"),
            warnings().get(1));
    }

    @Test
    void noSnapshotMeansAColdStartWithoutComplaint() {
        RestoreReport report = restoreInto(table(), dir.resolve("missing.json"));
        assertEquals("none", report.source());
        assertTrue(warnings().isEmpty());
    }

    // ------------------------------------------------------------ the format itself

    /** A version-1 file as written by this code: readers of later versions must keep reading it. */
    @Test
    void theVersionOneLayoutIsPinned() throws IOException {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("routeSnapshot-v1.json")) {
            golden = in.readAllBytes();
        }
        Path file = dir.resolve("routeSnapshot.json");
        Files.write(file, golden);
        RouteImage.Group g;
        try (RouteSnapshotFile snapshot = RouteSnapshotFile.open(file)) {
            assertEquals(1_700_000_000_000L, snapshot.writtenAt());
            assertEquals(1, snapshot.groupCount());
            g = snapshot.group(0);
        }
        assertEquals("DefaultCluster", g.cluster());
        assertEquals("broker-a", g.brokerName());
        assertEquals("zone-1", g.zoneName());
        assertFalse(g.enableActingMaster());
        assertEquals(new QueueData("broker-a", 6, 8, 0, 8), g.queues().get("TopicA"));
        RouteImage.Member m = g.members().get(0);
        assertEquals(0, m.brokerId());
        assertEquals("10.0.0.1:10911", m.addr());
        assertEquals("10.0.0.1:10912", m.haServerAddr());
        assertEquals(120_000, m.heartbeatTimeoutMillis());
        assertEquals(new DataVersion(0, 1_699_999_999_000L, 42), m.dataVersion());
        assertEquals(BrokerOrigin.DIRECT, m.origin());
        assertNull(m.filterServers());
        assertEquals(new String(golden, StandardCharsets.UTF_8).trim(),
            new String(encode(1_700_000_000_000L, List.of(g)), StandardCharsets.UTF_8), "written exactly so");
    }
}
