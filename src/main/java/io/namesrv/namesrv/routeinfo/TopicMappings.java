package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.TopicQueueMappingInfo;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A static topic's queue mappings by broker name, immutable (a change replaces it), with their
 * JSON kept once asked for. The map is a HashMap sized as a copy of it is, as the route always
 * carried, so its plain-form order is the one clients have been seeing.
 */
final class TopicMappings {

    private final Map<String, TopicQueueMappingInfo> byBroker;
    private final EncodedForms json;

    private TopicMappings(Map<String, TopicQueueMappingInfo> byBroker) {
        // Sized by the copy constructor, like the copy every route carries: the same order.
        this.byBroker = Collections.unmodifiableMap(new HashMap<>(byBroker));
        this.json = new EncodedForms(this.byBroker);
    }

    static TopicMappings of(TopicMappings old, String brokerName, TopicQueueMappingInfo info) {
        Map<String, TopicQueueMappingInfo> map = old == null ? new HashMap<>(4) : new HashMap<>(old.byBroker);
        map.put(brokerName, info);
        return new TopicMappings(map);
    }

    /** Without {@code brokerName}'s mapping; null when none is left. */
    TopicMappings without(String brokerName) {
        Map<String, TopicQueueMappingInfo> map = new HashMap<>(byBroker);
        map.remove(brokerName);
        return map.isEmpty() ? null : new TopicMappings(map);
    }

    Map<String, TopicQueueMappingInfo> byBroker() {
        return byBroker;
    }

    byte[] json(JsonBodies bodies, boolean standardJson) {
        return json.get(bodies, standardJson);
    }
}
