package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.body.BrokerReplicasInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Automatic failover of real Apache 5.3.3 brokers in controller mode: two brokers of one group
 * register, one is elected master, messages flow; the master is killed (SIGKILL), the other is
 * elected and the name server's routes show it, sampled every 200 ms and never showing the old
 * master again once the new one is in; the killed broker restarts as a slave. Run against our
 * name server with its embedded controller and against Apache's name server with Apache's
 * embedded controller, with the same broker settings, so the story cannot encode a
 * misunderstanding of the controller. Then the new master is frozen (SIGSTOP, its connections
 * left open): the other is elected, and once thawed the old master never shows as master in the
 * routes again and comes back as a slave. The tests run in order on the shared processes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ControllerFailoverInterop {

    static final String CLUSTER = "FailoverCluster";
    static final String GROUP = "failover-broker";
    private static final String TOPIC = "FailoverTopic";
    private static final int MESSAGES = 10;
    /** Broker-side controller timings, the same for both controllers; shorter than the defaults to keep CI quick. */
    static final Map<String, String> BROKER_CONTROLLER_MODE = Map.of(
        "enableControllerMode", "true",
        "controllerHeartBeatTimeoutMills", "6000",
        "syncBrokerMetadataPeriod", "2000",
        "checkSyncStateSetPeriod", "2000",
        "syncControllerMetadataPeriod", "3000");
    private static final Duration REGISTRATION = Duration.ofSeconds(60);
    private static final Duration IN_SYNC = Duration.ofSeconds(60);
    /** Far above either controller's failover with these timings (heartbeat timeout 6 s, scans 2 s). */
    private static final Duration FAILOVER = Duration.ofSeconds(45);
    private static final Duration SETTLE = Duration.ofSeconds(40);

    private String namesrvAddr;
    private String controllerAddr;
    private final List<BrokerProcess> brokers = new ArrayList<>();
    private DefaultMQAdminExt admin;
    private String masterAddr;

    /** Starts the name server with its controller; returns {name server address, controller address}. */
    protected abstract String[] startNameServerWithController();

    protected abstract void stopNameServer();

    @BeforeAll
    void startPeers() throws Exception {
        String[] addrs = startNameServerWithController();
        namesrvAddr = addrs[0];
        controllerAddr = addrs[1];
        Map<String, String> config = new LinkedHashMap<>(BROKER_CONTROLLER_MODE);
        config.put("controllerAddr", controllerAddr);
        brokers.add(BrokerProcess.start(CLUSTER, GROUP, 0, namesrvAddr, config));
        brokers.add(BrokerProcess.start(CLUSTER, GROUP, 0, namesrvAddr, config));
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName(getClass().getSimpleName() + "-admin");
        admin.start();
    }

    @AfterAll
    void stopPeers() {
        try {
            if (admin != null) {
                admin.shutdown();
            }
        } finally {
            try {
                brokers.forEach(BrokerProcess::kill);
            } finally {
                stopNameServer();
            }
        }
    }

    @Test
    @Order(10)
    void oneBrokerIsElectedMasterAndBothRegister() throws Exception {
        BrokerData group = Await.until("a master and a slave of " + GROUP + " in the routes", REGISTRATION,
            () -> admin.examineBrokerClusterInfo().getBrokerAddrTable().get(GROUP),
            g -> g != null && g.getBrokerAddrs().size() == 2 && g.getBrokerAddrs().containsKey(0L));
        masterAddr = group.getBrokerAddrs().get(0L);
        Set<String> both = Set.of(brokers.get(0).address(), brokers.get(1).address());
        assertEquals(both, new HashSet<>(group.getBrokerAddrs().values()));
        BrokerReplicasInfo.ReplicasInfo info = replicas();
        assertEquals(masterAddr, info.getMasterAddress());
        assertTrue(info.getMasterEpoch() >= 1);
    }

    @Test
    @Order(20)
    void messagesFlowThroughTheElectedMaster() throws Exception {
        admin.createAndUpdateTopicConfig(masterAddr, new TopicConfig(TOPIC, 4, 4));
        Await.until("route of " + TOPIC, SETTLE, () -> admin.examineTopicRouteInfo(TOPIC),
            r -> !r.getQueueDatas().isEmpty());
        assertEquals(Set.of("sent-0", "sent-1", "sent-2", "sent-3", "sent-4", "sent-5", "sent-6", "sent-7", "sent-8",
            "sent-9"), sendAndReceive("sent-", "failover-consumer-1"));
    }

    @Test
    @Order(30)
    void afterTheMasterIsKilledTheOtherIsElectedAndRoutesNeverShowTwoMasters() throws Exception {
        // the slave must have caught up (be in the in-sync set) to be electable
        Await.until("both replicas in sync", IN_SYNC, this::replicas, i -> i.getInSyncReplicas().size() == 2);
        BrokerProcess master = brokerAt(masterAddr);
        BrokerProcess slave = brokers.get(1 - brokers.indexOf(master));
        int epochBefore = replicas().getMasterEpoch();

        long killedAt = System.nanoTime();
        master.crash();
        List<String> masters = new ArrayList<>();
        BrokerData after = Await.until("the slave as master in the routes", FAILOVER, () -> {
            BrokerData g = admin.examineBrokerClusterInfo().getBrokerAddrTable().get(GROUP);
            masters.add(g == null ? null : g.getBrokerAddrs().get(0L));
            return g;
        }, g -> g != null && slave.address().equals(g.getBrokerAddrs().get(0L)));
        long failoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("%s: master killed -> new master in routes after %d ms%n", getClass().getSimpleName(),
            failoverMillis);

        // the master entry went old -> (none) -> new, never back, and never two brokers as master at once
        int firstNew = masters.indexOf(slave.address());
        assertTrue(masters.subList(firstNew, masters.size()).stream().allMatch(slave.address()::equals), masters.toString());
        assertFalse(masters.subList(0, firstNew).contains(slave.address()));
        assertEquals(1, after.getBrokerAddrs().values().stream().filter(slave.address()::equals).count());
        BrokerReplicasInfo.ReplicasInfo info = replicas();
        assertEquals(slave.address(), info.getMasterAddress());
        assertTrue(info.getMasterEpoch() > epochBefore, "the election raised the epoch");
        for (int i = 0; i < 5; i++) {
            BrokerData g = admin.examineBrokerClusterInfo().getBrokerAddrTable().get(GROUP);
            assertEquals(slave.address(), g.getBrokerAddrs().get(0L));
            assertFalse(g.getBrokerAddrs().containsValue(master.address()), "the dead master is gone: " + g);
            Thread.sleep(200);
        }
        masterAddr = slave.address();
    }

    @Test
    @Order(40)
    void messagesFlowThroughTheNewMaster() throws Exception {
        assertEquals(Set.of("after-0", "after-1", "after-2", "after-3", "after-4", "after-5", "after-6", "after-7",
            "after-8", "after-9"), sendAndReceive("after-", "failover-consumer-2"));
    }

    @Test
    @Order(50)
    void theKilledBrokerComesBackAsASlave() throws Exception {
        BrokerProcess dead = brokers.stream().filter(b -> !b.isAlive()).findFirst().orElseThrow();
        BrokerProcess restarted = dead.restart();
        brokers.set(brokers.indexOf(dead), restarted);
        BrokerData group = Await.until(restarted.address() + " back as a slave", REGISTRATION,
            () -> admin.examineBrokerClusterInfo().getBrokerAddrTable().get(GROUP),
            g -> g != null && g.getBrokerAddrs().size() == 2 && g.getBrokerAddrs().containsValue(restarted.address()));
        assertEquals(masterAddr, group.getBrokerAddrs().get(0L), "the new master stays master");
        assertNotEquals(0L, group.getBrokerAddrs().entrySet().stream()
            .filter(e -> e.getValue().equals(restarted.address())).findFirst().orElseThrow().getKey());
        assertEquals(masterAddr, replicas().getMasterAddress());
    }

    @Test
    @Order(60)
    void aFrozenMasterIsReplacedAndOnceThawedNeverShowsAsMasterAgain() throws Exception {
        Await.until("both replicas in sync", IN_SYNC, this::replicas, i -> i.getInSyncReplicas().size() == 2);
        String current = replicas().getMasterAddress();
        Await.until("the routes to show " + current + " as master", SETTLE, () -> masterInRoutes(new ArrayList<>()),
            current::equals);
        BrokerProcess frozen = brokerAt(current);
        BrokerProcess other = brokers.get(1 - brokers.indexOf(frozen));
        int epochBefore = replicas().getMasterEpoch();

        // SIGSTOP: unlike a crash, its connections stay open; only its silence gives it away
        long frozenAt = System.nanoTime();
        frozen.freeze();
        List<String> masters = new ArrayList<>();
        try {
            Await.until("the other broker as master in the routes", FAILOVER, () -> masterInRoutes(masters),
                other.address()::equals);
            System.out.printf("%s: master frozen -> new master in routes after %d ms%n", getClass().getSimpleName(),
                (System.nanoTime() - frozenAt) / 1_000_000);
            assertTrue(replicas().getMasterEpoch() > epochBefore, "the election raised the epoch");
        } finally {
            frozen.thaw();
        }
        // Thawed, the old master still believes it leads until it hears otherwise; what it sends
        // meanwhile (an old epoch) must never make the routes name it master again, and it comes
        // back as a slave of the new master.
        int thawedAt = masters.size();
        BrokerData group = Await.until(frozen.address() + " back as a slave", REGISTRATION, () -> {
            masterInRoutes(masters);
            return admin.examineBrokerClusterInfo().getBrokerAddrTable().get(GROUP);
        }, g -> g != null && g.getBrokerAddrs().size() == 2 && g.getBrokerAddrs().containsValue(frozen.address()));
        assertEquals(other.address(), group.getBrokerAddrs().get(0L));
        List<String> sinceThaw = masters.subList(thawedAt, masters.size());
        assertTrue(sinceThaw.stream().allMatch(other.address()::equals), "master in the routes since the thaw: " + sinceThaw);
        int firstNew = masters.indexOf(other.address());
        assertTrue(masters.subList(firstNew, masters.size()).stream().allMatch(other.address()::equals), masters.toString());
        assertEquals(other.address(), replicas().getMasterAddress());
        masterAddr = other.address();
    }

    /** The group's master (id 0) in the routes now, also appended to {@code samples}. */
    private String masterInRoutes(List<String> samples) throws Exception {
        BrokerData g = admin.examineBrokerClusterInfo().getBrokerAddrTable().get(GROUP);
        String master = g == null ? null : g.getBrokerAddrs().get(0L);
        samples.add(master);
        return master;
    }

    protected String namesrvAddr() {
        return namesrvAddr;
    }

    protected String controllerAddr() {
        return controllerAddr;
    }

    protected BrokerReplicasInfo.ReplicasInfo replicas() throws Exception {
        BrokerReplicasInfo info = admin.getInSyncStateData(controllerAddr, List.of(GROUP));
        return info.getReplicasInfoTable().get(GROUP);
    }

    private BrokerProcess brokerAt(String address) {
        return brokers.stream().filter(b -> b.address().equals(address)).findFirst().orElseThrow();
    }

    private Set<String> sendAndReceive(String prefix, String consumerGroup) throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(consumerGroup);
        DefaultMQProducer producer = new DefaultMQProducer("failover-producer-" + prefix);
        try {
            consumer.setNamesrvAddr(namesrvAddr);
            consumer.setInstanceName(getClass().getSimpleName() + "-" + consumerGroup);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(TOPIC, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(m -> received.merge(new String(m.getBody(), StandardCharsets.UTF_8), 1, Integer::sum));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            producer.setNamesrvAddr(namesrvAddr);
            producer.setInstanceName(getClass().getSimpleName() + "-producer-" + prefix);
            producer.start();
            for (int i = 0; i < MESSAGES; i++) {
                SendResult result = producer.send(new Message(TOPIC, (prefix + i).getBytes(StandardCharsets.UTF_8)));
                assertEquals(SendStatus.SEND_OK, result.getSendStatus());
            }
            Await.until("messages " + prefix + "* consumed", SETTLE,
                () -> received.keySet().stream().filter(k -> k.startsWith(prefix)).count(), n -> n >= MESSAGES);
            Set<String> mine = new HashSet<>();
            received.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(mine::add);
            return mine;
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }
}
