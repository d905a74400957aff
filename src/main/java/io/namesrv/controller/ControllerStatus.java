package io.namesrv.controller;

import java.util.List;

/**
 * What the controller shows on /metrics and /status: this node's Raft role, the leader, the term,
 * and each broker group's master, epochs and in-sync set (as applied on this node).
 *
 * @param role   {@code leader}, {@code follower}, or {@code none} while no leader is known
 * @param leader the leader's controller address, or null
 */
public record ControllerStatus(String role, String self, String leader, long term, long appliedIndex,
                               long snapshotsLoaded, int liveBrokers, List<Group> groups) {

    /** One broker group; {@code masterBrokerId} and {@code masterAddress} are null without a master. */
    public record Group(String clusterName, String brokerName, Long masterBrokerId, String masterAddress,
                        int masterEpoch, int syncStateSetEpoch, List<Long> inSyncReplicas, List<Long> replicas) {
    }
}
