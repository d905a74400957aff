package io.namesrv.namesrv.processor;

import io.namesrv.namesrv.NamesrvConfig;
import io.namesrv.namesrv.kvconfig.KVConfigManager;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.netty.NettyRequestProcessor;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * GET_ROUTEINFO_BY_TOPIC (105), the call every producer and consumer makes: it runs on its own
 * executor so broker registrations cannot starve it.
 */
public class ClientRequestProcessor implements NettyRequestProcessor {

    static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";
    /** Apache's MQVersion ordinal of 4.9.4, from which clients read standard JSON. */
    static final int V4_9_4 = 401;
    static final String NOT_EXIST_REMARK = "No topic route info in name server for the topic: %s\n"
        + "See https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.";

    /** Enough for every topic of a large cluster; past it the cache starts over (see RouteCache). */
    static final int ROUTE_CACHE_MAX_TOPICS = 200_000;

    private final RouteInfoManager routeInfoManager;
    private final KVConfigManager kvConfigManager;
    private final NamesrvConfig config;
    private final JsonBodies json;
    private final LongSupplier uptimeMillis;
    private final AtomicBoolean waitingForService = new AtomicBoolean(true);
    private final RouteCache routeCache;

    public ClientRequestProcessor(RouteInfoManager routeInfoManager, KVConfigManager kvConfigManager, NamesrvConfig config,
                                  JsonBodies json, LongSupplier uptimeMillis) {
        this.routeInfoManager = routeInfoManager;
        this.kvConfigManager = kvConfigManager;
        this.config = config;
        this.json = json;
        this.uptimeMillis = uptimeMillis;
        this.routeCache = new RouteCache(routeInfoManager, json, config::isSupportActingMaster, ROUTE_CACHE_MAX_TOPICS);
    }

    /** A route already cached is answered on the network thread: a map read, no lock, no queue. */
    @Override
    public RemotingCommand tryProcessInline(Channel channel, RemotingCommand request) {
        if (!ready() || ZoneRouteFilter.requestedZone(request.getExtFields()) != null) {
            return null;
        }
        GetRouteInfoRequestHeader header = request.decodeHeader(GetRouteInfoRequestHeader::decode);
        byte[] cached = routeCache.cachedRoute(header.topic(), form(request, header), orderTopicConf(header.topic()));
        return cached == null ? null : RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(cached);
    }

    private static RouteCache.Form form(RemotingCommand request, GetRouteInfoRequestHeader header) {
        boolean standard = request.getVersion() >= V4_9_4 || Boolean.TRUE.equals(header.acceptStandardJsonOnly());
        return standard ? RouteCache.Form.STANDARD : RouteCache.Form.PLAIN;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) {
        GetRouteInfoRequestHeader header = request.decodeHeader(GetRouteInfoRequestHeader::decode);
        if (!ready()) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "name server not ready");
        }
        String zone = ZoneRouteFilter.requestedZone(request.getExtFields());
        RouteCache.Form form = form(request, header);
        if (zone == null) {
            byte[] cached = routeCache.encodedRoute(header.topic(), form, orderTopicConf(header.topic()));
            if (cached != null) {
                return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(cached);
            }
        }
        // Zone-filtered answers, and topics this server has no route for (a subclass may look elsewhere).
        TopicRouteData route = lookup(header.topic());
        if (route == null) {
            return RemotingCommand.response(ResponseCode.TOPIC_NOT_EXIST, String.format(NOT_EXIST_REMARK, header.topic()));
        }
        byte[] body;
        if (zone != null) {
            // Apache re-encodes zone-filtered routes in the plain form whatever the client version.
            body = json.encode(ZoneRouteFilter.filter(route, zone));
        } else if (form == RouteCache.Form.STANDARD) {
            body = json.encodeStandard(route);
        } else {
            body = json.encode(route);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(body);
    }

    /** The order-topic config a route of {@code topic} carries, or null. */
    private String orderTopicConf(String topic) {
        if (!config.isOrderMessageEnable() || topic == null) {
            return null;
        }
        return kvConfigManager.getKVConfig(ORDER_TOPIC_CONFIG, topic).orElse(null);
    }

    /** The route as this server knows it, with the order-topic config when that is enabled. */
    protected TopicRouteData lookup(String topic) {
        TopicRouteData route = routeInfoManager.pickupTopicRouteData(topic);
        if (route != null && config.isOrderMessageEnable()) {
            String orderConf = orderTopicConf(topic);
            route = new TopicRouteData(route.brokerDatas(), route.filterServerTable(), orderConf, route.queueDatas(),
                route.topicQueueMappingByBroker());
        }
        return route;
    }

    /** With needWaitForService, routes are withheld until the brokers had time to register. */
    private boolean ready() {
        if (!config.isNeedWaitForService() || !waitingForService.get()) {
            return true;
        }
        if (uptimeMillis.getAsLong() < config.getWaitSecondsForService() * 1000L) {
            return false;
        }
        waitingForService.set(false);
        return true;
    }
}
