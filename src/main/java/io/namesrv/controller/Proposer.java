package io.namesrv.controller;

import io.namesrv.controller.liveness.BrokerLiveness;
import io.namesrv.controller.raft.ControllerRaftNode;
import io.namesrv.controller.raft.NotLeaderException;
import io.namesrv.controller.state.BrokerGroup;
import io.namesrv.controller.state.Command;
import io.namesrv.controller.state.Outcome;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Puts a command through Raft and waits (bounded) for its outcome; after an election, tells the
 * group's live brokers. Used by the request processor and by the controller's own scans.
 */
final class Proposer {

    private final ControllerRaftNode raft;
    private final BrokerLiveness liveness;
    private final RoleChangeNotifier notifier;
    private final ControllerConfig config;
    private final BooleanSupplier leaderReady;

    Proposer(ControllerRaftNode raft, BrokerLiveness liveness, RoleChangeNotifier notifier, ControllerConfig config,
             BooleanSupplier leaderReady) {
        this.raft = raft;
        this.liveness = liveness;
        this.notifier = notifier;
        this.config = config;
        this.leaderReady = leaderReady;
    }

    /** True when this node leads and has applied every entry of earlier terms. */
    boolean isLeader() {
        return leaderReady.getAsBoolean() && raft.isLeader();
    }

    Outcome propose(Command command, long timeoutMillis)
        throws NotLeaderException, TimeoutException, InterruptedException {
        if (!isLeader()) {
            throw new NotLeaderException("not the controller leader");
        }
        Outcome outcome;
        try {
            outcome = raft.propose(command).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof NotLeaderException notLeader) {
                throw notLeader;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (outcome.electedMaster() && config.isNotifyBrokerRoleChanged()) {
            BrokerGroup group = outcome.state().group(command.brokerName());
            if (group != null) {
                notifier.roleChanged(group, liveness.aliveAddresses(group.clusterName(), group.brokerName()));
            }
        }
        return outcome;
    }
}
