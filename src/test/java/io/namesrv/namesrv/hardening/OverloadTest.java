package io.namesrv.namesrv.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.TestNameServer;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route lookups keep their own executor: a storm of registrations and KV writes that fills the
 * default executor (and gets SYSTEM_BUSY) must not make lookups fail or wait behind it.
 */
class OverloadTest {

    private static final long STORM_MILLIS = 3000;

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
            LatencyProbe quiet = LatencyProbe.run(server.port(), "looked-up", 1000);

            LatencyProbe loaded;
            try (Flood storm = new Flood(server.port(), 4, STORM_MILLIS, i -> stormFrames.get(i % stormFrames.size()))) {
                Thread.sleep(200); // let the queue fill first
                loaded = LatencyProbe.run(server.port(), "looked-up", STORM_MILLIS - 500);
                storm.awaitWriters(STORM_MILLIS + 2000);
                Thread.sleep(300);
                System.out.printf("storm: %d sent, %d SUCCESS, %d SYSTEM_BUSY, %d other; quiet %s; under storm %s%n",
                    storm.sent(), storm.success(), storm.busy(), storm.other(), quiet, loaded);
                assertTrue(storm.busy() > 0, "the storm never filled the default executor: it proves nothing");
                assertEquals(0, storm.other(), "storm requests must get SUCCESS or SYSTEM_BUSY only");
            }
            broker.close();
            assertEquals(List.of(), loaded.failures(), "route lookups failed under the storm");
            // The storm got thousands of SYSTEM_BUSY, the lookups none. The latency bound is relative
            // to the same machine without the storm (a shared 2-core box is noisy), but a lookup
            // queued behind the storm's 64 fsync'ed KV writes would break it.
            long allowance = 10 * Math.max(20, quiet.percentileMillis(95));
            assertTrue(loaded.count() >= 50, "too few lookups: " + loaded);
            assertTrue(loaded.percentileMillis(95) < allowance, "route lookups slowed down by the storm: " + loaded
                + " (without it: " + quiet + ")");
            assertTrue(loaded.maxMillis() < 2500, "a route lookup came near the 3 s client timeout: " + loaded);
        }
    }

    private static RemotingCommand stormRequest(int i, List<String> topics) {
        if (i % 2 == 0) {
            return Requests.putKv("storm", "key-" + (i % 50), "value-" + i);
        }
        return Requests.register("storm-broker-" + (i % 8), "127.0.0.1:" + (20000 + i % 8), 600_000, topics);
    }
}
