package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.cli.support.OurMqAdmin;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.rocketmq.common.TopicConfig;
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
 * An Apache 5.3.3 name server as the peer of ours, with a real Apache broker registered only with
 * Apache's: ours, started with an empty disk, restores the broker's routes from it before its port
 * listens, using only the codes any client uses; compares with it (membership only: Apache shows
 * no data versions); relays the broker with healing on; and drops it one comparison after Apache
 * does. {@code mqadmin compareNamesrv} shows both side by side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeersWithApacheInteropTest {

    private static final String TOPIC = "ApachePeerTopic";
    private static final Duration REGISTRATION = Duration.ofSeconds(40);

    private NameServerProcess apache;
    private NameServerProcess ours;
    private BrokerProcess broker;
    private DefaultMQAdminExt apacheAdmin;
    private DefaultMQAdminExt ourAdmin;
    private int ourHttpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    void startPeers() throws Exception {
        apache = NameServerProcess.apache();
        broker = BrokerProcess.start("ApachePeerCluster", "apache-only-broker", apache.address());
        apacheAdmin = admin(apache, "apache");
        Await.until("the broker registered with Apache's name server", REGISTRATION,
            apacheAdmin::examineBrokerClusterInfo, i -> i.getBrokerAddrTable().containsKey(broker.brokerName()));
        apacheAdmin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(TOPIC, 4, 4));
        Await.until("Apache's name server to route the topic", REGISTRATION,
            () -> apacheAdmin.examineTopicRouteInfo(TOPIC), WarmRestartInteropTest.correct(broker));

        ourHttpPort = FreePorts.single();
        ours = NameServerProcess.ours(Map.of(
            "httpListenPort", Integer.toString(ourHttpPort),
            "namesrvPeers", apache.address(),
            "namesrvPeerRelayEnable", "true",
            "namesrvPeerCompareIntervalMillis", "1000",
            "namesrvPeerDivergenceMillis", "3000"));
        ourAdmin = admin(ours, "ours");
    }

    private static DefaultMQAdminExt admin(NameServerProcess ns, String label) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(ns.address());
        admin.setInstanceName("apache-peer-admin-" + label);
        admin.start();
        return admin;
    }

    @AfterAll
    void stopPeers() {
        for (DefaultMQAdminExt admin : new DefaultMQAdminExt[] {apacheAdmin, ourAdmin}) {
            if (admin != null) {
                admin.shutdown();
            }
        }
        try {
            if (broker != null) {
                broker.kill();
            }
        } finally {
            if (ours != null) {
                ours.close();
            }
            if (apache != null) {
                apache.close();
            }
        }
    }

    private JSONObject status() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ourHttpPort + "/status"))
            .timeout(Duration.ofSeconds(30)).build();
        return JSON.parseObject(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private String metrics() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ourHttpPort + "/metrics"))
            .timeout(Duration.ofSeconds(30)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private boolean oursRoutes() {
        try {
            TopicRouteData r = ourAdmin.examineTopicRouteInfo(TOPIC);
            return WarmRestartInteropTest.correct(broker).test(r);
        } catch (Exception notRouted) {
            return false;
        }
    }

    @Test
    @Order(1)
    void anEmptyDiskIsFilledFromApachesNameServerBeforeThePortListens() throws Exception {
        TopicRouteData route = ourAdmin.examineTopicRouteInfo(TOPIC);
        assertTrue(WarmRestartInteropTest.correct(broker).test(route), "the first answer is already right: " + route);
        JSONObject restore = status().getJSONObject("peers").getJSONObject("restore");
        assertEquals("peers", restore.getString("source"), restore.toString());
        assertEquals(1, restore.getIntValue("brokers"));
    }

    @Test
    @Order(2)
    void ourServerReportsTheBrokerKnownOnlyToApachesAndRelaysIt() throws Exception {
        Await.until("the difference reported", REGISTRATION, this::metrics, m -> m.contains(
            "namesrv_peer_divergent_brokers{peer=\"" + apache.address() + "\",kind=\"missing_here\"} 1"));
        JSONObject peer = status().getJSONObject("peers").getJSONArray("peers").getJSONObject(0);
        assertEquals(false, peer.getBooleanValue("versionsKnown"), "Apache's name server shows no data versions");
        assertEquals(true, peer.getBooleanValue("reachable"));
        Await.until("the broker relayed from Apache's name server", REGISTRATION, () -> status().getJSONArray("brokers")
            .getJSONObject(0).getString("origin"), "relayed"::equals);
        assertTrue(oursRoutes());
    }

    @Test
    @Order(3)
    void compareNamesrvShowsBothSideBySide() {
        OurMqAdmin.Result r = OurMqAdmin.run("compareNamesrv", "-n", apache.address() + ";" + ours.address());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        String row = r.out().lines().filter(l -> l.contains(broker.brokerName())).findFirst().orElse("<none>");
        assertTrue(row.matches(".*" + broker.address() + "\\s+yes\\s+provisional$"), r.out());
    }

    @Test
    @Order(4)
    void whenApachesNameServerDropsTheBrokerOursDropsItWithinAComparison() throws Exception {
        broker.kill();
        Await.until("Apache's name server to drop it", Duration.ofSeconds(15),
            () -> apacheAdmin.examineBrokerClusterInfo().getBrokerAddrTable().containsKey(broker.brokerName()),
            present -> !present);
        long apacheDropped = System.nanoTime();
        Await.until("ours to drop the relayed broker", Duration.ofSeconds(15), this::oursRoutes, routed -> !routed);
        System.out.printf("ours dropped the relayed broker %d ms after Apache's name server did%n",
            (System.nanoTime() - apacheDropped) / 1_000_000);
    }
}
