package io.namesrv.namesrv.console;

import io.namesrv.namesrv.metrics.RequestMetrics;
import io.namesrv.namesrv.metrics.RequestMetrics.Totals;
import io.namesrv.namesrv.routeinfo.RouteTableSizes;
import io.namesrv.remoting.protocol.RequestCode;
import io.namesrv.remoting.protocol.ResponseCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * The last {@link #CAPACITY} samples (an hour at the default 10 s) of request rates by request
 * code, non-success answers by response code, p99 latency, live brokers and topics, in a ring
 * that never grows. A sample keeps at most {@link #MAX_CODES} request codes and as many response
 * codes (the rest summed as "other"), so the whole history stays under 200 KB whatever clients
 * send: about 540 bytes a sample at worst, 360 samples.
 */
public final class MetricsHistory {

    public static final int CAPACITY = 360;
    static final int MAX_CODES = 16;
    /** Request codes drawn apart in the chart; the rest are one "other codes" line. */
    static final int CHART_REQUEST_CODES = 6;
    /** Besides SYSTEM_BUSY and SYSTEM_ERROR, which are always drawn. */
    static final int CHART_OTHER_ANSWER_CODES = 3;

    /** One interval: counts are what happened in it, sizes are read at its end. */
    record Sample(long timeMillis, double seconds, int[] requestCodes, long[] requestCounts, int[] answerCodes,
                  long[] answerCounts, double p99Millis, double routeP99Millis, int liveBrokers, int topics) {
    }

    /** A chart line: one value per sample time, null where there is nothing to draw. */
    public record Series(String label, Double[] values) {
    }

    /** The history in columns, ready to draw: {@code timeSeconds} is the shared x axis. */
    public record History(int intervalSeconds, int capacity, long[] timeSeconds, List<Series> requests,
                          List<Series> answers, List<Series> latency, List<Series> tables) {
    }

    private final int intervalSeconds;
    private final Sample[] ring = new Sample[CAPACITY];
    private int next;
    private int size;
    private Totals previous;
    private long previousMillis;

    public MetricsHistory(int intervalSeconds) {
        this.intervalSeconds = intervalSeconds;
    }

    /**
     * Takes a sample: the difference between {@code totals} and the previous reading becomes one
     * interval. The first reading is only the baseline.
     */
    public synchronized void record(long nowMillis, Totals totals, RouteTableSizes sizes) {
        Totals before = previous;
        long beforeMillis = previousMillis;
        previous = totals;
        previousMillis = nowMillis;
        if (before == null) {
            return;
        }
        double seconds = Math.max(0.001, (nowMillis - beforeMillis) / 1000.0);
        Map<Integer, Long> requests = top(delta(before.requests(), totals.requests(), -1));
        Map<Integer, Long> answers = top(delta(before.responses(), totals.responses(), ResponseCode.SUCCESS));
        ring[next] = new Sample(nowMillis, seconds, keys(requests), values(requests), keys(answers), values(answers),
            millis(Totals.p99Seconds(before.latencyBuckets(), totals.latencyBuckets())),
            millis(Totals.p99Seconds(before.latencyBucketsOfOne(), totals.latencyBucketsOfOne())),
            sizes.liveBrokers(), sizes.topics());
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    private static double millis(double seconds) {
        return seconds * 1000;
    }

    /** Counts that grew, per code; {@code skip} is left out (SUCCESS among answers). */
    private static Map<Integer, Long> delta(Map<Integer, Long> before, Map<Integer, Long> after, int skip) {
        Map<Integer, Long> grew = new HashMap<>();
        after.forEach((code, n) -> {
            long d = n - before.getOrDefault(code, 0L);
            if (d > 0 && code != skip) {
                grew.put(code, d);
            }
        });
        return grew;
    }

    /** At most {@link #MAX_CODES} codes, the largest first; the rest summed under "other". */
    private static Map<Integer, Long> top(Map<Integer, Long> counts) {
        if (counts.size() <= MAX_CODES) {
            return counts;
        }
        List<Map.Entry<Integer, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<Integer, Long>comparingByValue().reversed());
        Map<Integer, Long> kept = new LinkedHashMap<>();
        long other = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Map.Entry<Integer, Long> e = sorted.get(i);
            if (i < MAX_CODES - 1 && e.getKey() != RequestMetrics.OTHER_CODE) {
                kept.put(e.getKey(), e.getValue());
            } else {
                other += e.getValue();
            }
        }
        kept.put(RequestMetrics.OTHER_CODE, other);
        return kept;
    }

    private static int[] keys(Map<Integer, Long> m) {
        return m.keySet().stream().mapToInt(Integer::intValue).toArray();
    }

    private static long[] values(Map<Integer, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).toArray();
    }

    /** Samples held now (at most {@link #CAPACITY}). */
    public synchronized int size() {
        return size;
    }

    /** The samples, oldest first, as chart columns. */
    public History view() {
        Sample[] samples = samples();
        long[] time = new long[samples.length];
        for (int i = 0; i < samples.length; i++) {
            time[i] = samples[i].timeMillis() / 1000;
        }
        List<Series> requests = rateSeries(samples, true, chosenRequestCodes(samples), CodeNames::request);
        List<Integer> answerCodes = new ArrayList<>(List.of(ResponseCode.SYSTEM_BUSY, ResponseCode.SYSTEM_ERROR));
        totalsByCode(samples, false).entrySet().stream()
            .filter(e -> !answerCodes.contains(e.getKey()) && e.getKey() != RequestMetrics.OTHER_CODE)
            .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
            .limit(CHART_OTHER_ANSWER_CODES).forEach(e -> answerCodes.add(e.getKey()));
        List<Series> answers = rateSeries(samples, false, answerCodes, CodeNames::response);
        List<Series> latency = List.of(
            series("p99, all requests", samples, s -> s.p99Millis()),
            series("p99, route lookups (" + RequestCode.GET_ROUTEINFO_BY_TOPIC + ")", samples, s -> s.routeP99Millis()));
        List<Series> tables = List.of(
            series("live brokers", samples, s -> (double) s.liveBrokers()),
            series("topics", samples, s -> (double) s.topics()));
        return new History(intervalSeconds, CAPACITY, time, requests, answers, latency, tables);
    }

    /** The samples held, oldest first. */
    synchronized Sample[] samples() {
        Sample[] out = new Sample[size];
        int start = (next - size + CAPACITY) % CAPACITY;
        for (int i = 0; i < size; i++) {
            out[i] = ring[(start + i) % CAPACITY];
        }
        return out;
    }

    private static List<Integer> chosenRequestCodes(Sample[] samples) {
        return totalsByCode(samples, true).entrySet().stream()
            .filter(e -> e.getKey() != RequestMetrics.OTHER_CODE)
            .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(CHART_REQUEST_CODES).map(Map.Entry::getKey).toList();
    }

    private static Map<Integer, Long> totalsByCode(Sample[] samples, boolean requests) {
        Map<Integer, Long> sums = new HashMap<>();
        for (Sample s : samples) {
            int[] codes = requests ? s.requestCodes() : s.answerCodes();
            long[] counts = requests ? s.requestCounts() : s.answerCounts();
            for (int i = 0; i < codes.length; i++) {
                sums.merge(codes[i], counts[i], Long::sum);
            }
        }
        return sums;
    }

    /**
     * Per-second rates of the chosen codes, plus one line for every other code when any
     * happened; codes are labelled by {@code name}.
     */
    private static List<Series> rateSeries(Sample[] samples, boolean requests, List<Integer> chosen,
                                           IntFunction<String> name) {
        Double[][] lines = new Double[chosen.size() + 1][samples.length];
        boolean anyOther = false;
        for (int i = 0; i < samples.length; i++) {
            Sample s = samples[i];
            int[] codes = requests ? s.requestCodes() : s.answerCodes();
            long[] counts = requests ? s.requestCounts() : s.answerCounts();
            for (Double[] line : lines) {
                line[i] = 0.0;
            }
            for (int c = 0; c < codes.length; c++) {
                int at = chosen.indexOf(codes[c]);
                int line = at >= 0 ? at : chosen.size();
                anyOther |= at < 0;
                lines[line][i] += counts[c] / s.seconds();
            }
        }
        List<Series> out = new ArrayList<>();
        for (int k = 0; k < chosen.size(); k++) {
            out.add(new Series(name.apply(chosen.get(k)), round(lines[k])));
        }
        if (anyOther) {
            out.add(new Series(name.apply(RequestMetrics.OTHER_CODE), round(lines[chosen.size()])));
        }
        return out;
    }

    private static Series series(String label, Sample[] samples, ToDoubleFunction<Sample> value) {
        Double[] values = new Double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            double v = value.applyAsDouble(samples[i]);
            values[i] = Double.isNaN(v) ? null : v;
        }
        return new Series(label, round(values));
    }

    /** Three decimals are plenty for a chart and keep the JSON short. */
    private static Double[] round(Double[] values) {
        return Arrays.stream(values).map(v -> v == null ? null : Math.round(v * 1000) / 1000.0).toArray(Double[]::new);
    }
}
