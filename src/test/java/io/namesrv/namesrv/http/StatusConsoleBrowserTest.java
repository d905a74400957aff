package io.namesrv.namesrv.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status console in a real browser: our daemon (a child JVM, started as the interop suite
 * starts it) with a real Apache RocketMQ 5.3.3 broker registered, the page rendered by Debian's
 * headless Chromium under the endpoint's own security headers. The rendered DOM must show the
 * broker's row, charts with data and, after the broker is killed, the event and the broker marked
 * as gone. Screenshots are kept under target/console-browser/.
 */
class StatusConsoleBrowserTest {

    private static final Duration BROKER_SEEN = Duration.ofSeconds(90);
    private static final Duration KILL_SEEN = Duration.ofSeconds(60);
    private static final Duration RENDERED = Duration.ofSeconds(240);
    private static final Pattern POINTS = Pattern.compile("data-points=\"(\\d+)\"");

    @TempDir
    Path chromiumDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Path screenshots() {
        String testClasses = System.getProperty("namesrv.test.classes", "target/test-classes");
        return Path.of(testClasses).toAbsolutePath().getParent().resolve("console-browser");
    }

    private JSONObject json(URI base, String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return JSON.parseObject(answer.body());
    }

    private static JSONObject find(JSONArray array, Predicate<JSONObject> test) {
        for (int i = 0; i < array.size(); i++) {
            if (test.test(array.getJSONObject(i))) {
                return array.getJSONObject(i);
            }
        }
        return null;
    }

    /** The {@code <tr>...</tr>} elements whose start tag has every one of {@code attributes}. */
    static List<String> rows(String dom, String... attributes) {
        List<String> found = new ArrayList<>();
        int from = 0;
        while ((from = dom.indexOf("<tr", from)) >= 0) {
            int tagEnd = dom.indexOf('>', from);
            int end = dom.indexOf("</tr>", tagEnd);
            String tag = dom.substring(from, tagEnd + 1);
            boolean all = true;
            for (String a : attributes) {
                all &= tag.contains(a);
            }
            if (all && end > 0) {
                found.add(dom.substring(from, end + "</tr>".length()));
            }
            from = tagEnd;
        }
        return found;
    }

    /** The element with {@code id}, start tag to its closing tag. */
    static String element(String dom, String tag, String id) {
        int start = dom.indexOf("<" + tag + " ");
        while (start >= 0) {
            int tagEnd = dom.indexOf('>', start);
            if (dom.substring(start, tagEnd).contains("id=\"" + id + "\"")) {
                return dom.substring(start, dom.indexOf("</" + tag + ">", tagEnd));
            }
            start = dom.indexOf("<" + tag + " ", tagEnd);
        }
        return "";
    }

