package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.ApacheWireClient;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerPortListener;
import io.namesrv.interop.support.FakeBroker;
import io.namesrv.interop.support.NameServerProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.LanguageCode;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * NOTIFY_MIN_BROKER_ID_CHANGE (905) as it arrives at a broker's port, every field, for each way
 * a group's smallest id changes, asserted the same way for Apache's name server and ours (both
 * with {@code notifyMinBrokerIdChanged=true}). The "brokers" are {@link FakeBroker} registrations
 * whose addresses are {@link BrokerPortListener}s.
 *
 * <p>That a broker was not told is shown by what it is told next: the first 905 a member gets
 * is the one the test expects, so nothing came before it. At the end of each test no member has
 * anything more within {@value #QUIET_MILLIS} ms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MinBrokerIdNotifyConformance {

    static final String CLUSTER = "NotifyCluster";
    static final long QUIET_MILLIS = 1_500;
    static final long ARRIVAL_MILLIS = 20_000;
    /** Registrations through the shared connection send no heartbeats: they must outlive the suite. */
    static final long LONG_TIMEOUT_MILLIS = 600_000;
    static final List<TopicConfig> TOPICS = List.of(new TopicConfig("NotifyTopic", 1, 1, 6, 0),
        new TopicConfig("NotifyTopic2", 1, 1, 6, 0));

    private NameServerProcess namesrv;
    private ApacheWireClient wire;
    private final List<AutoCloseable> perTest = new ArrayList<>();

    protected abstract NameServerProcess startNameServer(Map<String, String> config);

    @BeforeAll
    void start() {
        namesrv = startNameServer(Map.of("notifyMinBrokerIdChanged", "true", "scanNotActiveBrokerInterval", "1000"));
        wire = new ApacheWireClient(namesrv.address());
        // A fresh server on a loaded machine can take longer than one call's 5 s over its first
        // registration: warm it up (a lone member, which is never announced) before the tests time it.
        FakeBroker warmUp = new FakeBroker(CLUSTER, "nfy-warm-up", 0, "127.0.0.1:1", "127.0.0.1:2", TOPICS, 1);
        Await.until("a first registration to be answered", Duration.ofSeconds(60),
            () -> wire.invoke(warmUp.registerRequest(false, LONG_TIMEOUT_MILLIS)).getCode(), code -> code == 0);
    }

    @AfterEach
    void closePerTest() throws Exception {
        for (int i = perTest.size() - 1; i >= 0; i--) {
            perTest.get(i).close();
        }
        perTest.clear();
    }

    @AfterAll
    void stop() {
        try {
            if (wire != null) {
                wire.close();
            }
        } finally {
            if (namesrv != null) {
                namesrv.close();
            }
        }
    }

    /** A member of {@code group}: a port that listens, and the broker registered under it. */
    private record Member(BrokerPortListener port, FakeBroker broker) {
        String addr() {
            return broker.addr();
        }

        String ha() {
            return broker.haAddr();
        }
    }

    private Member member(String group, long id) {
        BrokerPortListener port = new BrokerPortListener();
        perTest.add(port);
        return new Member(port, new FakeBroker(CLUSTER, group, id, port.address(), "127.0.0.1:1" + id + "999", TOPICS, 1));
    }

    private void register(Member m, boolean actingMaster) {
        register(wire, m, actingMaster, LONG_TIMEOUT_MILLIS);
    }

    private static void register(ApacheWireClient via, Member m, boolean actingMaster, long timeoutMillis) {
        RemotingCommand response = via.invoke(m.broker().registerRequest(actingMaster, timeoutMillis));
        assertEquals(0, response.getCode(), response.getRemark());
    }

    /** A connection of its own, so that closing it (or the broker expiring) touches only this member. */
    private ApacheWireClient ownConnection() {
        ApacheWireClient own = new ApacheWireClient(namesrv.address());
        perTest.add(own);
        return own;
    }

    private void unregister(FakeBroker broker) {
        assertEquals(0, wire.invoke(broker.unregisterRequest()).getCode());
    }

    private void updateConfig(String key, String value) {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.UPDATE_NAMESRV_CONFIG, null);
        request.setBody((key + "=" + value).getBytes(StandardCharsets.UTF_8));
        RemotingCommand response = wire.invoke(request);
        assertEquals(0, response.getCode(), response.getRemark());
    }

    /**
     * The next 905 at {@code to}: a oneway request from the name server's client (JSON header,
     * Apache 5.3.3's version, no remark, no body) carrying exactly the given header fields.
     */
    private static void assertNotified(Member to, long minBrokerId, String minBrokerAddr, String offlineBrokerAddr,
                                       String haBrokerAddr) {
        RemotingCommand request = to.port().next(ARRIVAL_MILLIS);
        assertNotNull(request, "no 905 reached " + to.addr());
        assertEquals(RequestCode.NOTIFY_MIN_BROKER_ID_CHANGE, request.getCode());
        assertTrue(request.isOnewayRPC(), "oneway");
        assertEquals(2, request.getFlag(), "a request (bit 0 clear), oneway (bit 1 set)");
        assertEquals(LanguageCode.JAVA, request.getLanguage());
        assertEquals(MQVersion.Version.V5_3_3.ordinal(), request.getVersion());
        assertEquals(SerializeType.JSON, request.getSerializeTypeCurrentRPC());
        assertNull(request.getRemark());
        assertNull(request.getBody());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("minBrokerId", Long.toString(minBrokerId));
        expected.put("minBrokerAddr", minBrokerAddr);
        if (offlineBrokerAddr != null) {
            expected.put("offlineBrokerAddr", offlineBrokerAddr);
        }
        if (haBrokerAddr != null) {
            expected.put("haBrokerAddr", haBrokerAddr);
        }
        assertEquals(expected, request.getExtFields(), "header of the 905 to " + to.addr());
    }

    /** Nothing more arrives at any of them (one shared bounded wait). */
    private static void assertNothingMore(Member... members) {
        long deadline = System.currentTimeMillis() + QUIET_MILLIS;
        for (Member m : members) {
            RemotingCommand extra = m.port().next(Math.max(0, deadline - System.currentTimeMillis()));
            assertNull(extra, () -> "unexpected request at " + m.addr() + ": " + extra + " " + extra.getExtFields());
        }
    }

    // ---------------------------------------------------------------- registration

    /** Apache does not check acting master on this path: the group here has it off. */
    @Test
    void aRegistrationBelowTheMinimumTellsEveryOtherMember() {
        Member m3 = member("nfy-register", 3);
        Member m2 = member("nfy-register", 2);
        Member m1 = member("nfy-register", 1);
        Member m0 = member("nfy-register", 0);
        register(m3, false); // the first member: an empty group counts as minimum 0, so no change
        register(m2, false);
        assertNotified(m3, 2, m2.addr(), null, m2.ha());
        register(m1, false);
        assertNotified(m3, 1, m1.addr(), null, m1.ha());
        assertNotified(m2, 1, m1.addr(), null, m1.ha()); // its own registration told it nothing
        register(m0, false);
        register(m2, false); // re-registrations at or above the minimum change nothing
        register(m0, false);
        assertNotified(m3, 0, m0.addr(), null, m0.ha());
        assertNotified(m2, 0, m0.addr(), null, m0.ha());
        assertNotified(m1, 0, m0.addr(), null, m0.ha());
        assertNothingMore(m0, m1, m2, m3);
    }

    @Test
    void aLoneSlaveRegisteringAsMasterIsTheNewMinimumAndIsToldItself() {
        Member slave = member("nfy-switch", 1);
        register(slave, true);
        FakeBroker asMaster = new FakeBroker(CLUSTER, "nfy-switch", 0, slave.addr(), slave.ha(), TOPICS, 2);
        register(wire, new Member(slave.port(), asMaster), true, LONG_TIMEOUT_MILLIS);
        assertNotified(slave, 0, slave.addr(), null, slave.ha());
        assertNothingMore(slave);
    }

    // ---------------------------------------------------------------- removal

    @Test
    void unregisteringTheMinimumTellsEveryRemainingMemberWithItsAddressAsOffline() {
        Member m0 = member("nfy-unregister", 0);
        Member m1 = member("nfy-unregister", 1);
        Member m2 = member("nfy-unregister", 2);
        Member m3 = member("nfy-unregister", 3);
        for (Member m : List.of(m0, m1, m2, m3)) {
            register(m, true);
        }
        unregister(m3.broker()); // not the minimum
        unregister(m0.broker());
        assertNotified(m1, 1, m1.addr(), m0.addr(), null);
        assertNotified(m2, 1, m1.addr(), m0.addr(), null);
        unregister(m2.broker()); // not the minimum
        unregister(m1.broker()); // the group is empty afterwards
        assertNothingMore(m0, m1, m2, m3);
    }

    @Test
    void withoutActingMasterARemovalTellsNobody() {
        Member m1 = member("nfy-no-acting", 1);
        Member m2 = member("nfy-no-acting", 2);
        Member m0 = member("nfy-no-acting", 0);
        register(m1, false);
        register(m2, false);
        unregister(m1.broker());
        register(m0, false);
        // the first thing m2 hears is m0 arriving: the removal of m1 was not announced
        assertNotified(m2, 0, m0.addr(), null, m0.ha());
        assertNothingMore(m0, m1, m2);
    }

    @Test
    void aClosedConnectionOfTheMinimumTellsTheRest() throws Exception {
        Member m0 = member("nfy-close", 0);
        Member m1 = member("nfy-close", 1);
        ApacheWireClient m0Connection = ownConnection();
        register(m0Connection, m0, true, LONG_TIMEOUT_MILLIS);
        register(m1, true);
        m0Connection.close();
        assertNotified(m1, 1, m1.addr(), m0.addr(), null);
        assertNothingMore(m0, m1);
    }

    @Test
    void anExpiredMinimumTellsTheRest() {
        Member m0 = member("nfy-expire", 0);
        Member m1 = member("nfy-expire", 1);
        register(ownConnection(), m0, true, 2_000); // and never a heartbeat
        register(m1, true);
        assertNotified(m1, 1, m1.addr(), m0.addr(), null);
        assertNothingMore(m0, m1);
    }

    /** Apache judges by the id the request names; the removal itself goes by address. */
    @Test
    void anUnregisterNamingTheMinimumIdUnderAnotherAddressIsAnnouncedAsApacheDoes() {
        Member m0 = member("nfy-stale", 0);
        Member m1 = member("nfy-stale", 1);
        register(m0, true);
        register(m1, true);
        BrokerPortListener elsewhere = new BrokerPortListener();
        perTest.add(elsewhere);
        unregister(new FakeBroker(CLUSTER, "nfy-stale", 0, elsewhere.address(), "", TOPICS, 1));
        assertNotified(m0, 0, m0.addr(), elsewhere.address(), null);
        assertNotified(m1, 0, m0.addr(), elsewhere.address(), null);
        assertNothingMore(m0, m1);
    }

    // ---------------------------------------------------------------- the switch

    @Test
    void theSwitchIsReadAtEveryChangeAndCanBeFlippedAtRunTime() {
        Member m2 = member("nfy-runtime", 2);
        Member m1 = member("nfy-runtime", 1);
        Member m0 = member("nfy-runtime", 0);
        updateConfig("notifyMinBrokerIdChanged", "false");
        try {
            register(m2, false);
            register(m1, false); // would tell m2, but notifying is off
        } finally {
            updateConfig("notifyMinBrokerIdChanged", "true");
        }
        register(m0, false);
        assertNotified(m2, 0, m0.addr(), null, m0.ha());
        assertNotified(m1, 0, m0.addr(), null, m0.ha());
        assertNothingMore(m0, m1, m2);
    }
}
