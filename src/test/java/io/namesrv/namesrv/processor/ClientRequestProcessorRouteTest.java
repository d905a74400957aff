package io.namesrv.namesrv.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.NamesrvConfig;
import io.namesrv.namesrv.kvconfig.KVConfigManager;
import io.namesrv.namesrv.routeinfo.BrokerRegistration;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.namesrv.routeinfo.RouteInfoSettings;
import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.protocol.BodyParts;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 105 processor: per-version form, order-topic config from the KV store (changes to it show at
 * once), zone-mode answers filtered per request, known routes answered on the network thread, the
 * rest on the executor.
 */
class ClientRequestProcessorRouteTest {

    private static final String TOPIC = "T1";

    @TempDir
    Path dir;

    private final JsonBodies json = new JsonBodies();
    private final NamesrvConfig config = new NamesrvConfig();
    private final AtomicInteger searches = new AtomicInteger();
    /** Counts how often the route table is asked for a topic's route on a thread that may wait. */
    private final RouteInfoManager routes = new RouteInfoManager(new RouteInfoSettings.Fixed(false, false)) {
        @Override
        public BodyParts routeBody(String topic, boolean standardJson, String orderTopicConf) {
            searches.incrementAndGet();
            return super.routeBody(topic, standardJson, orderTopicConf);
        }
    };
    private KVConfigManager kv;
    private ClientRequestProcessor processor;

    @BeforeEach
    void setUp() {
        kv = new KVConfigManager(dir.resolve("kvConfig.json"));
        processor = new ClientRequestProcessor(routes, kv, config, json, () -> true);
        register("north-b", "10.0.0.1:10911", "north");
        register("south-b", "10.0.0.2:10911", "south");
    }

    private void register(String brokerName, String addr, String zone) {
        TopicConfig tc = new TopicConfig(TOPIC, 4, 4, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of());
        TopicConfig filler = new TopicConfig("Filler", 1, 1, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of());
        // Two topics: a first registration with exactly one is refused, as Apache does.
        routes.registerBroker(BrokerRegistration.builder("c1", addr, brokerName, 0).haServerAddr(addr).zoneName(zone)
            .heartbeatTimeoutMillis(30_000L).enableActingMaster(Boolean.FALSE)
            .topics(TopicConfigSerializeWrapper.of(new DataVersion(0, 1, 1), Map.of(TOPIC, tc, "Filler", filler)))
            .build());
    }

