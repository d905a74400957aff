package io.namesrv.namesrv.metrics;

import io.namesrv.namesrv.notify.MinBrokerIdNotifier;
import java.util.concurrent.atomic.LongAdder;

/** Counts NOTIFY_MIN_BROKER_ID_CHANGE (905) sends by how they ended, one per target broker. */
public final class MinBrokerIdNotifyMetrics implements MinBrokerIdNotifier.Outcomes {

    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    @Override
    public void sent() {
        sent.increment();
    }

    @Override
    public void failed() {
        failed.increment();
    }

    @Override
    public void dropped() {
        dropped.increment();
    }

    void write(PrometheusTextWriter w) {
        w.family("namesrv_min_broker_id_notifications_total", PrometheusTextWriter.Type.COUNTER,
            "NOTIFY_MIN_BROKER_ID_CHANGE (905) requests to brokers, one per target: result=sent (written), failed"
                + " (no connection or a write error), dropped (queue full, or too many sends in flight).");
        w.sample("namesrv_min_broker_id_notifications_total", sent.sum(), "result", "sent");
        w.sample("namesrv_min_broker_id_notifications_total", failed.sum(), "result", "failed");
        w.sample("namesrv_min_broker_id_notifications_total", dropped.sum(), "result", "dropped");
    }
}
