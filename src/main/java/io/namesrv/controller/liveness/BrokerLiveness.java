package io.namesrv.controller.liveness;

import io.namesrv.controller.state.Candidate;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Which brokers this controller hears from (volatile, never replicated: every controller node
 * keeps its own table from the heartbeats it receives and those its peers forward).
 *
 * <p>A broker is alive while its last heartbeat is younger than its {@code heartbeatTimeoutMills}
 * (10 s by default). When the broker's own connection to us closes, it must be heard from again
 * within {@link #CONNECTION_LOSS_GRACE_MILLIS} (a live broker reconnects with its next heartbeat,
 * every second), unless the caller finds it dead at once ({@link #markDead}); a broker that is cut
 * off without its connection closing still goes by the timeout.
 *
 * <p>Epoch and max offset only move forward, as Apache keeps them. Thread-safe; every update is
 * one atomic map operation.
 */
public final class BrokerLiveness {

    public static final long CONNECTION_LOSS_GRACE_MILLIS = 3_000;
    public static final long DEFAULT_HEARTBEAT_TIMEOUT_MILLIS = 10_000;

    private final Map<BrokerKey, LiveBroker> table = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public BrokerLiveness(LongSupplier clock) {
        this.clock = clock;
    }

    /** A heartbeat: direct ({@code channel} non-null) or forwarded by a peer (null). */
    public void onHeartbeat(BrokerKey key, String brokerAddr, Long timeoutMillis, Integer epoch, Long maxOffset,
                            Long confirmOffset, Integer electionPriority, Channel channel) {
        long now = clock.getAsLong();
        table.compute(key, (k, old) -> new LiveBroker(brokerAddr, now,
            timeoutMillis != null && timeoutMillis > 0 ? timeoutMillis : DEFAULT_HEARTBEAT_TIMEOUT_MILLIS,
            channel != null ? channel : old == null ? null : old.channel(),
            Math.max(old == null ? 0 : old.epoch(), epoch == null ? 0 : epoch),
            Math.max(old == null ? 0 : old.maxOffset(), maxOffset == null ? 0 : maxOffset),
            confirmOffset != null ? confirmOffset : old == null ? 0 : old.confirmOffset(),
            electionPriority != null ? electionPriority : Integer.MAX_VALUE, 0));
    }

    /** The connection closed: each broker that used it now has the grace period to come back. */
    public List<BrokerKey> onChannelClosed(Channel channel) {
        long now = clock.getAsLong();
        List<BrokerKey> affected = new ArrayList<>();
        table.replaceAll((key, live) -> {
            if (live.channel() != channel) {
                return live;
            }
            affected.add(key);
            return new LiveBroker(live.brokerAddr(), live.lastUpdateMillis(), live.heartbeatTimeoutMillis(), null,
                live.epoch(), live.maxOffset(), live.confirmOffset(), live.electionPriority(), now);
        });
        return affected;
    }

    public boolean isAlive(BrokerKey key) {
        LiveBroker live = table.get(key);
        return live != null && alive(live, clock.getAsLong());
    }

    private static boolean alive(LiveBroker live, long now) {
        long age = now - live.lastUpdateMillis();
        if (live.connectionLost() > 0) {
            return now - live.connectionLost() < Math.min(CONNECTION_LOSS_GRACE_MILLIS, live.heartbeatTimeoutMillis());
        }
        return age <= live.heartbeatTimeoutMillis();
    }

    /** The ids of the group's live brokers. */
    public Set<Long> aliveIds(String clusterName, String brokerName) {
        long now = clock.getAsLong();
        Set<Long> ids = new TreeSet<>();
        table.forEach((key, live) -> {
            if (key.brokerName().equals(brokerName) && key.clusterName().equals(clusterName) && alive(live, now)) {
                ids.add(key.brokerId());
            }
        });
        return ids;
    }

    /** The group's live brokers as an election weighs them, in id order. */
    public List<Candidate> candidates(String clusterName, String brokerName) {
        long now = clock.getAsLong();
        List<Candidate> candidates = new ArrayList<>();
        table.forEach((key, live) -> {
            if (key.brokerName().equals(brokerName) && key.clusterName().equals(clusterName) && alive(live, now)) {
                candidates.add(new Candidate(key.brokerId(), live.epoch(), live.maxOffset(), live.electionPriority()));
            }
        });
        candidates.sort((a, b) -> Long.compare(a.brokerId(), b.brokerId()));
        return candidates;
    }

    /** The addresses of the group's live brokers, by id (where to push a role change). */
    public Map<Long, String> aliveAddresses(String clusterName, String brokerName) {
        long now = clock.getAsLong();
        Map<Long, String> addrs = new java.util.TreeMap<>();
        table.forEach((key, live) -> {
            if (key.brokerName().equals(brokerName) && key.clusterName().equals(clusterName) && alive(live, now)) {
                addrs.put(key.brokerId(), live.brokerAddr());
            }
        });
        return addrs;
    }

    /** Drops every broker no longer alive and returns them, so the caller can react to lost masters. */
    public List<BrokerKey> expire() {
        long now = clock.getAsLong();
        List<BrokerKey> expired = new ArrayList<>();
        table.forEach((key, live) -> {
            if (!alive(live, now) && table.remove(key, live)) {
                expired.add(key);
            }
        });
        return expired;
    }

    /** The address the broker last announced, or null when it is not in the table. */
    public String addressOf(BrokerKey key) {
        LiveBroker live = table.get(key);
        return live == null ? null : live.brokerAddr();
    }

    /**
     * The broker is gone for sure (its connection closed and its port refuses connections): drop it
     * now. Returns false when a heartbeat arrived after the connection loss, so it is back.
     */
    public boolean markDead(BrokerKey key) {
        LiveBroker live = table.get(key);
        return live != null && live.connectionLost() > 0 && table.remove(key, live);
    }

    /** Forgets the given brokers (their data was cleaned by an operator). */
    public void forget(String clusterName, String brokerName, Set<Long> brokerIds) {
        table.keySet().removeIf(k -> k.clusterName().equals(clusterName) && k.brokerName().equals(brokerName)
            && (brokerIds == null || brokerIds.isEmpty() || brokerIds.contains(k.brokerId())));
    }

    public int size() {
        return table.size();
    }
}
