package io.namesrv.namesrv.routeinfo;

import static io.namesrv.namesrv.routeinfo.RouteFixtures.topic;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.version;
import static io.namesrv.namesrv.routeinfo.RouteFixtures.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the route table reports a change of a group's smallest broker id (the trigger of
 * NOTIFY_MIN_BROKER_ID_CHANGE, 905) and what it reports, following Apache 5.3.3-5.5.x: a
 * registration below the previous minimum (an empty group counts as 0; acting master not
 * checked), and a removal of the minimum that leaves the group non-empty (acting master checked,
 * after the removal), whichever way the broker left.
 */
class MinBrokerIdChangeTest {

    private static final String GROUP = "g";
    private static final String A0 = "10.0.0.1:10911";
    private static final String A1 = "10.0.0.2:10911";
    private static final String A2 = "10.0.0.3:10911";

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false), clock::get);
    private final List<MinBrokerIdChange> changes = new ArrayList<>();

    @BeforeEach
    void listen() {
        routes.setEventListener(new RouteEventListener() {
            @Override
            public void minBrokerIdChanged(MinBrokerIdChange change) {
                changes.add(change);
            }
        });
    }

    private BrokerRegistration.Builder broker(String addr, long id, boolean actingMaster) {
        return BrokerRegistration.builder("C", addr, GROUP, id).haServerAddr("ha-" + addr).heartbeatTimeoutMillis(10_000L)
            .enableActingMaster(actingMaster).topics(wrapper(version(1), topic("T1"), topic("T2")));
    }

    private void register(String addr, long id, boolean actingMaster) {
        routes.registerBroker(broker(addr, id, actingMaster).build());
    }

    private MinBrokerIdChange only() {
        assertEquals(1, changes.size(), changes::toString);
        MinBrokerIdChange change = changes.get(0);
        changes.clear();
        return change;
    }

    private static void assertChange(MinBrokerIdChange change, long minId, String minAddr, String offline, String ha,
                                     String... targets) {
        assertEquals(GROUP, change.brokerName());
        assertEquals(minId, change.minBrokerId());
        assertEquals(minAddr, change.minBrokerAddr());
        assertEquals(offline, change.offlineBrokerAddr());
        assertEquals(ha, change.haBrokerAddr());
        assertEquals(Set.of(targets), new HashSet<>(change.targets()));
        assertEquals(targets.length, change.targets().size(), "no target twice");
    }

    // ------------------------------------------------------------------ registration

    @Test
    void aFirstRegistrationNeverCountsWhateverItsId() {
        register(A1, 1, true);
        register(A1, 1, true);
        assertEquals(List.of(), changes);
    }

    @Test
    void aRegistrationBelowTheMinimumTellsEveryOtherMemberWithoutLookingAtActingMaster() {
        register(A2, 2, false);
        register(A1, 1, false);
        assertChange(only(), 1, A1, null, "ha-" + A1, A2);
        register(A0, 0, false);
        assertChange(only(), 0, A0, null, "ha-" + A0, A2, A1);
    }

    @Test
    void aRegistrationAtOrAboveTheMinimumIsNoChange() {
        register(A0, 0, true);
        register(A1, 1, true);
        register(A0, 0, true);
        register(A2, 2, true);
        assertEquals(List.of(), changes);
    }

    @Test
    void aLoneSlaveTurningMasterIsTheNewMinimumAndHearsItItself() {
        register(A1, 1, true);
        register(A1, 0, true);
        assertChange(only(), 0, A1, null, "ha-" + A1, A1);
    }

    @Test
    void aRegistrationRefusedByTheSingleTopicGuardTellsNobody() {
        register(A1, 1, true);
        // a one-topic registration before the broker's first full one is refused
        assertNull(routes.registerBroker(broker(A0, 0, true).topics(wrapper(version(1), topic("T1"))).build()));
        assertEquals(List.of(), changes);
        register(A0, 0, true);
        assertChange(only(), 0, A0, null, "ha-" + A0, A1);
    }

    // ------------------------------------------------------------------ removal

    @Test
    void unregisteringTheMinimumTellsEveryRemainingMemberWhenActingMasterIsOn() {
        register(A0, 0, true);
        register(A1, 1, true);
        register(A2, 2, true);
        routes.unregisterBroker(new UnregisterRequest("C", A0, GROUP, 0L, UnregisterRequest.ANY_GENERATION, "test"));
        assertChange(only(), 1, A1, A0, null, A1, A2);
    }

    @Test
    void removingAnotherMemberOrTheLastOneOrWithoutActingMasterTellsNobody() {
        register(A0, 0, true);
        register(A1, 1, true);
        register(A2, 2, true);
        routes.unregisterBroker(new UnregisterRequest("C", A2, GROUP, 2L, UnregisterRequest.ANY_GENERATION, "test"));
        assertEquals(List.of(), changes, "not the minimum");
        routes.unregisterBroker(new UnregisterRequest("C", A0, GROUP, 0L, UnregisterRequest.ANY_GENERATION, "test"));
        only();
        routes.unregisterBroker(new UnregisterRequest("C", A1, GROUP, 1L, UnregisterRequest.ANY_GENERATION, "test"));
        assertEquals(List.of(), changes, "the group is empty now");

        register(A0, 0, false);
        register(A1, 1, false);
        routes.unregisterBroker(new UnregisterRequest("C", A0, GROUP, 0L, UnregisterRequest.ANY_GENERATION, "test"));
        assertEquals(List.of(), changes, "acting master off");
    }

    @Test
    void theActingMasterFlagIsReadAfterTheRemoval() {
        register(A0, 0, false);
        register(A1, 1, true); // the group's flag is the last registration's
        routes.unregisterBroker(new UnregisterRequest("C", A0, GROUP, 0L, UnregisterRequest.ANY_GENERATION, "test"));
        assertChange(only(), 1, A1, A0, null, A1);
    }

    @Test
    void aClosedConnectionOfTheMinimumCounts() {
        EmbeddedChannel master = new EmbeddedChannel();
        routes.registerBroker(broker(A0, 0, true).channel(master).build());
        register(A1, 1, true);
        routes.onChannelDestroy(master, RemovalCause.CHANNEL_CLOSED);
        assertChange(only(), 1, A1, A0, null, A1);
    }

    @Test
    void anExpiredMinimumCounts() {
        routes.registerBroker(broker(A0, 0, true).heartbeatTimeoutMillis(1_000L).build());
        register(A1, 1, true);
        clock.addAndGet(5_000);
        routes.updateBrokerInfoUpdateTimestamp("C", A1);
        assertEquals(1, routes.scanNotActiveBroker());
        assertChange(only(), 1, A1, A0, null, A1);
    }

    @Test
    void anUnregisterWithoutAnIdIsJudgedByTheIdItsAddressHas() {
        register(A0, 0, true);
        register(A1, 1, true);
        routes.unregisterBroker(new UnregisterRequest("C", A0, GROUP, null, UnregisterRequest.ANY_GENERATION, "test"));
        assertChange(only(), 1, A1, A0, null, A1);
    }

    @Test
    void asApacheAnUnregisterNamingTheMinimumIdCountsEvenWhenItsAddressIsNotAMember() {
        register(A0, 0, true);
        register(A1, 1, true);
        routes.unregisterBroker(new UnregisterRequest("C", A2, GROUP, 0L, UnregisterRequest.ANY_GENERATION, "test"));
        assertChange(only(), 0, A0, A2, null, A0, A1);
    }
}
