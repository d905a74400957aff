package io.namesrv.namesrv.routeinfo;

import io.namesrv.common.LoggerNames;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.BrokerMemberGroup;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicList;
import io.namesrv.protocol.TopicQueueMappingInfo;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.remoting.protocol.BodyParts;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's whole routing state: topics and their queue data with the static-topic
 * mappings ({@link TopicTable}), brokerAddrTable, clusterAddrTable and filterServerTable, and the
 * live brokers kept by {@link BrokerLivenessTracker}, all behind one lock ({@link RouteTableLock}).
 * Semantics follow Apache 5.x (see docs/compatibility.md for where we differ): topics are taken
 * from the master or the prime slave, unchanged re-registrations do no topic work, and removals
 * are fenced by registration generation.
 *
 * <p>Brokers come in through one door, {@link #registerBroker}, and leave through one,
 * {@link #unregisterBroker} (channel events and the expiry scan use it too). Each applies its
 * change under the write lock while collecting {@link RouteEvents}, and tells the
 * {@link RouteEventListener} once the lock is released.
 *
 * <p>Route lookups ({@link #routeBody}) cost the same whatever the size of the table and however
 * recently it changed: each topic's queue data is an immutable {@link TopicRoute} of shared,
 * pre-encoded {@link QueueSlot}s, each broker group an immutable, pre-encoded {@link GroupView}
 * published by the change that altered it, and a route is written by joining those parts, read
 * without taking the lock. A change replaces only the parts it changes, so it leaves every other
 * topic's answer as it was; nothing is discarded table-wide.
 */
public class RouteInfoManager {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.NAMESRV);

    static final int PERM_WRITE = 1 << 1;
    static final int PERM_READ = 1 << 2;
    static final int FLAG_UNIT = 1;
    static final int FLAG_UNIT_SUB = 1 << 1;
    private static final String SYNC_BROKER_MEMBER_TOPIC_PREFIX = "rmq_sys_SYNC_BROKER_MEMBER_";

    private final RouteTableLock lock = new RouteTableLock();
    /** Topics, their queue data and static-topic mappings. */
    private final TopicTable topicTable = new TopicTable();
    /** Concurrent so that lookups may read it without the lock; changed under the write lock only. */
    private final Map<String, BrokerGroup> brokerAddrTable = new ConcurrentHashMap<>(128);
    private final Map<String, Set<String>> clusterAddrTable = new HashMap<>(32);
    private final Map<BrokerAddrInfo, List<String>> filterServerTable = new HashMap<>(256);
    /** Whether filterServerTable has any entry: then routes name them, and are encoded whole. */
    private volatile boolean anyFilterServers;
    /** Guarded by {@link #lock} like the tables. */
    private final BrokerLivenessTracker liveness;
    /** Guarded by {@link #lock} like the tables. */
    private final RegistrationMemory registrations = new RegistrationMemory();
    private final RouteLimitGuard limitGuard;

    private final RouteInfoSettings settings;
    private final JsonBodies json = new JsonBodies();
    /** Bumped by every change that can alter a route answer, the cluster table or the topic list. */
    private final AtomicLong routeVersion = new AtomicLong();
    /** Bumped by every change of the broker groups or clusters: what GET_BROKER_CLUSTER_INFO shows. */
    private final AtomicLong clusterVersion = new AtomicLong();
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
     * have changed (for whoever keeps a copy of the whole table, such as a snapshot).
     */
    public long routeVersion() {
        return routeVersion.get();
    }

    /** A number that changes whenever the cluster info (groups, their addresses, clusters) may have. */
    public long clusterVersion() {
        return clusterVersion.get();
    }

    /** A number that changes whenever a topic appears or disappears (not when its queues change). */
    public long topicSetVersion() {
        return topicTable.topicSetVersion();
    }

    /** The cluster or filter-server table changed (broker groups publish their own changes). */
    private void routesChanged() {
        routeVersion.incrementAndGet();
        clusterVersion.incrementAndGet();
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
            long topicsBefore = topicTable.modCount();
            try {
                result = change.apply(events);
            } finally {
                publish(topicsBefore);
            }
        } finally {
            lock.writeLock().unlock();
        }
        events.deliverTo(eventListener);
        return result;
    }

    /**
     * Before the write lock is released: a fresh view of every group the change touched, so that
     * lookups (which read views without the lock) see the whole change or none of it.
     */
    private void publish(long topicsBefore) {
        boolean groupsChanged = false;
        for (BrokerGroup group : brokerAddrTable.values()) {
            groupsChanged |= group.publishIfChanged();
        }
        if (groupsChanged) {
            routesChanged();
        } else if (topicTable.modCount() != topicsBefore) {
            routeVersion.incrementAndGet();
        }
        anyFilterServers = !filterServerTable.isEmpty();
    }

    /**
     * Whether the table knows the body with checksum {@code bodyCrc32} from this broker process's
     * earlier registrations, and applying it again would change nothing: its topics are in place
     * as that registration left them. Then the body need not be decoded; register with
     * {@link BrokerRegistration.Builder#sameBodyAsBefore} (re-checked under the write lock).
     */
    public boolean knowsBody(String clusterName, String brokerAddr, String brokerName, long brokerId,
                             Boolean enableActingMaster, int bodyCrc32) {
        lock.readLock().lock();
        try {
            return knownBodyVersion(new BrokerAddrInfo(clusterName, brokerAddr), brokerName, brokerId,
                enableActingMaster == null, bodyCrc32) != null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The data version of a known, still-applied body of this live process, or null; under the lock. */
    private DataVersion knownBodyVersion(BrokerAddrInfo addrInfo, String brokerName, long brokerId,
                                         boolean oldVersionBroker, int bodyCrc32) {
        BrokerGroup group = brokerAddrTable.get(brokerName);
        BrokerLiveInfo live = liveness.get(addrInfo);
        if (group == null || live == null || !group.cluster().equals(addrInfo.clusterName())
            || !addrInfo.brokerAddr().equals(group.brokerAddrs().get(brokerId))) {
            return null;
        }
        DataVersion version = registrations.knows(addrInfo, brokerName, brokerId, bodyCrc32,
            topicTable.epochOf(brokerName), isTopicSource(group, brokerId, oldVersionBroker));
        return version != null && version.equals(live.dataVersion()) ? version : null;
    }

    /**
     * Whether a registration of {@code brokerId} supplies the group's topics: the master, or a 5.x
     * slave with the lowest id of the group (the prime slave, which acts while no master is there).
     */
    private static boolean isTopicSource(BrokerGroup group, long brokerId, boolean oldVersionBroker) {
        return brokerId == BrokerGroup.MASTER_ID
            || !oldVersionBroker && brokerId == Collections.min(group.brokerAddrs().keySet());
    }

    /** The whole registration; the caller holds the write lock. */
    private RegisterBrokerResult applyRegistration(BrokerRegistration r, RouteEvents events) {
        limitGuard.checkRegistration(r, brokerAddrTable, liveness, topicTable);
        DataVersion incomingVersion = r.dataVersion();
        if (r.sameBodyAsBefore()) {
            incomingVersion = knownBodyVersion(r.addrInfo(), r.brokerName(), r.brokerId(), r.isOldVersionBroker(),
                r.bodyCrc32());
            if (incomingVersion == null) {
                return RegisterBrokerResult.BODY_NEEDED;
            }
        }
        boolean registerFirst = !brokerAddrTable.containsKey(r.brokerName());
        BrokerGroup group = joinGroup(r);

        Map<Long, String> addrs = group.brokerAddrs();
        // As Apache: a registration below the group's smallest id is announced (905); an empty group counts as 0.
        long previousMinBrokerId = addrs.isEmpty() ? 0 : Collections.min(addrs.keySet());
        // The same address under another id: the process switched role (slave <-> master).
        group.removeAddrsIf((id, addr) -> r.brokerAddr().equals(addr) && id != r.brokerId());

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
                long newStateVersion = incomingVersion.stateVersion();
                events.log(() -> LOG.warn("Registering broker conflicts with the existing one, just ignore: cluster {},"
                    + " broker {}, id {}, old addr {} stateVersion {}, new addr {} stateVersion {}", r.clusterName(),
                    r.brokerName(), r.brokerId(), conflicting, oldStateVersion, r.brokerAddr(), newStateVersion));
                // As Apache: the newcomer loses its live entry too (no event: it was never announced as new).
                liveness.remove(r.addrInfo());
                registrations.forget(r.addrInfo());
                return RegisterBrokerResult.EMPTY;
            }
        }

        Map<String, TopicConfig> topicConfigs = r.topicConfigs();
        if (!addrs.containsKey(r.brokerId()) && topicConfigs != null && topicConfigs.size() == 1) {
            events.log(() -> LOG.warn("Can't register topicConfigWrapper={} because broker[{}]={} has not registered",
                topicConfigs.keySet(), r.brokerId(), r.brokerAddr()));
            return null;
        }

        oldAddr = group.putAddr(r.brokerId(), r.brokerAddr());
        registerFirst = registerFirst || oldAddr == null || oldAddr.isEmpty();

        BrokerAddrInfo addrInfo = r.addrInfo();
        boolean topicSource = isTopicSource(group, r.brokerId(), r.isOldVersionBroker());
        boolean isPrimeSlave = topicSource && !r.isMaster();
        if (topicConfigs != null && topicSource) {
            applyTopicConfigs(group, addrInfo, registerFirst, isPrimeSlave, incomingVersion, r, events);
        }
        if (!r.sameBodyAsBefore() && r.topicConfigWrapper() != null) {
            registrations.applied(addrInfo, r.brokerName(), r.brokerId(), incomingVersion, r.bodyCrc32(),
                topicTable.epochOf(r.brokerName()), topicSource);
        }

        BrokerLiveInfo previous = liveness.register(r, incomingVersion);
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

    /**
     * Applies a master's (or prime slave's) topics, in time linear in the topics of this
     * registration and of its group, whatever the size of the table; the caller holds the write
     * lock.
     */
    private void applyTopicConfigs(BrokerGroup group, BrokerAddrInfo addrInfo, boolean registerFirst, boolean isPrimeSlave,
                                   DataVersion incomingVersion, BrokerRegistration r, RouteEvents events) {
        String brokerName = group.brokerName();
        Map<String, TopicConfig> topicConfigs = r.topicConfigs();
        Map<String, TopicQueueMappingInfo> mappings = r.topicConfigWrapper().topicQueueMappingInfoMap();
        RegistrationMemory.Batch batch = registrations.observe(addrInfo, brokerName, r.brokerId(), topicConfigs.keySet());
        // A split batch counts as a change even under an unchanged data version (#10425).
        boolean versionChanged = liveness.topicConfigChanged(addrInfo, incomingVersion) || batch.splitting();
        group.confirm(topicConfigs.keySet());

        if (settings.deleteTopicWithBrokerRegistration() && (mappings == null || mappings.isEmpty())) {
            pruneTopicsNotReported(brokerName, addrInfo, topicConfigs.keySet(), batch, events);
        }

        boolean readOnly = isPrimeSlave && group.enableActingMaster();
        for (TopicConfig tc : topicConfigs.values()) {
            // One look per topic, and nothing built for a topic whose queue data is already what this
            // registration says: a new data version nearly always repeats nearly every topic as it was.
            QueueData existing = topicTable.queueData(tc.topicName(), brokerName);
            if (existing != null && (!registerFirst && !versionChanged || sameQueues(existing, tc, readOnly))) {
                continue;
            }
            createAndUpdateQueueData(brokerName, tc, readOnly ? tc.perm() & ~PERM_WRITE : tc.perm(), events);
        }

        if ((versionChanged || registerFirst) && mappings != null) {
            for (Map.Entry<String, TopicQueueMappingInfo> e : mappings.entrySet()) {
                TopicQueueMappingInfo info = e.getValue();
                if (info != null && info.bname() != null) {
                    topicTable.putMapping(e.getKey(), info.bname(), info);
                }
            }
        }
    }

    /**
     * deleteTopicWithBrokerRegistration: removes the group's topics the broker no longer reports.
     * A full body lists them all, so what it does not name is gone (Apache does the same), except
     * after the first body seen from the process, which may be the first batch of a split
     * registration. The batches of a splitting process name a part each, so none of them removes
     * anything; the process's topics are swept per window instead ({@link RegistrationMemory}).
     */
    private void pruneTopicsNotReported(String brokerName, BrokerAddrInfo addrInfo, Set<String> reported,
                                        RegistrationMemory.Batch batch, RouteEvents events) {
        Set<String> keep;
        if (!batch.splitting()) {
            if (batch.firstSeen()) {
                return;
            }
            keep = reported;
        } else {
            keep = registrations.sweep(addrInfo, reported, topicTable.topicsOf(brokerName), liveness.now());
            if (keep == null) {
                return;
            }
        }
        for (String topic : new ArrayList<>(topicTable.topicsOf(brokerName))) {
            if (!keep.contains(topic)) {
                topicTable.remove(topic, brokerName);
                events.topicLines().dropped(brokerName, topic);
            }
        }
    }

    /** Whether the group's queue data for the topic is what {@code tc} would make it (without building it). */
    private static boolean sameQueues(QueueData existing, TopicConfig tc, boolean readOnly) {
        int perm = readOnly ? tc.perm() & ~PERM_WRITE : tc.perm();
        return existing.perm() == perm && existing.readQueueNums() == tc.readQueueNums()
            && existing.writeQueueNums() == tc.writeQueueNums() && existing.topicSysFlag() == tc.topicSysFlag();
    }

    private void createAndUpdateQueueData(String brokerName, TopicConfig tc, int perm, RouteEvents events) {
        QueueData queueData = new QueueData(brokerName, perm, tc.readQueueNums(), tc.topicSysFlag(), tc.writeQueueNums());
        boolean newTopic = !topicTable.containsTopic(tc.topicName());
        QueueData existing = topicTable.put(tc.topicName(), queueData);
        if (newTopic) {
            events.topicLines().added(tc.topicName(), queueData);
        } else if (existing != null && !existing.equals(queueData)) {
            events.topicLines().changed(tc.topicName(), existing, queueData);
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
            limitGuard.checkTopic(topic, queueDatas, topicTable);
            for (QueueData qd : queueDatas) {
                topicTable.put(topic, qd);
            }
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
        registrations.forget(addrInfo);
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
            reduced = group.removeAddr(request.brokerAddr());
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

    /** Removes the group's queue data from every topic, in time linear in the group's topics. */
    private void removeTopicsOfBroker(String brokerName, RouteEvents events) {
        for (String topic : topicTable.removeGroup(brokerName)) {
            events.topicLines().gone(topic);
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
                liveness, topicTable);
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
        if (group.removeAddrsIf((id, addr) -> m.addr().equals(addr) && id != m.brokerId())) {
            routesChanged();
        }
        String old = group.putAddr(m.brokerId(), m.addr());
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
            topicTable.put(e.getKey(), ours);
        }
        for (Map.Entry<String, TopicQueueMappingInfo> e : g.mappings().entrySet()) {
            topicTable.putMapping(e.getKey(), brokerName, e.getValue());
        }
        group.markUnconfirmed(g.queues().keySet(), unconfirmedUntil);
    }

    /** Removes one group's queues of a topic, and the topic once no group serves it. */
    private void removeQueueData(String topic, String brokerName) {
        topicTable.remove(topic, brokerName);
        topicTable.removeMapping(topic, brokerName);
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
     * A copy of the whole table as broker groups. Members are taken with their origin and
     * last-heard time; a member without a live entry is left out.
     *
     * <p>Each group is copied under the read lock on its own, never the whole table under one
     * hold: at 256,000 topics that copy took hundreds of milliseconds, and every registration
     * waited for it (a 1,000-topic change took 894 ms once in mqbench's churn, every 10 s snapshot
     * could do it). So each group is as it was at one instant, and the groups at instants a few
     * milliseconds apart, which a snapshot taken a moment earlier or later could equally show: a
     * change acknowledged before the copy began is always in it.
     */
    public RouteImage image() {
        List<String> brokerNames;
        Map<String, Map<String, TopicQueueMappingInfo>> mappingsByGroup = new HashMap<>();
        lock.readLock().lock();
        try {
            brokerNames = new ArrayList<>(brokerAddrTable.keySet());
            topicTable.forEachMapping((topic, brokerName, info) ->
                mappingsByGroup.computeIfAbsent(brokerName, k -> new HashMap<>()).put(topic, info));
        } finally {
            lock.readLock().unlock();
        }
        List<RouteImage.Group> groups = new ArrayList<>(brokerNames.size());
        for (String brokerName : brokerNames) {
            lock.readLock().lock();
            try {
                BrokerGroup group = brokerAddrTable.get(brokerName);
                if (group != null) {
                    groups.add(groupImageLocked(group, mappingsByGroup.get(brokerName)));
                }
            } finally {
                lock.readLock().unlock();
            }
        }
        return new RouteImage(groups);
    }

    /** The broker names in the table now, to take {@link #groupImage} of one after another. */
    public List<String> brokerNames() {
        return new ArrayList<>(brokerAddrTable.keySet());
    }

    /**
     * One broker group as {@link #image()} copies it, or null when it is gone: for the route
     * snapshot, which encodes each group as it is copied and so never holds a copy of the whole
     * table (at a million topics, hundreds of MB).
     */
    public RouteImage.Group groupImage(String brokerName) {
        lock.readLock().lock();
        try {
            BrokerGroup group = brokerAddrTable.get(brokerName);
            if (group == null) {
                return null;
            }
            // Mappings are kept by topic and named by the broker they mention (not always a group here):
            // few topics are static, so going through them all is cheap.
            Map<String, TopicQueueMappingInfo> mappings = new HashMap<>();
            topicTable.forEachMapping((topic, name, info) -> {
                if (name.equals(brokerName)) {
                    mappings.put(topic, info);
                }
            });
            return groupImageLocked(group, mappings);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The caller holds the lock; {@code mappings} are the group's static-topic mappings, or null. */
    private RouteImage.Group groupImageLocked(BrokerGroup group, Map<String, TopicQueueMappingInfo> mappings) {
        String brokerName = group.brokerName();
        Set<String> topics = topicTable.topicsOf(brokerName);
        Map<String, QueueData> queues = new HashMap<>(topics.size() * 2);
        for (String topic : topics) {
            queues.put(topic, topicTable.queueData(topic, brokerName));
        }
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
        return new RouteImage.Group(group.cluster(), brokerName, group.zoneName(), group.enableActingMaster(), members,
            queues, mappings);
    }

    // ---------------------------------------------------------------- route queries

    /** One topic's route as read from the table: its queue data and the views of its groups. */
    private record RouteParts(TopicRoute route, GroupView[] groups, TopicMappings mappings) {
    }

    /**
     * The topic's parts; null when no group serves it. Reads only immutable objects and concurrent
     * maps, so it may run without the lock (the caller validates afterwards).
     */
    private RouteParts parts(String topic) {
        TopicRoute route = topicTable.route(topic);
        if (route == null) {
            return null;
        }
        GroupView[] groups = new GroupView[route.size()];
        for (int i = 0; i < groups.length; i++) {
            BrokerGroup group = brokerAddrTable.get(route.slot(i).brokerName());
            groups[i] = group == null ? null : group.view();
        }
        return new RouteParts(route, groups, topicTable.mappings(topic));
    }

    /**
     * The GET_ROUTEINFO_BY_TOPIC body for a topic in the plain or the standard JSON form, carrying
     * {@code orderTopicConf} (null: none), or null when no live broker serves the topic. Written
     * from parts the table keeps encoded: no copy of the route, no JSON encoding, and normally no
     * lock (it waits for the read lock only when a change ran during the read).
     */
    public BodyParts routeBody(String topic, boolean standardJson, String orderTopicConf) {
        if (topic == null) {
            return null;
        }
        long stamp = lock.tryOptimisticRead();
        RouteParts parts = anyFilterServers ? null : parts(topic);
        if (lock.validate(stamp) && !anyFilterServers) {
            return write(topic, parts, standardJson, orderTopicConf);
        }
        lock.readLock().lock();
        try {
            if (!anyFilterServers) {
                parts = parts(topic);
            }
        } finally {
            lock.readLock().unlock();
        }
        if (parts == null) {
            TopicRouteData route = pickupTopicRouteData(topic);
            return route == null ? null : BodyParts.of(encode(route.withOrderTopicConf(orderTopicConf), standardJson));
        }
        return write(topic, parts, standardJson, orderTopicConf);
    }

    /**
     * {@link #routeBody} for a thread that must not wait (a network thread): null when the topic
     * has no route, and also when a change was running or the route must be encoded whole; the
     * caller then asks {@link #routeBody} from a thread that may wait.
     */
    public BodyParts routeBodyWithoutWaiting(String topic, boolean standardJson, String orderTopicConf) {
        if (topic == null) {
            return null;
        }
        long stamp = lock.tryOptimisticRead();
        if (stamp == 0 || anyFilterServers) {
            return null;
        }
        RouteParts parts = parts(topic);
        return lock.validate(stamp) ? write(topic, parts, standardJson, orderTopicConf) : null;
    }

    private byte[] encode(TopicRouteData route, boolean standardJson) {
        return standardJson ? json.encodeStandard(route) : json.encode(route);
    }

    /** Joins the parts (all immutable by now) into the body; null when none of the groups is known. */
    private BodyParts write(String topic, RouteParts parts, boolean standardJson, String orderTopicConf) {
        if (parts == null) {
            return null;
        }
        TopicRoute route = parts.route();
        boolean actingRewrite = actingMasterRewrite(topic);
        byte[][] groups = new byte[route.size()][];
        for (int i = 0; i < groups.length; i++) {
            GroupView view = parts.groups()[i];
            if (view != null) {
                groups[i] = view.json(json, standardJson, actsAsMaster(view, route.slot(i), actingRewrite));
            }
        }
        byte[] conf = orderTopicConf == null ? null
            : standardJson ? json.encodeStandard(orderTopicConf) : json.encode(orderTopicConf);
        return RouteWriter.write(json, standardJson, route, groups, conf, parts.mappings());
    }

    /** Whether routes of the topic show acting masters (Apache leaves its sync topics alone). */
    private boolean actingMasterRewrite(String topic) {
        return settings.supportActingMaster() && !topic.startsWith(SYNC_BROKER_MEMBER_TOPIC_PREFIX);
    }

    /** A master-less group with acting master on whose queues here are read-only: its lowest slave acts as id 0. */
    private static boolean actsAsMaster(GroupView view, QueueSlot slot, boolean actingRewrite) {
        return actingRewrite && view.acting() != null && (slot.data().perm() & PERM_WRITE) == 0;
    }

    /** The route of a topic, or null when no live broker serves it. */
    public TopicRouteData pickupTopicRouteData(String topic) {
        if (topic == null) {
            return null;
        }
        RouteParts parts;
        Map<String, List<String>> filterServers = new HashMap<>();
        lock.readLock().lock();
        try {
            parts = parts(topic);
            if (parts == null) {
                return null;
            }
            if (!filterServerTable.isEmpty()) {
                for (GroupView view : parts.groups()) {
                    if (view != null) {
                        for (String addr : view.data().brokerAddrs().values()) {
                            filterServers.put(addr, filterServerTable.get(new BrokerAddrInfo(view.data().cluster(), addr)));
                        }
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        TopicRoute route = parts.route();
        boolean actingRewrite = actingMasterRewrite(topic);
        List<QueueData> queueDatas = new ArrayList<>(route.size());
        List<BrokerData> brokerDatas = new ArrayList<>(route.size());
        for (int i = 0; i < route.size(); i++) {
            QueueSlot slot = route.slot(i);
            queueDatas.add(slot.data());
            GroupView view = parts.groups()[i];
            if (view != null) {
                brokerDatas.add(actsAsMaster(view, slot, actingRewrite) ? view.acting() : view.data());
            }
        }
        if (brokerDatas.isEmpty()) {
            return null;
        }
        Map<String, TopicQueueMappingInfo> mapping = parts.mappings() == null ? null
            : new HashMap<>(parts.mappings().byBroker());
        return new TopicRouteData(brokerDatas, filterServers, null, queueDatas, mapping);
    }

    public ClusterInfo getAllClusterInfo() {
        lock.readLock().lock();
        try {
            Map<String, BrokerData> brokers = new HashMap<>(brokerAddrTable.size() * 2);
            for (Map.Entry<String, BrokerGroup> e : brokerAddrTable.entrySet()) {
                brokers.put(e.getKey(), e.getValue().view().data());
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

    /** Every topic; a copy taken under the read lock (for the encoded answer see {@link #topicNamesView}). */
    public TopicList getAllTopicList() {
        lock.readLock().lock();
        try {
            return new TopicList(new LinkedHashSet<>(topicTable.topicNames()), null);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every topic name as a live, read-only view, to be encoded without copying and without the
     * lock: weakly consistent (a topic added or removed meanwhile may or may not be in it), which
     * {@link #topicSetVersion()}, read before and compared after, detects.
     */
    public Set<String> topicNamesView() {
        return Collections.unmodifiableSet(topicTable.topicNames());
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
            for (String brokerName : brokerNames) {
                topics.addAll(topicTable.topicsOf(brokerName));
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
            for (TopicRoute route : topicTable.routes()) {
                if (test.test(route.slot(0).data().topicSysFlag())) {
                    topics.add(route.topic());
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
        return change(events -> operateWritePerm(brokerName, add));
    }

    private int operateWritePerm(String brokerName, boolean add) {
        return topicTable.setWritePerm(brokerName, add, PERM_READ, PERM_WRITE);
    }

    /** Removes the topic everywhere. */
    public void deleteTopic(String topic) {
        change(events -> {
            if (!topicTable.removeTopic(topic).isEmpty()) {
                events.log(() -> LOG.info("deleteTopic {}", topic));
            }
            topicTable.removeMappings(topic);
            return null;
        });
    }

    /** Removes the topic's queues on the cluster's brokers, and the topic once none are left. */
    public void deleteTopic(String topic, String clusterName) {
        change(events -> {
            Set<String> brokerNames = clusterAddrTable.get(clusterName);
            if (brokerNames == null || !topicTable.containsTopic(topic)) {
                return null;
            }
            for (String brokerName : brokerNames) {
                if (topicTable.remove(topic, brokerName) != null) {
                    events.log(() -> LOG.info("deleteTopic, remove one broker's topic {} {}", brokerName, topic));
                }
            }
            if (!topicTable.containsTopic(topic)) {
                topicTable.removeMappings(topic);
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
                topicTable.topicCount(), topicTable.queueEntries());
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
            return topicTable.topicNames().toArray(new String[0]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The topic table itself, for tests in this package. */
    TopicTable topicTable() {
        return topicTable;
    }

    /** A broker group, for tests in this package. */
    BrokerGroup group(String brokerName) {
        return brokerAddrTable.get(brokerName);
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
