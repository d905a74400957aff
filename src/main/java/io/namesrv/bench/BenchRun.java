package io.namesrv.bench;

import io.namesrv.protocol.DataVersion;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every phase against one name server address: (a) register the fleet and keep it heartbeating,
 * (b) route lookups from C callers over K connections, (c) re-registration of a big broker,
 * plain and compressed, each a change, and plain unchanged (the 30 s heartbeat of every broker),
 * (d) cluster info and the all-topic list; memory after the fleet registered and at the end when
 * the server's pid is known. With {@code --storm}, (b) again under a registration storm; with
 * {@code --churn}, (b) runs while a broker re-registers changed topics every second.
 */
final class BenchRun {

    static final String ROUTE = "route-lookup";
    static final String ROUTE_UNDER_STORM = "route-lookup-under-storm";
    static final String REGISTER_PLAIN = "register-big-plain";
    static final String REGISTER_COMPRESSED = "register-big-compressed";
    static final String REGISTER_UNCHANGED = "register-big-unchanged";
    static final String CLUSTER_INFO = "cluster-info";
    static final String TOPIC_LIST = "all-topic-list";
    static final String ECHO = "echo-ceiling";

    private static final int REGISTER_WARMUP = 5;
    private static final long MEMORY_SETTLE_MILLIS = 3_000;

    private final BenchOptions options;
    private final PrintStream log;

