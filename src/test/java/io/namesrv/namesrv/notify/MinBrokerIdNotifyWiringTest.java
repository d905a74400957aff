package io.namesrv.namesrv.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.namesrv.NamesrvController;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.RegisterBrokerBody;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.header.RegisterBrokerRequestHeader;
import io.namesrv.remoting.netty.RecordingServer;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.netty.WireIdentity;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole name server in this JVM: off by default, {@code notifyMinBrokerIdChanged} switched on
 * through UPDATE_NAMESRV_CONFIG (318), a registration below the group's minimum reaches the
 * other member's port, and the send is counted in /metrics.
 */
class MinBrokerIdNotifyWiringTest {

    private final JsonBodies json = new JsonBodies();

    @Test
    void switchedOnAtRunTimeARegistrationBelowTheMinimumIsPushedAndCounted(@TempDir Path dir) throws Exception {
        RecordingServer slavePort = new RecordingServer();
        String slave = slavePort.address();
        try (TestNameServer namesrv = TestNameServer.start(dir)) {
            NamesrvController controller = namesrv.controller();
            try (WireClient wire = new WireClient(namesrv.port())) {
                RemotingCommand update = RemotingCommand.request(RequestCode.UPDATE_NAMESRV_CONFIG, null)
                    .setBody("notifyMinBrokerIdChanged=true".getBytes(StandardCharsets.UTF_8));
                assertEquals(0, wire.call(update).getCode());
                assertTrue(controller.getNamesrvConfig().isNotifyMinBrokerIdChanged());

                assertEquals(0, wire.call(register(slave, 1)).getCode());
                assertEquals(0, wire.call(register("127.0.0.1:1", 0)).getCode());
            }
            RemotingCommand pushed = slavePort.next(10_000);
            assertNotNull(pushed, "the slave was told");
            assertEquals(RequestCode.NOTIFY_MIN_BROKER_ID_CHANGE, pushed.getCode());
            assertEquals(Map.of("minBrokerId", "0", "minBrokerAddr", "127.0.0.1:1", "haBrokerAddr", "ha-0"),
                pushed.getExtFields());
            assertEquals(1L, Await.until("the send to be counted", Duration.ofSeconds(10), () -> sent(controller),
                n -> n >= 1));
        } finally {
            slavePort.close();
        }
    }

    private static long sent(NamesrvController controller) {
        Matcher m = Pattern.compile("namesrv_min_broker_id_notifications_total\\{result=\"sent\"} (\\d+)")
            .matcher(controller.getMetrics().scrape());
        assertTrue(m.find(), "the counter is exported");
        return Long.parseLong(m.group(1));
    }

    private RemotingCommand register(String addr, long id) {
        Map<String, TopicConfig> topics = Map.of(
            "T1", new TopicConfig("T1", 1, 1, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()),
            "T2", new TopicConfig("T2", 1, 1, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        byte[] body = json.encode(new RegisterBrokerBody(
            TopicConfigSerializeWrapper.of(new DataVersion(0, 1, 1), topics), List.of()));
        return RemotingCommand.request(RequestCode.REGISTER_BROKER, new RegisterBrokerRequestHeader("g", addr, "C",
            "ha-" + id, id, 60_000L, false, false, 0)).setVersion(WireIdentity.V5_3_3).setBody(body);
    }
}
