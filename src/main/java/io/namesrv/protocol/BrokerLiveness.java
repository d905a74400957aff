package io.namesrv.protocol;

/**
 * One live broker process as the name server sees it: when it last registered or sent a
 * heartbeat, how long the name server waits before expiring it, and its topic-config version.
 */
public record BrokerLiveness(
        String clusterName,
        String brokerAddr,
        long lastUpdateTimestamp,
        long heartbeatTimeoutMillis,
        DataVersion dataVersion,
        String haServerAddr) {
}
