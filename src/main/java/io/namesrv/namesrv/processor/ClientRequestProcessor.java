package io.namesrv.namesrv.processor;

import io.namesrv.namesrv.kvconfig.KVConfigManager;
import io.namesrv.namesrv.routeinfo.RouteInfoManager;
import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.remoting.netty.NettyRequestProcessor;
import io.namesrv.remoting.protocol.BodyParts;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * GET_ROUTEINFO_BY_TOPIC (105), the call every producer and consumer makes. The request is decoded
 * once into a {@link RouteQuery} on the network thread, and answered right there from the route
 * table's pre-encoded parts ({@link RouteInfoManager#routeBodyWithoutWaiting}), which takes no lock
 * and encodes nothing. Anything else (an unknown topic, a change running at that instant, a zone
 * query, a table with filter servers) goes, with its query, to this processor's own executor (so
 * broker registrations cannot starve lookups).
 */
public class ClientRequestProcessor implements NettyRequestProcessor {

    static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";
    static final String NOT_EXIST_REMARK = "No topic route info in name server for the topic: %s\n"
        + "See https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.";

    private final RouteInfoManager routeInfoManager;
    private final KVConfigManager kvConfigManager;
    private final ClientRequestSettings settings;
    private final JsonBodies json;
    private final BooleanSupplier servesRoutes;
    /** Built once: a method reference made per request would be one more allocation per lookup. */
    private final UnaryOperator<String> orderTopicConfOf = this::orderTopicConf;

    /**
     * {@code servesRoutes} false withholds routes ("name server not ready"), as while brokers
     * re-register after a start with needWaitForService.
     */
    public ClientRequestProcessor(RouteInfoManager routeInfoManager, KVConfigManager kvConfigManager,
                                  ClientRequestSettings settings, JsonBodies json, BooleanSupplier servesRoutes) {
        this.routeInfoManager = routeInfoManager;
        this.kvConfigManager = kvConfigManager;
        this.settings = settings;
        this.json = json;
        this.servesRoutes = servesRoutes;
    }

    /**
     * On the network thread: a route the table can write at once is answered here (no lock, no
     * queue); otherwise the query rides along with the request to the executor.
     */
    @Override
    public RemotingCommand tryProcessInline(Channel channel, RemotingCommand request) {
        if (!servesRoutes.getAsBoolean()) {
            return null;
        }
        RouteQuery query = query(request);
        BodyParts body = query.fromParts() ? routeInfoManager.routeBodyWithoutWaiting(query.topic(),
            query.form() == RouteQuery.Form.STANDARD, query.orderTopicConf()) : null;
        if (body != null) {
            return success(body);
        }
        request.setDecoded(query);
        return null;
    }

    @Override
    public RemotingCommand processRequest(Channel channel, RemotingCommand request) {
        if (!servesRoutes.getAsBoolean()) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "name server not ready");
        }
        RouteQuery query = request.decoded(RouteQuery.class);
        if (query == null) {
            query = query(request);
        }
        if (query.fromParts()) {
            BodyParts body = routeInfoManager.routeBody(query.topic(), query.form() == RouteQuery.Form.STANDARD,
                query.orderTopicConf());
            return body == null ? notHere(query) : success(body);
        }
        TopicRouteData route = routeInfoManager.pickupTopicRouteData(query.topic());
        return route == null ? notHere(query)
            : success(query.encode(json, route.withOrderTopicConf(query.orderTopicConf())));
    }

    private RouteQuery query(RemotingCommand request) {
        return RouteQuery.decode(request, orderTopicConfOf);
    }

    /** The order-topic config a route of {@code topic} carries, or null. */
    private String orderTopicConf(String topic) {
        if (!settings.isOrderMessageEnable() || topic == null) {
            return null;
        }
        return kvConfigManager.getKVConfig(ORDER_TOPIC_CONFIG, topic).orElse(null);
    }

    /** A topic this server has no route for: TOPIC_NOT_EXIST, unless {@link #routeElsewhere} knows it. */
    private RemotingCommand notHere(RouteQuery query) {
        TopicRouteData elsewhere = routeElsewhere(query.topic());
        if (elsewhere == null) {
            return RemotingCommand.response(ResponseCode.TOPIC_NOT_EXIST, String.format(NOT_EXIST_REMARK, query.topic()));
        }
        return success(query.encode(json, elsewhere));
    }

    /**
     * Where to find the route of a topic this server has none for, on the executor; null (the
     * default) means nowhere.
     */
    protected TopicRouteData routeElsewhere(String topic) {
        return null;
    }

    private static RemotingCommand success(byte[] body) {
        return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(body);
    }

    private static RemotingCommand success(BodyParts body) {
        return RemotingCommand.response(ResponseCode.SUCCESS, null).setBodyParts(body);
    }
}
