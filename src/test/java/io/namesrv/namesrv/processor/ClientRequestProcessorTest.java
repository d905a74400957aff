package io.namesrv.namesrv.processor;

import static io.namesrv.namesrv.processor.ProcessorFixture.CLUSTER;
import static io.namesrv.namesrv.processor.ProcessorFixture.request;
import static io.namesrv.namesrv.processor.ProcessorFixture.wrapper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientRequestProcessorTest {

    private static final String A0 = "10.0.0.1:10911";
    private static final String B0 = "10.0.0.4:10911";
    private static final String C1 = "10.0.0.7:10911";

    @TempDir
    Path dir;

    private ProcessorFixture f;
    private final AtomicBoolean servesRoutes = new AtomicBoolean(true);
    private ClientRequestProcessor processor;

    @BeforeEach
    void setUp() throws Exception {
        f = new ProcessorFixture(dir);
        processor = new ClientRequestProcessor(f.routes, f.kv, f.config, f.json, servesRoutes::get);
        f.routes.registerBroker(BrokerRegistration.builder(CLUSTER, A0, "broker-a", 0).zoneName("zone-1")
            .enableActingMaster(false).topics(wrapper(1, "T", "Other")).channel(f.channel).build());
    }

    @AfterEach
    void tearDown() {
        f.channel.finishAndReleaseAll();
    }

    private RemotingCommand lookup(String topic, int version, Boolean standardOnly) {
        RemotingCommand response = processor.processRequest(f.channel,
            request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, standardOnly)).setVersion(version));
        assertTrue(response.isResponse());
        return response;
    }

    private static String text(RemotingCommand response) {
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void currentClientsGetStandardJson() {
        RemotingCommand response = lookup("T", 479, null);
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        assertNull(response.getRemark());
        assertNull(response.getExtFields(), "no response header: no extFields");
        assertTrue(text(response).contains("\"brokerAddrs\":{\"0\":\"" + A0 + "\"}"), text(response));

        TopicRouteData route = f.json.decode(response.getBody(), TopicRouteData.class);
        assertEquals(List.of(new QueueData("broker-a", 6, 4, 0, 4)), route.queueDatas());
        assertEquals(Map.of(0L, A0), route.brokerDatas().get(0).brokerAddrs());
        assertEquals(Map.of(), route.filterServerTable());
        assertNull(route.orderTopicConf());
    }

    @Test
    void clientsBelow401GetUnquotedKeysUnlessTheyAskForStandardJson() {
        assertTrue(text(lookup("T", 400, null)).contains("\"brokerAddrs\":{0:\"" + A0 + "\"}"));
        assertTrue(text(lookup("T", 0, false)).contains("{0:\""));
        assertTrue(text(lookup("T", 400, true)).contains("{\"0\":\""));
        assertTrue(text(lookup("T", 401, null)).contains("{\"0\":\""), "401 = V4_9_4 is the first standard version");
    }

    @Test
    void unknownTopicAnswersTopicNotExistWithApachesText() {
        RemotingCommand response = lookup("Nope", 479, null);
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, response.getCode());
        assertEquals("No topic route info in name server for the topic: Nope\n"
            + "See https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.", response.getRemark());
        assertNull(response.getBody());
        assertNull(response.getExtFields());

        RemotingCommand noTopic = processor.processRequest(f.channel, request(RequestCode.GET_ROUTEINFO_BY_TOPIC, null));
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, noTopic.getCode());
        assertTrue(noTopic.getRemark().startsWith("No topic route info in name server for the topic: null\n"));
    }

    @Test
    void orderTopicConfIsAddedOnlyWhenOrderMessagesAreEnabled() throws Exception {
        f.kv.putKVConfig("ORDER_TOPIC_CONFIG", "T", "broker-a:4");
        assertFalse(text(lookup("T", 479, null)).contains("orderTopicConf"));

        f.config.setOrderMessageEnable(true);
        assertEquals("broker-a:4", f.json.decode(lookup("T", 479, null).getBody(), TopicRouteData.class).orderTopicConf());
        assertFalse(text(lookup("Other", 479, null)).contains("orderTopicConf"), "no entry for that topic");
    }

    @Test
    void routesAreWithheldWhileTheServiceWaitIsNotOver() {
        servesRoutes.set(false);
        RemotingCommand early = lookup("T", 479, null);
        assertEquals(ResponseCode.SYSTEM_ERROR, early.getCode());
        assertEquals("name server not ready", early.getRemark());
        assertNull(processor.tryProcessInline(null, request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader("T", null))), "not ready: the queued path answers");

        servesRoutes.set(true);
        assertEquals(ResponseCode.SUCCESS, lookup("T", 479, null).getCode());
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, lookup("Nope", 479, null).getCode());
    }

    @Test
    void zoneModeKeepsTheClientsZoneAndMasterlessGroupsInPlainJson() {
        f.routes.registerBroker(BrokerRegistration.builder(CLUSTER, B0, "broker-b", 0).zoneName("zone-2")
            .enableActingMaster(false).topics(wrapper(1, "T", "Other")).filterServers(List.of("fs-b"))
            .channel(f.channel).build());
        f.routes.registerBroker(BrokerRegistration.builder(CLUSTER, C1, "broker-c", 1).zoneName("zone-2")
            .enableActingMaster(false).topics(wrapper(1, "T", "Other")).channel(f.channel).build());

        RemotingCommand request = request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("T", true));
        request.addExtField("__ZONE_MODE", "true");
        request.addExtField("__ZONE_NAME", "ZONE-1");
        RemotingCommand response = processor.processRequest(f.channel, request);

        assertEquals(ResponseCode.SUCCESS, response.getCode());
        assertTrue(text(response).contains("{0:\"" + A0 + "\"}"), "re-encoded plain whatever the client asked: "
            + text(response));
        TopicRouteData route = f.json.decode(response.getBody(), TopicRouteData.class);
        assertEquals(Set.of("broker-a", "broker-c"), Set.copyOf(route.brokerDatas().stream().map(BrokerData::brokerName).toList()));
        assertEquals(Set.of("broker-a", "broker-c"), Set.copyOf(route.queueDatas().stream().map(QueueData::brokerName).toList()));
        assertFalse(route.filterServerTable().containsKey(B0), "the removed group's filter servers go too");
    }

    @Test
    void zoneModeNeedsBothTheSwitchAndAName() {
        f.routes.registerBroker(BrokerRegistration.builder(CLUSTER, B0, "broker-b", 0).zoneName("zone-2")
            .enableActingMaster(false).topics(wrapper(1, "T", "Other")).channel(f.channel).build());
        for (Map<String, String> ext : List.of(Map.of("__ZONE_MODE", "true"), Map.of("__ZONE_MODE", "true", "__ZONE_NAME", " "),
            Map.of("__ZONE_MODE", "false", "__ZONE_NAME", "zone-1"), Map.of("__ZONE_NAME", "zone-1"))) {
            RemotingCommand request = request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("T", null));
            ext.forEach(request::addExtField);
            RemotingCommand response = processor.processRequest(f.channel, request);
            assertEquals(2, f.json.decode(response.getBody(), TopicRouteData.class).brokerDatas().size(), ext.toString());
            assertTrue(text(response).contains("{\"0\":\""), "unfiltered answers keep the version's encoding");
        }
    }
}
