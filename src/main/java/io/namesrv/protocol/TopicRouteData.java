package io.namesrv.protocol;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to GET_ROUTEINFO_BY_TOPIC. {@code filterServerTable} may hold null lists (5.x does);
 * they are left out of the JSON like any null.
 */
public record TopicRouteData(
        List<BrokerData> brokerDatas,
        Map<String, List<String>> filterServerTable,
        String orderTopicConf,
        List<QueueData> queueDatas,
        Map<String, TopicQueueMappingInfo> topicQueueMappingByBroker) {

    public TopicRouteData {
        brokerDatas = Immutables.list(brokerDatas);
        filterServerTable = Immutables.map(filterServerTable);
        queueDatas = Immutables.list(queueDatas);
        topicQueueMappingByBroker = Immutables.map(topicQueueMappingByBroker);
    }

    /** This route carrying {@code conf} as its order-topic config (this very route when it already does). */
    public TopicRouteData withOrderTopicConf(String conf) {
        return Objects.equals(conf, orderTopicConf) ? this
            : new TopicRouteData(brokerDatas, filterServerTable, conf, queueDatas, topicQueueMappingByBroker);
    }
}
