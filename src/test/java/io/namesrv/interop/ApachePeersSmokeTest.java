package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.NameServerProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the interop harness against Apache's own name server: a real broker registers, carries
 * messages end to end, and disappears from the cluster once it is SIGKILLed.
 */
class ApachePeersSmokeTest {

    private static final String CLUSTER = "SmokeCluster";
    private static final String BROKER = "smoke-broker-a";
    private static final String TOPIC = "SmokeTopic";
    private static final int MESSAGES = 10;
    private static final Duration REGISTRATION = Duration.ofSeconds(40);
    private static final Duration SETTLE = Duration.ofSeconds(20);

    private static NameServerProcess namesrv;
    private static BrokerProcess broker;
    private static DefaultMQAdminExt admin;
    private static DefaultMQProducer producer;
    private static DefaultMQPushConsumer consumer;
    private static final Map<String, Long> PHASE_MILLIS = new LinkedHashMap<>();
    private static long phaseStart;

    @BeforeAll
    static void startPeers() throws Exception {
        phaseStart = System.nanoTime();
        namesrv = NameServerProcess.apache();
        phase("namesrv boot");
        broker = BrokerProcess.start(CLUSTER, BROKER, namesrv.address());
        phase("broker boot");
        admin = new DefaultMQAdminExt(5_000);
        admin.setNamesrvAddr(namesrv.address());
        admin.setInstanceName("smoke-admin");
        admin.start();
    }

    @AfterAll
    static void stopPeers() {
        try {
            stopClients();
            if (admin != null) {
                admin.shutdown();
            }
            phase("admin stop");
        } finally {
            if (broker != null) {
                broker.close();
            }
            phase("broker stop");
            if (namesrv != null) {
                namesrv.close();
            }
            phase("namesrv stop");
            // One line per run: the CI budget for interop tests is tracked from this.
            System.out.println("ApachePeersSmokeTest phases (ms): " + PHASE_MILLIS);
        }
    }

    /** Clients go before the broker is killed, so they do not retry against a dead address. */
    private static void stopClients() {
        if (consumer != null) {
            consumer.shutdown();
            consumer = null;
        }
        if (producer != null) {
            producer.shutdown();
            producer = null;
        }
    }

    private static void phase(String name) {
        long now = System.nanoTime();
        PHASE_MILLIS.put(name, (now - phaseStart) / 1_000_000);
        phaseStart = now;
    }

    @Test
    void brokerRegistersCarriesMessagesAndVanishesWhenKilled() throws Exception {
        ClusterInfo registered = Await.until("broker " + BROKER + " in cluster info", REGISTRATION,
                admin::examineBrokerClusterInfo, info -> info.getBrokerAddrTable().containsKey(BROKER));
        BrokerData data = registered.getBrokerAddrTable().get(BROKER);
        assertEquals(CLUSTER, data.getCluster());
        assertEquals(broker.address(), data.getBrokerAddrs().get(0L));
        assertEquals(Set.of(BROKER), registered.getClusterAddrTable().get(CLUSTER));
        phase("registration");

        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(TOPIC, 4, 4));
        TopicRouteData route = Await.until("route of " + TOPIC, SETTLE,
                () -> admin.examineTopicRouteInfo(TOPIC), r -> !r.getQueueDatas().isEmpty());
        assertEquals(4, route.getQueueDatas().get(0).getWriteQueueNums());
        phase("topic route");

        Set<String> sent = sendMessages();
        phase("send");
        Set<String> received = receiveMessages(sent.size());
        assertEquals(sent, received);
        phase("receive");
        stopClients();
        phase("clients stop");

        broker.kill();
        assertFalse(broker.isAlive());
        ClusterInfo afterKill = Await.until("killed broker to leave cluster info", SETTLE,
                admin::examineBrokerClusterInfo, info -> !info.getBrokerAddrTable().containsKey(BROKER));
        assertFalse(afterKill.getClusterAddrTable().getOrDefault(CLUSTER, Set.of()).contains(BROKER));
        phase("kill until gone");
    }

    private static Set<String> sendMessages() throws Exception {
        producer = new DefaultMQProducer("smoke-producer-group");
        producer.setNamesrvAddr(namesrv.address());
        producer.setInstanceName("smoke-producer");
        producer.start();
        Set<String> bodies = new HashSet<>();
        for (int i = 0; i < MESSAGES; i++) {
            String body = "smoke-" + i;
            SendResult result = producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8)));
            assertEquals(SendStatus.SEND_OK, result.getSendStatus());
            bodies.add(body);
        }
        return bodies;
    }

    /** A fresh group from the first offset; started after the sends so its first rebalance finds the route. */
    private static Set<String> receiveMessages(int expected) throws Exception {
        Map<String, Integer> bodies = new ConcurrentHashMap<>();
        consumer = new DefaultMQPushConsumer("smoke-consumer-group");
        consumer.setNamesrvAddr(namesrv.address());
        consumer.setInstanceName("smoke-consumer");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> bodies.merge(new String(m.getBody(), StandardCharsets.UTF_8), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        Await.until(expected + " messages consumed", SETTLE, bodies::size, n -> n >= expected);
        assertEquals(expected, bodies.values().stream().mapToInt(Integer::intValue).sum(),
                "each message exactly once: " + bodies);
        return new HashSet<>(bodies.keySet());
    }
}