    BenchRun(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /**
     * What one run measured. {@code heapBeforeFleetMiB}: heap after GC before the fleet
     * registered (NaN without a pid); {@code topicQueueEntries}: (topic, broker name) pairs the
     * fleet registers, the unit the route table's memory and its {@code maxTopicQueueEntries}
     * limit count.
     */
    record Result(List<PhaseResult> phases, double heapBeforeFleetMiB, ServerProbe.Memory memoryAfterFleet,
                  ServerProbe.Memory memoryAtEnd, long topicQueueEntries, int topics, byte[] sampleRoute) {

        /** Heap after GC the fleet's registration added, per distinct topic route; NaN when not measured. */
        double heapBytesPerTopicRoute() {
            return memoryAfterFleet == null || topics == 0 ? Double.NaN
                : (memoryAfterFleet.heapAfterGcMiB() - heapBeforeFleetMiB) * 1024 * 1024 / topics;
        }

        /** Heap after GC the fleet's registration added, per topic-queue entry; NaN when not measured. */
        double heapBytesPerTopicQueueEntry() {
            return memoryAfterFleet == null ? Double.NaN
                : (memoryAfterFleet.heapAfterGcMiB() - heapBeforeFleetMiB) * 1024 * 1024 / topicQueueEntries;
        }

        PhaseResult phase(String name) {
            return phases.stream().filter(p -> p.phase().equals(name)).findFirst().orElse(null);
        }
    }

    Result run(String addr, Long pid) throws InterruptedException {
        Requests requests = new Requests(options.queues());
        ServerCpu cpu = ServerCpu.of(pid);
        List<PhaseResult> phases = new ArrayList<>();
        try (BenchClients brokerSide = new BenchClients(addr, 1, 1);
             BenchClients clientSide = new BenchClients(addr, options.connections(), options.clientThreads());
             Fleet fleet = new Fleet(options.brokers(), options.topicsPerBroker(), options.brokersPerTopic(), requests)) {
            double heapBefore = pid == null ? Double.NaN : ServerProbe.heapAfterGcMiB(pid);
            log.printf("  [%s] registering %d broker processes x %d topics%n", addr, fleet.processes(),
                options.topicsPerBroker());
            phases.add(fleet.register(brokerSide, cpu));
            fleet.startHeartbeats(brokerSide);
            ServerProbe.Memory memory = null;
            if (pid != null) {
                // The steady state the fleet costs, not the JIT's scratch memory of the last
                // second's compiles: both servers get the same pause before the reading.
                Thread.sleep(MEMORY_SETTLE_MILLIS);
                memory = ServerProbe.measure(pid);
            }

            List<String> topics = fleet.topics();
            byte[] sample = sampleRoute(clientSide, topics.get(0));
            log.printf("  [%s] route lookups: %d callers, %d connections, %.0f s%n", addr, options.callers(),
                options.connections(), options.seconds());
            if (options.churn()) {
                try (Churn churn = new Churn(brokerSide, fleet, requests).start()) {
                    phases.add(routeLookups(ROUTE, clientSide, cpu, topics));
                    churn.close();
                    log.printf("  [%s] %s%n", addr, churn);
                }
            } else {
                phases.add(routeLookups(ROUTE, clientSide, cpu, topics));
            }
            if (options.storm()) {
                phases.add(routeLookupsUnderStorm(addr, fleet, requests, clientSide, cpu, topics));
            }

            log.printf("  [%s] re-registering a %d-topic broker%n", addr, options.bigTopics());
            phases.add(bigRegistration(fleet, brokerSide, cpu, requests, false));
            phases.add(bigRegistration(fleet, brokerSide, cpu, requests, true));
            phases.add(unchangedRegistration(fleet, brokerSide, cpu, requests));

            log.printf("  [%s] cluster info and all-topic list%n", addr);
            phases.add(LoadPhase.run(CLUSTER_INFO, clientSide, cpu, options.listCallers(), 1, options.listSeconds(),
                i -> Requests::clusterInfo));
            phases.add(LoadPhase.run(TOPIC_LIST, clientSide, cpu, options.listCallers(), 1, options.listSeconds(),
                i -> Requests::allTopicList));
            ServerProbe.Memory atEnd = null;
            if (pid != null) {
                Thread.sleep(MEMORY_SETTLE_MILLIS);
                atEnd = ServerProbe.measure(pid);
            }
            return new Result(phases, heapBefore, memory, atEnd, (long) options.brokers() * options.topicsPerBroker(),
                topics.size(), sample);
        }
    }

    /** Route lookups on topics of the fleet, picked as {@code --access} says. */
    PhaseResult routeLookups(String name, BenchClients clients, ServerCpu cpu, List<String> topics)
        throws InterruptedException {
        List<String> shuffled = new ArrayList<>(topics);
        Collections.shuffle(shuffled, new Random(42));
        AtomicLong next = new AtomicLong();
        int hot = Math.min(options.hotTopics(), shuffled.size());
        return LoadPhase.run(name, clients, cpu, options.callers(), options.warmupSeconds(), options.seconds(), caller -> {
            SplittableRandom random = new SplittableRandom(caller * 7919L + 17);
            return switch (options.access()) {
                case RANDOM -> () -> Requests.route(topics.get(random.nextInt(topics.size())));
                // One sequence shared by every caller: each topic once before any topic twice.
                case COLD -> () -> Requests.route(shuffled.get((int) (next.getAndIncrement() % shuffled.size())));
                case HOT -> () -> Requests.route(shuffled.get(random.nextInt(hot)));
            };
        });
    }

    /**
     * Route lookups as above while a {@link Storm} of registrations keeps the default executor full:
     * compared with the plain phase it shows what the storm costs lookups (they have their own
     * executor, so the answer should be: little).
     */
    private PhaseResult routeLookupsUnderStorm(String addr, Fleet fleet, Requests requests, BenchClients clientSide,
                                               ServerCpu cpu, List<String> topics) throws InterruptedException {
        log.printf("  [%s] route lookups under a registration storm (%d brokers x %d topics re-registering)%n", addr,
            Storm.BROKERS, Storm.TOPICS);
        try (BenchClients stormSide = new BenchClients(addr, 2, 1);
             Storm storm = new Storm(stormSide, fleet, requests).start()) {
            PhaseResult phase = routeLookups(ROUTE_UNDER_STORM, clientSide, cpu, topics);
            log.printf("  [%s] %s%n", addr, storm);
            return phase;
        }
    }

    /** The route body the server gives for one topic, for the echo ceiling to answer with. */
    private static byte[] sampleRoute(BenchClients clients, String topic) throws InterruptedException {
        try {
            RemotingCommand response = clients.call(0, Requests.route(topic), 10_000);
            if (response.getCode() != ResponseCode.SUCCESS || response.getBody() == null) {
                throw new IllegalStateException("route of " + topic + " not found after registration: code "
                    + response.getCode() + " " + response.getRemark());
            }
            return response.getBody();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("route lookup failed: " + e, e);
        }
    }

    /** A broker with {@code bigTopics} topics registering again and again, each time as a new data version. */
    private PhaseResult bigRegistration(Fleet fleet, BenchClients clients, ServerCpu cpu, Requests requests,
                                        boolean compressed) {
        List<String> topics = new ArrayList<>(options.bigTopics());
        for (int i = 0; i < options.bigTopics(); i++) {
            topics.add("BenchBigTopic_" + i);
        }
        BrokerSpec big = new BrokerSpec(Fleet.CLUSTER, "BenchBigBroker", 0, "127.0.0.1:19000", List.copyOf(topics));
        fleet.willRegister(clients, List.of(big));
        // Two bodies with different data versions, sent in turn: every call is a change to apply.
        DataVersion v1 = DataVersion.fresh();
        Requests.Registration[] bodies = {
            requests.registration(big, v1, compressed), requests.registration(big, v1.next(), compressed)};
        int[] next = {0};
        return LoadPhase.sequential(compressed ? REGISTER_COMPRESSED : REGISTER_PLAIN, clients, cpu, REGISTER_WARMUP,
            options.registrations(), () -> requests.register(bodies[next[0]++ % 2]));
    }

    /**
     * The same broker sending the same body under the same data version again and again: what every
     * broker sends every 30 s, and what a name server can recognise without decoding the topics.
     */
    private PhaseResult unchangedRegistration(Fleet fleet, BenchClients clients, ServerCpu cpu, Requests requests) {
        List<String> topics = new ArrayList<>(options.bigTopics());
        for (int i = 0; i < options.bigTopics(); i++) {
            topics.add("BenchSteadyTopic_" + i);
        }
        BrokerSpec steady = new BrokerSpec(Fleet.CLUSTER, "BenchSteadyBroker", 0, "127.0.0.1:19001", List.copyOf(topics));
        fleet.willRegister(clients, List.of(steady));
        Requests.Registration body = requests.registration(steady, DataVersion.fresh(), false);
        return LoadPhase.sequential(REGISTER_UNCHANGED, clients, cpu, REGISTER_WARMUP, options.registrations(),
            () -> requests.register(body));
    }

    /** Route lookups against a bare Netty server answering with {@code body}: the ceiling. */
    PhaseResult echoCeiling(byte[] body, List<String> topics) throws InterruptedException {
        try (EchoServer echo = new EchoServer(body);
             BenchClients clients = new BenchClients(echo.address(), options.connections(), options.clientThreads())) {
            log.printf("  [echo %s] route-shaped calls: %d callers, %d connections, %.0f s%n", echo.address(),
                options.callers(), options.connections(), options.seconds());
            return routeLookups(ECHO, clients, ServerCpu.NONE, topics);
        }
    }

    /** The topic names of the configured fleet, without registering anything. */
    List<String> fleetTopics() {
        return new Fleet(options.brokers(), options.topicsPerBroker(), options.brokersPerTopic(),
            new Requests(options.queues())).topics();
    }
}
