package io.namesrv.namesrv.console;

import io.namesrv.controller.ControllerStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded controller's section of the console: this node's role in its Raft group, the
 * leader and term, and each broker group's master, epochs and replicas as applied here.
 */
public final class ControllerSection {

    static final String TITLE = "Embedded controller";

    private ControllerSection() {
    }

    /** The section for {@code status}, or null (nothing shown) when there is none. */
    public static StatusSection of(ControllerStatus status) {
        if (status == null) {
            return null;
        }
        List<StatusSection.Field> fields = List.of(
            new StatusSection.Field("role", status.role()),
            new StatusSection.Field("this node", text(status.self())),
            new StatusSection.Field("leader", status.leader() == null ? "none known" : status.leader()),
            new StatusSection.Field("term", Long.toString(status.term())),
            new StatusSection.Field("applied index", Long.toString(status.appliedIndex())),
            new StatusSection.Field("live brokers (controller mode)", Integer.toString(status.liveBrokers())));
        List<List<String>> rows = new ArrayList<>();
        for (ControllerStatus.Group g : status.groups()) {
            rows.add(List.of(text(g.clusterName()), text(g.brokerName()), text(g.masterBrokerId()),
                text(g.masterAddress()), Integer.toString(g.masterEpoch()), Integer.toString(g.syncStateSetEpoch()),
                text(g.inSyncReplicas()), text(g.replicas())));
        }
        return new StatusSection(TITLE, fields, List.of("Cluster", "Broker group", "Master id", "Master address",
            "Master epoch", "Sync-state epoch", "In sync", "Replicas"), rows);
    }

    private static String text(Object value) {
        return value == null ? "–" : value.toString();
    }
}
