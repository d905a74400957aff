package io.namesrv.namesrv.metrics;

import io.namesrv.namesrv.routeinfo.RouteTableSizes;
import java.util.List;

/**
 * The name server's state gauges, read once per scrape by whoever owns the parts (the
 * controller): table sizes, connections, executor queues, KV store, readiness.
 */
public record ServerSnapshot(RouteTableSizes routeTables, int connections, List<ExecutorState> executors,
                             int kvNamespaces, int kvEntries, boolean ready) {

    public ServerSnapshot {
        executors = List.copyOf(executors);
    }

    /** One business executor: its queue and threads. */
    public record ExecutorState(String name, int queueSize, int queueCapacity, long headWaitMillis, int activeThreads,
                                int poolSize) {
    }
}
