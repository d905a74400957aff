package io.namesrv.namesrv.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.namesrv.interop.support.Await;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route lookups keep their own executor: a storm of registrations and KV writes that fills the
 * default executor (and gets SYSTEM_BUSY) must not make lookups fail. What the storm costs their
 * latency is measured by {@code bin/mqbench --storm} (phase route-lookup-under-storm), side by side
 * with Apache's NameServer, not here: a latency ratio on a shared 2-core machine proves nothing.
 */
class OverloadTest {

    private static final long STORM_MILLIS = 20_000;
    private static final int LOOKUPS = 50;

    @TempDir
    Path dir;

    @Test
    void registrationAndKvStormCannotStarveRouteLookups() throws Exception {
        try (TestNameServer server = TestNameServer.builder(dir).namesrv(c -> {
            c.setDefaultThreadPoolNums(2);
            c.setDefaultThreadPoolQueueCapacity(64);
            c.setClientRequestThreadPoolNums(2);
        }).start()) {
            // The broker's connection stays open: closing it would remove the broker and its routes.
            WireClient broker = new WireClient(server.port());
            assertEquals(ResponseCode.SUCCESS, broker.call(Requests.register("route-broker", "127.0.0.1:10911",
                600_000, List.of("looked-up", "other"))).getCode());
            List<String> stormTopics = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                stormTopics.add("storm-topic-" + i);
            }
            List<byte[]> stormFrames = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                stormFrames.add(WireClient.frame(stormRequest(i, stormTopics)));
            }
            try (Flood storm = new Flood(server.port(), 4, STORM_MILLIS, i -> stormFrames.get(i % stormFrames.size()));
                 WireClient client = new WireClient(server.port(), 10_000)) {
                Await.until("the storm to fill the default executor", Duration.ofSeconds(10), () -> storm.busy() > 0);
                List<String> failures = new ArrayList<>();
                for (int i = 0; i < LOOKUPS; i++) {
                    RemotingCommand answer = client.call(Requests.route("looked-up"));
                    if (answer.getCode() != ResponseCode.SUCCESS) {
                        failures.add(answer.getCode() + " " + answer.getRemark());
                    }
                }
                long busyAfterLookups = storm.busy();
                // Still refused after the lookups: the executor stayed full the whole time they ran.
                Await.until("the storm to be refused again", Duration.ofSeconds(10), () -> storm.busy() > busyAfterLookups);
                System.out.printf("storm: %d sent, %d SUCCESS, %d SYSTEM_BUSY, %d other; %d lookups, failed: %s%n",
                    storm.sent(), storm.success(), storm.busy(), storm.other(), LOOKUPS, failures);
                assertEquals(List.of(), failures, "route lookups failed while the default executor was full");
                assertEquals(0, storm.other(), "storm requests must get SUCCESS or SYSTEM_BUSY only");
            }
            broker.close();
        }
    }

    private static RemotingCommand stormRequest(int i, List<String> topics) {
        if (i % 2 == 0) {
            return Requests.putKv("storm", "key-" + (i % 50), "value-" + i);
        }
        return Requests.register("storm-broker-" + (i % 8), "127.0.0.1:" + (20000 + i % 8), 600_000, topics);
    }
}
