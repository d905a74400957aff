package io.namesrv.namesrv.http;

import static io.namesrv.namesrv.http.OpsHttpFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.remoting.netty.NettyRemotingClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations endpoint against a running name server with brokers coming and going. */
class OpsHttpEndpointTest {

    @TempDir
    Path dir;

    private double scrape(OpsHttpFixture ns, String series) {
        try {
            return ns.scrape(series);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void metricsMoveAsBrokersRegisterExpireCloseAndUnregister() throws Exception {
        try (OpsHttpFixture ns = new OpsHttpFixture(dir, c -> { }).start()) {
            HttpResponse<String> first = ns.get("/metrics");
            assertEquals(200, first.statusCode());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", first.headers().firstValue("content-type").orElse(""));
            assertEquals(0, OpsHttpFixture.sample(first.body(), "namesrv_live_brokers"));
            assertEquals(0, OpsHttpFixture.sample(first.body(), "namesrv_broker_registrations_total{kind=\"new\"}"));
            assertEquals(1, OpsHttpFixture.sample(first.body(), "namesrv_up"));

            // A broker with a short heartbeat timeout registers, renews once, then falls silent. The timeout
            // leaves room for a loaded machine between the two registrations: expiry closes the channel.
            NettyRemotingClient silent = ns.newBroker();
            ns.register(silent, "broker-a", "10.0.0.1:10911", 3_000, "TopicA");
            String m = ns.get("/metrics").body();
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_live_brokers"));
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_broker_groups"));
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_clusters"));
            assertEquals(2, OpsHttpFixture.sample(m, "namesrv_topics"), "TopicA and the broker's own");
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_broker_registrations_total{kind=\"new\"}"));
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_requests_total{code=\"103\"}"));
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_request_duration_seconds_count{code=\"103\"}"));
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_request_duration_seconds_bucket{code=\"103\",le=\"+Inf\"}"));
            assertTrue(OpsHttpFixture.sample(m, "namesrv_responses_total{code=\"0\"}") >= 1, m);
            assertTrue(OpsHttpFixture.sample(m, "namesrv_connections") >= 1, m);
            ns.register(silent, "broker-a", "10.0.0.1:10911", 3_000, "TopicA");
            assertEquals(1, ns.scrape("namesrv_broker_registrations_total{kind=\"renewal\"}"));
            assertEquals(2, ns.scrape("namesrv_requests_total{code=\"103\"}"));

            await("the silent broker to expire", () -> scrape(ns, "namesrv_broker_removals_total{reason=\"expired\"}") == 1);
            assertEquals(0, ns.scrape("namesrv_live_brokers"));
            assertEquals(0, ns.scrape("namesrv_topics"));

            // A broker whose connection closes.
            NettyRemotingClient closing = ns.newBroker();
            ns.register(closing, "broker-b", "10.0.0.2:10911", 60_000, "TopicB");
            assertEquals(1, ns.scrape("namesrv_live_brokers"));
            closing.close();
            await("the closed broker to be removed", () -> scrape(ns, "namesrv_broker_removals_total{reason=\"closed\"}") == 1);
            assertEquals(0, ns.scrape("namesrv_live_brokers"));

