package io.namesrv.namesrv.peers;

import io.namesrv.protocol.BrokerLivenessTable;
import io.namesrv.protocol.ClusterInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer's comparison, run every {@code namesrvPeerCompareIntervalMillis} on a thread of its own
 * (a slow peer delays only itself): read the peer's direct view (106 with {@code directOnly},
 * and 40001 when it has it), compare it with this server's, track divergences and, with healing
 * on, relay. A peer that cannot be read is reported once when it goes and once when it is back.
 */
final class PeerComparison implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("RocketmqNamesrv");

    private final String peer;
    private final PeerClient client;
    private final Supplier<PeerView> here;
    private final DivergenceTracker tracker;
    /** Null when healing is off. */
    private final Relay relay;
    private final LongSupplier clock;
    private volatile Boolean reachable;
    private volatile boolean versionsKnown;
    private volatile long lastCompareAt;
    private volatile long lastCompareMillis;
    private volatile String error;
    private volatile String relayError;

    PeerComparison(String peer, PeerClient client, Supplier<PeerView> here, DivergenceTracker tracker, Relay relay,
                   LongSupplier clock) {
        this.peer = peer;
        this.client = client;
        this.here = here;
        this.tracker = tracker;
        this.relay = relay;
        this.clock = clock;
    }

    String peer() {
        return peer;
    }

    DivergenceTracker tracker() {
        return tracker;
    }

    @Override
    public void run() {
        long start = clock.getAsLong();
        try {
            ClusterInfo direct = client.directClusterInfo(peer);
            BrokerLivenessTable liveness = client.liveness(peer);
            PeerView there = PeerView.of(direct, liveness);
            ViewDiff diff = ViewDiff.between(here.get(), there);
            tracker.update(diff, clock.getAsLong());
            versionsKnown = there.versionsKnown();
            reached();
            if (relay != null) {
                relay(there, diff);
            }
        } catch (PeerException e) {
            unreachable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Never let one bad answer end the schedule: the next comparison starts afresh.
            LOG.error("comparison with name server {} failed", peer, e);
            unreachable(e.toString());
        } finally {
            lastCompareAt = start;
            lastCompareMillis = clock.getAsLong() - start;
        }
    }

    private void relay(PeerView there, ViewDiff diff) throws InterruptedException {
        try {
            relay.apply(peer, there, diff);
            if (relayError != null) {
                LOG.info("relaying from name server {} works again", peer);
            }
            relayError = null;
        } catch (PeerException e) {
            if (relayError == null) {
                LOG.warn("cannot relay from name server {}: {}", peer, e.getMessage());
            }
            relayError = e.getMessage();
        }
    }

    private void reached() {
        if (Boolean.FALSE.equals(reachable)) {
            LOG.info("name server {} answers again", peer);
        }
        reachable = true;
        error = null;
    }

    private void unreachable(String why) {
        if (!Boolean.FALSE.equals(reachable)) {
            LOG.warn("cannot compare with name server {}: {} (differences with it are unknown until it answers;"
                + " relayed brokers expire by themselves)", peer, why);
        }
        reachable = false;
        error = why;
        tracker.forget();
    }

    boolean isReachable() {
        return Boolean.TRUE.equals(reachable);
    }

    long lastCompareAt() {
        return lastCompareAt;
    }

    int relayedBrokers() {
        return relay == null ? 0 : relay.relayedFrom(peer);
    }

    PeerStatus status() {
        Map<String, Integer> divergent = new LinkedHashMap<>();
        Map<String, List<PeerStatus.Difference>> differences = new LinkedHashMap<>();
        for (ViewDiff.Kind kind : ViewDiff.Kind.values()) {
            divergent.put(kind.label, tracker.divergent(kind));
            List<PeerStatus.Difference> list = new ArrayList<>();
            for (DivergenceTracker.Difference d : tracker.differences(kind)) {
                list.add(new PeerStatus.Difference(d.member().cluster(), d.member().brokerName(), d.member().brokerId(),
                    d.member().addr(), d.since(), d.divergent()));
            }
            differences.put(kind.label, list);
        }
        return new PeerStatus(peer, isReachable(), versionsKnown, lastCompareAt, lastCompareMillis, error, relayError,
            relayedBrokers(), divergent, differences);
    }
}
