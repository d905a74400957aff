package io.namesrv.namesrv.routeinfo;

import io.namesrv.protocol.BrokerData;
import io.namesrv.protocol.JsonBodies;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A broker group as routes show it, immutable: published by the route table when the group's
 * addresses, zone or acting-master flag change, and read by lookups without locking. Its JSON in
 * either form is written once, on the first lookup that needs it, and shared by every topic of
 * the group: a route names the same groups again and again, so routes are written from these
 * parts instead of being encoded.
 *
 * <p>{@link #acting()} is the group as Apache's acting-master rewrite shows it (the lowest slave
 * under id 0), present only when the group has no master, is not empty and has acting master on.
 */
final class GroupView {

    private final BrokerData data;
    private final BrokerData acting;
    private final EncodedForms json;
    private final EncodedForms actingJson;

    private GroupView(BrokerData data, BrokerData acting) {
        this.data = data;
        this.acting = acting;
        this.json = new EncodedForms(data);
        this.actingJson = acting == null ? null : new EncodedForms(acting);
    }

    static GroupView of(BrokerGroup group) {
        // A HashMap, as the route table's own: the plain form writes the ids in its order.
        Map<Long, String> addrs = new HashMap<>(group.brokerAddrs());
        BrokerData data = new BrokerData(Collections.unmodifiableMap(addrs), group.brokerName(), group.cluster(),
            group.enableActingMaster(), group.zoneName());
        BrokerData acting = null;
        if (!addrs.isEmpty() && !addrs.containsKey(BrokerGroup.MASTER_ID) && group.enableActingMaster()) {
            Map<Long, String> rewritten = new HashMap<>(addrs);
            Long minId = Collections.min(rewritten.keySet());
            rewritten.put(BrokerGroup.MASTER_ID, rewritten.remove(minId));
            acting = data.withBrokerAddrs(Collections.unmodifiableMap(rewritten));
        }
        return new GroupView(data, acting);
    }

    BrokerData data() {
        return data;
    }

    /** The acting-master form, or null when the group does not qualify for one. */
    BrokerData acting() {
        return acting;
    }

    /** The group's JSON; {@code asActing} selects the acting-master form (which must exist). */
    byte[] json(JsonBodies bodies, boolean standardJson, boolean asActing) {
        return (asActing ? actingJson : json).get(bodies, standardJson);
    }
}
