package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.cli.support.ApacheMqAdmin;
import io.namesrv.cli.support.BinMqadmin;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.FreePorts;
import io.namesrv.interop.support.NameServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.namesrv.DefaultTopAddressing;
import org.apache.rocketmq.tools.command.cluster.ClusterListSubCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache 5.3.3's broker, producer, consumer and admin tool, and our bin/mqadmin, given no name
 * server address at all, only {@code rocketmq.namesrv.domain} pointing at our HTTP endpoint: they
 * find the cluster's name servers there, messages flow, and when a name server joins or dies they
 * follow without a restart. Three of our name servers name each other in {@code namesrvPeers};
 * the one not started yet, and later the one killed, is left out of the answer (the dead-peer
 * case). Apache ships no address service, so there is no Apache run of this scenario.
 *
 * <p>Refresh periods are Apache's: the broker fetches every {@code fetchNamesrvAddrInterval} (set
 * to 1 s here; first 10 s after its start); a client fetches when it starts, 10 s later and then
 * every 2 minutes, fixed in 5.3.3's MQClientInstance. So the clients that must see a change are
 * started just before it, and the waits allow one full two-minute period.
 */
class AddressServiceInteropTest {

    private static final String CLUSTER = "AddrCluster";
    private static final String BROKER = "addr-broker-a";
    private static final String TOPIC = "AddressServiceTopic";
    private static final String DOMAIN_PROPERTY = "rocketmq.namesrv.domain";
    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final Duration REGISTRATION = Duration.ofSeconds(60);
    /** One client refresh period (2 min) plus its 10 s start and slack for a loaded machine. */
    private static final Duration CLIENT_REFRESH = Duration.ofSeconds(160);
    private static final Duration CONSUME = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    /** {@code host:port} of the address service the clients are given. */
    private String domain;
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private long phaseStart = System.nanoTime();

    @AfterEach
    void stopAll() throws Exception {
        System.out.println("AddressServiceInteropTest phases (ms): " + phases);
        // Clients first, then the broker, then the name servers: nothing retries against a dead address.
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(resource);
        return resource;
    }

    /** One of our name servers on {@code port}, with every member of the cluster as its peers. */
    private NameServerProcess nameServer(int port, int httpPort, String peers) {
        return track(NameServerProcess.ours(Map.of(
            "listenPort", Integer.toString(port),
            "httpListenPort", Integer.toString(httpPort),
            "namesrvPeers", peers,
            "namesrvPeerCompareIntervalMillis", "500",
            "namesrvPeerBootstrapTimeoutMillis", "2000")));
    }

    @Test
    void apacheBrokerClientsAndAdminToolsFindTheNameServersAndFollowTheCluster() throws Exception {
        int portA = FreePorts.single();
        int portB = FreePorts.single();
        int portC = FreePorts.single();
        String a = "127.0.0.1:" + portA;
        String b = "127.0.0.1:" + portB;
        String c = "127.0.0.1:" + portC;
        String peers = a + ";" + b + ";" + c;
        int httpA = FreePorts.single();
        // In production a stable DNS name in front of every name server's endpoint; here A's.
        domain = "127.0.0.1:" + httpA;

        nameServer(portA, httpA, peers);
        NameServerProcess nsB = nameServer(portB, 0, peers);
        // C is listed but not running: the dead peer is not in the answer
        awaitAnswer(domain, a, b);

        BrokerProcess broker = track(BrokerProcess.startWithAddressService(CLUSTER, BROKER, domain, Map.of(
            "fetchNamesrvAddrInterval", "1000", "registerNameServerPeriod", "10000")));
        awaitRegistered(a);
        awaitRegistered(b);
        phase("cluster and broker");

        // Apache's admin tool and our bin/mqadmin, each given only the domain
        String apacheClusterList = ApacheMqAdmin.runWithAddressService(new ClusterListSubCommand(), domain);
        assertTrue(apacheClusterList.contains(BROKER) && apacheClusterList.contains(broker.address()),
            apacheClusterList);
        Map<String, String> viaDomain = Map.of("JAVA_OPT_EXT", "-D" + DOMAIN_PROPERTY + "=" + domain);
        BinMqadmin.Run ours = BinMqadmin.run(tmp, viaDomain, "clusterList");
        assertEquals(0, ours.exitCode(), ours.err());
        assertTrue(ours.out().contains(BROKER) && ours.out().contains(broker.address()), ours.out());
        phase("admin tools");

        // A name server joins: the answer, the broker and a running producer follow
        DefaultMQProducer early = producer("addr-producer-early");
        assertEquals(sorted(a, b), nameServersOf(early));
        nameServer(portC, 0, peers);
        awaitAnswer(domain, a, b, c);
        awaitRegistered(c);
        Await.until("the running producer to learn of " + c, CLIENT_REFRESH, () -> nameServersOf(early),
            list -> list.equals(sorted(a, b, c)));
        Set<String> earlyBodies = send(early, "early", 10);
        // started after the first sends, so its first rebalance finds the topic's route
        DefaultMQPushConsumer consumer = consumer();
        assertEquals(sorted(a, b, c), nameServersOf(consumer));
        awaitReceived(earlyBodies);
        phase("joined");

        // A name server dies: it leaves the answer, and a running producer drops it
        DefaultMQProducer late = producer("addr-producer-late");
        assertEquals(sorted(a, b, c), nameServersOf(late));
        nsB.kill();
        assertFalse(nsB.isAlive());
        awaitAnswer(domain, a, c);
        Await.until("the running producer to drop " + b, CLIENT_REFRESH, () -> nameServersOf(late),
            list -> list.equals(sorted(a, c)));
        awaitReceived(send(late, "late", 10));
        phase("died");

        // bin/mqadmin writes to every name server it is given: only those that answer, so it succeeds
        BinMqadmin.Run put = BinMqadmin.run(tmp, viaDomain, "updateKvConfig", "-s", "addrNs", "-k", "k", "-v", "v");
        assertEquals(0, put.exitCode(), put.err());
        for (String server : List.of(a, c)) {
            BinMqadmin.Run get = BinMqadmin.run(tmp, "getKvConfig", "-n", server, "-s", "addrNs", "-k", "k");
            assertEquals("v", get.out().trim(), server + ": " + get.err());
        }
        phase("mqadmin writes");
    }

