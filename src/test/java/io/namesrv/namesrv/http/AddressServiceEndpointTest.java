package io.namesrv.namesrv.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.common.NameServerAddresses;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.namesrv.address.AdvertisedAddress;
import io.namesrv.namesrv.address.NameServerDirectory;
import io.namesrv.namesrv.auth.AclSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.rocketmq.common.namesrv.DefaultTopAddressing;
import org.apache.rocketmq.remoting.common.RemotingHelper;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The address service's answer as Apache 5.3.3's own client code reads it: its
 * DefaultTopAddressing fetches and cleans the text, its remoting client splits and connects to it.
 */
class AddressServiceEndpointTest {

    @TempDir
    Path dir;

    private final List<String> answeringPeers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean selfAnswers = new AtomicBoolean(true);
    private OpsHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    /** The endpoint alone, with this server advertised as {@code self} and the peers of {@link #answeringPeers}. */
    private String serve(String self, Set<String> subgroups) throws InterruptedException {
        NameServerDirectory directory = new NameServerDirectory(subgroups, selfAnswers::get, () -> List.copyOf(answeringPeers));
        directory.advertise(new AdvertisedAddress(self, "test"));
        OpsEndpoints endpoints = new OpsEndpoints(null, null, Readiness::yes, null, null, null, () -> null, directory);
        HttpConfig config = new HttpConfig();
        config.setHttpListenPort(0);
        config.setHttpBindAddress("127.0.0.1");
        server = new OpsHttpServer(config, endpoints);
        server.start();
        return "127.0.0.1:" + server.localPort();
    }

    private static String url(String domain, String subgroup) {
        return "http://" + domain + "/rocketmq/" + subgroup;
    }

    @Test
    void apachesTopAddressingReadsEveryAnsweringNameServer() throws Exception {
        answeringPeers.addAll(List.of("10.0.0.2:9876", "10.0.0.1:9876"));
        String domain = serve("127.0.0.1:9876", Set.of("nsaddr"));

        String fetched = new DefaultTopAddressing(url(domain, "nsaddr")).fetchNSAddr();
        assertEquals("10.0.0.1:9876;10.0.0.2:9876;127.0.0.1:9876", fetched, "sorted: every server answers the same");
        // MQClientAPIImpl.updateNameServerAddressList splits on ';'; the remoting client connects to each part
        for (String addr : fetched.split(";")) {
            InetSocketAddress socket = (InetSocketAddress) RemotingHelper.string2SocketAddress(addr);
            assertEquals(addr, socket.getHostString() + ":" + socket.getPort());
        }
        // bin/mqadmin resolves the same way (common/NameServerAddresses)
        Properties props = new Properties();
        props.setProperty("rocketmq.namesrv.domain", domain);
        assertEquals(Arrays.asList(fetched.split(";")), new NameServerAddresses(props, Map.of()).resolve(null, null));

        // a peer that stops answering is gone from the very next fetch; one that comes back returns
        answeringPeers.remove("10.0.0.2:9876");
        assertEquals("10.0.0.1:9876;127.0.0.1:9876", new DefaultTopAddressing(url(domain, "nsaddr")).fetchNSAddr());
        answeringPeers.add("10.0.0.2:9876");
        assertEquals(fetched, new DefaultTopAddressing(url(domain, "nsaddr")).fetchNSAddr());
    }

    @Test
    void theAnswerIsOnePlainTextLineWithoutALineBreak() throws Exception {
        answeringPeers.add("10.0.0.1:9876");
        String domain = serve("127.0.0.1:9876", Set.of("nsaddr"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url(domain, "nsaddr"))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, get.statusCode());
        assertEquals("text/plain; charset=utf-8", get.headers().firstValue("content-type").orElse(""));
        assertEquals("10.0.0.1:9876;127.0.0.1:9876", get.body(), "no line break: not every client strips one");
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(url(domain, "nsaddr")))
            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void everyConfiguredSubgroupAndUnitIsServedAndNothingElse() throws Exception {
        String domain = serve("127.0.0.1:9876", Set.of("nsaddr", "nsaddr-unitA", "prod"));
        assertEquals("127.0.0.1:9876", new DefaultTopAddressing(url(domain, "prod")).fetchNSAddr());
        // a client with a unitName asks for <subgroup>-<unit>?nofix=1
        assertEquals("127.0.0.1:9876", new DefaultTopAddressing(url(domain, "nsaddr"), "unitA").fetchNSAddr());
        // not configured: 404, and Apache's client gets nothing (it keeps its list)
        assertNull(new DefaultTopAddressing(url(domain, "nsaddr"), "unitB").fetchNSAddr());
        assertNull(new DefaultTopAddressing(url(domain, "other")).fetchNSAddr());
    }

