package io.namesrv.namesrv.metrics;

import io.namesrv.namesrv.routeinfo.RemovalCause;
import io.namesrv.namesrv.routeinfo.RouteEventListener;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts broker registrations (new or renewed) and removals by cause. */
public final class BrokerEventMetrics implements RouteEventListener {

    private final LongAdder newRegistrations = new LongAdder();
    private final LongAdder renewals = new LongAdder();
    private final Map<RemovalCause, LongAdder> removals = new EnumMap<>(RemovalCause.class);

    public BrokerEventMetrics() {
        for (RemovalCause cause : RemovalCause.values()) {
            removals.put(cause, new LongAdder());
        }
    }

    @Override
    public void brokerRegistered(String clusterName, String brokerAddr, boolean firstTime) {
        (firstTime ? newRegistrations : renewals).increment();
    }

    @Override
    public void brokerRemoved(String clusterName, String brokerAddr, RemovalCause cause) {
        removals.get(cause).increment();
    }

    public long removals(RemovalCause cause) {
        return removals.get(cause).sum();
    }

    void write(PrometheusTextWriter w) {
        w.family("namesrv_broker_registrations_total", PrometheusTextWriter.Type.COUNTER,
            "Broker registrations: kind=new when the address was not live before, kind=renewal otherwise.");
        w.sample("namesrv_broker_registrations_total", newRegistrations.sum(), "kind", "new");
        w.sample("namesrv_broker_registrations_total", renewals.sum(), "kind", "renewal");
        w.family("namesrv_broker_removals_total", PrometheusTextWriter.Type.COUNTER,
            "Live brokers removed, by reason: expired (no heartbeat in time), closed, failed, idle (connection), "
                + "unregistered (the broker asked).");
        for (RemovalCause cause : RemovalCause.values()) {
            w.sample("namesrv_broker_removals_total", removals.get(cause).sum(), "reason", cause.label());
        }
    }
}