    private RemotingCommand lookup(int version, Map<String, String> extra) throws Exception {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader(TOPIC, null));
        request.setVersion(version);
        extra.forEach(request::addExtField);
        RemotingCommand response = processor.processRequest(null, request);
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        return response;
    }

    private String body(RemotingCommand response) {
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void theFormFollowsTheRequestVersion() throws Exception {
        TopicRouteData route = routes.pickupTopicRouteData(TOPIC);
        assertArrayEquals(json.encodeStandard(route), lookup(RouteQuery.V4_9_4, Map.of()).getBody());
        assertArrayEquals(json.encode(route), lookup(0, Map.of()).getBody());
        assertArrayEquals(json.encodeStandard(route), lookup(0, Map.of("acceptStandardJsonOnly", "true")).getBody());
        assertArrayEquals(json.encode(route), lookup(0, Map.of()).getBody());
    }

    @Test
    void orderTopicConfComesFromTheKvStoreAndItsChangesShowAtOnce() throws Exception {
        config.setOrderMessageEnable(true);
        assertFalse(body(lookup(479, Map.of())).contains("orderTopicConf"));
        kv.putKVConfig(ClientRequestProcessor.ORDER_TOPIC_CONFIG, TOPIC, "north-b:4");
        assertTrue(body(lookup(479, Map.of())).contains("\"orderTopicConf\":\"north-b:4\""));
        kv.putKVConfig(ClientRequestProcessor.ORDER_TOPIC_CONFIG, TOPIC, "north-b:4;south-b:4");
        assertTrue(body(lookup(479, Map.of())).contains("\"orderTopicConf\":\"north-b:4;south-b:4\""));
        config.setOrderMessageEnable(false);
        assertFalse(body(lookup(479, Map.of())).contains("orderTopicConf"));
    }

    @Test
    void zoneModeFiltersPerRequestAndLeavesTheOtherAnswersAlone() throws Exception {
        byte[] full = lookup(479, Map.of()).getBody();
        String zoned = body(lookup(479, Map.of(ZoneRouteFilter.ZONE_MODE, "true", ZoneRouteFilter.ZONE_NAME, "north")));
        assertTrue(zoned.contains("north-b") && !zoned.contains("south-b"), zoned);
        assertTrue(zoned.contains("{0:\"10.0.0.1:10911\"}"), "zone answers are plain JSON: " + zoned);
        String other = body(lookup(479, Map.of(ZoneRouteFilter.ZONE_MODE, "true", ZoneRouteFilter.ZONE_NAME, "south")));
        assertTrue(other.contains("south-b") && !other.contains("north-b"), other);
        assertArrayEquals(full, lookup(479, Map.of()).getBody());
        assertArrayEquals(full, lookup(479, Map.of(ZoneRouteFilter.ZONE_MODE, "false", ZoneRouteFilter.ZONE_NAME, "north"))
            .getBody());
    }

    @Test
    void aKnownRouteIsAnsweredInlineAtOnceButNeverAZoneRequest() throws Exception {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader(TOPIC, null)).setVersion(479);
        RemotingCommand inline = processor.tryProcessInline(null, request);
        assertEquals(ResponseCode.SUCCESS, inline.getCode(), "no first lookup needed to warm anything");
        assertArrayEquals(lookup(479, Map.of()).getBody(), inline.getBody());
        assertArrayEquals(json.encodeStandard(routes.pickupTopicRouteData(TOPIC)), inline.getBody());
        request.addExtField(ZoneRouteFilter.ZONE_MODE, "true");
        request.addExtField(ZoneRouteFilter.ZONE_NAME, "north");
        assertEquals(null, processor.tryProcessInline(null, request));
    }

    @Test
    void anUnknownTopicGoesToTheExecutorAndIsSearchedOnceThere() throws Exception {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader("Unknown", null)).setVersion(479);
        assertEquals(null, processor.tryProcessInline(null, request));
        searches.set(0);
        RemotingCommand response = processor.processRequest(null, request);
        assertEquals(ResponseCode.TOPIC_NOT_EXIST, response.getCode());
        assertEquals(1, searches.get());
    }

    @Test
    void anAnswerGivenInlineLeavesTheRequestUndecorated() throws Exception {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader(TOPIC, null)).setVersion(479);
        assertEquals(ResponseCode.SUCCESS, processor.tryProcessInline(null, request).getCode());
        assertNull(request.decoded(RouteQuery.class), "the query rides along only when the request is queued");
    }

    @Test
    void theQueuedPathAnswersTheQueryDecodedOnTheNetworkThread() throws Exception {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader("Later", null)).setVersion(479);
        assertEquals(null, processor.tryProcessInline(null, request), "no route yet: queue it");
        TopicConfig later = new TopicConfig("Later", 4, 4, 6, TopicFilterType.SINGLE_TAG, 0, false, Map.of());
        routes.registerBroker(BrokerRegistration.builder("c1", "10.0.0.1:10911", "north-b", 0)
            .haServerAddr("10.0.0.1:10911").zoneName("north").heartbeatTimeoutMillis(30_000L)
            .enableActingMaster(Boolean.FALSE)
            .topics(TopicConfigSerializeWrapper.of(new DataVersion(0, 2, 2), Map.of("Later", later))).build());
        // Were the header decoded again, this would now ask for another topic.
        request.addExtField("topic", "Unknown");
        searches.set(0);
        RemotingCommand response = processor.processRequest(null, request);
        assertEquals(ResponseCode.SUCCESS, response.getCode());
        assertArrayEquals(json.encodeStandard(routes.pickupTopicRouteData("Later")), response.getBody());
        assertEquals(1, searches.get());
    }
}
