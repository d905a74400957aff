package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.JsonBodies;
import io.namesrv.remoting.protocol.BodyParts;
import java.nio.charset.StandardCharsets;

/**
 * Writes a GET_ROUTEINFO_BY_TOPIC body from parts encoded beforehand: the JSON of each broker group
 * ({@link GroupView}), of each queue data ({@link QueueSlot}) and of a static topic's mappings
 * ({@link TopicMappings}), joined in the layout fastjson gives {@code TopicRouteData} (fields by
 * name, nulls left out): {@code {"brokerDatas":[..],"filterServerTable":{},"orderTopicConf":"..",
 * "queueDatas":[..],"topicQueueMappingByBroker":{..}}}. Writing a route is then a list of
 * references to those parts, whatever the size of the table, copied once, into the outgoing buffer; {@code RouteWriterTest} checks it byte for byte against
 * fastjson's encoding of the same route.
 *
 * <p>Only the empty filter-server table is written here: routes of a table where some broker
 * reported filter servers (a feature 5.x brokers no longer use) are encoded whole by the caller.
 */
final class RouteWriter {

    private static final byte[] OPEN = ascii("{\"brokerDatas\":[");
    private static final byte[] NO_FILTER_SERVERS = ascii("],\"filterServerTable\":{},");
    private static final byte[] ORDER_TOPIC_CONF = ascii("\"orderTopicConf\":");
    private static final byte[] QUEUE_DATAS = ascii("\"queueDatas\":[");
    private static final byte[] MAPPINGS = ascii("],\"topicQueueMappingByBroker\":");
    private static final byte[] CLOSE_LIST = ascii("]}");
    private static final byte[] CLOSE = ascii("}");
    private static final byte[] COMMA = ascii(",");

    private RouteWriter() {
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The body of {@code route}: {@code groups[i]} is the JSON of the group of slot i, or null when
     * that group is not in the table (its queue data is still listed, as Apache does); null when no
     * group of the route is known (no route). {@code orderTopicConf} is the conf's JSON string or
     * null. The body is the kept parts themselves, in order: nothing is copied until the encoder
     * writes them to the wire.
     */
    static BodyParts write(JsonBodies json, boolean standardJson, TopicRoute route, byte[][] groups,
                           byte[] orderTopicConf, TopicMappings mappings) {
        int n = route.size();
        int groupCount = 0;
        for (byte[] group : groups) {
            if (group != null) {
                groupCount++;
            }
        }
        if (groupCount == 0) {
            return null;
        }
        byte[] mappingJson = mappings == null ? null : mappings.json(json, standardJson);
        int count = 1 + (2 * groupCount - 1) + 1 + (orderTopicConf == null ? 0 : 3) + 1 + (2 * n - 1)
            + (mappingJson == null ? 1 : 3);
        byte[][] parts = new byte[count][];
        int at = 0;
        parts[at++] = OPEN;
        for (byte[] group : groups) {
            if (group != null) {
                if (at > 1) {
                    parts[at++] = COMMA;
                }
                parts[at++] = group;
            }
        }
        parts[at++] = NO_FILTER_SERVERS;
        if (orderTopicConf != null) {
            parts[at++] = ORDER_TOPIC_CONF;
            parts[at++] = orderTopicConf;
            parts[at++] = COMMA;
        }
        parts[at++] = QUEUE_DATAS;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                parts[at++] = COMMA;
            }
            parts[at++] = route.slot(i).json(json, standardJson);
        }
        if (mappingJson == null) {
            parts[at] = CLOSE_LIST;
        } else {
            parts[at++] = MAPPINGS;
            parts[at++] = mappingJson;
            parts[at] = CLOSE;
        }
        return new BodyParts(parts);
    }
}
