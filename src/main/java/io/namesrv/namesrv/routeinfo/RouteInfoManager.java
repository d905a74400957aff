package io.namesrv.namesrv.routeinfo;

import io.namesrv.common.LoggerNames;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.BrokerMemberGroup;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicList;
import io.namesrv.protocol.TopicQueueMappingInfo;
import io.namesrv.protocol.TopicRouteData;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's whole routing state: topicQueueTable, brokerAddrTable, clusterAddrTable and
 * filterServerTable (plus the static-topic mapping table), and the live brokers kept by
 * {@link BrokerLivenessTracker}, all behind one read-write lock. Semantics follow Apache 5.x (see
 * docs/compatibility.md for where we differ): topics are taken from the master or the prime slave,
 * unchanged re-registrations do no topic work, and removals are fenced by registration generation.
 *
 * <p>Brokers come in through one door, {@link #registerBroker}, and leave through one,
 * {@link #unregisterBroker} (channel events and the expiry scan use it too). Each applies its
 * change under the write lock while collecting {@link RouteEvents}, and tells the
 * {@link RouteEventListener} once the lock is released.
 */
public class RouteInfoManager {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);

    static final int PERM_WRITE = 1 << 1;
    static final int PERM_READ = 1 << 2;
    static final int FLAG_UNIT = 1;
    static final int FLAG_UNIT_SUB = 1 << 1;
    private static final String SYNC_BROKER_MEMBER_TOPIC_PREFIX = "rmq_sys_SYNC_BROKER_MEMBER_";

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Map<String, QueueData>> topicQueueTable = new HashMap<>(1024);
    private final Map<String, BrokerGroup> brokerAddrTable = new HashMap<>(128);
    private final Map<String, Set<String>> clusterAddrTable = new HashMap<>(32);
    private final Map<BrokerAddrInfo, List<String>> filterServerTable = new HashMap<>(256);
    private final Map<String, Map<String, TopicQueueMappingInfo>> topicQueueMappingInfoTable = new HashMap<>(1024);
    /** Guarded by {@link #lock} like the tables. */
    private final BrokerLivenessTracker liveness;
    /** (topic, broker name) pairs in topicQueueTable, i.e. the sum of its inner maps' sizes; guarded by {@link #lock}. */
    private long topicQueueEntries;
    private final RouteLimitGuard limitGuard;

    private final RouteInfoSettings settings;
    /** Bumped by every change that can alter a route answer; lets callers cache encoded routes. */
    private final AtomicLong routeVersion = new AtomicLong();
    private volatile RouteEventListener eventListener = RouteEventListener.NONE;

    public RouteInfoManager(RouteInfoSettings settings) {
        this(settings, System::currentTimeMillis);
    }

    /** {@code clock} stamps heartbeats and decides expiry (tests pass their own). */
    public RouteInfoManager(RouteInfoSettings settings, LongSupplier clock) {
        this(settings, clock, RouteLimits.NONE);
    }

    /** With {@code limits}: changes that would take the table past them are refused whole. */
    public RouteInfoManager(RouteInfoSettings settings, LongSupplier clock, RouteLimits limits) {
        this.settings = settings;
        this.liveness = new BrokerLivenessTracker(clock);
        this.limitGuard = new RouteLimitGuard(limits);
    }

    /** Replaces the listener told about registrations and removals (null means none). */
    public void setEventListener(RouteEventListener listener) {
        this.eventListener = listener == null ? RouteEventListener.NONE : listener;
    }

    /**
     * A number that changes whenever any route answer, the cluster table or the topic list may
     * have changed: the caches of encoded answers are valid while it stays the same.
     */
    public long routeVersion() {
        return routeVersion.get();
    }

    private void routesChanged() {
        routeVersion.incrementAndGet();
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers (or re-registers) one broker process. Returns null when a single-topic
     * registration arrives before the broker's first full one (Apache answers "register broker
     * failed"), otherwise what a slave needs to know about its master.
     *
     * @throws RouteLimitExceededException when it would take the table past a {@link RouteLimits};
     *                                     nothing of it is then applied
     */
    public RegisterBrokerResult registerBroker(BrokerRegistration registration) {
        return change(events -> applyRegistration(registration, events));
    }

    /**
     * Runs {@code change} under the write lock, then writes the log lines and tells the listener
     * the events it collected: the one way registrations, removals and topic changes modify the
     * tables, and nothing under the lock logs.
     */
    private <T> T change(Function<RouteEvents, T> change) {
        RouteEvents events = new RouteEvents();
        T result;
        lock.writeLock().lock();
        try {
            result = change.apply(events);
        } finally {
            lock.writeLock().unlock();
        }
        events.deliverTo(eventListener);
        return result;
    }

    /** The whole registration; the caller holds the write lock. */
    private RegisterBrokerResult applyRegistration(BrokerRegistration r, RouteEvents events) {
        limitGuard.checkRegistration(r, brokerAddrTable, liveness, topicQueueTable, topicQueueEntries);
        DataVersion incomingVersion = r.dataVersion();
        boolean registerFirst = !brokerAddrTable.containsKey(r.brokerName());
        BrokerGroup group = joinGroup(r);

        Map<Long, String> addrs = group.brokerAddrs();
        // As Apache: a registration below the group's smallest id is announced (905); an empty group counts as 0.
        long previousMinBrokerId = addrs.isEmpty() ? 0 : Collections.min(addrs.keySet());
        // The same address under another id: the process switched role (slave <-> master).
        if (addrs.entrySet().removeIf(e -> r.brokerAddr().equals(e.getValue()) && e.getKey() != r.brokerId())) {
            routesChanged();
        }

        String oldAddr = addrs.get(r.brokerId());
        if (oldAddr != null && !oldAddr.equals(r.brokerAddr())) {
            BrokerAddrInfo oldAddrInfo = new BrokerAddrInfo(r.clusterName(), oldAddr);
            BrokerLiveInfo oldLive = liveness.get(oldAddrInfo);
            if (oldLive != null && !oldLive.isDirect()) {
                // A provisional entry never stands in a direct registration's way: it gives up its slot.
                dropProvisionalMember(oldAddrInfo);
            } else if (oldLive != null && oldLive.dataVersion().stateVersion() > incomingVersion.stateVersion()) {
                long oldStateVersion = oldLive.dataVersion().stateVersion();
                String conflicting = oldAddr;
                events.log(() -> LOG.warn("Registering broker conflicts with the existing one, just ignore: cluster {},"
                    + " broker {}, id {}, old addr {} stateVersion {}, new addr {} stateVersion {}", r.clusterName(),
                    r.brokerName(), r.brokerId(), conflicting, oldStateVersion, r.brokerAddr(),
                    incomingVersion.stateVersion()));
                // As Apache: the newcomer loses its live entry too (no event: it was never announced as new).
                liveness.remove(r.addrInfo());
                return RegisterBrokerResult.EMPTY;
            }
        }

        Map<String, TopicConfig> topicConfigs = r.topicConfigs();
        if (!addrs.containsKey(r.brokerId()) && topicConfigs != null && topicConfigs.size() == 1) {
            events.log(() -> LOG.warn("Can't register topicConfigWrapper={} because broker[{}]={} has not registered",
                topicConfigs.keySet(), r.brokerId(), r.brokerAddr()));
            return null;
        }

        oldAddr = addrs.put(r.brokerId(), r.brokerAddr());
        if (!r.brokerAddr().equals(oldAddr)) {
            routesChanged();
        }
        registerFirst = registerFirst || oldAddr == null || oldAddr.isEmpty();

        BrokerAddrInfo addrInfo = r.addrInfo();
        boolean isPrimeSlave = !r.isOldVersionBroker() && !r.isMaster() && r.brokerId() == Collections.min(addrs.keySet());
        if (topicConfigs != null && (r.isMaster() || isPrimeSlave)) {
            applyTopicConfigs(group, addrInfo, registerFirst, isPrimeSlave, incomingVersion, r, events);
        }

        BrokerLiveInfo previous = liveness.register(r);
        // A broker confirming a provisional entry is new here: it had never registered with us.
        boolean firstTime = previous == null || !previous.isDirect();
        if (firstTime) {
            String confirms = previous == null ? "" : " (confirms its " + previous.origin().label() + " entry)";
            events.log(() -> LOG.info("new broker registered, {} HAService: {}{}", addrInfo, r.haServerAddr(), confirms));
        }
        events.add(l -> l.brokerRegistered(r.clusterName(), r.brokerAddr(), firstTime));
        if (r.brokerId() < previousMinBrokerId) {
            // Unlike a removal, Apache announces this whether or not the group has acting master on.
            MinBrokerIdChange change = MinBrokerIdChange.registered(r.brokerName(), new HashMap<>(addrs), r.haServerAddr());
            events.add(l -> l.minBrokerIdChanged(change));
        }

        applyFilterServers(addrInfo, r.filterServerList());
        return r.isMaster() ? RegisterBrokerResult.EMPTY : masterOf(r.clusterName(), group);
    }

    /**
     * The broker's group, created on its first registration, with the cluster, acting-master flag
     * and zone the registration names; the caller holds the write lock.
     */
    private BrokerGroup joinGroup(BrokerRegistration r) {
        BrokerGroup group = ensureGroup(r.clusterName(), r.brokerName());
        applyGroupFlags(group, r.actingMaster(), r.zoneName());
        return group;
    }

    /** The group, created (and listed under its cluster) when new; the caller holds the write lock. */
    private BrokerGroup ensureGroup(String clusterName, String brokerName) {
        if (clusterAddrTable.computeIfAbsent(clusterName, k -> new HashSet<>()).add(brokerName)) {
            routesChanged();
        }
        BrokerGroup group = brokerAddrTable.get(brokerName);
        if (group == null) {
            group = new BrokerGroup(clusterName, brokerName);
            brokerAddrTable.put(brokerName, group);
            routesChanged();
        }
        return group;
    }

    /** The acting-master flag and zone a registration or merge names; the caller holds the write lock. */
    private void applyGroupFlags(BrokerGroup group, boolean actingMaster, String zoneName) {
        if (group.enableActingMaster() != actingMaster) {
            group.setEnableActingMaster(actingMaster);
            routesChanged();
        }
        // Deliberate difference: a replica that names no zone keeps the group's zone.
        if (zoneName != null && !zoneName.equals(group.zoneName())) {
            group.setZoneName(zoneName);
            routesChanged();
        }
    }

    /** Null leaves the broker's filter servers as they are; the caller holds the write lock. */
    private void applyFilterServers(BrokerAddrInfo addrInfo, List<String> filterServerList) {
        if (filterServerList == null) {
            return;
        }
        List<String> before = filterServerList.isEmpty()
            ? filterServerTable.remove(addrInfo) : filterServerTable.put(addrInfo, List.copyOf(filterServerList));
        if (!filterServerList.equals(before == null ? List.of() : before)) {
            routesChanged();
        }
    }

    /** What a slave of {@code group} learns: its live master's HA and broker address. */
    private RegisterBrokerResult masterOf(String clusterName, BrokerGroup group) {
        String masterAddr = group.brokerAddrs().get(BrokerGroup.MASTER_ID);
        if (masterAddr != null) {
            BrokerLiveInfo masterLive = liveness.get(new BrokerAddrInfo(clusterName, masterAddr));
            if (masterLive != null) {
                return new RegisterBrokerResult(masterLive.haServerAddr(), masterAddr);
            }
        }
        return RegisterBrokerResult.EMPTY;
    }

    /** Applies a master's (or prime slave's) topics; the caller holds the write lock. */
    private void applyTopicConfigs(BrokerGroup group, BrokerAddrInfo addrInfo, boolean registerFirst, boolean isPrimeSlave,
                                   DataVersion incomingVersion, BrokerRegistration r, RouteEvents events) {
        String brokerName = group.brokerName();
        Map<String, TopicConfig> topicConfigs = r.topicConfigs();
        Map<String, TopicQueueMappingInfo> mappings = r.topicConfigWrapper().topicQueueMappingInfoMap();
        boolean versionChanged = liveness.topicConfigChanged(addrInfo, incomingVersion);
        group.confirm(topicConfigs.keySet());

        if (settings.deleteTopicWithBrokerRegistration() && (mappings == null || mappings.isEmpty())) {
            Iterator<Map.Entry<String, Map<String, QueueData>>> it = topicQueueTable.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Map<String, QueueData>> e = it.next();
                if (!topicConfigs.containsKey(e.getKey()) && e.getValue().remove(brokerName) != null) {
                    topicQueueEntries--;
                    String topic = e.getKey();
                    events.log(() -> LOG.info("broker {} no longer reports topic {}, its queue data removed", brokerName,
                        topic));
                    routesChanged();
                    if (e.getValue().isEmpty()) {
                        it.remove();
                    }
                }
            }
        }

        for (TopicConfig tc : topicConfigs.values()) {
            if (registerFirst || versionChanged || !hasQueueData(tc.topicName(), brokerName)) {
                int perm = tc.perm();
                if (isPrimeSlave && group.enableActingMaster()) {
                    perm &= ~PERM_WRITE;
                }
                createAndUpdateQueueData(brokerName, tc, perm, events);
            }
        }

        if ((versionChanged || registerFirst) && mappings != null) {
            for (Map.Entry<String, TopicQueueMappingInfo> e : mappings.entrySet()) {
                TopicQueueMappingInfo info = e.getValue();
                if (info != null && info.bname() != null) {
                    topicQueueMappingInfoTable.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(info.bname(), info);
                    routesChanged();
                }
            }
        }
    }

    private boolean hasQueueData(String topic, String brokerName) {
        Map<String, QueueData> map = topicQueueTable.get(topic);
        return map != null && map.containsKey(brokerName);
    }

    private void createAndUpdateQueueData(String brokerName, TopicConfig tc, int perm, RouteEvents events) {
        QueueData queueData = new QueueData(brokerName, perm, tc.readQueueNums(), tc.topicSysFlag(), tc.writeQueueNums());
        Map<String, QueueData> map = topicQueueTable.get(tc.topicName());
        if (map == null) {
            map = new HashMap<>(4);
            topicQueueTable.put(tc.topicName(), map);
            map.put(brokerName, queueData);
            topicQueueEntries++;
            routesChanged();
            events.log(() -> LOG.info("new topic registered, {} {}", tc.topicName(), queueData));
            return;
        }
        QueueData existing = map.get(brokerName);
        if (!queueData.equals(existing)) {
            if (existing != null) {
                events.log(() -> LOG.info("topic changed, {} OLD: {} NEW: {}", tc.topicName(), existing, queueData));
            }
            if (map.put(brokerName, queueData) == null) {
                topicQueueEntries++;
            }
            routesChanged();
        }
    }

    /**
     * Adds queue data for one topic (REGISTER_TOPIC_IN_NAMESRV). Ignored entirely when any
     * queue data names a broker this server does not know.
     *
     * @throws RouteLimitExceededException when it would pass {@link RouteLimits#maxTopics()} or
     *                                     {@link RouteLimits#maxTopicQueueEntries()}
     */
    public void registerTopic(String topic, List<QueueData> queueDatas) {
        if (topic == null || queueDatas == null || queueDatas.isEmpty()) {
            return;
        }
        change(events -> {
            for (QueueData qd : queueDatas) {
                if (qd == null || qd.brokerName() == null || !brokerAddrTable.containsKey(qd.brokerName())) {
                    events.log(() -> LOG.warn("Register topic contains illegal broker, {}, {}", topic, qd));
                    return null;
                }
            }
            limitGuard.checkTopic(topic, queueDatas, topicQueueTable, topicQueueEntries);
            Map<String, QueueData> map = topicQueueTable.computeIfAbsent(topic, k -> new HashMap<>(4));
            for (QueueData qd : queueDatas) {
                if (map.put(qd.brokerName(), qd) == null) {
                    topicQueueEntries++;
                }
            }
            routesChanged();
            events.log(() -> LOG.info("Topic route {} registered with {} broker(s)", topic, queueDatas.size()));
            return null;
        });
    }

    // ---------------------------------------------------------------- liveness

    /** The DataVersion the broker last registered with, or null if it is not live. */
    public DataVersion queryBrokerTopicConfig(String clusterName, String brokerAddr) {
        lock.readLock().lock();
        try {
            return liveness.dataVersion(new BrokerAddrInfo(clusterName, brokerAddr));
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean isBrokerTopicConfigChanged(String clusterName, String brokerAddr, DataVersion dataVersion) {
        lock.readLock().lock();
        try {
            return liveness.topicConfigChanged(new BrokerAddrInfo(clusterName, brokerAddr), dataVersion);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A heartbeat: QUERY_DATA_VERSION or BROKER_HEARTBEAT refresh the broker's last-seen time. */
    public void updateBrokerInfoUpdateTimestamp(String clusterName, String brokerAddr) {
        lock.readLock().lock();
        try {
            liveness.touch(new BrokerAddrInfo(clusterName, brokerAddr));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Drops every broker whose last heartbeat is older than its timeout and closes its channel.
     * Returns how many were dropped.
     */
    public int scanNotActiveBroker() {
        List<BrokerLivenessTracker.Expiry> expired;
        lock.readLock().lock();
        try {
            expired = liveness.expired();
        } finally {
            lock.readLock().unlock();
        }
        int removed = 0;
        for (BrokerLivenessTracker.Expiry expiry : expired) {
            LOG.warn("The broker channel expired, {} {}ms", expiry.removal().addrInfo(), expiry.timeoutMillis());
            // Remove first (so the close event cannot record the wrong cause), and close only once
            // the fenced removal succeeded: a broker that re-registered on the same channel since
            // the snapshot is alive, and closing its channel would drop it after all.
            if (unregisterBroker(expiry.removal())) {
                removed++;
                if (expiry.channel() != null) {
                    expiry.channel().close();
                }
            }
        }
        dropUnconfirmedTopics();
        return removed;
    }

    /** A broker's connection closed, failed or idled out: drop the broker that owned it. */
    public void onChannelDestroy(Channel channel, RemovalCause cause) {
        if (channel == null) {
            return;
        }
        UnregisterRequest removal;
        lock.readLock().lock();
        try {
            removal = liveness.removalOf(channel, cause);
        } finally {
            lock.readLock().unlock();
        }
        if (removal != null) {
            LOG.info("the broker's channel destroyed ({}), {}, clean it's data structure at once", cause.label(),
                removal.addrInfo());
            unregisterBroker(removal);
        }
    }

    // ---------------------------------------------------------------- removal

    /**
     * Removes one broker process from every table. Skipped (returns false) when the broker has
     * registered again since the requester looked, so a stale removal cannot wipe a fresh one.
     */
    public boolean unregisterBroker(UnregisterRequest request) {
        return change(events -> applyRemoval(request, events));
    }

    /** The whole removal; the caller holds the write lock. */
    private boolean applyRemoval(UnregisterRequest request, RouteEvents events) {
        BrokerAddrInfo addrInfo = request.addrInfo();
        if (request.generation() != UnregisterRequest.ANY_GENERATION
            && !liveness.isCurrent(addrInfo, request.generation())) {
            events.log(() -> LOG.info("unregister of {} skipped: already removed or registered again since ({})",
                addrInfo, request.reason()));
            return false;
        }
        BrokerLiveInfo live = liveness.remove(addrInfo);
        filterServerTable.remove(addrInfo);
        events.log(() -> LOG.info("broker {}: unregisterBroker, remove from brokerLiveTable {}, {} ({})",
            request.cause().label(), live != null ? "OK" : "Failed", addrInfo, request.reason()));
        if (live != null) {
            events.add(l -> l.brokerRemoved(request.clusterName(), request.brokerAddr(), request.cause()));
        }

        boolean removeBrokerName = false;
        boolean reduced = false;
        boolean wasMinBrokerId = false;
        BrokerGroup group = request.brokerName() != null ? brokerAddrTable.get(request.brokerName())
            : groupOwning(request.clusterName(), request.brokerAddr());
        if (group != null && group.cluster().equals(request.clusterName())) {
            wasMinBrokerId = isMinBrokerId(group, request);
            if (group.brokerAddrs().values().removeIf(request.brokerAddr()::equals)) {
                routesChanged();
                reduced = true;
            }
            if (group.brokerAddrs().isEmpty()) {
                brokerAddrTable.remove(group.brokerName());
                routesChanged(); // the cluster table changes even when no address was left to remove
                removeBrokerName = true;
                String brokerName = group.brokerName();
                events.log(() -> LOG.info("unregisterBroker, remove name from brokerAddrTable OK, {}", brokerName));
            }
        }
        if (removeBrokerName) {
            Set<String> names = clusterAddrTable.get(request.clusterName());
            if (names != null) {
                names.remove(group.brokerName());
                if (names.isEmpty()) {
                    clusterAddrTable.remove(request.clusterName());
                    events.log(() -> LOG.info("unregisterBroker, remove cluster from clusterAddrTable {}",
                        request.clusterName()));
                }
            }
            removeTopicsOfBroker(group.brokerName(), events);
        } else if (reduced && group.enableActingMaster() && !group.brokerAddrs().containsKey(BrokerGroup.MASTER_ID)) {
            // The master is gone and slaves act for it: nobody may write until a master returns.
            operateWritePerm(group.brokerName(), false);
        }
        if (wasMinBrokerId && !removeBrokerName && group.enableActingMaster()) {
            // As Apache: announced (905) only for groups with acting master on, checked after the removal.
            MinBrokerIdChange change = MinBrokerIdChange.removed(group.brokerName(), new HashMap<>(group.brokerAddrs()),
                request.brokerAddr());
            events.add(l -> l.minBrokerIdChanged(change));
        }
        return true;
    }

    /**
     * Whether the removal takes away the group's smallest id, judged as Apache does: by the id the
     * request names (UNREGISTER_BROKER) or, for a closed connection or an expiry, the id the
     * address is registered under; the removal itself goes by address.
     */
    private static boolean isMinBrokerId(BrokerGroup group, UnregisterRequest request) {
        Map<Long, String> addrs = group.brokerAddrs();
        if (addrs.isEmpty()) {
            return false;
        }
        Long brokerId = request.brokerId();
        if (brokerId == null) {
            for (Map.Entry<Long, String> e : addrs.entrySet()) {
                if (e.getValue().equals(request.brokerAddr())) {
                    brokerId = e.getKey();
                    break;
                }
            }
        }
        return brokerId != null && brokerId.equals(Collections.min(addrs.keySet()));
    }

    private BrokerGroup groupOwning(String clusterName, String brokerAddr) {
        for (BrokerGroup group : brokerAddrTable.values()) {
            if (group.cluster().equals(clusterName) && group.brokerAddrs().containsValue(brokerAddr)) {
                return group;
            }
        }
        return null;
    }

    private void removeTopicsOfBroker(String brokerName, RouteEvents events) {
        Iterator<Map.Entry<String, Map<String, QueueData>>> it = topicQueueTable.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Map<String, QueueData>> e = it.next();
            if (e.getValue().remove(brokerName) != null) {
                topicQueueEntries--;
                routesChanged();
                if (e.getValue().isEmpty()) {
                    it.remove();
                    String topic = e.getKey();
                    events.log(() -> LOG.info("removeTopicByBrokerName, remove the topic all queue {}", topic));
                }
            }
        }
    }

    // ---------------------------------------------------------------- provisional state

    /**
     * What one {@link #mergeProvisional} did: members taken, members refused because the broker
     * (or its slot) is registered here directly, and groups refused as conflicting, malformed or
     * past a route limit ({@code RouteLimits}).
     */
    public record MergeOutcome(int membersTaken, int membersDirectHere, int groupsRefused) {
    }

    /**
     * Merges provisional groups (from a snapshot or a peer) into the table. Direct state always
     * wins: a member whose address registered here directly, or whose broker id in the group is
     * held by a direct member, is left out; a group named here under another cluster is left out
     * whole; and the topics, zone and acting-master flag of a group that has any direct member
     * stay as its direct registrations made them. Members taken live from their
     * {@code lastUpdateTimestamp} for their timeout, unless the broker registers first. Topics
     * taken stay unconfirmed until a direct registration reports them (see {@link BrokerGroup}).
     */
    public MergeOutcome mergeProvisional(RouteImage image, BrokerOrigin origin) {
        if (!origin.provisional()) {
            throw new IllegalArgumentException("only provisional state is merged: " + origin);
        }
        int[] counts = new int[3];
        change(events -> {
            for (RouteImage.Group g : image.groups()) {
                mergeGroup(g, origin, counts);
            }
            return null;
        });
        return new MergeOutcome(counts[0], counts[1], counts[2]);
    }

    /** One group of a merge; the caller holds the write lock. counts: taken, direct here, groups refused. */
    private void mergeGroup(RouteImage.Group g, BrokerOrigin origin, int[] counts) {
        BrokerGroup group = g.cluster() == null || g.brokerName() == null ? null : brokerAddrTable.get(g.brokerName());
        if (g.cluster() == null || g.brokerName() == null || group != null && !group.cluster().equals(g.cluster())) {
            counts[2]++;
            return;
        }
        long now = liveness.now();
        List<RouteImage.Member> taken = new ArrayList<>(g.members().size());
        for (RouteImage.Member m : g.members()) {
            if (m.addr() == null || m.brokerId() < 0) {
                continue;
            }
            BrokerAddrInfo addrInfo = new BrokerAddrInfo(g.cluster(), m.addr());
            if (liveness.isDirect(addrInfo) || group != null && directHolder(group, m.brokerId(), m.addr()) != null) {
                counts[1]++;
                continue;
            }
            if (liveness.get(addrInfo) != null && (group == null || !group.brokerAddrs().containsValue(m.addr()))) {
                // Provisionally known under another broker name: left to expire there first.
                continue;
            }
            // No source may date a member in the future and so extend its provisional life.
            taken.add(m.heardAt(Math.min(m.lastUpdateTimestamp(), now)));
        }
        if (taken.isEmpty()) {
            return;
        }
        int newMembers = (int) taken.stream().filter(m -> liveness.get(new BrokerAddrInfo(g.cluster(), m.addr())) == null)
            .count();
        try {
            limitGuard.checkProvisional(g, newMembers, group == null || !hasDirectMember(group), brokerAddrTable,
                liveness, topicQueueTable, topicQueueEntries);
        } catch (RouteLimitExceededException pastALimit) {
            counts[2]++; // the caller reports refused groups (a relay on every comparison: no log line here)
            return;
        }
        group = ensureGroup(g.cluster(), g.brokerName());
        boolean groupIsDirect = hasDirectMember(group);
        long until = 0;
        for (RouteImage.Member m : taken) {
            takeMember(group, m, origin);
            until = Math.max(until, m.lastUpdateTimestamp() + BrokerLivenessTracker.timeoutOrDefault(m.heartbeatTimeoutMillis()));
            counts[0]++;
        }
        if (!groupIsDirect) {
            takeGroupState(group, g, until);
        }
    }

    /** The direct member holding {@code brokerId} of the group at another address, or null. */
    private String directHolder(BrokerGroup group, long brokerId, String addr) {
        String holder = group.brokerAddrs().get(brokerId);
        return holder != null && !holder.equals(addr) && liveness.isDirect(new BrokerAddrInfo(group.cluster(), holder))
            ? holder : null;
    }

    private boolean hasDirectMember(BrokerGroup group) {
        for (String addr : group.brokerAddrs().values()) {
            if (liveness.isDirect(new BrokerAddrInfo(group.cluster(), addr))) {
                return true;
            }
        }
        return false;
    }

    /** Puts a provisional member in its slot, displacing a provisional one; the caller holds the write lock. */
    private void takeMember(BrokerGroup group, RouteImage.Member m, BrokerOrigin origin) {
        Map<Long, String> addrs = group.brokerAddrs();
        if (addrs.entrySet().removeIf(e -> m.addr().equals(e.getValue()) && e.getKey() != m.brokerId())) {
            routesChanged();
        }
        String old = addrs.put(m.brokerId(), m.addr());
        if (!m.addr().equals(old)) {
            routesChanged();
            if (old != null) {
                dropProvisionalMember(new BrokerAddrInfo(group.cluster(), old));
            }
        }
        BrokerAddrInfo addrInfo = new BrokerAddrInfo(group.cluster(), m.addr());
        liveness.putProvisional(addrInfo, m, origin);
        applyFilterServers(addrInfo, m.filterServers() == null ? List.of() : m.filterServers());
    }

    /** Forgets a provisional process that lost its slot; the caller holds the write lock. */
    private void dropProvisionalMember(BrokerAddrInfo addrInfo) {
        liveness.remove(addrInfo);
        if (filterServerTable.remove(addrInfo) != null) {
            routesChanged();
        }
    }

    /**
     * Takes a provisional group's zone, flag, queues and mappings, replacing what the last
     * provisional merge gave it; the caller holds the write lock and has checked that no member
     * of the group registered here directly.
     */
    private void takeGroupState(BrokerGroup group, RouteImage.Group g, long unconfirmedUntil) {
        applyGroupFlags(group, g.enableActingMaster(), g.zoneName());
        String brokerName = group.brokerName();
        for (String topic : group.unconfirmedTopics()) {
            if (!g.queues().containsKey(topic)) {
                removeQueueData(topic, brokerName);
            }
        }
        for (Map.Entry<String, QueueData> e : g.queues().entrySet()) {
            QueueData qd = e.getValue();
            QueueData ours = brokerName.equals(qd.brokerName()) ? qd
                : new QueueData(brokerName, qd.perm(), qd.readQueueNums(), qd.topicSysFlag(), qd.writeQueueNums());
            Map<String, QueueData> map = topicQueueTable.computeIfAbsent(e.getKey(), k -> new HashMap<>(4));
            if (!ours.equals(map.put(brokerName, ours))) {
                routesChanged();
            }
        }
        for (Map.Entry<String, TopicQueueMappingInfo> e : g.mappings().entrySet()) {
            if (!e.getValue().equals(topicQueueMappingInfoTable.computeIfAbsent(e.getKey(), k -> new HashMap<>())
                .put(brokerName, e.getValue()))) {
                routesChanged();
            }
        }
        group.markUnconfirmed(g.queues().keySet(), unconfirmedUntil);
    }

    /** Removes one group's queues of a topic, and the topic once no group serves it. */
    private void removeQueueData(String topic, String brokerName) {
        Map<String, QueueData> map = topicQueueTable.get(topic);
        if (map != null && map.remove(brokerName) != null) {
            routesChanged();
            if (map.isEmpty()) {
                topicQueueTable.remove(topic);
            }
        }
        Map<String, TopicQueueMappingInfo> mappings = topicQueueMappingInfoTable.get(topic);
        if (mappings != null && mappings.remove(brokerName) != null) {
            routesChanged();
            if (mappings.isEmpty()) {
                topicQueueMappingInfoTable.remove(topic);
            }
        }
    }

    /**
     * Drops topics that came from a provisional source and were not reported by the group's own
     * registrations within their deadline, in groups whose topics now come from a direct
     * registration (the master, or the lowest slave without one). Returns how many were dropped.
     */
    int dropUnconfirmedTopics() {
        long now = liveness.now();
        List<String> due = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (BrokerGroup group : brokerAddrTable.values()) {
                if (!group.unconfirmedTopics().isEmpty() && group.unconfirmedUntil() < now) {
                    due.add(group.brokerName());
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        if (due.isEmpty()) {
            return 0;
        }
        Map<String, Set<String>> dropped = change(events -> {
            Map<String, Set<String>> result = new HashMap<>();
            for (String brokerName : due) {
                BrokerGroup group = brokerAddrTable.get(brokerName);
                if (group == null || group.unconfirmedTopics().isEmpty() || group.unconfirmedUntil() >= now
                    || !topicSourceIsDirect(group)) {
                    continue;
                }
                Set<String> topics = new HashSet<>(group.unconfirmedTopics());
                topics.forEach(topic -> removeQueueData(topic, brokerName));
                group.clearUnconfirmed();
                result.put(brokerName, topics);
            }
            return result;
        });
        dropped.forEach((brokerName, topics) -> LOG.info("broker {} registered here but did not report {} topic(s)"
            + " it had in a restored or relayed route; removed from its routes: {}", brokerName, topics.size(), topics));
        return dropped.values().stream().mapToInt(Set::size).sum();
    }

    /** Whether the member whose registrations carry the group's topics registered here directly. */
    private boolean topicSourceIsDirect(BrokerGroup group) {
        Map<Long, String> addrs = group.brokerAddrs();
        if (addrs.isEmpty()) {
            return false;
        }
        String source = addrs.containsKey(BrokerGroup.MASTER_ID) ? addrs.get(BrokerGroup.MASTER_ID)
            : addrs.get(Collections.min(addrs.keySet()));
        return liveness.isDirect(new BrokerAddrInfo(group.cluster(), source));
    }

    /**
     * Removes a provisional entry of the given origin (relayed state that its peers no longer
     * vouch for). Does nothing, and returns false, when the broker is not live here or has
     * registered here directly since.
     */
    public boolean withdrawProvisional(String clusterName, String brokerAddr, BrokerOrigin origin, String reason) {
        return change(events -> {
            BrokerAddrInfo addrInfo = new BrokerAddrInfo(clusterName, brokerAddr);
            BrokerLiveInfo live = liveness.get(addrInfo);
            if (live == null || live.origin() != origin) {
                return false;
            }
            return applyRemoval(new UnregisterRequest(clusterName, brokerAddr, null, null, live.generation(), reason,
                RemovalCause.WITHDRAWN), events);
        });
    }

    /**
     * A copy of the whole table as broker groups, for the route snapshot. Members are taken with
     * their origin and last-heard time; a member without a live entry is left out.
     */
    public RouteImage image() {
        lock.readLock().lock();
        try {
            Map<String, Map<String, QueueData>> queuesByGroup = new HashMap<>(brokerAddrTable.size() * 2);
            for (Map.Entry<String, Map<String, QueueData>> e : topicQueueTable.entrySet()) {
                for (Map.Entry<String, QueueData> q : e.getValue().entrySet()) {
                    queuesByGroup.computeIfAbsent(q.getKey(), k -> new HashMap<>()).put(e.getKey(), q.getValue());
                }
            }
            Map<String, Map<String, TopicQueueMappingInfo>> mappingsByGroup = new HashMap<>();
            for (Map.Entry<String, Map<String, TopicQueueMappingInfo>> e : topicQueueMappingInfoTable.entrySet()) {
                for (Map.Entry<String, TopicQueueMappingInfo> m : e.getValue().entrySet()) {
                    mappingsByGroup.computeIfAbsent(m.getKey(), k -> new HashMap<>()).put(e.getKey(), m.getValue());
                }
            }
            List<RouteImage.Group> groups = new ArrayList<>(brokerAddrTable.size());
            for (BrokerGroup group : brokerAddrTable.values()) {
                List<RouteImage.Member> members = new ArrayList<>(group.brokerAddrs().size());
                for (Map.Entry<Long, String> e : group.brokerAddrs().entrySet()) {
                    BrokerAddrInfo addrInfo = new BrokerAddrInfo(group.cluster(), e.getValue());
                    BrokerLiveInfo live = liveness.get(addrInfo);
                    if (live != null) {
                        members.add(new RouteImage.Member(e.getKey(), e.getValue(), live.haServerAddr(),
                            live.heartbeatTimeoutMillis(), live.dataVersion(), filterServerTable.get(addrInfo),
                            live.origin(), live.lastUpdateTimestamp()));
                    }
                }
                groups.add(new RouteImage.Group(group.cluster(), group.brokerName(), group.zoneName(),
                    group.enableActingMaster(), members, queuesByGroup.get(group.brokerName()),
                    mappingsByGroup.get(group.brokerName())));
            }
            return new RouteImage(groups);
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- route queries

    /** The route of a topic, or null when no live broker serves it. */
    public TopicRouteData pickupTopicRouteData(String topic) {
        if (topic == null) {
            return null;
        }
        List<QueueData> queueDatas;
        List<BrokerData> brokerDatas = new ArrayList<>();
        Map<String, List<String>> filterServers = new HashMap<>();
        Map<String, TopicQueueMappingInfo> mapping;
        lock.readLock().lock();
        try {
            Map<String, QueueData> map = topicQueueTable.get(topic);
            if (map == null || map.isEmpty()) {
                return null;
            }
            queueDatas = new ArrayList<>(map.values());
            for (String brokerName : map.keySet()) {
                BrokerGroup group = brokerAddrTable.get(brokerName);
                if (group == null) {
                    continue;
                }
                brokerDatas.add(toBrokerData(group));
                if (!filterServerTable.isEmpty()) {
                    for (String addr : group.brokerAddrs().values()) {
                        filterServers.put(addr, filterServerTable.get(new BrokerAddrInfo(group.cluster(), addr)));
                    }
                }
            }
            Map<String, TopicQueueMappingInfo> m = topicQueueMappingInfoTable.get(topic);
            mapping = m == null ? null : new HashMap<>(m);
        } finally {
            lock.readLock().unlock();
        }
        if (brokerDatas.isEmpty()) {
            return null;
        }
        if (settings.supportActingMaster() && !topic.startsWith(SYNC_BROKER_MEMBER_TOPIC_PREFIX)) {
            brokerDatas = withActingMasters(brokerDatas, queueDatas);
        }
        return new TopicRouteData(brokerDatas, filterServers, null, queueDatas, mapping);
    }

    /** For groups without a master whose queues are read-only, the lowest slave acts as id 0. */
    private static List<BrokerData> withActingMasters(List<BrokerData> brokerDatas, List<QueueData> queueDatas) {
        List<BrokerData> result = new ArrayList<>(brokerDatas.size());
        for (BrokerData bd : brokerDatas) {
            Map<Long, String> addrs = bd.brokerAddrs();
            if (addrs.isEmpty() || addrs.containsKey(BrokerGroup.MASTER_ID) || !bd.enableActingMaster()) {
                result.add(bd);
                continue;
            }
            QueueData qd = queueDatas.stream().filter(q -> bd.brokerName().equals(q.brokerName())).findFirst().orElse(null);
            if (qd != null && (qd.perm() & PERM_WRITE) == 0) {
                Map<Long, String> rewritten = new HashMap<>(addrs);
                Long minId = Collections.min(rewritten.keySet());
                rewritten.put(BrokerGroup.MASTER_ID, rewritten.remove(minId));
                result.add(bd.withBrokerAddrs(rewritten));
            } else {
                result.add(bd);
            }
        }
        return result;
    }

    private static BrokerData toBrokerData(BrokerGroup group) {
        return new BrokerData(new HashMap<>(group.brokerAddrs()), group.brokerName(), group.cluster(),
            group.enableActingMaster(), group.zoneName());
    }

    public ClusterInfo getAllClusterInfo() {
        lock.readLock().lock();
        try {
            Map<String, BrokerData> brokers = new HashMap<>(brokerAddrTable.size() * 2);
            for (Map.Entry<String, BrokerGroup> e : brokerAddrTable.entrySet()) {
                brokers.put(e.getKey(), toBrokerData(e.getValue()));
            }
            Map<String, Set<String>> clusters = new HashMap<>(clusterAddrTable.size() * 2);
            for (Map.Entry<String, Set<String>> e : clusterAddrTable.entrySet()) {
                clusters.put(e.getKey(), new HashSet<>(e.getValue()));
            }
            return new ClusterInfo(brokers, clusters);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The cluster view limited to brokers that registered here directly: what a peer name server
     * may relay or compare against, so that provisional state never travels on between peers.
     */
    public ClusterInfo getDirectClusterInfo() {
        lock.readLock().lock();
        try {
            Map<String, BrokerData> brokers = new HashMap<>();
            Map<String, Set<String>> clusters = new HashMap<>();
            for (BrokerGroup group : brokerAddrTable.values()) {
                Map<Long, String> direct = new HashMap<>();
                group.brokerAddrs().forEach((id, addr) -> {
                    if (liveness.isDirect(new BrokerAddrInfo(group.cluster(), addr))) {
                        direct.put(id, addr);
                    }
                });
                if (!direct.isEmpty()) {
                    brokers.put(group.brokerName(), new BrokerData(direct, group.brokerName(), group.cluster(),
                        group.enableActingMaster(), group.zoneName()));
                    clusters.computeIfAbsent(group.cluster(), k -> new HashSet<>()).add(group.brokerName());
                }
            }
            return new ClusterInfo(brokers, clusters);
        } finally {
            lock.readLock().unlock();
        }
    }

    public BrokerMemberGroup getBrokerMemberGroup(String clusterName, String brokerName) {
        lock.readLock().lock();
        try {
            BrokerGroup group = brokerName == null ? null : brokerAddrTable.get(brokerName);
            Map<Long, String> addrs = group == null ? new HashMap<>() : new HashMap<>(group.brokerAddrs());
            return new BrokerMemberGroup(addrs, brokerName, clusterName);
        } finally {
            lock.readLock().unlock();
        }
    }

    public TopicList getAllTopicList() {
        lock.readLock().lock();
        try {
            return new TopicList(new LinkedHashSet<>(topicQueueTable.keySet()), null);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Cluster names and broker names, plus the first broker address: Apache's "system topics". */
    public TopicList getSystemTopicList() {
        lock.readLock().lock();
        try {
            Set<String> names = new LinkedHashSet<>();
            String brokerAddr = null;
            for (Map.Entry<String, Set<String>> e : clusterAddrTable.entrySet()) {
                names.add(e.getKey());
                names.addAll(e.getValue());
            }
            for (BrokerGroup group : brokerAddrTable.values()) {
                Iterator<String> it = group.brokerAddrs().values().iterator();
                if (it.hasNext()) {
                    brokerAddr = it.next();
                    break;
                }
            }
            return new TopicList(names, brokerAddr);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Topics served by any broker of the cluster, or null when the cluster is unknown. */
    public TopicList getTopicsByCluster(String cluster) {
        lock.readLock().lock();
        try {
            Set<String> brokerNames = cluster == null ? null : clusterAddrTable.get(cluster);
            if (brokerNames == null) {
                return null;
            }
            Set<String> topics = new LinkedHashSet<>();
            for (Map.Entry<String, Map<String, QueueData>> e : topicQueueTable.entrySet()) {
                for (String brokerName : brokerNames) {
                    if (e.getValue().containsKey(brokerName)) {
                        topics.add(e.getKey());
                        break;
                    }
                }
            }
            return new TopicList(topics, null);
        } finally {
            lock.readLock().unlock();
        }
    }

    public TopicList getUnitTopics() {
        return topicsWhoseFirstQueueFlag(flag -> (flag & FLAG_UNIT) != 0);
    }

    public TopicList getHasUnitSubTopicList() {
        return topicsWhoseFirstQueueFlag(flag -> (flag & FLAG_UNIT_SUB) != 0);
    }

    public TopicList getHasUnitSubUnUnitTopicList() {
        return topicsWhoseFirstQueueFlag(flag -> (flag & FLAG_UNIT_SUB) != 0 && (flag & FLAG_UNIT) == 0);
    }

    private TopicList topicsWhoseFirstQueueFlag(IntPredicate test) {
        lock.readLock().lock();
        try {
            Set<String> topics = new LinkedHashSet<>();
            for (Map.Entry<String, Map<String, QueueData>> e : topicQueueTable.entrySet()) {
                Iterator<QueueData> it = e.getValue().values().iterator();
                if (it.hasNext() && test.test(it.next().topicSysFlag())) {
                    topics.add(e.getKey());
                }
            }
            return new TopicList(topics, null);
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- admin changes

    /** Clears WRITE on every queue of the broker; returns how many topics it serves. */
    public int wipeWritePermOfBrokerByLock(String brokerName) {
        return operateWritePermByLock(brokerName, false);
    }

    /** Sets READ|WRITE on every queue of the broker; returns how many topics it serves. */
    public int addWritePermOfBrokerByLock(String brokerName) {
        return operateWritePermByLock(brokerName, true);
    }

    private int operateWritePermByLock(String brokerName, boolean add) {
        lock.writeLock().lock();
        try {
            return operateWritePerm(brokerName, add);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int operateWritePerm(String brokerName, boolean add) {
        int count = 0;
        for (Map<String, QueueData> map : topicQueueTable.values()) {
            QueueData qd = map.get(brokerName);
            if (qd != null) {
                int perm = add ? PERM_READ | PERM_WRITE : qd.perm() & ~PERM_WRITE;
                if (perm != qd.perm()) {
                    map.put(brokerName, qd.withPerm(perm));
                    routesChanged();
                }
                count++;
            }
        }
        return count;
    }

    /** Removes the topic everywhere. */
    public void deleteTopic(String topic) {
        change(events -> {
            Map<String, QueueData> removed = topicQueueTable.remove(topic);
            if (removed != null) {
                topicQueueEntries -= removed.size();
                routesChanged();
                events.log(() -> LOG.info("deleteTopic {}", topic));
            }
            topicQueueMappingInfoTable.remove(topic);
            return null;
        });
    }

    /** Removes the topic's queues on the cluster's brokers, and the topic once none are left. */
    public void deleteTopic(String topic, String clusterName) {
        change(events -> {
            Set<String> brokerNames = clusterAddrTable.get(clusterName);
            Map<String, QueueData> map = topicQueueTable.get(topic);
            if (brokerNames == null || map == null) {
                return null;
            }
            for (String brokerName : brokerNames) {
                if (map.remove(brokerName) != null) {
                    topicQueueEntries--;
                    routesChanged();
                    events.log(() -> LOG.info("deleteTopic, remove one broker's topic {} {}", brokerName, topic));
                }
            }
            if (map.isEmpty()) {
                topicQueueTable.remove(topic);
                topicQueueMappingInfoTable.remove(topic);
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- views for operators

    /** The limits the table keeps to. */
    public RouteLimits limits() {
        return limitGuard.limits();
    }

    /** The sizes of the tables, for metrics. */
    public RouteTableSizes tableSizes() {
        lock.readLock().lock();
        try {
            return new RouteTableSizes(clusterAddrTable.size(), brokerAddrTable.size(), liveness.size(),
                topicQueueTable.size(), topicQueueEntries);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every topic name, in no particular order: one array copied under the read lock (4 bytes a
     * topic), for the console's topic search to sort after the lock is released.
     */
    public String[] topicNames() {
        lock.readLock().lock();
        try {
            return topicQueueTable.keySet().toArray(new String[0]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many live brokers the table holds by origin (direct, restored, relayed). */
    public Map<BrokerOrigin, Integer> brokersByOrigin() {
        lock.readLock().lock();
        try {
            return liveness.countByOrigin();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A point-in-time view of every live broker, for status pages and the CLI. */
    public List<BrokerLiveView> liveBrokers() {
        lock.readLock().lock();
        try {
            return liveness.views();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A live broker as seen from outside; {@code origin} tells a direct registration from a provisional entry. */
    public record BrokerLiveView(String clusterName, String brokerAddr, long lastUpdateTimestamp,
                                 long heartbeatTimeoutMillis, DataVersion dataVersion, String haServerAddr,
                                 BrokerOrigin origin) {
    }
}
