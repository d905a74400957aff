package io.namesrv.namesrv.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.interop.support.ApacheWireClient;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.FakeBroker;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicRouteData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three of our name servers given each other as peers (each its own address too, which it leaves
 * out), and brokers made of Apache's request classes on Apache's client. Comparisons run every
 * 300 ms and a difference becomes a divergence after 1 s, so the periods the documentation
 * speaks of are short here; what is proven is the order of events and what each server says.
 * Also the faults: a peer that lies, one that is slow, one that disappears.
 */
class PeerAgreementTest {

    private static final String CLUSTER = "PeerCluster";
    private static final long COMPARE_MILLIS = 300;
    private static final long DIVERGENCE_MILLIS = 1_000;
    /** Bounds for conditions that take a few comparison periods; generous for a loaded machine. */
    private static final Duration PERIODS = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<String, ApacheWireClient> clients = new HashMap<>();
    private NamesrvLogCapture log;

    @BeforeEach
    void captureLog() {
        log = NamesrvLogCapture.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        log.close();
        Collections.reverse(open);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }

    /** {@code n} servers, each given all {@code n} addresses plus {@code extraPeers} as its peers. */
    private List<PeerTestServer> servers(int n, boolean relay, List<String> extraPeers, Consumer<PeersConfig> tune)
        throws InterruptedException {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ports.add(FreePorts.single());
        }
        List<String> peers = new ArrayList<>(ports.stream().map(p -> "127.0.0.1:" + p).toList());
        peers.addAll(extraPeers);
        List<PeerTestServer> servers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            servers.add(keep(PeerTestServer.start(dir.resolve("ns" + i), ports.get(i), c -> {
                c.setNamesrvPeers(String.join(";", peers));
                c.setNamesrvPeerCompareIntervalMillis(COMPARE_MILLIS);
                c.setNamesrvPeerDivergenceMillis(DIVERGENCE_MILLIS);
                c.setNamesrvPeerRelayEnable(relay);
                c.setNamesrvPeerBootstrapTimeoutMillis(2_000);
                tune.accept(c);
            })));
        }
        return servers;
    }

    private static FakeBroker broker(String name, String addr) {
        return new FakeBroker(CLUSTER, name, 0, addr, addr + "1", List.of(new TopicConfig(name + "-topic", 4, 4),
            new TopicConfig(name, 1, 1)), 1);
    }

    /** Registers {@code broker} with {@code server}; closing the returned connection is the broker dying. */
    private ApacheWireClient registerWith(PeerTestServer server, FakeBroker broker, long timeoutMillis) {
        ApacheWireClient connection = keep(new ApacheWireClient(server.address()));
        RemotingCommand request = broker.registerRequest();
        ((RegisterBrokerRequestHeader) request.readCustomHeader()).setHeartbeatTimeoutMillis(timeoutMillis);
        assertEquals(ResponseCode.SUCCESS, connection.invoke(request).getCode());
        return connection;
    }

    /** The route as Apache's client gets it from {@code server} (one client per server, kept open). */
    private org.apache.rocketmq.remoting.protocol.route.TopicRouteData route(PeerTestServer server, String topic) {
        ApacheWireClient client = clients.computeIfAbsent(server.address(), a -> keep(new ApacheWireClient(a)));
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand response = client.invoke(RemotingCommand.createRequestCommand(
            RequestCode.GET_ROUTEINFO_BY_TOPIC, header));
        return response.getCode() != ResponseCode.SUCCESS ? null : org.apache.rocketmq.remoting.protocol.route
            .TopicRouteData.decode(response.getBody(), org.apache.rocketmq.remoting.protocol.route.TopicRouteData.class);
    }

    /** A broker that keeps heartbeating (BROKER_HEARTBEAT every 200 ms) on its connection until stopped. */
    private ScheduledExecutorService heartbeats(ApacheWireClient connection, FakeBroker broker) {
        ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "test-heartbeat"));
        keep(beat::shutdownNow);
        beat.scheduleWithFixedDelay(() -> {
            try {
                connection.invoke(broker.heartbeatRequest());
            } catch (RuntimeException serverGone) {
                // the name server it beats for is gone; the test is about what the others do
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        return beat;
    }

    private static JSONObject peer(PeerTestServer server, String peer) throws Exception {
        for (Object o : server.peersStatus().getJSONArray("peers")) {
            if (peer.equals(((JSONObject) o).getString("peer"))) {
                return (JSONObject) o;
            }
        }
        return null;
    }

    private static int divergent(PeerTestServer server, String peer, String kind) throws Exception {
        JSONObject p = peer(server, peer);
        return p == null ? -1 : p.getJSONObject("divergent").getIntValue(kind);
    }

    private static String originOf(PeerTestServer server, String addr) throws Exception {
        for (Object o : server.status().getJSONArray("brokers")) {
            if (addr.equals(((JSONObject) o).getString("addr"))) {
                return ((JSONObject) o).getString("origin");
            }
        }
        return null;
    }

    /** The status console's section titled {@code title}, as /status gives it to the page. */
    private static JSONObject consoleSection(PeerTestServer server, String title) throws Exception {
        for (Object o : server.status().getJSONArray("sections")) {
            if (title.equals(((JSONObject) o).getString("title"))) {
                return (JSONObject) o;
            }
        }
        throw new AssertionError("no console section " + title + ": " + server.status().getJSONArray("sections"));
    }

    private List<String> warnings(String containing) {
        return log.warnings(containing);
    }

    // ------------------------------------------------------------ agreement

    @Test
    void aBrokerKnownToOneServerIsReportedByEachOnceItOutlastsTheGrace() throws Exception {
        List<PeerTestServer> ns = servers(3, false, List.of(), c -> { });
        PeerTestServer a = ns.get(0);
        registerWith(a, broker("only-a", "127.0.0.1:31011"), 120_000);

        for (PeerTestServer other : ns.subList(1, 3)) {
            Await.until(other.address() + " to report the broker known at A only", PERIODS,
                () -> divergent(other, a.address(), "missing_here"), n -> n == 1);
            assertTrue(other.metrics().contains("namesrv_peer_divergent_brokers{peer=\"" + a.address()
                + "\",kind=\"missing_here\"} 1"));
            assertNull(route(other, "only-a-topic"), "healing is off: the difference is reported, not routed");
            Await.until("A to report it missing at " + other.address(), PERIODS,
                () -> divergent(a, other.address(), "missing_there"), n -> n == 1);
        }
        for (PeerTestServer s : ns) {
            assertEquals(2, s.peersStatus().getJSONArray("peers").size(), "each leaves itself out of the list");
        }
        JSONArray listed = peer(ns.get(1), a.address()).getJSONObject("differences").getJSONArray("missing_here");
        assertEquals("127.0.0.1:31011", listed.getJSONObject(0).getString("addr"));
        assertTrue(listed.getJSONObject(0).getBooleanValue("divergent"));
        // the status console shows the peer's counts and the broker itself
        JSONObject section = consoleSection(ns.get(1), PeersSection.TITLE);
        assertTrue(section.getJSONArray("rows").toString().contains("[\"" + a.address() + "\",\"yes\",\"1\""),
            section.toString());
        JSONArray disagreements = consoleSection(ns.get(1), PeersSection.DISAGREEMENTS_TITLE).getJSONArray("rows");
        assertEquals(List.of(a.address(), "known there but not here", CLUSTER, "only-a", "0", "127.0.0.1:31011"),
            disagreements.getJSONArray(0).toJavaList(String.class).subList(0, 6), disagreements.toString());
        assertEquals("yes", disagreements.getJSONArray(0).getString(7));

        Thread.sleep(4 * COMPARE_MILLIS); // a few more comparisons: the divergence must not be logged again
        // The three servers share this JVM's log: B and C each say it once about A.
        List<String> aboutA = warnings("name server " + a.address() + ": 1 broker(s) known there but not here");
        assertEquals(2, aboutA.size(), aboutA.toString());
        assertTrue(aboutA.stream().allMatch(w -> w.contains("PeerCluster/only-a/0@127.0.0.1:31011")), aboutA.toString());
        assertEquals(2, warnings("known there but not here").size(), "and about nobody else");
    }

    @Test
    void dataVersionsAreComparedAndOnlyALastingDifferenceIsReported() throws Exception {
        List<PeerTestServer> ns = servers(2, false, List.of(), c -> { });
        FakeBroker b = broker("both", "127.0.0.1:31021");
        registerWith(ns.get(0), b, 120_000);
        registerWith(ns.get(1), b, 120_000);
        Thread.sleep(DIVERGENCE_MILLIS + 4 * COMPARE_MILLIS);
        assertEquals(0, divergent(ns.get(0), ns.get(1).address(), "missing_here"));
        assertEquals(0, divergent(ns.get(0), ns.get(1).address(), "version_differs"));
        assertTrue(peer(ns.get(0), ns.get(1).address()).getBooleanValue("versionsKnown"), "ours tells data versions");

        FakeBroker newer = new FakeBroker(b.cluster(), b.name(), b.id(), b.addr(), b.haAddr(), b.topics(), 2);
        registerWith(ns.get(1), newer, 120_000); // the new version reached only one server
        Await.until("a data version that stays different to be reported", PERIODS,
            () -> divergent(ns.get(0), ns.get(1).address(), "version_differs"), n -> n == 1);
    }

    // ------------------------------------------------------------ healing

    @Test
    void withHealingEveryServerRoutesTheBrokerAndDropsItSoonAfterItDies() throws Exception {
        List<PeerTestServer> ns = servers(3, true, List.of(), c -> { });
        PeerTestServer a = ns.get(0);
        ApacheWireClient brokerConnection = registerWith(a, broker("healed", "127.0.0.1:31031"), 120_000);

        for (PeerTestServer other : ns.subList(1, 3)) {
            var route = Await.until(other.address() + " to route the broker relayed from A", PERIODS,
                () -> route(other, "healed-topic"), r -> r != null);
            assertEquals("127.0.0.1:31031", route.getBrokerDatas().get(0).getBrokerAddrs().get(0L));
            assertEquals(4, route.getQueueDatas().get(0).getWriteQueueNums());
            assertEquals("relayed", originOf(other, "127.0.0.1:31031"));
            Await.until("the difference still reported", PERIODS,
                () -> divergent(other, a.address(), "missing_here"), n -> n == 1);
            assertEquals(1, peer(other, a.address()).getIntValue("relayedBrokers"));
        }
        ClusterInfo directAtB = ns.get(1).routes().getDirectClusterInfo();
        assertTrue(directAtB.brokerAddrTable().isEmpty(), "relayed state is not offered to peers: no loops");

        brokerConnection.close(); // the broker dies: its connection closes
        long died = System.nanoTime();
        assertNull(route(a, "healed-topic"), "gone at once where it was registered");
        for (PeerTestServer other : ns.subList(1, 3)) {
            Await.until(other.address() + " to drop the relayed broker", PERIODS,
                () -> route(other, "healed-topic"), r -> r == null);
        }
        long tookMillis = (System.nanoTime() - died) / 1_000_000;
        assertTrue(tookMillis < 10 * COMPARE_MILLIS + 2_000, "within about one comparison period, took " + tookMillis);
    }

    @Test
    void relayedStateNeverKeepsADeadBrokerAliveBetweenPeersWhenItsOnlySourceDisappears() throws Exception {
        List<PeerTestServer> ns = servers(3, true, List.of(), c -> { });
        FakeBroker orphan = broker("orphan", "127.0.0.1:31041");
        heartbeats(registerWith(ns.get(0), orphan, 2_000), orphan);
        for (PeerTestServer other : ns.subList(1, 3)) {
            Await.until("relayed to " + other.address(), PERIODS, () -> route(other, "orphan-topic"), r -> r != null);
        }

        ns.get(0).close(); // the only server that knew it directly disappears, and the broker with it
        for (PeerTestServer other : ns.subList(1, 3)) {
            Await.until(other.address() + " to let the relayed broker expire", PERIODS,
                () -> route(other, "orphan-topic"), r -> r == null);
            Await.until("the vanished peer reported down", PERIODS,
                () -> peer(other, ns.get(0).address()).getBooleanValue("reachable"), up -> !up);
        }
        assertEquals(2, warnings("cannot compare with name server " + ns.get(0).address()).size(),
            "each remaining server says once that the peer went");
    }

    @Test
    void aLyingPeerCanNeitherRemoveNorAlterABrokerRegisteredDirectly() throws Exception {
        ScriptedPeer liar = keep(new ScriptedPeer());
        PeerTestServer b = servers(1, true, List.of(liar.address()), c -> { }).get(0);
        registerWith(b, broker("real", "127.0.0.1:31051"), 120_000);
        liar.clusterInfo.set(new ClusterInfo(Map.of(
            "real", new BrokerData(Map.of(0L, "127.0.0.1:39999", 1L, "127.0.0.1:31051"), "real", CLUSTER, false, "liar-zone"),
            "invented", new BrokerData(Map.of(0L, "127.0.0.1:31052"), "invented", CLUSTER, false, null)),
            Map.of(CLUSTER, Set.of("real", "invented"))));
        liar.routes.set(Map.of(
            "real-topic", new TopicRouteData(List.of(), Map.of(), null, List.of(new QueueData("real", 2, 16, 0, 16)), null),
            "invented-topic", new TopicRouteData(List.of(), Map.of(), null,
                List.of(new QueueData("invented", 6, 2, 0, 2)), null)));

        Await.until("the invented broker relayed", PERIODS, () -> route(b, "invented-topic"), r -> r != null);
        var real = route(b, "real-topic");
        assertEquals(Map.of(0L, "127.0.0.1:31051"), real.getBrokerDatas().get(0).getBrokerAddrs(),
            "neither its slot nor its address taken by the liar's");
        assertEquals(4, real.getQueueDatas().get(0).getWriteQueueNums(), "its topics are its own registration's");
        assertEquals(6, real.getQueueDatas().get(0).getPerm());
        assertNull(real.getBrokerDatas().get(0).getZoneName());
        assertEquals("direct", originOf(b, "127.0.0.1:31051"));

        liar.clusterInfo.set(new ClusterInfo(Map.of(), Map.of())); // "everything is gone"
        Await.until("what it alone claimed withdrawn", PERIODS, () -> route(b, "invented-topic"), r -> r == null);
        assertNotNull(route(b, "real-topic"), "a direct broker stays whatever a peer says");
        assertEquals("direct", originOf(b, "127.0.0.1:31051"));
    }

    @Test
    void aSlowPeerDelaysOnlyItsOwnComparison() throws Exception {
        ScriptedPeer slow = keep(new ScriptedPeer());
        slow.delayMillis.set(5_000);
        List<PeerTestServer> ns = servers(2, true, List.of(slow.address()), c -> { });
        registerWith(ns.get(0), broker("fast", "127.0.0.1:31061"), 120_000);

        Await.until("the broker relayed from the prompt peer", PERIODS, () -> route(ns.get(1), "fast-topic"),
            r -> r != null);
        JSONObject slowStatus = Await.until("the slow peer reported", PERIODS, () -> peer(ns.get(1), slow.address()),
            p -> p != null && p.getLongValue("lastCompareAt") > 0);
        assertEquals(false, slowStatus.getBooleanValue("reachable"));
        assertTrue(slowStatus.getString("error").contains("did not answer within 3000 ms"), slowStatus.toString());
        long before = peer(ns.get(1), ns.get(0).address()).getLongValue("lastCompareAt");
        Await.until("comparisons with the prompt peer to go on", PERIODS,
            () -> peer(ns.get(1), ns.get(0).address()).getLongValue("lastCompareAt"), t -> t > before);
    }

    // ------------------------------------------------------------ bootstrap

    @Test
    void anEmptyDiskIsFilledFromPeersBeforeThePortListens() throws Exception {
        List<PeerTestServer> ns = servers(1, false, List.of(), c -> { });
        registerWith(ns.get(0), broker("source", "127.0.0.1:31071"), 120_000);

        PeerTestServer fresh = keep(PeerTestServer.start(dir.resolve("fresh"), 0, c -> {
            c.setNamesrvPeers(ns.get(0).address());
            c.setNamesrvPeerCompareIntervalMillis(COMPARE_MILLIS);
        }));

        var route = route(fresh, "source-topic");
        assertNotNull(route, "the first lookup after the start is answered");
        assertEquals("127.0.0.1:31071", route.getBrokerDatas().get(0).getBrokerAddrs().get(0L));
        assertEquals("restored", originOf(fresh, "127.0.0.1:31071"));
        JSONObject restore = fresh.peersStatus().getJSONObject("restore");
        assertEquals("peers", restore.getString("source"));
        assertEquals(1, restore.getIntValue("brokers"));
        assertTrue(restore.getString("detail").contains("from " + ns.get(0).address()), restore.toString());
    }

    @Test
    void bootstrapWaitsNoLongerThanItsBudgetForPeersThatAreSlowOrGone() throws Exception {
        ScriptedPeer slow = keep(new ScriptedPeer());
        slow.delayMillis.set(5_000);
        String gone = "127.0.0.1:" + FreePorts.single();
        PeerTestServer fresh = keep(PeerTestServer.start(dir.resolve("fresh"), 0, c -> {
            c.setNamesrvPeers(slow.address() + ";" + gone);
            c.setNamesrvPeerBootstrapTimeoutMillis(1_500);
        }));

        JSONObject restore = fresh.peersStatus().getJSONObject("restore");
        assertTrue(restore.getLongValue("tookMillis") >= 1_400 && restore.getLongValue("tookMillis") < 3_000,
            "the start waited for the slow peer no longer than the budget: " + restore);
        assertEquals("none", restore.getString("source"));
        String detail = restore.getString("detail");
        assertTrue(detail.contains(slow.address()) && detail.contains(gone), detail);
        assertTrue(fresh.status().getJSONArray("brokers").isEmpty());
        List<String> said = warnings("no peer name server answered");
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).contains(slow.address()) && said.get(0).contains(gone), "one line naming both: " + said);
    }
}
