package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A manual timing, not a test: what a route lookup ({@link RouteInfoManager#routeBody}) and a
 * changed 4,000-topic registration cost in route tables of 16,000, 256,000 and 1,000,000 topics
 * (mqbench's shapes: every 4 broker names share a block of 4,000 topics, or 1,000 at the small
 * size), in one process, single-threaded, without the network. Lookups ask about every topic
 * once, in a shuffled order (cold: nothing can have been warmed for them); the three tables are
 * measured in turn, pass after pass, so a busy machine slows all of them alike, and the figures are
 * the thread's CPU time, not the wall clock, which on a shared machine mostly measures the wait for
 * a core. Also prints the heap after GC each table added, per topic. Run with a heap for all three tables:
 * <pre>
 * java -Xmx3g -XX:+UseG1GC -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *   io.namesrv.namesrv.routeinfo.RouteLookupScaleTiming [passes] [lookups per pass]
 * </pre>
 */
public final class RouteLookupScaleTiming {

    private RouteLookupScaleTiming() {
    }

    private record Table(String label, RouteInfoManager routes, List<String> topics, int groups, int perGroup) {
    }

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        List<Table> tables = new ArrayList<>();
        long heap = heapAfterGc();
        for (int[] shape : new int[][] {{64, 1_000}, {256, 4_000}, {1_000, 4_000}}) {
            Table t = build(shape[0], shape[1]);
            long now = heapAfterGc();
            System.out.printf("%-10s %,d topics, %,d groups: heap after GC +%.1f MiB, %.0f bytes per topic route%n",
                t.label(), t.topics().size(), t.groups(), (now - heap) / 1048576.0, (now - heap) / (double) t.topics().size());
            heap = now;
            tables.add(t);
        }
        Map<String, List<Double>> lookupNanos = new LinkedHashMap<>();
        Map<String, List<Double>> registerMillis = new LinkedHashMap<>();
        long counter = 1_000;
        for (int pass = 0; pass < passes; pass++) {
            for (Table t : tables) {
                List<String> order = new ArrayList<>(t.topics());
                Collections.shuffle(order, new Random(pass));
                int n = Math.min(lookups, order.size());
                long bytes = 0;
                long start = cpuNanos();
                for (int i = 0; i < n; i++) {
                    bytes += RouteFixtures.bytes(t.routes().routeBody(order.get(i), true, null)).length;
                }
                double perLookup = (cpuNanos() - start) / (double) n;
                // A broker of the table changes its 4,000 (or 1,000) topics' queue counts.
                long rStart = cpuNanos();
                register(t.routes(), 0, t.perGroup(), 8 + (pass % 2) * 8, counter++);
                double applyMillis = (cpuNanos() - rStart) / 1e6;
                if (pass > 0) { // the first pass is warm-up
                    lookupNanos.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(perLookup);
                    registerMillis.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(applyMillis);
                }
                System.out.printf("pass %d %-10s %.0f ns CPU per lookup (%d bytes each), changed registration %.1f ms%n",
                    pass, t.label(), perLookup, bytes / n, applyMillis);
            }
        }
        for (Table t : tables) {
            System.out.printf("median %-10s %.0f ns CPU per cold lookup, changed %,d-topic registration %.1f ms CPU%n", t.label(),
                median(lookupNanos.get(t.label())), t.perGroup(), median(registerMillis.get(t.label())));
        }
    }

    private static Table build(int groups, int perGroup) {
        RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false));
        for (int g = 0; g < groups; g++) {
            register(routes, g, perGroup, 8, 1);
        }
        List<String> topics = new ArrayList<>(routes.topicNamesView());
        return new Table(String.format("%,d", topics.size()), routes, topics, groups, perGroup);
    }

    /** Group {@code g} serves block g/4 of {@code perGroup} topics, with {@code queues} queues each. */
    private static void register(RouteInfoManager routes, int g, int perGroup, int queues, long counter) {
        Map<String, TopicConfig> table = new LinkedHashMap<>(perGroup * 2);
        for (int i = 0; i < perGroup; i++) {
            String topic = "ScaleTopic_" + (g / 4) + "_" + i;
            table.put(topic, new TopicConfig(topic, queues, queues, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of()));
        }
        String addr = "10." + (g / 250) + "." + (g % 250) + ".1:10911";
        routes.registerBroker(BrokerRegistration.builder("ScaleCluster", addr, "scale-broker-" + g, 0L)
            .haServerAddr(addr).heartbeatTimeoutMillis(30_000L).enableActingMaster(Boolean.FALSE)
            .topics(TopicConfigSerializeWrapper.of(new DataVersion(0L, 1_700_000_000_000L + counter, counter), table))
            .build());
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
