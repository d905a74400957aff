package io.namesrv.namesrv.hardening;

import io.namesrv.bench.ServerProbe;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A name server in a child JVM with a 256 MB heap, ours or Apache 5.3.3's, as the heavy hostile
 * runs ({@link HostileRegistrationRun}, {@link HostileSetRun}) start it, and what can be seen of
 * it from outside: alive or not, RSS and heap after a full collection, sockets held, /health.
 */
final class ChildServer implements AutoCloseable {

    /** {@code bin/mqnamesrv}'s options for a heap below 2 GiB, with the same heap as Apache's below. */
    private static final List<String> OURS_JVM = List.of("-Xms256m", "-Xmx256m", "-Xmn32m", "-XX:+UseSerialGC",
        "-XX:SoftRefLRUPolicyMSPerMB=0", "-XX:-OmitStackTraceInFastThrow", "-XX:+ExitOnOutOfMemoryError");
    /** Apache's bin/runserver.sh on Java 9+, with the same heap. */
    private static final List<String> APACHE_JVM = List.of("-Xms256m", "-Xmx256m", "-XX:+UseG1GC",
        "-XX:G1HeapRegionSize=16m", "-XX:G1ReservePercent=25", "-XX:InitiatingHeapOccupancyPercent=30",
        "-XX:SoftRefLRUPolicyMSPerMB=0", "-XX:-OmitStackTraceInFastThrow");

    private final String label;
    private final NameServerProcess process;
    /** Our operations HTTP port; -1 for Apache, which has none. */
    private final int httpPort;

    private ChildServer(String label, NameServerProcess process, int httpPort) {
        this.label = label;
        this.process = process;
        this.httpPort = httpPort;
    }

    static ChildServer ours() {
        int httpPort = FreePorts.single();
        List<String> jvm = new ArrayList<>(OURS_JVM);
        jvm.addAll(trimNativeHeap());
        return new ChildServer("ours", NameServerProcess.ours(Map.of("httpListenPort", Integer.toString(httpPort)),
            jvm), httpPort);
    }

    /** As bin/runtime.sh's trim_native_heap_opts: the C heap trimmed every 2 s where the JDK can. */
    private static List<String> trimNativeHeap() {
        Runtime.Version v = Runtime.version();
        boolean can = v.feature() >= 22 || v.feature() == 21 && v.update() >= 1 || v.feature() == 17 && v.update() >= 9;
        return can ? List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=2000") : List.of();
    }

    static ChildServer apache() {
        return new ChildServer("apache 5.3.3", NameServerProcess.apache(Map.of(), APACHE_JVM), -1);
    }

    String label() {
        return label;
    }

    int port() {
        return process.port();
    }

    boolean hasHttp() {
        return httpPort > 0;
    }

    int httpPort() {
        return httpPort;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** RSS and heap after a full collection (NaN once the process is gone). */
    ServerProbe.Memory memory() {
        return isAlive() ? ServerProbe.measure(pid()) : new ServerProbe.Memory(Double.NaN, Double.NaN);
    }

    /** The sockets the process holds open (listening ones included), or -1 once it is gone. */
    int sockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return (int) fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException closedMeanwhile) {
                    return false;
                }
            }).count();
        } catch (IOException | java.io.UncheckedIOException gone) {
            return -1;
        }
    }

    /**
     * Our /health status and body, or why there was none; "n/a" for Apache. On a connection of its
     * own that the server closes after the answer: a kept-alive one would count against
     * {@code httpMaxConnections} in the checks that follow.
     */
    String health() {
        if (!hasHttp()) {
            return "n/a";
        }
        HostileHttp http = new HostileHttp(httpPort, 10_000);
        try (Socket s = http.open()) {
            HostileHttp.send(s, HostileHttp.get("/health"));
            String answer = http.untilClosed(s);
            String status = answer.lines().findFirst().orElse("").replaceFirst("^HTTP/1\\.[01] ", "");
            int body = answer.indexOf("\r\n\r\n");
            return status.split(" ")[0] + " " + (body < 0 ? "" : answer.substring(body + 4));
        } catch (IOException e) {
            return "no answer (" + e + ")";
        }
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return label + " (pid " + pid() + ")";
    }
}
