package io.namesrv.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * {@code --vs}: our daemon and Apache's NameServer 5.3.3, each freshly started with the same heap,
 * every phase on one then the other, A B A B for {@code rounds} rounds, then the mean of each
 * figure and the ratio ours/Apache. The echo ceiling runs once per round as well.
 */
final class SideBySide {

    private final BenchOptions options;
    private final PrintStream log;
    private final Report report;

    SideBySide(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
        this.report = new Report(log);
    }

    private record Sample(BenchRun.Result result, long startMillis) {
    }

    void run() throws Exception {
        ServerLauncher launcher = new ServerLauncher(options);
        BenchRun bench = new BenchRun(options, log);
        List<Sample> ours = new ArrayList<>();
        List<Sample> apache = new ArrayList<>();
        List<PhaseResult> echo = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            log.printf("round %d/%d%n", round, options.rounds());
            ours.add(runOne(launcher, bench, true, round));
            apache.add(runOne(launcher, bench, false, round));
            if (options.echo()) {
                echo.add(bench.echoCeiling(ours.get(ours.size() - 1).result().sampleRoute(), bench.fleetTopics()));
            }
        }
        printRatios(ours, apache, echo);
    }

    private Sample runOne(ServerLauncher launcher, BenchRun bench, boolean isOurs, int round) throws Exception {
        try (ServerLauncher.Launched server = isOurs ? launcher.ours() : launcher.apache()) {
            log.printf("  started %s (pid %d) at %s, listening after %d ms%n", server.label(), server.pid(), server.addr(),
                server.startToListeningMillis());
            BenchRun.Result result = bench.run(server.addr(), server.pid());
            report.phases(server.label() + ", round " + round, result.phases());
            report.memory(server.label(), result, server.startToListeningMillis());
            return new Sample(result, server.startToListeningMillis());
        }
    }

    private void printRatios(List<Sample> ours, List<Sample> apache, List<PhaseResult> echo) {
        report.ratioHeader("ours / Apache 5.3.3 (mean of " + ours.size() + " rounds each, heap " + options.heap() + ")");
        String[] phases = {BenchRun.ROUTE, BenchRun.REGISTER_PLAIN, BenchRun.REGISTER_COMPRESSED,
            BenchRun.REGISTER_UNCHANGED, BenchRun.CLUSTER_INFO, BenchRun.TOPIC_LIST, "fleet-register"};
        for (String phase : phases) {
            String routeTarget = phase.equals(BenchRun.ROUTE) ? ">= 2.0" : "> 1";
            report.ratio(phase + " ops/s", mean(ours, s -> phase(s, phase).opsPerSecond()),
                mean(apache, s -> phase(s, phase).opsPerSecond()), routeTarget);
            String p99Target = phase.equals(BenchRun.ROUTE) ? "<= 0.5" : "< 1";
            report.ratio(phase + " p50 ms", mean(ours, s -> phase(s, phase).p50Millis()),
                mean(apache, s -> phase(s, phase).p50Millis()), phase.startsWith("register-big") ? "<= 0.5" : "< 1");
            report.ratio(phase + " p99 ms", mean(ours, s -> phase(s, phase).p99Millis()),
                mean(apache, s -> phase(s, phase).p99Millis()), p99Target);
            report.ratio(phase + " p99.9 ms", mean(ours, s -> phase(s, phase).p999Millis()),
                mean(apache, s -> phase(s, phase).p999Millis()), "< 1");
            report.ratio(phase + " max ms", mean(ours, s -> phase(s, phase).maxMillis()),
                mean(apache, s -> phase(s, phase).maxMillis()), "< 1");
            report.ratio(phase + " server CPU us/op", mean(ours, s -> phase(s, phase).serverCpuMicrosPerOp()),
                mean(apache, s -> phase(s, phase).serverCpuMicrosPerOp()), "< 1");
        }
        report.ratio("RSS after fleet MiB", mean(ours, s -> s.result().memoryAfterFleet().rssMiB()),
            mean(apache, s -> s.result().memoryAfterFleet().rssMiB()), "<= 0.7");
        report.ratio("heap after GC after fleet MiB", mean(ours, s -> s.result().memoryAfterFleet().heapAfterGcMiB()),
            mean(apache, s -> s.result().memoryAfterFleet().heapAfterGcMiB()), "< 1");
        report.ratio("heap per topic-queue entry bytes", mean(ours, s -> s.result().heapBytesPerTopicQueueEntry()),
            mean(apache, s -> s.result().heapBytesPerTopicQueueEntry()), "< 1");
        report.ratio("heap per topic route bytes", mean(ours, s -> s.result().heapBytesPerTopicRoute()),
            mean(apache, s -> s.result().heapBytesPerTopicRoute()), "<= 1");
        report.ratio("RSS at the end MiB", mean(ours, s -> s.result().memoryAtEnd().rssMiB()),
            mean(apache, s -> s.result().memoryAtEnd().rssMiB()), "<= 0.8");
        report.ratio("start-to-listening ms", mean(ours, s -> s.startMillis()), mean(apache, s -> s.startMillis()),
            "<= 0.7");
        long errors = 0;
        for (Sample s : ours) {
            errors += s.result().phases().stream().mapToLong(PhaseResult::errors).sum();
        }
        for (Sample s : apache) {
            errors += s.result().phases().stream().mapToLong(PhaseResult::errors).sum();
        }
        report.line("  errors in all phases, both servers: " + errors);
        if (!echo.isEmpty()) {
            double echoOps = echo.stream().mapToDouble(PhaseResult::opsPerSecond).average().orElse(Double.NaN);
            double oursOps = mean(ours, s -> phase(s, BenchRun.ROUTE).opsPerSecond());
            report.line(String.format(java.util.Locale.ROOT,
                "  bare Netty echo ceiling: %.0f ops/s; ours reaches %.0f%% of it (target >= 60%%)", echoOps,
                100 * oursOps / echoOps));
        }
    }

    private static PhaseResult phase(Sample s, String name) {
        return s.result().phase(name);
    }

    private static double mean(List<Sample> samples, ToDoubleFunction<Sample> f) {
        return samples.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
