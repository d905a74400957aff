package io.namesrv.bench;

import java.util.Arrays;

/**
 * One caller's latencies, in nanoseconds, in a growable array: no locking on the hot path, each
 * caller owns its recorder; {@link #merge} joins them once the phase is over.
 */
final class LatencyRecorder {

    private long[] samples = new long[1 << 14];
    private int count;
    private long errors;

    void record(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = nanos;
    }

    void error() {
        errors++;
    }

    int count() {
        return count;
    }

    long errors() {
        return errors;
    }

    /** Everyone's samples, sorted, and the summed error count. */
    static Merged merge(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        long errors = 0;
        for (LatencyRecorder r : recorders) {
            total += r.count;
            errors += r.errors;
        }
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder r : recorders) {
            System.arraycopy(r.samples, 0, all, at, r.count);
            at += r.count;
        }
        Arrays.sort(all);
        return new Merged(all, errors);
    }

    /** Sorted samples of a whole phase. */
    record Merged(long[] sorted, long errors) {

        /** The latency at quantile {@code q} (0..1) in milliseconds, or NaN without samples. */
        double quantileMillis(double q) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
            return sorted[i] / 1_000_000.0;
        }
    }
}
