package io.namesrv.namesrv.hardening;

import io.namesrv.remoting.netty.WireClient;
import io.namesrv.remoting.protocol.RemotingCommand;
import io.namesrv.remoting.protocol.ResponseCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Sequential route lookups on one connection for a while, recording each latency and failure. */
final class LatencyProbe {

    private final List<Long> micros = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    static LatencyProbe run(int port, String topic, long millis) throws IOException, InterruptedException {
        LatencyProbe probe = new LatencyProbe();
        long deadline = System.currentTimeMillis() + millis;
        try (WireClient client = new WireClient(port, 3000)) {
            while (System.currentTimeMillis() < deadline) {
                long start = System.nanoTime();
                RemotingCommand answer = client.call(Requests.route(topic));
                probe.micros.add((System.nanoTime() - start) / 1000);
                if (answer.getCode() != ResponseCode.SUCCESS) {
                    probe.failures.add(answer.getCode() + " " + answer.getRemark());
                }
                Thread.sleep(5);
            }
        }
        return probe;
    }

    int count() {
        return micros.size();
    }

    List<String> failures() {
        return failures;
    }

    long percentileMillis(double p) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1000;
    }

    long maxMillis() {
        return Collections.max(micros) / 1000;
    }

    @Override
    public String toString() {
        return count() + " lookups, p50 " + percentileMillis(50) + " ms, p99 " + percentileMillis(99) + " ms, max "
            + maxMillis() + " ms";
    }
}
