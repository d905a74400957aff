package io.namesrv.interop;

import io.namesrv.interop.support.ApacheWireClient;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.NameServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * A manual measurement, not a test (it takes minutes: Apache's name server needs the broker's
 * next 30-second registration): ours and Apache's name server, each with a real Apache 5.3.3 broker
 * and Apache's admin client, restarted on the same port by SIGTERM and by kill -9; for each
 * restart, the time from the boot line to the first correct route answer and the wrong answers
 * (TOPIC_NOT_EXIST) clients got before it. Between restarts it waits for the broker's next
 * registration, so every round starts from the same state. The figures are in docs/reliability.md.
 * Run (after {@code mvn -o test-compile}):
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
 *   -cp $PWD/target/test-classes:$PWD/target/classes:$(cat target/test-classpath.txt) \
 *   io.namesrv.interop.WarmRestartTiming 3 ours,apache
 * </pre>
 * (absolute classpath entries: the child JVMs run in directories of their own).
 */
public final class WarmRestartTiming {

    private static final Duration FIRST_ROUTE = Duration.ofSeconds(90);
    private static final Duration REGISTRATION = Duration.ofSeconds(60);

    private WarmRestartTiming() {
    }

    private record Result(String server, String stop, int round, FirstRouteAfterBoot first) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> servers = List.of(args.length > 1 ? args[1].split(",") : new String[] {"ours", "apache"});
        List<Result> results = new ArrayList<>();
        if (servers.contains("ours")) {
            results.addAll(measure("ours", () -> NameServerProcess.ours(Map.of("routeSnapshotIntervalMillis", "1000")),
                rounds));
        }
        if (servers.contains("apache")) {
            results.addAll(measure("apache", NameServerProcess::apache, rounds));
        }
        System.out.println();
        System.out.printf("%-7s %-8s %-5s %15s %17s %14s %10s%n", "server", "stop", "round", "first answer ms",
            "first correct ms", "wrong answers", "no answer");
        for (Result r : results) {
            System.out.printf("%-7s %-8s %-5d %15d %17d %14d %10d%n", r.server(), r.stop(), r.round(),
                r.first().firstAnswerMillis(), r.first().millis(), r.first().wrongAnswers(), r.first().noAnswers());
        }
        System.exit(0);
    }

    private static List<Result> measure(String label, Supplier<NameServerProcess> start, int rounds) throws Exception {
        List<Result> results = new ArrayList<>();
        NameServerProcess namesrv = start.get();
        BrokerProcess broker = null;
        DefaultMQAdminExt admin = new DefaultMQAdminExt(3_000);
        try {
            broker = BrokerProcess.start(WarmRestartInteropTest.CLUSTER, "timing-" + label, namesrv.address());
            admin.setNamesrvAddr(namesrv.address());
            admin.setInstanceName("warm-restart-timing-" + label);
            admin.start();
            WarmRestartInteropTest.createTopic(admin, broker, namesrv);
            for (String stop : List.of("SIGTERM", "kill -9")) {
                for (int round = 1; round <= rounds; round++) {
                    awaitSnapshot(label, namesrv);
                    if (stop.equals("SIGTERM")) {
                        namesrv.stop();
                    } else {
                        namesrv.kill();
                    }
                    namesrv = namesrv.restart();
                    FirstRouteAfterBoot first = FirstRouteAfterBoot.await(admin, WarmRestartInteropTest.TOPIC,
                        WarmRestartInteropTest.correct(broker), namesrv.bootNanos(), FIRST_ROUTE);
                    System.out.printf("%s %s round %d: %s%n", label, stop, round, first);
                    results.add(new Result(label, stop, round, first));
                    awaitRegistration(namesrv, broker);
                }
            }
        } finally {
            admin.shutdown();
            if (broker != null) {
                broker.kill();
            }
            namesrv.close();
        }
        return results;
    }

    /** The next round starts once the broker has registered with this incarnation (not just been restored). */
    private static void awaitRegistration(NameServerProcess namesrv, BrokerProcess broker) {
        try (ApacheWireClient wire = new ApacheWireClient(namesrv.address())) {
            Await.until("the broker's next registration", REGISTRATION, () -> WarmRestartInteropTest.directView(wire),
                i -> i.getBrokerAddrTable().containsKey(broker.brokerName()));
        }
    }

    /** Ours: wait until the periodic snapshot holds the topic, as a kill -9 needs; Apache keeps none. */
    private static void awaitSnapshot(String label, NameServerProcess namesrv) {
        if (!label.equals("ours")) {
            return;
        }
        Path snapshot = namesrv.home().resolve("namesrv").resolve("routeSnapshot.json");
        Await.until("a snapshot holding the topic", REGISTRATION, () -> Files.exists(snapshot)
            && Files.readString(snapshot, StandardCharsets.UTF_8).contains(WarmRestartInteropTest.TOPIC), ok -> ok);
    }
}
