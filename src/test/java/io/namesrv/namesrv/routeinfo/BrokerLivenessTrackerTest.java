package io.namesrv.namesrv.routeinfo;

import static io.namesrv.namesrv.routeinfo.RouteFixtures.topic;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.version;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Liveness on its own: a clock and registrations in, fenced removals out; no route table involved. */
class BrokerLivenessTrackerTest {

    private static final BrokerAddrInfo A = new BrokerAddrInfo("C", "10.0.0.1:10911");

    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final BrokerLivenessTracker tracker = new BrokerLivenessTracker(now::get);
    private final Channel channel = new EmbeddedChannel();

    private BrokerLiveInfo register(Long timeoutMillis, Channel ch) {
        return tracker.register(BrokerRegistration.builder(A.clusterName(), A.brokerAddr(), "a", 0)
            .heartbeatTimeoutMillis(timeoutMillis).topics(wrapper(version(3), topic("T"))).channel(ch).build());
    }

    @Test
    void eachRegistrationIsANewGenerationAndOnlyTheLatestIsCurrent() {
        assertNull(register(null, channel), "first registration replaces nothing");
        long first = tracker.get(A).generation();
        assertEquals(first, register(null, channel).generation(), "the second replaces the first");
        long second = tracker.get(A).generation();

        assertTrue(second > first);
        assertFalse(tracker.isCurrent(A, first));
        assertTrue(tracker.isCurrent(A, second));
        assertEquals(version(3), tracker.dataVersion(A));
        assertFalse(tracker.topicConfigChanged(A, version(3)));
        assertTrue(tracker.topicConfigChanged(A, version(4)));
    }

    @Test
    void expiryFollowsTheBrokersOwnTimeoutAndHeartbeats() {
        register(10_000L, channel);
        now.addAndGet(10_000);
        assertEquals(List.of(), tracker.expired(), "exactly at the timeout is not yet expired");
        assertTrue(tracker.touch(A));
        now.addAndGet(10_001);

        List<BrokerLivenessTracker.Expiry> expired = tracker.expired();
        assertEquals(1, expired.size());
        BrokerLivenessTracker.Expiry expiry = expired.get(0);
        assertEquals(new UnregisterRequest("C", A.brokerAddr(), null, null, tracker.get(A).generation(),
            "no heartbeat for 10001ms, timeout 10000ms", RemovalCause.EXPIRED), expiry.removal());
        assertSame(channel, expiry.channel());
        assertEquals(List.of(), new BrokerLivenessTracker(now::get).expired());
    }

    @Test
    void aChannelNamesTheRegistrationMadeOnIt() {
        register(null, channel);
        UnregisterRequest removal = tracker.removalOf(channel, RemovalCause.CHANNEL_IDLE);

        assertEquals(new UnregisterRequest("C", A.brokerAddr(), null, null, tracker.get(A).generation(), "channel idle",
            RemovalCause.CHANNEL_IDLE), removal);
        assertNull(tracker.removalOf(new EmbeddedChannel(), RemovalCause.CHANNEL_CLOSED));
        assertEquals(1, tracker.size());
        tracker.remove(A);
        assertEquals(0, tracker.size());
        assertFalse(tracker.touch(A), "a heartbeat does not bring a removed broker back");
        assertNull(tracker.dataVersion(A));
    }
}
