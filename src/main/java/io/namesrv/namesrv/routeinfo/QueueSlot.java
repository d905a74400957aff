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
    private final EncodedForms json;

    QueueSlot(QueueData data) {
        this.data = data;
        this.json = new EncodedForms(data);
    }

    QueueData data() {
        return data;
    }

    String brokerName() {
        return data.brokerName();
    }

    /** The slot's JSON in the given form, encoded on first use. */
    byte[] json(JsonBodies bodies, boolean standardJson) {
        return json.get(bodies, standardJson);
    }

    int retain() {
        return ++refs;
    }

    int release() {
        return --refs;
    }
}
