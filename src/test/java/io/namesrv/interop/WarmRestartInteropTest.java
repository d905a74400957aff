package io.namesrv.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.interop.support.ApacheWireClient;
import io.namesrv.interop.support.Await;
import io.namesrv.interop.support.BrokerProcess;
import io.namesrv.interop.support.NameServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
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
 * Warm restart with a real Apache 5.3.3 broker and Apache's admin client: our name server is
 * restarted on the same port and files, by SIGTERM and by kill -9, and from its boot line on every
 * answer Apache's client gets is the right route; not one TOPIC_NOT_EXIST. (Apache's name server
 * answers TOPIC_NOT_EXIST until the broker's next registration, up to 30 s: see
 * {@link WarmRestartTiming}, which measures both, and docs/reliability.md.) The broker, which does
 * not notice the restart, is restored and then confirmed by its next periodic registration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarmRestartInteropTest {

    static final String CLUSTER = "WarmCluster";
    static final String TOPIC = "WarmRestartTopic";
    private static final Duration REGISTRATION = Duration.ofSeconds(40);
    private static final Duration FIRST_ROUTE = Duration.ofSeconds(60);

    private NameServerProcess namesrv;
    private BrokerProcess broker;
    private DefaultMQAdminExt admin;

    @BeforeAll
    void startPeers() throws Exception {
        namesrv = NameServerProcess.ours(Map.of("routeSnapshotIntervalMillis", "500"));
        broker = BrokerProcess.start(CLUSTER, "warm-broker", namesrv.address());
        admin = new DefaultMQAdminExt(3_000);
        admin.setNamesrvAddr(namesrv.address());
        admin.setInstanceName(getClass().getSimpleName() + "-admin");
        admin.start();
        createTopic(admin, broker, namesrv);
    }

    /** Creates {@link #TOPIC} on the broker and waits until the name server routes it and has it in its snapshot. */
    static void createTopic(DefaultMQAdminExt admin, BrokerProcess broker, NameServerProcess namesrv) throws Exception {
        Await.until("the broker registered", REGISTRATION, admin::examineBrokerClusterInfo,
            i -> i.getBrokerAddrTable().containsKey(broker.brokerName()));
        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(TOPIC, 4, 4));
        Await.until("the route of " + TOPIC, REGISTRATION, () -> admin.examineTopicRouteInfo(TOPIC), correct(broker));
    }

    static Predicate<TopicRouteData> correct(BrokerProcess broker) {
        return r -> r != null && !r.getQueueDatas().isEmpty() && r.getQueueDatas().get(0).getWriteQueueNums() == 4
            && broker.address().equals(r.getBrokerDatas().get(0).getBrokerAddrs().get(0L));
    }

    @AfterAll
    void stopPeers() {
        try {
            if (admin != null) {
                admin.shutdown();
            }
        } finally {
            try {
                if (broker != null) {
                    broker.kill();
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
    void afterSigtermTheFirstAnswerIsAlreadyTheRightRoute() throws Exception {
        restartAndCheckTheFirstAnswers("SIGTERM", () -> namesrv.stop());
    }

    @Test
    @Order(2)
    void afterKillNineTheFirstAnswerIsAlreadyTheRightRoute() throws Exception {
        Path snapshot = namesrv.home().resolve("namesrv").resolve("routeSnapshot.json");
        Await.until("a periodic snapshot holding " + TOPIC, REGISTRATION,
            () -> Files.exists(snapshot) && Files.readString(snapshot, StandardCharsets.UTF_8).contains(TOPIC), ok -> ok);
        restartAndCheckTheFirstAnswers("kill -9", () -> namesrv.kill());
    }

    private void restartAndCheckTheFirstAnswers(String how, Runnable stop) throws InterruptedException {
        stop.run();
        namesrv = namesrv.restart();
        FirstRouteAfterBoot first = FirstRouteAfterBoot.await(admin, TOPIC, correct(broker), namesrv.bootNanos(),
            FIRST_ROUTE);
        System.out.println(how + " restart of ours: first correct route " + first);
        assertEquals(0, first.wrongAnswers(), "no client sees a cold name server: " + first);
    }

    @Test
    @Order(3)
    void theRestoredBrokerIsConfirmedByItsOwnNextRegistration() throws Exception {
        try (ApacheWireClient wire = new ApacheWireClient(namesrv.address())) {
            assertTrue(directView(wire).getBrokerAddrTable().isEmpty() || registeredAgain(wire),
                "right after the restart the broker is only restored (unless it has registered already)");
            Await.until("the broker's periodic registration", REGISTRATION, () -> registeredAgain(wire), ok -> ok);
        }
        assertTrue(correct(broker).test(admin.examineTopicRouteInfo(TOPIC)));
    }

    private boolean registeredAgain(ApacheWireClient wire) {
        return directView(wire).getBrokerAddrTable().containsKey(broker.brokerName());
    }

    /**
     * GET_BROKER_CLUSTER_INFO with our directOnly field: brokers that registered with this
     * incarnation (Apache's name server ignores the field: everything it has registered with it).
     */
    static ClusterInfo directView(ApacheWireClient wire) {
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_BROKER_CLUSTER_INFO, null);
        request.addExtField("directOnly", "true");
        RemotingCommand response = wire.invoke(request);
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        return ClusterInfo.decode(response.getBody(), ClusterInfo.class);
    }
}
