package io.namesrv.controller.state;

import java.util.List;
import java.util.Set;

/**
 * One entry of the controller's replicated log: a broker's (or an operator's, or the
 * controller's own) request together with every volatile fact the decision needs, captured by
 * the leader when it proposed the entry. {@link StateMachine#apply} then decides from the state
 * and the entry alone, so every replica reaches the same decision, whenever it applies it.
 *
 * <p>Liveness travels as data ({@code aliveIds}, {@code candidates}): which brokers were alive is
 * a fact only the leader knows, and a follower replaying the log must not ask its own clock.
 */
public sealed interface Command {

    String brokerName();

    /** 1013: take {@code brokerId} for the broker at {@code registerCheckCode}'s address. */
    record ApplyBrokerId(String clusterName, String brokerName, long brokerId, String registerCheckCode)
        implements Command {
    }

    /** 1003: a broker with an applied id (re)starts; its address may have changed. */
    record RegisterBroker(String clusterName, String brokerName, long brokerId, String brokerAddress,
                          Set<Long> aliveIds) implements Command {
    }

    /**
     * 1002: elect a master. {@code requesterId} null means the controller asks (a master went
     * away); {@code designated} means an operator named the broker to elect.
     */
    record ElectMaster(String clusterName, String brokerName, Long requesterId, boolean designated,
                       boolean allowUnclean, List<Candidate> candidates) implements Command {
    }

    /** 1001: the master reports a grown or shrunk in-sync set. */
    record AlterSyncStateSet(String brokerName, Long masterBrokerId, Integer masterEpoch, Set<Long> newSyncStateSet,
                             int syncStateSetEpoch, Set<Long> aliveIds) implements Command {
    }

    /** 1011: forget some replicas ({@code brokerIds} null: the whole group). */
    record CleanBrokerData(String clusterName, String brokerName, Set<Long> brokerIds, boolean cleanLiving,
                           Set<Long> aliveIds) implements Command {
    }
}
