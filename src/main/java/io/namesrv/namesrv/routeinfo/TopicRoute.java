package io.namesrv.namesrv.routeinfo;

import java.util.Arrays;

/**
 * One topic's queue data per broker group, immutable: a change replaces the whole (small) object,
 * so a lookup that read it holds a consistent picture without any lock. Slots are sorted by broker
 * name, which is also the order of {@code brokerDatas} and {@code queueDatas} in the route (Apache
 * leaves that order unspecified).
 */
final class TopicRoute {

    private final String topic;
    private final QueueSlot[] slots;

    TopicRoute(String topic, QueueSlot[] slots) {
        this.topic = topic;
        this.slots = slots;
    }

    /** The name as first registered: the one string every index of the table shares. */
    String topic() {
        return topic;
    }

    int size() {
        return slots.length;
    }

    QueueSlot slot(int i) {
        return slots[i];
    }

    /** The slot's position, or {@code -(insertion point) - 1} when the group serves no queue here. */
    int indexOf(String brokerName) {
        int lo = 0;
        int hi = slots.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = slots[mid].brokerName().compareTo(brokerName);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    TopicRoute replaced(int i, QueueSlot slot) {
        QueueSlot[] copy = slots.clone();
        copy[i] = slot;
        return new TopicRoute(topic, copy);
    }

    TopicRoute inserted(int at, QueueSlot slot) {
        QueueSlot[] copy = new QueueSlot[slots.length + 1];
        System.arraycopy(slots, 0, copy, 0, at);
        copy[at] = slot;
        System.arraycopy(slots, at, copy, at + 1, slots.length - at);
        return new TopicRoute(topic, copy);
    }

    /** Without slot {@code i}; null when it was the last one. */
    TopicRoute removed(int i) {
        if (slots.length == 1) {
            return null;
        }
        QueueSlot[] copy = new QueueSlot[slots.length - 1];
        System.arraycopy(slots, 0, copy, 0, i);
        System.arraycopy(slots, i + 1, copy, i, slots.length - i - 1);
        return new TopicRoute(topic, copy);
    }

    @Override
    public String toString() {
        return topic + Arrays.toString(Arrays.stream(slots).map(QueueSlot::data).toArray());
    }
}
