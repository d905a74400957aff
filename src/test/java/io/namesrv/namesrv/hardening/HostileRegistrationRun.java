package io.namesrv.namesrv.hardening;

import io.namesrv.bench.ServerProbe;
import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A manual run, not a test (too heavy for the suite): the memory-exhaustion attack of issue 16
 * against our name server and Apache 5.3.3's, each in a child JVM with a 256 MB heap. One
 * unauthenticated client registers {@code fakes} fake brokers of {@code topics} topics each, on
 * {@code workers} connections' worth of threads at once (every fake keeps its connection open,
 * as a real broker would), while a normal client looks up a real broker's topic every 50 ms.
 * Then the fakes unregister. Prints, for each server, what it answered, whether it stayed alive
 * and healthy, what the normal client saw, and RSS and heap after GC before, after the attack and
 * after the fakes left. Run after {@code mvn -o test-compile}:
 * <pre>
 * java -Xmx3g -cp $PWD/target/test-classes:$PWD/target/classes:$(cat target/test-classpath.txt) \
 *   io.namesrv.namesrv.hardening.HostileRegistrationRun [fakes=40] [topics=50000] [workers=8] [ours|apache|both]
 * </pre>
 */
public final class HostileRegistrationRun {

    private static final int CALL_TIMEOUT_MILLIS = 60_000;

    private HostileRegistrationRun() {
    }

    public static void main(String[] args) throws Exception {
        int fakes = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int topics = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String which = args.length > 3 ? args[3] : "both";
        System.out.printf(Locale.ROOT, "attack: %d fake brokers x %d topics (%,d topic entries), %d at a time, one "
            + "unauthenticated client; servers: 256 MB heap each%n", fakes, topics, (long) fakes * topics, workers);
        if (!which.equals("apache")) {
            try (ChildServer ours = ChildServer.ours()) {
                attack(ours, fakes, topics, workers);
            }
        }
        if (!which.equals("ours")) {
            try (ChildServer apache = ChildServer.apache()) {
                attack(apache, fakes, topics, workers);
            }
        }
        System.exit(0);
    }

    private static void attack(ChildServer server, int fakes, int topics, int workers) throws Exception {
        String label = server.label();
        System.out.printf("%n== %s%n", server);
        List<WireClient> open = Collections.synchronizedList(new ArrayList<>());
        try (WireClient normalBroker = new WireClient(server.port(), CALL_TIMEOUT_MILLIS)) {
            RemotingCommand normal = normalBroker.call(Requests.register(Requests.CLUSTER, "normal", "10.0.0.1:10911", 0,
                120_000, IntStream.range(0, 10).mapToObj(i -> "Normal_" + i).toList(), false));
            check(normal.getCode() == ResponseCode.SUCCESS, "the normal broker registers: " + normal.getRemark());
            memory(label + " before", server);
            try (RouteProber prober = new RouteProber(server.port(), "Normal_1")) {
                long start = System.nanoTime();
                Map<String, Integer> outcomes = flood(server.port(), fakes, topics, workers, open);
                System.out.printf(Locale.ROOT, "  attack took %.1f s; answers: %s%n", (System.nanoTime() - start) / 1e9,
                    outcomes);
                report(server, prober, "after the attack");
                for (WireClient fake : open) {
                    fake.close(); // a closed connection unregisters its broker, in both servers
                }
                Thread.sleep(5_000);
                report(server, prober, "after the fakes left");
            }
        } catch (IOException e) {
            System.out.println("  " + label + ": the attack broke the connection: " + e);
            System.out.println("  " + label + " alive: " + server.isAlive());
        } finally {
            for (WireClient fake : open) {
                fake.close();
            }
        }
    }

    /** The outcomes (answer code and the start of its remark, or the exception) and how many had each. */
    private static Map<String, Integer> flood(int port, int fakes, int topics, int workers, List<WireClient> open)
        throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<String>> results = new ArrayList<>();
        for (int f = 0; f < fakes; f++) {
            int fake = f;
            results.add(pool.submit(() -> {
                WireClient client = new WireClient(port, CALL_TIMEOUT_MILLIS);
                open.add(client);
                List<String> names = IntStream.range(0, topics).mapToObj(i -> "Fake" + fake + "_" + i).toList();
                RemotingCommand answer = client.call(Requests.register(Requests.CLUSTER, "fake-" + fake,
                    "10.9." + fake / 250 + "." + fake % 250 + ":10911", 0, 120_000, names, false));
                String remark = answer.getRemark() == null ? "" : answer.getRemark().replaceAll("[0-9]+", "N");
                return "code " + answer.getCode() + (remark.isEmpty() ? "" : " " + remark.substring(0,
                    Math.min(160, remark.length())));
            }));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Future<String> result : results) {
            String outcome;
            try {
                outcome = result.get(10, TimeUnit.MINUTES);
            } catch (Exception e) {
                outcome = "failed: " + e.getCause();
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        pool.shutdownNow();
        return outcomes;
    }

    private static void report(ChildServer server, RouteProber prober, String when) {
        boolean alive = server.isAlive();
        boolean answering = prober.answersAgain(3);
        System.out.printf(Locale.ROOT, "  %s: alive %s, normal client answered %s (max latency so far %d ms, failures %s)%s%n",
            when, alive, answering, prober.maxLatencyMillis(), prober.failures(),
            server.hasHttp() ? ", /health " + server.health() : "");
        memory(server.label() + " " + when, server);
    }

    private static void memory(String what, ChildServer server) {
        if (!server.isAlive()) {
            System.out.println("  " + what + ": process gone");
            return;
        }
        ServerProbe.Memory m = server.memory();
        System.out.printf(Locale.ROOT, "  %s: RSS %.1f MiB, heap after GC %.1f MiB%n", what, m.rssMiB(), m.heapAfterGcMiB());
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
