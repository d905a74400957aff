package io.namesrv.protocol.controller;

import java.util.List;
import java.util.Map;

/** The body of CONTROLLER_GET_SYNC_STATE_DATA (1006): each asked-for group's master, epochs and replicas. */
public record BrokerReplicasInfo(Map<String, ReplicasInfo> replicasInfoTable) {

    /** One group: its master (absent while it has none), both epochs, and who is in and out of sync. */
    public record ReplicasInfo(List<ReplicaIdentity> inSyncReplicas, String masterAddress, Long masterBrokerId,
                               int masterEpoch, List<ReplicaIdentity> notInSyncReplicas, int syncStateSetEpoch) {
    }

    /** One replica and whether the controller hears its heartbeats. */
    public record ReplicaIdentity(boolean alive, String brokerAddress, Long brokerId, String brokerName) {
    }
}
