package io.namesrv.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts our daemon (through bin/mqnamesrv, as an operator would) or Apache's NameServer 5.3.3 in
 * a private directory on a free loopback port, both with the same heap, and measures the time
 * from process start until the port accepts connections.
 */
final class ServerLauncher {

    static final String APACHE_MAIN = "org.apache.rocketmq.namesrv.NamesrvStartup";
    /** What Apache's bin/runserver.sh passes on Java 9+, less the heap, which both sides get alike. */
    static final List<String> APACHE_JVM = List.of("-server", "-XX:+UseG1GC", "-XX:G1HeapRegionSize=16m",
        "-XX:G1ReservePercent=25", "-XX:InitiatingHeapOccupancyPercent=30", "-XX:SoftRefLRUPolicyMSPerMB=0",
        "-XX:-OmitStackTraceInFastThrow", "-XX:-UseLargePages");
    private static final List<String> APACHE_OPENS = List.of("--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
        "-Djava.net.preferIPv4Stack=true");
    private static final long LISTEN_TIMEOUT_MILLIS = 60_000;

    private final BenchOptions options;

    ServerLauncher(BenchOptions options) {
        this.options = options;
    }

    /** A started server; {@link #close()} stops it and waits for it to exit. */
    record Launched(String label, Process process, String addr, long startToListeningMillis, Path dir)
        implements AutoCloseable {

        long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    Launched ours() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mqbench-ours-");
        int port = freePort();
        Path conf = writeConfig(dir, port, options.oursConfig());
        List<String> command = List.of(options.home().resolve("bin").resolve("mqnamesrv").toString(), "-c", conf.toString());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("ROCKETMQ_HOME", options.home().toString());
        pb.environment().put("JAVA_OPT_EXT", "-Xms" + options.heap() + " -Xmx" + options.heap()
            + " -Duser.home=" + dir.resolve("home"));
        return start("ours", pb, dir, port);
    }

    Launched apache() throws IOException, InterruptedException {
        Path cpFile = options.apacheClasspathFile();
        if (cpFile == null || !Files.isRegularFile(cpFile)) {
            throw new IllegalStateException("Apache's classpath file " + cpFile + " is missing: bin/mqbench --vs builds it"
                + " with mvn dependency:build-classpath");
        }
        String classpath = Files.readString(cpFile, StandardCharsets.UTF_8).trim();
        Path dir = Files.createTempDirectory("mqbench-apache-");
        int port = freePort();
        Path conf = writeConfig(dir, port, Map.of());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(APACHE_JVM);
        command.add("-Xms" + options.heap());
        command.add("-Xmx" + options.heap());
        command.addAll(APACHE_OPENS);
        command.add("-Duser.home=" + dir.resolve("home"));
        command.add("-Drocketmq.home.dir=" + dir.resolve("home"));
        command.addAll(List.of("-cp", classpath, APACHE_MAIN, "-c", conf.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("ROCKETMQ_HOME", dir.resolve("home").toString());
        return start("apache", pb, dir, port);
    }

    private static Path writeConfig(Path dir, int port, Map<String, String> extra) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> config = Map.of(
            "listenPort", Integer.toString(port),
            "bindAddress", "127.0.0.1",
            "rocketmqHome", home.toString(),
            "kvConfigPath", home.resolve("namesrv").resolve("kvConfig.json").toString(),
            "configStorePath", home.resolve("namesrv").resolve("namesrv.properties").toString());
        StringBuilder sb = new StringBuilder();
        config.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        extra.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return Files.writeString(dir.resolve("namesrv.conf"), sb.toString(), StandardCharsets.UTF_8);
    }

    private static Launched start(String label, ProcessBuilder pb, Path dir, int port)
        throws IOException, InterruptedException {
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.out").toFile());
        long t0 = System.nanoTime();
        Process process = pb.start();
        long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(LISTEN_TIMEOUT_MILLIS);
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(label + " name server did not start listening on " + port + "; see "
                    + dir.resolve("server.out"));
            }
            Thread.sleep(2);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        return new Launched(label, process, "127.0.0.1:" + port, millis, dir);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
