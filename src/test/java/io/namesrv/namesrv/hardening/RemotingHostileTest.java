package io.namesrv.namesrv.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second hostile set against the remoting port, the parts a test can hold (the framing attacks,
 * deep and huge headers and 2 GiB length claims are in {@link BadInputTest}): hostile names, a
 * hundred thousand lookups of topics that do not exist, two thousand connections at once. A
 * normal client on its own connection is answered all along.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemotingHostileTest {

    private TestNameServer server;
    private WireClient broker;
    private RouteProber prober;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = TestNameServer.builder(dir).withHttp().start();
        broker = new WireClient(server.port());
        RemotingCommand answer = broker.call(Requests.register(Requests.CLUSTER, "normal", "10.0.0.1:10911", 0, 60_000,
            List.of("Probe", "Other"), false));
        assertEquals(ResponseCode.SUCCESS, answer.getCode(), answer.getRemark());
        prober = new RouteProber(server.port(), "Probe");
        assertTrue(prober.answersAgain(5));
    }

    @AfterAll
    void stop() throws Exception {
        if (prober != null) {
            prober.close();
            assertEquals(List.of(), prober.failures(), "the normal client saw failures");
        }
        if (broker != null) {
            broker.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void hostileNamesAreStoredAndAnsweredAsTheyAreWithoutHarmingAnyone() throws Exception {
        List<String> names = HostileRemoting.HOSTILE_NAMES;
        String brokerName = HostileRemoting.HOSTILE_BROKER;
        try (WireClient hostile = new WireClient(server.port())) {
            RemotingCommand registered = HostileRemoting.registerHostileNames(hostile);
            assertEquals(ResponseCode.SUCCESS, registered.getCode(), registered.getRemark());
            for (String name : names) {
                RemotingCommand route = hostile.call(Requests.route(name));
                assertEquals(ResponseCode.SUCCESS, route.getCode(), "route of " + name.substring(0, Math.min(40, name.length())));
                assertEquals(brokerName, JSON.parseObject(new String(route.getBody(), StandardCharsets.UTF_8))
                    .getJSONArray("queueDatas").getJSONObject(0).getString("brokerName"));
            }
            // The whole-table answers still parse, and hold every name as it was sent.
            RemotingCommand list = hostile.call(RemotingCommand.request(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, null));
            Set<String> topics = new HashSet<>(JSON.parseObject(new String(list.getBody(), StandardCharsets.UTF_8))
                .getJSONArray("topicList").toJavaList(String.class));
            assertTrue(topics.containsAll(names), "every hostile name listed as sent");
            RemotingCommand cluster = hostile.call(RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO, null));
            assertTrue(JSON.parseObject(new String(cluster.getBody(), StandardCharsets.UTF_8))
                .getJSONObject("brokerAddrTable").containsKey(brokerName));
            assertEquals(ResponseCode.SUCCESS, hostile.call(Requests.unregister(brokerName,
                HostileRemoting.HOSTILE_BROKER_ADDR)).getCode());
        }
        assertTrue(prober.answersAgain(3));
    }

    @Test
    void aHundredThousandUnknownTopicsAreEachAnsweredTopicNotExist() throws Exception {
        int topics = 100_000;
        int window = 500;
        try (WireClient client = new WireClient(server.port(), 60_000)) {
            assertEquals(Map.of(ResponseCode.TOPIC_NOT_EXIST, topics),
                HostileRemoting.lookUpUnknownTopics(client, topics, window));
            assertEquals(ResponseCode.SUCCESS, client.call(Requests.route("Probe")).getCode());
        }
        assertTrue(prober.answersAgain(3), "the normal client is answered after the unknown topics");
    }

    @Test
    void twoThousandConnectionsAtOnceAreAcceptedAndLetGo() throws Exception {
        int count = 2_000;
        List<Socket> sockets = HostileRemoting.openIdle(server.port(), count);
        try {
            assertTrue(awaitConnections(count, true), "every connection is accepted: "
                + server.controller().getRemotingServer().connectionCount());
            assertTrue(prober.answersAgain(3), "the normal client is answered with 2,000 idle connections open");
        } finally {
            HostileRemoting.closeAll(sockets);
        }
        assertTrue(awaitConnections(count, false), "closed connections are let go: "
            + server.controller().getRemotingServer().connectionCount());
    }

    /** Waits (bounded) until the server counts at least {@code count} more connections, or again no more than before. */
    private boolean awaitConnections(int count, boolean open) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            int now = server.controller().getRemotingServer().connectionCount();
            if (open ? now >= count : now < count / 10) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
