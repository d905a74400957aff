package io.namesrv.controller.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.controller.state.Candidate;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Liveness on a hand-driven clock: timeouts, connection loss and its grace, forward-only epochs. */
class BrokerLivenessTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final BrokerLiveness liveness = new BrokerLiveness(now::get);
    private final BrokerKey one = new BrokerKey("C", "b", 1);
    private final BrokerKey two = new BrokerKey("C", "b", 2);

    @Test
    void aBrokerIsAliveUntilItsOwnTimeout() {
        liveness.onHeartbeat(one, "a1", 3_000L, 1, 10L, 0L, 5, null);
        now.addAndGet(3_000);
        assertTrue(liveness.isAlive(one));
        now.addAndGet(1);
        assertFalse(liveness.isAlive(one));
        assertEquals(List.of(one), liveness.expire());
        assertEquals(0, liveness.size());
    }

    @Test
    void aClosedConnectionGivesTheGracePeriodAndAHeartbeatEndsIt() {
        EmbeddedChannel channel = new EmbeddedChannel();
        liveness.onHeartbeat(one, "a1", 60_000L, 1, 10L, 0L, 5, channel);
        liveness.onHeartbeat(two, "a2", 60_000L, 1, 10L, 0L, 5, new EmbeddedChannel());
        assertEquals(List.of(one), liveness.onChannelClosed(channel));
        now.addAndGet(BrokerLiveness.CONNECTION_LOSS_GRACE_MILLIS - 1);
        assertTrue(liveness.isAlive(one));
        now.addAndGet(1);
        assertFalse(liveness.isAlive(one), "not back within the grace period");
        assertTrue(liveness.isAlive(two));

        liveness.onHeartbeat(one, "a1", 60_000L, 1, 10L, 0L, 5, null);
        assertTrue(liveness.isAlive(one), "a heartbeat, even a forwarded one, brings it back");
        assertFalse(liveness.markDead(one), "only a broker whose connection is lost can be marked dead");
    }

    @Test
    void markDeadDropsALostBrokerAtOnce() {
        EmbeddedChannel channel = new EmbeddedChannel();
        liveness.onHeartbeat(one, "a1", 60_000L, 1, 10L, 0L, 5, channel);
        liveness.onChannelClosed(channel);
        assertEquals("a1", liveness.addressOf(one));
        assertTrue(liveness.markDead(one));
        assertFalse(liveness.isAlive(one));
    }

    @Test
    void epochAndOffsetOnlyMoveForwardAndCandidatesComeInIdOrder() {
        liveness.onHeartbeat(two, "a2", null, 3, 300L, 0L, null, null);
        liveness.onHeartbeat(two, "a2", null, 2, 100L, 0L, 7, null);
        liveness.onHeartbeat(one, "a1", null, 1, 50L, 0L, 1, null);
        assertEquals(List.of(new Candidate(1, 1, 50, 1), new Candidate(2, 3, 300, 7)), liveness.candidates("C", "b"));
        assertEquals(Set.of(1L, 2L), liveness.aliveIds("C", "b"));
        assertEquals(Set.of(), liveness.aliveIds("other", "b"));
        liveness.forget("C", "b", Set.of(2L));
        assertEquals(Set.of(1L), liveness.aliveIds("C", "b"));
    }
}
