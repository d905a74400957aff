package io.namesrv.controller.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.protocol.controller.ControllerCodes;
import io.namesrv.protocol.controller.ElectMasterResponseHeader;
import io.namesrv.protocol.controller.RegisterBrokerToControllerResponseHeader;
import io.namesrv.protocol.controller.SyncStateSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each transition with the answers Apache 5.3.3's controller gives on the wire for the same
 * requests (codes, remarks, epochs), and where we deliberately answer differently, that.
 */
class StateMachineTest {

    private static final String C = "C";
    private static final String B = "b1";

    private ControllerState state = ControllerState.EMPTY;

    private Outcome run(Command command) {
        Outcome outcome = StateMachine.apply(state, command);
        state = outcome.state();
        return outcome;
    }

    private Outcome apply(long id) {
        return run(new Command.ApplyBrokerId(C, B, id, "127.0.0.1:" + id + ";1"));
    }

    private static Candidate live(long id) {
        return new Candidate(id, 0, 0, Integer.MAX_VALUE);
    }

    private Outcome elect(Long requester, boolean designated, Candidate... live) {
        return run(new Command.ElectMaster(C, B, requester, designated, false, List.of(live)));
    }

    @Test
    void theFirstIdOfAGroupMustBeOne() {
        Outcome refused = apply(2);
        assertEquals(ControllerCodes.BROKER_ID_INVALID, refused.code());
        assertEquals("Broker-set: b1 hasn't been registered in controller, but broker try to apply brokerId: 2",
            refused.remark());
        assertTrue(apply(1).isSuccess());
        assertEquals(2, state.group(B).nextAssignBrokerId());
    }

    @Test
    void reapplyingWithTheSameCheckCodeSucceedsAnotherCheckCodeIsRefused() {
        apply(1);
        assertTrue(apply(1).isSuccess());
        Outcome clash = run(new Command.ApplyBrokerId(C, B, 1, "127.0.0.1:9;1"));
        assertEquals(ControllerCodes.BROKER_ID_INVALID, clash.code());
        assertEquals("Fail to apply brokerId: 1 in broker-set: b1", clash.remark());
        assertEquals("127.0.0.1:1", state.group(B).addressOf(1L));
    }

    @Test
    void theNextIdMovesPastAnOutOfOrderApply() {
        apply(1);
        apply(3);
        // Apache would offer 3 here (it only adds one), which can then never be applied
        assertEquals(4, state.group(B).nextAssignBrokerId());
        apply(2);
        assertEquals(4, state.group(B).nextAssignBrokerId());
    }

    @Test
    void registerNamesALiveMasterOnlyAndUpdatesTheAddress() {
        apply(1);
        apply(2);
        Outcome noMaster = run(new Command.RegisterBroker(C, B, 1, "127.0.0.1:1", Set.of(1L)));
        assertTrue(noMaster.isSuccess());
        assertEquals(new RegisterBrokerToControllerResponseHeader(C, B, null, null, null, null), noMaster.header());
        assertEquals(new SyncStateSet(Set.of(), 0), noMaster.body());

        elect(2L, false, live(2));
        Outcome moved = run(new Command.RegisterBroker(C, B, 2, "127.0.0.1:22", Set.of(1L, 2L)));
        assertEquals(new RegisterBrokerToControllerResponseHeader(C, B, 2L, "127.0.0.1:22", 1, 1), moved.header());
        assertEquals("127.0.0.1:22", state.group(B).addressOf(2L));

        Outcome deadMaster = run(new Command.RegisterBroker(C, B, 1, "127.0.0.1:1", Set.of(1L)));
        assertNull(((RegisterBrokerToControllerResponseHeader) deadMaster.header()).masterBrokerId());
    }

    @Test
    void registerOfUnknownGroupOrIdNeedsRegistration() {
        assertEquals("Broker-set: b1 hasn't been registered in controller",
            run(new Command.RegisterBroker(C, B, 1, "a", Set.of())).remark());
        apply(1);
        Outcome unknownId = run(new Command.RegisterBroker(C, B, 7, "a", Set.of()));
        assertEquals(ControllerCodes.BROKER_NEED_TO_BE_REGISTERED, unknownId.code());
        assertEquals("BrokerId: 7 hasn't been registered in broker-set: b1", unknownId.remark());
    }

