package io.namesrv.namesrv.lifecycle;

import io.namesrv.common.LoggerNames;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heap pressure, read where it means something: the old generation as the last collection left
 * it. Live data that fills it up to {@link #ALARM_FRACTION} is a server about to run out of heap
 * (or crawling from one full collection to the next, which no OutOfMemoryError ever reports), so
 * {@link Health} goes DOWN until a collection frees it below {@link #CLEAR_FRACTION}. Serial,
 * Parallel and G1 name that pool "Tenured Gen", "PS Old Gen" and "G1 Old Gen".
 */
final class HeapWatch {

    static final double ALARM_FRACTION = 0.90;
    static final double CLEAR_FRACTION = 0.85;
    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);
    private static final long MIB = 1024 * 1024;

    private final Health health;
    private final List<MemoryPoolMXBean> oldGenerations;
    private boolean alarmed;

    HeapWatch(Health health) {
        this(health, ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
            .filter(p -> p.getName().contains("Old Gen") || p.getName().contains("Tenured"))
            .toList());
    }

    HeapWatch(Health health, List<MemoryPoolMXBean> oldGenerations) {
        this.health = health;
        this.oldGenerations = oldGenerations;
    }

    /** Reads the pools once; run periodically on one thread. */
    void check() {
        for (MemoryPoolMXBean pool : oldGenerations) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            long max = pool.getUsage().getMax();
            if (afterGc == null || max <= 0) {
                continue;
            }
            double fraction = (double) afterGc.getUsed() / max;
            if (!alarmed && fraction >= ALARM_FRACTION) {
                alarmed = true;
                String reason = "heap nearly exhausted: " + afterGc.getUsed() / MIB + " MiB of " + max / MIB + " MiB of "
                    + pool.getName() + " still in use after a collection";
                health.heapPressure(reason);
                LOG.error("{}; /health answers DOWN until a collection frees it below {}%", reason,
                    Math.round(CLEAR_FRACTION * 100));
            } else if (alarmed && fraction < CLEAR_FRACTION) {
                alarmed = false;
                health.heapPressure(null);
                LOG.warn("heap pressure over: {} MiB of {} MiB of {} in use after a collection; /health answers UP again",
                    afterGc.getUsed() / MIB, max / MIB, pool.getName());
            }
        }
    }
}
