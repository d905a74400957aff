package io.namesrv.controller.raft;

import java.nio.file.Path;
import java.util.List;

/**
 * What the Raft node needs: the group, this node's Raft address, every node's Raft address and
 * (in the same order) controller port address, timings and where to keep the log.
 */
public record RaftSettings(String groupId, String selfRaftAddress, List<String> raftAddresses,
                           List<String> controllerAddresses, int electionTimeoutMillis, int snapshotIntervalSecs,
                           Path storePath) {

    public RaftSettings {
        raftAddresses = List.copyOf(raftAddresses);
        controllerAddresses = List.copyOf(controllerAddresses);
        if (raftAddresses.size() != controllerAddresses.size()) {
            throw new IllegalArgumentException("jRaftInitConf names " + raftAddresses.size()
                + " nodes but jRaftControllerRPCAddr names " + controllerAddresses.size());
        }
        if (!raftAddresses.contains(selfRaftAddress)) {
            throw new IllegalArgumentException("jRaftServerId " + selfRaftAddress + " is not one of jRaftInitConf "
                + raftAddresses);
        }
    }

    /** The controller port address of the node whose Raft address is given, or null. */
    public String controllerAddressOf(String raftAddress) {
        int i = raftAddresses.indexOf(raftAddress);
        return i < 0 ? null : controllerAddresses.get(i);
    }

    public String selfControllerAddress() {
        return controllerAddressOf(selfRaftAddress);
    }
}