    @Test
    void theFirstElectionTakesTheRequesterEvenWithoutHeartbeats() {
        apply(1);
        apply(2);
        Outcome first = elect(2L, false);
        assertTrue(first.isSuccess());
        assertTrue(first.electedMaster());
        assertEquals(new ElectMasterResponseHeader(2L, "127.0.0.1:2", 1, 1), first.header());
        assertEquals(Set.of(2L), state.group(B).syncStateSet());
    }

    @Test
    void aLiveMasterStaysUnlessAnOperatorDesignatesAnother() {
        apply(1);
        apply(2);
        elect(2L, false, live(1), live(2));
        Outcome still = elect(1L, false, live(1), live(2));
        assertEquals(ControllerCodes.MASTER_STILL_EXIST, still.code());
        assertEquals("The old master 2 is still alive, not need to elect new master for broker b1", still.remark());
        assertSame(state, still.state());
        assertEquals(ControllerCodes.MASTER_STILL_EXIST, elect(null, false, live(1), live(2)).code());

        run(new Command.AlterSyncStateSet(B, 2L, 1, Set.of(1L, 2L), 1, Set.of(1L, 2L)));
        Outcome designated = elect(1L, true, live(1), live(2));
        assertTrue(designated.isSuccess());
        assertEquals(new ElectMasterResponseHeader(1L, "127.0.0.1:1", 2, 3), designated.header());
    }

    @Test
    void aDesignatedBrokerThatCannotStandFails() {
        apply(1);
        apply(2);
        apply(3);
        elect(1L, false, live(1));
        Outcome failed = elect(3L, true, live(1), live(3));
        assertEquals(ControllerCodes.ELECT_MASTER_FAILED, failed.code());
        assertEquals("Failed to elect a new master", failed.remark());
    }

    @Test
    void aDeadMasterIsReplacedByTheBestLiveInSyncReplica() {
        for (long id = 1; id <= 4; id++) {
            apply(id);
        }
        elect(1L, false, live(1));
        run(new Command.AlterSyncStateSet(B, 1L, 1, Set.of(1L, 2L, 3L, 4L), 1, Set.of(1L, 2L, 3L, 4L)));
        // 2: older epoch; 3 and 4 same epoch, 4 has more data; offsets beyond int range (#10578)
        Outcome outcome = elect(null, false, new Candidate(2, 1, 9_000_000_000L, 0),
            new Candidate(3, 2, 5_000_000_000L, 0), new Candidate(4, 2, 5_000_000_001L, 9));
        assertEquals(4L, state.group(B).masterBrokerId());
        assertEquals(2, state.group(B).masterEpoch());
        assertTrue(outcome.electedMaster());
    }

    @Test
    void priorityThenIdBreakTies() {
        for (long id = 1; id <= 3; id++) {
            apply(id);
        }
        elect(1L, false, live(1));
        run(new Command.AlterSyncStateSet(B, 1L, 1, Set.of(1L, 2L, 3L), 1, Set.of(1L, 2L, 3L)));
        elect(null, false, new Candidate(3, 1, 10, 1), new Candidate(2, 1, 10, 1));
        assertEquals(2L, state.group(B).masterBrokerId());
    }

