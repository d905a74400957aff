package io.namesrv.namesrv.routeinfo;

/**
 * Removes one broker process. {@code generation} is the registration the requester saw, or
 * {@link #ANY_GENERATION} when it saw none; the removal is skipped if a newer registration has
 * replaced it meanwhile.
 */
public record UnregisterRequest(String clusterName, String brokerAddr, String brokerName, Long brokerId,
                                long generation, String reason) {

    public static final long ANY_GENERATION = -1L;
}
