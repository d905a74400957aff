package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The controller port byte for byte where it matters, spoken to with Apache's own remoting
 * client: the broker handshake (1012, 1013, 1003), heartbeats, elections (1002, 2011, 2012,
 * 2010), the in-sync set (1001 and each refusal in Apache's order), replica info (1004, 1006,
 * 2008), cleaning (1011, 2009) and unknown codes, with the codes, remarks, headers and bodies
 * Apache 5.3.3's controller answers. The same requests run against Apache's embedded controller
 * ({@code *ApacheTest}) and ours. Where we deliberately answer differently (the next id after
 * an out-of-order apply, epoch inflation, runtime config keys) the scenario does not go, and the
 * unit tests of the state machine say what we do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ControllerWireConformance {

    private NettyRemotingClient client;
    private String controller;

    /** Starts the name server with a one-node embedded controller and returns the controller address. */
    protected abstract String startController();

    protected abstract void stopController();

    @BeforeAll
    void start() {
        controller = startController();
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @AfterAll
    void stop() {
        try {
            if (client != null) {
                client.shutdown();
            }
        } finally {
            stopController();
        }
    }

    private record Answer(int code, String remark, Map<String, String> ext, String body) {
    }

    private Answer call(int code, String body, String... keyValues) throws Exception {
        RemotingCommand request = RemotingCommand.createRequestCommand(code, null);
        HashMap<String, String> ext = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            ext.put(keyValues[i], keyValues[i + 1]);
        }
        request.setExtFields(ext);
        if (body != null) {
            request.setBody(body.getBytes(StandardCharsets.UTF_8));
        }
        RemotingCommand response = client.invokeSync(controller, request, 10_000);
        return new Answer(response.getCode(), response.getRemark(),
            response.getExtFields() == null ? Map.of() : new TreeMap<>(response.getExtFields()),
            response.getBody() == null ? null : new String(response.getBody(), StandardCharsets.UTF_8));
    }

    private void heartbeat(String group, long id, int epoch, long maxOffset) throws Exception {
        Answer a = call(904, null, "clusterName", "C", "brokerName", group, "brokerId", Long.toString(id),
            "brokerAddr", "127.0.0.1:" + id, "epoch", Integer.toString(epoch), "maxOffset", Long.toString(maxOffset),
            "confirmOffset", "0", "heartbeatTimeoutMills", "600000", "electionPriority", "1");
        assertEquals(0, a.code());
        assertEquals("Heart beat success", a.remark());
    }

    private void applyId(String group, long id) throws Exception {
        assertEquals(0, call(1013, null, "clusterName", "C", "brokerName", group, "appliedBrokerId", Long.toString(id),
            "registerCheckCode", "127.0.0.1:" + id + ";1").code());
    }

    @Test
    void theBrokerHandshake() throws Exception {
        assertEquals(new Answer(0, null, Map.of("brokerName", "hs", "clusterName", "C", "nextBrokerId", "1"), null),
            call(1012, null, "clusterName", "C", "brokerName", "hs"));
        assertEquals(new Answer(2014, "Broker-set: hs hasn't been registered in controller, but broker try to apply"
                + " brokerId: 2", Map.of("brokerName", "hs", "clusterName", "C"), null),
            call(1013, null, "clusterName", "C", "brokerName", "hs", "appliedBrokerId", "2", "registerCheckCode", "x;1"));
        applyId("hs", 1);
        applyId("hs", 1);
        assertEquals(new Answer(2014, "Fail to apply brokerId: 1 in broker-set: hs", Map.of("brokerName", "hs",
                "clusterName", "C"), null),
            call(1013, null, "clusterName", "C", "brokerName", "hs", "appliedBrokerId", "1", "registerCheckCode", "other;1"));
        assertEquals("2", call(1012, null, "clusterName", "C", "brokerName", "hs").ext().get("nextBrokerId"));
        applyId("hs", 2);
        assertEquals(new Answer(0, null, Map.of("masterEpoch", "0"), "{\"syncStateSet\":[],\"syncStateSetEpoch\":0}"),
            call(1004, null, "brokerName", "hs"));
        assertEquals(new Answer(0, null, Map.of("brokerName", "hs", "clusterName", "C"),
                "{\"syncStateSet\":[],\"syncStateSetEpoch\":0}"),
            call(1003, null, "clusterName", "C", "brokerName", "hs", "brokerId", "1", "brokerAddress", "127.0.0.1:1"));
        assertEquals(new Answer(2010, "BrokerId: 7 hasn't been registered in broker-set: hs",
                Map.of("brokerName", "hs", "clusterName", "C"), null),
            call(1003, null, "clusterName", "C", "brokerName", "hs", "brokerId", "7", "brokerAddress", "127.0.0.1:7"));
        assertEquals(new Answer(2010, "Broker-set: nope hasn't been registered in controller",
                Map.of("brokerName", "nope", "clusterName", "C"), null),
            call(1003, null, "clusterName", "C", "brokerName", "nope", "brokerId", "1", "brokerAddress", "a"));
        assertEquals(2005, call(904, null, "clusterName", "C", "brokerName", "hs", "brokerAddr", "a").code());
        assertEquals("Heart beat with empty brokerId", call(904, null, "clusterName", "C", "brokerName", "hs").remark());
    }

    @Test
    void electionsAndTheInSyncSet() throws Exception {
        applyId("el", 1);
        applyId("el", 2);
        applyId("el", 3);
        heartbeat("el", 1, 0, 0);
        heartbeat("el", 2, 0, 0);
        assertEquals(new Answer(0, null, Map.of("masterAddress", "127.0.0.1:2", "masterBrokerId", "2", "masterEpoch", "1",
                "syncStateSetEpoch", "1"), "{\"brokerMemberGroup\":{\"brokerAddrs\":{1:\"127.0.0.1:1\",2:\"127.0.0.1:2\","
                + "3:\"127.0.0.1:3\"},\"brokerName\":\"el\",\"cluster\":\"C\"},\"syncStateSet\":[2]}"),
            call(1002, null, "clusterName", "C", "brokerName", "el", "brokerId", "2", "designateElect", "false"));
        assertEquals(new Answer(2011, "The old master 2 is still alive, not need to elect new master for broker el",
                Map.of("masterAddress", "127.0.0.1:2", "masterBrokerId", "2", "masterEpoch", "1", "syncStateSetEpoch", "1"),
                "{\"syncStateSet\":[2]}"),
            call(1002, null, "clusterName", "C", "brokerName", "el", "brokerId", "1", "designateElect", "false"));
        assertEquals(2011, call(1002, null, "clusterName", "C", "brokerName", "el", "brokerId", "-1").code());
        assertEquals(new Answer(0, null, Map.of("brokerName", "el", "clusterName", "C", "masterAddress", "127.0.0.1:2",
                "masterBrokerId", "2", "masterEpoch", "1", "syncStateSetEpoch", "1"),
                "{\"syncStateSet\":[2],\"syncStateSetEpoch\":1}"),
            call(1003, null, "clusterName", "C", "brokerName", "el", "brokerId", "1", "brokerAddress", "127.0.0.1:1"));

        String alter = "brokerName";
        Map<String, String> refused = Map.of("newSyncStateSetEpoch", "0");
        assertEquals(new Answer(2002, "Rejecting alter syncStateSet request because the current leader is:{2}, not {1}",
                refused, null),
            call(1001, "{\"syncStateSet\":[2,1],\"syncStateSetEpoch\":1}", alter, "el", "masterBrokerId", "1", "masterEpoch", "1"));
        assertEquals(new Answer(2000, "Rejecting alter syncStateSet request because the current master epoch is:{1}, not {9}",
                refused, null),
            call(1001, "{\"syncStateSet\":[2,1],\"syncStateSetEpoch\":1}", alter, "el", "masterBrokerId", "2", "masterEpoch", "9"));
        assertEquals(new Answer(2001, "Rejecting alter syncStateSet request because the current syncStateSet epoch is:{1},"
                + " not {9}", refused, null),
            call(1001, "{\"syncStateSet\":[2,1],\"syncStateSetEpoch\":9}", alter, "el", "masterBrokerId", "2", "masterEpoch", "1"));
        assertEquals(new Answer(2003, "Rejecting alter syncStateSet request because the replicas {9} don't exist", refused, null),
            call(1001, "{\"syncStateSet\":[2,1,9],\"syncStateSetEpoch\":1}", alter, "el", "masterBrokerId", "2", "masterEpoch", "1"));
        assertEquals(new Answer(2006, "Rejecting alter syncStateSet request because the replicas {3} don't alive", refused, null),
            call(1001, "{\"syncStateSet\":[2,3],\"syncStateSetEpoch\":1}", alter, "el", "masterBrokerId", "2", "masterEpoch", "1"));
        assertEquals(new Answer(2013, "Rejecting alter syncStateSet request because the newSyncStateSet don't contains"
                + " origin leader {2}", refused, null),
            call(1001, "{\"syncStateSet\":[1],\"syncStateSetEpoch\":1}", alter, "el", "masterBrokerId", "2", "masterEpoch", "1"));
        assertEquals(new Answer(0, null, Map.of("newSyncStateSetEpoch", "2"), "{\"syncStateSet\":[1,2],\"syncStateSetEpoch\":2}"),
            call(1001, "{\"syncStateSet\":[2,1],\"syncStateSetEpoch\":1}", alter, "el", "masterBrokerId", "2", "masterEpoch", "1"));
        assertEquals(new Answer(2013, "The newSyncStateSet is equal with oldSyncStateSet, no needed to update syncStateSet",
                refused, null),
            call(1001, "{\"syncStateSet\":[1,2],\"syncStateSetEpoch\":2}", alter, "el", "masterBrokerId", "2", "masterEpoch", "1"));
        assertEquals(new Answer(2013, "Broker metadata is not existed", refused, null),
            call(1001, "{\"syncStateSet\":[1],\"syncStateSetEpoch\":1}", alter, "nope", "masterBrokerId", "1", "masterEpoch", "1"));

        assertEquals(new Answer(0, null, Map.of("masterAddress", "127.0.0.1:1", "masterBrokerId", "1", "masterEpoch", "2",
                "syncStateSetEpoch", "3"), "{\"brokerMemberGroup\":{\"brokerAddrs\":{1:\"127.0.0.1:1\",2:\"127.0.0.1:2\","
                + "3:\"127.0.0.1:3\"},\"brokerName\":\"el\",\"cluster\":\"C\"},\"syncStateSet\":[1]}"),
            call(1002, null, "clusterName", "C", "brokerName", "el", "brokerId", "1", "designateElect", "true"));
        assertEquals(new Answer(2012, "Failed to elect a new master", Map.of(), null),
            call(1002, null, "clusterName", "C", "brokerName", "el", "brokerId", "3", "designateElect", "true"));
        assertEquals(new Answer(2010, "Broker hasn't been registered", Map.of(), null),
            call(1002, null, "clusterName", "C", "brokerName", "nope", "brokerId", "1", "designateElect", "false"));
        assertEquals(new Answer(0, null, Map.of("masterAddress", "127.0.0.1:1", "masterBrokerId", "1", "masterEpoch", "2"),
                "{\"syncStateSet\":[1],\"syncStateSetEpoch\":3}"),
            call(1004, null, "brokerName", "el"));
        assertEquals(new Answer(0, null, Map.of(), "{\"replicasInfoTable\":{\"el\":{\"inSyncReplicas\":[{\"alive\":true,"
                + "\"brokerAddress\":\"127.0.0.1:1\",\"brokerId\":1,\"brokerName\":\"el\"}],\"masterAddress\":\"127.0.0.1:1\","
                + "\"masterBrokerId\":1,\"masterEpoch\":2,\"notInSyncReplicas\":[{\"alive\":true,\"brokerAddress\":\"127.0.0.1:2\","
                + "\"brokerId\":2,\"brokerName\":\"el\"},{\"alive\":false,\"brokerAddress\":\"127.0.0.1:3\",\"brokerId\":3,"
                + "\"brokerName\":\"el\"}],\"syncStateSetEpoch\":3}}}"),
            call(1006, "[\"el\",\"nope\"]"));
        assertEquals(new Answer(2008, "Broker metadata is not existed", Map.of(), null), call(1004, null, "brokerName", "nope"));
    }

    @Test
    void cleaningBrokerData() throws Exception {
        applyId("cl", 1);
        applyId("cl", 2);
        heartbeat("cl", 1, 0, 0);
        // (Apache forgets a group never elected as soon as any of its ids is cleaned; we keep the
        // other replicas. The scenario elects first, where both keep them.)
        assertEquals(0, call(1002, null, "clusterName", "C", "brokerName", "cl", "brokerId", "1").code());
        assertEquals(new Answer(0, null, Map.of(), null), call(1011, null, "clusterName", "C", "brokerName", "cl",
            "brokerControllerIdsToClean", "2;9", "isCleanLivingBroker", "false"));
        assertEquals("{\"replicasInfoTable\":{\"cl\":{\"inSyncReplicas\":[{\"alive\":true,\"brokerAddress\":\"127.0.0.1:1\","
            + "\"brokerId\":1,\"brokerName\":\"cl\"}],\"masterAddress\":\"127.0.0.1:1\",\"masterBrokerId\":1,\"masterEpoch\":1,"
            + "\"notInSyncReplicas\":[],\"syncStateSetEpoch\":1}}}", call(1006, "[\"cl\"]").body());
        assertEquals(new Answer(2009, "Broker [cl,  1] is still alive, clean up failure", Map.of(), null),
            call(1011, null, "clusterName", "C", "brokerName", "cl", "brokerControllerIdsToClean", "1",
                "isCleanLivingBroker", "false"));
        assertEquals(new Answer(2009, "Broker nope is not existed,clean broker data failure.", Map.of(), null),
            call(1011, null, "clusterName", "C", "brokerName", "nope", "isCleanLivingBroker", "false"));
        assertEquals(new Answer(0, null, Map.of(), null),
            call(1011, null, "clusterName", "C", "brokerName", "cl", "isCleanLivingBroker", "true"));
        assertEquals("{\"replicasInfoTable\":{}}", call(1006, "[\"cl\"]").body());
        assertEquals("1", call(1012, null, "clusterName", "C", "brokerName", "cl").ext().get("nextBrokerId"));
    }

    @Test
    void metadataAndUnknownCodes() throws Exception {
        Answer metadata = call(1005, null);
        assertEquals(0, metadata.code());
        assertEquals("true", metadata.ext().get("isLeader"));
        assertEquals(controller, metadata.ext().get("controllerLeaderAddress"));
        Answer unknown = call(1007, null);
        assertEquals(new Answer(3, " request type 1007 not supported", Map.of(), null), unknown);
        assertNull(call(105, null).body());
        assertEquals(" request type 105 not supported", call(105, null).remark());
    }
}
