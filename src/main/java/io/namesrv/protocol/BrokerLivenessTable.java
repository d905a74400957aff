package io.namesrv.protocol;

import java.util.List;

/**
 * The answer to our private GET_BROKER_LIVENESS request. {@code now} is the name server's clock
 * when it answered, so a reader computes heartbeat ages without trusting its own clock.
 */
public record BrokerLivenessTable(long now, List<BrokerLiveness> brokers) {

    public BrokerLivenessTable {
        brokers = Immutables.list(brokers);
    }
}