    /** What Apache's client code fetches from the address service, as sorted as the answer is. */
    private static void awaitAnswer(String domain, String... expected) {
        String want = String.join(";", sorted(expected));
        Await.until("the address service to answer " + want, ANSWER,
            () -> new DefaultTopAddressing("http://" + domain + "/rocketmq/nsaddr").fetchNSAddr(), want::equals);
    }

    private static void awaitRegistered(String nameServer) {
        Await.until(BROKER + " registered with " + nameServer, REGISTRATION,
            () -> ApacheMqAdmin.run(new ClusterListSubCommand(), nameServer), out -> out.contains(BROKER));
    }

    private static List<String> sorted(String... addresses) {
        return new ArrayList<>(new TreeSet<>(List.of(addresses)));
    }

    /** The addresses an Apache client uses now, sorted. */
    private static List<String> nameServersOf(DefaultMQProducer producer) {
        return new ArrayList<>(new TreeSet<>(
            producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl().getNameServerAddressList()));
    }

    private static List<String> nameServersOf(DefaultMQPushConsumer consumer) {
        return new ArrayList<>(new TreeSet<>(
            consumer.getDefaultMQPushConsumerImpl().getmQClientFactory().getMQClientAPIImpl().getNameServerAddressList()));
    }

    /**
     * Apache's client started with {@code -Drocketmq.namesrv.domain} alone: the property is read
     * when its client instance is built, so it is set only around the start.
     */
    private interface Start {
        void run() throws MQClientException;
    }

    private static synchronized void startWithDomainOnly(String domain, Start start) throws MQClientException {
        assertEquals(null, System.getProperty("rocketmq.namesrv.addr"));
        String previous = System.getProperty(DOMAIN_PROPERTY);
        System.setProperty(DOMAIN_PROPERTY, domain);
        try {
            start.run();
        } finally {
            if (previous == null) {
                System.clearProperty(DOMAIN_PROPERTY);
            } else {
                System.setProperty(DOMAIN_PROPERTY, previous);
            }
        }
    }

    private DefaultMQProducer producer(String instance) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(instance + "-group");
        producer.setInstanceName(instance);
        startWithDomainOnly(domain, producer::start);
        track(producer::shutdown);
        return producer;
    }

    private DefaultMQPushConsumer consumer() throws MQClientException {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("addr-consumer-group");
        consumer.setInstanceName("addr-consumer");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.merge(new String(m.getBody(), StandardCharsets.UTF_8), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        startWithDomainOnly(domain, consumer::start);
        track(consumer::shutdown);
        return consumer;
    }

    private static Set<String> send(DefaultMQProducer producer, String prefix, int count) throws Exception {
        Set<String> sent = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            String body = prefix + "-" + i;
            assertEquals(SendStatus.SEND_OK,
                producer.send(new Message(TOPIC, body.getBytes(StandardCharsets.UTF_8))).getSendStatus());
            sent.add(body);
        }
        return sent;
    }

    private void awaitReceived(Set<String> sent) {
        Await.until(sent.size() + " messages consumed: " + sent, CONSUME,
            () -> sent.stream().allMatch(received::containsKey), done -> done);
    }

    /** How long each part took, printed at the end: the client refresh waits dominate. */
    private void phase(String name) {
        long now = System.nanoTime();
        phases.put(name, (now - phaseStart) / 1_000_000);
        phaseStart = now;
    }
}
