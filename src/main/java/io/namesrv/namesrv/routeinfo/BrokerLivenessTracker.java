package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.DataVersion;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Which broker processes are alive (Apache's brokerLiveTable): when each was last heard from, its
 * timeout, the data version and channel it registered with, the generation of that registration
 * and whether the broker registered here or the entry is provisional ({@link BrokerOrigin}). Time and sockets live here only; the route tables never see them.
 *
 * <p>Not thread-safe on its own: {@link RouteInfoManager}'s lock guards it, the read lock for
 * queries, heartbeats and scans, the write lock for registrations and removals. It decides who is
 * live and who has expired; removing a broker is the manager's job, through the fenced
 * {@link UnregisterRequest}s this class hands out.
 */
final class BrokerLivenessTracker {

    /** A broker that names no heartbeat timeout is dropped after two minutes of silence. */
    static final long DEFAULT_TIMEOUT_MILLIS = 1000L * 60 * 2;
    /** A provisional entry whose source did not say (an Apache peer shows no data versions). */
    private static final DataVersion UNKNOWN_VERSION = new DataVersion(0L, 0L, 0L);

    private final Map<BrokerAddrInfo, BrokerLiveInfo> liveTable = new HashMap<>(256);
    private final LongSupplier clock;
    /** Guarded by the write lock: every registration takes the next one. */
    private long lastGeneration;

    BrokerLivenessTracker(LongSupplier clock) {
        this.clock = clock;
    }

    /** A live broker whose heartbeat stopped: what to remove and which channel to close after. */
    record Expiry(UnregisterRequest removal, Channel channel, long timeoutMillis) {
    }

    BrokerLiveInfo get(BrokerAddrInfo addrInfo) {
        return liveTable.get(addrInfo);
    }

    /** The data version the broker last registered with, or null if it is not live. */
    DataVersion dataVersion(BrokerAddrInfo addrInfo) {
        BrokerLiveInfo live = liveTable.get(addrInfo);
        return live == null ? null : live.dataVersion();
    }

    /**
     * True unless the broker registered here with exactly this data version. A provisional entry
     * always counts as changed, so a broker that asks (QUERY_DATA_VERSION) registers for real.
     */
    boolean topicConfigChanged(BrokerAddrInfo addrInfo, DataVersion dataVersion) {
        BrokerLiveInfo live = liveTable.get(addrInfo);
        return live == null || !live.isDirect() || !live.dataVersion().equals(dataVersion);
    }

    /** {@link #register(BrokerRegistration, DataVersion)} with the version the registration carries. */
    BrokerLiveInfo register(BrokerRegistration registration) {
        return register(registration, registration.dataVersion());
    }

    /**
     * Records a registration, with the data version of its topics, as a fresh generation heard
     * from now (write lock). Returns the registration it replaces, or null when the broker was not
     * live.
     */
    BrokerLiveInfo register(BrokerRegistration registration, DataVersion dataVersion) {
        long timeout = registration.heartbeatTimeoutMillis() != null
            ? registration.heartbeatTimeoutMillis() : DEFAULT_TIMEOUT_MILLIS;
        return liveTable.put(registration.addrInfo(), new BrokerLiveInfo(clock.getAsLong(), timeout,
            dataVersion, registration.channel(), registration.haServerAddr(), ++lastGeneration,
            BrokerOrigin.DIRECT));
    }

    /**
     * Records a provisional entry (write lock): no channel, heard from at the member's
     * {@code lastUpdateTimestamp}. The caller has checked that no direct entry is replaced.
     */
    BrokerLiveInfo putProvisional(BrokerAddrInfo addrInfo, RouteImage.Member member, BrokerOrigin origin) {
        long timeout = timeoutOrDefault(member.heartbeatTimeoutMillis());
        DataVersion version = member.dataVersion() != null ? member.dataVersion() : UNKNOWN_VERSION;
        return liveTable.put(addrInfo, new BrokerLiveInfo(member.lastUpdateTimestamp(), timeout, version,
            null, member.haServerAddr(), ++lastGeneration, origin));
    }

    /** A timeout a source gave, or the two-minute default when it gave none. */
    static long timeoutOrDefault(long heartbeatTimeoutMillis) {
        return heartbeatTimeoutMillis > 0 ? heartbeatTimeoutMillis : DEFAULT_TIMEOUT_MILLIS;
    }

    /** Whether the broker registered here itself (its entry is not provisional). */
    boolean isDirect(BrokerAddrInfo addrInfo) {
        BrokerLiveInfo live = liveTable.get(addrInfo);
        return live != null && live.isDirect();
    }

    long now() {
        return clock.getAsLong();
    }

    /** Forgets the broker (write lock); returns what was known of it, or null. */
    BrokerLiveInfo remove(BrokerAddrInfo addrInfo) {
        return liveTable.remove(addrInfo);
    }

    /** Whether the broker is live under exactly the registration {@code generation}. */
    boolean isCurrent(BrokerAddrInfo addrInfo, long generation) {
        BrokerLiveInfo live = liveTable.get(addrInfo);
        return live != null && live.generation() == generation;
    }

    /**
     * A heartbeat (read lock is enough: the timestamp is volatile). False when the broker is not
     * live, or live only provisionally: a provisional entry lives until the broker registers.
     */
    boolean touch(BrokerAddrInfo addrInfo) {
        BrokerLiveInfo live = liveTable.get(addrInfo);
        if (live == null || !live.isDirect()) {
            return false;
        }
        live.touch(clock.getAsLong());
        return true;
    }

    /** Every live broker silent past its timeout now, each with the removal fenced to what was seen. */
    List<Expiry> expired() {
        long now = clock.getAsLong();
        List<Expiry> expired = new ArrayList<>();
        for (Map.Entry<BrokerAddrInfo, BrokerLiveInfo> e : liveTable.entrySet()) {
            BrokerLiveInfo live = e.getValue();
            if (live.expiredAt(now)) {
                String reason = live.isDirect()
                    ? "no heartbeat for " + (now - live.lastUpdateTimestamp()) + "ms, timeout " + live.heartbeatTimeoutMillis() + "ms"
                    : live.origin().label() + " entry not confirmed by a registration here within "
                        + live.heartbeatTimeoutMillis() + "ms";
                expired.add(new Expiry(removal(e.getKey(), live, reason, RemovalCause.EXPIRED), live.channel(),
                    live.heartbeatTimeoutMillis()));
            }
        }
        return expired;
    }

    /** The removal of the broker that registered on {@code channel}, or null when none did. */
    UnregisterRequest removalOf(Channel channel, RemovalCause cause) {
        for (Map.Entry<BrokerAddrInfo, BrokerLiveInfo> e : liveTable.entrySet()) {
            if (e.getValue().channel() == channel) {
                return removal(e.getKey(), e.getValue(), "channel " + cause.label(), cause);
            }
        }
        return null;
    }

    private static UnregisterRequest removal(BrokerAddrInfo addrInfo, BrokerLiveInfo live, String reason,
                                             RemovalCause cause) {
        return new UnregisterRequest(addrInfo.clusterName(), addrInfo.brokerAddr(), null, null, live.generation(),
            reason, cause);
    }

    Map<BrokerOrigin, Integer> countByOrigin() {
        Map<BrokerOrigin, Integer> counts = new EnumMap<>(BrokerOrigin.class);
        for (BrokerOrigin origin : BrokerOrigin.values()) {
            counts.put(origin, 0);
        }
        liveTable.values().forEach(live -> counts.merge(live.origin(), 1, Integer::sum));
        return counts;
    }

    boolean isLive(BrokerAddrInfo addrInfo) {
        return liveTable.containsKey(addrInfo);
    }

    /** Live broker processes of one cluster (a walk of the live table: for first registrations only). */
    int countInCluster(String clusterName) {
        int count = 0;
        for (BrokerAddrInfo addrInfo : liveTable.keySet()) {
            if (addrInfo.clusterName().equals(clusterName)) {
                count++;
            }
        }
        return count;
    }

    int size() {
        return liveTable.size();
    }

    /** A copy of every live broker as operators see it. */
    List<RouteInfoManager.BrokerLiveView> views() {
        List<RouteInfoManager.BrokerLiveView> views = new ArrayList<>(liveTable.size());
        for (Map.Entry<BrokerAddrInfo, BrokerLiveInfo> e : liveTable.entrySet()) {
            BrokerLiveInfo live = e.getValue();
            views.add(new RouteInfoManager.BrokerLiveView(e.getKey().clusterName(), e.getKey().brokerAddr(),
                live.lastUpdateTimestamp(), live.heartbeatTimeoutMillis(), live.dataVersion(), live.haServerAddr(),
                live.origin()));
        }
        return views;
    }
}
