package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
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
 * Three of our name servers, peers of each other with healing on, and a real Apache 5.3.3 broker
 * that was given only the first of them (a partial namesrvAddr). Each name server reports the
 * difference on /metrics; all three route the broker, and Apache's producer sends through the
 * third, which the broker never registered with; when the broker is killed it is gone from all
 * three within the bound (the first at once, the others within one comparison period).
 * Comparison every 1 s and a 5 s grace here (30 s by default: one registration period).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerAgreementInteropTest {

    private static final String CLUSTER = "PeerInteropCluster";
    private static final String TOPIC = "PeerInteropTopic";
    private static final long COMPARE_MILLIS = 1_000;
    private static final long DIVERGENCE_MILLIS = 5_000;
    private static final Duration REGISTRATION = Duration.ofSeconds(40);
    /** One registration period: the bound for every name server to route every live broker. */
    private static final Duration ONE_REGISTRATION_PERIOD = Duration.ofSeconds(30);

    private final List<NameServerProcess> namesrvs = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();
    private final List<DefaultMQAdminExt> admins = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private BrokerProcess broker;

    @BeforeAll
    void startPeers() throws Exception {
        List<Integer> ports = List.of(FreePorts.single(), FreePorts.single(), FreePorts.single());
        String all = String.join(";", ports.stream().map(p -> "127.0.0.1:" + p).toList());
        for (int port : ports) {
            int httpPort = FreePorts.single();
            Map<String, String> config = new LinkedHashMap<>();
            config.put("listenPort", Integer.toString(port));
            config.put("httpListenPort", Integer.toString(httpPort));
            config.put("namesrvPeers", all);
            config.put("namesrvPeerRelayEnable", "true");
            config.put("namesrvPeerCompareIntervalMillis", Long.toString(COMPARE_MILLIS));
            config.put("namesrvPeerDivergenceMillis", Long.toString(DIVERGENCE_MILLIS));
            config.put("scanNotActiveBrokerInterval", "1000");
            namesrvs.add(NameServerProcess.ours(config));
            httpPorts.add(httpPort);
        }
        broker = BrokerProcess.start(CLUSTER, "partial-broker", namesrvs.get(0).address());
        for (NameServerProcess ns : namesrvs) {
            DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
            admin.setNamesrvAddr(ns.address());
            admin.setInstanceName("peer-interop-admin-" + ns.port());
            admin.start();
            admins.add(admin);
        }
        Await.until("the broker registered with the first name server", REGISTRATION,
            admins.get(0)::examineBrokerClusterInfo, i -> i.getBrokerAddrTable().containsKey(broker.brokerName()));
    }

    @AfterAll
    void stopPeers() {
        admins.forEach(DefaultMQAdminExt::shutdown);
        try {
            if (broker != null) {
                broker.kill();
            }
        } finally {
            namesrvs.forEach(NameServerProcess::close);
        }
    }

    private String metrics(int i) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPorts.get(i) + "/metrics"))
            .timeout(Duration.ofSeconds(30)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** When name server {@code i} saw the broker register first (its console's event feed, epoch ms). */
    private long registeredAt(int i) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPorts.get(i) + "/events"))
            .timeout(Duration.ofSeconds(30)).build();
        JSONArray events = JSON.parseObject(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
            .getJSONArray("events");
        for (int e = 0; e < events.size(); e++) {
            JSONObject event = events.getJSONObject(e);
            if ("registered".equals(event.getString("kind")) && broker.address().equals(event.getString("addr"))) {
                return event.getLongValue("timeMillis");
            }
        }
        throw new AssertionError("no registration of " + broker.address() + " in " + events);
    }

    private static String divergent(NameServerProcess peer, String kind, int count) {
        return "namesrv_peer_divergent_brokers{peer=\"" + peer.address() + "\",kind=\"" + kind + "\"} " + count;
    }

    private boolean routes(int i) {
        try {
            TopicRouteData r = admins.get(i).examineTopicRouteInfo(TOPIC);
            return broker.address().equals(r.getBrokerDatas().get(0).getBrokerAddrs().get(0L));
        } catch (Exception notRouted) {
            return false;
        }
    }

    @Test
    @Order(1)
    void everyNameServerReportsTheDifference() throws Exception {
        for (int i = 1; i < 3; i++) {
            int other = i;
            Await.until(namesrvs.get(i) + " to report the broker known at the first only", REGISTRATION,
                () -> metrics(other), m -> m.contains(divergent(namesrvs.get(0), "missing_here", 1)));
        }
        Await.until("the first to report it missing at both others", REGISTRATION, () -> metrics(0),
            m -> m.contains(divergent(namesrvs.get(1), "missing_there", 1))
                && m.contains(divergent(namesrvs.get(2), "missing_there", 1)));
        // From the registration as the first server logged it in its event feed (same machine, same clock).
        long reportedAfter = System.currentTimeMillis() - registeredAt(0);
        System.out.printf("divergence reported by all three %d ms after the broker registered with the first"
            + " (grace %d ms, comparison every %d ms)%n", reportedAfter, DIVERGENCE_MILLIS, COMPARE_MILLIS);
        assertTrue(reportedAfter >= DIVERGENCE_MILLIS, "a difference is not a divergence before the grace: "
            + reportedAfter + " ms");
        assertTrue(metrics(1).contains("namesrv_peer_relayed_brokers{peer=\"" + namesrvs.get(0).address() + "\"} 1"));
    }

    @Test
    @Order(2)
    void withHealingEveryNameServerRoutesItAndApachesProducerSendsThroughTheThird() throws Exception {
        // A new topic: the broker registers it with the first at once; the others follow the relay.
        admins.get(0).createAndUpdateTopicConfig(broker.address(), new TopicConfig(TOPIC, 4, 4));
        Await.until("the first to route the topic", REGISTRATION, () -> routes(0), ok -> ok);
        long routedAtFirst = System.nanoTime();
        for (int i = 1; i < 3; i++) {
            int other = i;
            Await.until(namesrvs.get(i) + " to route the relayed broker", ONE_REGISTRATION_PERIOD, () -> routes(other),
                ok -> ok);
        }
        System.out.printf("routed by all three %d ms after the first routed it%n",
            (System.nanoTime() - routedAtFirst) / 1_000_000);

        DefaultMQProducer producer = new DefaultMQProducer("peer-interop-producer");
        producer.setNamesrvAddr(namesrvs.get(2).address());
        producer.setInstanceName("peer-interop-producer");
        producer.start();
        try {
            SendResult sent = producer.send(new Message(TOPIC, "via a relayed route".getBytes()));
            assertEquals(SendStatus.SEND_OK, sent.getSendStatus());
            assertEquals(broker.brokerName(), sent.getMessageQueue().getBrokerName());
        } finally {
            producer.shutdown();
        }
    }

    @Test
    @Order(3)
    void aKilledBrokerIsGoneFromAllWithinTheBound() throws Exception {
        for (int i = 0; i < 3; i++) {
            int ns = i;
            Await.until(namesrvs.get(i) + " routes the broker", ONE_REGISTRATION_PERIOD, () -> routes(ns), ok -> ok);
        }
        broker.kill();
        long killed = System.nanoTime();
        Await.until("the first to drop it (connection reset)", Duration.ofSeconds(10), () -> routes(0), ok -> !ok);
        long first = (System.nanoTime() - killed) / 1_000_000;
        for (int i = 1; i < 3; i++) {
            int ns = i;
            Await.until(namesrvs.get(i) + " to drop the relayed broker", Duration.ofSeconds(15), () -> routes(ns),
                ok -> !ok);
        }
        long all = (System.nanoTime() - killed) / 1_000_000;
        System.out.printf("after kill -9 of the broker: gone from the first in %d ms, from all three in %d ms%n",
            first, all);
        assertTrue(all < 15_000, all + " ms");
    }
}
