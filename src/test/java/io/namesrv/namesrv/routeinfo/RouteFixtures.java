package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.DataVersion;
import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import io.namesrv.protocol.TopicConfigSerializeWrapper;
import io.namesrv.protocol.TopicFilterType;
import io.namesrv.protocol.TopicQueueMappingInfo;
import io.namesrv.protocol.TopicRouteData;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small builders for route-table tests: topic configs, registration payloads, route lookups. */
final class RouteFixtures {

    /** A route body as one array (null for none), to compare with what fastjson writes. */
    static byte[] bytes(io.namesrv.remoting.protocol.BodyParts body) {
        return body == null ? null : body.toBytes();
    }

    static final int PERM_RW = 6;
    static final int PERM_R = 4;

    private RouteFixtures() {
    }

    static TopicConfig topic(String name) {
        return topic(name, 4, PERM_RW, 0);
    }

    static TopicConfig topic(String name, int queues, int perm, int sysFlag) {
        return new TopicConfig(name, queues, queues, perm, TopicFilterType.SINGLE_TAG, sysFlag, false, Map.of());
    }

    static DataVersion version(long counter) {
        return new DataVersion(0L, 1000L + counter, counter);
    }

    static DataVersion stateVersion(long state, long counter) {
        return new DataVersion(state, 1000L + counter, counter);
    }

    static TopicConfigSerializeWrapper wrapper(DataVersion v, TopicConfig... topics) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        for (TopicConfig t : topics) {
            table.put(t.topicName(), t);
        }
        return TopicConfigSerializeWrapper.of(v, table);
    }

    static TopicConfigSerializeWrapper wrapperWithMapping(DataVersion v, TopicQueueMappingInfo info, TopicConfig... topics) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        for (TopicConfig t : topics) {
            table.put(t.topicName(), t);
        }
        Map<String, TopicQueueMappingInfo> mappings = new HashMap<>();
        mappings.put(info.topic(), info);
        return new TopicConfigSerializeWrapper(v, table, null, mappings, null);
    }

    static TopicQueueMappingInfo mapping(String topic, String bname, int epoch) {
        Map<Integer, Integer> ids = new HashMap<>();
        ids.put(0, 0);
        return new TopicQueueMappingInfo(bname, ids, false, epoch, "scope", topic, 1);
    }

    /** The queue data of {@code brokerName} in the route, or null. */
    static QueueData queueOf(TopicRouteData route, String brokerName) {
        if (route == null) {
            return null;
        }
        return route.queueDatas().stream().filter(q -> q.brokerName().equals(brokerName)).findFirst().orElse(null);
    }

    /** The broker-address table of {@code brokerName} in the route, or null. */
    static Map<Long, String> addrsOf(TopicRouteData route, String brokerName) {
        if (route == null) {
            return null;
        }
        return route.brokerDatas().stream().filter(b -> b.brokerName().equals(brokerName)).findFirst()
            .map(b -> b.brokerAddrs()).orElse(null);
    }

    /** Settings a test can flip while the table runs, as UPDATE_NAMESRV_CONFIG would. */
    static final class MutableSettings implements RouteInfoSettings {
        volatile boolean deleteTopicWithBrokerRegistration;
        volatile boolean supportActingMaster;

        @Override
        public boolean deleteTopicWithBrokerRegistration() {
            return deleteTopicWithBrokerRegistration;
        }

        @Override
        public boolean supportActingMaster() {
            return supportActingMaster;
        }
    }
}
