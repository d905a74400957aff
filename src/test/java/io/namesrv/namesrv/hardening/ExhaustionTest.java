package io.namesrv.namesrv.hardening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.TestNameServer;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.RegisterTopicRequestHeader;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded by design: one unauthenticated client registers past every limit, one after the
 * other. Each such registration is refused with a remark naming the limit, registers nothing (the
 * cluster info and topic list answers are byte for byte what they were), is counted in /metrics;
 * meanwhile the server stays healthy and a normal client on its own connection keeps getting its
 * route, and Apache 5.3.3's admin client sees the normal broker's route and only the brokers
 * admitted. Small limits stand in for the defaults: the code path is the same.
 */
class ExhaustionTest {

    private static final String C = Requests.CLUSTER;
    private static final long TIMEOUT = 30_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static List<String> topics(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "_" + i).toList();
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private long refusals(int port, String limit) throws Exception {
        String prefix = "namesrv_registrations_refused_total{limit=\"" + limit + "\"} ";
        return get(port, "/metrics").lines().filter(l -> l.startsWith(prefix))
            .mapToLong(l -> (long) Double.parseDouble(l.substring(prefix.length()))).findFirst().orElse(-1);
    }

    /** The whole tables as clients see them. */
    private static byte[][] tables(WireClient client) throws Exception {
        return new byte[][] {
            client.call(RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO, null)).getBody(),
            client.call(RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null)).getBody()};
    }

    /** Apache's own client, asking for the normal broker's route and the cluster as an operator would. */
    private static void apacheClientSees(DefaultMQAdminExt admin, int brokers) throws Exception {
        org.apache.rocketmq.remoting.protocol.route.TopicRouteData route = admin.examineTopicRouteInfo("Normal_7");
        assertEquals("normal", route.getQueueDatas().get(0).getBrokerName());
        assertEquals(brokers, admin.examineBrokerClusterInfo().getBrokerAddrTable().values().stream()
            .mapToInt(b -> b.getBrokerAddrs().size()).sum(), "broker processes Apache's client sees");
    }

    private static void accepted(WireClient client, RemotingCommand registration) throws Exception {
        RemotingCommand answer = client.call(registration);
        assertEquals(ResponseCode.SUCCESS, answer.getCode(), answer.getRemark());
    }

    /** Refused, naming {@code limit}, with nothing registered; returns the remark. */
    private String refused(TestNameServer server, WireClient client, RemotingCommand registration, String limit,
                           long refusedBefore) throws Exception {
        byte[][] before = tables(client);
        RemotingCommand answer = client.call(registration);
        assertEquals(ResponseCode.SYSTEM_ERROR, answer.getCode());
        assertTrue(answer.getRemark().startsWith("register broker refused, nothing registered: "), answer.getRemark());
        assertTrue(answer.getRemark().contains(limit + "="), answer.getRemark());
        byte[][] after = tables(client);
        assertArrayEquals(before[0], after[0], "cluster info unchanged");
        assertArrayEquals(before[1], after[1], "topic list unchanged");
        assertEquals(refusedBefore + 1, refusals(server.httpPort(), limit), "counted in /metrics");
        assertEquals("200 {\"status\":\"UP\"}", get(server.httpPort(), "/health"));
        return answer.getRemark();
    }

    @Test
    void registrationsPastEveryLimitAreRefusedWholeWhileTheServerAndANormalClientCarryOn(@TempDir Path dir)
        throws Exception {
        try (TestNameServer server = TestNameServer.builder(dir).withHttp().limits(l -> {
            l.setMaxTopicsPerRegistration(5_000);
            l.setMaxRegistrationBodyBytes(2 * 1024 * 1024);
            l.setMaxTopics(11_000);
            l.setMaxTopicQueueEntries(12_000);
            l.setMaxBrokerGroups(4);
            l.setMaxBrokers(6);
            l.setMaxBrokersPerCluster(5);
        }).start();
             WireClient hostile = new WireClient(server.port(), (int) TIMEOUT);
             // A real broker stays connected: closing its connection would unregister it.
             WireClient normalBroker = new WireClient(server.port(), (int) TIMEOUT)) {
            int port = server.port();
            accepted(normalBroker, Requests.register(C, "normal", "10.0.0.1:10911", 0, 30_000, topics("Normal", 100), false));
            DefaultMQAdminExt admin = new DefaultMQAdminExt(10_000);
            admin.setNamesrvAddr("127.0.0.1:" + port);
            admin.setInstanceName("exhaustion-" + port);
            admin.start();
            try (RouteProber prober = new RouteProber(port, "Normal_7")) {
                assertTrue(prober.answersAgain(5));
                apacheClientSees(admin, 1);

                String perRegistration = refused(server, hostile, Requests.register(C, "h1", "10.0.1.1:10911", 0, 30_000,
                    topics("Many", 5_001), false), "maxTopicsPerRegistration", 0);
                assertEquals("register broker refused, nothing registered: it reports 5001 topics: "
                    + "maxTopicsPerRegistration=5000", perRegistration);

                refused(server, hostile, Requests.register(C, "h1", "10.0.1.1:10911", 0, 30_000, topics("Huge", 100_000),
                    false), "maxRegistrationBodyBytes", 0);
                String inflated = refused(server, hostile, Requests.register(C, "h1", "10.0.1.1:10911", 0, 30_000,
                    topics("Huge", 100_000), true), "maxRegistrationBodyBytes", 1);
                assertTrue(inflated.contains("inflates to more than 2097152 bytes"), inflated);

                accepted(hostile, Requests.register(C, "h1", "10.0.1.1:10911", 0, 30_000, topics("H1", 4_000), false));
                accepted(hostile, Requests.register(C, "h2", "10.0.1.2:10911", 0, 30_000, topics("H2", 4_000), false));
                String distinct = refused(server, hostile, Requests.register(C, "h3", "10.0.1.3:10911", 0, 30_000,
                    topics("H3", 4_000), true), "maxTopics", 0);
                assertEquals("register broker refused, nothing registered: broker group h3 would add 4000 topics to "
                    + "the 8100 held: maxTopics=11000", distinct);
                // The same topics as h1 and h2: no new topic, but 4,000 new entries past 12,000.
                List<String> shared = new ArrayList<>(topics("H1", 2_000));
                shared.addAll(topics("H2", 2_000));
                String entries = refused(server, hostile, Requests.register(C, "h3", "10.0.1.3:10911", 0, 30_000,
                    shared, true), "maxTopicQueueEntries", 0);
                assertEquals("register broker refused, nothing registered: broker group h3 would add 4000 topic-queue "
                    + "entries to the 8100 held: maxTopicQueueEntries=12000", entries);
                apacheClientSees(admin, 3);

                accepted(hostile, Requests.register(C, "h3", "10.0.1.3:10911", 0, 30_000, topics("H3", 10), false));
                refused(server, hostile, Requests.register(C, "h4", "10.0.1.4:10911", 0, 30_000, topics("H4", 10), false),
                    "maxBrokerGroups", 0);

                accepted(hostile, Requests.register(C, "h1", "10.0.1.1:10912", 1, 30_000, topics("H1", 4_000), false));
                refused(server, hostile, Requests.register(C, "h1", "10.0.1.1:10913", 2, 30_000, topics("H1", 4_000), false),
                    "maxBrokersPerCluster", 0);

                accepted(hostile, Requests.register("Other", "h2", "10.0.2.2:10911", 1, 30_000, topics("H2", 4_000), false));
                refused(server, hostile, Requests.register("Other", "h2", "10.0.2.2:10912", 2, 30_000, topics("H2", 4_000),
                    false), "maxBrokers", 0);

                // Room freed is room again: h3's group and its 10 topics (8,110 + 2,895 would be past 11,000).
                accepted(hostile, Requests.unregister("h3", "10.0.1.3:10911"));
                accepted(hostile, Requests.register(C, "h4", "10.0.1.4:10911", 0, 30_000, topics("H4", 2_895), false));

                assertTrue(prober.answersAgain(5), "the normal client is still answered");
                assertEquals(List.of(), prober.failures(), "the normal client got its route all along");
                apacheClientSees(admin, 6);
                assertEquals("200 {\"status\":\"UP\"}", get(server.httpPort(), "/health"));
            } finally {
                admin.shutdown();
            }
        }
    }

    @Test
    void aTopicRegisteredByAdminRequestPastTheEntryLimitIsRefusedAndCounted(@TempDir Path dir) throws Exception {
        try (TestNameServer server = TestNameServer.builder(dir).withHttp().limits(l -> l.setMaxTopicQueueEntries(2))
                .start();
             WireClient broker = new WireClient(server.port(), (int) TIMEOUT)) {
            accepted(broker, Requests.register(C, "a", "10.0.0.1:10911", 0, 30_000, topics("A", 2), false));
            TopicRouteData route = new TopicRouteData(List.of(), Map.of(), null,
                List.of(new QueueData("a", 6, 4, 0, 4)), null);
            RemotingCommand answer = broker.call(RemotingCommand.request(RequestCode.REGISTER_TOPIC_IN_NAMESRV,
                new RegisterTopicRequestHeader("Extra")).setBody(new JsonBodies().encode(route)));
            assertEquals(ResponseCode.SYSTEM_ERROR, answer.getCode());
            assertEquals("register topic refused, nothing registered: topic Extra would add 1 topic-queue entries to the 2"
                + " held: maxTopicQueueEntries=2", answer.getRemark());
            assertEquals(1, refusals(server.httpPort(), "maxTopicQueueEntries"));
            assertEquals(ResponseCode.TOPIC_NOT_EXIST, broker.call(Requests.route("Extra")).getCode());
        }
    }
}
