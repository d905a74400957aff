package io.namesrv.namesrv.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSONObject;
import io.namesrv.interop.support.ApacheWireClient;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.FakeBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our whole daemon restarted on the same port and files, asked with Apache's own wire client:
 * the route is there at once, the broker shows as restored until it registers again, and it goes
 * after one timeout if it never does. The crash case copies the files of a running server
 * (what a kill -9 leaves behind); the real kill -9 of a child JVM is in the interop suite.
 */
class WarmRestartTest {

    private static final Duration SETTLE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private static FakeBroker broker(String name, String addr, long counter) {
        // Two topics, as a real broker always reports its own besides: a single one is a partial registration.
        return new FakeBroker("WarmCluster", name, 0, addr, addr + "1", List.of(new TopicConfig("WarmTopic", 4, 4),
            new TopicConfig(name, 1, 1)), counter);
    }

    private static RemotingCommand register(FakeBroker broker, long timeoutMillis) {
        RemotingCommand request = broker.registerRequest();
        ((RegisterBrokerRequestHeader) request.readCustomHeader()).setHeartbeatTimeoutMillis(timeoutMillis);
        return request;
    }

    private static TopicRouteData route(ApacheWireClient wire, String topic) {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand response = wire.invoke(RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            header));
        return response.getCode() == ResponseCode.SUCCESS ? TopicRouteData.decode(response.getBody(), TopicRouteData.class)
            : null;
    }

    private static String originOf(PeerTestServer server, String addr) throws IOException, InterruptedException {
        for (Object o : server.status().getJSONArray("brokers")) {
            JSONObject b = (JSONObject) o;
            if (addr.equals(b.getString("addr"))) {
                return b.getString("origin");
            }
        }
        return null;
    }

    /**
     * Runs a server with {@code broker} registered on a connection that stays open until the
     * server has stopped (as SIGTERM stops it: the snapshot is written before the connections
     * close); returns its port.
     */
    private int runWithBrokerThenStop(Consumer<PeersConfig> tune, FakeBroker broker, long timeoutMillis)
        throws InterruptedException {
        PeerTestServer server = PeerTestServer.start(dir, 0, tune);
        ApacheWireClient brokerConnection = new ApacheWireClient(server.address());
        try {
            assertEquals(ResponseCode.SUCCESS, brokerConnection.invoke(register(broker, timeoutMillis)).getCode());
            return server.port();
        } finally {
            server.close();
            brokerConnection.close();
        }
    }

    @Test
    void aRestartedServerRoutesAtOnceAndTheBrokerIsRestoredUntilItRegisters() throws Exception {
        FakeBroker b = broker("warm-a", "127.0.0.1:30911", 1);
        int port = runWithBrokerThenStop(c -> { }, b, 120_000);

        try (PeerTestServer second = PeerTestServer.start(dir, port, c -> { });
             ApacheWireClient client = new ApacheWireClient(second.address())) {
            TopicRouteData route = route(client, "WarmTopic");
            assertEquals("127.0.0.1:30911", route.getBrokerDatas().get(0).getBrokerAddrs().get(0L),
                "the very first lookup after the restart is answered, before any broker registered again");
            assertEquals(4, route.getQueueDatas().get(0).getWriteQueueNums());
            assertEquals("restored", originOf(second, "127.0.0.1:30911"));
            JSONObject restore = second.peersStatus().getJSONObject("restore");
            assertEquals("snapshot", restore.getString("source"));
            assertEquals(1, restore.getIntValue("brokers"));
            assertTrue(second.metrics().contains("namesrv_brokers_by_origin{origin=\"restored\"} 1"));

            assertEquals(ResponseCode.SUCCESS, client.invoke(register(b, 120_000)).getCode());
            assertEquals("direct", originOf(second, "127.0.0.1:30911"), "its own registration confirms it");
            assertTrue(second.metrics().contains("namesrv_brokers_by_origin{origin=\"direct\"} 1"));
        }
    }

    @Test
    void aRestoredBrokerThatNeverRegistersAgainIsDroppedAfterItsTimeout() throws Exception {
        int port = runWithBrokerThenStop(c -> { }, broker("warm-gone", "127.0.0.1:30921", 1), 1_500);
        try (PeerTestServer second = PeerTestServer.start(dir, port, c -> { });
             ApacheWireClient client = new ApacheWireClient(second.address())) {
            assertEquals("restored", originOf(second, "127.0.0.1:30921"));
            Await.until("the restored broker to expire", SETTLE, () -> route(client, "WarmTopic"), r -> r == null);
        }
    }

    @Test
    void aCrashedServerRestoresFromItsLastPeriodicSnapshot() throws Exception {
        FakeBroker b = broker("warm-crash", "127.0.0.1:30931", 1);
        Path copy = Files.createDirectories(dir.resolve("after-crash"));
        try (PeerTestServer running = PeerTestServer.start(dir, 0, c -> c.setRouteSnapshotIntervalMillis(200));
             ApacheWireClient brokerConnection = new ApacheWireClient(running.address())) {
            brokerConnection.invoke(register(b, 120_000));
            Await.until("a periodic snapshot with the broker", SETTLE,
                () -> running.peersStatus().getJSONObject("snapshot").getLongValue("lastWriteAt"),
                at -> at > 0 && Files.exists(dir.resolve("routeSnapshot.json")));
            // What kill -9 leaves: the files as they are now, no shutdown write.
            Files.copy(dir.resolve("routeSnapshot.json"), copy.resolve("routeSnapshot.json"),
                StandardCopyOption.REPLACE_EXISTING);
        }
        try (PeerTestServer restarted = PeerTestServer.start(copy, 0, c -> { });
             ApacheWireClient client = new ApacheWireClient(restarted.address())) {
            assertEquals("127.0.0.1:30931", route(client, "WarmTopic").getBrokerDatas().get(0).getBrokerAddrs().get(0L));
        }
    }

    @Test
    void withSnapshotsOffNothingIsWrittenOrRestored() throws Exception {
        int port = runWithBrokerThenStop(c -> c.setRouteSnapshotEnable(false), broker("warm-off", "127.0.0.1:30941", 1),
            120_000);
        assertTrue(Files.notExists(dir.resolve("routeSnapshot.json")));
        try (PeerTestServer second = PeerTestServer.start(dir, port, c -> c.setRouteSnapshotEnable(false));
             ApacheWireClient client = new ApacheWireClient(second.address())) {
            assertEquals(null, route(client, "WarmTopic"));
        }
    }
}
