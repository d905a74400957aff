package io.namesrv.controller.state;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Who becomes master (spec §C.3, with the fixes for Apache's reported failures):
 * <ol>
 *   <li>only live brokers stand: the in-sync replicas, or with unclean election allowed and no
 *       live in-sync replica, every live replica of the group. A broker whose heartbeats stopped
 *       never wins, whatever it once reported (apache/rocketmq #8380);</li>
 *   <li>a designated broker wins if it stands, otherwise nobody does;</li>
 *   <li>otherwise the highest epoch, then the highest max offset (compared as longs: Apache's
 *       {@code (int)(a - b)} overflowed and could prefer the shorter log, #10578), then the lowest
 *       election priority, then the lowest id so that the choice never depends on order.</li>
 * </ol>
 */
public final class ElectPolicy {

    static final Comparator<Candidate> BEST_FIRST = Comparator
        .comparingInt(Candidate::epoch).reversed()
        .thenComparing(Comparator.comparingLong(Candidate::maxOffset).reversed())
        .thenComparingInt(Candidate::electionPriority)
        .thenComparingLong(Candidate::brokerId);

    private ElectPolicy() {
    }

    /** The broker to make master, or empty when none may be. */
    public static Optional<Long> choose(BrokerGroup group, List<Candidate> live, Long designated, boolean allowUnclean) {
        List<Candidate> standing = live.stream()
            .filter(c -> group.replicas().containsKey(c.brokerId()) && group.syncStateSet().contains(c.brokerId()))
            .toList();
        if (standing.isEmpty() && allowUnclean) {
            standing = live.stream().filter(c -> group.replicas().containsKey(c.brokerId())).toList();
        }
        if (designated != null) {
            return standing.stream().anyMatch(c -> c.brokerId() == designated) ? Optional.of(designated) : Optional.empty();
        }
        return standing.stream().min(BEST_FIRST).map(Candidate::brokerId);
    }
}
