package io.namesrv.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md: "Every thread is named; jstack of a healthy server shows only these." The
 * test runs the JDK's jstack on a name server in a child JVM that has served remoting and HTTP
 * requests and compares peers (so the optional threads exist too), and checks every Java thread it
 * lists against the names of the table "The threads", the JDK's own threads aside (listed here).
 */
class DocumentedThreadsTest {

    /** The JDK's own Java threads (jstack lists the VM's native ones, GC and compiler workers, without a #id). */
    private static final List<Pattern> JDK_THREADS = List.of("Reference Handler", "Finalizer", "Signal Dispatcher",
            "Service Thread", "Monitor Deflation Thread", "C1 CompilerThread\\d+", "C2 CompilerThread\\d+",
            "Sweeper thread", "Notification Thread", "Common-Cleaner", "Attach Listener", "DestroyJavaVM")
        .stream().map(Pattern::compile).toList();

    /** The test harness's own thread in the child JVM (ParentWatchdog: halts the child when the test JVM dies). */
    private static final String HARNESS = "parent-watchdog";

    /** Threads this server has (with peers, after requests); the others start on demand or with an option. */
    private static final List<String> ALWAYS = List.of("NettyNIOBoss_1", "NettyServerNIOSelector_1", "NettyEventExecutor",
        "NSScanScheduledThread1", "NSScheduledThread1", "NamesrvHttp_1", "NSVitalsMonitor1", "NSRouteSnapshotThread1",
        "RemotingExecutorThread_1", "NSPeerThread_1", "NamesrvConsole1");

    private static final Pattern JAVA_THREAD = Pattern.compile("(?m)^\"(.+)\" #\\d+");

    @Test
    void jstackShowsOnlyTheDocumentedThreads() throws Exception {
        List<Pattern> documented = documentedThreadNames();
        // a peer that does not answer: the peer threads run, as they do while a peer is down
        // bin/mqnamesrv's logging configuration, whose asynchronous appenders have threads of their own
        List<String> asBinMqnamesrv = List.of("-Dlogback.configurationFile=" + Path.of("conf/logback_namesrv.xml").toAbsolutePath());
        try (NameServerProcess server = NameServerProcess.ours(Map.of("namesrvPeers", "127.0.0.1:" + FreePorts.single()),
            asBinMqnamesrv)) {
            assertEquals(ResponseCode.SUCCESS, KvRequests.put(server.port(), "TopicA", "broker-a:4"));
            assertEquals("broker-a:4", KvRequests.get(server.port(), "TopicA"));
            int httpPort = httpPort(server);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/status"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

            Set<String> threads = Await.until("every always-present thread in jstack", Duration.ofSeconds(60),
                () -> jstack(server.pid()), names -> names.containsAll(ALWAYS)
                    && names.stream().anyMatch(n -> n.startsWith("AsyncAppender-Worker-")));
            Set<String> undocumented = threads.stream()
                .filter(name -> documented.stream().noneMatch(p -> p.matcher(name).matches()))
                .filter(name -> JDK_THREADS.stream().noneMatch(p -> p.matcher(name).matches()))
                .filter(name -> !name.equals(HARNESS))
                .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of(), undocumented, "threads architecture.md does not list, of " + threads);
        }
    }

    /** The names in the first column of the table under "## The threads"; {@code *} and {@code 1..N} stand for numbers and suffixes. */
    private static List<Pattern> documentedThreadNames() {
        String section = MarkdownBlocks.section(MarkdownBlocks.read(Path.of("."), "docs/architecture.md"), "The threads");
        List<Pattern> names = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| ([^|]+) \\|").matcher(section);
        while (row.find()) {
            Matcher name = Pattern.compile("`([^`]+)`").matcher(row.group(1));
            while (name.find()) {
                String[] parts = name.group(1).replace("1..N", "*").split("\\*", -1);
                names.add(Pattern.compile(java.util.Arrays.stream(parts).map(Pattern::quote).collect(Collectors.joining(".+"))));
            }
        }
        assertTrue(names.size() > 20, "the thread table: " + names);
        return names;
    }

    private static Set<String> jstack(long pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstack").toString(), Long.toString(pid))
            .redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jstack " + pid + ": " + dump);
        }
        Set<String> names = new TreeSet<>();
        Matcher m = JAVA_THREAD.matcher(dump);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The HTTP endpoint's port, from the line after the boot line. */
    private static int httpPort(NameServerProcess server) {
        Matcher m = Pattern.compile("listens on http://127\\.0\\.0\\.1:(\\d+)/").matcher(
            server.waitForLine(Pattern.compile("The operations HTTP endpoint listens on"), Duration.ofSeconds(30)));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }
}
