package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicQueueMappingInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Apache's topicQueueTable (topic -> broker name -> queue data) and topicQueueMappingInfoTable,
 * kept so that a lookup never copies or encodes and a change touches only what it changes:
 * <ul>
 *   <li>each topic maps to an immutable {@link TopicRoute} of shared {@link QueueSlot}s, replaced
 *       when that topic changes and read without locking;</li>
 *   <li>each broker group knows its topics, so removing a group, wiping its write permission or
 *       pruning the topics it stopped reporting costs that group's topics, not the table's;</li>
 *   <li>each group has a topic epoch that moves whenever any of its queue data changes, so a
 *       registration can tell that what it applied last time is still in place.</li>
 * </ul>
 * Changes need the route table's write lock; {@link #route}, {@link #mappings} and
 * {@link #topicSetVersion} may be read without it.
 */
final class TopicTable {

    /** One broker group's topics; guarded by the write lock. */
    private static final class GroupTopics {
        final Set<String> topics = new HashSet<>();
        /** The table's modCount at the group's last change: never repeats, even for a group that came back. */
        long epoch;
    }

    private final ConcurrentHashMap<String, TopicRoute> routes = new ConcurrentHashMap<>(1024);
    private final ConcurrentHashMap<String, TopicMappings> mappings = new ConcurrentHashMap<>();
    private final Map<String, GroupTopics> byGroup = new HashMap<>(256);
    /** Slots in use, by value, so that equal queue data is held once. */
    private final Map<QueueData, QueueSlot> slots = new HashMap<>(256);
    /** (topic, broker name) pairs, the sum of every route's size. */
    private long queueEntries;
    /** Moves whenever a topic appears or disappears (not when its queues change). */
    private volatile long topicSetVersion;
    /** Moves on every change of queue data or mappings. */
    private long modCount;

    // ---------------------------------------------------------------- lock-free reads

    /** The topic's route, or null; safe without the lock (the route is immutable). */
    TopicRoute route(String topic) {
        return routes.get(topic);
    }

    /** The topic's static-queue mappings, or null; safe without the lock. */
    TopicMappings mappings(String topic) {
        return mappings.isEmpty() ? null : mappings.get(topic);
    }

    long topicSetVersion() {
        return topicSetVersion;
    }

    // ---------------------------------------------------------------- reads under a lock

    QueueData queueData(String topic, String brokerName) {
        TopicRoute route = routes.get(topic);
        if (route == null) {
            return null;
        }
        int i = route.indexOf(brokerName);
        return i < 0 ? null : route.slot(i).data();
    }

    boolean contains(String topic, String brokerName) {
        TopicRoute route = routes.get(topic);
        return route != null && route.indexOf(brokerName) >= 0;
    }

    boolean containsTopic(String topic) {
        return routes.containsKey(topic);
    }

    /** The topics the group serves queues for: a read-only view, to be copied before changing the table. */
    Set<String> topicsOf(String brokerName) {
        GroupTopics g = byGroup.get(brokerName);
        return g == null ? Set.of() : Collections.unmodifiableSet(g.topics);
    }

    /** A number that moves whenever any queue data of the group changes. */
    long epochOf(String brokerName) {
        GroupTopics g = byGroup.get(brokerName);
        return g == null ? 0 : g.epoch;
    }

    Collection<TopicRoute> routes() {
        return routes.values();
    }

    /** The topic names: a live view (weakly consistent without the lock). */
    Set<String> topicNames() {
        return routes.keySet();
    }

    int topicCount() {
        return routes.size();
    }

    long queueEntries() {
        return queueEntries;
    }

    long modCount() {
        return modCount;
    }

    /** What {@link #forEachMapping} hands out: one group's mapping of one static topic. */
    interface MappingVisitor {
        void visit(String topic, String brokerName, TopicQueueMappingInfo info);
    }

    /** Every static-topic mapping, by topic and group. */
    void forEachMapping(MappingVisitor visitor) {
        for (Map.Entry<String, TopicMappings> e : mappings.entrySet()) {
            e.getValue().byBroker().forEach((brokerName, info) -> visitor.visit(e.getKey(), brokerName, info));
        }
    }

    // ---------------------------------------------------------------- changes (write lock)

    /**
     * Sets the group's queue data for the topic. Returns what it replaced (null when the group had
     * none for it); nothing changes when that equals {@code queueData}.
     */
    QueueData put(String topic, QueueData queueData) {
        TopicRoute route = routes.get(topic);
        if (route == null) {
            routes.put(topic, new TopicRoute(topic, new QueueSlot[] {intern(queueData)}));
            added(topic, queueData.brokerName());
            topicSetVersion++;
            return null;
        }
        int i = route.indexOf(queueData.brokerName());
        if (i >= 0) {
            QueueSlot current = route.slot(i);
            if (current.data().equals(queueData)) {
                return current.data();
            }
            routes.put(topic, route.replaced(i, intern(queueData)));
            release(current);
            touched(queueData.brokerName());
            return current.data();
        }
        routes.put(topic, route.inserted(-i - 1, intern(queueData)));
        added(route.topic(), queueData.brokerName());
        return null;
    }

    /** Removes the group's queue data for the topic, and the topic once none is left; returns it or null. */
    QueueData remove(String topic, String brokerName) {
        TopicRoute route = routes.get(topic);
        if (route == null) {
            return null;
        }
        int i = route.indexOf(brokerName);
        if (i < 0) {
            return null;
        }
        QueueSlot slot = route.slot(i);
        TopicRoute rest = route.removed(i);
        if (rest == null) {
            routes.remove(topic);
            topicSetVersion++;
        } else {
            routes.put(topic, rest);
        }
        release(slot);
        removed(route.topic(), brokerName);
        return slot.data();
    }

    /** Removes the topic everywhere; returns its queue data (empty when it had none). */
    List<QueueData> removeTopic(String topic) {
        TopicRoute route = routes.remove(topic);
        if (route == null) {
            return List.of();
        }
        topicSetVersion++;
        List<QueueData> removed = new ArrayList<>(route.size());
        for (int i = 0; i < route.size(); i++) {
            QueueSlot slot = route.slot(i);
            release(slot);
            removed(route.topic(), slot.brokerName());
            removed.add(slot.data());
        }
        return removed;
    }

    /**
     * Removes the group's queue data from every topic it serves; returns the topics that no group
     * serves any more (and that are therefore gone).
     */
    List<String> removeGroup(String brokerName) {
        GroupTopics g = byGroup.get(brokerName);
        if (g == null) {
            return List.of();
        }
        List<String> gone = new ArrayList<>();
        for (String topic : new ArrayList<>(g.topics)) {
            remove(topic, brokerName);
            if (!routes.containsKey(topic)) {
                gone.add(topic);
            }
        }
        return gone;
    }

    /**
     * Sets (add: READ|WRITE) or clears (WRITE) the write permission of the group's queues on every
     * topic it serves; returns how many topics it serves.
     */
    int setWritePerm(String brokerName, boolean add, int permRead, int permWrite) {
        Set<String> topics = topicsOf(brokerName);
        for (String topic : new ArrayList<>(topics)) {
            QueueData qd = queueData(topic, brokerName);
            int perm = add ? permRead | permWrite : qd.perm() & ~permWrite;
            if (perm != qd.perm()) {
                put(topic, qd.withPerm(perm));
            }
        }
        return topics.size();
    }

    /** Sets the group's mapping of a static topic; false when it was already that. */
    boolean putMapping(String topic, String brokerName, TopicQueueMappingInfo info) {
        TopicMappings old = mappings.get(topic);
        if (old != null && info.equals(old.byBroker().get(brokerName))) {
            return false;
        }
        mappings.put(topic, TopicMappings.of(old, brokerName, info));
        modCount++;
        return true;
    }

    boolean removeMapping(String topic, String brokerName) {
        TopicMappings old = mappings.get(topic);
        if (old == null || !old.byBroker().containsKey(brokerName)) {
            return false;
        }
        TopicMappings rest = old.without(brokerName);
        if (rest == null) {
            mappings.remove(topic);
        } else {
            mappings.put(topic, rest);
        }
        modCount++;
        return true;
    }

    boolean removeMappings(String topic) {
        if (mappings.remove(topic) != null) {
            modCount++;
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- bookkeeping

    private QueueSlot intern(QueueData queueData) {
        QueueSlot slot = slots.computeIfAbsent(queueData, QueueSlot::new);
        slot.retain();
        return slot;
    }

    private void release(QueueSlot slot) {
        if (slot.release() == 0) {
            slots.remove(slot.data());
        }
    }

    private void added(String topic, String brokerName) {
        GroupTopics g = byGroup.computeIfAbsent(brokerName, k -> new GroupTopics());
        g.topics.add(topic);
        queueEntries++;
        g.epoch = ++modCount;
    }

    private void removed(String topic, String brokerName) {
        GroupTopics g = byGroup.get(brokerName);
        if (g != null) {
            g.topics.remove(topic);
            g.epoch = modCount + 1;
            if (g.topics.isEmpty()) {
                byGroup.remove(brokerName);
            }
        }
        queueEntries--;
        modCount++;
    }

    private void touched(String brokerName) {
        GroupTopics g = byGroup.get(brokerName);
        modCount++;
        if (g != null) {
            g.epoch = modCount;
        }
    }

    /** Distinct queue data held, for tests of the sharing. */
    int slotCount() {
        return slots.size();
    }
}
