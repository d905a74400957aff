package io.namesrv.namesrv.routeinfo;

/**
 * Removes one broker process. {@code generation} is the registration the requester saw, or
 * {@link #ANY_GENERATION} when it saw none; the removal is skipped if a newer registration has
 * replaced it meanwhile. {@code cause} classifies the removal for logs and metrics, {@code reason}
 * adds detail in words.
 */
public record UnregisterRequest(String clusterName, String brokerAddr, String brokerName, Long brokerId,
                                long generation, String reason, RemovalCause cause) {

    public static final long ANY_GENERATION = -1L;

    /** A removal the broker asked for (UNREGISTER_BROKER). */
    public UnregisterRequest(String clusterName, String brokerAddr, String brokerName, Long brokerId,
                             long generation, String reason) {
        this(clusterName, brokerAddr, brokerName, brokerId, generation, reason, RemovalCause.UNREGISTERED);
    }

    /** The live-table key of the broker to remove. */
    BrokerAddrInfo addrInfo() {
        return new BrokerAddrInfo(clusterName, brokerAddr);
    }
}
