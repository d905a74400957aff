package io.namesrv.namesrv.peers;

import java.util.List;

/**
 * Warm restart and peers as /status shows them: where the routes came from at start-up, the
 * snapshot writer (null when snapshots are off), whether healing is on, the comparison settings,
 * and each peer.
 */
public record PeersStatus(RestoreReport restore, SnapshotState snapshot, boolean relayEnabled,
                          long compareIntervalMillis, long divergenceMillis, List<PeerStatus> peers) {
}
