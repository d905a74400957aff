package io.namesrv.bench;

/**
 * What one phase measured: calls that succeeded, failures, time taken, latency quantiles (and the worst call) and,
 * when the server's pid is known, its CPU time per call (NaN otherwise).
 */
record PhaseResult(String phase, long ops, long errors, double seconds, double p50Millis, double p99Millis,
                   double p999Millis, double maxMillis, double serverCpuMicrosPerOp) {

    static PhaseResult of(String phase, LatencyRecorder.Merged merged, double seconds, long cpuBefore, long cpuAfter) {
        long ops = merged.sorted().length;
        return new PhaseResult(phase, ops, merged.errors(), seconds, merged.quantileMillis(0.50),
            merged.quantileMillis(0.99), merged.quantileMillis(0.999), merged.quantileMillis(1.0), ServerCpu.microsPerOp(cpuBefore, cpuAfter, ops));
    }

    double opsPerSecond() {
        return seconds <= 0 ? 0 : ops / seconds;
    }
}
