package io.namesrv.namesrv.routeinfo;

import java.util.HashMap;
import java.util.Map;

/**
 * One broker name (a master and its slaves) as the route table keeps it: mutable, guarded by
 * the route table's lock, and copied into an immutable {@code BrokerData} for every answer.
 */
final class BrokerGroup {

    static final long MASTER_ID = 0L;

    private final String cluster;
    private final String brokerName;
    private final Map<Long, String> brokerAddrs = new HashMap<>();
    private String zoneName;
    private boolean enableActingMaster;

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
}
