package io.namesrv.namesrv.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.routeinfo.RemovalCause;
import io.namesrv.remoting.netty.RequestListener;
import org.junit.jupiter.api.Test;

/** Request and broker-event counters, the label cap, and the per-interval traffic line. */
class RequestMetricsTest {

    @Test
    void countsRequestsByCodeAndResponsesByCodeButNotOnewayAnswers() {
        RequestMetrics m = new RequestMetrics();
        m.onRequestDone(105, 0, 1_000);
        m.onRequestDone(105, 17, 1_000);
        m.onRequestDone(103, 0, 1_000);
        m.onRequestDone(34, RequestListener.NO_RESPONSE, 1_000);
        assertEquals(2L, m.requestCounts().get("105"));
        assertEquals(1L, m.requestCounts().get("34"));
        assertEquals(2L, m.responseCounts().get("0"));
        assertEquals(1L, m.responseCounts().get("17"));
        assertFalse(m.responseCounts().containsKey("-1"));
    }

    @Test
    void randomCodesFromTheWireCannotGrowTheLabelSetWithoutBound() {
        RequestMetrics m = new RequestMetrics();
        for (int code = 0; code < 10_000; code++) {
            m.onRequestDone(code, 3, 10);
        }
        assertTrue(m.requestCounts().size() <= RequestMetrics.MAX_DISTINCT_CODES + 1, "" + m.requestCounts().size());
        long total = m.requestCounts().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(10_000, total, "nothing is lost, the excess is counted as other");
        assertTrue(m.requestCounts().get(RequestMetrics.OTHER) >= 10_000 - RequestMetrics.MAX_DISTINCT_CODES);
    }

    @Test
    void brokerEventsAreCountedByKindAndCause() {
        NamesrvMetrics all = new NamesrvMetrics(() -> new ServerSnapshot(
            new io.namesrv.namesrv.routeinfo.RouteTableSizes(1, 2, 3, 4, 8), 5, java.util.List.of(), 6, 7, true));
        all.brokerEvents().brokerRegistered("c", "a:1", true);
        all.brokerEvents().brokerRegistered("c", "a:1", false);
        all.brokerEvents().brokerRemoved("c", "a:1", RemovalCause.CHANNEL_IDLE);
        String text = all.scrape();
        assertEquals(1, PrometheusTextWriterTest.sample(text, "namesrv_broker_registrations_total{kind=\"new\"}"));
        assertEquals(1, PrometheusTextWriterTest.sample(text, "namesrv_broker_registrations_total{kind=\"renewal\"}"));
        assertEquals(1, PrometheusTextWriterTest.sample(text, "namesrv_broker_removals_total{reason=\"idle\"}"));
        assertEquals(0, PrometheusTextWriterTest.sample(text, "namesrv_broker_removals_total{reason=\"expired\"}"));
        assertEquals(1, PrometheusTextWriterTest.sample(text, "namesrv_clusters"));
        assertEquals(2, PrometheusTextWriterTest.sample(text, "namesrv_broker_groups"));
        assertEquals(3, PrometheusTextWriterTest.sample(text, "namesrv_live_brokers"));
        assertEquals(4, PrometheusTextWriterTest.sample(text, "namesrv_topics"));
        assertEquals(8, PrometheusTextWriterTest.sample(text, "namesrv_topic_queue_entries"));
        assertEquals(5, PrometheusTextWriterTest.sample(text, "namesrv_connections"));
        assertEquals(7, PrometheusTextWriterTest.sample(text, "namesrv_kv_entries"));
        assertEquals(1, PrometheusTextWriterTest.sample(text, "namesrv_ready"));
    }

    @Test
    void trafficLineShowsOnlyTheIntervalsCountsInNumericOrder() {
        RequestMetrics m = new RequestMetrics();
        TrafficLogger traffic = new TrafficLogger(m, 9876, 0);
        m.onRequestDone(105, 0, 1);
        m.onRequestDone(105, 0, 1);
        m.onRequestDone(34, 0, 1);
        m.onRequestDone(1000, 3, 1);
        assertEquals("Port: 9876, last 60s, RequestCode Distribution: {34:1, 105:2, 1000:1}, "
            + "ResponseCode Distribution: {0:3, 3:1}", traffic.logInterval(60_000));
        m.onRequestDone(105, 17, 1);
        assertEquals("Port: 9876, last 60s, RequestCode Distribution: {105:1}, ResponseCode Distribution: {17:1}",
            traffic.logInterval(120_000));
        assertEquals("Port: 9876, last 60s, RequestCode Distribution: {}, ResponseCode Distribution: {}",
            traffic.logInterval(180_000));
    }
}
