package io.namesrv.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Plain-text tables: one per server, and the ours/Apache ratios of a side-by-side run. */
final class Report {

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void phases(String title, List<PhaseResult> phases) {
        out.println();
        out.println(title);
        out.printf(Locale.ROOT, "  %-24s %10s %10s %10s %10s %10s %10s %8s %12s%n", "phase", "ops", "ops/s", "p50 ms",
            "p99 ms", "p99.9 ms", "max ms", "errors", "srv cpu us/op");
        for (PhaseResult p : phases) {
            out.printf(Locale.ROOT, "  %-24s %10d %10.0f %10.3f %10.3f %10.3f %10.3f %8d %12.1f%n", p.phase(), p.ops(),
                p.opsPerSecond(), p.p50Millis(), p.p99Millis(), p.p999Millis(), p.maxMillis(), p.errors(),
                p.serverCpuMicrosPerOp());
        }
    }

    void memory(String label, BenchRun.Result result, Long startMillis) {
        ServerProbe.Memory memory = result.memoryAfterFleet();
        if (memory != null) {
            out.printf(Locale.ROOT, "  %s after registering the fleet: RSS %.1f MiB, heap after GC %.1f MiB%n", label,
                memory.rssMiB(), memory.heapAfterGcMiB());
            out.printf(Locale.ROOT, "  %s heap per topic-queue entry: %.0f bytes (%.1f MiB more after GC for %d entries,"
                    + " %d topics)%n", label, result.heapBytesPerTopicQueueEntry(),
                memory.heapAfterGcMiB() - result.heapBeforeFleetMiB(), result.topicQueueEntries(), result.topics());
            out.printf(Locale.ROOT, "  %s heap per topic route: %.0f bytes%n", label, result.heapBytesPerTopicRoute());
        }
        ServerProbe.Memory atEnd = result.memoryAtEnd();
        if (atEnd != null) {
            out.printf(Locale.ROOT, "  %s at the end (after route, registration and list phases): RSS %.1f MiB,"
                + " heap after GC %.1f MiB%n", label, atEnd.rssMiB(), atEnd.heapAfterGcMiB());
        }
        if (startMillis != null) {
            out.printf(Locale.ROOT, "  %s start-to-listening: %d ms%n", label, startMillis);
        }
    }

    void ratioHeader(String title) {
        out.println();
        out.println(title);
        out.printf(Locale.ROOT, "  %-40s %12s %12s %8s %10s%n", "figure", "ours", "apache", "ratio", "target");
    }

    void ratio(String figure, double ours, double apache, String target) {
        out.printf(Locale.ROOT, "  %-40s %12.3f %12.3f %8.2f %10s%n", figure, ours, apache, ours / apache, target);
    }

    void line(String text) {
        out.println(text);
    }
}
