package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.NameServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real Apache 5.3.3 brokers with {@code enableSlaveActingMaster=true} and a name server with
 * {@code notifyMinBrokerIdChanged=true}: the slave learns of its group's new smallest id from the
 * name server's push (NOTIFY_MIN_BROKER_ID_CHANGE), not only from its own poll. The proof is the
 * slave's log: Apache's broker writes {@code min broker id changed, prev P, new N} (WARN) only
 * when it handles a 905; its once-a-second poll of the member group updates the same state
 * without that line.
 *
 * <p>The story: the slave (id 1) starts alone, so it is its group's smallest id; the master
 * (id 0) registers, and the slave is told the minimum is now 0; the master is killed (its
 * connection closes), and the slave is told the minimum is 1 again. The slave polls its member
 * group once, a second after it starts, and then not for {@value #SLAVE_POLL_MILLIS} ms (its
 * default is every second), so when the first push reports {@code prev 1} the slave had not
 * learned of the master any other way. (The {@code prev} of the second push is read before the
 * broker takes its lock, while it may still be acting on the first one: not asserted.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MinBrokerIdPushInterop {

    private static final String CLUSTER = "PushCluster";
    private static final String GROUP = "push-broker";
    /** A broker's first registration can be skipped; the scheduled one follows 10 s later. */
    private static final Duration REGISTRATION = Duration.ofSeconds(60);
    private static final Duration PUSH = Duration.ofSeconds(30);
    private static final Pattern PUSHED = Pattern.compile("min broker id changed, prev (-?\\d+), new (\\d+)");
    /** Longer than the whole story: within it, the slave learns only from pushes. */
    private static final long SLAVE_POLL_MILLIS = 300_000;

    private NameServerProcess namesrv;
    private BrokerProcess slave;
    private BrokerProcess master;
    private DefaultMQAdminExt admin;

    protected abstract NameServerProcess startNameServer(Map<String, String> config);

    @BeforeAll
    void startNameServerAndSlave() throws Exception {
        namesrv = startNameServer(Map.of("notifyMinBrokerIdChanged", "true"));
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrv.address());
        admin.setInstanceName(getClass().getSimpleName() + "-admin");
        admin.start();
        Map<String, String> slaveConfig = new HashMap<>(actingMaster());
        slaveConfig.put("syncBrokerMemberGroupPeriod", Long.toString(SLAVE_POLL_MILLIS));
        slave = BrokerProcess.start(CLUSTER, GROUP, 1, namesrv.address(), slaveConfig);
        awaitMembers(Map.of(1L, slave.address()));
    }

    private static Map<String, String> actingMaster() {
        return Map.of("enableSlaveActingMaster", "true", "brokerHeartbeatInterval", "1000");
    }

    @AfterAll
    void stopAll() {
        try {
            if (admin != null) {
                admin.shutdown();
            }
        } finally {
            try {
                for (BrokerProcess b : new BrokerProcess[] {master, slave}) {
                    if (b != null) {
                        b.kill();
                    }
                }
            } finally {
                if (namesrv != null) {
                    namesrv.close();
                }
            }
        }
    }

    @Test
    void theSlaveIsToldWhenTheMasterArrivesAndWhenItDies() throws Exception {
        assertTrue(pushesTo(slave).isEmpty(), "alone in its group, the slave was told nothing: " + pushesTo(slave));

        master = BrokerProcess.start(CLUSTER, GROUP, 0, namesrv.address(), actingMaster());
        awaitMembers(Map.of(0L, master.address(), 1L, slave.address()));
        List<String> pushed = Await.until("the slave to be told the minimum is 0", PUSH, () -> pushesTo(slave),
            p -> !p.isEmpty());
        assertEquals(List.of("1->0"), pushed, "one push, naming the master; the slave believed 1 until then");

        master.kill();
        awaitMembers(Map.of(1L, slave.address()));
        pushed = Await.until("the slave to be told the minimum is 1 again", PUSH, () -> pushesTo(slave),
            p -> p.size() >= 2);
        assertEquals(2, pushed.size(), pushed::toString);
        assertTrue(pushed.get(1).endsWith("->1"), "the second push names the slave itself: " + pushed);
    }

    /** Every 905 the broker handled, in order, as "prev->new", from its log. */
    private static List<String> pushesTo(BrokerProcess broker) throws Exception {
        Path log = broker.logFile();
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return lines.stream().map(PUSHED::matcher).filter(Matcher::find).map(m -> m.group(1) + "->" + m.group(2))
            .toList();
    }

    private void awaitMembers(Map<Long, String> members) {
        Await.until("group " + GROUP + " to be " + members, REGISTRATION, admin::examineBrokerClusterInfo,
            (ClusterInfo info) -> info.getBrokerAddrTable().containsKey(GROUP)
                && members.equals(info.getBrokerAddrTable().get(GROUP).getBrokerAddrs()));
    }
}
