package io.namesrv.controller.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The on-disk forms are a versioned format (docs/operations.md, "Controller snapshots"): a
 * version-1 snapshot written as documented is read by this code, what this code writes is that
 * format, and a version or format it does not know is refused rather than guessed at.
 */
class StateCodecTest {

    /** A version-1 snapshot spelled out as docs/operations.md documents it. */
    private static final String DOCUMENTED_V1 = """
        {"format":"namesrv-controller-state","version":1,"groups":[
          {"clusterName":"C","brokerName":"b","nextAssignBrokerId":3,"masterBrokerId":1,"masterEpoch":2,
           "syncStateSetEpoch":4,"syncStateSet":[1,2],
           "replicas":[{"brokerId":1,"address":"10.0.0.1:30911","registerCheckCode":"10.0.0.1:30911;1"},
                       {"brokerId":2,"address":"10.0.0.2:30911","registerCheckCode":"10.0.0.2:30911;2"}]},
          {"clusterName":"C","brokerName":"leaderless","nextAssignBrokerId":2,"masterEpoch":1,
           "syncStateSetEpoch":1,"syncStateSet":[],
           "replicas":[{"brokerId":1,"address":"10.0.0.3:30911","registerCheckCode":"10.0.0.3:30911;3"}]}]}
        """;

    private static ControllerState documentedState() {
        BrokerGroup b = new BrokerGroup("C", "b", 3, new TreeMap<>(Map.of(
            1L, new Replica(1, "10.0.0.1:30911", "10.0.0.1:30911;1"),
            2L, new Replica(2, "10.0.0.2:30911", "10.0.0.2:30911;2"))), 1L, 2, 4, new TreeSet<>(Set.of(1L, 2L)));
        BrokerGroup leaderless = new BrokerGroup("C", "leaderless", 2, new TreeMap<>(Map.of(
            1L, new Replica(1, "10.0.0.3:30911", "10.0.0.3:30911;3"))), null, 1, 1, new TreeSet<>());
        return new ControllerState(new TreeMap<>(Map.of("b", b, "leaderless", leaderless)));
    }

    @Test
    void aDocumentedVersion1SnapshotIsRead() {
        assertEquals(documentedState(), StateCodec.decodeSnapshot(DOCUMENTED_V1.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void whatIsWrittenIsTheDocumentedFormat() {
        JSONObject written = JSON.parseObject(new String(StateCodec.encodeSnapshot(documentedState()),
            StandardCharsets.UTF_8));
        assertEquals(JSON.parseObject(DOCUMENTED_V1), written);
        assertTrue(!written.getJSONArray("groups").getJSONObject(1).containsKey("masterBrokerId"),
            "no master is an absent masterBrokerId: " + written);
    }

    @Test
    void anUnknownSnapshotVersionOrFormatIsRefused() {
        String v2 = DOCUMENTED_V1.replace("\"version\":1", "\"version\":2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> StateCodec.decodeSnapshot(v2.getBytes(StandardCharsets.UTF_8)));
        assertEquals("controller snapshot version 2 is not supported", e.getMessage());
        String other = DOCUMENTED_V1.replace("namesrv-controller-state", "something-else");
        assertThrows(IllegalArgumentException.class, () -> StateCodec.decodeSnapshot(other.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLogEntryOfAnUnknownVersionIsRefused() {
        Command command = new Command.ApplyBrokerId("C", "b", 1, "10.0.0.1:30911;1");
        JSONObject entry = JSON.parseObject(new String(StateCodec.encode(command), StandardCharsets.UTF_8));
        assertEquals(1, entry.getIntValue("v"));
        assertEquals("ApplyBrokerId", entry.getString("type"));
        assertEquals(command, StateCodec.decode(StateCodec.encode(command)));
        entry.put("v", 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> StateCodec.decode(JSON.toJSONBytes(entry)));
        assertEquals("controller log entry version 2 is not supported", e.getMessage());
    }
}
