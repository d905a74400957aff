package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.NameServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real Apache brokers living and dying against a name server: registration, messages end to end
 * on routes from that name server, a crash (SIGKILL: the connection closes) and a freeze
 * (SIGSTOP: the connection stays open, only the heartbeats stop). Two brokers, so each way of
 * dying has its own: broker K keeps the default 120 s timeout, so its quick removal can only come
 * from the closed connection; broker S announces a 3 s timeout ({@code brokerNotActiveTimeoutMillis}
 * is what a 5.3.3 broker sends as {@code heartbeatTimeoutMillis}) and heartbeats every second
 * ({@code enableSlaveActingMaster} turns BROKER_HEARTBEAT on), so only expiry can remove it.
 * The tests run in order on the shared brokers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BrokerLifecycleInterop {

    private static final String CLUSTER = "LifecycleCluster";
    private static final String KILLED = "life-broker-k";
    private static final String FROZEN = "life-broker-s";
    private static final String TOPIC = "LifecycleTopic";
    private static final int MESSAGES = 10;
    private static final long FROZEN_TIMEOUT_MILLIS = 3_000;
    /** A broker's first registration can be skipped; the scheduled one follows 10 s later. */
    private static final Duration REGISTRATION = Duration.ofSeconds(40);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** The frozen broker's 3 s timeout, the 1 s scan, and room for a loaded machine. */
    private static final Duration EXPIRY = Duration.ofSeconds(15);
    private static final Duration CONNECTION_CLOSE = Duration.ofSeconds(10);

    private NameServerProcess namesrv;
    private BrokerProcess killed;
    private BrokerProcess frozen;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;
    private DefaultMQPushConsumer consumer;

    /** Starts the name server under test with the given extra -c entries. */
    protected abstract NameServerProcess startNameServer(Map<String, String> config);

    @BeforeAll
    void startPeers() throws Exception {
        namesrv = startNameServer(Map.of("scanNotActiveBrokerInterval", "1000"));
        killed = BrokerProcess.start(CLUSTER, KILLED, 0, namesrv.address(), Map.of());
        frozen = BrokerProcess.start(CLUSTER, FROZEN, 0, namesrv.address(), Map.of(
            "brokerNotActiveTimeoutMillis", Long.toString(FROZEN_TIMEOUT_MILLIS),
            "enableSlaveActingMaster", "true",
            "brokerHeartbeatInterval", "1000",
            "registerNameServerPeriod", "10000"));
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrv.address());
        admin.setInstanceName(getClass().getSimpleName() + "-admin");
        admin.start();
    }

    @AfterAll
    void stopPeers() {
        try {
            stopClients();
            if (admin != null) {
                admin.shutdown();
            }
        } finally {
            try {
                if (frozen != null) {
                    resume(frozen);
                    frozen.kill();
                }
                if (killed != null) {
                    killed.kill();
                }
            } finally {
                if (namesrv != null) {
                    namesrv.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void bothBrokersRegisterInOneCluster() throws Exception {
        ClusterInfo info = Await.until("both brokers in cluster info", REGISTRATION, admin::examineBrokerClusterInfo,
            i -> i.getBrokerAddrTable().keySet().containsAll(Set.of(KILLED, FROZEN)));
        assertEquals(Set.of(KILLED, FROZEN), info.getClusterAddrTable().get(CLUSTER));
        BrokerData k = info.getBrokerAddrTable().get(KILLED);
        assertEquals(CLUSTER, k.getCluster());
        assertEquals(Map.of(0L, killed.address()), k.getBrokerAddrs());
        assertEquals(Map.of(0L, frozen.address()), info.getBrokerAddrTable().get(FROZEN).getBrokerAddrs());
    }

    @Test
    @Order(2)
    void messagesFlowOnRoutesFromTheNameServer() throws Exception {
        awaitRegistered(KILLED);
        admin.createAndUpdateTopicConfig(killed.address(), new TopicConfig(TOPIC, 4, 4));
        TopicRouteData route = Await.until("route of " + TOPIC, SETTLE,
            () -> admin.examineTopicRouteInfo(TOPIC), r -> !r.getQueueDatas().isEmpty());
        assertEquals(KILLED, route.getQueueDatas().get(0).getBrokerName());
        assertEquals(4, route.getQueueDatas().get(0).getWriteQueueNums());
        assertEquals(Map.of(0L, killed.address()), route.getBrokerDatas().get(0).getBrokerAddrs());

        Map<String, Integer> received = new ConcurrentHashMap<>();
        startConsumer(received);
        Set<String> sent = sendMessages();
        Await.until(MESSAGES + " messages consumed", SETTLE, received::size, n -> n >= MESSAGES);
        assertEquals(sent, new HashSet<>(received.keySet()));
        assertEquals(MESSAGES, received.values().stream().mapToInt(Integer::intValue).sum(),
            "each message exactly once: " + received);
        // clients go before the broker dies, so they do not retry against a dead address
        stopClients();
    }

    @Test
    @Order(3)
    void aKilledBrokerLeavesWhenItsConnectionCloses() throws Exception {
        awaitRegistered(KILLED);
        killed.kill();
        assertFalse(killed.isAlive());
        ClusterInfo info = Await.until(KILLED + " to leave cluster info", CONNECTION_CLOSE,
            admin::examineBrokerClusterInfo, i -> !i.getBrokerAddrTable().containsKey(KILLED));
        assertEquals(Set.of(FROZEN), info.getClusterAddrTable().get(CLUSTER));
        assertEquals(17, ClientFailure.of(() -> admin.examineTopicRouteInfo(TOPIC)).code(),
            "its only topic goes with it");
    }

    @Test
    @Order(4)
    void aFrozenBrokerExpiresAfterItsOwnTimeoutThoughItsConnectionStaysOpen() throws Exception {
        awaitRegistered(FROZEN);
        signal("STOP", frozen);
        try {
            ClusterInfo info = Await.until(FROZEN + " to expire", EXPIRY,
                admin::examineBrokerClusterInfo, i -> !i.getBrokerAddrTable().containsKey(FROZEN));
            assertFalse(info.getClusterAddrTable().containsKey(CLUSTER), "the emptied cluster goes too");
            assertTrue(frozen.isAlive(), "expired, not crashed");
        } finally {
            resume(frozen);
        }
    }

    private void awaitRegistered(String brokerName) {
        Await.until(brokerName + " in cluster info", REGISTRATION, admin::examineBrokerClusterInfo,
            i -> i.getBrokerAddrTable().containsKey(brokerName));
    }

    private void startConsumer(Map<String, Integer> received) throws Exception {
        consumer = new DefaultMQPushConsumer("lifecycle-consumer-group");
        consumer.setNamesrvAddr(namesrv.address());
        consumer.setInstanceName(getClass().getSimpleName() + "-consumer");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.merge(new String(m.getBody(), StandardCharsets.UTF_8), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
    }

    private Set<String> sendMessages() throws Exception {
        producer = new DefaultMQProducer("lifecycle-producer-group");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName(getClass().getSimpleName() + "-producer");
        producer.start();
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            String body = "lifecycle-" + i;
            SendResult result = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
            assertEquals(SendStatus.SEND_OK, result.getSendStatus());
            assertEquals(KILLED, result.getMessageQueue().getBrokerName());
            bodies.add(body);
        }
        return bodies;
    }

    private void stopClients() {
        if (consumer != null) {
            consumer.shutdown();
            consumer = null;
        }
        if (producer != null) {
            producer.shutdown();
            producer = null;
        }
    }

    /** SIGCONT; harmless if the process was not stopped or is gone. */
    private static void resume(BrokerProcess broker) {
        if (broker.isAlive()) {
            signal("CONT", broker);
        }
    }

    private static void signal(String name, BrokerProcess broker) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(broker.pid()))
                .redirectErrorStream(true).start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                kill.destroyForcibly();
                throw new IllegalStateException("kill -" + name + " " + broker.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending SIG" + name, e);
        }
    }
}
