package io.namesrv.namesrv.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.console.BrokerEventLog.Event;
import io.namesrv.namesrv.routeinfo.BrokerOrigin;
import io.namesrv.namesrv.routeinfo.RemovalCause;
import io.namesrv.namesrv.routeinfo.RouteInfoManager.BrokerLiveView;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.ClusterInfo;
import io.namesrv.protocol.DataVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Registrations and removals with their cause, brokers that left staying visible, and the bounds. */
class BrokerEventLogTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final AtomicInteger nudges = new AtomicInteger();
    private final BrokerEventLog log = new BrokerEventLog(clock::get, nudges::incrementAndGet);

    private void learn(String cluster, String name, long id, String addr, long timeoutMillis) {
        Map<Long, String> addrs = new HashMap<>(Map.of(id, addr));
        log.learn(new ClusterInfo(Map.of(name, new BrokerData(addrs, name, cluster, false, null)), Map.of(cluster,
            Set.of(name))), List.of(new BrokerLiveView(cluster, addr, clock.get(), timeoutMillis, new DataVersion(0, 0, 0),
            null, BrokerOrigin.DIRECT)));
    }

    private List<String> kinds() {
        return log.events(0, 1000).stream().map(e -> e.kind() + " " + e.addr()).toList();
    }

    @Test
    void eachWayOfLeavingIsAnEventWithItsCauseAndRenewalsAreNot() {
        log.brokerRegistered("C", "a:1", true);
        assertEquals(1, nudges.get(), "an unknown broker makes the console read the table soon");
        learn("C", "broker-a", 0, "a:1", 120_000);
        log.brokerRegistered("C", "a:1", false);
        log.brokerRegistered("C", "a:1", false);
        clock.addAndGet(125_000);
        log.brokerRemoved("C", "a:1", RemovalCause.EXPIRED);
        for (RemovalCause cause : new RemovalCause[] {RemovalCause.CHANNEL_CLOSED, RemovalCause.CHANNEL_FAILED,
            RemovalCause.CHANNEL_IDLE, RemovalCause.UNREGISTERED}) {
            log.brokerRegistered("C", "b:" + cause.ordinal(), true);
            log.brokerRemoved("C", "b:" + cause.ordinal(), cause);
        }
        assertEquals(List.of("registered a:1", "expired a:1", "registered b:1", "closed b:1", "registered b:2",
            "failed b:2", "registered b:3", "idle b:3", "registered b:4", "unregistered b:4"), kinds());

        List<Event> all = log.events(0, 1000);
        Event registered = all.get(0);
        assertEquals("broker-a", registered.brokerName(), "named once the table was read");
        assertEquals(0L, registered.brokerId());
        assertEquals("new", registered.detail());
        Event expired = all.get(1);
        assertEquals("broker-a", expired.brokerName());
        assertEquals("no heartbeat within its 2 min timeout", expired.detail());
        assertEquals(1_125_000, expired.timeMillis());
        assertEquals("its connection closed", all.get(3).detail());
        assertEquals("it unregistered (UNREGISTER_BROKER)", all.get(9).detail());
        assertNull(all.get(3).brokerName(), "never learnt: shown by address");
        for (int i = 1; i < all.size(); i++) {
            assertEquals(all.get(i - 1).seq() + 1, all.get(i).seq());
        }
        assertEquals(all.subList(8, 10), log.events(all.get(7).seq(), 1000), "what came after a seq");
        assertEquals(all.subList(7, 10), log.events(0, 3), "the newest when capped");
    }

    @Test
    void aBrokerThatLeftStaysVisibleUntilItComesBackOrAnHourPassed() {
        learn("C", "broker-a", 0, "a:1", 30_000);
        log.brokerRegistered("C", "a:1", true);
        log.brokerRemoved("C", "a:1", RemovalCause.EXPIRED);
        List<Event> gone = log.departed();
        assertEquals(1, gone.size());
        assertEquals("expired", gone.get(0).kind());
        assertEquals("broker-a", gone.get(0).brokerName());

        clock.addAndGet(90_000);
        log.brokerRegistered("C", "a:1", true);
        assertEquals(List.of(), log.departed(), "back: no longer listed as gone");
        List<Event> events = log.events(0, 10);
        assertEquals("back, 1 min 30 s after it expired", events.get(events.size() - 1).detail());

        log.brokerRemoved("C", "a:1", RemovalCause.CHANNEL_CLOSED);
        clock.addAndGet(BrokerEventLog.DEPARTED_MILLIS);
        assertEquals(1, log.departed().size(), "still within the hour");
        clock.addAndGet(1);
        assertEquals(List.of(), log.departed(), "an hour later it is only in the feed");
        assertEquals("closed", log.events(0, 10).get(3).kind());
    }

    @Test
    void theFeedAndTheGoneListAreBounded() {
        for (int i = 0; i < BrokerEventLog.MAX_EVENTS + BrokerEventLog.MAX_DEPARTED; i++) {
            log.brokerRegistered("C", "h:" + i, true);
            log.brokerRemoved("C", "h:" + i, RemovalCause.CHANNEL_CLOSED);
        }
        List<Event> all = log.events(0, Integer.MAX_VALUE);
        assertEquals(BrokerEventLog.MAX_EVENTS, all.size());
        assertEquals(2L * (BrokerEventLog.MAX_EVENTS + BrokerEventLog.MAX_DEPARTED), all.get(all.size() - 1).seq());
        List<Event> gone = log.departed();
        assertEquals(BrokerEventLog.MAX_DEPARTED, gone.size());
        assertTrue(gone.get(gone.size() - 1).addr().equals("h:" + (BrokerEventLog.MAX_EVENTS
            + BrokerEventLog.MAX_DEPARTED - 1)), "the most recent are kept");
    }
}
