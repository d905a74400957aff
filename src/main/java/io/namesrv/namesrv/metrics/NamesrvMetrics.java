package io.namesrv.namesrv.metrics;

import io.namesrv.controller.ControllerStatus;
import io.namesrv.namesrv.logging.NonBlockingAsyncAppender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every metric of the name server, rendered in Prometheus' text format on each scrape: request
 * and broker-event counters (fed by the dispatcher and the route table as things happen) and
 * gauges read from a {@link ServerSnapshot} taken at scrape time.
 */
public final class NamesrvMetrics {

    private final RequestMetrics requests = new RequestMetrics();
    private final BrokerEventMetrics brokerEvents = new BrokerEventMetrics();
    private final MinBrokerIdNotifyMetrics minBrokerIdNotifications = new MinBrokerIdNotifyMetrics();
    private final Supplier<ServerSnapshot> snapshots;
    private final List<MetricsSource> sources = new CopyOnWriteArrayList<>();
    private final LimitMetrics limits;
    /** Null unless the embedded controller runs (enableControllerInNamesrv). */
    private volatile Supplier<ControllerStatus> controllerStatus;

    public NamesrvMetrics(Supplier<ServerSnapshot> snapshots) {
        this(snapshots, Map.of());
    }

    /** {@code limits}: every limit in force, by configuration key. */
    public NamesrvMetrics(Supplier<ServerSnapshot> snapshots, Map<String, Long> limits) {
        this.snapshots = snapshots;
        this.limits = new LimitMetrics(limits);
    }

    /** What the registration processor tells about every registration a limit refused. */
    public LimitMetrics refusals() {
        return limits;
    }

    /** The listener to hand to the remoting server. */
    public RequestMetrics requests() {
        return requests;
    }

    /** The listener to hand to the route table. */
    public BrokerEventMetrics brokerEvents() {
        return brokerEvents;
    }

    /** Adds the metrics of another part of the server to every scrape. */
    public void addSource(MetricsSource source) {
        sources.add(source);
    }

    /** The outcomes listener to hand to the NOTIFY_MIN_BROKER_ID_CHANGE notifier. */
    public MinBrokerIdNotifyMetrics minBrokerIdNotifications() {
        return minBrokerIdNotifications;
    }

    /** From now on /metrics (and /controller) also show the embedded controller. */
    public void setControllerStatus(Supplier<ControllerStatus> status) {
        this.controllerStatus = status;
    }

    /** The embedded controller's status, or null when it does not run. */
    public ControllerStatus controllerStatus() {
        Supplier<ControllerStatus> status = controllerStatus;
        return status == null ? null : status.get();
    }

    /** The whole exposition, as served at /metrics. */
    public String scrape() {
        ServerSnapshot s = snapshots.get();
        PrometheusTextWriter w = new PrometheusTextWriter();
        w.family("namesrv_up", PrometheusTextWriter.Type.GAUGE, "1 while the name server process answers scrapes.");
        w.sample("namesrv_up", 1);
        w.family("namesrv_ready", PrometheusTextWriter.Type.GAUGE, "1 when /ready answers 200.");
        w.sample("namesrv_ready", s.ready() ? 1 : 0);
        requests.write(w);
        brokerEvents.write(w);
        minBrokerIdNotifications.write(w);
        w.family("namesrv_live_brokers", PrometheusTextWriter.Type.GAUGE, "Broker processes in the live table.");
        w.sample("namesrv_live_brokers", s.routeTables().liveBrokers());
        w.family("namesrv_broker_groups", PrometheusTextWriter.Type.GAUGE, "Broker names (master/slave groups).");
        w.sample("namesrv_broker_groups", s.routeTables().brokerGroups());
        w.family("namesrv_clusters", PrometheusTextWriter.Type.GAUGE, "Clusters with at least one broker group.");
        w.sample("namesrv_clusters", s.routeTables().clusters());
        w.family("namesrv_topics", PrometheusTextWriter.Type.GAUGE, "Topics with route data.");
        w.sample("namesrv_topics", s.routeTables().topics());
        w.family("namesrv_topic_queue_entries", PrometheusTextWriter.Type.GAUGE,
            "Topic-queue entries: one per topic per broker group serving it (what maxTopicQueueEntries bounds).");
        w.sample("namesrv_topic_queue_entries", s.routeTables().topicQueueEntries());
        limits.write(w);
        w.family("namesrv_connections", PrometheusTextWriter.Type.GAUGE, "Open client connections on the remoting port.");
        w.sample("namesrv_connections", s.connections());
        writeExecutors(w, s);
        w.family("namesrv_kv_namespaces", PrometheusTextWriter.Type.GAUGE, "Namespaces in the KV store.");
        w.sample("namesrv_kv_namespaces", s.kvNamespaces());
        w.family("namesrv_kv_entries", PrometheusTextWriter.Type.GAUGE, "Entries in the KV store, all namespaces.");
        w.sample("namesrv_kv_entries", s.kvEntries());
        w.family("namesrv_log_events_dropped_total", PrometheusTextWriter.Type.COUNTER,
            "Log events dropped because a log queue was full (logging never makes a thread wait).");
        w.sample("namesrv_log_events_dropped_total", NonBlockingAsyncAppender.droppedEventsInAll());
        ControllerStatus controller = controllerStatus();
        if (controller != null) {
            ControllerMetrics.write(w, controller);
        }
        sources.forEach(source -> source.write(w));
        JvmMetrics.write(w);
        return w.text();
    }

    private static void writeExecutors(PrometheusTextWriter w, ServerSnapshot s) {
        w.family("namesrv_executor_queue_size", PrometheusTextWriter.Type.GAUGE,
            "Requests waiting in a business executor's queue.");
        s.executors().forEach(e -> w.sample("namesrv_executor_queue_size", e.queueSize(), "executor", e.name()));
        w.family("namesrv_executor_queue_capacity", PrometheusTextWriter.Type.GAUGE,
            "Queue capacity; a full queue answers SYSTEM_BUSY.");
        s.executors().forEach(e -> w.sample("namesrv_executor_queue_capacity", e.queueCapacity(), "executor", e.name()));
        w.family("namesrv_executor_queue_head_wait_seconds", PrometheusTextWriter.Type.GAUGE,
            "How long the oldest queued request has waited.");
        s.executors().forEach(e -> w.sample("namesrv_executor_queue_head_wait_seconds", e.headWaitMillis() / 1000.0,
            "executor", e.name()));
        w.family("namesrv_executor_active_threads", PrometheusTextWriter.Type.GAUGE, "Threads running a request.");
        s.executors().forEach(e -> w.sample("namesrv_executor_active_threads", e.activeThreads(), "executor", e.name()));
        w.family("namesrv_executor_pool_threads", PrometheusTextWriter.Type.GAUGE, "Threads in the executor.");
        s.executors().forEach(e -> w.sample("namesrv_executor_pool_threads", e.poolSize(), "executor", e.name()));
    }
}
