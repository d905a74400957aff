package io.namesrv.namesrv.peers;

import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A manual measurement, not a test: what the route snapshot costs at scale. Builds a table of
 * {@code groups} broker groups with {@code topicsPerGroup} topics each, every topic on
 * {@code groupsPerTopic} groups, through registrations; writes its snapshot with the server's own
 * writer; drops the table; restores the snapshot into an empty one. Printed per step: the time,
 * the CPU time of the thread doing it (steadier than wall time on a shared machine; GC threads not
 * counted), the heap in use after a GC, and the highest heap in use seen during the step (sampled
 * every 5 ms, garbage not yet collected included, so an upper bound). Run (after
 * {@code mvn -o test-compile}):
 * <pre>
 * java -Xmx3g -Dlogback.configurationFile=src/test/resources/logback-test.xml \
 *   -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *   io.namesrv.namesrv.peers.RouteSnapshotScaleTiming 256 15625 4
 * </pre>
 * (256 groups x 15,625 topics, four groups a topic: 1,000,000 topics, 4,000,000 topic-queue entries.)
 */
public final class RouteSnapshotScaleTiming {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RouteSnapshotScaleTiming() {
    }

    public static void main(String[] args) throws Exception {
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int topicsPerGroup = args.length > 1 ? Integer.parseInt(args[1]) : 4_000;
        int groupsPerTopic = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path dir = Files.createTempDirectory("snapshot-scale");
        Path file = dir.resolve("routeSnapshot.json");
        long empty = usedAfterGc();

        RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false));
        long start = System.nanoTime();
        RouteSnapshotScaleTest.fill(routes, groups, topicsPerGroup, groupsPerTopic);
        long filled = usedAfterGc();
        System.out.printf("table: %,d topics, %,d topic-queue entries in %d groups; built in %d ms; heap %d MB%n",
            routes.tableSizes().topics(), routes.tableSizes().topicQueueEntries(), groups, millisSince(start),
            mb(filled - empty));

        SnapshotWriter writer = new SnapshotWriter(new RouteSnapshotStore(file), routes, System::currentTimeMillis);
        for (int round = 1; round <= 3; round++) {
            long[] peak = new long[1];
            start = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            boolean written = sampled(peak, writer::write);
            long took = millisSince(start);
            System.out.printf("write %d: %s, %,d bytes in %d ms (%d ms CPU); peak heap %d MB above the table%n", round,
                written ? "ok" : "FAILED " + writer.state().lastError(), Files.size(file), took,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000, mb(peak[0] - filled));
        }
        start = System.nanoTime();
        writer.writeIfChanged();
        System.out.printf("unchanged table: writeIfChanged in %d ms, writes still %d%n", millisSince(start),
            writer.state().writes());

        routes = null;
        writer = null;
        long dropped = usedAfterGc();
        for (int round = 1; round <= 3; round++) {
            RouteInfoManager restored = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false));
            long[] peak = new long[1];
            RestoreReport[] report = new RestoreReport[1];
            start = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            sampled(peak, () -> {
                report[0] = SnapshotRestore.restore(new RouteSnapshotStore(file), restored, System.currentTimeMillis());
                return true;
            });
            long took = millisSince(start);
            cpu = THREADS.getCurrentThreadCpuTime() - cpu;
            long after = usedAfterGc();
            System.out.printf("restore %d: %s %d brokers, %,d topics in %d ms (%d ms CPU); table %d MB, peak heap %d MB"
                + " above the table restored%n", round, report[0].source(), report[0].brokers(),
                restored.tableSizes().topics(), took, cpu / 1_000_000, mb(after - dropped), mb(peak[0] - after));
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".bak"));
        Files.deleteIfExists(dir);
    }

    /** Runs {@code step} while a named thread samples the heap in use; the highest seen goes to {@code peak[0]}. */
    private static boolean sampled(long[] peak, java.util.function.BooleanSupplier step) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong max = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                max.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.start();
        try {
            return step.getAsBoolean();
        } finally {
            done.set(true);
            sampler.join();
            peak[0] = Math.max(max.get(), MEMORY.getHeapMemoryUsage().getUsed());
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
