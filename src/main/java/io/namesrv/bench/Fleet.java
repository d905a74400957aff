package io.namesrv.bench;

import io.namesrv.protocol.DataVersion;
import io.namesrv.remoting.NamedThreadFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated brokers: {@code brokerNames} groups of a master and a slave, each serving
 * {@code topicsPerBroker} topics; every {@code brokersPerTopic} consecutive groups share the same
 * topics, so a route names that many groups. Registers them all, then heartbeats every one of
 * them (BROKER_HEARTBEAT) so none expires while the other phases run.
 *
 * <p>The target is left as it was found: {@link #close()} unregisters every broker the run
 * registered (UNREGISTER_BROKER), and so does a shutdown hook if the run is interrupted (Ctrl-C,
 * SIGTERM). Otherwise they would stay listed until they expire, two minutes later, and set off
 * the "expired brokers" alert operators are advised to have. Only a kill -9 leaves them behind.
 */
final class Fleet implements AutoCloseable {

    static final String CLUSTER = "BenchCluster";
    private static final int FIRST_PORT = 20_000;
    private static final long HEARTBEAT_PERIOD_SECONDS = 10;
    private static final long UNREGISTER_TIMEOUT_MILLIS = 3_000;

    private final List<BrokerSpec> brokers = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final Requests requests;
    /** Every broker registered on the target, the fleet and any added later, in registration order. */
    private final Set<BrokerSpec> registered = new LinkedHashSet<>();
    private boolean cleanedUp;
    private BenchClients clients;
    private Thread shutdownHook;
    private ScheduledExecutorService heartbeats;

    Fleet(int brokerNames, int topicsPerBroker, int brokersPerTopic, Requests requests) {
        this.requests = requests;
        int groups = (brokerNames + brokersPerTopic - 1) / brokersPerTopic;
        List<List<String>> topicsOfGroup = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<String> list = new ArrayList<>(topicsPerBroker);
            for (int t = 0; t < topicsPerBroker; t++) {
                list.add("BenchTopic_" + g + "_" + t);
            }
            topicsOfGroup.add(List.copyOf(list));
            topics.addAll(list);
        }
        for (int b = 0; b < brokerNames; b++) {
            String name = "BenchBroker_" + b;
            List<String> served = topicsOfGroup.get(b / brokersPerTopic);
            brokers.add(new BrokerSpec(CLUSTER, name, 0, "127.0.0.1:" + (FIRST_PORT + 4 * b), served));
            brokers.add(new BrokerSpec(CLUSTER, name, 1, "127.0.0.1:" + (FIRST_PORT + 4 * b + 2), served));
        }
    }

    List<String> topics() {
        return topics;
    }

    int processes() {
        return brokers.size();
    }

    /**
     * Registers every broker once, one after another, and times each registration; from here on
     * {@link #close()} (or the shutdown hook) unregisters them through the same clients.
     */
    PhaseResult register(BenchClients clients, ServerCpu cpu) {
        DataVersion version = DataVersion.fresh();
        willRegister(clients, brokers);
        // Each body is made just before it is sent and dropped after: holding the 2,000 bodies of the
        // 1,000,000-topic fleet at once took a 4 GiB heap, whose young generation then swept the
        // caches both servers run on (lookups 20 % slower at 256,000 topics with the bench at 4 GiB).
        // The connection is opened by an uncounted call (a cluster-info request) first: opening it, and
        // the first call of this process, took 120-130 ms, which was then counted as the first
        // registration's time (347 ms, against 68-74 ms for a first registration on an open connection).
        LoadPhase.callOnce(clients, 0, Requests.clusterInfo(), new LatencyRecorder());
        Iterator<BrokerSpec> next = brokers.iterator();
        return LoadPhase.sequential("fleet-register", clients, cpu, 0, brokers.size(),
            () -> requests.register(requests.registration(next.next(), version, false)));
    }

    /** Brokers outside the fleet (the big re-registering broker) that are to be unregistered too. */
    synchronized void willRegister(BenchClients through, List<BrokerSpec> more) {
        if (clients == null) {
            clients = through;
            shutdownHook = new Thread(this::unregisterAll, "BenchFleetCleanup");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        registered.addAll(more);
    }

    /** Starts heartbeating every broker on the given clients until {@link #close()}. */
    synchronized void startHeartbeats(BenchClients clients) {
        heartbeats = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("BenchHeartbeat_", true, 1));
        heartbeats.scheduleAtFixedRate(() -> {
            for (BrokerSpec b : brokers) {
                LoadPhase.callOnce(clients, 0, Requests.heartbeat(b), new LatencyRecorder());
            }
        }, HEARTBEAT_PERIOD_SECONDS, HEARTBEAT_PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        unregisterAll();
        Thread hook;
        synchronized (this) {
            hook = shutdownHook;
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running or has run, nothing to remove.
            }
        }
    }

    /**
     * Stops the heartbeats and unregisters every broker registered so far, once. Synchronized: a
     * shutdown hook arriving while {@link #close()} unregisters waits for it to finish, so the JVM
     * does not stop half-way.
     */
    private synchronized void unregisterAll() {
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        for (BrokerSpec b : registered) {
            try {
                clients.call(0, Requests.unregister(b), UNREGISTER_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // The target is gone or not answering: its brokers expire on their own.
                return;
            }
        }
    }
}