    @Test
    void whenNoNameServerAnswersTheClientKeepsTheListItHas() throws Exception {
        String domain = serve("127.0.0.1:9876", Set.of("nsaddr"));
        selfAnswers.set(false);
        HttpResponse<String> none = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(url(domain, "nsaddr"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, none.statusCode(), none.body());
        // DefaultTopAddressing answers null on anything but 200: MQClientAPIImpl then keeps its addresses
        assertNull(new DefaultTopAddressing(url(domain, "nsaddr")).fetchNSAddr());
        answeringPeers.add("10.0.0.1:9876");
        assertEquals("10.0.0.1:9876", new DefaultTopAddressing(url(domain, "nsaddr")).fetchNSAddr(),
            "a stopping server still points clients at the peers that answer");
    }

    /** The whole name server: Apache's remoting client, given only the fetched text, reaches it. */
    @Test
    void apachesRemotingClientReachesTheServerItWasToldOf() throws Exception {
        try (TestNameServer ns = TestNameServer.builder(dir).withHttp().start()) {
            String domain = "127.0.0.1:" + ns.httpPort();
            String fetched = new DefaultTopAddressing(url(domain, "nsaddr")).fetchNSAddr();
            assertEquals(ns.address(), fetched, "bindAddress 127.0.0.1 is advertised with the port bound");
            NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
            client.start();
            try {
                client.updateNameServerAddressList(Arrays.asList(fetched.split(";")));
                RemotingCommand answer = client.invokeSync(null,
                    RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null), 10_000);
                assertEquals(ResponseCode.SUCCESS, answer.getCode(), answer.getRemark());
            } finally {
                client.shutdown();
            }
        }
    }

    /** Clients and brokers fetch the list anonymously: with authentication on it stays open, and only it. */
    @Test
    void withAuthenticationOnTheServedSubgroupsStayOpen() throws Exception {
        AclSettings acl = AclSettings.parse("secretKey.ops=ops-secret\n".getBytes(StandardCharsets.UTF_8), "test");
        try (TestNameServer ns = TestNameServer.builder(dir).withHttp().acl(acl)
            .address(a -> a.setAddressServiceSubgroups("nsaddr,nsaddr-unitA")).start()) {
            String domain = "127.0.0.1:" + ns.httpPort();
            assertEquals(ns.address(), new DefaultTopAddressing(url(domain, "nsaddr")).fetchNSAddr());
            assertEquals(ns.address(), new DefaultTopAddressing(url(domain, "nsaddr"), "unitA").fetchNSAddr());
            assertTrue(ns.controller().httpEndpointLine().endsWith(
                "except /health /ready /rocketmq/nsaddr /rocketmq/nsaddr-unitA"), ns.controller().httpEndpointLine());
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/rocketmq/other", "/rocketmq/", "/rocketmq", "/cluster")) {
                assertEquals(401, http.send(HttpRequest.newBuilder(URI.create("http://" + domain + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), path + " is not the address service");
            }
        }
    }

    @Test
    void switchedOffItIsNotServed() throws Exception {
        try (TestNameServer ns = TestNameServer.builder(dir).withHttp().address(a -> a.setAddressServiceEnable(false))
            .start()) {
            HttpResponse<String> off = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url("127.0.0.1:" + ns.httpPort(), "nsaddr"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, off.statusCode());
            assertTrue(off.body().contains("not found"), off.body());
        }
    }
}
