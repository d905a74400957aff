package io.namesrv.controller;

import io.namesrv.common.LoggerNames;
import io.namesrv.controller.liveness.BrokerKey;
import io.namesrv.controller.liveness.BrokerLiveness;
import io.namesrv.controller.raft.ControllerRaftNode;
import io.namesrv.controller.raft.NotLeaderException;
import io.namesrv.controller.state.BrokerGroup;
import io.namesrv.controller.state.Command;
import io.namesrv.controller.state.Outcome;
import io.namesrv.protocol.controller.ControllerCodes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's own elections, on its scan thread: when a broker expires or its connection
 * closes and it does not come back within the grace period, and it was its group's master, the
 * leader elects another (up to {@code electMasterMaxRetryCount} tries). A second scan, every
 * {@code scanInactiveMasterInterval}, re-checks every group: a master that is not alive, or a
 * masterless group with a broker that may stand, gets an election. Apache's jRaft controller
 * skipped that re-election for an inactive master (#10875).
 *
 * <p>Nothing is elected in the first {@link BrokerLiveness#DEFAULT_HEARTBEAT_TIMEOUT_MILLIS}
 * after this node started: until brokers' heartbeats have had time to arrive, an empty
 * liveness table would make every master look dead.
 */
final class MasterWatch {

    private static final Logger LOG = LoggerFactory.getLogger(LoggerNames.CONTROLLER);
    private static final long LOSS_CHECK_SLACK_MILLIS = 100;

    private final ControllerRaftNode raft;
    private final BrokerLiveness liveness;
    private final Proposer proposer;
    private final ControllerConfig config;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final long watchFrom;
    private final PortProbe portProbe;

    MasterWatch(ControllerRaftNode raft, BrokerLiveness liveness, Proposer proposer, ControllerConfig config,
                ScheduledExecutorService scheduler, LongSupplier clock, PortProbe portProbe) {
        this.raft = raft;
        this.liveness = liveness;
        this.proposer = proposer;
        this.config = config;
        this.scheduler = scheduler;
        this.clock = clock;
        this.portProbe = portProbe;
        this.watchFrom = clock.getAsLong() + BrokerLiveness.DEFAULT_HEARTBEAT_TIMEOUT_MILLIS;
    }

    void start() {
        long expiry = Math.max(100, config.getScanNotActiveBrokerInterval());
        scheduler.scheduleAtFixedRate(this::expireBrokers, Math.min(2000, expiry), expiry, TimeUnit.MILLISECONDS);
        long masters = Math.max(100, config.getScanInactiveMasterInterval());
        scheduler.scheduleAtFixedRate(this::checkAllMasters, masters, masters, TimeUnit.MILLISECONDS);
    }

    /**
     * A broker's connection closed. If its own port refuses connections too, the process is gone
     * (a crash closes both at once): it is dead now, as Apache's controller takes any closed
     * connection to mean. If the port still answers, or the probe times out, the broker has the
     * grace period to send its next heartbeat: a connection can close without the broker dying
     * (a client-side timeout closes it), and failing over a live master would be worse than waiting.
     */
    void connectionLost(List<BrokerKey> brokers) {
        for (BrokerKey key : brokers) {
            String address = liveness.addressOf(key);
            scheduler.execute(() -> {
                if (portProbe.refusesConnections(address) && liveness.markDead(key)) {
                    LOG.info("broker {} is gone: its connection closed and {} refuses connections", key, address);
                    reactToLoss(key);
                } else {
                    scheduler.schedule(() -> checkLost(key),
                        BrokerLiveness.CONNECTION_LOSS_GRACE_MILLIS + LOSS_CHECK_SLACK_MILLIS, TimeUnit.MILLISECONDS);
                }
            });
        }
    }

    private void checkLost(BrokerKey key) {
        if (!liveness.isAlive(key)) {
            LOG.info("broker {} did not come back after its connection closed", key);
            reactToLoss(key);
        }
    }

    private void expireBrokers() {
        try {
            for (BrokerKey key : liveness.expire()) {
                LOG.info("broker {} is inactive: no heartbeat in time", key);
                reactToLoss(key);
            }
        } catch (RuntimeException e) {
            LOG.error("broker expiry scan failed", e);
        }
    }

    private void reactToLoss(BrokerKey key) {
        BrokerGroup group = raft.localState().group(key.brokerName());
        if (group != null && Long.valueOf(key.brokerId()).equals(group.masterBrokerId())) {
            electWithRetries(group);
        }
    }

    private void checkAllMasters() {
        try {
            if (!proposer.isLeader()) {
                return;
            }
            for (BrokerGroup group : raft.localState().groups().values()) {
                if (needsElection(group)) {
                    electWithRetries(group);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("inactive master scan failed", e);
        }
    }

    /**
     * A dead master, or no master while someone could stand. A group never elected is left to
     * its brokers, and a masterless group with nobody to stand is left alone (Apache re-elects it
     * at every scan, raising the epoch for nothing).
     */
    private boolean needsElection(BrokerGroup group) {
        if (group.neverElected()) {
            return false;
        }
        Set<Long> alive = liveness.aliveIds(group.clusterName(), group.brokerName());
        if (group.masterBrokerId() != null) {
            return !alive.contains(group.masterBrokerId());
        }
        boolean inSyncAlive = alive.stream().anyMatch(group.syncStateSet()::contains);
        return inSyncAlive || (config.isEnableElectUncleanMaster() && !alive.isEmpty());
    }

    private void electWithRetries(BrokerGroup group) {
        if (!proposer.isLeader() || clock.getAsLong() < watchFrom) {
            return;
        }
        int tries = Math.max(1, config.getElectMasterMaxRetryCount());
        for (int attempt = 1; attempt <= tries; attempt++) {
            try {
                Command.ElectMaster elect = new Command.ElectMaster(group.clusterName(), group.brokerName(), null, false,
                    config.isEnableElectUncleanMaster(), liveness.candidates(group.clusterName(), group.brokerName()));
                Outcome outcome = proposer.propose(elect, Math.max(1000, config.getjRaftScanWaitTimeoutMs()));
                if (outcome.isSuccess() || outcome.code() == ControllerCodes.MASTER_STILL_EXIST) {
                    BrokerGroup now = outcome.state().group(group.brokerName());
                    LOG.info("{}: master {} (epoch {}) after the master {} went away", group.brokerName(),
                        now == null ? null : now.masterBrokerId(), now == null ? null : now.masterEpoch(),
                        group.masterBrokerId());
                    return;
                }
                LOG.warn("{}: no new master: {} {}", group.brokerName(), outcome.code(), outcome.remark());
                return;
            } catch (NotLeaderException e) {
                return;
            } catch (TimeoutException | RuntimeException e) {
                LOG.warn("{}: election attempt {} of {} failed: {}", group.brokerName(), attempt, tries, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
