package io.namesrv.controller.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The state machine as Raft uses it, on random but reproducible histories (fixed seeds): every
 * replica that applies the same log, each entry going through the log codec as it would through
 * Raft, ends in the same state with the same answers; and a snapshot taken anywhere, loaded and
 * followed by the rest of the log, gives exactly the state of the whole log. Invariants that
 * must hold after every step are checked too.
 */
class StateMachineModelTest {

    private static final int HISTORIES = 16;
    private static final int STEPS = 300;
    private static final String[] GROUPS = {"g1", "g2", "g3"};

    @Test
    void replicasApplyingTheSameLogAgree() {
        for (int seed = 1; seed <= HISTORIES; seed++) {
            List<Command> log = history(new Random(seed));
            List<byte[]> entries = log.stream().map(StateCodec::encode).toList();
            ControllerState[] replicas = {ControllerState.EMPTY, ControllerState.EMPTY, ControllerState.EMPTY};
            for (byte[] entry : entries) {
                List<Outcome> outcomes = new ArrayList<>();
                for (int r = 0; r < replicas.length; r++) {
                    Outcome outcome = StateMachine.apply(replicas[r], StateCodec.decode(entry));
                    replicas[r] = outcome.state();
                    outcomes.add(outcome);
                }
                assertEquals(outcomes.get(0), outcomes.get(1), "seed " + seed);
                assertEquals(outcomes.get(0), outcomes.get(2), "seed " + seed);
                checkInvariants(replicas[0]);
            }
            assertArrayEquals(StateCodec.encodeSnapshot(replicas[0]), StateCodec.encodeSnapshot(replicas[1]));
            assertArrayEquals(StateCodec.encodeSnapshot(replicas[0]), StateCodec.encodeSnapshot(replicas[2]));
        }
    }

    @Test
    void snapshotPlusTheRestOfTheLogEqualsTheWholeLog() {
        for (int seed = 1; seed <= HISTORIES; seed++) {
            Random random = new Random(seed);
            List<Command> log = history(random);
            ControllerState full = replay(ControllerState.EMPTY, log);
            int cut = random.nextInt(log.size() + 1);
            ControllerState atCut = replay(ControllerState.EMPTY, log.subList(0, cut));
            ControllerState restored = StateCodec.decodeSnapshot(StateCodec.encodeSnapshot(atCut));
            assertEquals(atCut, restored, "seed " + seed + ": snapshot round trip");
            assertEquals(full, replay(restored, log.subList(cut, log.size())), "seed " + seed + " cut " + cut);
        }
    }

    @Test
    void historiesReachInterestingStates() {
        // the generator must exercise elections, set changes and cleaning, or the tests above prove little
        int elected = 0;
        int altered = 0;
        int cleaned = 0;
        for (int seed = 1; seed <= HISTORIES; seed++) {
            ControllerState state = ControllerState.EMPTY;
            for (Command command : history(new Random(seed))) {
                Outcome outcome = StateMachine.apply(state, command);
                if (outcome.isSuccess() && command instanceof Command.ElectMaster) {
                    elected++;
                } else if (outcome.isSuccess() && command instanceof Command.AlterSyncStateSet) {
                    altered++;
                } else if (outcome.isSuccess() && command instanceof Command.CleanBrokerData) {
                    cleaned++;
                }
                state = outcome.state();
            }
        }
        assertTrue(elected > 100 && altered > 100 && cleaned > 20, elected + " " + altered + " " + cleaned);
    }

    private static ControllerState replay(ControllerState start, List<Command> log) {
        ControllerState state = start;
        for (Command command : log) {
            state = StateMachine.apply(state, StateCodec.decode(StateCodec.encode(command))).state();
        }
        return state;
    }

    /** What must hold in every state: the master is a replica in its in-sync set, ids are unique and below next. */
    private static void checkInvariants(ControllerState state) {
        for (BrokerGroup g : state.groups().values()) {
            assertTrue(!g.replicas().isEmpty());
            if (g.masterBrokerId() != null) {
                assertTrue(g.replicas().containsKey(g.masterBrokerId()), g.toString());
                assertTrue(g.syncStateSet().contains(g.masterBrokerId()), g.toString());
            }
            g.replicas().keySet().forEach(id -> assertTrue(id < g.nextAssignBrokerId(), g.toString()));
            assertTrue(g.masterEpoch() >= 0 && g.syncStateSetEpoch() >= 0);
        }
    }

    /**
     * A random history over a few groups, shaped like real traffic: brokers mostly apply the id
     * offered next, register, get elected, the master grows and shrinks its set with the epochs it
     * knows (sometimes stale ones), liveness changes, now and then an operator cleans a group.
     */
    private static List<Command> history(Random random) {
        List<Command> log = new ArrayList<>();
        ControllerState state = ControllerState.EMPTY;
        for (int step = 0; step < STEPS; step++) {
            String name = GROUPS[random.nextInt(GROUPS.length)];
            BrokerGroup g = state.group(name);
            long next = g == null ? 1 : g.nextAssignBrokerId();
            Set<Long> ids = g == null ? Set.of() : g.replicas().keySet();
            Set<Long> alive = randomSubset(random, ids);
            Command command = switch (random.nextInt(10)) {
                case 0, 1 -> {
                    long id = random.nextInt(5) == 0 ? 1 + random.nextInt((int) next + 1) : next;
                    yield new Command.ApplyBrokerId("C", name, id, "127.0.0.1:" + (10 + id) + ";" + random.nextInt(3));
                }
                case 2 -> new Command.RegisterBroker("C", name, 1 + random.nextInt((int) next),
                    "127.0.0.1:" + random.nextInt(20), alive);
                case 3, 4 -> {
                    List<Candidate> live = new ArrayList<>();
                    for (Long id : alive) {
                        live.add(new Candidate(id, random.nextInt(3), random.nextLong() >>> 1, random.nextInt(3)));
                    }
                    Long requester = random.nextBoolean() ? null : (long) (1 + random.nextInt((int) next));
                    yield new Command.ElectMaster("C", name, requester, random.nextInt(6) == 0, random.nextInt(4) == 0, live);
                }
                case 5, 6, 7 -> {
                    Set<Long> newSet = randomSubset(random, ids);
                    if (g != null && g.masterBrokerId() != null && random.nextInt(4) != 0) {
                        newSet.add(g.masterBrokerId());
                    }
                    boolean fresh = g != null && random.nextInt(5) != 0;
                    alive.addAll(random.nextInt(3) == 0 ? Set.of() : newSet);
                    yield new Command.AlterSyncStateSet(name, g == null ? null : g.masterBrokerId(),
                        fresh ? g.masterEpoch() : random.nextInt(3), newSet, fresh ? g.syncStateSetEpoch() : random.nextInt(3),
                        alive);
                }
                case 8 -> new Command.RegisterBroker("C", name, 1 + random.nextInt((int) next), "127.0.0.1:1", alive);
                default -> random.nextInt(4) == 0
                    ? new Command.CleanBrokerData("C", name, random.nextBoolean() ? null : randomSubset(random, ids),
                        random.nextBoolean(), alive)
                    : new Command.ApplyBrokerId("C", name, next, "127.0.0.1:" + (10 + next) + ";0");
            };
            log.add(command);
            state = StateMachine.apply(state, command).state();
        }
        return log;
    }

    private static Set<Long> randomSubset(Random random, Set<Long> ids) {
        Set<Long> subset = new TreeSet<>();
        for (Long id : ids) {
            if (random.nextInt(3) != 0) {
                subset.add(id);
            }
        }
        return new HashSet<>(subset);
    }
}
