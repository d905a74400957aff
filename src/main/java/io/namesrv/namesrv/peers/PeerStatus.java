package io.namesrv.namesrv.peers;

import java.util.List;
import java.util.Map;

/**
 * One peer name server as /status shows it: whether the last comparison reached it, whether it
 * tells data versions (ours does, Apache's does not), when it was compared and how long that took,
 * the brokers relayed on its word, and the current differences with it by kind
 * ({@code missing_here}, {@code missing_there}, {@code version_differs}); each difference says
 * since when it is seen and whether it has lasted long enough to be a divergence.
 */
public record PeerStatus(String peer, boolean reachable, boolean versionsKnown, long lastCompareAt,
                         long lastCompareMillis, String error, String relayError, int relayedBrokers,
                         Map<String, Integer> divergent, Map<String, List<Difference>> differences) {

    /** One broker seen on one side only (or with another data version), since {@code since}. */
    public record Difference(String cluster, String brokerName, long brokerId, String addr, long since,
                             boolean divergent) {
    }
}
