package io.namesrv.namesrv.http;

import com.alibaba.fastjson2.JSON;
import io.namesrv.namesrv.lifecycle.Health;
import io.namesrv.namesrv.metrics.NamesrvMetrics;
import io.namesrv.namesrv.metrics.PrometheusTextWriter;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicRouteData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The read-only operations endpoints, as plain functions of a path (no Netty here, so they are
 * tested directly): /metrics, /health, /ready, /status, /cluster, /routes/{topic} and the status
 * page with its script and style.
 */
public final class OpsEndpoints {

    private static final String ROUTES = "/routes/";

    private final NamesrvMetrics metrics;
    private final RouteInfoManager routes;
    private final Supplier<Readiness> readiness;
    private final Supplier<Health.Status> health;
    private final LongSupplier uptimeMillis;
    private final IntSupplier listenPort;
    private final JsonBodies json = new JsonBodies();
    private final Map<String, HttpAnswer> staticFiles;

    public OpsEndpoints(NamesrvMetrics metrics, RouteInfoManager routes, Supplier<Readiness> readiness,
                        Supplier<Health.Status> health, LongSupplier uptimeMillis, IntSupplier listenPort) {
        this.metrics = metrics;
        this.routes = routes;
        this.readiness = readiness;
        this.health = health;
        this.uptimeMillis = uptimeMillis;
        this.listenPort = listenPort;
        this.staticFiles = Map.of(
            "/", resource("status.html", "text/html; charset=utf-8"),
            "/index.html", resource("status.html", "text/html; charset=utf-8"),
            "/static/status.js", resource("status.js", "text/javascript; charset=utf-8"),
            "/static/status.css", resource("status.css", "text/css; charset=utf-8"));
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

    /** Answers a GET of {@code path} (already percent-decoded, without the query). */
    public HttpAnswer get(String path) {
        HttpAnswer file = staticFiles.get(path);
        if (file != null) {
            return file;
        }
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
                return HttpAnswer.json(200, JSON.toJSONString(StatusView.build(routes, System.currentTimeMillis(),
                    uptimeMillis.getAsLong(), readiness.get(), listenPort.getAsInt())));
            case "/cluster":
                return HttpAnswer.json(200, json.encodeStandard(routes.getAllClusterInfo()));
            default:
                break;
        }
        if (path.startsWith(ROUTES) && path.length() > ROUTES.length()) {
            String topic = path.substring(ROUTES.length());
            TopicRouteData route = routes.pickupTopicRouteData(topic);
            return route == null
                ? HttpAnswer.json(404, JSON.toJSONString(Map.of("error", "No topic route info in name server for the topic: "
                    + topic)))
                : HttpAnswer.json(200, json.encodeStandard(route));
        }
        return HttpAnswer.json(404, JSON.toJSONString(Map.of("error", "not found: " + path)));
    }
}
