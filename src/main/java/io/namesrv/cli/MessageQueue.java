package io.namesrv.cli;

import java.util.Comparator;
import java.util.Objects;

/**
 * One queue of a topic on one broker group, as Apache's client names it. Its hash code and order
 * are Apache's, because mqadmin prints queues in the order Apache's hash sets and sorts put them;
 * the JSON field order (sorted by name) is Apache's too.
 */
record MessageQueue(String brokerName, int queueId, String topic) implements Comparable<MessageQueue> {

    private static final Comparator<MessageQueue> ORDER = Comparator.comparing(MessageQueue::topic)
        .thenComparing(MessageQueue::brokerName).thenComparingInt(MessageQueue::queueId);

    @Override
    public int hashCode() {
        return Objects.hash(brokerName, queueId, topic);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageQueue q && queueId == q.queueId && Objects.equals(brokerName, q.brokerName)
            && Objects.equals(topic, q.topic);
    }

    @Override
    public int compareTo(MessageQueue o) {
        return ORDER.compare(this, o);
    }
}
