package io.namesrv.namesrv.metrics;

import io.namesrv.controller.ControllerStatus;

/**
 * The embedded controller's figures on /metrics: this node's Raft role, term and applied index,
 * the leader, and for each broker group its master, epochs and in-sync set size.
 */
final class ControllerMetrics {

    private ControllerMetrics() {
    }

    static void write(PrometheusTextWriter w, ControllerStatus s) {
        w.family("namesrv_controller_role", PrometheusTextWriter.Type.GAUGE,
            "1 for this controller's current Raft role (leader, follower, or none while no leader is known).");
        for (String role : new String[] {"leader", "follower", "none"}) {
            w.sample("namesrv_controller_role", role.equals(s.role()) ? 1 : 0, "role", role);
        }
        w.family("namesrv_controller_leader", PrometheusTextWriter.Type.GAUGE,
            "1, labelled with the controller address of the current Raft leader.");
        if (s.leader() != null) {
            w.sample("namesrv_controller_leader", 1, "leader", s.leader());
        }
        w.family("namesrv_controller_term", PrometheusTextWriter.Type.GAUGE, "The Raft term this node last saw lead.");
        w.sample("namesrv_controller_term", s.term());
        w.family("namesrv_controller_applied_index", PrometheusTextWriter.Type.GAUGE,
            "The last Raft log index applied to this node's state.");
        w.sample("namesrv_controller_applied_index", s.appliedIndex());
        w.family("namesrv_controller_live_brokers", PrometheusTextWriter.Type.GAUGE,
            "Brokers whose controller heartbeats this node hears (directly or forwarded).");
        w.sample("namesrv_controller_live_brokers", s.liveBrokers());
        w.family("namesrv_controller_group_master", PrometheusTextWriter.Type.GAUGE,
            "The controller id of each broker group's master (-1: no master).");
        s.groups().forEach(g -> w.sample("namesrv_controller_group_master",
            g.masterBrokerId() == null ? -1 : g.masterBrokerId(), "cluster", g.clusterName(), "broker", g.brokerName(),
            "address", g.masterAddress() == null ? "" : g.masterAddress()));
        w.family("namesrv_controller_group_master_epoch", PrometheusTextWriter.Type.GAUGE,
            "Each broker group's master epoch (rises at every election).");
        s.groups().forEach(g -> w.sample("namesrv_controller_group_master_epoch", g.masterEpoch(),
            "cluster", g.clusterName(), "broker", g.brokerName()));
        w.family("namesrv_controller_group_sync_state_set_epoch", PrometheusTextWriter.Type.GAUGE,
            "Each broker group's in-sync set epoch.");
        s.groups().forEach(g -> w.sample("namesrv_controller_group_sync_state_set_epoch", g.syncStateSetEpoch(),
            "cluster", g.clusterName(), "broker", g.brokerName()));
        w.family("namesrv_controller_group_in_sync_replicas", PrometheusTextWriter.Type.GAUGE,
            "How many replicas of each broker group are in sync (the set: see /controller).");
        s.groups().forEach(g -> w.sample("namesrv_controller_group_in_sync_replicas", g.inSyncReplicas().size(),
            "cluster", g.clusterName(), "broker", g.brokerName()));
    }
}
