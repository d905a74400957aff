package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.QueueData;
import io.namesrv.protocol.TopicConfig;
import java.util.List;
import java.util.Map;

/**
 * Every check of the {@link RouteLimits} in one place: called by the route table under its write
 * lock, before a change touches anything, so a change past a limit is refused whole with
 * {@link RouteLimitExceededException}. It only reads the tables it is handed.
 */
final class RouteLimitGuard {

    private final RouteLimits limits;

    RouteLimitGuard(RouteLimits limits) {
        this.limits = limits;
    }

    RouteLimits limits() {
        return limits;
    }

    /**
     * A broker registration: a new broker group, a new broker process (in all, or in its cluster),
     * new topics and new topic-queue entries (topics its group does not serve yet; counted for any
     * registration that may apply topics, a slave's included).
     */
    void checkRegistration(BrokerRegistration r, Map<String, ?> brokerGroups, BrokerLivenessTracker liveness,
                           TopicTable table) {
        if (!brokerGroups.containsKey(r.brokerName()) && brokerGroups.size() >= limits.maxBrokerGroups()) {
            throw new RouteLimitExceededException(RouteLimits.BROKER_GROUPS, limits.maxBrokerGroups(),
                "broker group " + r.brokerName() + " would be one too many");
        }
        if (!liveness.isLive(r.addrInfo())) {
            if (liveness.size() >= limits.maxBrokers()) {
                throw new RouteLimitExceededException(RouteLimits.BROKERS, limits.maxBrokers(),
                    "broker " + r.brokerAddr() + " would be one too many");
            }
            if (liveness.countInCluster(r.clusterName()) >= limits.maxBrokersPerCluster()) {
                throw new RouteLimitExceededException(RouteLimits.BROKERS_PER_CLUSTER, limits.maxBrokersPerCluster(),
                    "broker " + r.brokerAddr() + " would be one too many in cluster " + r.clusterName());
            }
        }
        Map<String, TopicConfig> topics = r.topicConfigs();
        boolean mayApplyTopics = r.isMaster() || !r.isOldVersionBroker();
        if (topics == null || !mayApplyTopics || (table.topicCount() + topics.size() <= limits.maxTopics()
            && table.queueEntries() + topics.size() <= limits.maxTopicQueueEntries())) {
            return; // the common case costs no walk of the topics
        }
        long newTopics = 0;
        long newEntries = 0;
        for (String topic : topics.keySet()) {
            if (!table.containsTopic(topic)) {
                newTopics++;
                newEntries++;
            } else if (!table.contains(topic, r.brokerName())) {
                newEntries++;
            }
        }
        check("broker group " + r.brokerName(), newTopics, newEntries, table.topicCount(), table.queueEntries());
    }

    /**
     * A provisional group (restored or relayed) about to be merged: refused whole, like a
     * registration, when it would pass a limit, so neither a snapshot nor a peer can hold more
     * than brokers could. {@code newMembers}: its members not live here yet; its topics count
     * only when they will be taken ({@code takesTopics}: no direct member holds the group).
     */
    void checkProvisional(RouteImage.Group g, int newMembers, boolean takesTopics, Map<String, ?> brokerGroups,
                          BrokerLivenessTracker liveness, TopicTable table) {
        if (!brokerGroups.containsKey(g.brokerName()) && brokerGroups.size() >= limits.maxBrokerGroups()) {
            throw new RouteLimitExceededException(RouteLimits.BROKER_GROUPS, limits.maxBrokerGroups(),
                "broker group " + g.brokerName() + " would be one too many");
        }
        if (newMembers > 0 && liveness.size() + newMembers > limits.maxBrokers()) {
            throw new RouteLimitExceededException(RouteLimits.BROKERS, limits.maxBrokers(),
                "broker group " + g.brokerName() + " would add " + newMembers + " brokers to the " + liveness.size());
        }
        if (newMembers > 0 && liveness.countInCluster(g.cluster()) + newMembers > limits.maxBrokersPerCluster()) {
            throw new RouteLimitExceededException(RouteLimits.BROKERS_PER_CLUSTER, limits.maxBrokersPerCluster(),
                "broker group " + g.brokerName() + " would add " + newMembers + " brokers to cluster " + g.cluster());
        }
        if (!takesTopics) {
            return;
        }
        long newTopics = 0;
        long newEntries = 0;
        for (String topic : g.queues().keySet()) {
            if (!table.containsTopic(topic)) {
                newTopics++;
                newEntries++;
            } else if (!table.contains(topic, g.brokerName())) {
                newEntries++;
            }
        }
        check("broker group " + g.brokerName(), newTopics, newEntries, table.topicCount(), table.queueEntries());
    }

    /** REGISTER_TOPIC_IN_NAMESRV: the topic, when new, and the groups it would newly name. */
    void checkTopic(String topic, List<QueueData> queueDatas, TopicTable table) {
        boolean existing = table.containsTopic(topic);
        long newEntries = queueDatas.stream().map(QueueData::brokerName).distinct()
            .filter(name -> !table.contains(topic, name)).count();
        check("topic " + topic, existing ? 0 : 1, newEntries, table.topicCount(), table.queueEntries());
    }

    private void check(String who, long newTopics, long newEntries, long topics, long entries) {
        if (newTopics > 0 && topics + newTopics > limits.maxTopics()) {
            throw new RouteLimitExceededException(RouteLimits.TOPICS, limits.maxTopics(),
                who + " would add " + newTopics + " topics to the " + topics + " held");
        }
        if (newEntries > 0 && entries + newEntries > limits.maxTopicQueueEntries()) {
            throw new RouteLimitExceededException(RouteLimits.TOPIC_QUEUE_ENTRIES, limits.maxTopicQueueEntries(),
                who + " would add " + newEntries + " topic-queue entries to the " + entries + " held");
        }
    }
}
