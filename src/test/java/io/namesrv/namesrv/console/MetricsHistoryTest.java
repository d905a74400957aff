package io.namesrv.namesrv.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.namesrv.console.MetricsHistory.History;
import io.namesrv.namesrv.console.MetricsHistory.Series;
import io.namesrv.namesrv.metrics.RequestMetrics;
import io.namesrv.namesrv.routeinfo.RouteTableSizes;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples become per-second rates, non-success answers and p99s per interval, in a ring that never grows. */
class MetricsHistoryTest {

    private final RequestMetrics requests = new RequestMetrics();
    private final MetricsHistory history = new MetricsHistory(10);
    private long now = 1_700_000_000_000L;

    private void sample(int liveBrokers, int topics) {
        history.record(now, requests.totals(RequestCode.GET_ROUTEINFO_BY_TOPIC), new RouteTableSizes(1, 1, liveBrokers,
            topics, topics));
        now += 10_000;
    }

    private static Series named(List<Series> list, String label) {
        return list.stream().filter(s -> s.label().equals(label)).findFirst()
            .orElseThrow(() -> new AssertionError(label + " not in " + list));
    }

    @Test
    void ratesErrorsBusyLatencyAndTableSizesPerInterval() {
        sample(0, 0);
        assertEquals(0, history.size(), "the first reading is the baseline");

        for (int i = 0; i < 200; i++) {
            requests.onRequestDone(RequestCode.GET_ROUTEINFO_BY_TOPIC, ResponseCode.SUCCESS, 200_000); // 0.2 ms
        }
        for (int i = 0; i < 50; i++) {
            requests.onRequestDone(RequestCode.REGISTER_BROKER, ResponseCode.SUCCESS, 40_000_000); // 40 ms
        }
        for (int i = 0; i < 30; i++) {
            requests.onRequestDone(RequestCode.GET_ROUTEINFO_BY_TOPIC, ResponseCode.SYSTEM_BUSY, 100_000);
        }
        requests.onRequestDone(RequestCode.GET_ROUTEINFO_BY_TOPIC, ResponseCode.TOPIC_NOT_EXIST, 100_000);
        sample(2, 40);
        sample(3, 41); // a quiet interval

        History h = history.view();
        assertEquals(10, h.intervalSeconds());
        assertEquals(MetricsHistory.CAPACITY, h.capacity());
        assertArrayEquals(new long[] {1_700_000_010L, 1_700_000_020L}, h.timeSeconds());
        assertArrayEquals(new Double[] {23.1, 0.0}, named(h.requests(), "105 GET_ROUTEINFO_BY_TOPIC").values());
        assertArrayEquals(new Double[] {5.0, 0.0}, named(h.requests(), "103 REGISTER_BROKER").values());
        assertArrayEquals(new Double[] {3.0, 0.0}, named(h.answers(), "2 SYSTEM_BUSY").values());
        assertArrayEquals(new Double[] {0.0, 0.0}, named(h.answers(), "1 SYSTEM_ERROR").values(), "always drawn");
        assertArrayEquals(new Double[] {0.1, 0.0}, named(h.answers(), "17 TOPIC_NOT_EXIST").values());
        assertTrue(h.answers().stream().noneMatch(s -> s.label().startsWith("0 ")), "successes are not errors");

        Double[] p99 = named(h.latency(), "p99, all requests").values();
        assertTrue(p99[0] > 25 && p99[0] <= 50, "p99 falls in the 25-50 ms bucket: " + p99[0]);
        assertNull(p99[1], "no requests, no p99: a gap, not a zero");
        Double[] routeP99 = named(h.latency(), "p99, route lookups (105)").values();
        assertTrue(routeP99[0] > 0.1 && routeP99[0] <= 0.25, "route lookups took 0.1-0.2 ms: " + routeP99[0]);

        assertArrayEquals(new Double[] {2.0, 3.0}, named(h.tables(), "live brokers").values());
        assertArrayEquals(new Double[] {40.0, 41.0}, named(h.tables(), "topics").values());
    }

    @Test
    void theRingKeepsTheLastHourAndNoMore() {
        sample(0, 0);
        for (int i = 1; i <= MetricsHistory.CAPACITY + 25; i++) {
            requests.onRequestDone(RequestCode.GET_ROUTEINFO_BY_TOPIC, ResponseCode.SUCCESS, 1_000);
            sample(i, 0);
        }
        assertEquals(MetricsHistory.CAPACITY, history.size());
        History h = history.view();
        assertEquals(MetricsHistory.CAPACITY, h.timeSeconds().length);
        Double[] brokers = named(h.tables(), "live brokers").values();
        assertEquals(26.0, brokers[0], "the oldest 25 samples are gone");
        assertEquals(MetricsHistory.CAPACITY + 25.0, brokers[MetricsHistory.CAPACITY - 1]);
        for (int i = 1; i < h.timeSeconds().length; i++) {
            assertTrue(h.timeSeconds()[i] > h.timeSeconds()[i - 1], "oldest first");
        }
    }

    @Test
    void manyCodesAreCappedPerSampleAndDrawnAsTheBusiestFewPlusOther() {
        sample(0, 0);
        for (int code = 1000; code < 1100; code++) {
            for (int n = 0; n <= code - 1000; n++) {
                requests.onRequestDone(code, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, 1_000);
            }
        }
        sample(0, 0);
        MetricsHistory.Sample[] samples = history.samples();
        MetricsHistory.Sample s = samples[samples.length - 1];
        assertEquals(MetricsHistory.MAX_CODES, s.requestCodes().length, "at most 16 codes kept per sample");
        History h = history.view();
        assertEquals(MetricsHistory.CHART_REQUEST_CODES + 1, h.requests().size());
        assertEquals("1099", h.requests().get(0).label(), "the busiest first");
        assertEquals("other codes", h.requests().get(h.requests().size() - 1).label());
        double total = h.requests().stream().mapToDouble(x -> x.values()[0]).sum();
        assertEquals(5050 / 10.0, total, 0.01, "nothing lost: every request is in some line");
    }
}
