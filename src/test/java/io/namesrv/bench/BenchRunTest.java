package io.namesrv.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.ChildClasspath;
import io.namesrv.namesrv.NamesrvController;
import io.namesrv.namesrv.TestNameServer;
import io.namesrv.namesrv.routeinfo.RemovalCause;
import io.namesrv.namesrv.routeinfo.RouteTableSizes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    private NamesrvController server;

    @BeforeEach
    void startServer() throws Exception {
        server = TestNameServer.start(dir).controller();
    }

    @AfterEach
    void stopServer() {
        server.shutdown();
    }

    private static BenchOptions small() {
        return new BenchOptions(null, null, 3, 20, 4, 2, 8, 2, 1, 1.0, 0.2, 500, 4, 2, 0.5, true, false, "1g", 1,
            Path.of("."), null, Map.of(), true, BenchOptions.Access.COLD, 10, true);
    }

    @Test
    void everyPhaseCallsTheServerAndCountsItsAnswers() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchRun bench = new BenchRun(small(), new PrintStream(log, true, StandardCharsets.UTF_8));

        BenchRun.Result result = bench.run("127.0.0.1:" + server.listenPort(), null);

        assertEquals(6, result.phase("fleet-register").ops(), "3 broker names, master and slave each");
        assertEquals(4, result.phase(BenchRun.REGISTER_PLAIN).ops());
        assertEquals(4, result.phase(BenchRun.REGISTER_COMPRESSED).ops());
        assertEquals(4, result.phase(BenchRun.REGISTER_UNCHANGED).ops());
        for (String phase : List.of(BenchRun.ROUTE, BenchRun.ROUTE_UNDER_STORM, BenchRun.CLUSTER_INFO, BenchRun.TOPIC_LIST)) {
            assertTrue(result.phase(phase).ops() > 10, phase + ": " + result.phase(phase));
        }
        for (PhaseResult p : result.phases()) {
            assertEquals(0, p.errors(), p.toString());
            assertFalse(Double.isNaN(p.p50Millis()), p.toString());
            assertTrue(Double.isNaN(p.serverCpuMicrosPerOp()), "no pid, no CPU figure: " + p);
        }
        assertNotNull(result.sampleRoute());
        // The target is left as it was found: the 6 fleet brokers, the big one, the steady one, the churning one
        // and those of the storm's that got through (a storm broker whose registrations were all answered
        // SYSTEM_BUSY has nothing to remove).
        long unregistered = server.getMetrics().brokerEvents().removals(RemovalCause.UNREGISTERED);
        assertTrue(unregistered >= 9 && unregistered <= 9 + Storm.BROKERS, unregistered + " unregistered");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("churn: "), "the churn reported its registrations");
        assertFalse(Double.isNaN(result.phase(BenchRun.ROUTE).maxMillis()));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("answered SYSTEM_BUSY"), "the storm reported its answers");
        assertEquals(new RouteTableSizes(0, 0, 0, 0, 0), server.getRouteInfoManager().tableSizes());

        PhaseResult echo = bench.echoCeiling(result.sampleRoute(), bench.fleetTopics());
        assertTrue(echo.ops() > 10, echo.toString());
        assertEquals(0, echo.errors());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("route lookups: 8 callers, 2 connections"));
    }

    /** Ctrl-C (SIGINT) or SIGTERM in the middle of a run still unregisters the fleet. */
    @Test
    void anInterruptedRunUnregistersItsFleet() throws Exception {
        String addr = "127.0.0.1:" + server.listenPort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-cp", ChildClasspath.forChildren(), MqBench.class.getName(), "-n", addr, "--brokers", "3",
            "--topics", "20", "-s", "600", "--warmup", "0", "--no-echo").redirectErrorStream(true)
            .redirectOutput(dir.resolve("bench.log").toFile());
        Process bench = pb.start();
        try {
            Await.until("the fleet registered", Duration.ofSeconds(60),
                () -> server.getRouteInfoManager().tableSizes().liveBrokers(), live -> live == 6);
            bench.destroy(); // SIGTERM; SIGINT runs the same shutdown hooks
            assertTrue(bench.waitFor(60, TimeUnit.SECONDS), "mqbench did not stop");
            assertEquals(new RouteTableSizes(0, 0, 0, 0, 0), server.getRouteInfoManager().tableSizes(),
                Files.readString(dir.resolve("bench.log")));
        } finally {
            bench.destroyForcibly();
        }
    }

    @Test
    void helpWarnsThatItWritesToTheTarget() throws Exception {
        Process help = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", ChildClasspath.forChildren(), MqBench.class.getName(), "-h").redirectErrorStream(true).start();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertTrue(help.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, help.exitValue(), text);
        assertTrue(text.contains("WARNING: -n WRITES TO THE TARGET"), text);
        assertTrue(text.contains("unregistered again when mqbench ends, also on Ctrl-C"), text);
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
