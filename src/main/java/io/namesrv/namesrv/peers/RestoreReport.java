package io.namesrv.namesrv.peers;

/**
 * What the start-up restore did, for /status and the log: where routes came from
 * ({@code snapshot}, {@code peers} or {@code none}), how many broker processes and groups were
 * restored, when, how long it took, and a sentence for anything worth knowing (a refused snapshot,
 * unreachable peers).
 */
public record RestoreReport(String source, int brokers, int groups, long restoredAt, long tookMillis, String detail) {

    static RestoreReport none(long now, long tookMillis, String detail) {
        return new RestoreReport("none", 0, 0, now, tookMillis, detail);
    }
}
