package io.namesrv.namesrv.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.cli.support.FakeBroker;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.protocol.BrokerLiveness;
import io.namesrv.protocol.BrokerLivenessTable;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.remoting.netty.NettyClientConfig;
import io.namesrv.remoting.netty.NettyRemotingClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import io.namesrv.remoting.protocol.SerializeType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our private read-only GET_BROKER_LIVENESS code: one entry per live broker, with the server's clock. */
class BrokerLivenessRequestTest {

    @Test
    void listsEveryLiveBrokerWithItsHeartbeatTimeAndTimeout(@TempDir Path dir) throws Exception {
        try (TestNameServer ns = TestNameServer.start(dir);
             FakeBroker broker = new FakeBroker("C1", "broker-a", 0, Map.of());
             NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig(),
                 new WireIdentity(WireIdentity.V5_3_3, SerializeType.JSON))) {
            long before = System.currentTimeMillis();
            broker.registerWith(ns.address(), List.of("T1", "T2"));

            RemotingCommand response = client.invokeSync(ns.address(),
                RemotingCommand.request(RequestCode.GET_BROKER_LIVENESS, null), 3000);

            assertEquals(ResponseCode.SUCCESS, response.getCode());
            BrokerLivenessTable table = new JsonBodies().decode(response.getBody(), BrokerLivenessTable.class);
            assertEquals(1, table.brokers().size());
            BrokerLiveness live = table.brokers().get(0);
            assertEquals("C1", live.clusterName());
            assertEquals(broker.address(), live.brokerAddr());
            assertEquals(120_000L, live.heartbeatTimeoutMillis());
            assertEquals(3, live.dataVersion().counter());
            assertTrue(live.lastUpdateTimestamp() >= before && live.lastUpdateTimestamp() <= table.now(),
                "heartbeat time " + live.lastUpdateTimestamp() + " between " + before + " and " + table.now());
        }
    }
}
