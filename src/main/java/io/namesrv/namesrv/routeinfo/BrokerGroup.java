package io.namesrv.namesrv.routeinfo;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One broker name (a master and its slaves) as the route table keeps it: mutable, guarded by
 * the route table's lock, and copied into an immutable {@code BrokerData} for every answer.
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
    private String zoneName;
    private boolean enableActingMaster;
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

    /** The live map of id to address; callers hold the route table's write lock to change it. */
    Map<Long, String> brokerAddrs() {
        return brokerAddrs;
    }

    String zoneName() {
        return zoneName;
    }

    void setZoneName(String zoneName) {
        this.zoneName = zoneName;
    }

    boolean enableActingMaster() {
        return enableActingMaster;
    }

    void setEnableActingMaster(boolean enableActingMaster) {
        this.enableActingMaster = enableActingMaster;
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
