package io.namesrv.namesrv.routeinfo;

/**
 * How big the route table may grow, whatever its clients send: distinct topics, topic-queue
 * entries (one per topic per broker group serving it), broker groups (broker names), broker
 * processes, and broker processes in one cluster. The table's memory grows with the first two.
 * A registration or topic registration that would pass one is refused as a whole, before anything
 * changes, with {@link RouteLimitExceededException}.
 */
public record RouteLimits(long maxTopics, long maxTopicQueueEntries, int maxBrokerGroups, int maxBrokers,
                          int maxBrokersPerCluster) {

    /** The names the limits have in the configuration, in remarks and in /metrics. */
    public static final String TOPICS = "maxTopics";
    public static final String TOPIC_QUEUE_ENTRIES = "maxTopicQueueEntries";
    public static final String BROKER_GROUPS = "maxBrokerGroups";
    public static final String BROKERS = "maxBrokers";
    public static final String BROKERS_PER_CLUSTER = "maxBrokersPerCluster";

    /** No limit at all (tools and tests that are not about limits). */
    public static final RouteLimits NONE = new RouteLimits(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE,
        Integer.MAX_VALUE, Integer.MAX_VALUE);
}
