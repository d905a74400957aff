package io.namesrv.namesrv.routeinfo;

/**
 * The sizes of the route tables at one instant (read under one lock acquisition).
 * {@code topicQueueEntries}: (topic, broker group) pairs, what {@link RouteLimits#maxTopicQueueEntries()} bounds.
 */
public record RouteTableSizes(int clusters, int brokerGroups, int liveBrokers, int topics, long topicQueueEntries) {
}
