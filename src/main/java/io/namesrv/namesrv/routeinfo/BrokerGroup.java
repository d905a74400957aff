package io.namesrv.namesrv.routeinfo;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One broker name (a master and its slaves) as the route table keeps it: mutable, guarded by
 * the route table's lock. Every change marks it dirty; the route table publishes a fresh
 * immutable {@link GroupView} of each dirty group before it releases the write lock, and lookups
 * read only that view.
 *
 * <p>Topics that came from a provisional source (a snapshot or a peer) and that no direct
 * registration has reported since are <em>unconfirmed</em>, with a deadline: a topic deleted
 * while this name server was down must not stay in its routes for good once the broker is back.
 */
final class BrokerGroup {

    static final long MASTER_ID = 0L;

    private final String cluster;
    private final String brokerName;
    private final Map<Long, String> brokerAddrs = new HashMap<>();
    private final Map<Long, String> readOnlyAddrs = Collections.unmodifiableMap(brokerAddrs);
    private String zoneName;
    private boolean enableActingMaster;
    private boolean dirty = true;
    private volatile GroupView view;
    /** Null when every topic of the group came from a direct registration. */
    private Set<String> unconfirmedTopics;
    private long unconfirmedUntil;

    BrokerGroup(String cluster, String brokerName) {
        this.cluster = cluster;
        this.brokerName = brokerName;
    }

    String cluster() {
        return cluster;
    }

    String brokerName() {
        return brokerName;
    }

    /** Id to address, read-only: change it through {@link #putAddr} and the removals below. */
    Map<Long, String> brokerAddrs() {
        return readOnlyAddrs;
    }

    /** Returns the address the id had (null when none). */
    String putAddr(long brokerId, String addr) {
        String old = brokerAddrs.put(brokerId, addr);
        if (!addr.equals(old)) {
            dirty = true;
        }
        return old;
    }

    /** Removes every id whose entry matches; true when one was removed. */
    boolean removeAddrsIf(BiPredicate<Long, String> test) {
        boolean removed = brokerAddrs.entrySet().removeIf(e -> test.test(e.getKey(), e.getValue()));
        dirty |= removed;
        return removed;
    }

    /** Removes every id registered at the address; true when one was. */
    boolean removeAddr(String addr) {
        return removeAddrsIf((id, a) -> a.equals(addr));
    }

    String zoneName() {
        return zoneName;
    }

    void setZoneName(String zoneName) {
        dirty |= !java.util.Objects.equals(this.zoneName, zoneName);
        this.zoneName = zoneName;
    }

    boolean enableActingMaster() {
        return enableActingMaster;
    }

    void setEnableActingMaster(boolean enableActingMaster) {
        dirty |= this.enableActingMaster != enableActingMaster;
        this.enableActingMaster = enableActingMaster;
    }

    /** The group as lookups see it (null only before its first publication, which no lookup can see). */
    GroupView view() {
        return view;
    }

    /** Publishes a fresh view if anything changed since the last one; true when it did (write lock). */
    boolean publishIfChanged() {
        if (!dirty) {
            return false;
        }
        view = GroupView.of(this);
        dirty = false;
        return true;
    }

    /** The topics last merged from a provisional source (empty when none are pending). */
    Set<String> unconfirmedTopics() {
        return unconfirmedTopics == null ? Set.of() : unconfirmedTopics;
    }

    /** When unconfirmed topics are dropped, if a direct registration has taken over the group by then. */
    long unconfirmedUntil() {
        return unconfirmedUntil;
    }

    /** Replaces the unconfirmed topics with those of a provisional merge. */
    void markUnconfirmed(Collection<String> topics, long until) {
        unconfirmedTopics = topics.isEmpty() ? null : new HashSet<>(topics);
        unconfirmedUntil = until;
    }

    /** A direct registration reported these topics: they are no longer provisional. */
    void confirm(Collection<String> topics) {
        if (unconfirmedTopics != null) {
            unconfirmedTopics.removeAll(topics);
            if (unconfirmedTopics.isEmpty()) {
                unconfirmedTopics = null;
            }
        }
    }

    void clearUnconfirmed() {
        unconfirmedTopics = null;
    }
}
