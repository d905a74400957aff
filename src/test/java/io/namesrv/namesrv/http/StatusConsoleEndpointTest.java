package io.namesrv.namesrv.http;

import static io.namesrv.namesrv.http.OpsHttpFixture.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.namesrv.console.StatusSection;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status console's data against a running name server with brokers coming and going. */
class StatusConsoleEndpointTest {

    @TempDir
    Path dir;

    private static JSONObject json(OpsHttpFixture ns, String path) {
        try {
            HttpResponse<String> answer = ns.get(path);
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
            return JSON.parseObject(answer.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JSONObject find(JSONArray array, Predicate<JSONObject> test) {
        for (int i = 0; i < array.size(); i++) {
            if (test.test(array.getJSONObject(i))) {
                return array.getJSONObject(i);
            }
        }
        return null;
    }

    private static JSONObject event(OpsHttpFixture ns, String kind, String addr) {
        return find(json(ns, "/events").getJSONArray("events"),
            e -> kind.equals(e.getString("kind")) && addr.equals(e.getString("addr")));
    }

    @Test
    void anExpiredBrokerStaysOnThePageAndInTheFeedWithItsCause() throws Exception {
        try (OpsHttpFixture ns = new OpsHttpFixture(dir, c -> { }).start()) {
            ns.register(ns.newBroker(), "broker-a", "10.0.0.1:10911", 700, "TopicA");
            ns.register(ns.newBroker(), "broker-b", "10.0.0.2:10911", 60_000, "TopicB");

            await("broker-a to expire and be named in the feed", () -> {
                JSONObject e = event(ns, "expired", "10.0.0.1:10911");
                return e != null && "broker-a".equals(e.getString("brokerName"));
            });
            JSONObject expired = event(ns, "expired", "10.0.0.1:10911");
            assertEquals(0, expired.getIntValue("brokerId"));
            assertEquals(OpsHttpFixture.CLUSTER, expired.getString("cluster"));
            assertEquals("no heartbeat within its 700 ms timeout", expired.getString("detail"));
            JSONObject registered = event(ns, "registered", "10.0.0.1:10911");
            assertEquals("broker-a", registered.getString("brokerName"));
            assertTrue(registered.getLongValue("seq") < expired.getLongValue("seq"));

            JSONObject status = json(ns, "/status");
            JSONArray brokers = status.getJSONArray("brokers");
            JSONObject gone = find(brokers, b -> "10.0.0.1:10911".equals(b.getString("addr")));
            assertNotNull(gone, "the expired broker is still listed: " + brokers);
            assertEquals("expired", gone.getString("state"));
            assertEquals("broker-a", gone.getString("brokerName"));
            assertEquals("MASTER", gone.getString("role"));
            assertTrue(gone.getLongValue("goneAgoMillis") >= 0);
            JSONObject live = find(brokers, b -> "10.0.0.2:10911".equals(b.getString("addr")));
            assertEquals("live", live.getString("state"));
            assertEquals(1, status.getIntValue("liveBrokers"));

            // It comes back: no longer gone, and the feed says after what.
            ns.register(ns.newBroker(), "broker-a", "10.0.0.1:10911", 60_000, "TopicA");
            JSONObject back = find(json(ns, "/status").getJSONArray("brokers"),
                b -> "10.0.0.1:10911".equals(b.getString("addr")));
            assertEquals("live", back.getString("state"));
            long lastSeq = expired.getLongValue("seq");
            JSONArray after = json(ns, "/events?after=" + lastSeq).getJSONArray("events");
            assertEquals(1, after.size(), after.toString());
            assertTrue(after.getJSONObject(0).getString("detail").endsWith("after it expired"), after.toString());
            assertEquals(400, ns.get("/events?after=x").statusCode());
        }
    }

    @Test
    void theHistoryChartsRequestsByCodeAnswersLatencyAndTableSizes() throws Exception {
        try (OpsHttpFixture ns = new OpsHttpFixture(dir, c -> { }).start()) {
            NettyRemotingClient broker = ns.newBroker();
            ns.register(broker, "broker-a", "10.0.0.1:10911", 60_000, "TopicA");
            await("two samples after the registration", () -> {
                JSONObject h = json(ns, "/history");
                JSONObject brokers = find(h.getJSONArray("tables"), s -> "live brokers".equals(s.getString("label")));
                JSONArray values = brokers == null ? new JSONArray() : brokers.getJSONArray("values");
                return values.size() >= 2 && values.getIntValue(values.size() - 1) == 1
                    && find(h.getJSONArray("requests"), s -> "103 REGISTER_BROKER".equals(s.getString("label"))) != null;
            });
            JSONObject h = json(ns, "/history");
            assertEquals(1, h.getIntValue("intervalSeconds"));
            assertEquals(360, h.getIntValue("capacity"));
            int points = h.getJSONArray("timeSeconds").size();
            for (String chart : new String[] {"requests", "answers", "latency", "tables"}) {
                for (Object s : h.getJSONArray(chart)) {
                    assertEquals(points, ((JSONObject) s).getJSONArray("values").size(), chart + " has a value per time");
                }
            }
            JSONArray registrations = find(h.getJSONArray("requests"), s -> "103 REGISTER_BROKER".equals(s.getString("label")))
                .getJSONArray("values");
            double sum = 0;
            for (int i = 0; i < registrations.size(); i++) {
                sum += registrations.getDoubleValue(i);
            }
            assertTrue(sum > 0, registrations.toString());
            assertNotNull(find(h.getJSONArray("answers"), s -> "2 SYSTEM_BUSY".equals(s.getString("label"))));
            assertNotNull(find(h.getJSONArray("latency"), s -> "p99, all requests".equals(s.getString("label"))));
            JSONArray topics = find(h.getJSONArray("tables"), s -> "topics".equals(s.getString("label"))).getJSONArray("values");
            assertEquals(2, topics.getIntValue(topics.size() - 1), "TopicA and the broker's own");
        }
    }

    @Test
    void theRouteViewIsExactlyTheAnswerAClientGetsOrderConfigIncluded() throws Exception {
        try (OpsHttpFixture ns = new OpsHttpFixture(dir, c -> c.setOrderMessageEnable(true)).start()) {
            NettyRemotingClient client = ns.newBroker();
            ns.register(client, "broker-a", "10.0.0.1:10911", 60_000, "TopicA");
            ns.controller.getKvConfigManager().putKVConfig("ORDER_TOPIC_CONFIG", "TopicA", "broker-a:4");

            RemotingCommand wire = client.invokeSync(ns.nameServer(), RemotingCommand.request(
                RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("TopicA", null)), 3000);
            assertEquals(0, wire.getCode());
            HttpResponse<String> http = ns.get("/routes/TopicA");
            assertEquals(200, http.statusCode());
            assertArrayEquals(wire.getBody(), http.body().getBytes(StandardCharsets.UTF_8), "byte for byte");
            assertEquals("broker-a:4", JSON.parseObject(http.body()).getString("orderTopicConf"));

            HttpResponse<String> missing = ns.get("/routes/NoSuchTopic");
            assertEquals(404, missing.statusCode());
            JSONObject error = JSON.parseObject(missing.body());
            assertEquals(17, error.getIntValue("code"), "TOPIC_NOT_EXIST, as the client gets it");
            RemotingCommand wireMissing = client.invokeSync(ns.nameServer(), RemotingCommand.request(
                RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("NoSuchTopic", null)), 3000);
            assertEquals(wireMissing.getRemark(), error.getString("error"));
        }
    }

    @Test
    void statusAndTopicsHonourTheSearchAndPagesFollowOn() throws Exception {
        try (OpsHttpFixture ns = new OpsHttpFixture(dir, c -> { }).start()) {
            ns.register(ns.newBroker(), "broker-a", "10.0.0.1:10911", 60_000, "OrderEvents");
            ns.register(ns.newBroker(), "broker-b", "10.0.0.2:10911", 60_000, "PaymentEvents");

            JSONObject page = json(ns, "/status?q=payment").getJSONObject("topics");
            assertEquals("payment", page.getString("query"));
            JSONArray topics = page.getJSONArray("topics");
            assertEquals(1, topics.size(), topics.toString());
            assertEquals("PaymentEvents", topics.getJSONObject(0).getString("topic"));
            assertEquals("broker-b", topics.getJSONObject(0).getJSONArray("queues").getJSONObject(0).getString("brokerName"));
            assertEquals(4, page.getIntValue("indexed"));

            JSONObject first = json(ns, "/topics?limit=2");
            assertEquals(List.of("OrderEvents", "PaymentEvents"), first.getJSONArray("topics").stream()
                .map(t -> ((JSONObject) t).getString("topic")).toList());
            assertEquals("PaymentEvents", first.getString("next"));
            JSONObject second = json(ns, "/topics?limit=2&after=PaymentEvents");
            assertEquals(List.of("broker-a", "broker-b"), second.getJSONArray("topics").stream()
                .map(t -> ((JSONObject) t).getString("topic")).toList());
            assertFalse(second.containsKey("next") && second.getString("next") != null, second.toString());

            assertFalse(json(ns, "/status?limit=0").containsKey("topics"), "the page's own refresh asks for no topics");
            assertEquals(400, ns.get("/topics?limit=0").statusCode());
            assertEquals(400, ns.get("/topics?limit=many").statusCode());
        }
    }

    @Test
    void whichServerThisIsAndSectionsOtherPartsContribute() throws Exception {
        try (OpsHttpFixture ns = new OpsHttpFixture(dir, c -> { })) {
            ns.controller.addStatusContributor(() -> StatusSection.of("Controller",
                List.of(new StatusSection.Field("role", "LEADER"))));
            ns.controller.addStatusContributor(() -> null);
            ns.controller.addStatusContributor(() -> {
                throw new IllegalStateException("a broken contributor hides only its own section");
            });
            ns.start();
            await("the host name to be resolved", () -> json(ns, "/status").getJSONObject("server").getString("host") != null);
            JSONObject status = json(ns, "/status");
            JSONObject server = status.getJSONObject("server");
            assertTrue(server.getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), server.toString());
            assertEquals("5.3.3", server.getString("speaks"));
            assertEquals(ProcessHandle.current().pid(), server.getLongValue("pid"));
            assertTrue(server.getLongValue("uptimeMillis") >= 0);
            assertTrue(server.getLongValue("startedAtMillis") <= System.currentTimeMillis());
            // the test's three contributors show as one section (null and failing ones show nothing),
            // after the one the server always has (warm restart and peers)
            JSONArray sections = status.getJSONArray("sections");
            assertEquals(List.of("Warm restart and peer name servers", "Controller"),
                sections.stream().map(o -> ((JSONObject) o).getString("title")).toList(), sections.toString());
            assertEquals("LEADER", sections.getJSONObject(1).getJSONArray("fields").getJSONObject(0).getString("value"));
        }
    }
}
