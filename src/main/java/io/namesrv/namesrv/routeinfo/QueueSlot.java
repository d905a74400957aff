package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.JsonBodies;
import io.namesrv.protocol.QueueData;

/**
 * One broker group's queue data for a topic, shared by every topic whose queue data on that group
 * is the same (interned by {@link TopicTable}), with its JSON kept once it was asked for: most
 * topics of a group have identical queue settings, so a group of 4,000 topics usually needs one
 * slot, and a route is written from slots without encoding anything.
 */
final class QueueSlot {

    private final QueueData data;
    /** Topic routes holding this slot; guarded by the route table's write lock. */
    private int refs;
    private volatile byte[] plain;
    private volatile byte[] standard;

    QueueSlot(QueueData data) {
        this.data = data;
    }

    QueueData data() {
        return data;
    }

    String brokerName() {
        return data.brokerName();
    }

    /** The slot's JSON in the given form; encoded on first use (an idempotent, race-tolerant store). */
    byte[] json(JsonBodies json, boolean standardJson) {
        if (standardJson) {
            byte[] b = standard;
            if (b == null) {
                b = json.encodeStandard(data);
                standard = b;
            }
            return b;
        }
        byte[] b = plain;
        if (b == null) {
            b = json.encode(data);
            plain = b;
        }
        return b;
    }

    int retain() {
        return ++refs;
    }

    int release() {
        return --refs;
    }
}
