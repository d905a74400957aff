package io.namesrv.bench;

import io.namesrv.protocol.DataVersion;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A manual probe, not a test: where a running name server's CPU goes during mqbench's
 * {@code register-big-plain} phase, thread by thread (from {@code /proc/<pid>/task}), so that
 * work outside the request thread (the codec threads, the collector, the JIT, background tasks)
 * shows. Registers mqbench's default fleet, then sends the big broker's plain registration
 * {@code calls} times per pass, each a new data version, as mqbench does. Run against a server
 * started by {@code bin/mqnamesrv}:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.namesrv.bench.RegisterPhaseThreadCpu \
 *   127.0.0.1:9876 &lt;pid&gt; [passes] [calls per pass] [compressed]
 * </pre>
 */
public final class RegisterPhaseThreadCpu {

    private RegisterPhaseThreadCpu() {
    }

    public static void main(String[] args) throws Exception {
        String addr = args[0];
        long pid = Long.parseLong(args[1]);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int calls = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        boolean compressed = args.length > 4 && Boolean.parseBoolean(args[4]);
        double lookupSeconds = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        Requests requests = new Requests(8);
        long nanosPerTick = 10_000_000L;
        try (BenchClients clients = new BenchClients(addr, 1, 1);
             Fleet fleet = new Fleet(64, 1_000, 4, requests)) {
            fleet.register(clients, ServerCpu.NONE);
            fleet.startHeartbeats(clients);
            if (lookupSeconds > 0) { // as mqbench: route lookups by 32 callers on 4 connections first
                List<String> fleetTopics = fleet.topics();
                try (BenchClients lookups = new BenchClients(addr, 4, 1)) {
                    PhaseResult r = LoadPhase.run("route-lookup", lookups, ServerCpu.of(pid), 32, 1, lookupSeconds,
                        i -> {
                            java.util.Random random = new java.util.Random(i);
                            return () -> Requests.route(fleetTopics.get(random.nextInt(fleetTopics.size())));
                        });
                    System.out.println("lookups: " + r);
                }
            }
            List<String> topics = new ArrayList<>(10_000);
            for (int i = 0; i < 10_000; i++) {
                topics.add("BenchBigTopic_" + i);
            }
            BrokerSpec big = new BrokerSpec(Fleet.CLUSTER, "BenchBigBroker", 0, "127.0.0.1:19000", List.copyOf(topics));
            fleet.willRegister(clients, List.of(big));
            DataVersion v1 = DataVersion.fresh();
            Requests.Registration[] bodies = {requests.registration(big, v1, compressed),
                requests.registration(big, v1.next(), compressed)};
            int next = 0;
            for (int pass = 0; pass < passes; pass++) {
                System.out.println("pass " + pass + " starts at epoch ms " + System.currentTimeMillis());
                Map<String, Long> before = threadTicks(pid);
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    RemotingCommand response = clients.call(0, requests.register(bodies[next++ % 2]), 30_000);
                    if (response.getCode() != ResponseCode.SUCCESS) {
                        throw new IllegalStateException("registration failed: " + response.getRemark());
                    }
                }
                long wall = System.nanoTime() - t0;
                Map<String, Long> after = threadTicks(pid);
                Map<String, Long> delta = new TreeMap<>();
                long total = 0;
                for (Map.Entry<String, Long> e : after.entrySet()) {
                    long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
                    if (d > 0) {
                        delta.merge(group(e.getKey()), d, Long::sum);
                        total += d;
                    }
                }
                StringBuilder sb = new StringBuilder();
                delta.forEach((k, v) -> sb.append(String.format("  %s %.2f", k, v * nanosPerTick / 1e6 / calls)));
                System.out.printf("pass %d: %.2f ms server CPU per call, %.2f ms wall per call;%s%n", pass,
                    total * nanosPerTick / 1e6 / calls, wall / 1e6 / calls, sb);
            }
        }
    }

    /** Thread name (with its tid) -> utime + stime ticks. */
    private static Map<String, Long> threadTicks(long pid) throws IOException {
        Map<String, Long> ticks = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String s = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
                    String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
                    String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                    ticks.put(name + "#" + task.getFileName(), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException e) {
                    // the thread ended between listing and reading
                }
            }
        }
        return ticks;
    }

    /** Threads grouped by name without numbers. */
    private static String group(String name) {
        return name.substring(0, name.indexOf('#')).replaceAll("[0-9]+", "N").replace(' ', '_');
    }
}
