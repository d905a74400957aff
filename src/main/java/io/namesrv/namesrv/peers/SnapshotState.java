package io.namesrv.namesrv.peers;

/**
 * What the route snapshot writer has done, for /status and /metrics: the file, when it was last
 * written and how long that took, how many writes succeeded and failed, and the last failure
 * (null once a write succeeds again).
 */
public record SnapshotState(String path, long lastWriteAt, long lastWriteMillis, long writes, long failures,
                            String lastError) {
}
