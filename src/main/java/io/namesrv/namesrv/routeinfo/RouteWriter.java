package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.JsonBodies;
import java.nio.charset.StandardCharsets;

/**
 * Writes a GET_ROUTEINFO_BY_TOPIC body from parts encoded beforehand: the JSON of each broker group
 * ({@link GroupView}), of each queue data ({@link QueueSlot}) and of a static topic's mappings
 * ({@link TopicMappings}), joined in the layout fastjson gives {@code TopicRouteData} (fields by
 * name, nulls left out): {@code {"brokerDatas":[..],"filterServerTable":{},"orderTopicConf":"..",
 * "queueDatas":[..],"topicQueueMappingByBroker":{..}}}. Writing a route is then a few array
 * copies, whatever the size of the table; {@code RouteWriterTest} checks it byte for byte against
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

    private RouteWriter() {
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The body of {@code route}: {@code groups[i]} is the JSON of the group of slot i, or null when
     * that group is not in the table (its queue data is still listed, as Apache does); null when no
     * group of the route is known (no route). {@code orderTopicConf} is the conf's JSON string or
     * null.
     */
    static byte[] write(JsonBodies json, boolean standardJson, TopicRoute route, byte[][] groups,
                        byte[] orderTopicConf, TopicMappings mappings) {
        int n = route.size();
        byte[][] queues = new byte[n][];
        int length = OPEN.length + NO_FILTER_SERVERS.length + QUEUE_DATAS.length;
        int groupCount = 0;
        for (int i = 0; i < n; i++) {
            if (groups[i] != null) {
                length += groups[i].length + (groupCount > 0 ? 1 : 0);
                groupCount++;
            }
            queues[i] = route.slot(i).json(json, standardJson);
            length += queues[i].length + (i > 0 ? 1 : 0);
        }
        if (groupCount == 0) {
            return null;
        }
        if (orderTopicConf != null) {
            length += ORDER_TOPIC_CONF.length + orderTopicConf.length + 1;
        }
        byte[] mappingJson = mappings == null ? null : mappings.json(json, standardJson);
        length += mappingJson == null ? CLOSE_LIST.length : MAPPINGS.length + mappingJson.length + CLOSE.length;

        byte[] body = new byte[length];
        int at = put(body, 0, OPEN);
        boolean first = true;
        for (byte[] group : groups) {
            if (group != null) {
                if (!first) {
                    body[at++] = ',';
                }
                at = put(body, at, group);
                first = false;
            }
        }
        at = put(body, at, NO_FILTER_SERVERS);
        if (orderTopicConf != null) {
            at = put(body, at, ORDER_TOPIC_CONF);
            at = put(body, at, orderTopicConf);
            body[at++] = ',';
        }
        at = put(body, at, QUEUE_DATAS);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            at = put(body, at, queues[i]);
        }
        if (mappingJson == null) {
            put(body, at, CLOSE_LIST);
        } else {
            at = put(body, at, MAPPINGS);
            at = put(body, at, mappingJson);
            put(body, at, CLOSE);
        }
        return body;
    }

    private static int put(byte[] body, int at, byte[] part) {
        System.arraycopy(part, 0, body, at, part.length);
        return at + part.length;
    }
}
