package io.namesrv.namesrv.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.interop.support.Await;
import io.namesrv.namesrv.console.StatusConsole;
import io.namesrv.namesrv.console.TopicIndex;
import io.namesrv.namesrv.lifecycle.Health;
import io.namesrv.namesrv.metrics.NamesrvMetrics;
import io.namesrv.namesrv.metrics.RequestMetrics;
import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console's topic search on a route table of a million topics (ten brokers of 100,000): any
 * topic is found, page after page, each request looking at no more than the scan budget, and a
 * topic registered later turns up once the index has been rebuilt in the background.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicSearchMillionTopicsTest {

    private static final int BROKERS = 10;
    private static final int TOPICS_PER_BROKER = 100_000;

    private RouteInfoManager routes;
    private StatusConsole console;
    private OpsEndpoints endpoints;

    private static String topic(int broker, int i) {
        return "Topic-" + broker + "-" + i;
    }

    private void register(String brokerName, String addr, Map<String, TopicConfig> topics) {
        routes.registerBroker(BrokerRegistration.builder("C", addr, brokerName, 0).heartbeatTimeoutMillis(600_000L)
            .enableActingMaster(false).topics(TopicConfigSerializeWrapper.of(new DataVersion(0, 1, 1), topics))
            .filterServers(List.of()).build());
    }

    @BeforeAll
    void millionTopics() {
        routes = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false));
        for (int b = 0; b < BROKERS; b++) {
            Map<String, TopicConfig> topics = new HashMap<>(TOPICS_PER_BROKER * 2);
            for (int i = 0; i < TOPICS_PER_BROKER; i++) {
                topics.put(topic(b, i), new TopicConfig(topic(b, i), 8, 8, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
            }
            register("broker-" + b, "10.0.0." + b + ":10911", topics);
        }
        assertEquals(BROKERS * TOPICS_PER_BROKER, routes.tableSizes().topics());
        console = new StatusConsole(new StatusConsole.Facts(10, System.currentTimeMillis(), "5.3.3", () -> "-", () -> "-"),
            routes, new RequestMetrics(), System::currentTimeMillis);
        endpoints = new OpsEndpoints(new NamesrvMetrics(() -> {
            throw new AssertionError("not scraped here");
        }), routes, () -> Readiness.yes(), () -> new Health().status(), console, topic -> {
            throw new AssertionError("no route view here");
        });
        assertTrue(get("/topics", Map.of()).getBooleanValue("indexing"),
            "a million names are sorted on the console's thread, not on the HTTP thread that asked");
        Await.until("the first copy of the names", Duration.ofSeconds(120), () -> get("/topics", Map.of()),
            page -> !page.getBooleanValue("indexing"));
    }

    @AfterAll
    void stop() {
        console.shutdown();
    }

    private JSONObject get(String path, Map<String, List<String>> params) {
        HttpAnswer answer = endpoints.get(path, params);
        assertEquals(200, answer.status(), answer.bodyText());
        return JSON.parseObject(answer.bodyText());
    }

    /** Every match of {@code q}, following {@code next} from page to page. */
    private List<String> searchAll(String q, int[] requests) {
        List<String> found = new ArrayList<>();
        String after = null;
        int searchedBefore = 0;
        do {
            Map<String, List<String>> params = new HashMap<>(Map.of("q", List.of(q), "limit", List.of("200")));
            if (after != null) {
                params.put("after", List.of(after));
            }
            JSONObject page = get("/topics", params);
            requests[0]++;
            assertEquals(BROKERS * TOPICS_PER_BROKER, page.getIntValue("indexed"));
            int searchedTo = page.getIntValue("searchedTo");
            assertTrue(searchedTo - searchedBefore <= TopicIndex.SCAN_BUDGET,
                "one request looked at " + (searchedTo - searchedBefore) + " names");
            searchedBefore = searchedTo;
            JSONArray topics = page.getJSONArray("topics");
            for (int i = 0; i < topics.size(); i++) {
                found.add(topics.getJSONObject(i).getString("topic"));
            }
            after = page.getString("next");
        } while (after != null);
        return found;
    }

    @Test
    @Order(1)
    void anyTopicIsFoundWithBoundedWorkPerRequest() {
        int[] requests = {0};
        assertEquals(List.of(topic(7, 99_999)), searchAll("topic-7-99999", requests), "case does not matter");
        assertTrue(requests[0] <= BROKERS * TOPICS_PER_BROKER / TopicIndex.SCAN_BUDGET + 1, requests[0] + " requests");

        requests[0] = 0;
        List<String> many = searchAll("-4242", requests);
        // Topic-b-4242 and Topic-b-42420..42429 for each broker.
        assertEquals(BROKERS * 11, many.size(), many.toString());
        List<String> sorted = new ArrayList<>(many);
        sorted.sort(null);
        assertEquals(sorted, many, "in name order, each once");
    }

    @Test
    @Order(2)
    void theFirstPageAndStatusHonourTheQuery() {
        JSONObject first = get("/topics", Map.of());
        JSONArray topics = first.getJSONArray("topics");
        assertEquals(TopicIndex.DEFAULT_LIMIT, topics.size());
        assertEquals("Topic-0-0", topics.getJSONObject(0).getString("topic"));
        assertEquals("Topic-0-1", topics.getJSONObject(1).getString("topic"));
        assertEquals("Topic-0-10", topics.getJSONObject(2).getString("topic"), "name order");
        JSONObject queue = topics.getJSONObject(0).getJSONArray("queues").getJSONObject(0);
        assertEquals("broker-0", queue.getString("brokerName"));
        assertEquals(8, queue.getIntValue("readQueueNums"));

        JSONObject status = get("/status", Map.of("q", List.of("topic-0-4242"), "limit", List.of("5")));
        assertEquals(BROKERS * TOPICS_PER_BROKER, status.getIntValue("topicsTotal"));
        JSONObject page = status.getJSONObject("topics");
        assertEquals(List.of("Topic-0-4242", "Topic-0-42420", "Topic-0-42421", "Topic-0-42422", "Topic-0-42423"),
            page.getJSONArray("topics").stream().map(t -> ((JSONObject) t).getString("topic")).toList());
        assertEquals("Topic-0-42423", page.getString("next"));

        JSONObject far = get("/status", Map.of("q", List.of("Topic-3-4242")));
        assertEquals(0, far.getJSONObject("topics").getJSONArray("topics").size(),
            "Topic-3-* lies past what one request looks at");
        assertEquals(TopicIndex.SCAN_BUDGET, far.getJSONObject("topics").getIntValue("searchedTo"));
    }

    @Test
    @Order(3)
    void aTopicRegisteredLaterIsFoundOnceTheIndexIsRebuiltInTheBackground() {
        get("/topics", Map.of("q", List.of("Late")));
        register("broker-late", "10.0.1.1:10911", Map.of("LateTopic",
            new TopicConfig("LateTopic", 4, 4, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()),
            "broker-late", new TopicConfig("broker-late", 1, 1, 7, TopicFilterType.SINGLE_TAG, 0, false, Map.of())));
        JSONObject page = Await.until("LateTopic to turn up in the search", Duration.ofSeconds(60),
            () -> get("/topics", Map.of("q", List.of("LateTopic"))),
            p -> p.getJSONArray("topics").size() == 1);
        assertEquals("LateTopic", page.getJSONArray("topics").getJSONObject(0).getString("topic"));
        assertEquals(BROKERS * TOPICS_PER_BROKER + 2, page.getIntValue("indexed"));
    }
}
