package io.namesrv.namesrv.peers;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import io.namesrv.namesrv.NamesrvController;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Our whole name server in this JVM on 127.0.0.1, with its files (KV store, route snapshot) under
 * {@code dir} and its operations endpoint on a free port; {@code port} 0 picks a free one, a
 * fixed one lets a test restart "the same" server.
 */
final class PeerTestServer implements AutoCloseable {

    private final NamesrvController controller;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PeerTestServer(NamesrvController controller) {
        this.controller = controller;
    }

    static PeerTestServer start(Path dir, int port, Consumer<PeersConfig> tune) throws InterruptedException {
        NamesrvController controller = TestNameServer.builder(dir)
            .namesrv(config -> config.setScanNotActiveBrokerInterval(200))
            .peers(tune)
            .netty(netty -> {
                netty.setListenPort(port);
                netty.setServerSelectorThreads(1);
            })
            .withHttp()
            .build();
        try {
            controller.start();
        } catch (InterruptedException | RuntimeException e) {
            controller.shutdown();
            throw e;
        }
        return new PeerTestServer(controller);
    }

    String address() {
        return "127.0.0.1:" + controller.listenPort();
    }

    int port() {
        return controller.listenPort();
    }

    RouteInfoManager routes() {
        return controller.getRouteInfoManager();
    }

    /** The {@code peers} section of /status. */
    JSONObject peersStatus() throws IOException, InterruptedException {
        return JSON.parseObject(get("/status")).getJSONObject("peers");
    }

    /** The whole /status document. */
    JSONObject status() throws IOException, InterruptedException {
        return JSON.parseObject(get("/status"));
    }

    String metrics() throws IOException, InterruptedException {
        return get("/metrics");
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + controller.httpPort() + path))
            .timeout(Duration.ofSeconds(30)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** An orderly stop, as on SIGTERM. */
    @Override
    public void close() {
        controller.shutdown();
    }
}
