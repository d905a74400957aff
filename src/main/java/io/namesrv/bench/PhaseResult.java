package io.namesrv.bench;

/** What one phase measured: calls that succeeded, failures, time taken and latency quantiles. */
record PhaseResult(String phase, long ops, long errors, double seconds, double p50Millis, double p99Millis,
                   double p999Millis) {

    static PhaseResult of(String phase, LatencyRecorder.Merged merged, double seconds) {
        return new PhaseResult(phase, merged.sorted().length, merged.errors(), seconds, merged.quantileMillis(0.50),
            merged.quantileMillis(0.99), merged.quantileMillis(0.999));
    }

    double opsPerSecond() {
        return seconds <= 0 ? 0 : ops / seconds;
    }
}
