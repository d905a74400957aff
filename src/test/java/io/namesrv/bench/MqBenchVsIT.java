package io.namesrv.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.ChildClasspath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/mqbench --vs --storm}, the comparison README and docs/performance.md tell users to
 * run, shrunk to seconds: our daemon started through bin/mqnamesrv and Apache's NameServer 5.3.3
 * (its classpath taken from the test's, where bin/mqbench resolves it with Maven), every phase on
 * both with their process ids (the {@code -p} figures), the ratios printed and no errors. A
 * figure, not a verdict: the targets are judged in docs/performance.md, not here.
 */
class MqBenchVsIT {

    private final Path basedir = Path.of(System.getProperty("namesrv.basedir", ".")).toAbsolutePath();

    @Test
    void bothServersRunEveryPhaseAndTheRatiosArePrinted(@TempDir Path dir) throws Exception {
        Path apacheClasspath = Files.writeString(dir.resolve("apache.classpath"), ChildClasspath.forChildren());
        Path log = dir.resolve("bench.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-Duser.home=" + dir, "-cp", ChildClasspath.forChildren(), MqBench.class.getName(),
            "--vs", "--storm", "--home", basedir.toString(), "--apache-classpath", apacheClasspath.toString(),
            "--heap", "256m", "--rounds", "1", "--brokers", "3", "--topics", "20", "--queues", "4",
            "--brokers-per-topic", "2", "-c", "8", "-k", "2", "-s", "1", "--warmup", "0.2", "--big-topics", "500",
            "--registrations", "4", "--list-callers", "2", "--list-seconds", "0.5", "--no-echo");
        Process bench = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(bench.waitFor(10, TimeUnit.MINUTES), "mqbench --vs did not finish in 10 minutes");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, bench.exitValue(), output);
            assertTrue(output.contains("started ours (pid "), output);
            assertTrue(output.contains("started apache (pid "), output);
            assertTrue(output.contains(BenchRun.ROUTE_UNDER_STORM), output);
            assertTrue(output.contains("ours / Apache 5.3.3 (mean of 1 rounds each, heap 256m)"), output);
            assertTrue(output.contains("RSS after fleet MiB"), output);
            assertTrue(output.contains("errors in all phases, both servers: 0"), output);
        } finally {
            bench.destroyForcibly();
            bench.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
