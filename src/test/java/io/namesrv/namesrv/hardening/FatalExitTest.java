package io.namesrv.namesrv.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The daemon in a child JVM, through its real main and exit path, with a fault injected by
 * {@link FaultyNameServer}: a lost essential thread or an exhausted heap ends the process with
 * status 3 and one clear line, /health having answered 503 first; SIGTERM stops it within the
 * configured bound even when a shutdown step hangs.
 */
class FatalExitTest {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static final String FATAL_LINE = "The Name Server cannot go on and exits: ";
    /** The JVM options bin/mqnamesrv runs with, on a small heap. */
    private static final List<String> SMALL_HEAP = List.of("-Xmx128m", "-Xmn16m", "-XX:+UseSerialGC");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private static NameServerProcess start(String fault, Path dir, int httpPort, Map<String, String> config,
                                           List<String> jvmOptions) {
        Map<String, String> all = new java.util.LinkedHashMap<>(config);
        all.put("httpListenPort", Integer.toString(httpPort));
        return NameServerProcess.ours(FaultyNameServer.class.getName(), List.of(fault, dir.toString()), all, jvmOptions);
    }

    private String health(int port) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    /** Every distinct /health answer until the process is gone (connection refused counts as gone). */
    private List<String> healthUntilExit(NameServerProcess server, int port) {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + EXIT_TIMEOUT.toNanos();
        while (server.isAlive() && System.nanoTime() < deadline) {
            try {
                String answer = health(port);
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(answer)) {
                    seen.add(answer);
                }
            } catch (Exception refusedOrClosed) {
                // the endpoint is closing: the exit is under way
            }
        }
        return seen;
    }

    private static String log(NameServerProcess server) {
        try {
            return Files.readString(server.logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path file) throws IOException {
        Files.writeString(file, "");
    }

    @Test
    void aLostEssentialThreadEndsTheProcessWithOneLineAfterHealthSaidDown() throws Exception {
        Path dir = Files.createTempDirectory("fatal-thread");
        int httpPort = FreePorts.single();
        NameServerProcess server = start("kill-thread=NettyEventExecutor", dir, httpPort, Map.of(), List.of());
        try {
            assertEquals("200 {\"status\":\"UP\"}", health(httpPort));
            touch(dir.resolve("fault.go"));
            List<String> seen = healthUntilExit(server, httpPort);
            assertEquals(Integer.valueOf(3), server.awaitExit(EXIT_TIMEOUT), log(server));
            assertTrue(seen.stream().anyMatch(a -> a.startsWith("503 {\"status\":\"DOWN\",\"reason\":\"")
                && a.contains("channel event thread")), "health before the exit: " + seen);
            List<String> lines = log(server).lines().filter(l -> l.startsWith(FATAL_LINE)).toList();
            assertEquals(1, lines.size(), log(server));
            assertTrue(lines.get(0).contains("channel event thread"), lines.get(0));
        } finally {
            server.close();
        }
    }

    @Test
    void anExhaustedHeapWithExitOnOutOfMemoryErrorAsBinMqnamesrvRunsIt() throws Exception {
        Path dir = Files.createTempDirectory("fatal-heap-flag");
        int httpPort = FreePorts.single();
        List<String> options = new ArrayList<>(SMALL_HEAP);
        options.add("-XX:+ExitOnOutOfMemoryError");
        NameServerProcess server = start("fill-heap", dir, httpPort, Map.of(), options);
        try {
            fillHeapUntilHealthSaysSo(server, dir, httpPort);
            touch(dir.resolve("fault.continue"));
            assertEquals(Integer.valueOf(3), server.awaitExit(EXIT_TIMEOUT), log(server));
            assertTrue(log(server).contains("Terminating due to java.lang.OutOfMemoryError: Java heap space"), log(server));
        } finally {
            server.close();
        }
    }

    @Test
    void anExhaustedHeapWithoutTheFlagIsCaughtByTheNameServerItself() throws Exception {
        Path dir = Files.createTempDirectory("fatal-heap");
        int httpPort = FreePorts.single();
        NameServerProcess server = start("fill-heap", dir, httpPort, Map.of(), SMALL_HEAP);
        try {
            fillHeapUntilHealthSaysSo(server, dir, httpPort);
            touch(dir.resolve("fault.continue"));
            assertEquals(Integer.valueOf(3), server.awaitExit(EXIT_TIMEOUT), log(server));
            List<String> lines = log(server).lines().filter(l -> l.startsWith(FATAL_LINE)).toList();
            assertEquals(1, lines.size(), log(server));
            assertTrue(lines.get(0).contains("java.lang.OutOfMemoryError: Java heap space"), lines.get(0));
        } finally {
            server.close();
        }
    }

    /** Fills the heap to the brink and checks that /health says so while the process still runs. */
    private void fillHeapUntilHealthSaysSo(NameServerProcess server, Path dir, int httpPort) throws Exception {
        assertEquals("200 {\"status\":\"UP\"}", health(httpPort));
        touch(dir.resolve("fault.go"));
        Await.until("the heap to fill", EXIT_TIMEOUT, () -> log(server), l -> l.contains(FaultyNameServer.HEAP_FILLED));
        String down = Await.until("/health to report the heap", Duration.ofSeconds(20), () -> health(httpPort),
            a -> a.startsWith("503"));
        assertTrue(down.startsWith("503 {\"status\":\"DOWN\",\"reason\":\"heap nearly exhausted: "), down);
        assertTrue(server.isAlive());
    }

    @Test
    void sigtermStopsWithinTheBoundEvenWhenAShutdownStepHangs() throws Exception {
        Path dir = Files.createTempDirectory("sigterm-hung");
        int httpPort = FreePorts.single();
        NameServerProcess server = start("hang-shutdown", dir, httpPort, Map.of("shutdownTimeoutSeconds", "3"), List.of());
        try {
            long begin = System.nanoTime();
            server.terminate();
            Integer status = server.awaitExit(EXIT_TIMEOUT);
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertNotNull(status, "still running " + EXIT_TIMEOUT + " after SIGTERM");
            assertEquals(0, status);
            assertTrue(millis >= 3000, "the watchdog waited for the bound: " + millis + " ms");
            String line = log(server).lines().filter(l -> l.startsWith("The Name Server did not stop within 3000 ms"))
                .findFirst().orElseThrow(() -> new AssertionError(log(server)));
            assertTrue(line.contains("fault-hung-hook ("), line);
            System.out.println("SIGTERM with a hung shutdown step: exited after " + millis + " ms (bound 3000 ms)");
        } finally {
            server.close();
        }
    }

    @Test
    void sigtermStopsPromptlyAndCleanly() throws Exception {
        Path dir = Files.createTempDirectory("sigterm");
        int httpPort = FreePorts.single();
        NameServerProcess server = start("none", dir, httpPort, Map.of(), List.of());
        try {
            long begin = System.nanoTime();
            server.terminate();
            Integer status = server.awaitExit(EXIT_TIMEOUT);
            long millis = (System.nanoTime() - begin) / 1_000_000;
            assertEquals(Integer.valueOf(0), status, log(server));
            assertFalse(log(server).contains("did not stop within"), log(server));
            System.out.println("SIGTERM: exited after " + millis + " ms");
        } finally {
            server.close();
        }
    }
}
