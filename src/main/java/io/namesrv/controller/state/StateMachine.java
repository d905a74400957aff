package io.namesrv.controller.state;

import static io.namesrv.protocol.controller.ControllerCodes.ALTER_SYNC_STATE_SET_FAILED;
import static io.namesrv.protocol.controller.ControllerCodes.BROKER_ID_INVALID;
import static io.namesrv.protocol.controller.ControllerCodes.BROKER_NEED_TO_BE_REGISTERED;
import static io.namesrv.protocol.controller.ControllerCodes.BROKER_NOT_ALIVE;
import static io.namesrv.protocol.controller.ControllerCodes.ELECT_MASTER_FAILED;
import static io.namesrv.protocol.controller.ControllerCodes.FENCED_MASTER_EPOCH;
import static io.namesrv.protocol.controller.ControllerCodes.FENCED_SYNC_STATE_SET_EPOCH;
import static io.namesrv.protocol.controller.ControllerCodes.FIRST_BROKER_ID;
import static io.namesrv.protocol.controller.ControllerCodes.INVALID_CLEAN_BROKER_METADATA;
import static io.namesrv.protocol.controller.ControllerCodes.INVALID_MASTER;
import static io.namesrv.protocol.controller.ControllerCodes.INVALID_REPLICAS;
import static io.namesrv.protocol.controller.ControllerCodes.MASTER_NOT_AVAILABLE;
import static io.namesrv.protocol.controller.ControllerCodes.MASTER_STILL_EXIST;

import io.namesrv.protocol.BrokerMemberGroup;
import io.namesrv.protocol.controller.AlterSyncStateSetResponseHeader;
import io.namesrv.protocol.controller.ApplyBrokerIdResponseHeader;
import io.namesrv.protocol.controller.ElectMasterResponseBody;
import io.namesrv.protocol.controller.ElectMasterResponseHeader;
import io.namesrv.protocol.controller.RegisterBrokerToControllerResponseHeader;
import io.namesrv.protocol.controller.SyncStateSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The controller's replicated state machine: a pure function from a state and a {@link Command}
 * to the next state and the requester's answer. No clock, no randomness, no I/O: replaying the
 * same commands from the same state gives the same states and answers on every replica. The
 * checks, their order and the remarks are Apache 5.3.3's as observed on the wire; where Apache
 * is wrong (named in each method) we decide differently and say so in docs/compatibility.md.
 */
public final class StateMachine {

    private StateMachine() {
    }

    public static Outcome apply(ControllerState state, Command command) {
        if (command instanceof Command.ApplyBrokerId c) {
            return applyBrokerId(state, c);
        } else if (command instanceof Command.RegisterBroker c) {
            return registerBroker(state, c);
        } else if (command instanceof Command.ElectMaster c) {
            return electMaster(state, c);
        } else if (command instanceof Command.AlterSyncStateSet c) {
            return alterSyncStateSet(state, c);
        } else if (command instanceof Command.CleanBrokerData c) {
            return cleanBrokerData(state, c);
        }
        throw new IllegalArgumentException("unknown command " + command.getClass().getName());
    }

    private static Outcome applyBrokerId(ControllerState state, Command.ApplyBrokerId c) {
        ApplyBrokerIdResponseHeader header = new ApplyBrokerIdResponseHeader(c.clusterName(), c.brokerName());
        Replica replica = new Replica(c.brokerId(), addressOf(c.registerCheckCode()), c.registerCheckCode());
        BrokerGroup group = state.group(c.brokerName());
        if (group == null) {
            if (c.brokerId() != FIRST_BROKER_ID) {
                return Outcome.refused(state, BROKER_ID_INVALID, "Broker-set: " + c.brokerName()
                    + " hasn't been registered in controller, but broker try to apply brokerId: " + c.brokerId(), header);
            }
            return Outcome.ok(state.with(BrokerGroup.first(c.clusterName(), c.brokerName(), replica)), header, null);
        }
        Replica existing = group.replicas().get(c.brokerId());
        if (existing == null) {
            return Outcome.ok(state.with(group.withReplica(replica)), header, null);
        }
        if (Objects.equals(existing.registerCheckCode(), c.registerCheckCode())) {
            return Outcome.ok(state, header, null); // the same broker applying again: already done
        }
        return Outcome.refused(state, BROKER_ID_INVALID,
            "Fail to apply brokerId: " + c.brokerId() + " in broker-set: " + c.brokerName(), header);
    }

