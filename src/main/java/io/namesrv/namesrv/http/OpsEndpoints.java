package io.namesrv.namesrv.http;

import com.alibaba.fastjson2.JSON;
import io.namesrv.namesrv.console.StatusConsole;
import io.namesrv.namesrv.console.TopicIndex;
import io.namesrv.namesrv.lifecycle.Health;
import io.namesrv.namesrv.metrics.NamesrvMetrics;
import io.namesrv.namesrv.metrics.PrometheusTextWriter;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The read-only operations endpoints, as plain functions of a path and its query parameters (no
 * Netty here, so they are tested directly): /metrics, /health, /ready, /cluster, /routes/{topic},
 * and the status console: its page, script, style and vendored chart library, and its data
 * (/status, /topics, /history, /events).
 */
public final class OpsEndpoints {

    private static final String ROUTES = "/routes/";
    /** Events per /events answer: the page shows fewer. */
    static final int MAX_EVENTS_PER_ANSWER = 200;

    private final NamesrvMetrics metrics;
    private final RouteInfoManager routes;
    private final Supplier<Readiness> readiness;
    private final Supplier<Health.Status> health;
    private final StatusConsole console;
    private final ClientRouteLookup clientRoutes;
    private final Supplier<?> peers;
    private final JsonBodies json = new JsonBodies();
    private final Map<String, HttpAnswer> staticFiles;

    public OpsEndpoints(NamesrvMetrics metrics, RouteInfoManager routes, Supplier<Readiness> readiness,
                        Supplier<Health.Status> health, StatusConsole console, ClientRouteLookup clientRoutes) {
        this(metrics, routes, readiness, health, console, clientRoutes, () -> null);
    }

    /** With {@code peers} giving the warm-restart and peer part of /status ({@code peers}, null for none). */
    public OpsEndpoints(NamesrvMetrics metrics, RouteInfoManager routes, Supplier<Readiness> readiness,
                        Supplier<Health.Status> health, StatusConsole console, ClientRouteLookup clientRoutes,
                        Supplier<?> peers) {
        this.peers = peers;
        this.metrics = metrics;
        this.routes = routes;
        this.readiness = readiness;
        this.health = health;
        this.console = console;
        this.clientRoutes = clientRoutes;
        String html = "text/html; charset=utf-8";
        String js = "text/javascript; charset=utf-8";
        String css = "text/css; charset=utf-8";
        this.staticFiles = Map.of(
            "/", resource("status.html", html),
            "/index.html", resource("status.html", html),
            "/static/status.js", resource("status.js", js),
            "/static/status.css", resource("status.css", css),
            "/static/uPlot.iife.min.js", resource("vendor/uPlot.iife.min.js", js),
            "/static/uPlot.min.css", resource("vendor/uPlot.min.css", css));
    }

    private static HttpAnswer resource(String name, String contentType) {
        try (InputStream in = OpsEndpoints.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the jar: " + name);
            }
            return new HttpAnswer(200, contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers a GET of {@code path} without query parameters. */
    public HttpAnswer get(String path) {
        return get(path, Map.of());
    }

    /** Answers a GET of {@code path} (already percent-decoded) with its decoded query parameters. */
    public HttpAnswer get(String path, Map<String, List<String>> params) {
        HttpAnswer file = staticFiles.get(path);
        if (file != null) {
            return file;
        }
        try {
            return dynamic(path, new Query(params));
        } catch (BadQuery e) {
            return error(400, e.getMessage());
        }
    }

    private HttpAnswer dynamic(String path, Query query) {
        switch (path) {
            case "/metrics":
                return HttpAnswer.text(200, PrometheusTextWriter.CONTENT_TYPE, metrics.scrape());
            case "/health": {
                Health.Status h = health.get();
                return h.up() ? HttpAnswer.json(200, "{\"status\":\"UP\"}")
                    : HttpAnswer.json(503, "{\"status\":\"DOWN\",\"reason\":" + JSON.toJSONString(h.reason()) + "}");
            }
            case "/ready": {
                Readiness r = readiness.get();
                return HttpAnswer.json(r.ready() ? 200 : 503, JSON.toJSONString(r));
            }
            case "/status":
                return HttpAnswer.json(200, JSON.toJSONString(StatusView.build(routes, console,
                    System.currentTimeMillis(), readiness.get(), topicsPage(query), peers.get())));
            case "/topics": {
                StatusView.TopicsPage page = topicsPage(query);
                return page == null ? error(400, "limit must be 1 to " + TopicIndex.MAX_LIMIT)
                    : HttpAnswer.json(200, JSON.toJSONString(page));
            }
            case "/history":
                return HttpAnswer.json(200, JSON.toJSONString(console.history().view()));
            case "/events": {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("events", console.events().events(query.longValue("after", 0), MAX_EVENTS_PER_ANSWER));
                return HttpAnswer.json(200, JSON.toJSONString(body));
            }
            case "/controller": {
                // the embedded controller's role, leader, term and groups (for the status page)
                var controller = metrics.controllerStatus();
                return controller == null
                    ? HttpAnswer.json(404, JSON.toJSONString(Map.of("error", "the controller is not enabled here"
                        + " (enableControllerInNamesrv=false)")))
                    : HttpAnswer.json(200, JSON.toJSONString(controller));
            }
            case "/cluster":
                return HttpAnswer.json(200, json.encodeStandard(routes.getAllClusterInfo()));
            default:
                break;
        }
        if (path.startsWith(ROUTES) && path.length() > ROUTES.length()) {
            return route(path.substring(ROUTES.length()));
        }
        return error(404, "not found: " + path);
    }

    /** A page of the topic search; none at all (and no search work) for {@code limit=0}. */
    private StatusView.TopicsPage topicsPage(Query query) {
        long limit = query.longValue("limit", TopicIndex.DEFAULT_LIMIT);
        if (limit == 0) {
            return null;
        }
        return StatusView.topics(routes, console.topics(), query.string("q"), query.string("after"),
            (int) Math.max(1, Math.min(TopicIndex.MAX_LIMIT, limit)));
    }

    /** The GET_ROUTEINFO_BY_TOPIC answer itself: its body on success, its code and remark otherwise. */
    private HttpAnswer route(String topic) {
        ClientRouteLookup.ClientRoute answer = clientRoutes.lookup(topic);
        if (answer.code() == ResponseCode.SUCCESS) {
            return HttpAnswer.json(200, answer.body());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", answer.code());
        body.put("error", answer.remark());
        return HttpAnswer.json(answer.code() == ResponseCode.TOPIC_NOT_EXIST ? 404 : 503, JSON.toJSONString(body));
    }

    private static HttpAnswer error(int status, String message) {
        return HttpAnswer.json(status, JSON.toJSONString(Map.of("error", message)));
    }

    /** A query parameter that does not parse. */
    private static final class BadQuery extends RuntimeException {
        BadQuery(String message) {
            super(message, null, false, false);
        }
    }

    /** The first value of each query parameter. */
    private record Query(Map<String, List<String>> params) {

        String string(String name) {
            List<String> values = params.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        long longValue(String name, long otherwise) {
            String v = string(name);
            if (v == null || v.isEmpty()) {
                return otherwise;
            }
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new BadQuery(name + " is not a number: " + v);
            }
        }
    }
}
