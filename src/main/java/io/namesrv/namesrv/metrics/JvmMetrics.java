package io.namesrv.namesrv.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;

/** The JVM basics every dashboard wants, read from the platform MXBeans at scrape time. */
final class JvmMetrics {

    private JvmMetrics() {
    }

    static void write(PrometheusTextWriter w) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        w.family("jvm_memory_used_bytes", PrometheusTextWriter.Type.GAUGE, "Used JVM memory.");
        w.sample("jvm_memory_used_bytes", heap.getUsed(), "area", "heap");
        w.sample("jvm_memory_used_bytes", nonHeap.getUsed(), "area", "nonheap");
        w.family("jvm_memory_committed_bytes", PrometheusTextWriter.Type.GAUGE, "Committed JVM memory.");
        w.sample("jvm_memory_committed_bytes", heap.getCommitted(), "area", "heap");
        w.sample("jvm_memory_committed_bytes", nonHeap.getCommitted(), "area", "nonheap");
        w.family("jvm_memory_max_bytes", PrometheusTextWriter.Type.GAUGE, "Maximum JVM memory (-1 when unbounded).");
        w.sample("jvm_memory_max_bytes", heap.getMax(), "area", "heap");
        w.sample("jvm_memory_max_bytes", nonHeap.getMax(), "area", "nonheap");

        w.family("jvm_threads_current", PrometheusTextWriter.Type.GAUGE, "Live JVM threads.");
        w.sample("jvm_threads_current", ManagementFactory.getThreadMXBean().getThreadCount());
        w.family("jvm_threads_peak", PrometheusTextWriter.Type.GAUGE, "Peak live JVM threads since start.");
        w.sample("jvm_threads_peak", ManagementFactory.getThreadMXBean().getPeakThreadCount());

        w.family("jvm_gc_collection_seconds", PrometheusTextWriter.Type.SUMMARY,
            "Garbage collections and the time they took, by collector.");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            w.sample("jvm_gc_collection_seconds_count", Math.max(0, gc.getCollectionCount()), "gc", gc.getName());
            w.sample("jvm_gc_collection_seconds_sum", Math.max(0, gc.getCollectionTime()) / 1000.0, "gc", gc.getName());
        }

        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        w.family("jvm_info", PrometheusTextWriter.Type.GAUGE, "The JVM: version, vendor and runtime name.");
        w.sample("jvm_info", 1, "version", runtime.getVmVersion(), "vendor", runtime.getVmVendor(),
            "runtime", System.getProperty("java.runtime.name", ""));
        w.family("process_start_time_seconds", PrometheusTextWriter.Type.GAUGE, "Process start, seconds since the epoch.");
        w.sample("process_start_time_seconds", runtime.getStartTime() / 1000.0);
        w.family("process_uptime_seconds", PrometheusTextWriter.Type.GAUGE, "Seconds since the JVM started.");
        w.sample("process_uptime_seconds", runtime.getUptime() / 1000.0);

        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            w.family("process_cpu_seconds_total", PrometheusTextWriter.Type.COUNTER, "CPU time used by the process.");
            w.sample("process_cpu_seconds_total", Math.max(0, sun.getProcessCpuTime()) / 1e9);
        }
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            w.family("process_open_fds", PrometheusTextWriter.Type.GAUGE, "Open file descriptors.");
            w.sample("process_open_fds", unix.getOpenFileDescriptorCount());
            w.family("process_max_fds", PrometheusTextWriter.Type.GAUGE, "Limit of open file descriptors.");
            w.sample("process_max_fds", unix.getMaxFileDescriptorCount());
        }
        w.family("system_load_average_1m", PrometheusTextWriter.Type.GAUGE, "System load average over 1 minute.");
        w.sample("system_load_average_1m", os.getSystemLoadAverage());
    }
}
