package io.namesrv.namesrv.metrics;

import io.namesrv.remoting.netty.RequestListener;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts requests and their latency per request code, and answers per response code. Codes come
 * off the wire, so a client sending random codes could grow the label set without bound: past
 * {@link #MAX_DISTINCT_CODES} distinct codes, further new codes are counted under "other".
 */
public final class RequestMetrics implements RequestListener {

    static final int MAX_DISTINCT_CODES = 128;
    static final String OTHER = "other";

    /** The code under which codes past the label cap are counted ("other"): no real code is this negative. */
    public static final int OTHER_CODE = Integer.MIN_VALUE;

    // Keyed by the code itself, not its label: formatting a label on every request was a tenth of
    // the garbage of a route lookup. Labels are made when someone reads the figures.
    private final Map<Integer, LatencyHistogram> requests = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> responses = new ConcurrentHashMap<>();

    @Override
    public void onRequestDone(int requestCode, int responseCode, long elapsedNanos) {
        bounded(requests, requestCode, LatencyHistogram::new).observe(elapsedNanos);
        if (responseCode != NO_RESPONSE) {
            bounded(responses, responseCode, LongAdder::new).increment();
        }
    }

    private static <T> T bounded(Map<Integer, T> map, int code, java.util.function.Supplier<T> create) {
        T existing = map.get(code);
        if (existing != null) {
            return existing;
        }
        // The size check races with other inserts; the cap may be overshot by a few, never grown without bound.
        int key = map.size() < MAX_DISTINCT_CODES && code != OTHER_CODE ? code : OTHER_CODE;
        return map.computeIfAbsent(key, k -> create.get());
    }

    private static String label(int key) {
        return key == OTHER_CODE ? OTHER : Integer.toString(key);
    }

    /** Requests seen so far per request code (as its label), in label order. */
    public SortedMap<String, Long> requestCounts() {
        SortedMap<String, Long> counts = new TreeMap<>();
        requests.forEach((code, h) -> counts.put(label(code), h.count()));
        return counts;
    }

    /** Answers sent so far per response code (as its label), in label order. */
    public SortedMap<String, Long> responseCounts() {
        SortedMap<String, Long> counts = new TreeMap<>();
        responses.forEach((code, n) -> counts.put(label(code), n.sum()));
        return counts;
    }

    /**
     * Everything counted so far, read in one go for the console's history (which turns the
     * difference of two readings into rates and a p99). Codes past the label cap are under
     * {@link #OTHER_CODE}; {@code latencyOf} picks the request code whose latency is also kept
     * apart.
     */
    public Totals totals(int latencyOf) {
        Map<Integer, Long> byRequest = new HashMap<>();
        long[] all = new long[LatencyHistogram.bucketCount()];
        long[] one = new long[LatencyHistogram.bucketCount()];
        requests.forEach((code, h) -> {
            byRequest.put(code, h.count());
            h.addBucketsTo(all);
            if (code == latencyOf) {
                h.addBucketsTo(one);
            }
        });
        Map<Integer, Long> byResponse = new HashMap<>();
        responses.forEach((code, n) -> byResponse.put(code, n.sum()));
        return new Totals(byRequest, byResponse, all, one);
    }

    /**
     * Cumulative counts: requests per request code, answers per response code, and latency
     * buckets (non-cumulative, see {@link #p99Seconds}) of all requests and of one code.
     */
    public record Totals(Map<Integer, Long> requests, Map<Integer, Long> responses, long[] latencyBuckets,
                         long[] latencyBucketsOfOne) {

        /** The p99 in seconds of the requests between {@code earlier} and these buckets; NaN if none. */
        public static double p99Seconds(long[] earlier, long[] later) {
            long[] delta = new long[later.length];
            for (int i = 0; i < later.length; i++) {
                delta[i] = Math.max(0, later[i] - (earlier == null ? 0 : earlier[i]));
            }
            return LatencyHistogram.quantileSeconds(delta, 0.99);
        }
    }

    void write(PrometheusTextWriter w) {
        SortedMap<String, LatencyHistogram> byCode = new TreeMap<>();
        requests.forEach((code, h) -> byCode.put(label(code), h));
        w.family("namesrv_requests_total", PrometheusTextWriter.Type.COUNTER,
            "Requests finished, by request code (answered, refused as busy, unsupported or oneway).");
        byCode.forEach((code, h) -> w.sample("namesrv_requests_total", h.count(), "code", code));
        w.family("namesrv_request_duration_seconds", PrometheusTextWriter.Type.HISTOGRAM,
            "Time from dispatch to the answer handed to the network (queueing included), by request code.");
        byCode.forEach((code, h) -> h.write(w, "namesrv_request_duration_seconds", "code", code));
        w.family("namesrv_responses_total", PrometheusTextWriter.Type.COUNTER, "Responses sent, by response code.");
        responseCounts().forEach((code, n) -> w.sample("namesrv_responses_total", n, "code", code));
    }
}