    /** The address part of a check code {@code ip:port;millis}. */
    private static String addressOf(String registerCheckCode) {
        if (registerCheckCode == null) {
            return null;
        }
        int semicolon = registerCheckCode.indexOf(';');
        return semicolon < 0 ? registerCheckCode : registerCheckCode.substring(0, semicolon);
    }

    private static Outcome registerBroker(ControllerState state, Command.RegisterBroker c) {
        BrokerGroup group = state.group(c.brokerName());
        if (group == null) {
            return Outcome.refused(state, BROKER_NEED_TO_BE_REGISTERED, "Broker-set: " + c.brokerName()
                + " hasn't been registered in controller", new RegisterBrokerToControllerResponseHeader(
                    c.clusterName(), c.brokerName(), null, null, null, null));
        }
        Replica replica = group.replicas().get(c.brokerId());
        if (replica == null) {
            return Outcome.refused(state, BROKER_NEED_TO_BE_REGISTERED, "BrokerId: " + c.brokerId()
                + " hasn't been registered in broker-set: " + c.brokerName(), new RegisterBrokerToControllerResponseHeader(
                    c.clusterName(), c.brokerName(), null, null, null, null));
        }
        ControllerState next = state;
        if (c.brokerAddress() != null && !c.brokerAddress().equals(replica.address())) {
            group = group.withAddress(c.brokerId(), c.brokerAddress());
            next = state.with(group);
        }
        Long master = group.masterBrokerId();
        boolean liveMaster = master != null && c.aliveIds().contains(master);
        RegisterBrokerToControllerResponseHeader header = liveMaster
            ? new RegisterBrokerToControllerResponseHeader(c.clusterName(), c.brokerName(), master,
                group.masterAddress(), group.masterEpoch(), group.syncStateSetEpoch())
            : new RegisterBrokerToControllerResponseHeader(c.clusterName(), c.brokerName(), null, null, null, null);
        return Outcome.ok(next, header, new SyncStateSet(group.syncStateSet(), group.syncStateSetEpoch()));
    }

    /**
     * Apache's order: a live master stays (MASTER_STILL_EXIST) unless an operator designates
     * another broker; a group never elected takes its first requester; otherwise the
     * {@link ElectPolicy}. With nobody to elect, a request from the controller itself clears the
     * master (MASTER_NOT_AVAILABLE: the old master is fenced by the new epoch), a broker's or an
     * operator's fails (ELECT_MASTER_FAILED) and changes nothing.
     */
    private static Outcome electMaster(ControllerState state, Command.ElectMaster c) {
        BrokerGroup group = state.group(c.brokerName());
        if (group == null) {
            return Outcome.refused(state, BROKER_NEED_TO_BE_REGISTERED, "Broker hasn't been registered", null);
        }
        Long requester = c.requesterId() == null || c.requesterId() < 0 ? null : c.requesterId();
        Set<Long> alive = new TreeSet<>();
        c.candidates().forEach(candidate -> alive.add(candidate.brokerId()));
        Long master = group.masterBrokerId();
        boolean masterAlive = master != null && alive.contains(master);
        boolean designatedOther = c.designated() && requester != null && !requester.equals(master);
        if (masterAlive && !designatedOther) {
            return new Outcome(state, MASTER_STILL_EXIST, "The old master " + master
                + " is still alive, not need to elect new master for broker " + c.brokerName(),
                new ElectMasterResponseHeader(master, group.masterAddress(), group.masterEpoch(), group.syncStateSetEpoch()),
                new ElectMasterResponseBody(null, group.syncStateSet()), false);
        }
        Optional<Long> chosen;
        if (c.designated()) {
            chosen = requester == null ? Optional.empty()
                : ElectPolicy.choose(group, c.candidates(), requester, c.allowUnclean());
        } else if (group.neverElected() && requester != null && group.replicas().containsKey(requester)) {
            chosen = Optional.of(requester);
        } else {
            chosen = ElectPolicy.choose(group, c.candidates(), null, c.allowUnclean());
        }
        if (chosen.isPresent()) {
            BrokerGroup elected = group.withMaster(chosen.get());
            SortedMap<Long, String> addrs = new TreeMap<>();
            elected.replicas().forEach((id, r) -> addrs.put(id, r.address()));
            return new Outcome(state.with(elected), 0, null,
                new ElectMasterResponseHeader(elected.masterBrokerId(), elected.masterAddress(), elected.masterEpoch(),
                    elected.syncStateSetEpoch()),
                new ElectMasterResponseBody(new BrokerMemberGroup(addrs, elected.brokerName(), elected.clusterName()),
                    elected.syncStateSet()), true);
        }
        if (requester == null && !c.designated()) {
            return Outcome.refused(state.with(group.withoutMaster()), MASTER_NOT_AVAILABLE,
                "Old master has down and failed to elect a new broker master", null);
        }
        return Outcome.refused(state, ELECT_MASTER_FAILED, "Failed to elect a new master", null);
    }

