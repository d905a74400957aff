package io.namesrv.bench;

import io.namesrv.protocol.DataVersion;
import io.namesrv.remoting.NamedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated brokers: {@code brokerNames} groups of a master and a slave, each serving
 * {@code topicsPerBroker} topics; every {@code brokersPerTopic} consecutive groups share the same
 * topics, so a route names that many groups. Registers them all, then heartbeats every one of
 * them (BROKER_HEARTBEAT) so none expires while the other phases run.
 */
final class Fleet implements AutoCloseable {

    static final String CLUSTER = "BenchCluster";
    private static final int FIRST_PORT = 20_000;
    private static final long HEARTBEAT_PERIOD_SECONDS = 10;

    private final List<BrokerSpec> brokers = new ArrayList<>();
    private final List<String> topics = new ArrayList<>();
    private final Requests requests;
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

    /** Registers every broker once, one after another, and times each registration. */
    PhaseResult register(BenchClients clients, ServerCpu cpu) {
        List<Requests.Registration> bodies = new ArrayList<>(brokers.size());
        DataVersion version = DataVersion.fresh();
        for (BrokerSpec b : brokers) {
            bodies.add(requests.registration(b, version, false));
        }
        int[] next = {0};
        return LoadPhase.sequential("fleet-register", clients, cpu, 0, bodies.size(),
            () -> requests.register(bodies.get(next[0]++)));
    }

    /** Starts heartbeating every broker on the given clients until {@link #close()}. */
    void startHeartbeats(BenchClients clients) {
        heartbeats = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("BenchHeartbeat_", true, 1));
        heartbeats.scheduleAtFixedRate(() -> {
            for (BrokerSpec b : brokers) {
                LoadPhase.callOnce(clients, 0, Requests.heartbeat(b), new LatencyRecorder());
            }
        }, HEARTBEAT_PERIOD_SECONDS, HEARTBEAT_PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
    }
}
