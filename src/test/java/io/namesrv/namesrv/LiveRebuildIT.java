package io.namesrv.namesrv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.cli.support.FakeBroker;
import io.namesrv.interop.support.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name server started from a checkout with {@code bin/mqnamesrv} keeps serving after the
 * sources change and the next {@code bin/mqadmin} rebuilds: the rebuild must never replace code
 * under the running daemon (which then failed KV, permission and order-config requests with
 * NoClassDefFoundError). The checkout is a copy in a temporary folder (bin, conf, pom, src/main),
 * built offline by a real Maven run, so this repository's target/ is never touched. The copy is
 * also run with {@code HOME} pointing into the temporary folder, which must move the logs and
 * the KV store there.
 */
class LiveRebuildIT {

    private final Path basedir = Path.of(System.getProperty("namesrv.basedir", ".")).toAbsolutePath();

    @Test
    void aRebuildUnderARunningDaemonLeavesItServing(@TempDir Path tmp) throws Exception {
        Path checkout = copyCheckout(tmp.resolve("checkout"));
        Path home = Files.createDirectories(tmp.resolve("home"));
        int httpPort = FreePorts.single();
        Path conf = tmp.resolve("namesrv.properties");
        Files.writeString(conf, "listenPort=0\nbindAddress=127.0.0.1\nhttpListenPort=" + httpPort
            + "\nhttpBindAddress=127.0.0.1\n");
        ProcessBuilder pb = new ProcessBuilder(checkout.resolve("bin/mqnamesrv").toString(), "-c", conf.toString())
            .redirectErrorStream(true);
        environment(pb, home);
        Process daemon = pb.start();
        List<String> output = new ArrayList<>();
        try {
            String addr = "127.0.0.1:" + DaemonBootLine.awaitPort(daemon, output, Duration.ofSeconds(120));

            // The code changes (git pull): a class near the start of the jar grows, so every entry
            // after it moves; the next admin command rebuilds.
            Path source = checkout.resolve("src/main/java/io/namesrv/protocol/TopicConfigText.java");
            String code = Files.readString(source);
            int end = code.lastIndexOf('}');
            Files.writeString(source, code.substring(0, end)
                + "    static String rebuiltAt() {\n        return \"" + Instant.now() + "\";\n    }\n}\n");
            Run rebuild = run(home, checkout.resolve("bin/mqadmin").toString(), "getNamesrvConfig", "-n", addr);
            assertEquals(0, rebuild.exitCode(), rebuild.output());

            String mqadmin = checkout.resolve("bin/mqadmin").toString();
            try (FakeBroker broker = new FakeBroker("C1", "broker-a", 0, Map.of())) {
                broker.registerWith(addr, List.of("TopicA", "TopicB"));
                expectOk(run(home, mqadmin, "updateKvConfig", "-n", addr, "-s", "ns1", "-k", "k1", "-v", "v1"));
                Run get = run(home, mqadmin, "getKvConfig", "-n", addr, "-s", "ns1", "-k", "k1");
                expectOk(get);
                assertTrue(get.output().contains("v1"), get.output());
                expectOk(run(home, mqadmin, "updateOrderConf", "-n", addr, "-t", "TopicA", "-v", "broker-a:4", "-m", "put"));
                Run order = run(home, mqadmin, "updateOrderConf", "-n", addr, "-t", "TopicA", "-m", "get");
                expectOk(order);
                assertTrue(order.output().contains("broker-a:4"), order.output());
                Run wipe = run(home, mqadmin, "wipeWritePerm", "-n", addr, "-b", "broker-a");
                expectOk(wipe);
                assertTrue(wipe.output().contains("OK, 2"), wipe.output());
                expectOk(run(home, mqadmin, "addWritePerm", "-n", addr, "-b", "broker-a"));
                expectOk(run(home, mqadmin, "topicRoute", "-n", addr, "-t", "TopicA"));
            }
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/status", "/metrics", "/health")) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), path + ": " + r.body());
            }
            assertTrue(daemon.isAlive(), String.join("\n", output));
            assertTrue(rebuild.output().contains("Building target/namesrv.jar"), rebuild.output());
            assertTrue(rebuild.output().contains("building: compile"), "build progress is shown: " + rebuild.output());
            try (Stream<Path> runtimes = Files.list(checkout.resolve("target/runtime"))) {
                assertEquals(2, runtimes.filter(d -> !d.getFileName().toString().startsWith(".")
                    && !Files.isSymbolicLink(d)).count(), "the daemon's code is kept next to the new build");
            }
            // HOME moved the logs and the KV store.
            assertTrue(Files.exists(home.resolve("logs/rocketmqlogs/namesrv.log")), "namesrv.log under $HOME");
            daemon.destroy();
            assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "the name server did not stop");
            assertTrue(Files.readString(home.resolve("namesrv/kvConfig.json")).contains("\"k1\":\"v1\""),
                "kvConfig.json under $HOME/namesrv");
            String log = Files.readString(home.resolve("logs/rocketmqlogs/namesrv.log"));
            assertTrue(!log.contains("NoClassDefFoundError") && !log.contains("LinkageError"), log);
        } finally {
            daemon.destroyForcibly();
            daemon.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static void expectOk(Run run) {
        assertEquals(0, run.exitCode(), run.output());
    }

    private static void environment(ProcessBuilder pb, Path home) {
        pb.environment().remove("ROCKETMQ_HOME");
        pb.environment().remove("NAMESRV_ADDR");
        pb.environment().remove("JAVA_OPT_EXT");
        pb.environment().put("HOME", home.toString());
    }

    /** Runs a bin/ script to its end (bounded: a cold Maven build on a busy machine takes minutes). */
    private static Run run(Path home, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        environment(pb, home);
        Process p = pb.start();
        CompletableFuture<String> said = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 10 minutes");
        }
        try {
            return new Run(p.exitValue(), said.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new AssertionError("output of " + String.join(" ", command), e);
        }
    }

    /**
     * bin, conf, pom.xml and src/main of this checkout, with this build's jar and libraries as
     * target/ (newer than the sources, so the first start needs no build) and Maven set offline.
     */
    private Path copyCheckout(Path to) throws IOException {
        for (String part : List.of("bin", "conf", "src/main")) {
            copyTree(basedir.resolve(part), to.resolve(part));
        }
        Files.copy(basedir.resolve("pom.xml"), to.resolve("pom.xml"));
        Files.createDirectories(to.resolve(".mvn"));
        Files.writeString(to.resolve(".mvn/maven.config"), "-o\n-ntp\n");
        FileTime past = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        try (Stream<Path> files = Files.walk(to)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setLastModifiedTime(f, past);
            }
        }
        copyTree(basedir.resolve("target/lib"), to.resolve("target/lib"));
        Files.copy(basedir.resolve("target/namesrv.jar"), to.resolve("target/namesrv.jar"));
        Files.setLastModifiedTime(to.resolve("target/namesrv.jar"), FileTime.from(Instant.now()));
        return to;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