    @Test
    void aBrokerOutsideTheInSyncSetNeverWinsUnlessUncleanElectionIsOn() {
        apply(1);
        apply(2);
        elect(1L, false, live(1));
        Outcome failed = elect(2L, false, live(2));
        assertEquals(ControllerCodes.ELECT_MASTER_FAILED, failed.code());
        assertEquals(1L, state.group(B).masterBrokerId());

        Outcome cleared = elect(null, false, live(2));
        assertEquals(ControllerCodes.MASTER_NOT_AVAILABLE, cleared.code());
        assertEquals("Old master has down and failed to elect a new broker master", cleared.remark());
        assertNull(state.group(B).masterBrokerId());
        assertEquals(2, state.group(B).masterEpoch());
        assertEquals(Set.of(1L), state.group(B).syncStateSet());
        assertFalse(cleared.electedMaster());

        Outcome unclean = run(new Command.ElectMaster(C, B, 2L, false, true, List.of(live(2))));
        assertTrue(unclean.isSuccess());
        assertEquals(new ElectMasterResponseHeader(2L, "127.0.0.1:2", 3, 2), unclean.header());
    }

    @Test
    void electingInAnUnknownGroupNeedsRegistration() {
        Outcome outcome = elect(1L, false, live(1));
        assertEquals(ControllerCodes.BROKER_NEED_TO_BE_REGISTERED, outcome.code());
        assertEquals("Broker hasn't been registered", outcome.remark());
    }

    @Test
    void alterSyncStateSetChecksInApachesOrder() {
        apply(1);
        apply(2);
        apply(3);
        elect(2L, false, live(2));
        Set<Long> alive = Set.of(1L, 2L);
        assertEquals("The newSyncStateSet is equal with oldSyncStateSet, no needed to update syncStateSet",
            run(new Command.AlterSyncStateSet(B, 9L, 9, Set.of(2L), 9, alive)).remark());
        assertEquals(ControllerCodes.INVALID_MASTER, run(new Command.AlterSyncStateSet(B, 1L, 1, Set.of(1L, 2L), 1, alive)).code());
        assertEquals("Rejecting alter syncStateSet request because the current master epoch is:{1}, not {9}",
            run(new Command.AlterSyncStateSet(B, 2L, 9, Set.of(1L, 2L), 1, alive)).remark());
        assertEquals(ControllerCodes.FENCED_SYNC_STATE_SET_EPOCH,
            run(new Command.AlterSyncStateSet(B, 2L, 1, Set.of(1L, 2L), 9, alive)).code());
        assertEquals("Rejecting alter syncStateSet request because the replicas {9} don't exist",
            run(new Command.AlterSyncStateSet(B, 2L, 1, Set.of(1L, 2L, 9L), 1, alive)).remark());
        assertEquals("Rejecting alter syncStateSet request because the replicas {3} don't alive",
            run(new Command.AlterSyncStateSet(B, 2L, 1, Set.of(1L, 2L, 3L), 1, alive)).remark());
        assertEquals("Rejecting alter syncStateSet request because the newSyncStateSet don't contains origin leader {2}",
            run(new Command.AlterSyncStateSet(B, 2L, 1, Set.of(1L), 1, alive)).remark());
        assertEquals(1, state.group(B).syncStateSetEpoch());

        Outcome ok = run(new Command.AlterSyncStateSet(B, 2L, 1, Set.of(2L, 1L), 1, alive));
        assertEquals(new SyncStateSet(Set.of(1L, 2L), 2), ok.body());
        assertEquals("Broker metadata is not existed",
            run(new Command.AlterSyncStateSet("nope", 2L, 1, Set.of(1L), 1, alive)).remark());
    }

    @Test
    void cleaningRefusesLiveBrokersAndForgetsAnEmptiedGroup() {
        apply(1);
        apply(2);
        apply(3);
        assertTrue(run(new Command.CleanBrokerData(C, B, Set.of(3L, 9L), false, Set.of(1L))).isSuccess());
        assertFalse(state.group(B).replicas().containsKey(3L));
        assertEquals("Broker [b1,  1] is still alive, clean up failure",
            run(new Command.CleanBrokerData(C, B, Set.of(1L), false, Set.of(1L))).remark());
        assertEquals("Broker nope is not existed,clean broker data failure.",
            run(new Command.CleanBrokerData(C, "nope", null, false, Set.of())).remark());
        assertTrue(run(new Command.CleanBrokerData(C, B, null, true, Set.of(1L))).isSuccess());
        assertNull(state.group(B));
    }
}
