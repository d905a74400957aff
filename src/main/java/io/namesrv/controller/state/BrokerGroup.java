package io.namesrv.controller.state;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One broker group (a {@code brokerName}) in the replicated state: its replicas, the next id to
 * hand out, the master and the in-sync set with their epochs. Immutable; every change is a new
 * value, so a state can be read while the next one is built. Sorted collections keep iteration
 * and serialisation identical on every replica.
 *
 * @param masterBrokerId null while the group has no master
 */
public record BrokerGroup(String clusterName, String brokerName, long nextAssignBrokerId,
                          SortedMap<Long, Replica> replicas, Long masterBrokerId, int masterEpoch,
                          int syncStateSetEpoch, SortedSet<Long> syncStateSet) {

    public BrokerGroup {
        replicas = Collections.unmodifiableSortedMap(new TreeMap<>(replicas));
        syncStateSet = Collections.unmodifiableSortedSet(new TreeSet<>(syncStateSet));
    }

    /** A group created by its first broker id: no master yet, both epochs 0, an empty in-sync set. */
    static BrokerGroup first(String clusterName, String brokerName, Replica replica) {
        return new BrokerGroup(clusterName, brokerName, replica.brokerId() + 1,
            new TreeMap<>(Map.of(replica.brokerId(), replica)), null, 0, 0, new TreeSet<>());
    }

    /** Apache's {@code isFirstTimeForElect}: no election has happened in this group yet. */
    public boolean neverElected() {
        return masterEpoch == 0;
    }

    public String addressOf(Long brokerId) {
        Replica r = brokerId == null ? null : replicas.get(brokerId);
        return r == null ? null : r.address();
    }

    public String masterAddress() {
        return addressOf(masterBrokerId);
    }

    /**
     * With a new replica. The next id moves past the new one: Apache only adds one, so after an
     * out-of-order apply (id 3 while 2 was next) it would later offer 3 again, which then fails
     * to apply forever.
     */
    BrokerGroup withReplica(Replica replica) {
        SortedMap<Long, Replica> next = new TreeMap<>(replicas);
        next.put(replica.brokerId(), replica);
        long nextId = Math.max(nextAssignBrokerId, replica.brokerId() + 1);
        return new BrokerGroup(clusterName, brokerName, nextId, next, masterBrokerId, masterEpoch, syncStateSetEpoch,
            syncStateSet);
    }

    BrokerGroup withAddress(long brokerId, String address) {
        SortedMap<Long, Replica> next = new TreeMap<>(replicas);
        next.put(brokerId, replicas.get(brokerId).withAddress(address));
        return new BrokerGroup(clusterName, brokerName, nextAssignBrokerId, next, masterBrokerId, masterEpoch,
            syncStateSetEpoch, syncStateSet);
    }

    /** A new master (both epochs move on, the in-sync set restarts with the master alone). */
    BrokerGroup withMaster(long newMaster) {
        return new BrokerGroup(clusterName, brokerName, nextAssignBrokerId, replicas, newMaster, masterEpoch + 1,
            syncStateSetEpoch + 1, new TreeSet<>(Set.of(newMaster)));
    }

    /** No master: the master epoch moves on (fencing the old one), the in-sync set is kept as Apache keeps it. */
    BrokerGroup withoutMaster() {
        return new BrokerGroup(clusterName, brokerName, nextAssignBrokerId, replicas, null, masterEpoch + 1,
            syncStateSetEpoch, syncStateSet);
    }

    BrokerGroup withSyncStateSet(Set<Long> newSet) {
        return new BrokerGroup(clusterName, brokerName, nextAssignBrokerId, replicas, masterBrokerId, masterEpoch,
            syncStateSetEpoch + 1, new TreeSet<>(newSet));
    }

    /** Without the given replicas; the master goes too when it is one of them. */
    BrokerGroup without(Set<Long> brokerIds) {
        SortedMap<Long, Replica> next = new TreeMap<>(replicas);
        next.keySet().removeAll(brokerIds);
        SortedSet<Long> set = new TreeSet<>(syncStateSet);
        set.removeAll(brokerIds);
        Long master = masterBrokerId != null && brokerIds.contains(masterBrokerId) ? null : masterBrokerId;
        return new BrokerGroup(clusterName, brokerName, nextAssignBrokerId, next, master, masterEpoch, syncStateSetEpoch,
            set);
    }
}