            // A broker that says goodbye.
            NettyRemotingClient leaving = ns.newBroker();
            ns.register(leaving, "broker-c", "10.0.0.3:10911", 60_000, "TopicC");
            ns.unregister(leaving, "broker-c", "10.0.0.3:10911");
            m = ns.get("/metrics").body();
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_broker_removals_total{reason=\"unregistered\"}"));
            assertEquals(0, OpsHttpFixture.sample(m, "namesrv_live_brokers"));
            assertEquals(3, OpsHttpFixture.sample(m, "namesrv_broker_registrations_total{kind=\"new\"}"));
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_requests_total{code=\"104\"}"));
            assertEquals(0, OpsHttpFixture.sample(m, "namesrv_broker_removals_total{reason=\"idle\"}"));
            assertEquals(0, OpsHttpFixture.sample(m, "namesrv_broker_removals_total{reason=\"failed\"}"));

            ns.controller.getKvConfigManager().putKVConfig("ORDER_TOPIC_CONFIG", "TopicA", "broker-a:4");
            m = ns.get("/metrics").body();
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_kv_entries"));
            assertEquals(1, OpsHttpFixture.sample(m, "namesrv_kv_namespaces"));
            assertEquals(0, OpsHttpFixture.sample(m, "namesrv_executor_queue_size{executor=\"default\"}"));
            assertEquals(10000, OpsHttpFixture.sample(m, "namesrv_executor_queue_capacity{executor=\"default\"}"));
            assertEquals(50000, OpsHttpFixture.sample(m, "namesrv_executor_queue_capacity{executor=\"client\"}"));
            assertTrue(OpsHttpFixture.sample(m, "jvm_memory_used_bytes{area=\"heap\"}") > 0, m);
            assertTrue(OpsHttpFixture.sample(m, "jvm_threads_current") > 0, m);
        }
    }

    @Test
    void readyIsFalseUntilWaitSecondsForServiceHaveElapsedAndFalseAgainOnShutdown() throws Exception {
        OpsHttpFixture ns = new OpsHttpFixture(dir, c -> {
            c.setNeedWaitForService(true);
            c.setWaitSecondsForService(2);
        });
        try (ns) {
            assertFalse(ns.controller.readiness().ready(), "not listening before start");
            assertEquals("remoting port not listening", ns.controller.readiness().reason());
            ns.start();
            HttpResponse<String> before = ns.get("/ready");
            assertEquals(503, before.statusCode(), before.body());
            JSONObject body = JSON.parseObject(before.body());
            assertFalse(body.getBooleanValue("ready"));
            assertTrue(body.getString("reason").startsWith("waiting for service"), before.body());
            assertEquals(0, ns.scrape("namesrv_ready"));
            assertEquals(200, ns.get("/health").statusCode(), "the process is up meanwhile");

            await("/ready to turn true", () -> {
                try {
                    return ns.get("/ready").statusCode() == 200;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertTrue(JSON.parseObject(ns.get("/ready").body()).getBooleanValue("ready"));
            assertEquals(1, ns.scrape("namesrv_ready"));
        }
        assertFalse(ns.controller.readiness().ready());
        assertEquals("shutting down", ns.controller.readiness().reason());
    }

    @Test
    void routesClusterStatusAndThePage() throws Exception {
        try (OpsHttpFixture ns = new OpsHttpFixture(dir, c -> { }).start()) {
            assertEquals(200, ns.get("/ready").statusCode(), "no wait configured: ready at once");
            ns.register(ns.newBroker(), "broker-a", "10.0.0.1:10911", 60_000, "%RETRY%group_a");

            HttpResponse<String> route = ns.get("/routes/%25RETRY%25group_a");
            assertEquals(200, route.statusCode(), route.body());
            JSONObject routeJson = JSON.parseObject(route.body());
            assertEquals("10.0.0.1:10911", routeJson.getJSONArray("brokerDatas").getJSONObject(0)
                .getJSONObject("brokerAddrs").getString("0"));
            assertEquals(4, routeJson.getJSONArray("queueDatas").getJSONObject(0).getIntValue("readQueueNums"));
            assertEquals(404, ns.get("/routes/NoSuchTopic").statusCode());

            JSONObject cluster = JSON.parseObject(ns.get("/cluster").body());
            assertEquals("broker-a", cluster.getJSONObject("clusterAddrTable").getJSONArray(OpsHttpFixture.CLUSTER).getString(0));
            assertEquals(OpsHttpFixture.CLUSTER, cluster.getJSONObject("brokerAddrTable").getJSONObject("broker-a")
                .getString("cluster"));

            JSONObject status = JSON.parseObject(ns.get("/status").body());
            JSONObject broker = status.getJSONArray("brokers").getJSONObject(0);
            assertEquals("10.0.0.1:10911", broker.getString("addr"));
            assertEquals("MASTER", broker.getString("role"));
            assertEquals("live", broker.getString("state"));
            assertEquals(60_000, broker.getLongValue("heartbeatTimeoutMillis"));
            assertTrue(broker.getLongValue("lastHeartbeatAgeMillis") < 10_000, broker.toString());
            JSONArray topics = status.getJSONObject("topics").getJSONArray("topics");
            assertEquals("%RETRY%group_a", topics.getJSONObject(0).getString("topic"));
            assertEquals("broker-a", topics.getJSONObject(0).getJSONArray("queues").getJSONObject(0).getString("brokerName"));
            assertEquals("127.0.0.1:" + ns.controller.listenPort(), status.getJSONObject("server").getString("remoting"));
            assertEquals("127.0.0.1:" + ns.controller.httpPort(), status.getJSONObject("server").getString("http"));

            HttpResponse<String> page = ns.get("/");
            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElse(""));
            assertTrue(page.body().contains("<table id=\"brokers\">"), page.body());
            assertTrue(page.body().contains("<script src=\"/static/status.js\""), page.body());
            assertTrue(page.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"));
            String script = ns.get("/static/status.js").body();
            assertTrue(script.contains("getJson('/status?limit=0')"), script);
            assertTrue(script.contains("textContent"), script);
            assertFalse(script.contains("innerHTML"), "broker-supplied names must not become markup");
            assertEquals(200, ns.get("/static/status.css").statusCode());
            HttpResponse<String> charts = ns.get("/static/uPlot.iife.min.js");
            assertEquals(200, charts.statusCode());
            assertEquals("text/javascript; charset=utf-8", charts.headers().firstValue("content-type").orElse(""));
            assertEquals(200, ns.get("/static/uPlot.min.css").statusCode());
        }
    }

    @Test
    void everyJsonAnswerEscapesAnglesAndAmpersands() throws Exception {
        String hostile = "<script>alert(1)</script>";
        try (OpsHttpFixture ns = new OpsHttpFixture(dir, c -> { }).start()) {
            HttpResponse<String> missing = ns.get("/routes/" + java.net.URLEncoder.encode(hostile,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            assertEquals(404, missing.statusCode());
            assertEquals(HttpAnswer.JSON, missing.headers().firstValue("content-type").orElse(""));
            assertFalse(missing.body().contains("<") || missing.body().contains(">"), missing.body());
            assertTrue(missing.body().contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"), missing.body());
            assertTrue(JSON.parseObject(missing.body()).getString("error").contains(hostile), missing.body());

            // Names that brokers choose reach /status, /cluster and /routes through other encoders.
            String topic = "t<&>x";
            ns.register(ns.newBroker(), "b<&>", "10.0.0.9:10911", 60_000, topic);
            for (String path : new String[] {"/status", "/cluster", "/routes/t%3C%26%3Ex", "/nope<&>"}) {
                HttpResponse<String> answer = ns.get(path.replace("<", "%3C").replace("&", "%26").replace(">", "%3E"));
                String body = answer.body();
                assertFalse(body.contains("<") || body.contains(">") || body.contains("&"), path + ": " + body);
                assertTrue(body.contains("\\u003c\\u0026\\u003e"), path + ": " + body);
            }
            assertEquals("b<&>", JSON.parseObject(ns.get("/routes/t%3C%26%3Ex").body()).getJSONArray("queueDatas")
                .getJSONObject(0).getString("brokerName"), "the parsed value is the name itself");
            assertEquals(topic, JSON.parseObject(ns.get("/status").body()).getJSONObject("topics").getJSONArray("topics")
                .getJSONObject(1).getString("topic"));
        }
    }

    @Test
    void readOnlyUnknownPathsAndHead() throws Exception {
        try (OpsHttpFixture ns = new OpsHttpFixture(dir, c -> { }).start()) {
            HttpResponse<String> post = ns.send(HttpRequest.newBuilder(ns.uri("/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
            assertEquals(405, post.statusCode());
            assertEquals("GET, HEAD", post.headers().firstValue("allow").orElse(""));
            assertEquals(404, ns.get("/nope").statusCode());
            assertEquals(404, ns.get("/routes/").statusCode());
            HttpResponse<String> head = ns.send(HttpRequest.newBuilder(ns.uri("/health"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("NamesrvHttp_")));
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.getName().startsWith("NamesrvHttp_") && t.isAlive()), "HTTP threads stop with the controller");
    }

    @Test
    void httpKeysAreReadOnceAndNeverTunableAtRuntime() {
        java.util.function.Predicate<String> tunable = io.namesrv.namesrv.config.RuntimeTunableKeys.allowed(
            io.namesrv.namesrv.config.RuntimeTunableKeys.NAMESRV, () -> "");
        for (String key : new String[] {"httpEnable", "httpListenPort", "httpBindAddress"}) {
            assertFalse(tunable.test(key), key);
            assertTrue(io.namesrv.namesrv.config.ConfigBinder.canBind(new HttpConfig(), key), key);
        }
    }

    @Test
    void disabledEndpointBindsNothing() throws Exception {
        try (OpsHttpFixture ns = new OpsHttpFixture(dir, c -> { });
             TestNameServer plain = TestNameServer.start(dir.resolve("plain"))) {
            assertEquals(-1, plain.controller().httpPort(), "HttpConfig.disabled(): no endpoint");
            assertEquals(-1, ns.controller.httpPort(), "not started yet");
        }
    }
}
