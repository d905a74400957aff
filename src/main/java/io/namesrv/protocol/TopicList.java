package io.namesrv.protocol;

import java.util.Set;

/** A set of topic (or cluster/broker) names; {@code brokerAddr} is set only by the system-topic list. */
public record TopicList(Set<String> topicList, String brokerAddr) {

    public TopicList {
        topicList = Immutables.set(topicList);
    }

    public static TopicList of(Set<String> topics) {
        return new TopicList(topics, null);
    }
}
