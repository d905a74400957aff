package io.namesrv.namesrv.http;

import io.namesrv.interop.support.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.namesrv.namesrv.NamesrvConfig;
import io.namesrv.namesrv.NamesrvController;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.RegisterBrokerBodyCodec;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.header.RegisterBrokerRequestHeader;
import io.namesrv.protocol.header.UnRegisterBrokerRequestHeader;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.SerializeType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A whole name server in-process on free loopback ports (remoting and HTTP), brokers speaking
 * our own remoting client (one connection each, so closing one is one broker's channel closing),
 * and an HTTP client for the operations endpoint.
 */
final class OpsHttpFixture implements AutoCloseable {

    static final String CLUSTER = "OpsCluster";
    private static final WireIdentity IDENTITY = new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON);

    final NamesrvController controller;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<NettyRemotingClient> brokers = new ArrayList<>();
    private final RegisterBrokerBodyCodec bodyCodec = new RegisterBrokerBodyCodec(new JsonBodies());

    OpsHttpFixture(Path dir, Consumer<NamesrvConfig> tune) {
        controller = TestNameServer.builder(dir).withHttp()
            .http(h -> h.setHttpConsoleSampleSeconds(1))
            .namesrv(c -> c.setScanNotActiveBrokerInterval(200))
            .namesrv(tune)
            .build();
    }

    OpsHttpFixture start() throws InterruptedException {
        controller.start();
        return this;
    }

    String nameServer() {
        return "127.0.0.1:" + controller.listenPort();
    }

    /** A broker process: its own connection to the name server. */
    NettyRemotingClient newBroker() {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig(), IDENTITY);
        brokers.add(client);
        return client;
    }

    RemotingCommand register(NettyRemotingClient broker, String brokerName, String addr, long timeoutMillis, String topic)
        throws Exception {
        // Real brokers also register a topic named after themselves; a one-topic first registration
        // would be refused (Apache's rule for single-topic updates).
        TopicConfig tc = new TopicConfig(topic, 4, 4, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of());
        TopicConfig own = new TopicConfig(brokerName, 1, 1, 7, TopicFilterType.SINGLE_TAG, 0, false, Map.of());
        RegisterBrokerBody body = new RegisterBrokerBody(
            TopicConfigSerializeWrapper.of(new DataVersion(0, 1, 1), Map.of(topic, tc, brokerName, own)), List.of());
        RemotingCommand request = RemotingCommand.request(RequestCode.REGISTER_BROKER, new RegisterBrokerRequestHeader(
            brokerName, addr, CLUSTER, addr, 0L, timeoutMillis, false, false, 0));
        request.setBody(bodyCodec.encodeJson(body));
        RemotingCommand response = broker.invokeSync(nameServer(), request, 3000);
        assertEquals(0, response.getCode(), response.getRemark());
        return response;
    }

    void unregister(NettyRemotingClient broker, String brokerName, String addr) throws Exception {
        RemotingCommand response = broker.invokeSync(nameServer(), RemotingCommand.request(RequestCode.UNREGISTER_BROKER,
            new UnRegisterBrokerRequestHeader(brokerName, addr, CLUSTER, 0L)), 3000);
        assertEquals(0, response.getCode(), response.getRemark());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + controller.httpPort() + path);
    }

    /** The value of one sample line, e.g. {@code namesrv_broker_removals_total{reason="expired"}}. */
    static double sample(String exposition, String series) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return Double.NaN;
    }

    double scrape(String series) throws Exception {
        return sample(get("/metrics").body(), series);
    }

    static void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(8), condition);
    }

    @Override
    public void close() {
        brokers.forEach(NettyRemotingClient::close);
        controller.shutdown();
    }
}
