package io.namesrv.namesrv.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The limits the name server keeps to (as gauges, so an alert can compare a table's size with
 * its limit) and the registrations each one refused (told the limit's key by the processor).
 */
public final class LimitMetrics implements Consumer<String> {

    private final Map<String, Long> limits;
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

    /** {@code limits}: every limit's key and value, in the order to show them. */
    LimitMetrics(Map<String, Long> limits) {
        this.limits = new LinkedHashMap<>(limits);
        limits.keySet().forEach(key -> refused.put(key, new LongAdder()));
    }

    /** A registration refused by the limit named {@code limit}. */
    @Override
    public void accept(String limit) {
        refused.computeIfAbsent(limit, k -> new LongAdder()).increment();
    }

    public long refused(String limit) {
        LongAdder count = refused.get(limit);
        return count == null ? 0 : count.sum();
    }

    void write(PrometheusTextWriter w) {
        w.family("namesrv_limit", PrometheusTextWriter.Type.GAUGE,
            "A limit in force, by its configuration key (maxTopicQueueEntries as derived from the heap when not set).");
        limits.forEach((key, value) -> w.sample("namesrv_limit", value, "limit", key));
        w.family("namesrv_registrations_refused_total", PrometheusTextWriter.Type.COUNTER,
            "Broker and topic registrations refused because they would pass a limit; nothing of them was applied.");
        new java.util.TreeMap<>(refused).forEach((key, count) -> w.sample("namesrv_registrations_refused_total",
            count.sum(), "limit", key));
    }
}
