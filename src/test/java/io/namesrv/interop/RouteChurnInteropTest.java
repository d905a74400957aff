package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.NameServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;

/**
 * A real Apache 5.3.3 broker re-registers a topic it changes again and again (each update of the
 * topic makes it register the change with a new data version) while Apache's client looks that
 * topic and an untouched one up without pause. Every answer must be one the table held: the
 * broker's own group and address, one queue data of that broker with a queue count the topic had,
 * never fewer queues than an answer before it; the untouched topic's route never changes; and the
 * last change is what lookups end on.
 */
class RouteChurnInteropTest {

    private static final String CLUSTER = "ChurnCluster";
    private static final String BROKER = "churn-broker";
    private static final String CHANGING = "ChurnTopic";
    private static final String STABLE = "ChurnStable";
    private static final int CHANGES = 12;
    private static final Duration SETTLE = Duration.ofSeconds(40);

    private static TopicConfig topic(String name, int queues) {
        return new TopicConfig(name, queues, queues, 6, 0);
    }

    @Test
    void lookupsDuringReRegistrationsAlwaysMatchTheTable() throws Exception {
        try (NameServerProcess namesrv = NameServerProcess.ours();
             BrokerProcess broker = BrokerProcess.start(CLUSTER, BROKER, 0, namesrv.address(), Map.of())) {
            DefaultMQAdminExt admin = new DefaultMQAdminExt(5_000);
            admin.setNamesrvAddr(namesrv.address());
            admin.setInstanceName("churn-admin");
            admin.start();
            DefaultMQAdminExt client = new DefaultMQAdminExt(5_000);
            client.setNamesrvAddr(namesrv.address());
            client.setInstanceName("churn-lookups");
            client.start();
            try {
                admin.createAndUpdateTopicConfig(broker.address(), topic(STABLE, 4));
                admin.createAndUpdateTopicConfig(broker.address(), topic(CHANGING, 1));
                Await.until("both topics routed", SETTLE, () -> {
                    try {
                        return client.examineTopicRouteInfo(CHANGING) != null
                            && client.examineTopicRouteInfo(STABLE) != null;
                    } catch (Exception e) {
                        return false;
                    }
                });
                TopicRouteData stable = client.examineTopicRouteInfo(STABLE);

                AtomicBoolean done = new AtomicBoolean();
                AtomicInteger lookups = new AtomicInteger();
                ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
                Thread lookingUp = new Thread(() -> {
                    int newest = 1;
                    while (!done.get()) {
                        try {
                            TopicRouteData route = client.examineTopicRouteInfo(CHANGING);
                            List<BrokerData> brokers = route.getBrokerDatas();
                            List<QueueData> queues = route.getQueueDatas();
                            if (brokers.size() != 1 || !BROKER.equals(brokers.get(0).getBrokerName())
                                || !broker.address().equals(brokers.get(0).getBrokerAddrs().get(0L))
                                || queues.size() != 1 || !BROKER.equals(queues.get(0).getBrokerName())) {
                                wrong.add("not the table's route: " + route);
                            }
                            int q = queues.get(0).getWriteQueueNums();
                            if (q < newest || q > CHANGES || q != queues.get(0).getReadQueueNums()) {
                                wrong.add(q + " queues after " + newest);
                            }
                            newest = Math.max(newest, q);
                            if (!stable.equals(client.examineTopicRouteInfo(STABLE))) {
                                wrong.add("the untouched topic's route changed");
                            }
                            lookups.incrementAndGet();
                        } catch (Exception e) {
                            wrong.add(e.toString());
                        }
                    }
                }, "churn-lookups");
                lookingUp.start();
                try {
                    for (int q = 2; q <= CHANGES; q++) {
                        admin.createAndUpdateTopicConfig(broker.address(), topic(CHANGING, q));
                        int expected = q;
                        Await.until("the route to show " + q + " queues", SETTLE,
                            () -> client.examineTopicRouteInfo(CHANGING).getQueueDatas().get(0).getWriteQueueNums(),
                            n -> n == expected);
                    }
                } finally {
                    done.set(true);
                    lookingUp.join(SETTLE.toMillis());
                }
                assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
                assertTrue(lookups.get() >= CHANGES, "looked up throughout: " + lookups.get());
                assertEquals(CHANGES, client.examineTopicRouteInfo(CHANGING).getQueueDatas().get(0).getWriteQueueNums());
            } finally {
                client.shutdown();
                admin.shutdown();
            }
        }
    }
}
