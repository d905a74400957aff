package io.namesrv.namesrv.metrics;

import java.math.BigDecimal;
import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram with fixed buckets from 100 µs to 10 s, cheap to update from many
 * threads (one LongAdder per bucket, no locks). Buckets are kept non-cumulative and summed when
 * written, as Prometheus wants them cumulative.
 */
final class LatencyHistogram {

    /** Upper bounds in seconds. */
    static final double[] BOUNDS_SECONDS = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    };
    private static final long[] BOUNDS_NANOS = new long[BOUNDS_SECONDS.length];
    /** "0.0001" rather than "1.0E-4": both parse, the plain form is what people grep for. */
    private static final String[] LE_LABELS = new String[BOUNDS_SECONDS.length];

    static {
        for (int i = 0; i < BOUNDS_SECONDS.length; i++) {
            BOUNDS_NANOS[i] = Math.round(BOUNDS_SECONDS[i] * 1e9);
            LE_LABELS[i] = BigDecimal.valueOf(BOUNDS_SECONDS[i]).stripTrailingZeros().toPlainString();
        }
    }

    private final LongAdder[] buckets = new LongAdder[BOUNDS_SECONDS.length + 1];
    private final LongAdder count = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();

    LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void observe(long nanos) {
        long n = Math.max(0, nanos);
        int i = 0;
        while (i < BOUNDS_NANOS.length && n > BOUNDS_NANOS[i]) {
            i++;
        }
        buckets[i].increment();
        sumNanos.add(n);
        count.increment();
    }

    long count() {
        return count.sum();
    }

    /** Buckets (non-cumulative, the last one past 10 s) in {@link #bucketCount()} slots. */
    static int bucketCount() {
        return BOUNDS_SECONDS.length + 1;
    }

    /** Adds this histogram's bucket counts (non-cumulative) to {@code into}. */
    void addBucketsTo(long[] into) {
        for (int i = 0; i < buckets.length; i++) {
            into[i] += buckets[i].sum();
        }
    }

    /**
     * The {@code q}-quantile in seconds of non-cumulative bucket counts, interpolated linearly
     * within its bucket as Prometheus' histogram_quantile does (a value past the last bound is
     * reported as that bound); NaN when the buckets are empty.
     */
    static double quantileSeconds(long[] buckets, double q) {
        long total = 0;
        for (long n : buckets) {
            total += n;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        long below = 0;
        for (int i = 0; i < buckets.length; i++) {
            if (below + buckets[i] >= rank && buckets[i] > 0) {
                if (i >= BOUNDS_SECONDS.length) {
                    return BOUNDS_SECONDS[BOUNDS_SECONDS.length - 1];
                }
                double lower = i == 0 ? 0 : BOUNDS_SECONDS[i - 1];
                return lower + (BOUNDS_SECONDS[i] - lower) * (rank - below) / buckets[i];
            }
            below += buckets[i];
        }
        return BOUNDS_SECONDS[BOUNDS_SECONDS.length - 1];
    }

    /** Writes _bucket (cumulative, ending with +Inf), _sum and _count with the given labels first. */
    void write(PrometheusTextWriter w, String family, String... labels) {
        long cumulative = 0;
        String[] withLe = new String[labels.length + 2];
        System.arraycopy(labels, 0, withLe, 0, labels.length);
        withLe[labels.length] = "le";
        for (int i = 0; i < buckets.length; i++) {
            cumulative += buckets[i].sum();
            withLe[labels.length + 1] = i < BOUNDS_SECONDS.length ? LE_LABELS[i] : "+Inf";
            w.sample(family + "_bucket", cumulative, withLe);
        }
        // The count written is the +Inf bucket's, so the three series agree within one scrape.
        w.sample(family + "_sum", sumNanos.sum() / 1e9, labels);
        w.sample(family + "_count", cumulative, labels);
    }
}
