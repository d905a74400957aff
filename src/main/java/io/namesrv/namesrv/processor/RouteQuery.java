package io.namesrv.namesrv.processor;

import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicRouteData;
import io.namesrv.protocol.header.GetRouteInfoRequestHeader;
import io.namesrv.remoting.protocol.RemotingCommand;
import java.util.function.UnaryOperator;

/**
 * One GET_ROUTEINFO_BY_TOPIC, decoded once: the topic, the JSON form the client reads, the zone it
 * filters by (null: none) and the order-topic config its answer carries (null: none). Built on the
 * network thread and handed with the request to the executor when the answer is not cached, so
 * neither path decodes the header or reads the KV store a second time.
 */
public record RouteQuery(String topic, Form form, String zone, String orderTopicConf) {

    /** Apache's MQVersion ordinal of 4.9.4, from which clients read standard JSON. */
    static final int V4_9_4 = 401;

    /** The two JSON forms a route is sent in. */
    public enum Form {
        /** Apache's plain {@code encode()}: unquoted numeric keys. */
        PLAIN,
        /** Standard JSON for clients from 4.9.4 on, or that ask for it. */
        STANDARD;

        byte[] encode(JsonBodies json, TopicRouteData route) {
            return this == PLAIN ? json.encode(route) : json.encodeStandard(route);
        }
    }

    /** The query of {@code request}; {@code orderTopicConf} gives a topic's order config (or null). */
    static RouteQuery decode(RemotingCommand request, UnaryOperator<String> orderTopicConf) {
        GetRouteInfoRequestHeader header = request.decodeHeader(GetRouteInfoRequestHeader::decode);
        boolean standard = request.getVersion() >= V4_9_4 || Boolean.TRUE.equals(header.acceptStandardJsonOnly());
        return new RouteQuery(header.topic(), standard ? Form.STANDARD : Form.PLAIN,
            ZoneRouteFilter.requestedZone(request.getExtFields()), orderTopicConf.apply(header.topic()));
    }

    /** Zone-filtered answers are built for each request; all others are written from the table's parts. */
    boolean fromParts() {
        return zone == null;
    }

    /**
     * {@code route} as this query's answer: zone-filtered answers in the plain form whatever the
     * client version (as Apache re-encodes them), others in the query's form.
     */
    byte[] encode(JsonBodies json, TopicRouteData route) {
        return zone != null ? json.encode(ZoneRouteFilter.filter(route, zone)) : form.encode(json, route);
    }
}
