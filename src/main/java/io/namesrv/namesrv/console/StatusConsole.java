package io.namesrv.namesrv.console;

import io.namesrv.common.LoggerNames;
import io.namesrv.namesrv.metrics.RequestMetrics;
import io.namesrv.namesrv.routeinfo.RouteEventListener;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.remoting.NamedThreadFactory;
import io.namesrv.remoting.protocol.RequestCode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status console's state and its one thread ({@code NamesrvConsole}): every
 * {@code sampleSeconds} it adds a sample to the {@link MetricsHistory}, re-reads broker names for
 * the {@link BrokerEventLog}, and lets an idle {@link TopicIndex} go; it also runs large topic
 * index rebuilds. Memory is bounded by its parts: history under 200 KB, events under 150 KB, the
 * topic index 4 bytes a topic while in use.
 */
public final class StatusConsole {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);

    /** What the console cannot find out for itself. */
    public record Facts(int sampleSeconds, long startedAtMillis, String speaks, Supplier<String> remotingAddress,
                        Supplier<String> httpAddress) {
    }

    private final Facts facts;
    private final RouteInfoManager routes;
    private final RequestMetrics requests;
    private final LongSupplier clock;
    private final String version = ProductVersion.read();
    private final long pid = ProcessHandle.current().pid();
    private final MetricsHistory history;
    private final BrokerEventLog events;
    private final TopicIndex topics;
    private final List<StatusContributor> contributors = new CopyOnWriteArrayList<>();
    private final Set<StatusContributor> failedContributors = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean learnQueued = new AtomicBoolean();
    private final ScheduledExecutorService executor;
    private volatile String host;

    public StatusConsole(Facts facts, RouteInfoManager routes, RequestMetrics requests, LongSupplier clock) {
        this.facts = facts;
        this.routes = routes;
        this.requests = requests;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("NamesrvConsole", true, 1));
        this.history = new MetricsHistory(facts.sampleSeconds());
        this.events = new BrokerEventLog(clock, this::learnSoon);
        this.topics = new TopicIndex(routes::topicNames, routes::topicSetVersion, () -> routes.tableSizes().topics(),
            this::runInBackground, clock);
    }

    /** The listener to hand to the route table (with the metrics' one). */
    public RouteEventListener routeEvents() {
        return events;
    }

    /** Starts sampling; the first sample is the baseline, the first point comes one interval later. */
    public void start() {
        executor.execute(this::resolveHost);
        executor.scheduleAtFixedRate(this::sample, 0, facts.sampleSeconds(), TimeUnit.SECONDS);
    }

    public void shutdown() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds a section to the page (see {@link StatusContributor}). */
    public void addContributor(StatusContributor contributor) {
        contributors.add(contributor);
    }

    /** The contributed sections to show now; a contributor that fails is logged and left out. */
    public List<StatusSection> sections() {
        List<StatusSection> out = new ArrayList<>();
        for (StatusContributor c : contributors) {
            try {
                StatusSection s = c.section();
                if (s != null) {
                    out.add(s);
                }
            } catch (RuntimeException e) {
                // The page asks every few seconds: the stack trace once, then one line.
                if (failedContributors.add(c)) {
                    LOG.warn("status section of {} failed", c, e);
                } else {
                    LOG.debug("status section of {} failed again: {}", c, e.toString());
                }
            }
        }
        return out;
    }

    public ServerIdentity identity() {
        long now = clock.getAsLong();
        return new ServerIdentity(host, pid, version, facts.speaks(), facts.remotingAddress().get(),
            facts.httpAddress().get(), facts.startedAtMillis(), now - facts.startedAtMillis(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    public MetricsHistory history() {
        return history;
    }

    public BrokerEventLog events() {
        return events;
    }

    public TopicIndex topics() {
        return topics;
    }

    private void sample() {
        try {
            long now = clock.getAsLong();
            history.record(now, requests.totals(RequestCode.GET_ROUTEINFO_BY_TOPIC), routes.tableSizes());
            learn();
            topics.releaseIfIdle(now);
        } catch (RuntimeException e) {
            // A failed sample must not end the schedule (an exception would cancel it).
            LOG.warn("status console sample failed", e);
        }
    }

    private void learn() {
        learnQueued.set(false);
        events.learn(routes.getAllClusterInfo(), routes.liveBrokers());
    }

    /** A broker the log cannot name yet registered: read the table once, soon, on this thread. */
    private void learnSoon() {
        if (learnQueued.compareAndSet(false, true)) {
            runInBackground(() -> {
                try {
                    learn();
                } catch (RuntimeException e) {
                    LOG.warn("status console could not read broker names", e);
                }
            });
        }
    }

    private void runInBackground(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("status console stopped, task dropped");
        }
    }

    /** The host name may take a DNS lookup: done once, on this thread, never on a request's. */
    private void resolveHost() {
        try {
            InetAddress local = InetAddress.getLocalHost();
            host = local.getHostName() + " (" + local.getHostAddress() + ")";
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown host");
        }
    }
}
