package io.namesrv.namesrv.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.namesrv.remoting.protocol.RequestCode;
import org.junit.jupiter.api.Test;

/** Quantiles from bucket counts, interpolated within the bucket as Prometheus' histogram_quantile does. */
class LatencyHistogramTest {

    private static long[] buckets(long... leading) {
        long[] b = new long[LatencyHistogram.bucketCount()];
        System.arraycopy(leading, 0, b, 0, leading.length);
        return b;
    }

    @Test
    void quantilesInterpolateWithinTheirBucket() {
        // 100 requests in (0.1 ms, 0.25 ms]: the p99 is 99 % of the way through that bucket.
        assertEquals(0.0001 + 0.00015 * 0.99, LatencyHistogram.quantileSeconds(buckets(0, 100), 0.99), 1e-12);
        // 50 under 0.1 ms, 50 in (0.1, 0.25]: the median is the top of the first bucket.
        assertEquals(0.0001, LatencyHistogram.quantileSeconds(buckets(50, 50), 0.5), 1e-12);
        assertTrue(Double.isNaN(LatencyHistogram.quantileSeconds(buckets(), 0.99)), "no requests, no quantile");
        long[] slow = buckets();
        slow[slow.length - 1] = 3;
        assertEquals(10.0, LatencyHistogram.quantileSeconds(slow, 0.99), "past 10 s reads as 10 s");
    }

    @Test
    void totalsCarryCountsAndBucketsOfAllCodesAndOfTheChosenOne() {
        RequestMetrics m = new RequestMetrics();
        m.onRequestDone(RequestCode.GET_ROUTEINFO_BY_TOPIC, 0, 50_000);
        m.onRequestDone(RequestCode.GET_ROUTEINFO_BY_TOPIC, 17, 50_000);
        m.onRequestDone(RequestCode.REGISTER_BROKER, 0, 3_000_000_000L);
        RequestMetrics.Totals t = m.totals(RequestCode.GET_ROUTEINFO_BY_TOPIC);
        assertEquals(2L, t.requests().get(RequestCode.GET_ROUTEINFO_BY_TOPIC));
        assertEquals(1L, t.requests().get(RequestCode.REGISTER_BROKER));
        assertEquals(2L, t.responses().get(0));
        assertEquals(1L, t.responses().get(17));
        assertEquals(3, java.util.Arrays.stream(t.latencyBuckets()).sum());
        assertEquals(2, java.util.Arrays.stream(t.latencyBucketsOfOne()).sum());
        assertEquals(0.0001 * 0.99, RequestMetrics.Totals.p99Seconds(null, t.latencyBucketsOfOne()), 1e-12);
        long[] before = t.latencyBucketsOfOne().clone();
        m.onRequestDone(RequestCode.GET_ROUTEINFO_BY_TOPIC, 0, 2_000_000);
        double p99 = RequestMetrics.Totals.p99Seconds(before, m.totals(RequestCode.GET_ROUTEINFO_BY_TOPIC)
            .latencyBucketsOfOne());
        assertTrue(p99 > 0.001 && p99 <= 0.0025, "only the request since the earlier reading counts: " + p99);
    }
}
