package io.namesrv.bench;

import io.namesrv.protocol.DataVersion;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Churn during route lookups: every second a broker of its own ({@value #TOPICS} topics, none of
 * them the fleet's) re-registers with a new data version and a changed topic set (one topic leaves,
 * one joins), as a cluster with brokers creating and deleting topics does. The lookups measured
 * meanwhile ask only about the fleet's topics, so the phase shows whether a change of some topics
 * slows the lookups of unrelated ones. The broker is unregistered with the fleet.
 */
final class Churn implements AutoCloseable {

    static final int TOPICS = 1_000;
    private static final long TIMEOUT_MILLIS = 10_000;

    private final BenchClients clients;
    private final Requests requests;
    private final ScheduledExecutorService timer;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private DataVersion version = DataVersion.fresh();
    private int shift;

    Churn(BenchClients clients, Fleet fleet, Requests requests) {
        this.clients = clients;
        this.requests = requests;
        fleet.willRegister(clients, List.of(broker(0)));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "mqbench-churn"));
    }

    private static BrokerSpec broker(int shift) {
        List<String> topics = new ArrayList<>(TOPICS);
        for (int t = 0; t < TOPICS; t++) {
            topics.add("BenchChurnTopic_" + (shift + t));
        }
        return new BrokerSpec(Fleet.CLUSTER, "BenchChurnBroker", 0, "127.0.0.1:19200", List.copyOf(topics));
    }

    Churn start() {
        timer.scheduleAtFixedRate(this::registerChanged, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    /** On the timer thread only. */
    private void registerChanged() {
        RemotingCommand call = requests.register(requests.registration(broker(shift++), version, false));
        version = version.next();
        long start = System.nanoTime();
        try {
            RemotingCommand response = clients.call(0, call, TIMEOUT_MILLIS);
            if (response.getCode() == ResponseCode.SUCCESS) {
                latencies.record(System.nanoTime() - start);
            } else {
                latencies.error();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            latencies.error();
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** After {@link #close}: how the changed registrations fared. */
    @Override
    public String toString() {
        LatencyRecorder.Merged merged = LatencyRecorder.merge(List.of(latencies));
        return String.format(Locale.ROOT, "churn: %d changed registrations of %d topics applied (p50 %.1f ms,"
            + " max %.1f ms), %d failed", merged.sorted().length, TOPICS, merged.quantileMillis(0.5),
            merged.quantileMillis(1.0), merged.errors());
    }
}