    static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    /** Samples drawn in the chart figure {@code id}, or -1 when it has no drawn plot. */
    static int pointsDrawn(String dom, String id) {
        String figure = element(dom, "figure", id);
        Matcher m = POINTS.matcher(figure);
        return m.find() && figure.contains("<canvas") ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Renders the page until {@code ready} holds of its DOM (each rendering is a fresh page load). */
    private HeadlessChromium.Rendering renderUntil(HeadlessChromium chromium, URI page, String screenshot,
                                                   Predicate<String> ready) {
        return Await.until("the rendered page to show it (" + screenshot + ")", RENDERED,
            () -> chromium.render(page, screenshots().resolve(screenshot), 1400, 2200), r -> ready.test(r.dom()));
    }

    @Test
    void theRenderedConsoleShowsARealBrokerItsChartsAndItsDeath() throws Exception {
        HeadlessChromium chromium = new HeadlessChromium(chromiumDir);
        int httpPort = FreePorts.single();
        URI base = URI.create("http://127.0.0.1:" + httpPort + "/");
        try (NameServerProcess ns = NameServerProcess.ours(Map.of("httpListenPort", Integer.toString(httpPort),
            "httpConsoleSampleSeconds", "1"))) {
            BrokerProcess broker = BrokerProcess.start("ConsoleCluster", "console-broker", ns.address());
            try {
                String addr = broker.address();
                Await.until("the broker live on /status and sampled twice in /history", BROKER_SEEN, () -> {
                    JSONObject row = find(json(base, "status?limit=0").getJSONArray("brokers"),
                        b -> addr.equals(b.getString("addr")));
                    JSONObject live = find(json(base, "history").getJSONArray("tables"),
                        s -> "live brokers".equals(s.getString("label")));
                    JSONArray values = live.getJSONArray("values");
                    return row != null && "live".equals(row.getString("state")) && values.size() >= 2
                        && values.getIntValue(values.size() - 1) == 1;
                }, Boolean::booleanValue);

                HeadlessChromium.Rendering alive = renderUntil(chromium, base, "console-live.png", dom ->
                    dom.contains("data-loaded=\"true\"") && pointsDrawn(dom, "chart-tables") >= 2
                        && rows(dom, "data-addr=\"" + addr + "\"", "data-state=\"live\"").size() == 1);
                String dom = alive.dom();
                String row = text(rows(dom, "data-addr=\"" + addr + "\"").get(0));
                assertTrue(row.contains("ConsoleCluster") && row.contains("console-broker") && row.contains("MASTER")
                    && row.contains(addr) && row.endsWith("live"), row);
                assertTrue(text(element(dom, "figure", "chart-tables")).contains("live brokers"),
                    "the chart's legend names its lines: " + element(dom, "figure", "chart-tables"));
                assertTrue(pointsDrawn(dom, "chart-requests") >= 2, element(dom, "figure", "chart-requests"));
                assertTrue(text(element(dom, "figure", "chart-requests")).contains("103 REGISTER_BROKER"),
                    "the broker's registrations are charted: " + element(dom, "figure", "chart-requests"));
                assertEquals(1, rows(dom, "data-kind=\"registered\"", "data-addr=\"" + addr + "\"").size(), dom);
                assertTrue(text(element(dom, "dl", "identity")).contains("speaks RocketMQ 5.3.3"),
                    element(dom, "dl", "identity"));
                assertTrue(rows(element(dom, "table", "topics"), "data-topic=\"console-broker\"").size() == 1,
                    "the topic search lists the broker's own topic");
                assertEquals(List.of(), alive.console(), "the page logs nothing: no script error, no CSP violation");

                broker.kill();
                JSONObject gone = Await.until("the killed broker's connection to close", KILL_SEEN,
                    () -> find(json(base, "events").getJSONArray("events"), e -> addr.equals(e.getString("addr"))
                        && List.of("closed", "failed").contains(e.getString("kind"))), e -> e != null);
                String kind = gone.getString("kind");

                HeadlessChromium.Rendering dead = renderUntil(chromium, base, "console-after-kill.png", d ->
                    d.contains("data-loaded=\"true\"")
                        && rows(d, "data-kind=\"" + kind + "\"", "data-addr=\"" + addr + "\"").size() == 1);
                dom = dead.dom();
                String event = text(rows(dom, "data-kind=\"" + kind + "\"", "data-addr=\"" + addr + "\"").get(0));
                assertTrue(event.contains("console-broker master") && event.contains("ConsoleCluster")
                    && event.contains("its connection " + kind), event);
                List<String> brokerRows = rows(dom, "data-addr=\"" + addr + "\"", "data-state=\"" + kind + "\"");
                assertEquals(1, brokerRows.size(), "the dead broker is still on the page: "
                    + text(element(dom, "table", "brokers")));
                assertTrue(brokerRows.get(0).contains("class=\"gone\""), brokerRows.get(0));
                assertTrue(text(brokerRows.get(0)).contains("ago: its connection " + kind), text(brokerRows.get(0)));
                assertEquals(List.of(), dead.console(), "the page logs nothing");
                System.out.println("status console screenshots: " + alive.screenshot() + ", " + dead.screenshot());
            } finally {
                broker.close();
            }
        }
    }
}