    private static Outcome alterSyncStateSet(ControllerState state, Command.AlterSyncStateSet c) {
        AlterSyncStateSetResponseHeader refusedHeader = new AlterSyncStateSetResponseHeader(0);
        String rejecting = "Rejecting alter syncStateSet request because ";
        BrokerGroup group = state.group(c.brokerName());
        if (group == null) {
            return Outcome.refused(state, ALTER_SYNC_STATE_SET_FAILED, "Broker metadata is not existed", refusedHeader);
        }
        Set<Long> newSet = c.newSyncStateSet() == null ? Set.of() : c.newSyncStateSet();
        if (newSet.equals(group.syncStateSet())) {
            return Outcome.refused(state, ALTER_SYNC_STATE_SET_FAILED,
                "The newSyncStateSet is equal with oldSyncStateSet, no needed to update syncStateSet", refusedHeader);
        }
        // a group without a master has nobody who may change its set
        if (group.masterBrokerId() == null || !group.masterBrokerId().equals(c.masterBrokerId())) {
            return Outcome.refused(state, INVALID_MASTER, rejecting + "the current leader is:{" + group.masterBrokerId()
                + "}, not {" + c.masterBrokerId() + "}", refusedHeader);
        }
        if (!Objects.equals(group.masterEpoch(), c.masterEpoch())) {
            return Outcome.refused(state, FENCED_MASTER_EPOCH, rejecting + "the current master epoch is:{"
                + group.masterEpoch() + "}, not {" + c.masterEpoch() + "}", refusedHeader);
        }
        if (group.syncStateSetEpoch() != c.syncStateSetEpoch()) {
            return Outcome.refused(state, FENCED_SYNC_STATE_SET_EPOCH, rejecting + "the current syncStateSet epoch is:{"
                + group.syncStateSetEpoch() + "}, not {" + c.syncStateSetEpoch() + "}", refusedHeader);
        }
        for (Long id : new TreeSet<>(newSet)) {
            if (!group.replicas().containsKey(id)) {
                return Outcome.refused(state, INVALID_REPLICAS, rejecting + "the replicas {" + id + "} don't exist",
                    refusedHeader);
            }
        }
        for (Long id : new TreeSet<>(newSet)) {
            if (!c.aliveIds().contains(id)) {
                return Outcome.refused(state, BROKER_NOT_ALIVE, rejecting + "the replicas {" + id + "} don't alive",
                    refusedHeader);
            }
        }
        if (!newSet.contains(group.masterBrokerId())) {
            return Outcome.refused(state, ALTER_SYNC_STATE_SET_FAILED, rejecting
                + "the newSyncStateSet don't contains origin leader {" + group.masterBrokerId() + "}", refusedHeader);
        }
        BrokerGroup altered = group.withSyncStateSet(newSet);
        return Outcome.ok(state.with(altered), new AlterSyncStateSetResponseHeader(altered.syncStateSetEpoch()),
            new SyncStateSet(altered.syncStateSet(), altered.syncStateSetEpoch()));
    }

    /** Ids nobody knows are skipped, as Apache does; a group left without replicas is forgotten. */
    private static Outcome cleanBrokerData(ControllerState state, Command.CleanBrokerData c) {
        BrokerGroup group = state.group(c.brokerName());
        if (group == null) {
            return Outcome.refused(state, INVALID_CLEAN_BROKER_METADATA,
                "Broker " + c.brokerName() + " is not existed,clean broker data failure.", null);
        }
        Set<Long> ids = c.brokerIds() == null || c.brokerIds().isEmpty() ? group.replicas().keySet() : c.brokerIds();
        if (!c.cleanLiving()) {
            for (Long id : new TreeSet<>(ids)) {
                if (c.aliveIds().contains(id)) {
                    return Outcome.refused(state, INVALID_CLEAN_BROKER_METADATA,
                        "Broker [" + c.brokerName() + ",  " + id + "] is still alive, clean up failure", null);
                }
            }
        }
        BrokerGroup cleaned = group.without(ids);
        ControllerState next = cleaned.replicas().isEmpty() ? state.without(c.brokerName()) : state.with(cleaned);
        return Outcome.ok(next, null, null);
    }
}
