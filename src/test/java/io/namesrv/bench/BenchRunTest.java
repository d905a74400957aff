package io.namesrv.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.TestNameServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every phase of mqbench against a name server in this JVM, shrunk to a few seconds: each phase
 * must make calls, count them and see no errors, so a broken phase cannot pass for a fast one.
 */
class BenchRunTest {

    @TempDir
    Path dir;

    private TestNameServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = TestNameServer.start(dir);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static BenchOptions small() {
        return new BenchOptions(null, null, 3, 20, 4, 2, 8, 2, 1, 1.0, 0.2, 500, 4, 2, 0.5, true, false, "1g", 1,
            Path.of("."), null, Map.of());
    }

    @Test
    void everyPhaseCallsTheServerAndCountsItsAnswers() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchRun bench = new BenchRun(small(), new PrintStream(log, true, StandardCharsets.UTF_8));

        BenchRun.Result result = bench.run(server.address(), null);

        assertEquals(6, result.phase("fleet-register").ops(), "3 broker names, master and slave each");
        assertEquals(4, result.phase(BenchRun.REGISTER_PLAIN).ops());
        assertEquals(4, result.phase(BenchRun.REGISTER_COMPRESSED).ops());
        for (String phase : List.of(BenchRun.ROUTE, BenchRun.CLUSTER_INFO, BenchRun.TOPIC_LIST)) {
            assertTrue(result.phase(phase).ops() > 10, phase + ": " + result.phase(phase));
        }
        for (PhaseResult p : result.phases()) {
            assertEquals(0, p.errors(), p.toString());
            assertFalse(Double.isNaN(p.p50Millis()), p.toString());
            assertTrue(Double.isNaN(p.serverCpuMicrosPerOp()), "no pid, no CPU figure: " + p);
        }
        assertEquals(500, server.controller().getRouteInfoManager().getAllTopicList().topicList().stream()
            .filter(t -> t.startsWith("BenchBigTopic_")).count(), "the big broker's topics were registered");
        assertNotNull(result.sampleRoute());

        PhaseResult echo = bench.echoCeiling(result.sampleRoute(), bench.fleetTopics());
        assertTrue(echo.ops() > 10, echo.toString());
        assertEquals(0, echo.errors());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("route lookups: 8 callers, 2 connections"));
    }

    @Test
    void serverCpuReadsAProcessCpuTimeThatGrows() {
        ServerCpu cpu = ServerCpu.of(ProcessHandle.current().pid());
        long before = cpu.nanos();
        long spin = System.nanoTime() + 300_000_000L;
        double sink = 0;
        while (System.nanoTime() < spin) {
            sink += Math.sqrt(sink + 1);
        }
        long after = cpu.nanos();
        assertTrue(before >= 0 && after > before, "cpu " + before + " -> " + after + " (" + sink + ")");
        assertTrue(Double.isNaN(ServerCpu.microsPerOp(-1, after, 10)));
        assertEquals(-1, ServerCpu.of(null).nanos());
    }
}
